#!/bin/bash
# ingest.sh -- hand-run benchmark of the store (never part of the test suite).
#
#   test/bench/ingest.sh [-n N] [--seed S] [--sessions K] [--batch B] [--db NAME]
#
# Generates N pages (default 100000) with generate.pl, COPYs them into
# nk_staging of a fresh database NAME (default nkbench_ingest, dropped and
# created on the server PGHOST/PGPORT/PGUSER name, which must have nkwatch
# installed), runs CALL nk_ingest_staged(B) in K sessions at once (default
# 2, batches of 500), and reports articles/s, the row counts and sizes of
# the store's tables, and the best of 5 runs of the dashboard queries, each
# reading every column of every row (nk_timeline over all days and one year;
# nk_conflicts, when it exists, for the latest 30 days: all rows, counts per
# day, the newest 100 with their evidence).  Nothing here asserts a time:
# read the numbers.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
n=100000
seed=20240619
sessions=2
batch=500
db=nkbench_ingest

while [ $# -gt 0 ]; do
	case "$1" in
		-n) n=$2; shift ;;
		--seed) seed=$2; shift ;;
		--sessions) sessions=$2; shift ;;
		--batch) batch=$2; shift ;;
		--db) db=$2; shift ;;
		-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
		*) echo "ingest.sh: unknown argument $1" >&2; exit 1 ;;
	esac
	shift
done

psql=(psql -X -v ON_ERROR_STOP=1 -q)
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0"
"${psql[@]}" -d "$db" -c 'CREATE EXTENSION nkwatch'

now() { date +%s.%N; }

t0=$(now)
perl "$here/generate.pl" -n "$n" --seed "$seed" | cut -f3 |
	"${psql[@]}" -d "$db" -c 'COPY nk_staging (raw) FROM STDIN'
t1=$(now)
mb=$("${psql[@]}" -d "$db" -Atc 'SELECT round(sum(octet_length(raw)) / 1e6, 1) FROM nk_staging')
echo "generated and loaded $n pages ($mb MB) in $(printf '%.1f' "$(echo "$t1 - $t0" | bc)") s"

t2=$(now)
pids=()
for _ in $(seq "$sessions"); do
	"${psql[@]}" -d "$db" -c "CALL nk_ingest_staged($batch)" 2>&1 | tail -1 &
	pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
t3=$(now)
secs=$(echo "$t3 - $t2" | bc)
articles=$("${psql[@]}" -d "$db" -Atc 'SELECT count(*) FROM nk_articles')
echo "ingested: $articles articles in $(printf '%.1f' "$secs") s with $sessions sessions:" \
	"$(printf '%.0f' "$(echo "$articles / $secs" | bc -l)") articles/s"
"${psql[@]}" -d "$db" -c 'VACUUM ANALYZE'

"${psql[@]}" -d "$db" -P footer=off <<'EOF'
SELECT c.relname AS "table", to_char(c.reltuples::bigint, 'FM999,999,999') AS "rows",
       pg_size_pretty(pg_table_size(c.oid)) AS "table size",
       pg_size_pretty(pg_indexes_size(c.oid)) AS "index size"
  FROM pg_class c
 WHERE c.relname IN ('nk_articles', 'nk_mentions', 'nk_article_events', 'nk_stories',
                     'nk_article_claims', 'nk_claim_relations', 'nk_story_tallies')
 ORDER BY pg_total_relation_size(c.oid) DESC;
SELECT count(*) AS stories, count(*) FILTER (WHERE num_articles > 1) AS "multi-article",
       max(num_articles) AS "largest" FROM nk_stories;
EOF

# the dashboard queries, best of 5 (server-side time); nk_conflicts and
# nk_outlet_record where the installed version has them
"${psql[@]}" -d "$db" -P footer=off <<'EOF'
CREATE FUNCTION pg_temp.best_ms(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    best numeric;
    t timestamptz;
    n bigint;
BEGIN
    FOR i IN 1 .. 5 LOOP
        t := clock_timestamp();
        -- every column of every row, as a client would read them
        EXECUTE 'SELECT sum(octet_length(x::text)) FROM (' || q || ') x' INTO n;
        best := least(best, extract(epoch FROM clock_timestamp() - t) * 1000);
    END LOOP;
    RETURN round(best, 1);
END
$$;
SELECT 'nk_timeline, all days' AS query,
       pg_temp.best_ms('SELECT * FROM nk_timeline') AS ms,
       (SELECT count(*) FROM nk_timeline) AS rows
UNION ALL
SELECT 'nk_timeline, one year', pg_temp.best_ms(
         'SELECT * FROM nk_timeline WHERE day >= (SELECT max(day) FROM nk_stories) - 365'),
       (SELECT count(*) FROM nk_timeline WHERE day >= (SELECT max(day) FROM nk_stories) - 365)
UNION ALL
SELECT 'nk_entity_daily, one entity', pg_temp.best_ms(
         'SELECT * FROM nk_entity_daily WHERE entity = ''Kim Jong Un'''),
       (SELECT count(*) FROM nk_entity_daily WHERE entity = 'Kim Jong Un');
SELECT to_regclass('nk_conflicts') IS NOT NULL AS has_conflicts \gset
\if :has_conflicts
-- the first day as a literal, as a dashboard sends its time range (a
-- subquery there hides the range from the planner's estimates)
SELECT max(day) - 30 AS since FROM nk_articles \gset
SELECT 'nk_conflicts, latest 30 days' AS query, pg_temp.best_ms(
         'SELECT * FROM nk_conflicts WHERE b_day >= ' || quote_literal(:'since')) AS ms,
       (SELECT count(*) FROM nk_conflicts WHERE b_day >= :'since') AS rows
UNION ALL
SELECT 'nk_conflicts, per day of 30', pg_temp.best_ms(
         'SELECT day, relation, count(*) FROM nk_conflicts WHERE b_day >= ' || quote_literal(:'since')
         || ' GROUP BY 1, 2'),
       (SELECT count(*) FROM (SELECT day, relation FROM nk_conflicts WHERE b_day >= :'since' GROUP BY 1, 2) x)
UNION ALL
SELECT 'nk_conflicts, newest 100 with evidence', pg_temp.best_ms(
         'SELECT day, a_evidence, b_evidence, reason FROM nk_conflicts WHERE b_day >= ' || quote_literal(:'since')
         || ' ORDER BY day DESC LIMIT 100'), 100
UNION ALL
SELECT 'nk_outlet_record', pg_temp.best_ms('SELECT * FROM nk_outlet_record'),
       (SELECT count(*) FROM nk_outlet_record);
\endif
EOF
