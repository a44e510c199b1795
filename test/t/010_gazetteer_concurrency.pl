# Eight sessions extract entities while another edits the gazetteer: no
# errors, every extraction sees a whole gazetteer, and an edit is visible to
# every already-connected session at its next call (relcache invalidation,
# no reconnect).
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('gazetteer_concurrency');
$node->init(extra => [ '--encoding=UTF8', '--locale=C.UTF-8' ]);
$node->append_conf('postgresql.conf', 'max_connections = 40');
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION nkwatch');

# the fixture bodies, plus a line naming someone no gazetteer knows yet
my @files = sort glob('test/fixtures/articles/body/[0-9]*.txt');
cmp_ok(scalar(@files), '>=', 10, 'fixture bodies found');
my $load = "CREATE TABLE doc (id int PRIMARY KEY, body text);\n";
my $id = 0;
for my $file (@files)
{
	my $body = slurp_file($file);
	$body =~ s/'/''/g;
	$id++;
	$load .= "INSERT INTO doc VALUES ($id, 'Kim Jong Un was named. Zorvath Quell was there too. ' || '$body');\n";
}
$node->safe_psql('postgres', $load);
my $n = $id;

# The editor: 150 committed edits of both tables, each added and removed
# again, with a long-lived extra alias in the middle.
my $editor_sql = q{
DO $$
BEGIN
  FOR i IN 1..150 LOOP
    INSERT INTO nk_gazetteer (canonical, label, alias, parent)
      VALUES ('Editor Entity ' || i, 'ORG', 'Editor Entity ' || i, 'North Korea');
    COMMIT;
    IF i % 10 = 0 THEN
      INSERT INTO nk_lexicon (list, word) VALUES ('titles', 'editorword' || i);
      COMMIT;
      DELETE FROM nk_lexicon WHERE word = 'editorword' || i;
      COMMIT;
    END IF;
    DELETE FROM nk_gazetteer WHERE canonical = 'Editor Entity ' || i;
    COMMIT;
    PERFORM pg_sleep(0.005);
  END LOOP;
END
$$;
};
my $editor = $node->background_psql('postgres');
$editor->query_until(qr/editing/, "\\echo editing\n$editor_sql\n\\echo edited\n");

# 8 clients extract meanwhile; a shipped name must always be found, so a
# half-built or freed gazetteer would show as an error (division by zero)
$node->pgbench(
	'--no-vacuum --client=8 --jobs=8 --transactions=150',
	0,
	[ qr{processed: 1200/1200}, qr{number of failed transactions: 0\b} ],
	[qr{^$}],
	'8 sessions extract while the gazetteer is edited, without an error',
	{
		'010_extract' => qq{
\\set id random(1, $n)
SELECT 1 / (SELECT count(*) FROM doc, nk_entities(body) e WHERE id = :id AND e.entity = 'Kim Jong Un' AND e.pos = 1)::int;
SELECT 1 / ('Kim Jong Un' = ANY (nk_entity_keys(body)))::int FROM doc WHERE id = :id;
}
	});
$editor->query_until(qr/edited/, '');
$editor->quit;
is($node->safe_psql('postgres', "SELECT count(*) FROM nk_gazetteer WHERE NOT shipped"),
	'0', 'the editor finished and left no rows');

# Eight connected sessions with a warm cache see a new alias at their next call.
my $probe = "SELECT count(*) FROM doc, nk_entities(body) e WHERE id = 1 AND e.entity = 'Zorvath Quell';";
my @sessions = map { $node->background_psql('postgres') } 1 .. 8;
for my $i (0 .. $#sessions)
{
	is($sessions[$i]->query_safe($probe), '0', "session $i: the name is unknown at first");
}
$node->safe_psql('postgres',
	"INSERT INTO nk_gazetteer (canonical, label, alias, parent) VALUES ('Zorvath Quell', 'PERSON', 'Zorvath Quell', 'Russia')");
for my $i (0 .. $#sessions)
{
	is($sessions[$i]->query_safe($probe), '1', "session $i: sees the new row without reconnecting");
}
# also within an open transaction, at its next statement
$sessions[0]->query_safe('BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1;');
$node->safe_psql('postgres', "DELETE FROM nk_gazetteer WHERE canonical = 'Zorvath Quell'");
is($sessions[0]->query_safe($probe), '0', 'a repeatable-read transaction sees the removal at its next statement');
$sessions[0]->query_safe('COMMIT;');
for my $i (1 .. $#sessions)
{
	is($sessions[$i]->query_safe($probe), '0', "session $i: sees the removal");
}
# a word-list edit reaches them too
my $title = "SELECT count(*) FROM nk_entities('Later archduke Velmor Tisk spoke.') WHERE entity = 'Velmor Tisk';";
is($sessions[1]->query_safe($title), '0', 'a title word the lists lack finds no name');
$node->safe_psql('postgres', "INSERT INTO nk_lexicon (list, word) VALUES ('titles', 'archduke')");
is($sessions[1]->query_safe($title), '1', 'a new title word takes effect in a connected session');
$_->quit for @sessions;

# a cancelled or failed rebuild leaves no dangling gazetteer: the next call builds again
my $s = $node->background_psql('postgres', on_error_stop => 0);
$s->query_safe("SELECT count(*) FROM nk_entities('warm')");
$node->safe_psql('postgres', "DELETE FROM nk_lexicon WHERE word = 'archduke'");
$s->query_safe("SET statement_timeout = '1ms'");
my $timeouts = 0;
for (1 .. 20)
{
	# the rebuild reads the tables, so at 1ms it is the part that times out
	$s->query("SELECT count(*) FROM nk_entities(repeat('Kim Jong Un met Putin. ', 2000))");
	$timeouts++ if $s->{stderr} =~ /canceling statement due to statement timeout/;
	$s->{stderr} = '';
}
cmp_ok($timeouts, '>', 0, 'calls were cancelled by statement_timeout');
$s->query("RESET statement_timeout");
$s->{stderr} = '';
is($s->query_safe("SELECT count(*) FROM nk_entities('Kim Jong Un met Vladimir Putin.')"), '2',
	'after cancelled rebuilds the next call builds and works');
is($s->query_safe("SELECT count(*) FROM nk_entities('Later archduke Velmor Tisk spoke.') WHERE entity = 'Velmor Tisk'"),
	'0', 'and it has the latest word lists');
$s->quit;

$node->stop;
done_testing();
