# A bulk ingest killed in the middle loses nothing but the batch in flight.
# 200 generated pages (and copies of some of them) are COPYed into
# nk_staging and ingested by CALL nk_ingest_staged(10), which commits a
# batch at a time; the backend running it is killed twice while a batch is
# half written: (a) by pg_terminate_backend from another session, (b) by
# SIGKILL, after which the postmaster resets and runs crash recovery.  After
# each kill every stored article has all its rows (as the functions give
# them on its body, and as a reference database that ingested the same
# pages without a kill has them) and nothing of the killed batch is left;
# re-running the ingest ends with exactly the reference's rows.
use strict;
use warnings;

use Digest::MD5 qw(md5_hex);
use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $batch = 10;
my $node = PostgreSQL::Test::Cluster->new('crash');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->append_conf('postgresql.conf', "restart_after_crash = on\nlog_statement = none");
$node->start;

# The pages in load order: 200 generated pages, each with its own url, and
# copies (same text and url) of some: next to the page itself, in the same
# batch, and a few batches later.
my $tsv = '';
IPC::Run::run([ 'perl', 'test/bench/generate.pl', '-n', '200', '--seed', '32' ], '>', \$tsv)
  or die "generate.pl failed";
my @raw = map { (split /\t/, $_)[2] } split /\n/, $tsv;
is(scalar(@raw), 200, 'generated 200 pages');
my @order;
for my $i (1 .. 200)
{
	push @order, $i;
	push @order, $i if $i % 25 == 0;
	push @order, $i - 37 if $i > 40 && $i % 20 == 10;
}
my @outlets = qw(alpha beta gamma delta);
my $copy = join '', map { "$raw[$_ - 1]\thttps://$outlets[$_ % 4].example/story/$_\n" } @order;

# The same load in two databases (crash a copy of ref).  Pages without a
# date of their own get one from their text, so that nothing stored depends
# on the time of ingest.  staged keeps what was loaded, for the checks.
my $load = qq{
CREATE EXTENSION nkwatch;
COPY nk_staging (raw, url) FROM STDIN;
$copy\\.
UPDATE nk_staging
   SET published = timestamptz '2023-01-01 00:00+00'
                   + ('x' || substr(md5(raw), 1, 4))::bit(16)::int * interval '7 minutes'
 WHERE (nk_article(raw)).published IS NULL;
CREATE TABLE staged AS SELECT id, sha256(convert_to(raw, 'UTF8')) AS h FROM nk_staging;
};
$node->safe_psql('postgres', 'CREATE DATABASE ref');
$node->safe_psql('ref', $load);
$node->safe_psql('postgres', 'CREATE DATABASE crash TEMPLATE ref');
my $rows = scalar(@order);
my $pages = $node->safe_psql('crash', 'SELECT count(DISTINCT h) FROM staged');
is($node->safe_psql('crash', 'SELECT count(*) FROM nk_staging'), $rows, "$rows rows staged");
is($pages, '200', '200 distinct pages among them');

# The reference: the whole ingest without a kill.
$node->safe_psql('ref', "CALL nk_ingest_staged($batch)");
is($node->safe_psql('ref', 'SELECT count(*) FROM nk_staging'), '0', 'reference: staging empty');
is($node->safe_psql('ref', 'SELECT count(*) FROM nk_articles'), $pages, 'reference: one article a page');

# What one stored article is, without ids: its row and its mentions, events
# and claims (counts and digests).  Relations name their claims by article
# content hash and row number.
my $per_article = q{
SELECT concat_ws('|', encode(a.content_hash, 'hex'), a.url, a.outlet, a.title, a.author, a.published,
                 a.dateline, md5(a.body), a.day, a.entity_keys,
                 (SELECT count(*) || ':' || md5(string_agg((to_jsonb(m) - 'article_id')::text, E'\n' ORDER BY m.n))
                    FROM nk_mentions m WHERE m.article_id = a.id),
                 (SELECT count(*) || ':' || md5(string_agg((to_jsonb(e) - 'article_id' - 'story_id')::text, E'\n'
                                                           ORDER BY e.n))
                    FROM nk_article_events e WHERE e.article_id = a.id),
                 (SELECT count(*) || ':' || md5(string_agg((to_jsonb(c) - 'article_id')::text, E'\n' ORDER BY c.n))
                    FROM nk_article_claims c WHERE c.article_id = a.id))
  FROM nk_articles a ORDER BY a.content_hash};
my $relations = q{
SELECT concat_ws('|', encode(a.content_hash, 'hex'), r.a_n, encode(b.content_hash, 'hex'), r.b_n,
                 r.relation, r.score, r.reason, r.b_day)
  FROM nk_claim_relations r
  JOIN nk_articles a ON a.id = r.a_article
  JOIN nk_articles b ON b.id = r.b_article
 ORDER BY 1};
