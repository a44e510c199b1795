# Scale-out with postgres_fdw: a coordinator and two shard servers on
# loopback.  The coordinator routes each page to a shard by its content hash
# (a hash-partitioned table of foreign partitions, the shards' inbox tables,
# whose trigger runs nk_ingest there); the shards' articles, events and
# mentions are the foreign partitions of partitioned tables on the
# coordinator, scanned asynchronously, with nkwatch's immutable functions
# shipped to the shards ('extensions' option).  The same pages ingested on
# one server give the same query results.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my @shard;
for my $k (1, 2)
{
	my $node = PostgreSQL::Test::Cluster->new("shard$k");
	$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
	$node->start;
	# shard k stores articles with ids k, k + 2, k + 4, ...: (id % 2) names the shard
	$node->safe_psql(
		'postgres', qq{
CREATE EXTENSION nkwatch;
ALTER SEQUENCE nk_articles_id_seq RESTART WITH $k INCREMENT BY 2;
CREATE TABLE inbox (content_hash bytea, raw text, url text, published timestamptz, outlet text);
CREATE FUNCTION inbox_ingest() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN
    PERFORM public.nk_ingest(NEW.raw, NEW.url, NEW.published, NEW.outlet);
    RETURN NULL;
END
\$\$;
CREATE TRIGGER inbox_ingest BEFORE INSERT ON inbox FOR EACH ROW EXECUTE FUNCTION inbox_ingest();
});
	push @shard, $node;
}

my $coord = PostgreSQL::Test::Cluster->new('coordinator');
$coord->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$coord->start;
my $setup = "CREATE EXTENSION nkwatch;\nCREATE EXTENSION postgres_fdw;\nCREATE SCHEMA dist;\n";
for my $k (1, 2)
{
	my ($host, $port) = ($shard[ $k - 1 ]->host, $shard[ $k - 1 ]->port);
	$setup .= qq{
CREATE SERVER shard$k FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '$host', port '$port', dbname 'postgres', extensions 'nkwatch', async_capable 'true');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard$k;
};
}
$setup .= q{
CREATE TABLE dist.inbox (content_hash bytea NOT NULL, raw text, url text, published timestamptz, outlet text)
    PARTITION BY HASH (content_hash);
CREATE FOREIGN TABLE dist.inbox_1 PARTITION OF dist.inbox FOR VALUES WITH (MODULUS 2, REMAINDER 0)
    SERVER shard1 OPTIONS (schema_name 'public', table_name 'inbox');
CREATE FOREIGN TABLE dist.inbox_2 PARTITION OF dist.inbox FOR VALUES WITH (MODULUS 2, REMAINDER 1)
    SERVER shard2 OPTIONS (schema_name 'public', table_name 'inbox');

CREATE TABLE dist.articles (id bigint, url text, outlet text, content_hash bytea, raw text, title text,
                            author text, published timestamptz, day date, body text, entity_keys text[])
    PARTITION BY LIST ((id % 2));
CREATE FOREIGN TABLE dist.articles_1 PARTITION OF dist.articles FOR VALUES IN (1)
    SERVER shard1 OPTIONS (schema_name 'public', table_name 'nk_articles');
CREATE FOREIGN TABLE dist.articles_2 PARTITION OF dist.articles FOR VALUES IN (0)
    SERVER shard2 OPTIONS (schema_name 'public', table_name 'nk_articles');

CREATE TABLE dist.events (article_id bigint, n int, event_type text, actor text, target text,
                          status text, date_from date, date_to date, day date)
    PARTITION BY LIST ((article_id % 2));
CREATE FOREIGN TABLE dist.events_1 PARTITION OF dist.events FOR VALUES IN (1)
    SERVER shard1 OPTIONS (schema_name 'public', table_name 'nk_article_events');
CREATE FOREIGN TABLE dist.events_2 PARTITION OF dist.events FOR VALUES IN (0)
    SERVER shard2 OPTIONS (schema_name 'public', table_name 'nk_article_events');

CREATE TABLE dist.mentions (article_id bigint, n int, day date, entity text, label text)
    PARTITION BY LIST ((article_id % 2));
CREATE FOREIGN TABLE dist.mentions_1 PARTITION OF dist.mentions FOR VALUES IN (1)
    SERVER shard1 OPTIONS (schema_name 'public', table_name 'nk_mentions');
CREATE FOREIGN TABLE dist.mentions_2 PARTITION OF dist.mentions FOR VALUES IN (0)
    SERVER shard2 OPTIONS (schema_name 'public', table_name 'nk_mentions');

CREATE TABLE page (file text, raw text, url text);
};
$coord->safe_psql('postgres', $setup);

# the fixture pages, with urls of three invented outlets
my @files = sort glob('test/fixtures/articles/[0-9]*.txt');
cmp_ok(scalar(@files), '>=', 10, 'fixture articles found');
my @outlets = ('alpha.example', 'beta.example', 'gamma.example');
my $load = '';
my $i = 0;
for my $file (@files)
{
	my $raw = slurp_file($file);
	$raw =~ s/'/''/g;
	my $url = "https://$outlets[$i % 3]/story/$i";
	$i++;
	$load .= "INSERT INTO page VALUES ('$file', '$raw', '$url');\n";
}
$coord->safe_psql('postgres', $load);

