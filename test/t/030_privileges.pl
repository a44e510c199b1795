# Least privilege: a role without superuser uses every function; changing
# the gazetteer and ingesting need the documented grants; no SECURITY
# DEFINER function without a fixed search_path; functions and operators a
# user puts earlier on search_path do not hijack nkwatch's SQL; and the
# extension is not trusted (see nkwatch.control), so a database owner
# without superuser cannot install it.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('privileges');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->start;
$node->safe_psql('postgres', q{
CREATE EXTENSION nkwatch;
CREATE ROLE reader LOGIN;
CREATE ROLE editor LOGIN;
CREATE ROLE ingester LOGIN;
CREATE ROLE mallory LOGIN;
CREATE ROLE dbowner LOGIN;
GRANT INSERT, UPDATE, DELETE ON nk_gazetteer, nk_lexicon TO editor;
GRANT INSERT, UPDATE, DELETE ON nk_articles, nk_mentions, nk_stories, nk_article_events,
    nk_article_claims, nk_claim_relations, nk_story_tallies TO ingester;
GRANT SELECT, INSERT, UPDATE, DELETE ON nk_staging TO ingester;
GRANT USAGE ON SEQUENCE nk_articles_id_seq, nk_stories_id_seq, nk_staging_id_seq TO ingester;
CREATE SCHEMA evil AUTHORIZATION mallory;
GRANT USAGE ON SCHEMA evil TO PUBLIC;
});

my $doc = q{'North Korean leader Kim Jong Un met Vladimir Putin in Moscow on Monday, the Kremlin said.'};
my $pub = q{'2024-03-04 12:00+00'};

sub as_role
{
	my ($role, $sql) = @_;
	my ($ret, $out, $err) = $node->psql('postgres', "SET ROLE $role; $sql");
	return ($ret, $out, $err);
}

# every function works for a role with no grants
my @calls = (
	"SELECT count(*) FROM nk_sentences($doc)",
	"SELECT (nk_article($doc)).body IS NOT NULL",
	"SELECT (nk_article($doc, now())).body IS NOT NULL",
	"SELECT count(*) FROM nk_entities($doc)",
	"SELECT cardinality(nk_entity_keys($doc))",
	"SELECT count(*) FROM nk_dates($doc, $pub)",
	"SELECT count(*) FROM nk_events($doc, $pub)",
	"SELECT count(*) FROM nk_claims($doc, $pub)",
	"SELECT (nk_compare($doc, $doc)).relation",
	"SELECT count(*) FROM nk_gazetteer_parents('Vostochny Cosmodrome')",
	"SELECT entities > 0 FROM nk_gazetteer_info()",
	"SELECT nk_url_outlet('https://www.example.com/a')",
	"SELECT count(*) FROM nk_timeline",
	"SELECT count(*) FROM nk_entity_daily",
	"SELECT count(*) FROM nk_cooccurrence",
	"SELECT count(*) FROM nk_conflicts",
	"SELECT count(*) FROM nk_outlet_record",
	"SELECT count(*) FROM nk_gazetteer",
	"SELECT count(*) FROM nk_lexicon");
for my $sql (@calls)
{
	my ($ret, $out, $err) = as_role('reader', $sql);
	is($ret, 0, "reader: $sql") or diag($err);
}

# changing the gazetteer and ingesting need the grants
my $row = q{INSERT INTO nk_gazetteer (canonical, label, alias) VALUES ('Orchid Valley', 'GPE', 'Orchid Valley')};
my ($ret, $out, $err) = as_role('reader', $row);
like($err, qr/permission denied for table nk_gazetteer/, 'reader cannot change the gazetteer');
($ret, $out, $err) = as_role('reader', "SELECT nk_ingest($doc, 'https://example.com/1', $pub)");
like($err, qr/permission denied/, 'reader cannot ingest');
($ret, $out, $err) = as_role('editor', $row);
is($ret, 0, 'editor changes the gazetteer') or diag($err);
($ret, $out, $err) = as_role('ingester', "SELECT nk_ingest($doc, 'https://example.com/1', $pub) IS NOT NULL");
is($out, 't', 'ingester ingests') or diag($err);

# SECURITY DEFINER only with a fixed search_path; every SQL and PL/pgSQL
# function with search_path pg_catalog, pg_temp (or named as an exception)
is($node->safe_psql('postgres', q{
SELECT count(*) FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'nkwatch')
   AND p.prosecdef AND NOT coalesce(p.proconfig::text[] && ARRAY['search_path=pg_catalog, pg_temp'], false)}),
	'0', 'no SECURITY DEFINER function without a fixed search_path');
is($node->safe_psql('postgres', q{
SELECT coalesce(string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.proname), '')
  FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_language l ON l.oid = p.prolang
 WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'nkwatch')
   AND l.lanname IN ('sql', 'plpgsql')
   AND NOT coalesce(p.proconfig::text[] && ARRAY['search_path=pg_catalog, pg_temp'], false)}),
	'nk_ingest_staged(integer), nk_refresh_entity_keys(regclass,name,name)',
	'every SQL and PL/pgSQL function runs with search_path pg_catalog, pg_temp, but the two named');

# mallory's functions and operators that match nkwatch's calls better than
# pg_catalog's, first on the search_path of the callers
$node->safe_psql('postgres', q{
SET ROLE mallory;
CREATE FUNCTION evil.array_to_string(text[], text) RETURNS text LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'hijacked: array_to_string'; END$$;
CREATE FUNCTION evil.unnest(bigint[]) RETURNS SETOF bigint LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'hijacked: unnest'; END$$;
CREATE FUNCTION evil.append(bigint[], bigint) RETURNS bigint[] LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'hijacked: ||'; END$$;
CREATE OPERATOR evil.|| (LEFTARG = bigint[], RIGHTARG = bigint, FUNCTION = evil.append);
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'hijacked: btrim'; END$$;
CREATE FUNCTION evil.nk_entities(text) RETURNS SETOF record LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'hijacked: nk_entities'; END$$;
CREATE TABLE evil.nk_gazetteer (canonical text, label text, alias text, parent text, roles text[], shipped boolean);
GRANT SELECT ON evil.nk_gazetteer TO PUBLIC;
});
my $evil = 'SET search_path = evil, public, pg_catalog;';
for my $case (
	[ 'editor', "INSERT INTO public.nk_gazetteer (canonical, label, alias) VALUES ('Kestrel County', 'GPE', 'Kestrel')" ],
	[ 'reader', "SELECT count(*) FROM public.nk_entities($doc)" ],
	[ 'ingester', "SELECT public.nk_ingest($doc || ' Later.', 'https://example.com/2', $pub) IS NOT NULL" ],
	[ 'ingester', "SELECT public.nk_reprocess() > 0" ],
	[ 'postgres', "SELECT public.nk_gazetteer_info() IS NOT NULL" ])
{
	my ($role, $sql) = @$case;
	($ret, $out, $err) = $node->psql('postgres', "SET ROLE $role; $evil $sql");
	is($ret, 0, "$role with mallory's objects first on search_path: $sql") or diag($err);
	unlike($err, qr/hijacked/, "... runs none of them");
}

# not trusted: a database owner without superuser cannot install it
$node->safe_psql('postgres', 'CREATE DATABASE owned OWNER dbowner');
($ret, $out, $err) = $node->psql('owned', 'SET ROLE dbowner; CREATE EXTENSION nkwatch');
like($err, qr/permission denied to create extension "nkwatch"/,
	'a database owner without superuser cannot CREATE EXTENSION nkwatch (not trusted)');

$node->stop;
done_testing();
