# Long nkwatch calls stop promptly on statement_timeout and on
# pg_cancel_backend(), and the backend stays usable: the engine's long loops
# reach CHECK_FOR_INTERRUPTS through its check_interrupts handler.  Every SQL
# function that takes text is cancelled on a 20 MB article and on a 10 MB
# line without punctuation (one sentence of two million words), but
# nk_gazetteer_parents, which must answer such a "name" at once.
#
# The time bounds here are for correctness, not speed: each call below runs
# for seconds when nothing stops it, and a cancelled one must end well within
# $bound seconds.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time);

my $bound = 10;

my $node = PostgreSQL::Test::Cluster->new('cancel');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION nkwatch');

# A 20 MB article: a headline, a byline, then one paragraph of our own over and over.
my $paragraph =
	"Harbour officials said on Tuesday that the night ferry would resume its crossings "
  . "once the storm had passed. Dock workers, who had waited since dawn, began loading "
  . "crates of apples and spare engine parts. \"We lose a day, not a season,\" one of them said.\n\n";
$node->safe_psql(
	'postgres', qq{
CREATE TABLE doc (name text PRIMARY KEY, body text);
INSERT INTO doc
  SELECT 'big', E'Night ferry to resume after the storm\n\nBy A. Harbourmaster\n\n'
                || repeat('$paragraph', 20 * 1024 * 1024 / length('$paragraph') + 1);
-- a 10 MB line with no punctuation at all: one sentence, two million words
INSERT INTO doc SELECT 'line', repeat('harbour cranes stand idle ', 10 * 1024 * 1024 / 26 + 1);
});
is( $node->safe_psql(
		'postgres', "SELECT name, length(body) >= 10 * 1024 * 1024 FROM doc ORDER BY name"),
	"big|t\nline|t",
	'the documents are built');
cmp_ok($node->safe_psql('postgres', "SELECT octet_length(body) FROM doc WHERE name = 'big'"),
	'>=', 20 * 1024 * 1024, 'the article is 20 MB');

# One session for everything: it must still work after each cancelled call.
my $session = $node->background_psql('postgres', on_error_stop => 0);
my $pid = $session->query_safe('SELECT pg_backend_pid()');

sub timed_out
{
	my ($sql, $name) = @_;

	my $start = time;
	my ($out, $ret) = $session->query($sql);
	my $elapsed = time - $start;

	is($ret, 1, "$name fails");
	like($session->{stderr}, qr/canceling statement due to statement timeout/,
		"$name is cancelled by statement_timeout");
	cmp_ok($elapsed, '<', $bound, "$name stops within ${bound}s");
	note sprintf("%s stopped after %.3fs", $name, $elapsed);
	$session->{stderr} = '';
	is($session->query_safe("SELECT count(*) FROM nk_sentences('Still here. Still working.')"),
		'2', "the backend works after $name");
}

$session->query_safe("SET statement_timeout = '100ms'");
timed_out("SELECT count(*) FROM doc, nk_sentences(body) WHERE name = 'big'",
	'nk_sentences on 20 MB');
timed_out("SELECT (nk_article(body)).title FROM doc WHERE name = 'big'",
	'nk_article on 20 MB');
timed_out(
	"SELECT (nk_article(body, '2024-06-19 10:00+00')).title FROM doc WHERE name = 'big'",
	'nk_article with fetched on 20 MB');
timed_out("SELECT count(*) FROM doc, nk_sentences(body) WHERE name = 'line'",
	'nk_sentences on a 10 MB line');
timed_out("SELECT (nk_article(body)).title FROM doc WHERE name = 'line'",
	'nk_article on a 10 MB line');
