# A streaming standby replays the store: the extension, articles ingested on
# the primary one at a time and in a staged batch, and a user's gazetteer
# edit arrive through the WAL, and the standby answers every store query as
# the primary does.  A session on the standby that built its gazetteer
# before the edit sees the edit after replay (the invalidation travels with
# the commit record).  Ingest on the standby fails with a read-only error
# and leaves the standby serving.
use strict;
use warnings;

use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $primary = PostgreSQL::Test::Cluster->new('primary');
$primary->init(allows_streaming => 1, extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$primary->append_conf('postgresql.conf', "shared_buffers = 16MB\nlog_statement = none");
$primary->start;
# the base backup before the extension exists: everything comes by streaming
$primary->backup('base');
my $standby = PostgreSQL::Test::Cluster->new('standby');
$standby->init_from_backup($primary, 'base', has_streaming => 1);
$standby->start;

$primary->safe_psql('postgres', 'CREATE EXTENSION nkwatch');

# the fixture pages, one nk_ingest call each, with urls of three outlets
my @files = sort glob('test/fixtures/articles/[0-9]*.txt');
cmp_ok(scalar(@files), '>=', 10, 'fixture pages found');
my @outlets = ('alpha.example', 'beta.example', 'gamma.example');
my $i = 0;
my $calls = '';
for my $file (@files)
{
	my $raw = slurp_file($file);
	$raw =~ s/'/''/g;
	my $url = "https://$outlets[$i % 3]/story/$i";
	$i++;
	$calls .= "SELECT nk_ingest('$raw', '$url');\n";
}
$primary->safe_psql('postgres', $calls);
is($primary->safe_psql('postgres', 'SELECT count(*) FROM nk_articles'), scalar(@files), 'fixture pages ingested');

# A text naming someone no gazetteer knows yet, and a session on the standby
# that extracts from it now, so that its gazetteer cache is built before the
# edit.
my $text = 'A delegation of Quellmark met Kim Jong Un in Pyongyang on Tuesday, a day after North Korea '
  . 'fired two ballistic missiles into the East Sea. Quellmark later signed a rail deal with Russia.';
my $published = '2024-03-12 09:00+00';
my $entities = qq{SELECT string_agg(concat_ws('/', entity, label, mention, pos, len, sentence, source, confidence),
                                    '; ' ORDER BY pos, entity) FROM nk_entities('$text')};
my $events = qq{SELECT string_agg(concat_ws('/', event_type, cameo, actor, target, location, date_from, date_to,
                                            status, pos, len, confidence), '; ' ORDER BY pos, event_type)
                  FROM nk_events('$text', '$published')};
$primary->wait_for_catchup($standby);
my $reader = $standby->background_psql('postgres');
my $warm = $reader->query_safe($entities);
unlike($warm, qr/Quellmark/, 'before the edit the standby knows no Quellmark');
is($warm, $primary->safe_psql('postgres', $entities), 'and extracts as the primary does');

# a user's gazetteer edit on the primary
$primary->safe_psql(
	'postgres', q{
INSERT INTO nk_gazetteer (canonical, label, alias, parent) VALUES
    ('Quellmark Rail', 'ORG', 'Quellmark Rail', 'Russia'),
    ('Quellmark Rail', 'ORG', 'Quellmark', NULL);
});

# generated pages and a page naming the new entity, through nk_staging
my $tsv = '';
IPC::Run::run([ 'perl', 'test/bench/generate.pl', '-n', '40', '--seed', '33' ], '>', \$tsv)
  or die 'generate.pl failed';
my $copy = join '', map { (split /\t/, $_)[2] . "\n" } split /\n/, $tsv;
my $page = "Rail firm in Pyongyang\\n\\nBy Ilse Varga\\n\\nPYONGYANG, March 12, 2024 -- $text\\n";
$primary->safe_psql(
	'postgres', qq{
COPY nk_staging (raw) FROM STDIN;
$copy$page
\\.
CALL nk_ingest_staged(10);
});
is($primary->safe_psql('postgres', 'SELECT count(*) FROM nk_staging'), '0', 'staged pages ingested');
cmp_ok($primary->safe_psql('postgres', "SELECT count(*) FROM nk_articles WHERE entity_keys @> '{Quellmark Rail}'"),
	'>', 0, 'an article with the new entity is stored');

$primary->wait_for_catchup($standby);

# the store's tables and views, row for row
my %same = (
	'row counts of the store tables' => q{
SELECT (SELECT count(*) FROM nk_articles), (SELECT count(*) FROM nk_mentions),
       (SELECT count(*) FROM nk_article_events), (SELECT count(*) FROM nk_article_claims),
       (SELECT count(*) FROM nk_claim_relations), (SELECT count(*) FROM nk_stories),
       (SELECT count(*) FROM nk_staging), (SELECT count(*) FROM nk_gazetteer WHERE NOT shipped)},
	'articles' => q{
SELECT count(*), md5(string_agg(concat_ws('|', id, url, outlet, title, author, published, day, md5(body), entity_keys),
                                E'\n' ORDER BY id)) FROM nk_articles},
	'stories' => q{
SELECT count(*), md5(string_agg(concat_ws('|', id, event_type, actor, target, day, status, latest_status,
                                          num_events, num_articles, num_sources), E'\n' ORDER BY id)) FROM nk_stories},
	'nk_timeline' => q{SELECT count(*), md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM nk_timeline t},
	'nk_conflicts' => q{SELECT count(*), md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM nk_conflicts t},
	'nk_entity_daily' => q{SELECT count(*), md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM nk_entity_daily t},
	'nk_cooccurrence' => q{SELECT count(*), md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM nk_cooccurrence t},
	'nk_outlet_record' => q{SELECT * FROM nk_outlet_record ORDER BY outlet},
	'the new entity in the store' => q{
SELECT day, entity, label, mentions, articles FROM nk_entity_daily WHERE entity = 'Quellmark Rail' ORDER BY day},
	'an entity filter through the GIN index' => q{
SET enable_seqscan = off;
SELECT string_agg(id::text, ',' ORDER BY id) FROM nk_articles WHERE entity_keys @> ARRAY['Kim Jong Un', 'Vladimir Putin']},
	'a full-text search through the GIN index' => q{
SET enable_seqscan = off;
SELECT string_agg(id::text, ',' ORDER BY id) FROM nk_articles WHERE search @@ websearch_to_tsquery('english', 'missile launch')},
	'nk_entities on a text' => $entities,
	'nk_events on a text' => $events,);
for my $what (sort keys %same)
{
	my $want = $primary->safe_psql('postgres', $same{$what});
	isnt($want, '', "$what: rows on the primary");
	is($standby->safe_psql('postgres', $same{$what}), $want, "$what: the same on the standby");
}

# the session whose gazetteer was built before the edit
my $now = $reader->query_safe($entities);
like($now, qr{Quellmark Rail/ORG/Quellmark/}, 'the warm standby session sees the replayed edit');
isnt($now, $warm, 'and its extraction changed');
is($now, $primary->safe_psql('postgres', $entities), 'and extracts as the primary does');
$reader->quit;

# writing on the standby: a clear read-only error, and the standby serves on
my $log_offset = -s $standby->logfile;
my $verbose = "\\set VERBOSITY verbose\n";
my ($rc, $out, $err) = $standby->psql('postgres', $verbose . "SELECT nk_ingest('Pyongyang fired a missile.')");
isnt($rc, 0, 'nk_ingest on the standby fails');
like($err, qr/ERROR:  25006: nkwatch: nk_ingest cannot store articles in a read-only transaction/,
	'with the read-only error (SQLSTATE 25006), naming nk_ingest');
like($err, qr/HINT:  This server is a standby: ingest on the primary/, 'and a hint to ingest on the primary');
($rc, $out, $err) = $standby->psql('postgres', $verbose . 'CALL nk_ingest_staged()');
isnt($rc, 0, 'nk_ingest_staged on the standby fails');
like($err, qr/ERROR:  25006: nkwatch: nk_ingest_staged cannot store articles in a read-only transaction/,
	'with the read-only error, naming nk_ingest_staged');
($rc, $out, $err) = $standby->psql('postgres', $verbose . 'SELECT nk_reprocess()');
like($err, qr/ERROR:  25006: nkwatch: nk_reprocess cannot store articles in a read-only transaction/,
	'nk_reprocess too');
($rc, $out, $err) = $standby->psql('postgres',
	$verbose . "INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Ilse Varga', 'PERSON', 'Ilse Varga')");
like($err, qr/ERROR:  25006: cannot execute INSERT in a read-only transaction/, 'a gazetteer edit on the standby too');
is($standby->safe_psql('postgres', $same{'row counts of the store tables'}),
	$primary->safe_psql('postgres', $same{'row counts of the store tables'}), 'the standby still serves the same rows');
unlike(substr(slurp_file($standby->logfile), $log_offset), qr/terminated by signal|PANIC/, 'no backend crashed');

$standby->stop;
$primary->stop;
done_testing();
