# Load: 16 pgbench clients for NKWATCH_LOAD_SECONDS (default 60) ingest new
# articles, ingest duplicates of stored ones (same content under a new url or
# none, same url with new content), race each other on pages several of them
# ingest at the same moment, and run the dashboard queries, while another
# session edits the gazetteer.  No transaction fails, no page is stored twice,
# every duplicate gets the stored article's id, the store holds exactly the
# articles attempted, each with all its rows, and the story counts equal a
# recount.  Throughput and latency percentiles per script are printed
# (from pgbench's per-transaction log); nothing asserts a speed.
use strict;
use warnings;

use IPC::Run;
use List::Util qw(max min);
use POSIX qw(ceil);
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $seconds = $ENV{NKWATCH_LOAD_SECONDS} // 60;
die "NKWATCH_LOAD_SECONDS must be a positive number of seconds\n"
  unless $seconds =~ /^[0-9]+$/ && $seconds > 0;
my $clients = 16;
my $templates = 200;
# the editor edits about 6 times a run: each edit makes all 16 sessions
# rebuild their gazetteer (0.1 to 0.2 s each)
my $pause = max(1, int($seconds / 6));

my $node = PostgreSQL::Test::Cluster->new('load');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->append_conf('postgresql.conf', "max_connections = 40\n");
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION nkwatch');
my $dir = $node->basedir;

# Template pages from the benchmark's generator (made from the project's own
# fixtures).  A new article is a template with a furniture line that makes
# its content unique ("Related: ..." is not part of the body), so each
# template's counts of mentions, events and claims, taken once here, are
# those of every article made from it.
my $pages = `perl test/bench/generate.pl -n $templates --seed 34`;
is($?, 0, 'generate.pl made the template pages');
PostgreSQL::Test::Utils::append_to_file("$dir/pages.copy", $pages);
$node->safe_psql(
	'postgres', qq{
CREATE TABLE page (id int PRIMARY KEY, template text, raw text NOT NULL);
\\copy page FROM '$dir/pages.copy'
CREATE TABLE tmpl AS
SELECT p.id, p.raw, a.body, cardinality(e.entities) AS mentions, cardinality(e.events) AS events,
       cardinality(e.claims) AS claims,
       ARRAY(SELECT DISTINCT m.entity COLLATE "C" FROM unnest(e.entities) m ORDER BY 1) AS keys
  FROM page p
 CROSS JOIN LATERAL nk_article(p.raw) a
 CROSS JOIN LATERAL nk_extract(a.body, a.published) e;
ALTER TABLE tmpl ADD PRIMARY KEY (id);
-- what the clients did, each row written in the transaction of its ingest
CREATE SEQUENCE load_seq;
CREATE TABLE load_new (k bigint PRIMARY KEY, tmpl int NOT NULL, url text NOT NULL, id bigint);
CREATE TABLE load_dup (kind text NOT NULL, k bigint NOT NULL, expected bigint NOT NULL, got bigint);
CREATE TABLE load_race (key bigint NOT NULL, tmpl int NOT NULL, with_url boolean NOT NULL, id bigint);
CREATE EXTENSION amcheck;
});
is( $node->safe_psql(
		'postgres', q{
SELECT count(*), count(*) FILTER (WHERE mentions > 0 AND events > 0 AND claims > 0) >= 100
  FROM tmpl t
 WHERE (nk_article(t.raw || E'\n\nRelated: load copy 123456789\n')).body = t.body}),
	"$templates|t",
	'a "Related:" line leaves every template\'s body as it is; most have mentions, events and claims');

# ---- the scripts --------------------------------------------------------------