# every other SQL function that takes text, on both documents
for my $d ('big', 'line')
{
	my $size = $d eq 'big' ? '20 MB' : 'a 10 MB line';
	for my $call (
		"SELECT count(*) FROM doc, nk_parse(body) WHERE name = '$d'",
		"SELECT count(*) FROM doc, nk_entities(body) WHERE name = '$d'",
		"SELECT cardinality(nk_entity_keys(body)) FROM doc WHERE name = '$d'",
		"SELECT count(*) FROM doc, nk_dates(body, '2024-06-19 10:00+00') WHERE name = '$d'",
		"SELECT count(*) FROM doc, nk_events(body, '2024-06-19 10:00+00') WHERE name = '$d'",
		"SELECT count(*) FROM doc, nk_claims(body, '2024-06-19 10:00+00') WHERE name = '$d'",
		"SELECT (nk_compare(body, body || ' ')).relation FROM doc WHERE name = '$d'",
		"SELECT cardinality((nk_extract(body)).claims) FROM doc WHERE name = '$d'",
		"SELECT nk_ingest(body, 'https://example.org/$d') FROM doc WHERE name = '$d'",
		"SELECT count(*) FROM doc, nk_store_pages(ARRAY[body], ARRAY['https://example.org/s/$d'], "
		  . "ARRAY[NULL::timestamptz], ARRAY[NULL]) WHERE name = '$d'")
	{
		my ($fn) = $call =~ /(nk_\w+)\(/;
		timed_out($call, "$fn on $size");
	}

	# a text longer than every gazetteer name is no name, found at once
	# (reading the text itself takes about 100 ms)
	$session->query_safe('RESET statement_timeout');
	my $start = time;
	is($session->query_safe("SELECT count(*) FROM doc, nk_gazetteer_parents(body) WHERE name = '$d'"),
		'0', "nk_gazetteer_parents on $size finds nothing");
	cmp_ok(time - $start, '<', $bound, "nk_gazetteer_parents on $size ends within ${bound}s");
	$session->query_safe("SET statement_timeout = '100ms'");
}
is($node->safe_psql('postgres', 'SELECT count(*) FROM nk_articles'),
	'0', 'the cancelled ingests stored nothing');
$session->query_safe('RESET statement_timeout');
is($session->query_safe('SELECT pg_backend_pid()'), $pid, 'all in the same backend');
is( $session->query_safe(
		"SELECT (nk_article(E'Night ferry to resume\n\nBy A. Harbourmaster\n\nThe ferry sails at dawn.')).title"
	),
	'Night ferry to resume',
	'nk_article works after the timeouts');

# pg_cancel_backend() from a second session, on a query that runs for many
# seconds: each calls the function on the 20 MB article twenty times, so it
# is still inside the engine when the cancel comes however fast one call is.
sub cancelled
{
	my ($sql, $name) = @_;

	my $victim = $node->background_psql('postgres', on_error_stop => 0);
	my $vpid = $victim->query_safe('SELECT pg_backend_pid()');

	# send the query without waiting for it to end
	$victim->{stdin} .= "$sql;\n\\echo 'VICTIM DONE'\n\\warn 'VICTIM DONE'\n";
	$victim->{run}->pump_nb();
	ok( $node->poll_query_until(
			'postgres',
			"SELECT count(*) = 1 FROM pg_stat_activity WHERE pid = $vpid AND state = 'active' AND query LIKE '%nk_%'"
		),
		"$name is running");
	# let it get deep into the engine
	select(undef, undef, undef, 0.5);

	my $start = time;
	is($node->safe_psql('postgres', "SELECT pg_cancel_backend($vpid)"), 't',
		"pg_cancel_backend on $name");
	$victim->{run}->pump()
	  until ($victim->{stderr} =~ /VICTIM DONE/ && $victim->{stdout} =~ /VICTIM DONE/)
	  || $victim->{timeout}->is_expired;
	my $elapsed = time - $start;

	like($victim->{stderr}, qr/canceling statement due to user request/,
		"$name is cancelled by pg_cancel_backend");
	unlike($victim->{stdout}, qr/^\d+$/m, "$name returned no result");
	cmp_ok($elapsed, '<', $bound, "$name stops within ${bound}s of the cancel");
	note sprintf("%s stopped %.3fs after pg_cancel_backend", $name, $elapsed);
	$victim->{stdout} = '';
	$victim->{stderr} = '';
	is($victim->query_safe("SELECT count(*) FROM nk_sentences('Still here. Still working.')"),
		'2', "the cancelled backend works after $name");
	is($victim->query_safe('SELECT pg_backend_pid()'), $vpid, "same backend after $name");
	$victim->quit;
}

cancelled(
	"SELECT sum(length((nk_article(body || g)).body)) FROM doc, generate_series(1, 20) g WHERE name = 'big'",
	'nk_article on 20 MB');
cancelled(
	"SELECT count(*) FROM doc, generate_series(1, 20) g, nk_sentences(body || g) WHERE name = 'big'",
	'nk_sentences on 20 MB');
cancelled(
	"SELECT count(*) FROM doc, generate_series(1, 20) g, nk_claims(body || g) WHERE name = 'big'",
	'nk_claims on 20 MB');
cancelled(
	"SELECT count(*) FROM doc, generate_series(1, 20) g, nk_compare(body, body || g) c WHERE name = 'big'",
	'nk_compare on 20 MB');

$session->quit;
$node->stop;
done_testing();
