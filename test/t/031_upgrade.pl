# ALTER EXTENSION nkwatch UPDATE from every version with an update path to
# the default version keeps every user row (gazetteer and word-list rows,
# stored articles with all their rows, staged pages, sequence positions) and
# gives the catalog and shipped rows of a fresh CREATE EXTENSION; the updated
# database ingests, reprocesses and dumps as a fresh one does.  The versions
# come from the installed update scripts (pg_extension_update_paths), so a new
# release is tested without editing this file.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('upgrade');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->start;

my $default = $node->safe_psql('postgres',
	"SELECT default_version FROM pg_available_extensions WHERE name = 'nkwatch'");
my @sources = split /\n/, $node->safe_psql(
	'postgres', qq{
SELECT source FROM pg_extension_update_paths('nkwatch')
 WHERE target = '$default' AND path IS NOT NULL
 ORDER BY string_to_array(source, '.')::int[]});
ok(@sources > 0, "update paths to $default: @sources");

# Every object of the extension, one line each (multi-line definitions one
# line per line): members, their definitions, columns, constraints, indexes,
# triggers, comments, privileges and the extension's configuration tables.
my $catalog_sql = q{
WITH ext AS (SELECT * FROM pg_extension WHERE extname = 'nkwatch'),
mem AS (
    SELECT d.classid, d.objid, pg_describe_object(d.classid, d.objid, d.objsubid) AS what
      FROM pg_depend d, ext
     WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'),
rel AS (
    SELECT c.oid, c.relkind, m.what
      FROM mem m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
    UNION ALL
    SELECT c.oid, c.relkind, m.what
      FROM mem m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
      JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'),
sub AS (
    SELECT 'pg_class'::regclass::oid AS classid, i.indexrelid AS objid,
           r.what || ' index ' || ci.relname AS what, pg_get_indexdef(i.indexrelid) AS def
      FROM rel r JOIN pg_index i ON i.indrelid = r.oid JOIN pg_class ci ON ci.oid = i.indexrelid
    UNION ALL
    SELECT 'pg_constraint'::regclass, co.oid, r.what || ' constraint ' || co.conname, pg_get_constraintdef(co.oid)
      FROM rel r JOIN pg_constraint co ON co.conrelid = r.oid
    UNION ALL
    SELECT 'pg_constraint'::regclass, co.oid, m.what || ' constraint ' || co.conname, pg_get_constraintdef(co.oid)
      FROM mem m JOIN pg_constraint co ON m.classid = 'pg_type'::regclass AND co.contypid = m.objid
    UNION ALL
    SELECT 'pg_trigger'::regclass, tg.oid, r.what || ' trigger ' || tg.tgname,
           pg_get_triggerdef(tg.oid) || ' enabled ' || tg.tgenabled::text
      FROM rel r JOIN pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal)
SELECT line FROM (
    SELECT 'extension ' || extversion || ' schema ' || extnamespace::regnamespace || ' relocatable ' || extrelocatable AS line
      FROM ext
    UNION ALL
    SELECT 'config ' || c::regclass || ' ' || coalesce(w, '') FROM ext, unnest(extconfig, extcondition) AS u(c, w)
    UNION ALL
    SELECT 'member ' || what FROM mem
    UNION ALL
    SELECT what || ': ' || def FROM sub
    UNION ALL
    SELECT m.what || ': ' || l
      FROM mem m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid,
           regexp_split_to_table(pg_get_functiondef(p.oid), E'\n') AS l
    UNION ALL
    SELECT m.what || ' acl ' || coalesce(p.proacl::text, 'default')
      FROM mem m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
    UNION ALL
    SELECT r.what || ' kind ' || r.relkind::text || ' acl ' || coalesce(c.relacl::text, 'default')
      FROM rel r JOIN pg_class c ON c.oid = r.oid
    UNION ALL
    SELECT r.what || ' view: ' || l
      FROM rel r, regexp_split_to_table(pg_get_viewdef(r.oid, true), E'\n') AS l WHERE r.relkind IN ('v', 'm')
    UNION ALL
    SELECT r.what || ' column ' || row_number() OVER (PARTITION BY r.oid ORDER BY a.attnum) || ' ' || a.attname
           || ' ' || format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
           || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
           || CASE a.attgenerated WHEN 's' THEN ' generated stored' ELSE '' END
           || CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END
           || coalesce(' collate ' || nullif(a.attcollation, 0)::regcollation::text, '')
           || coalesce(' acl ' || a.attacl::text, '')
      FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    UNION ALL
    SELECT m.what || ' sequence ' || s.seqtypid::regtype || ' ' || s.seqstart || ' ' || s.seqincrement || ' '
           || s.seqmin || ' ' || s.seqmax || ' ' || s.seqcache || ' ' || s.seqcycle
      FROM mem m JOIN pg_sequence s ON m.classid = 'pg_class'::regclass AND s.seqrelid = m.objid
    UNION ALL
    SELECT m.what || ' type ' || t.typtype::text || ' acl ' || coalesce(t.typacl::text, 'default')
      FROM mem m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
    UNION ALL
    SELECT m.what || ' label ' || e.enumsortorder || ' ' || e.enumlabel
      FROM mem m JOIN pg_enum e ON m.classid = 'pg_type'::regclass AND e.enumtypid = m.objid
    UNION ALL
    SELECT 'comment ' || pg_describe_object(d.classoid, d.objoid, d.objsubid) || ': ' || d.description
      FROM pg_description d
     WHERE (d.classoid, d.objoid) IN (SELECT classid, objid FROM mem UNION ALL SELECT classid, objid FROM sub
                                      UNION ALL SELECT 'pg_class'::regclass, oid FROM rel)
    UNION ALL
    SELECT 'init privileges ' || pg_describe_object(i.classoid, i.objoid, i.objsubid) || ' '
           || i.privtype::text || ' ' || i.initprivs::text
      FROM pg_init_privs i
     WHERE (i.classoid, i.objoid) IN (SELECT classid, objid FROM mem UNION ALL SELECT 'pg_class'::regclass, oid FROM rel)
) f
ORDER BY line COLLATE "C"};

# The member tables, each with what its rows are: a configuration table's
# rows matching its condition are the users' (all of them for an empty
# condition), the others shipped; a table that is not one holds shipped
# rows only.
sub tables
{
	my ($db) = @_;
	my @t;
	for my $line (split /\n/, $node->safe_psql(
		$db, q{
SELECT c.oid::regclass, c.relkind, coalesce(substring(x.cond FROM '^\s*WHERE\s+(.*)$'), x.cond, '-')
  FROM pg_depend d
  JOIN pg_class c ON d.classid = 'pg_class'::regclass AND c.oid = d.objid
  JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND e.extname = 'nkwatch'
  LEFT JOIN LATERAL (SELECT u.w AS cond FROM unnest(e.extconfig, e.extcondition) AS u(c, w) WHERE u.c = c.oid) x ON true
 WHERE d.deptype = 'e' AND c.relkind IN ('r', 'S')
 ORDER BY 1::text}))
	{
		my ($name, $kind, $cond) = split /\|/, $line, 3;
		push @t, { name => $name, kind => $kind, user => $cond ne '-', cond => ($cond eq '-' ? '' : $cond) };
	}
	return @t;
}

# The columns of every member table, by table.
sub columns
{
	my ($db) = @_;
	my %cols;
	for my $line (split /\n/, $node->safe_psql(
		$db, q{
SELECT a.attrelid::regclass, string_agg(quote_ident(a.attname), ' ' ORDER BY a.attnum)
  FROM pg_attribute a
  JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = a.attrelid AND d.deptype = 'e'
  JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid AND e.extname = 'nkwatch'
 WHERE a.attnum > 0 AND NOT a.attisdropped
 GROUP BY 1}))
	{
		my ($table, $list) = split /\|/, $line;
		$cols{$table} = [ split / /, $list ];
	}
	return \%cols;
}

# Columns that differ between two databases fed the same pages: times of
# processing, and story ids (a story is named by its first event instead).
my %volatile = (
	ingested_at => 'NULL',
	processed_at => 'NULL',
	updated_at => 'NULL',
	story_id => '(SELECT min(ROW(o.article_id, o.n)::text) FROM nk_article_events o WHERE o.story_id = t.story_id)');
my %volatile_in = (
	nk_stories => { id => '(SELECT min(ROW(o.article_id, o.n)::text) FROM nk_article_events o WHERE o.story_id = t.id)' });

# The user rows of database $db, one line each (newlines in values written
# \n), by table: of the columns %$cols names (those the table had before an
# update) or all; with $normalize, volatile columns replaced as above.
sub user_rows
{
	my ($db, $cols, $normalize) = @_;
	$cols //= columns($db);
	my @parts;
	for my $t (tables($db))
	{
		next unless $t->{user};
		my $name = $t->{name};
		if ($t->{kind} eq 'S')
		{
			push @parts, "SELECT '$name', last_value || ' ' || is_called FROM $name" unless $normalize;
			next;
		}
		my @c = map { $normalize ? ($volatile_in{$name}{$_} // $volatile{$_} // "t.$_") : "t.$_" } @{ $cols->{$name} };
		my $where = $t->{cond} eq '' ? '' : "WHERE $t->{cond}";
		push @parts, "SELECT '$name', ROW(" . join(', ', @c) . ")::text FROM $name t $where";
	}
	my %rows = map { $_ => '' } map { /^SELECT '([^']+)'/ } @parts;
	my $sql = 'SELECT n || E\'\\t\' || replace(r, E\'\\n\', \'\\n\') FROM ('
	  . join(' UNION ALL ', map { "($_)" } @parts) . ') x(n, r) ORDER BY n, r COLLATE "C"';
	for my $line (split /\n/, $node->safe_psql($db, $sql))
	{
		my ($name, $row) = split /\t/, $line, 2;
		$rows{$name} .= "$row\n";
	}
	return \%rows;
}

# The shipped rows: count and hash, by table.
sub shipped_rows
{
	my ($db) = @_;
	my @lines;
	for my $t (tables($db))
	{
		next if $t->{kind} ne 'r' || ($t->{user} && $t->{cond} eq '');
		my $where = $t->{user} ? "WHERE NOT ($t->{cond})" : '';
		push @lines, "$t->{name} " . $node->safe_psql($db,
			"SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE \"C\"), '')) "
			  . "FROM $t->{name} t $where");
	}
	return join("\n", @lines);
}

# is() on two texts of lines, showing only the lines that differ
sub same_lines
{
	my ($got, $expected, $name) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my (%g, %e);
	$g{$_}++ for split /\n/, $got;
	$e{$_}++ for split /\n/, $expected;
	my @diff = (
		(map { "+ $_" } grep { ($g{$_} // 0) > ($e{$_} // 0) } sort keys %g),
		(map { "- $_" } grep { ($e{$_} // 0) > ($g{$_} // 0) } sort keys %e));
	splice @diff, 40, @diff - 40, '... (' . (@diff - 40) . ' more)' if @diff > 40;
	is(join("\n", @diff), '', $name);
}

# The users' data: places and names of their own (one inside a shipped
# province, one an alias of a shipped entity), a title word, the fixture
# pages ingested with their urls and outlets, a page staged and not yet
# ingested, and an object of their own that uses the extension's.
my @pages = sort glob('test/fixtures/articles/[0-9]*.txt');
my $users_sql = q{
INSERT INTO nk_gazetteer (canonical, label, alias, parent) VALUES
    ('Orchid Valley Launch Site', 'FAC', 'Orchid Valley Launch Site', 'Kestrel County'),
    ('Kestrel County', 'GPE', 'Kestrel County', 'North Hamgyong Province'),
    ('Kestrel County', 'GPE', 'Kestrel', NULL),
    ('Kim Jong Un', 'PERSON', 'the Marshal of Kestrel', NULL);
INSERT INTO nk_lexicon (list, word) VALUES ('titles', 'archduke');
INSERT INTO nk_staging (raw, url) VALUES ('Staged headline

A page waiting for nk_ingest_staged().', 'https://staged.example/1');
CREATE VIEW my_kim_articles AS
    SELECT a.id, a.title FROM nk_articles a WHERE a.entity_keys @> ARRAY['Kim Jong Un'];
};
my $n = 0;
for my $file (@pages)
{
	my $raw = slurp_file($file);
	die "$file contains the quote tag" if $raw =~ /\$nkpage\$/;
	$n++;
	# each page with a publication time, so that no row depends on when it was ingested
	$users_sql .= "SELECT nk_ingest(\$nkpage\$$raw\$nkpage\$, 'https://news$n.example/" . ($file =~ s{.*/}{}r)
	  . "', coalesce((nk_article(\$nkpage\$$raw\$nkpage\$)).published, '2024-07-0$n 12:00+00'), "
	  . ($n % 3 ? 'NULL' : "'Outlet $n'") . ");\n";
}
my $later_page = "Kestrel visit\n\nKim Jong Un visited the Orchid Valley Launch Site in Kestrel on Monday, "
  . "state media said.\n";
my $later_sql = "SELECT nk_ingest(\$nkpage\$$later_page\$nkpage\$, 'https://later.example/1', '2024-08-05 09:00+00')";

my $pages_sql =
  'SELECT string_agg(ROW(id, url, outlet, content_hash, raw, published, ingested_at)::text, E\'\\n\' ORDER BY id) FROM nk_articles';
my $user_view_sql = 'SELECT string_agg(id::text, \',\' ORDER BY id) FROM my_kim_articles';

# a fresh install at the default version with the same data, to compare with
$node->safe_psql('postgres', 'CREATE DATABASE fresh');
$node->safe_psql('fresh', 'CREATE EXTENSION nkwatch');
my $fresh_catalog = $node->safe_psql('fresh', $catalog_sql);
my $fresh_shipped = shipped_rows('fresh');
$node->safe_psql('fresh', $users_sql);
$node->safe_psql('fresh', 'SELECT nk_reprocess()');
my $fresh_rows = user_rows('fresh', undef, 1);
my $fresh_view = $node->safe_psql('fresh', $user_view_sql);
cmp_ok($fresh_view, 'ne', '', 'the users\' view finds articles');
$node->safe_psql('fresh', $later_sql);
my $fresh_later = user_rows('fresh', undef, 1);

for my $from (@sources)
{
	my $db = 'from_' . ($from =~ s/\W/_/gr);
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	$node->safe_psql($db, "CREATE EXTENSION nkwatch VERSION '$from'");
	$node->safe_psql($db, $users_sql);
	my $cols = columns($db);
	my $before = user_rows($db);
	my $view_before = $node->safe_psql($db, $user_view_sql);
	my $pages_before = $node->safe_psql($db, $pages_sql);

	# every user row as it was, unless the update reprocessed the articles
	# itself: then the pages are kept and the rows are what nk_reprocess() gives
	my $processed_sql = "SELECT string_agg(id || ' ' || processed_at, ',' ORDER BY id) FROM nk_articles";
	my $processed_before = $node->safe_psql($db, $processed_sql);
	my ($rc, $out, $err) = $node->psql($db, 'ALTER EXTENSION nkwatch UPDATE');
	is($rc, 0, "$from: ALTER EXTENSION nkwatch UPDATE") or diag($err);
	is($node->safe_psql($db, "SELECT extversion FROM pg_extension WHERE extname = 'nkwatch'"),
		$default, "$from: now at $default");
	if ($node->safe_psql($db, $processed_sql) eq $processed_before)
	{
		my $after = user_rows($db, $cols);
		for my $table (sort keys %$before)
		{
			same_lines($after->{$table}, $before->{$table}, "$from: the rows of $table are kept");
		}
	}
	else
	{
		is($node->safe_psql($db, $pages_sql), $pages_before, "$from: the stored pages are kept");
		my $now = user_rows($db, $cols, 1);
		$node->safe_psql($db, 'SELECT nk_reprocess()');
		my $again = user_rows($db, $cols, 1);
		for my $table (sort keys %$now)
		{
			same_lines($now->{$table}, $again->{$table}, "$from: the update reprocessed, $table is what nk_reprocess() gives");
		}
	}
	is($node->safe_psql($db, $user_view_sql), $view_before, "$from: the users' view still works");

	same_lines($node->safe_psql($db, $catalog_sql), $fresh_catalog,
		"$from: the catalog is that of a fresh CREATE EXTENSION");
	same_lines(shipped_rows($db), $fresh_shipped, "$from: the shipped rows are those of a fresh CREATE EXTENSION");

	# the updated functions store what fresh ones store
	$node->safe_psql($db, 'SELECT nk_reprocess()');
	my $re = user_rows($db, undef, 1);
	for my $table (sort keys %$fresh_rows)
	{
		same_lines($re->{$table}, $fresh_rows->{$table}, "$from: after nk_reprocess() $table is as in a fresh install");
	}
	$node->safe_psql($db, $later_sql);
	my $later = user_rows($db, undef, 1);
	same_lines(join("\n", map { $later->{$_} } sort keys %$later),
		join("\n", map { $fresh_later->{$_} } sort keys %$fresh_later),
		"$from: a page ingested after the update is stored as in a fresh install");

	# and the updated database dumps and restores
	my $dump = $node->basedir . "/$db.dump";
	$node->command_ok([ 'pg_dump', '--format=custom', '--file', $dump, $node->connstr($db) ],
		"$from: pg_dump of the updated database");
	$node->safe_psql('postgres', "CREATE DATABASE ${db}_restored");
	$node->command_ok([ 'pg_restore', '--exit-on-error', '--dbname', $node->connstr("${db}_restored"), $dump ],
		"$from: pg_restore");
	same_lines($node->safe_psql("${db}_restored", $catalog_sql), $fresh_catalog,
		"$from: the restored catalog is that of a fresh CREATE EXTENSION");
	my $restored = user_rows("${db}_restored");
	my $updated = user_rows($db);
	same_lines(join("\n", map { "$_ $restored->{$_}" } sort keys %$restored),
		join("\n", map { "$_ $updated->{$_}" } sort keys %$updated),
		"$from: the restored database has the user rows");
}

$node->stop;
done_testing();