# in the order of pgbench's script numbers, with their weights
my @scripts = (
	# a new article: a template made unique by the sequence, under a new url
	# of one of 8 outlets
	[
		'new', 40, qq{
\\set t random(1, $templates)
\\set o random(1, 8)
INSERT INTO load_new (k, tmpl, url, id)
SELECT s.k, t.id, s.url, nk_ingest(t.raw || E'\\n\\nRelated: load copy ' || s.k || E'\\n', s.url)
  FROM tmpl t,
       LATERAL (SELECT k, 'https://www.outlet' || :o || '.example/new/' || k AS url
                  FROM nextval('load_seq') k) s
 WHERE t.id = :t;
}
	],
	# the content of a stored article, under a url never stored or none
	[
		'dup_content', 10, q{
\set with_url random(0, 1)
INSERT INTO load_dup (kind, k, expected, got)
SELECT CASE WHEN :with_url = 1 THEN 'content, new url' ELSE 'content, no url' END, n.k, n.id,
       nk_ingest(a.raw, CASE WHEN :with_url = 1 THEN 'https://dup.example/' || nextval('load_seq') END)
  FROM (SELECT * FROM load_new
         WHERE k >= (SELECT (random() * max(k))::bigint FROM load_new)
         ORDER BY k LIMIT 1) n
  JOIN nk_articles a ON a.id = n.id;
}
	],
	# new content under the url of a stored article
	[
		'dup_url', 10, q{
INSERT INTO load_dup (kind, k, expected, got)
SELECT 'url, new content', n.k, n.id,
       nk_ingest(t.raw || E'\n\nRelated: load other ' || nextval('load_seq') || E'\n', n.url)
  FROM (SELECT * FROM load_new
         WHERE k >= (SELECT (random() * max(k))::bigint FROM load_new)
         ORDER BY k LIMIT 1) n
  JOIN tmpl t ON t.id = n.tmpl;
}
	],
	# two pages a 2-second window, which every client that picks this script
	# in the window ingests: the first stores it while the others wait or
	# find it; half give its url, half the content alone
	[
		'race', 10, qq{
\\set with_url random(0, 1)
\\set r random(0, 1)
INSERT INTO load_race (key, tmpl, with_url, id)
SELECT s.key, t.id, :with_url = 1,
       nk_ingest(t.raw || E'\\n\\nRelated: load race ' || s.key || E'\\n',
                 CASE WHEN :with_url = 1 THEN 'https://race.example/' || s.key END)
  FROM (SELECT (floor(extract(epoch FROM clock_timestamp()) / 2) * 2 + :r)::bigint AS key) s
  JOIN tmpl t ON t.id = 1 + s.key % $templates;
}
	],
	# the dashboards, over a random period of the pages' years (2020-2026)
	[
		'timeline', 5, q{
\set d random(0, 2530)
SELECT day, event_type, sum(stories) AS stories, sum(articles) AS articles, sum(sources) AS sources
  FROM nk_timeline
 WHERE day BETWEEN date '2020-01-01' + :d AND date '2020-01-01' + :d + 90
 GROUP BY day, event_type ORDER BY day, event_type;
}
	],
	[
		'conflicts', 5, q{
\set d random(0, 2530)
SELECT day, relation, reason, a_outlet, b_outlet, a_evidence, b_evidence
  FROM nk_conflicts
 WHERE day BETWEEN date '2020-01-01' + :d AND date '2020-01-01' + :d + 30
 ORDER BY day DESC, a_article, b_article LIMIT 50;
}
	],
	[
		'entity_daily', 5, q{
\set d random(0, 2530)
SELECT entity, label, sum(mentions) AS mentions, sum(articles) AS articles
  FROM nk_entity_daily
 WHERE day BETWEEN date '2020-01-01' + :d AND date '2020-01-01' + :d + 90
 GROUP BY entity, label ORDER BY mentions DESC, entity LIMIT 20;
}
	],
	[
		'cooccurrence', 4, q{
\set d random(0, 2530)
\set e random(1, 4)
SELECT other, other_label, sum(articles) AS articles
  FROM nk_cooccurrence
 WHERE entity = (ARRAY['Kim Jong Un', 'Vladimir Putin', 'North Korea', 'Russia'])[:e]
   AND day BETWEEN date '2020-01-01' + :d AND date '2020-01-01' + :d + 90
 GROUP BY other, other_label ORDER BY articles DESC, other LIMIT 20;
}
	],
	[
		'outlet_record', 3, q{
SELECT * FROM nk_outlet_record ORDER BY claims DESC, outlet;
}
	],
	[
		'search', 5, q{
\set q random(1, 5)
\set e random(1, 4)
SELECT a.id, a.day, a.title
  FROM nk_articles a
 WHERE a.search @@ websearch_to_tsquery('english',
                                        (ARRAY['missile launch', 'treaty', 'troops', 'sanctions', 'summit'])[:q])
   AND a.entity_keys @> ARRAY[(ARRAY['Kim Jong Un', 'Vladimir Putin', 'North Korea', 'Russia'])[:e]]
 ORDER BY a.day DESC, a.id DESC LIMIT 20;
}
	],
	# a reader's snapshot never shows a story whose counts miss an event, or
	# a new article without all its rows (1/0 fails the transaction)
	[
		'snapshot', 3, q{
SELECT 1 / (count(*) = 0)::int AS stories_whole
  FROM nk_stories s
  LEFT JOIN (SELECT story_id, count(*)::int AS ev, count(DISTINCT article_id)::int AS ar,
                    count(DISTINCT coalesce(outlet, '#' || article_id))::int AS src
               FROM nk_article_events WHERE story_id IS NOT NULL GROUP BY story_id) e ON e.story_id = s.id
 WHERE e.story_id IS NULL OR (s.num_events, s.num_articles, s.num_sources) IS DISTINCT FROM (e.ev, e.ar, e.src);
SELECT 1 / (count(*) = 0)::int AS articles_whole
  FROM (SELECT * FROM load_new ORDER BY k DESC LIMIT 50) n
  JOIN tmpl t ON t.id = n.tmpl
 WHERE (SELECT count(*) FROM nk_mentions m WHERE m.article_id = n.id) <> t.mentions
    OR (SELECT count(*) FROM nk_article_events e WHERE e.article_id = n.id) <> t.events
    OR (SELECT count(*) FROM nk_article_claims c WHERE c.article_id = n.id) <> t.claims;
}
	]);

