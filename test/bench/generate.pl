#!/usr/bin/perl
# generate.pl -- varied news pages for the nkwatch benchmark, made from the
# project's own article fixtures (test/fixtures/articles/*.txt, CC0).
#
#   generate.pl [-n N] [--seed S] [--fixtures DIR]            N pages as COPY text rows:
#                                                             id <TAB> template <TAB> raw
#   generate.pl --bytes B [--seed S] [--fixtures DIR]         one document of exactly B bytes
#                                                             (pages joined by blank lines, cut
#                                                             at a line end, padded with spaces)
#
# Each page starts from one fixture page and is varied: reporter and analyst
# names are replaced with invented ones, officials are swapped among
# themselves, numbers are rescaled, years shifted and months/days changed,
# story paragraphs are reordered, dropped or borrowed from other fixtures
# (0.5x to 3x the length), and furniture lines (ads, "Related:", captions,
# link lists) are dropped or added from a pool written for this harness.
# The output is deterministic for a given seed.  No text comes from outside
# the project's fixtures and this file.
use strict;
use warnings;
use Getopt::Long;
use File::Basename qw(dirname basename);

my $n        = 2000;
my $seed     = 20240619;
my $bytes;
my $fixtures = dirname(__FILE__) . '/../fixtures/articles';
GetOptions('n=i' => \$n, 'seed=i' => \$seed, 'bytes=i' => \$bytes,
           'fixtures=s' => \$fixtures)
    or die "usage: generate.pl [-n N | --bytes B] [--seed S] [--fixtures DIR]\n";
die "generate.pl: -n must be positive\n" if $n < 1;
srand($seed);

sub slurp { my ($f) = @_; open my $fh, '<:raw', $f or die "generate.pl: $f: $!\n"; local $/; my $s = <$fh>; close $fh; $s }

# ---- the fixtures ----------------------------------------------------------
my %index;                                  # file -> { author, dateline }
for my $line (split /\n/, slurp("$fixtures/index.tsv")) {
    my ($file, $title, $author, $published, $dateline) = split /\t/, $line;
    next if $file eq 'file';
    $index{$file} = { author => $author, dateline => $dateline };
}
my @templates;                              # { file, blocks => [[kind, text]], authors }
my @borrow;                                 # story paragraphs without a wire dateline
for my $path (sort glob("$fixtures/[0-9][0-9]-*.txt")) {
    my $file = basename($path);
    my %story = map { $_ => 1 } grep { length } split /\n/, slurp("$fixtures/body/$file");
    my @blocks;
    my $seen_story = 0;
    for my $b (split /\n\n+/, slurp($path)) {
        $b =~ s/\n+\z//;
        next unless length $b;
        if ($story{$b}) {
            push @blocks, ['story', $b];
            push @borrow, $b if $seen_story++ && $b !~ /^\p{Lu}{2,}[A-Za-z ,.]*\d*.*?(--|\/TASS\/|—)/;
        } else {
            push @blocks, [$seen_story ? 'furniture' : 'header', $b];
        }
    }
    my $a = $index{$file}{author} // 'NULL';
    my @authors = $a eq 'NULL' ? () : split / and /, $a;
    push @templates, { file => $file, blocks => \@blocks, authors => \@authors };
}
die "generate.pl: no fixtures in $fixtures\n" unless @templates;

# ---- pools written for this harness ------------------------------------------
my @first = qw(Anneli Bartosz Camille Dario Edda Fintan Greta Hamid Ines Jonas Kaja Lorenz
               Mireille Nils Odile Pavel Quinn Rosalind Stellan Teodora Ulrik Vesna Wendell Yara
               Min-jun Seo-yeon Ji-ho Hye-won Dong-hyun Eun-ji);
my @last  = qw(Aldercott Brennholt Castellane Dunmore Eskeland Farrow Gallagher Hollis Ibsen
               Jarnefelt Kowalczyk Lindgren Morrow Nakashima Oyelaran Pellegrini Quarles Ranft
               Sandoval Thorne Underhill Valcourt Whitlock Yelverton Zabala Baek Cho Han Jung Yoon);
my @officials = ('Sergei Shoigu', 'Dmitry Peskov', 'Matthew Miller', 'Choe Son Hui',
                 'Sergei Lavrov', 'Yuri Ushakov', 'Pak Jong Chon', 'Jo Chun Ryong');
my @furniture = (
    'Advertisement',
    'Trending Now',
    'Most Read',
    'Share this article',
    'Continue reading below',
    'Story continues after this message',
    'Related: Satellite photos show a busy rail yard on the Tumen border',
    'Related: What a defence pact between Moscow and Pyongyang could mean',
    'Read more: Inside the munitions factories of North Hamgyong',
    'Photo: Handout / pool',
    'Photo: Archive image of the Khasan border crossing',
    "Sign up for our daily briefing\nEnter your email address\nSign up",
    "Most Popular\n1. Won steadies after a volatile week\n2. Rail link reopens after flood repairs\n3. Ferry service resumes to Ulleung Island",
    "Tags: North Korea, Russia, diplomacy, sanctions",
    "Facebook  X  Telegram  WhatsApp  Email",
    "Comments are closed for this article.",
);
my @months = qw(January February March April May June July August September October November December);

sub pick { $_[int rand @_] }
sub invented_name { pick(@first) . ' ' . (rand() < 0.2 ? pick('A.','J.','K.','M.','R.') . ' ' : '') . pick(@last) }

# Rescale a number printed as 12, 3,000 or 10,000 (not a year, not part of a time).
sub rescale {
    my ($num) = @_;
    (my $v = $num) =~ tr/,//d;
    my $new = int($v * (0.5 + rand 1.5)) || 1;
    if ($num =~ /,/) { 1 while $new =~ s/^(\d+)(\d{3})/$1,$2/; }
    return $new;
}

