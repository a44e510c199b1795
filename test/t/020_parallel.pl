# A parallel plan runs nk_entities and nk_events in parallel workers and
# gives exactly the rows a serial plan gives.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('parallel');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->append_conf('postgresql.conf', "max_worker_processes = 8\nmax_parallel_workers = 4\n");
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION nkwatch');

# The fixture pages, 12 copies each, spread over many pages of the table
# (fillfactor 10) so that every worker gets blocks to scan.
my @files = sort glob('test/fixtures/articles/[0-9]*.txt');
cmp_ok(scalar(@files), '>=', 10, 'fixture articles found');
my $load = "CREATE TABLE page (id int, raw text) WITH (fillfactor = 10);\n";
my $id = 0;
for my $file (@files)
{
	my $raw = slurp_file($file);
	$raw =~ s/'/''/g;
	$id++;
	$load .= "INSERT INTO page VALUES ($id, '$raw');\n";
}
$load .= q{
CREATE TABLE doc WITH (fillfactor = 10) AS
  SELECT p.id * 100 + c AS id, a.body, a.published
    FROM page p, nk_article(p.raw) a, generate_series(1, 12) c;
VACUUM ANALYZE doc;
};
$node->safe_psql('postgres', $load);
cmp_ok($node->safe_psql('postgres', "SELECT pg_relation_size('doc') / 8192"), '>=', 8,
	'the table spans several blocks');

my $force = q{
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
};
my $serial = "SET max_parallel_workers_per_gather = 0;\n";

my %query = (
	entities => q{SELECT d.id, e.entity, e.label, e.mention, e.pos, e.len, e.sentence, e.source, e.confidence
	                FROM doc d, LATERAL nk_entities(d.body) e},
	events => q{SELECT d.id, e.* FROM doc d, LATERAL nk_events(d.body, d.published) e},
);

for my $name (sort keys %query)
{
	my $q = $query{$name};
	my $plan = $node->safe_psql('postgres', "$force EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF) $q");
	like($plan, qr/Gather/, "$name: the plan gathers from workers");
	like($plan, qr/Parallel Seq Scan on public\.doc/, "$name: parallel scan of the table");
	like($plan, qr/Workers Launched: 2/, "$name: two workers launched");
	my @worker_rows = $plan =~ /Worker \d+:.*?rows=(\d+)/g;
	cmp_ok(scalar(grep { $_ > 0 } @worker_rows), '>=', 2, "$name: both workers produced rows");

	my $digest = "SELECT count(*) || ':' || md5(string_agg(r::text, E'\\n' ORDER BY r::text)) FROM ($q) r";
	my $par = $node->safe_psql('postgres', "$force $digest");
	my $ser = $node->safe_psql('postgres', "$serial $digest");
	like($ser, qr/^[1-9]\d*:/, "$name: the serial plan gives rows ($ser)");
	is($par, $ser, "$name: the parallel plan gives the same rows");

	# and the same rows again when the workers do the aggregate's partial work
	my $agg = "SELECT count(*), count(DISTINCT d.id) FROM ($q) d";
	is($node->safe_psql('postgres', "$force $agg"), $node->safe_psql('postgres', "$serial $agg"),
		"$name: the same counts");
}

$node->stop;
done_testing();