my %ref_article = map { (split /\|/, $_)[0] => $_ } split /\n/, $node->safe_psql('ref', $per_article);
my @ref_relations = split /\n/, $node->safe_psql('ref', $relations);
is(scalar(keys %ref_article), 200, 'reference: 200 articles described');
cmp_ok(scalar(@ref_relations), '>', 0, 'reference: claims related');

# Instruments of the test: a gate a trigger of the store's tables passes
# (a shared advisory lock), closed by a session that holds the lock.
$node->safe_psql(
	'crash', q{
CREATE FUNCTION gate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(32, 1);
    RETURN CASE WHEN TG_LEVEL = 'ROW' THEN NEW END;
END
$$;
});

# Every stored article whole, nothing of the killed batch, nothing orphaned,
# story counts right, and each article as in the reference.
sub check_store
{
	my ($when) = @_;
	my $left = $node->safe_psql('crash', 'SELECT count(*) FROM nk_staging');
	my $done = $node->safe_psql('crash',
		'SELECT coalesce((SELECT min(id) - 1 FROM nk_staging), (SELECT max(id) FROM staged))');
	if ($left > 0)
	{
		is($done % $batch, 0, "$when: $done staging rows done, whole batches of $batch");
	}
	is( $node->safe_psql(
			'crash', qq{
SELECT (SELECT count(*) FROM staged s WHERE s.id > $done AND NOT EXISTS (SELECT FROM nk_staging g WHERE g.id = s.id)),
       (SELECT count(*) FROM nk_staging g WHERE g.id <= $done)}),
		'0|0',
		"$when: the staging rows not done are all there");
	my $want = $node->safe_psql('crash', "SELECT count(DISTINCT h) FROM staged WHERE id <= $done");
	is( $node->safe_psql(
			'crash', qq{
SELECT (SELECT count(*) FROM nk_articles),
       (SELECT count(DISTINCT h) FROM staged WHERE id <= $done),
       (SELECT count(*) FROM nk_articles a WHERE NOT EXISTS (SELECT FROM staged s WHERE s.h = a.content_hash AND s.id <= $done))}),
		"$want|$want|0",
		"$when: the articles are the pages of the batches done, no page of another");
	is( $node->safe_psql(
			'crash', q{
SELECT count(*) FILTER (WHERE m_stored <> m_fn OR e_stored <> e_fn OR c_stored <> c_fn OR keys_differ),
       sum(m_stored) = sum(m_fn), sum(e_stored) = sum(e_fn), sum(c_stored) = sum(c_fn)
  FROM (SELECT (SELECT count(*) FROM nk_mentions m WHERE m.article_id = a.id) AS m_stored,
               (SELECT count(*) FROM nk_entities(a.body)) AS m_fn,
               (SELECT count(*) FROM nk_article_events e WHERE e.article_id = a.id) AS e_stored,
               (SELECT count(*) FROM nk_events(a.body, a.published)) AS e_fn,
               (SELECT count(*) FROM nk_article_claims c WHERE c.article_id = a.id) AS c_stored,
               (SELECT count(*) FROM nk_claims(a.body, a.published)) AS c_fn,
               a.entity_keys IS DISTINCT FROM
                   coalesce((SELECT array_agg(DISTINCT m.entity COLLATE "C" ORDER BY m.entity COLLATE "C")
                               FROM nk_mentions m WHERE m.article_id = a.id), '{}') AS keys_differ
          FROM nk_articles a) x}),
		'0|t|t|t',
		"$when: every article has the mentions, events and claims the functions give");
	is( $node->safe_psql(
			'crash', q{
SELECT (SELECT count(*) FROM nk_mentions m WHERE NOT EXISTS (SELECT FROM nk_articles a WHERE a.id = m.article_id)),
       (SELECT count(*) FROM nk_article_events e WHERE NOT EXISTS (SELECT FROM nk_articles a WHERE a.id = e.article_id)),
       (SELECT count(*) FROM nk_article_claims c WHERE NOT EXISTS (SELECT FROM nk_articles a WHERE a.id = c.article_id)),
       (SELECT count(*) FROM nk_claim_relations r
         WHERE NOT EXISTS (SELECT FROM nk_article_claims c WHERE (c.article_id, c.n) = (r.a_article, r.a_n))
            OR NOT EXISTS (SELECT FROM nk_article_claims c WHERE (c.article_id, c.n) = (r.b_article, r.b_n))),
       (SELECT count(*) FROM nk_article_events e
         WHERE (e.actor IS NOT NULL OR e.target IS NOT NULL)
           AND NOT EXISTS (SELECT FROM nk_stories s WHERE s.id = e.story_id)),
       (SELECT count(*) FROM nk_article_events e WHERE e.actor IS NULL AND e.target IS NULL AND e.story_id IS NOT NULL),
       (SELECT count(*) FROM nk_stories s WHERE NOT EXISTS (SELECT FROM nk_article_events e WHERE e.story_id = s.id))}),
		'0|0|0|0|0|0|0',
		"$when: no orphan rows, every event with a participant in a story, no empty story");
	is( $node->safe_psql(
			'crash', q{
SELECT count(*), count(*) FILTER (WHERE (s.num_events, s.num_articles, s.num_sources, s.first_seen, s.last_seen)
                                        IS DISTINCT FROM (g.ev, g.ar, g.so, g.fs, g.ls))
  FROM nk_stories s
  LEFT JOIN (SELECT story_id, count(*)::int AS ev, count(DISTINCT article_id)::int AS ar,
                    count(DISTINCT coalesce(outlet, '#' || article_id))::int AS so,
                    min(reported_at) AS fs, max(reported_at) AS ls
               FROM nk_article_events GROUP BY story_id) g ON g.story_id = s.id}),
		$node->safe_psql('crash', 'SELECT count(*) FROM nk_stories') . '|0',
		"$when: story counts agree with a recount of their events");

	# each article, and the relations between stored articles, as in the reference
	my @got = split /\n/, $node->safe_psql('crash', $per_article);
	my %done = map { (split /\|/, $_)[0] => 1 } @got;
	is( join("\n", @got),
		join("\n", map { $ref_article{$_} // 'missing' } sort keys %done),
		"$when: each of the " . scalar(@got) . ' articles as the reference stored it');
	my @rel = split /\n/, $node->safe_psql('crash', $relations);
	my @want = grep { my @f = split /\|/; $done{ $f[0] } && $done{ $f[2] } } @ref_relations;
	is(scalar(@rel) . ' ' . md5_hex(join "\n", @rel),
		scalar(@want) . ' ' . md5_hex(join "\n", @want),
		"$when: the claim relations among them as in the reference");
	return ($done, $left);
}

# CALL nk_ingest_staged in the background, under an application_name by
# which the killer finds its backend.
sub start_ingest
{
	my %h = (out => '', err => '');
	$h{run} = IPC::Run::start(
		[
			'psql', '-XAtq', '-v', 'ON_ERROR_STOP=1',
			'-d', $node->connstr('crash') . ' application_name=crash_ingest',
			'-c', "CALL nk_ingest_staged($batch)"
		],
		'>', \$h{out}, '2>', \$h{err});
	return \%h;
}

# Let the ingest commit batches until at least $min articles are stored,
# close the gate and wait until the ingest stands at it in the next batch;
# return its pid and transaction id.
sub stop_at_gate
{
	my ($min, $holder) = @_;
	$node->poll_query_until('crash', "SELECT count(*) >= $min FROM nk_articles")
	  or die "the ingest did not store $min articles";
	$holder->query_safe('SELECT pg_advisory_lock(32, 1)');
	$node->poll_query_until(
		'crash', q{
SELECT wait_event_type = 'Lock' AND wait_event = 'advisory' AND backend_xid IS NOT NULL
  FROM pg_stat_activity WHERE application_name = 'crash_ingest'})
	  or die 'the ingest did not reach the gate';
	my ($pid, $xid) = split /\|/,
	  $node->safe_psql('crash',
		"SELECT pid, backend_xid FROM pg_stat_activity WHERE application_name = 'crash_ingest'");
	my ($stored, $left) = split /\|/,
	  $node->safe_psql('crash', 'SELECT (SELECT count(*) FROM nk_articles), (SELECT count(*) FROM nk_staging)');
	cmp_ok($stored, '>=', $min, "at the kill $stored articles are committed");
	cmp_ok($left, '>', 0, "and $left rows still staged");
	return ($pid, $xid);
}

# (a) pg_terminate_backend while the batch has stored all its rows but not
# committed: the gate is the statement trigger of the claim relations' insert,
# the batch's last write before its staging rows are deleted.
$node->safe_psql('crash',
	'CREATE TRIGGER gate AFTER INSERT ON nk_claim_relations FOR EACH STATEMENT EXECUTE FUNCTION gate()');
my $holder = $node->background_psql('crash');
my $ingest = start_ingest();
my ($pid, $xid) = stop_at_gate(40, $holder);
is($node->safe_psql('crash', "SELECT pg_terminate_backend($pid, 60000)"), 't', 'terminated the ingest backend');
$ingest->{run}->finish;
isnt($ingest->{run}->result, 0, 'the CALL failed');
like($ingest->{err}, qr/terminating connection due to administrator command/, 'killed by the administrator');
$holder->query_safe('SELECT pg_advisory_unlock(32, 1)');
$holder->quit;
is($node->safe_psql('crash', "SELECT pg_xact_status('$xid')"), 'aborted', 'the batch in flight rolled back');
$node->safe_psql('crash', 'DROP TRIGGER gate ON nk_claim_relations');
my ($done_a) = check_store('after pg_terminate_backend');

# (b) SIGKILL in the middle of the statement that stores a batch: the gate
# is a row trigger of the events' insert.  The postmaster takes every
# backend down and recovers from the WAL.
$node->safe_psql('crash',
	'CREATE TRIGGER gate BEFORE INSERT ON nk_article_events FOR EACH ROW EXECUTE FUNCTION gate()');
# The gate closes once the second run has committed a batch of its own (and
# at least 100 articles are stored): on a slow machine the first run may have
# gone past 100 before its gate closed.
my $stored_a = $node->safe_psql('crash', 'SELECT count(*) FROM nk_articles');
$holder = $node->background_psql('crash');
$ingest = start_ingest();
($pid, $xid) = stop_at_gate($stored_a >= 100 ? $stored_a + 1 : 100, $holder);
my $log_offset = -s $node->logfile;
is(kill('KILL', $pid), 1, "SIGKILL to the ingest backend $pid");
$ingest->{run}->finish;
isnt($ingest->{run}->result, 0, 'the CALL failed');
like($ingest->{err}, qr/server closed the connection unexpectedly/, 'the connection was lost');
eval { $holder->quit };
$node->wait_for_log(qr/database system is ready to accept connections/, $log_offset);
my $log = substr(slurp_file($node->logfile), $log_offset);
like($log, qr/server process \(PID $pid\) was terminated by signal 9/, 'the postmaster saw the backend killed');
like($log, qr/database system was not properly shut down; automatic recovery in progress/, 'crash recovery ran');
like($log, qr/redo done at/, 'the WAL was replayed');
$node->poll_query_until('crash', 'SELECT true') or die 'no connection after the crash';
# A transaction whose WAL never reached the disk is not known after recovery:
# its id may lie past the next one, which is no commit either.
is( $node->safe_psql(
		'crash', "SELECT CASE WHEN '$xid'::xid8 >= pg_snapshot_xmax(pg_current_snapshot()) "
		  . "THEN 'aborted' ELSE pg_xact_status('$xid') END"),
	'aborted',
	'the batch in flight rolled back');
$node->safe_psql('crash', 'DROP TRIGGER gate ON nk_article_events');
my ($done_b) = check_store('after SIGKILL and crash recovery');
cmp_ok($done_b, '>', $done_a, "the second run went on from row $done_a to $done_b");

# Re-run to completion: exactly the reference's rows.
my $left = $node->safe_psql('crash', 'SELECT count(*) FROM nk_staging');
my ($rc, $out, $notices) = $node->psql('crash', "CALL nk_ingest_staged($batch)");
is($rc, 0, 'the re-run completed');
like($notices, qr/nk_ingest_staged: $left of $left rows done/, "it did the $left rows left");
check_store('after the re-run');
is($node->safe_psql('crash', 'SELECT count(*) FROM nk_staging'), '0', 'staging empty');
is($node->safe_psql('crash', 'SELECT count(*) FROM nk_articles'), $pages, 'one article a distinct page');
my $counts = q{
SELECT (SELECT count(*) FROM nk_articles), (SELECT count(*) FROM nk_mentions),
       (SELECT count(*) FROM nk_article_events), (SELECT count(*) FROM nk_article_claims),
       (SELECT count(*) FROM nk_claim_relations), (SELECT count(*) FROM nk_stories),
       (SELECT count(*) FROM nk_article_events WHERE story_id IS NOT NULL),
       (SELECT sum(num_events) || '/' || sum(num_articles) || '/' || sum(num_sources) FROM nk_stories)};
is($node->safe_psql('crash', $counts), $node->safe_psql('ref', $counts),
	'rows of every store table and story totals as in the reference');
# the stories, each with its events named by article hash and row number
my $stories = q{
SELECT count(*), md5(string_agg(sig, E'\n' ORDER BY sig))
  FROM (SELECT (to_jsonb(s) - 'id' - 'updated_at')::text || ' ' ||
               (SELECT string_agg(encode(a.content_hash, 'hex') || ':' || e.n, ',' ORDER BY a.content_hash, e.n)
                  FROM nk_article_events e JOIN nk_articles a ON a.id = e.article_id
                 WHERE e.story_id = s.id) AS sig
          FROM nk_stories s) x};
is($node->safe_psql('crash', $stories), $node->safe_psql('ref', $stories),
	'the same stories, of the same events, with the same counts and dates');
is($node->safe_psql('crash', 'SELECT * FROM nk_timeline ORDER BY 1, 2, 3'),
	$node->safe_psql('ref', 'SELECT * FROM nk_timeline ORDER BY 1, 2, 3'), 'the same timeline');

$node->stop;
done_testing();
