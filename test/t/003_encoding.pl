# nkwatch works on UTF-8 text: in a database of another encoding, CREATE
# EXTENSION works, and every function refuses with a clear error and a hint.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('encoding');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->start;

$node->safe_psql('postgres',
	"CREATE DATABASE latin1 ENCODING 'LATIN1' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'");
is($node->safe_psql('latin1', 'SHOW server_encoding'), 'LATIN1', 'the database is LATIN1');

$node->safe_psql('latin1', 'CREATE EXTENSION nkwatch');
is( $node->safe_psql('latin1',
		"SELECT extversion = default_version FROM pg_extension, pg_available_extensions WHERE extname = 'nkwatch' AND name = extname"),
	't', 'CREATE EXTENSION works in a LATIN1 database');

my @calls = (
	[ 'nk_sentences', "SELECT count(*) FROM nk_sentences('One sentence. Another one.')" ],
	[ 'nk_article', "SELECT (nk_article('Headline\n\nA story line.')).title" ],
	[ 'nk_article with fetched',
		"SELECT (nk_article('Headline\n\nA story line.', '2024-06-19 10:00+00')).body" ],
);
for my $call (@calls)
{
	my ($name, $sql) = @$call;
	my ($ret, $stdout, $stderr) =
	  $node->psql('latin1', $sql, extra_params => [ '-v', 'VERBOSITY=default' ]);
	isnt($ret, 0, "$name fails in a LATIN1 database");
	is($stdout, '', "$name returns nothing");
	like($stderr, qr/ERROR:  nkwatch requires a database with UTF8 encoding, not LATIN1/,
		"$name: the error names the requirement and the encoding");
	like($stderr, qr/HINT:  Create the database with ENCODING 'UTF8'/,
		"$name: the error has a hint");
}

# NULL in, NULL out: nk_article(NULL) is answered before the encoding matters
is($node->safe_psql('latin1', 'SELECT nk_article(NULL) IS NULL'), 't',
	'nk_article(NULL) is NULL without touching any text');

# the same calls work in a UTF8 database of the same cluster
$node->safe_psql('postgres',
	"CREATE DATABASE utf8 ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'");
$node->safe_psql('utf8', 'CREATE EXTENSION nkwatch');
is($node->safe_psql('utf8', "SELECT count(*) FROM nk_sentences('One sentence. Another one.')"),
	'2', 'nk_sentences works in a UTF8 database');

$node->stop;
done_testing();
