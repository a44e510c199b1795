#!/usr/bin/env bash
# demo.sh - the main job: build and install nkwatch, start a throwaway local
# PostgreSQL, load news articles and print what the pipeline extracts.
#
#   bash test/demo.sh [FOLDER]          as root; on an ordinary account: sudo bash ...
#
# FOLDER holds .txt articles (default: the project's own sample articles in
# test/fixtures/articles).  Installs missing Debian packages first
# (test/setup.sh).  The server is thrown away at the end.  It works whatever
# the caller's locale: its cluster is UTF-8 (C.UTF-8), as nkwatch needs.
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
folder=${1:-$top/test/fixtures/articles}
[ -d "$folder" ] || { echo "demo.sh: $folder is not a folder" >&2; exit 2; }
folder=$(cd "$folder" && pwd)

bash test/setup.sh
export LANG=C.UTF-8 LC_ALL=C.UTF-8
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "== building and installing nkwatch" >&2
make -s all >/dev/null
$sudo make -s install >/dev/null

# One psql script: load every article (with progress), then report.
script=$(mktemp /tmp/nkwatch-demo.XXXXXX.sql)
trap 'rm -f "$script"' EXIT
mapfile -t files < <(find "$folder" -maxdepth 1 -type f -name '*.txt' | sort)
[ ${#files[@]} -gt 0 ] || { echo "demo.sh: no .txt files in $folder" >&2; exit 2; }
{
	echo '\set ON_ERROR_STOP 1'
	echo '\pset footer off'
	echo 'SET client_min_messages = warning;'
	echo 'CREATE EXTENSION IF NOT EXISTS nkwatch;'
	echo 'CREATE TEMP TABLE demo (file text, raw text);'
	n=${#files[@]}
	i=0
	for f in "${files[@]}"; do
		i=$((i + 1))
		q=${f//\'/\'\\\'\'}
		echo "\\set raw \`cat '$q'\`"
		printf "INSERT INTO demo VALUES (%s, :'raw');\n" "'$(basename "${f//\'/\'\'}")'"
		if [ $((i % 25)) -eq 0 ] || [ $i -eq $n ]; then
			echo "\\echo loaded $i of $n articles"
		fi
	done
	cat <<'SQL'
CREATE TEMP TABLE doc AS
  SELECT file, a.* FROM demo, nk_article(raw) a;
\echo
\echo ==== Articles
SELECT file, title, author, published FROM doc ORDER BY file;
\echo ==== Events (type, who, whom, where, when, how sure, according to whom)
SELECT d.file, e.event_type AS type, e.actor, e.target, e.location, e.date_from AS date,
       e.status, e.source, array_to_string(e.items, ', ') AS items, e.quantity
FROM doc d, nk_events(d.body, d.published) e
ORDER BY d.file, e.sentence;
\echo ==== Most mentioned entities
SELECT e.entity, e.label, count(*) AS mentions, count(DISTINCT d.file) AS articles
FROM doc d, nk_entities(d.body) e
WHERE e.label <> 'NORP'
GROUP BY 1, 2 ORDER BY mentions DESC, 1 LIMIT 20;
\echo ==== Dates placed on the calendar (first 30)
SELECT d.file, t.mention, t.date_from, t.date_to, t.precision
FROM doc d, nk_dates(d.body, d.published) t
WHERE t.date_from IS NOT NULL
ORDER BY d.file, t.pos LIMIT 30;
SQL
} > "$script"
chmod 644 "$script"

echo "== starting a throwaway PostgreSQL and loading ${#files[@]} articles from $folder" >&2
pg_virtualenv -i '--encoding=UTF8 --locale=C.UTF-8' -t psql -X -q -f "$script"
