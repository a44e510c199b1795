# Eight sessions calling nkwatch at once get exactly the results one session
# gets alone: the engine keeps no state across calls and shares nothing
# between backends.
use strict;
use warnings;

use File::Basename qw(basename);
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('concurrency');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION nkwatch');

# The fixture articles, one row each.
my @files = sort glob('test/fixtures/articles/[0-9]*.txt');
cmp_ok(scalar(@files), '>=', 10, 'fixture articles found');
my $load = "CREATE TABLE article (id int PRIMARY KEY, name text, raw text);\n";
my $id = 0;
for my $file (@files)
{
	my $raw = slurp_file($file);
	$raw =~ s/'/''/g;
	$id++;
	$load .= sprintf("INSERT INTO article VALUES (%d, '%s', '%s');\n", $id, basename($file), $raw);
}
$node->safe_psql('postgres', $load);
my $n = scalar(@files);
is($node->safe_psql('postgres', 'SELECT count(*) FROM article'), $n, 'articles loaded');

# What is compared: every column of every sentence row, and the whole
# nk_article() record with and without a fetched time, as digests.
$node->safe_psql(
	'postgres', q{
CREATE FUNCTION sentences_digest(doc text) RETURNS text LANGUAGE sql AS $$
  SELECT count(*) || ':' || md5(coalesce(string_agg(s.sentence || '|' || s.pos || '|' || s.len || '|' || s.text,
                                                    E'\n' ORDER BY s.sentence), ''))
  FROM nk_sentences(doc) s
$$;
CREATE FUNCTION article_digest(doc text) RETURNS text LANGUAGE sql AS $$
  SELECT md5(nk_article(doc)::text) || ':' || md5(nk_article(doc, '2025-01-01 00:00+00')::text)
$$;
CREATE TABLE serial AS
  SELECT id, sentences_digest(raw) AS sentences, article_digest(raw) AS article FROM article;
CREATE TABLE result (id int, sentences text, article text);
});

# the serial results are real results, one per article
is($node->safe_psql('postgres', 'SELECT count(DISTINCT sentences), count(DISTINCT article) FROM serial'),
	"$n|$n", 'each article has its own sentences and metadata');
is($node->safe_psql('postgres',
		"SELECT count(*) FROM serial WHERE sentences LIKE '0:%'"),
	'0', 'every raw page has sentences');

# 8 clients x 200 transactions, each calling every function on a random article
$node->pgbench(
	'--no-vacuum --client=8 --jobs=8 --transactions=200',
	0,
	[ qr{processed: 1600/1600}, qr{number of failed transactions: 0\b} ],
	[qr{^$}],
	'8 concurrent sessions call nk_sentences and nk_article without an error',
	{
		'002_nkwatch_calls' => qq{
\\set id random(1, $n)
INSERT INTO result SELECT id, sentences_digest(raw), article_digest(raw) FROM article WHERE id = :id;
SELECT count(*) FROM article, nk_sentences(raw) WHERE id = :id;
SELECT (nk_article(raw)).title FROM article WHERE id = :id;
}
	});

is($node->safe_psql('postgres', 'SELECT count(*) FROM result'), '1600',
	'every transaction recorded its results');
cmp_ok($node->safe_psql('postgres', 'SELECT count(DISTINCT id) FROM result'), '>', $n / 2,
	'the calls spread over the articles');
is( $node->safe_psql(
		'postgres', q{
SELECT string_agg(a.name, ', ' ORDER BY a.name)
FROM result r JOIN serial s USING (id) JOIN article a USING (id)
WHERE r.sentences IS DISTINCT FROM s.sentences OR r.article IS DISTINCT FROM s.article}),
	'',
	'the concurrent results equal the serial ones');

$node->stop;
done_testing();
