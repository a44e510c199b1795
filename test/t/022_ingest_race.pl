# Sessions ingesting the same pages at the same moment store each page once:
# eight pgbench clients call nk_ingest on the same four pages (by content
# alone, and under one url each), and the store ends with exactly the rows
# one serial ingest of the four pages gives.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('ingest_race');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION nkwatch');

my @files = (sort glob('test/fixtures/articles/[0-9]*.txt'))[ 0 .. 3 ];
is(scalar(grep { defined } @files), 4, 'four fixture pages found');
my $load = "CREATE TABLE page (id int PRIMARY KEY, raw text, url text);\n"
  . "CREATE TABLE got (client int, page int, id bigint);\n";
my $id = 0;
for my $file (@files)
{
	my $raw = slurp_file($file);
	$raw =~ s/'/''/g;
	$id++;
	$load .= "INSERT INTO page VALUES ($id, '$raw', 'https://race.example/$id');\n";
}
$node->safe_psql('postgres', $load);

# What one session alone stores for these pages, computed by the functions.
my $expected = $node->safe_psql(
	'postgres', q{
SELECT count(*), sum((SELECT count(*) FROM nk_entities((nk_article(raw)).body))),
       sum((SELECT count(*) FROM nk_events((nk_article(raw)).body, (nk_article(raw)).published))),
       sum((SELECT count(*) FROM nk_claims((nk_article(raw)).body, (nk_article(raw)).published)))
  FROM page});

# 8 clients x 40 transactions; the first transactions of all clients start
# together and most pick the same page.  Half the calls give the url, half
# the content alone: both must find the one stored article.
$node->pgbench(
	'--no-vacuum --client=8 --jobs=8 --transactions=40',
	0,
	[ qr{processed: 320/320}, qr{number of failed transactions: 0\b} ],
	[qr{^$}],
	'8 sessions ingest the same pages at once without an error',
	{
		'022_ingest' => q{
\set p random(1, 4)
\set with_url random(0, 1)
INSERT INTO got
SELECT :client_id, id, nk_ingest(raw, CASE WHEN :with_url = 1 THEN url END) FROM page WHERE id = :p;
}
	});

is($node->safe_psql('postgres', 'SELECT count(*) FROM got'), '320', 'every call returned');
is($node->safe_psql('postgres', 'SELECT count(*) FROM nk_articles'), '4', 'each page stored once');
is( $node->safe_psql(
		'postgres', q{
SELECT count(*) FROM (SELECT page FROM got GROUP BY page HAVING count(DISTINCT id) <> 1) x}),
	'0',
	'every call for a page returned the same id');
is( $node->safe_psql(
		'postgres', q{
SELECT count(*) FROM got g JOIN page p ON p.id = g.page
  LEFT JOIN nk_articles a ON a.id = g.id AND a.raw = p.raw
 WHERE a.id IS NULL}),
	'0',
	'the id returned is the stored article of that page');
is( $node->safe_psql(
		'postgres', q{
SELECT (SELECT count(*) FROM nk_articles), (SELECT count(*) FROM nk_mentions),
       (SELECT count(*) FROM nk_article_events), (SELECT count(*) FROM nk_article_claims)}),
	$expected,
	'exactly the mentions, events and claims of one ingest of each page');
is( $node->safe_psql(
		'postgres', q{
SELECT count(*) FROM nk_stories s
  LEFT JOIN (SELECT story_id, count(*) AS ev, count(DISTINCT article_id) AS ar
               FROM nk_article_events GROUP BY story_id) e ON e.story_id = s.id
 WHERE e.story_id IS NULL OR (s.num_events, s.num_articles) IS DISTINCT FROM (e.ev::int, e.ar::int)}),
	'0',
	'story counts agree with the linked events');
is( $node->safe_psql(
		'postgres', q{
SELECT count(*) FROM nk_article_events
 WHERE story_id IS NULL AND (actor IS NOT NULL OR target IS NOT NULL)}),
	'0',
	'every event with a participant is linked to a story');
is( $node->safe_psql(
		'postgres', q{
SELECT count(*) FROM (SELECT a_article, a_n, b_article, b_n FROM nk_claim_relations
                      GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) x}),
	'0',
	'no claim pair related twice');

$node->stop;
done_testing();