# The editor, a session of its own: an alias added, renamed and removed, each
# committed and checked at once in its own session, every $pause seconds.
my $editor = qq{
INSERT INTO nk_gazetteer (canonical, label, alias)
VALUES ('Qelmar Trading Group', 'ORG', 'Qelmar Trading Group'), ('Qelmar Trading Group', 'ORG', 'Zorbex Group');
SELECT 1 / count(*)::int FROM nk_entities('Officials of the Zorbex Group met in Pyongyang.')
 WHERE entity = 'Qelmar Trading Group';
UPDATE nk_gazetteer SET alias = 'Vantrel Group' WHERE canonical = 'Qelmar Trading Group' AND alias = 'Zorbex Group';
SELECT 1 / (count(*) FILTER (WHERE mention = 'Vantrel Group') = 1
            AND count(*) FILTER (WHERE mention = 'Zorbex Group') = 0)::int
  FROM nk_entities('Officials of the Zorbex Group met the Vantrel Group.') WHERE entity = 'Qelmar Trading Group';
DELETE FROM nk_gazetteer WHERE canonical = 'Qelmar Trading Group';
SELECT 1 / (count(*) = 0)::int FROM nk_entities('Officials of the Vantrel Group met in Pyongyang.')
 WHERE entity = 'Qelmar Trading Group';
\\sleep $pause s
};

my @files;
for my $s (@scripts)
{
	my ($name, $weight, $sql) = @$s;
	PostgreSQL::Test::Utils::append_to_file("$dir/$name.sql", $sql);
	push @files, '-f', "$dir/$name.sql\@$weight";
}
PostgreSQL::Test::Utils::append_to_file("$dir/editor.sql", $editor);

my @conn = ('-h', $node->host, '-p', $node->port, 'postgres');

# some articles for the duplicates to find from the first transaction on
my ($out, $err) = run_command(
	[ 'pgbench', '--no-vacuum', "--client=$clients", '--transactions=1', '-f', "$dir/new.sql", @conn ]);
like($out, qr{processed: $clients/$clients}, "$clients articles stored before the load");

# ---- the load -------------------------------------------------------------------

my $log_start = -s $node->logfile;
my $before = $node->safe_psql('postgres', 'SELECT count(*) FROM nk_articles');
my ($main_out, $main_err, $ed_out, $ed_err) = ('', '', '', '');
my $main = IPC::Run::start(
	[
		'pgbench', '--no-vacuum', "--client=$clients", '--jobs=4', "--time=$seconds",
		'--failures-detailed', '--log', "--log-prefix=$dir/log_main", @files, @conn
	],
	'>', \$main_out, '2>', \$main_err, IPC::Run::timeout($seconds + 180));