# route the pages to the shards, twice; and ingest them on the coordinator itself
my $route = q{INSERT INTO dist.inbox SELECT sha256(convert_to(raw, 'UTF8')), raw, url, NULL, NULL FROM page};
$coord->safe_psql('postgres', $route);
$coord->safe_psql('postgres', $route);
$coord->safe_psql('postgres', 'SELECT count(nk_ingest(raw, url)) FROM page');

my $n = scalar(@files);
my @per_shard = map { $_->safe_psql('postgres', 'SELECT count(*) FROM nk_articles') } @shard;
is($per_shard[0] + $per_shard[1], $n, "each page stored once, on one shard ($per_shard[0] + $per_shard[1])");
cmp_ok($per_shard[0] * $per_shard[1], '>', 0, 'both shards hold articles');
is($shard[0]->safe_psql('postgres', 'SELECT count(*) FROM nk_articles WHERE id % 2 <> 1'), '0',
	'shard 1 has the odd ids');
is($shard[1]->safe_psql('postgres', 'SELECT count(*) FROM nk_articles WHERE id % 2 <> 0'), '0',
	'shard 2 has the even ids');
is( $coord->safe_psql('postgres',
		q{SELECT count(*) FROM dist.articles d JOIN nk_articles l USING (content_hash)
		   WHERE d.body = l.body AND d.entity_keys = l.entity_keys}),
	$n, 'every distributed article is the one the coordinator parsed');

# the shards are scanned at once, and nkwatch's immutable functions run there
my $plan = $coord->safe_psql('postgres',
	q{EXPLAIN (VERBOSE, COSTS OFF)
	  SELECT id, title FROM dist.articles
	   WHERE nk_url_outlet(url) = 'beta.example' AND nk_article(raw) IS NOT NULL});
like($plan, qr/Async Foreign Scan on dist\.articles_1/, 'asynchronous scan of shard 1');
like($plan, qr/Async Foreign Scan on dist\.articles_2/, 'asynchronous scan of shard 2');
like($plan, qr/Remote SQL: [^\n]*WHERE [^\n]*public\.nk_article\(raw\)/, 'nk_article() runs on the shards');
like($plan, qr/Remote SQL: [^\n]*WHERE [^\n]*public\.nk_url_outlet\(url\)/, 'nk_url_outlet() runs on the shards');
unlike($plan, qr/^\s+Filter:/m, 'nothing is filtered on the coordinator');

# the same answers as one server
my %same = (
	'articles per outlet and day' => [
		q{SELECT outlet, day, count(*), string_agg(title, ' | ' ORDER BY title) FROM dist.articles GROUP BY 1, 2 ORDER BY 1, 2},
		q{SELECT outlet, day, count(*), string_agg(title, ' | ' ORDER BY title) FROM nk_articles GROUP BY 1, 2 ORDER BY 1, 2}
	],
	'a pushed-down filter' => [
		q{SELECT title FROM dist.articles WHERE nk_url_outlet(url) = 'beta.example' ORDER BY title},
		q{SELECT title FROM nk_articles WHERE nk_url_outlet(url) = 'beta.example' ORDER BY title}
	],
	'entity filters' => [
		q{SELECT title FROM dist.articles WHERE entity_keys @> ARRAY['Kim Jong Un', 'Sergei Lavrov'] ORDER BY title},
		q{SELECT title FROM nk_articles WHERE entity_keys @> ARRAY['Kim Jong Un', 'Sergei Lavrov'] ORDER BY title}
	],
	'events by type and status' => [
		q{SELECT event_type, status, count(*), count(DISTINCT actor) FROM dist.events GROUP BY 1, 2 ORDER BY 1, 2},
		q{SELECT event_type, status, count(*), count(DISTINCT actor) FROM nk_article_events GROUP BY 1, 2 ORDER BY 1, 2}
	],
	'entity mentions per day' => [
		q{SELECT day, entity, label, count(*) FROM dist.mentions GROUP BY 1, 2, 3 ORDER BY 1, 2, 3},
		q{SELECT day, entity, label, mentions FROM nk_entity_daily ORDER BY 1, 2, 3}
	],
	'events joined to their articles' => [
		q{SELECT a.title, e.event_type, e.actor, e.target FROM dist.events e
		    JOIN dist.articles a ON a.id = e.article_id ORDER BY 1, 2, 3, 4},
		q{SELECT a.title, e.event_type, e.actor, e.target FROM nk_article_events e
		    JOIN nk_articles a ON a.id = e.article_id ORDER BY 1, 2, 3, 4}
	],);
for my $what (sort keys %same)
{
	my ($dist, $local) = @{ $same{$what} };
	my $got = $coord->safe_psql('postgres', $dist);
	isnt($got, '', "$what: rows");
	is($got, $coord->safe_psql('postgres', $local), "$what: as on one server");
}

$_->stop for ($coord, @shard);
done_testing();