# Vary the dates of one page: every year by the same offset, every month name
# to this page's month (printed the same way), every day after or before a
# month name to a day that exists in any month.
sub vary_dates {
    my ($s, $dy, $m) = @_;
    $s =~ s/\b(20[12]\d)\b/$1 + $dy/ge;
    my $full = $months[$m];
    my $abbr = substr($full, 0, 3);
    my $mre  = qr/(?:January|February|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b/i;
    $s =~ s{\b($mre)(\.?)}{
        my ($w, $dot) = ($1, $2);
        my $r = (length($w) == 3 || lc($w) eq "sept") ? $abbr : $full;
        $r = uc $r if $w eq uc $w;
        $dot = '.' if length($r) == 3 && $dot eq '' && length($w) <= 4 && $w ne uc $w && rand() < 0.3;
        "$r$dot"
    }ge;
    my $day = 1 + int rand 28;
    $s =~ s/\b((?:$full|$abbr|\U$abbr\E)\.?[ ]?)(\d{1,2})\b(?!:)/$1$day/g;
    $s =~ s/\b(\d{1,2})( (?:$full|\U$abbr\E|$abbr)\b)/$day$2/g;
    return $s;
}

sub vary_numbers {
    my ($s) = @_;
    # not years, not times (11:52, 01:30), not ordinals (11th) or model names (KN-23)
    $s =~ s/(?<![\d:,.\-])(\d{1,3}(?:,\d{3})+|\d{1,3})(?![\d:,]|th|st|nd|rd|\.\d)/rescale($1)/ge;
    return $s;
}

sub page {
    my ($t) = @_;
    my @blocks = map { [@$_] } @{ $t->{blocks} };
    my @story_i = grep { $blocks[$_][0] eq 'story' } 0 .. $#blocks;

    # paragraphs: reorder all but the first (it may carry a wire dateline)
    if (@story_i > 2 && rand() < 0.6) {
        my @rest = map { $blocks[$_][1] } @story_i[1 .. $#story_i];
        for (my $i = @rest - 1; $i > 0; $i--) { my $j = int rand($i + 1); @rest[$i, $j] = @rest[$j, $i]; }
        $blocks[$story_i[$_ + 1]][1] = $rest[$_] for 0 .. $#rest;
    }
    # length: 0.5x to 3x the story
    my $factor = 0.5 + rand 2.5;
    if (@story_i && $factor < 1) {
        my $drop = int(@story_i * (1 - $factor));
        for my $i (reverse @story_i[@story_i - $drop .. $#story_i]) { splice @blocks, $i, 1 if $drop-- > 0 && $i != $story_i[0]; }
    } elsif (@story_i && $factor > 1) {
        my $extra = int(@story_i * ($factor - 1));
        my $last = (grep { $blocks[$_][0] eq 'story' } 0 .. $#blocks)[-1];
        splice @blocks, $last + 1, 0, map { ['story', pick(@borrow)] } 1 .. $extra;
    }
    # furniture: drop some, add some between paragraphs
    @blocks = grep { $_->[0] ne 'furniture' || rand() < 0.7 } @blocks;
    for (my $i = $#blocks; $i > 0; $i--) {
        splice @blocks, $i, 0, ['furniture', pick(@furniture)]
            if $blocks[$i][0] eq 'story' && $blocks[$i - 1][0] eq 'story' && rand() < 0.2;
    }
    push @blocks, ['furniture', pick(@furniture)] if rand() < 0.5;

    my $s = join "\n\n", map { $_->[1] } @blocks;
    $s .= "\n";

    # names: bylines and credits get invented names, officials are swapped
    for my $a (@{ $t->{authors} }) {
        my $new = invented_name();
        $new = uc $new if $a eq uc $a;
        $s =~ s/\Q$a\E/$new/g;
    }
    for my $who ('Harriet L. Voss', 'Sunil Marchetti', 'Walter P. Hensley Jr.', 'Jae-won Seong', 'Conor Whitby') {
        my $new = invented_name();
        $s =~ s/\Q$who\E/$new/g;
    }
    if (rand() < 0.5) {
        my ($a, $b) = (pick(@officials), pick(@officials));
        if ($a ne $b) { $s =~ s/\Q$a\E/\0/g; $s =~ s/\Q$b\E/$a/g; $s =~ s/\0/$b/g; }
    }
    $s = vary_numbers($s) if rand() < 0.8;
    $s = vary_dates($s, int(rand 5) - 3, int rand 12) if rand() < 0.8;
    return $s;
}

binmode STDOUT, ':raw';
if (defined $bytes) {
    die "generate.pl: --bytes must be positive\n" if $bytes < 1;
    my $doc = '';
    my $k = 0;
    $doc .= page($templates[$k++ % @templates]) . "\n" while length($doc) < $bytes;
    if (length($doc) > $bytes) {
        my $cut = rindex($doc, "\n", $bytes - 1);
        $cut = $bytes - 1 if $cut < 0;
        $doc = substr($doc, 0, $cut + 1);
        $doc .= ' ' x ($bytes - length $doc);
    }
    print $doc;
    exit 0;
}
for my $id (1 .. $n) {
    my $t = $templates[($id - 1) % @templates];
    my $raw = page($t);
    $raw =~ s/\\/\\\\/g; $raw =~ s/\n/\\n/g; $raw =~ s/\t/\\t/g; $raw =~ s/\r/\\r/g;
    print "$id\t$t->{file}\t$raw\n";
}
