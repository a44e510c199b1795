#!/usr/bin/perl
# assemble.pl - make the extension's install script from its parts and data.
#
#   perl sql/assemble.pl VERSION sql/install/*.sql > sql/nkwatch--VERSION.sql
#
# The parts are copied in order.  A part line of the form
#   --@data data/gazetteer/*.tsv
# is replaced by INSERT statements for the rows of those data files, so that a
# part can create its tables, load its shipped rows and post-process them.
# Nothing is read from the server's file system at CREATE EXTENSION time.
#
# A data file is UTF-8 text, one entry a line, TAB-separated; lines starting
# with # are comments.  Two header comments say where its rows go:
#   #table: nk_some_table
#   #columns: first_column second_column:list ...
# An empty field is NULL; a column marked :list is a |-separated text[].
#
# A second form loads word lists, files without headers:
#   --@words nk_lexicon data/lexicon/*.txt data/lexicon/capitals.tsv
# Each line of such a file is a word, optionally a TAB and a value; '#' lines
# are comments.  Its rows go to the table named first, columns (list, word,
# value), where list is the file's name without its extension
# ("given-names").  Fields are trimmed of spaces, as the engine's own loader
# (nk_gazetteer_load_lexicon) trims them.
use strict;
use warnings;

binmode STDOUT, ':raw';

sub quote
{
	my ($v) = @_;
	return 'NULL' if !defined $v || $v eq '';
	$v =~ s/'/''/g;
	return "'$v'";
}

sub quote_list
{
	my ($v) = @_;
	return 'NULL' if !defined $v || $v eq '';
	return 'ARRAY[' . join(', ', map { quote($_) } grep { $_ ne '' } split /\|/, $v) . ']::text[]';
}

sub data_sql
{
	my ($file) = @_;
	open my $fh, '<:raw', $file or die "$file: $!\n";
	my ($table, @columns, @list, @rows);
	while (my $line = <$fh>)
	{
		$line =~ s/\r?\n\z//;
		if ($line =~ /^#\s*table:\s*(\w+)\s*$/) { $table = $1; next; }
		if ($line =~ /^#\s*columns:\s*(.+?)\s*$/)
		{
			@columns = ();
			@list = ();
			for my $c (split ' ', $1)
			{
				my ($name, $kind) = split /:/, $c;
				push @columns, $name;
				push @list, defined $kind && $kind eq 'list';
			}
			next;
		}
		next if $line =~ /^#/ || $line =~ /^\s*$/;
		die "$file:$.: no #table: and #columns: header before the first row\n" unless $table && @columns;
		my @fields = split /\t/, $line, -1;
		die "$file:$.: " . scalar(@fields) . " fields, expected " . scalar(@columns) . "\n"
		  unless @fields == @columns;
		push @rows, '(' . join(', ', map { $list[$_] ? quote_list($fields[$_]) : quote($fields[$_]) } 0 .. $#fields) . ')';
	}
	close $fh;
	return '' unless @rows;
	my $sql = "-- rows of $file\n";
	while (my @batch = splice @rows, 0, 1000)
	{
		$sql .= "INSERT INTO \@extschema\@.$table (" . join(', ', @columns) . ") VALUES\n"
		  . join(",\n", @batch) . ";\n";
	}
	return $sql;
}

sub words_sql
{
	my ($table, $file) = @_;
	open my $fh, '<:raw', $file or die "$file: $!\n";
	my ($list) = $file =~ m{([^/]+?)(?:\.[^./]*)?\z};
	my @rows;
	while (my $line = <$fh>)
	{
		$line =~ s/\r?\n\z//;
		next if $line =~ /^\s*#/ || $line =~ /^\s*$/;
		my ($word, $value, @rest) = map { s/^ +| +\z//gr } split /\t/, $line, -1;
		die "$file:$.: more than a word and a value\n" if grep { $_ ne '' } @rest;
		push @rows, '(' . join(', ', quote($list), quote($word), quote($value)) . ')';
	}
	close $fh;
	return '' unless @rows;
	my $sql = "-- words of $file\n";
	while (my @batch = splice @rows, 0, 1000)
	{
		$sql .= "INSERT INTO \@extschema\@.$table (list, word, value) VALUES\n" . join(",\n", @batch) . ";\n";
	}
	return $sql;
}

my $version = shift @ARGV or die "usage: assemble.pl VERSION PART...\n";
print "-- nkwatch $version install script, assembled from sql/install/ and data/: do not edit\n";
print "\\echo Use \"CREATE EXTENSION nkwatch\" to load this file. \\quit\n";
for my $part (@ARGV)
{
	open my $fh, '<:raw', $part or die "$part: $!\n";
	print "\n-- from $part\n";
	while (my $line = <$fh>)
	{
		if ($line =~ /^--\@data\s+(.+?)\s*$/)
		{
			my @files = sort map { glob } split ' ', $1;
			print data_sql($_) for @files;
			next;
		}
		if ($line =~ /^--\@words\s+(\w+)\s+(.+?)\s*$/)
		{
			my $table = $1;
			my @files = sort map { glob } split ' ', $2;
			print words_sql($table, $_) for @files;
			next;
		}
		print $line;
	}
	close $fh;
}
