#!/usr/bin/perl
# assemble.pl - make the extension's install script from its parts and data.
#
#   perl sql/assemble.pl VERSION sql/install/*.sql > sql/nkwatch--VERSION.sql
#   perl sql/assemble.pl OLD--NEW sql/upgrade/OLD--NEW.sql > sql/nkwatch--OLD--NEW.sql
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
#
# A third form, for upgrade scripts, re-runs the definitions of install parts:
#   --@replace sql/install/*.sql
# is replaced by every CREATE FUNCTION, PROCEDURE, VIEW and TRIGGER statement
# of those parts as CREATE OR REPLACE, every COMMENT ON statement and every
# DO block (which must therefore be safe to run again), in their order, each
# byte for byte as the part has it.  Other statements (tables, indexes, types,
# grants, data) are left out: an upgrade part writes their changes by hand.
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

# The statements of an SQL file, each with the comment lines before it, as
# written; a statement ends at a semicolon outside quotes, dollar quotes and
# comments.
sub statements
{
	my ($file) = @_;
	open my $fh, '<:raw', $file or die "$file: $!\n";
	my $text = do { local $/; <$fh> };
	close $fh;
	my @stmts;
	my $start = 0;
	pos($text) = 0;
	while (pos($text) < length($text))
	{
		$text =~ m{\G(?:[^;'"\$/-]+|--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|"[^"]*"|(\$\w*\$).*?\1|[\$/-]|(;))}gcs
		  or die "$file: unterminated quote or comment at byte " . pos($text) . "\n";
		next unless defined $2;
		push @stmts, substr($text, $start, pos($text) - $start);
		$start = pos($text);
	}
	die "$file: no semicolon after the last statement\n"
	  if substr($text, $start) !~ /\A(?:\s+|--[^\n]*)*\z/;
	return @stmts;
}

sub replace_sql
{
	my ($file) = @_;
	my $sql = '';
	for my $stmt (statements($file))
	{
		# the statement without the comments and blank lines before it
		(my $body = $stmt) =~ s/\A(?:\s+|--[^\n]*\n)+//;
		if ($body =~ s/\ACREATE\s+(FUNCTION|PROCEDURE|VIEW|TRIGGER)\b/CREATE OR REPLACE $1/i
			|| $body =~ /\A(?:CREATE\s+OR\s+REPLACE|COMMENT\s+ON|DO)\b/i)
		{
			$sql .= "$body\n\n";
		}
	}
	return $sql eq '' ? '' : "-- definitions of $file\n$sql";
}

my $version = shift @ARGV or die "usage: assemble.pl VERSION PART...\n";
if ($version =~ /\A(.+)--(.+)\z/)
{
	print "-- nkwatch $1 to $2 upgrade script, assembled from sql/upgrade/, sql/install/ and data/: do not edit\n";
	print "\\echo Use \"ALTER EXTENSION nkwatch UPDATE TO '$2'\" to load this file. \\quit\n";
}
else
{
	print "-- nkwatch $version install script, assembled from sql/install/ and data/: do not edit\n";
	print "\\echo Use \"CREATE EXTENSION nkwatch\" to load this file. \\quit\n";
}
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
		if ($line =~ /^--\@replace\s+(.+?)\s*$/)
		{
			my @files = sort map { glob } split ' ', $1;
			print replace_sql($_) for @files;
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
