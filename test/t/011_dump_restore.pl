# Rows users add to the gazetteer tables survive pg_dump and restore into a
# new database; shipped rows are not dumped, so they are not duplicated.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('dump_restore');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE src');
$node->safe_psql('src', 'CREATE EXTENSION nkwatch');
my $shipped = $node->safe_psql('src', 'SELECT count(*) FROM nk_gazetteer');
my $shipped_words = $node->safe_psql('src', 'SELECT count(*) FROM nk_lexicon');

# user rows, one of them inside a user place, one an alias of a shipped entity
$node->safe_psql(
	'src', q{
INSERT INTO nk_gazetteer (canonical, label, alias, parent) VALUES
    ('Orchid Valley Launch Site', 'FAC', 'Orchid Valley Launch Site', 'Kestrel County'),
    ('Kestrel County', 'GPE', 'Kestrel County', 'North Hamgyong Province'),
    ('Kestrel County', 'GPE', 'Kestrel', NULL),
    ('Kim Jong Un', 'PERSON', 'Rocket Man', NULL);
INSERT INTO nk_lexicon (list, word) VALUES ('titles', 'archduke');
CREATE TABLE article (id int PRIMARY KEY, body text, keys text[]);
INSERT INTO article VALUES (1, 'Rocket Man visited the Orchid Valley Launch Site in Kestrel.');
UPDATE article SET keys = nk_entity_keys(body);
CREATE INDEX ON article USING gin (keys);
});

my $dump = $node->basedir . '/src.dump';
$node->command_ok([ 'pg_dump', '--format=custom', '--file', $dump, $node->connstr('src') ], 'pg_dump');
$node->safe_psql('postgres', 'CREATE DATABASE dst');
$node->command_ok([ 'pg_restore', '--exit-on-error', '--dbname', $node->connstr('dst'), $dump ],
	'pg_restore into a new database');

is($node->safe_psql('dst', 'SELECT count(*) FROM nk_gazetteer WHERE shipped'), $shipped,
	'shipped rows come from CREATE EXTENSION, once');
is($node->safe_psql('dst', 'SELECT count(*) FROM nk_lexicon WHERE shipped'), $shipped_words,
	'shipped words once');
is( $node->safe_psql('dst',
		"SELECT string_agg(canonical || '/' || alias, ', ' ORDER BY canonical, alias) FROM nk_gazetteer WHERE NOT shipped"),
	'Kestrel County/Kestrel, Kestrel County/Kestrel County, Kim Jong Un/Rocket Man, '
	  . 'Orchid Valley Launch Site/Orchid Valley Launch Site',
	'user gazetteer rows restored');
is($node->safe_psql('dst', "SELECT list || '/' || word FROM nk_lexicon WHERE NOT shipped"),
	'titles/archduke', 'user word restored');
is( $node->safe_psql('dst',
		'SELECT count(*) FROM (SELECT canonical, label, alias FROM nk_gazetteer GROUP BY 1, 2, 3 HAVING count(*) > 1) d'),
	'0', 'no row twice');
is( $node->safe_psql('dst',
		"SELECT string_agg(parent, ' > ' ORDER BY level) FROM nk_gazetteer_parents('Orchid Valley Launch Site')"),
	'Kestrel County > North Hamgyong Province > North Korea', 'restored places keep their parents');
is( $node->safe_psql('dst',
		"SELECT keys = nk_entity_keys(body) FROM article WHERE id = 1"),
	't', 'the restored gazetteer extracts what the source did');
is($node->safe_psql('dst', "SELECT array_to_string(keys, ', ') FROM article"),
	'Kestrel County, Kim Jong Un, Orchid Valley Launch Site', 'with the user entities');

# and the restored database dumps the same user rows again
my $dump2 = $node->basedir . '/dst.sql';
$node->command_ok([ 'pg_dump', '--data-only', '--table=nk_gazetteer', '--file', $dump2, $node->connstr('dst') ],
	'pg_dump of the restored table');
my $text = slurp_file($dump2);
like($text, qr/Rocket Man/, 'the user row is dumped');
unlike($text, qr/Vladimir Putin/, 'shipped rows are not');

$node->stop;
done_testing();
