#!/usr/bin/perl
# gen_events_lexicon.pl - compile the events stage's reviewed data files into C.
#
#   perl src/engine/gen_events_lexicon.pl data/events/cameo.tsv data/events/triggers.tsv \
#        data/events/cues.tsv > src/engine/nk_events_lexicon.h
#
# The same files load the nk_cameo, nk_event_triggers and nk_event_cues
# tables of the extension (sql/assemble.pl), so the engine outside the
# database (unit tests, command line, fuzzers) and the tables agree.
#
# Verb inflection (pos "verb"): for a lemma L the forms are L, L+s (L+es
# after s, x, z, ch, sh, o; y after a consonant -> ies), L+ed (L+d after e;
# y after a consonant -> ied) and L+ing (a final e other than ee dropped),
# plus the forms column (irregular and doubled-consonant forms).  A form is a
# possible past participle (for the passive) when it is the -ed form or a
# listed form not ending in -s or -ing.  Noun inflection (pos "noun"): the
# last word and its plural (+s, +es after s, x, z, ch, sh; consonant+y ->
# ies), plus the forms column.  A wrong regular form ("sended") is harmless:
# no text has it.
use strict;
use warnings;

my ($cameo, $triggers, $cues) = @ARGV;
die "usage: gen_events_lexicon.pl cameo.tsv triggers.tsv cues.tsv\n" unless $cues;

sub rows
{
	my ($file) = @_;
	open my $fh, '<:raw', $file or die "$file: $!\n";
	my @rows;
	while (my $line = <$fh>)
	{
		$line =~ s/\r?\n\z//;
		next if $line =~ /^#/ || $line =~ /^\s*$/;
		push @rows, [ $., split /\t/, $line, -1 ];
	}
	return @rows;
}