my $ed = IPC::Run::start(
	[
		'pgbench', '--no-vacuum', '--client=1', "--time=$seconds", '--log', "--log-prefix=$dir/log_editor",
		'-f', "$dir/editor.sql", @conn
	],
	'>', \$ed_out, '2>', \$ed_err, IPC::Run::timeout($seconds + 180));
$main->finish;
my $main_rc = $?;
$ed->finish;
my $ed_rc = $?;

is($main_rc, 0, "$clients clients ran for ${seconds}s and exited without an error");
is($main_err, '', 'pgbench wrote nothing to stderr') or diag($main_err);
like($main_out, qr{^number of failed transactions: 0 \(0\.000%\)$}m, 'no transaction failed');
unlike($main_out, qr{aborted}, 'no client aborted');
is($ed_rc, 0, 'the gazetteer editor exited without an error') or diag($ed_err);
like($ed_out, qr{^number of failed transactions: 0 }m, 'no edit failed');
my ($edits) = $ed_out =~ /actually processed: (\d+)/;
cmp_ok($edits // 0, '>=', 1, 'the gazetteer was edited during the load');
# (an autovacuum cancelled by a lock it waits on is logged as an error too)
my @errors = grep { /\b(ERROR|FATAL|PANIC):/ && !/canceling autovacuum task/ }
  split /\n/, substr(slurp_file($node->logfile), $log_start);
is(scalar(@errors), 0, 'no error in the server log during the load') or diag(join("\n", @errors));

# ---- throughput and latency, from the per-transaction logs --------------------

# a line: client, transaction, latency (us, or "failed"), script, end (s, us)
sub read_logs
{
	my ($prefix) = @_;
	my @tx;
	for my $f (glob("$prefix.*"))
	{
		for my $line (split /\n/, slurp_file($f))
		{
			my ($client, $n, $lat, $script, $s, $us) = split / /, $line;
			push @tx, [ $script, $lat, $s + $us / 1e6 ];
		}
	}
	return @tx;
}

# the nearest-rank percentile of sorted values
sub pct
{
	my ($q, @sorted) = @_;
	return $sorted[ max(0, ceil($q * @sorted) - 1) ];
}

my @tx = read_logs("$dir/log_main");
my ($processed) = $main_out =~ /actually processed: (\d+)/;
is(scalar(@tx), $processed // -1, 'the log has every transaction');
is(scalar(grep { $_->[1] !~ /^[0-9]+$/ } @tx), 0, 'every logged transaction succeeded');
my $t0 = min(map { $_->[2] - $_->[1] / 1e6 } @tx);
my $t1 = max(map { $_->[2] } @tx);
my $span = $t1 - $t0;

my @rows;
for my $i (0 .. $#scripts)
{
	my @lat = sort { $a <=> $b } map { $_->[1] / 1000 } grep { $_->[0] == $i } @tx;
	push @rows, [ $scripts[$i][0], \@lat ];
}
my @ed_lat = sort { $a <=> $b } map { $_->[1] / 1000 - $pause * 1000 } read_logs("$dir/log_editor");
push @rows, [ 'gazetteer edit', \@ed_lat ];

my $after = $node->safe_psql('postgres', 'SELECT count(*) FROM nk_articles');
diag(sprintf('%d clients, %.1f s: %d transactions, %.1f tps; %d articles stored, %.1f articles/s',
		$clients, $span, scalar(@tx), @tx / $span, $after - $before, ($after - $before) / $span));
diag(sprintf('%-15s %6s %7s %9s %9s %9s %9s', 'script', 'n', 'tps', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'));
for my $r (@rows)
{
	my ($name, $lat) = @$r;
	cmp_ok(scalar(@$lat), '>', 0, "script $name ran");
	next unless @$lat;
	diag(sprintf('%-15s %6d %7.2f %9.1f %9.1f %9.1f %9.1f',
			$name, scalar(@$lat), @$lat / $span,
			pct(0.5, @$lat), pct(0.9, @$lat), pct(0.99, @$lat), $lat->[-1]));
}
diag("(gazetteer edit: one cycle of insert, check, update, check, delete, check; its ${pause}s pause left out)");

# ---- the store afterwards -----------------------------------------------------------

sub none
{
	my ($sql, $name) = @_;
	my $bad = $node->safe_psql('postgres', $sql);
	is($bad, '0', $name);
}

is( $node->safe_psql(
		'postgres', q{
SELECT (SELECT count(*) FROM nk_articles)
       - (SELECT count(*) FROM load_new) - (SELECT count(DISTINCT key) FROM load_race)}),
	'0',
	'the store holds exactly the new articles and the raced pages attempted');
none(q{
SELECT count(*) FROM load_new n
  JOIN tmpl t ON t.id = n.tmpl
  LEFT JOIN nk_articles a ON a.id = n.id AND a.url = n.url
                         AND a.raw = t.raw || E'\n\nRelated: load copy ' || n.k || E'\n'
 WHERE a.id IS NULL},
	'every new article is stored under its url, with its content');
none(q{
SELECT count(*) FROM (SELECT key FROM load_race GROUP BY key
                      HAVING count(DISTINCT id) <> 1 OR count(id) <> count(*)) x},
	'every ingest of a raced page returned the same id');
none(q{
SELECT count(*) FROM (SELECT DISTINCT key, tmpl, id FROM load_race) r
  JOIN nk_articles a ON a.id = r.id
 WHERE a.raw <> (SELECT t.raw FROM tmpl t WHERE t.id = r.tmpl) || E'\n\nRelated: load race ' || r.key || E'\n'
    OR a.url IS DISTINCT FROM 'https://race.example/' || r.key AND a.url IS NOT NULL},
	'the id returned is the raced page, stored with its url or none');
is( $node->safe_psql(
		'postgres', q{
SELECT count(DISTINCT key) = count(DISTINCT id), count(*) > count(DISTINCT key) FROM load_race}),
	't|t',
	'each raced page has its own article, and pages were ingested more than once');
is( $node->safe_psql(
		'postgres', q{
SELECT string_agg(kind || ' ' || (count > 0) || ' ' || bad, ', ' ORDER BY kind)
  FROM (SELECT kind, count(*), count(*) FILTER (WHERE got IS DISTINCT FROM expected) AS bad
          FROM load_dup GROUP BY kind) x}),
	'content, new url true 0, content, no url true 0, url, new content true 0',
	'every duplicate ingest of each kind returned the id of the stored article');
none(q{
SELECT count(*) FROM nk_articles
 WHERE url LIKE 'https://dup.example/%' OR raw LIKE '%Related: load other %'},
	'no duplicate wrote an article');
# a duplicate is found before it is parsed (it was parsed in full, and
# rebuilt the gazetteer after each edit, until the stored pages were left out
# ahead of the parse in nk_store_pages)
is( $node->safe_psql(
		'postgres', q{
BEGIN;
SET LOCAL track_functions = 'all';
CREATE TEMP TABLE again AS
SELECT a.id, nk_ingest(a.raw) AS by_content, nk_ingest(a.raw || E'\n\nRelated: load again\n', a.url) AS by_url
  FROM nk_articles a WHERE a.url IS NOT NULL ORDER BY a.id LIMIT 20;
SELECT count(*) FILTER (WHERE by_content = id AND by_url = id),
       (SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions
         WHERE funcname IN ('nk_article', 'nk_extract', 'nk_link_stories'))
  FROM again;
ROLLBACK;}),
	'20|0',
	'duplicates by content and by url return the stored id without being parsed');
none(q{
SELECT (SELECT count(*) FROM (SELECT url FROM nk_articles WHERE url IS NOT NULL
                              GROUP BY url HAVING count(*) > 1) u)
     + (SELECT count(*) FROM (SELECT content_hash FROM nk_articles GROUP BY content_hash HAVING count(*) > 1) h)
     + (SELECT count(*) FROM nk_articles WHERE content_hash <> sha256(convert_to(raw, 'UTF8')))},
	'no two articles share a url or a content hash, and every hash is the content\'s');
cmp_ok(
	$node->safe_psql(
		'postgres', q{
SELECT count(*) FROM (
  SELECT bt_index_check(c.oid, true)
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am m ON m.oid = c.relam
   WHERE i.indrelid IN ('nk_articles'::regclass, 'nk_mentions'::regclass, 'nk_article_events'::regclass,
                        'nk_article_claims'::regclass, 'nk_claim_relations'::regclass, 'nk_stories'::regclass)
     AND m.amname = 'btree') x}),
	'>=', 10,
	'amcheck: every B-tree index of the store is sound and has every row of its table');

# every article has all its rows: those of its template, no more, no fewer
none(q{
WITH art AS (SELECT id, tmpl FROM load_new
             UNION SELECT DISTINCT id, tmpl FROM load_race)
SELECT count(*) FROM art
  JOIN tmpl t ON t.id = art.tmpl
  JOIN nk_articles a ON a.id = art.id
 WHERE a.body <> t.body OR a.entity_keys <> t.keys
    OR (SELECT count(*) FROM nk_mentions m WHERE m.article_id = a.id) <> t.mentions
    OR (SELECT count(*) FROM nk_article_events e WHERE e.article_id = a.id) <> t.events
    OR (SELECT count(*) FROM nk_article_claims c WHERE c.article_id = a.id) <> t.claims
    OR EXISTS (SELECT 1 FROM nk_mentions m WHERE m.article_id = a.id AND m.day <> a.day)},
	'every article has exactly the mentions, events and claims of its page, nothing half stored');
is( $node->safe_psql(
		'postgres', q{
SELECT (SELECT count(*) FROM nk_mentions) = (SELECT sum(t.mentions) FROM load_new n JOIN tmpl t ON t.id = n.tmpl)
         + (SELECT sum(t.mentions) FROM (SELECT DISTINCT key, tmpl FROM load_race) r JOIN tmpl t ON t.id = r.tmpl),
       (SELECT count(*) FROM nk_article_events) = (SELECT sum(t.events) FROM load_new n JOIN tmpl t ON t.id = n.tmpl)
         + (SELECT sum(t.events) FROM (SELECT DISTINCT key, tmpl FROM load_race) r JOIN tmpl t ON t.id = r.tmpl)}),
	't|t',
	'the total mentions and events are exactly those of the pages attempted');

# the stories: counts equal a recount of their events, every event that can
# be linked is, no story is left empty
none(q{
SELECT count(*) FROM nk_stories s
  FULL JOIN (SELECT story_id, count(*)::int AS ev, count(DISTINCT article_id)::int AS ar,
                    count(DISTINCT coalesce(outlet, '#' || article_id))::int AS src,
                    min(reported_at) AS first_seen, max(reported_at) AS last_seen
               FROM nk_article_events WHERE story_id IS NOT NULL GROUP BY story_id) e ON e.story_id = s.id
 WHERE s.id IS NULL OR e.story_id IS NULL
    OR (s.num_events, s.num_articles, s.num_sources, s.first_seen, s.last_seen)
       IS DISTINCT FROM (e.ev, e.ar, e.src, e.first_seen, e.last_seen)},
	'every story\'s num_events, num_articles, num_sources, first_seen and last_seen equal a recount');
none(q{
SELECT count(*) FROM nk_article_events
 WHERE (story_id IS NULL) <> (actor IS NULL AND target IS NULL)},
	'every event with a participant is linked to a story, and no other');
is( $node->safe_psql('postgres', 'SELECT max(num_articles) > 1, count(*) > 0 FROM nk_stories'),
	't|t', 'stories were shared by several articles');

# claim relations: both claims exist, each pair once and in one order
none(q{
SELECT count(*) FROM nk_claim_relations r
  LEFT JOIN nk_article_claims a ON (a.article_id, a.n) = (r.a_article, r.a_n)
  LEFT JOIN nk_article_claims b ON (b.article_id, b.n) = (r.b_article, r.b_n)
 WHERE a.article_id IS NULL OR b.article_id IS NULL OR r.b_day <> b.day
    OR (a.reported_at, a.article_id) > (b.reported_at, b.article_id)
    OR EXISTS (SELECT 1 FROM nk_claim_relations x
                WHERE (x.a_article, x.a_n, x.b_article, x.b_n) = (r.b_article, r.b_n, r.a_article, r.a_n))},
	'every claim relation joins two stored claims, the earlier first, each pair once');
is($node->safe_psql('postgres', 'SELECT count(*) > 0 FROM nk_claim_relations'), 't', 'claims were related');
is($node->safe_psql('postgres', 'SELECT count(*) FROM nk_gazetteer WHERE NOT shipped'),
	'0', 'the editor left no gazetteer rows');

$node->stop;
done_testing();