sub cstr
{
	my ($s) = @_;
	$s =~ s/(["\\])/\\$1/g;
	return "\"$s\"";
}

my %slot = map { $_ => 1 } qw(subj obj poss to in at from with on against into of for between by over about none);
my %status = map { $_ => 1 } qw(planned speculated alleged denied negated cancelled);
my %needs = (q{-} => 'NK_NEED_NONE', arms => 'NK_NEED_ARMS', troops => 'NK_NEED_TROOPS', gift => 'NK_NEED_GIFT',
			 claim => 'NK_NEED_CLAIM');

my (@types, %type);
for my $r (rows($cameo))
{
	my ($line, $t, $code, $quad, $gold, $plover, $desc, $note) = @$r;
	die "$cameo:$line: 8 fields expected\n" unless defined $note;
	die "$cameo:$line: CAMEO code $code is not 2-4 digits\n" unless $code =~ /^\d{2,4}$/;
	die "$cameo:$line: QuadClass $quad\n" unless $quad =~ /^[1-4]$/;
	$type{$t} = scalar @types;
	push @types, [ $t, $code, $quad, $gold, $plover ];
}

sub inflect_verb
{
	my ($l) = @_;
	my @f = ($l);
	if ($l =~ /(s|x|z|ch|sh|o)$/) { push @f, "${l}es" }
	elsif ($l =~ /[^aeiou]y$/) { (my $x = $l) =~ s/y$/ies/; push @f, $x }
	else { push @f, "${l}s" }
	my $ed;
	if ($l =~ /e$/) { $ed = "${l}d" }
	elsif ($l =~ /[^aeiou]y$/) { ($ed = $l) =~ s/y$/ied/ }
	else { $ed = "${l}ed" }
	push @f, $ed;
	if ($l =~ /[^e]e$/) { (my $x = $l) =~ s/e$/ing/; push @f, $x }
	else { push @f, "${l}ing" }
	return (\@f, $ed);
}

sub plural
{
	my ($n) = @_;
	return $n if $n =~ /s$/ && $n !~ /ss$/;
	return "${n}es" if $n =~ /(ss|x|z|ch|sh)$/;
	if ($n =~ /[^aeiou]y$/) { (my $x = $n) =~ s/y$/ies/; return $x }
	return "${n}s";
}

my @trig;
for my $r (rows($triggers))
{
	my ($line, $t, $pos, $phrase, $forms, $actor, $target, $need, $conf) = @$r;
	die "$triggers:$line: 8 fields expected\n" unless defined $conf;
	die "$triggers:$line: unknown type $t\n" unless exists $type{$t};
	die "$triggers:$line: bad pos $pos\n" unless $pos =~ /^(verb|noun|fixed)$/;
	die "$triggers:$line: bad needs $need\n" unless exists $needs{$need};
	for my $s (split(/\|/, $actor), split(/\|/, $target))
	{
		die "$triggers:$line: unknown slot $s\n" unless $slot{$s};
	}
	my @w = split ' ', $phrase;
	die "$triggers:$line: more than 6 words\n" if @w > 6;
	my @extra = grep { $_ ne '' } split /\|/, $forms;
	my @variants;		# [words, participle]
	if ($pos eq 'verb')
	{
		my ($f, $ed) = inflect_verb($w[0]);
		my %seen;
		for my $form (@$f, @extra)
		{
			next if $seen{$form}++;
			my $part = $form eq $ed || (grep({ $_ eq $form } @extra) && $form !~ /(s|ing)$/) ? 1 : 0;
			push @variants, [ [ $form, @w[1 .. $#w] ], $part ];
		}
	}
	elsif ($pos eq 'noun')
	{
		my %seen;
		for my $form ($w[-1], plural($w[-1]), @extra)
		{
			next if $seen{$form}++;
			push @variants, [ [ @w[0 .. $#w - 1], $form ], 0 ];
		}
	}
	else
	{
		push @variants, [ [@w], 0 ];
	}
	my $slots = sub {
		my @s = map { 'NK_SLOT_' . uc } grep { $_ ne 'none' } split /\|/, shift;
		push @s, 'NK_SLOT_END' while @s < 4;
		return '{' . join(', ', @s[0 .. 3]) . '}';
	};
	for my $v (@variants)
	{
		my ($words, $part) = @$v;
		push @trig, [ $words->[0], sprintf("\t{{%s}, %d, NK_EV_%s, NK_POS_%s, %s, %d, %s, %s, %.2ff},\n",
			join(', ', map { cstr($_) } @$words), scalar @$words, $t, uc $pos, $needs{$need}, $part,
			$slots->($actor), $slots->($target), $conf) ];
	}
}

my @cue;
for my $r (rows($cues))
{
	my ($line, $c, $kind, $st, $scope) = @$r;
	die "$cues:$line: 4 fields expected\n" unless defined $scope;
	die "$cues:$line: bad kind $kind\n" unless $kind =~ /^(status|attribution|conditional|arms|troops|gift)$/;
	die "$cues:$line: bad status $st\n" if $kind eq 'status' && !$status{$st};
	die "$cues:$line: bad scope $scope\n" if $kind eq 'status' && $scope !~ /^(near|clause|after)$/;
	my @w = split ' ', $c;
	die "$cues:$line: more than 4 words\n" if @w > 4;
	push @cue, [ $w[0], sprintf("\t{{%s}, %d, NK_CUE_%s, NK_ST_%s, NK_SCOPE_%s},\n",
		join(', ', map { cstr($_) } @w), scalar @w, uc $kind,
		$kind eq 'status' ? uc $st : 'REPORTED', $kind eq 'status' ? uc $scope : 'NONE') ];
}

print "/* Generated by src/engine/gen_events_lexicon.pl from $cameo, $triggers and $cues: do not edit. */\n\n";
print "typedef enum nk_ev_type_id\n{\n";
print "\tNK_EV_$_->[0],\n" for @types;
print "\tNK_EV_TYPE_COUNT\n} nk_ev_type_id;\n\n";
print "static const nk_event_type_info nk_ev_types[NK_EV_TYPE_COUNT] = {\n";
printf "\t{%s, %s, %d, %.1ff, %s},\n", cstr($_->[0]), cstr($_->[1]), $_->[2], $_->[3],
	$_->[4] eq '' ? 'NULL' : cstr($_->[4]) for @types;
print "};\n\n";
print "/* sorted by first word (strcmp order) */\n";
print "static const nk_ev_trigger nk_ev_triggers[] = {\n";
print $_->[1] for sort { $a->[0] cmp $b->[0] } @trig;
print "};\n\n";
print "static const nk_ev_cue nk_ev_cues[] = {\n";
print $_->[1] for sort { $a->[0] cmp $b->[0] } @cue;
print "};\n";
