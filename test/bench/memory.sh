#!/bin/bash
# memory.sh -- peak memory of one call of every nkwatch SQL function that takes
# text, on inputs of 1 KB, 1 MB and 50 MB (hand-run; never part of the test
# suite, never asserts).
#
# Usage (the extension must be installed: make && make install):
#
#   test/bench/memory.sh                       all functions, 1 KB, 1 MB and 50 MB
#   test/bench/memory.sh --sizes "1024 1048576"          other input sizes, in bytes
#   test/bench/memory.sh --only "nk_events nk_claims"    some of the functions
#   options:
#     --use-current   the server that PGHOST/PGPORT/PGDATABASE/PGUSER name (also the
#                     default when PGHOST or PGDATABASE is set); it needs a superuser
#                     (pg_read_file of /proc/self/status) on this machine.  The script
#                     works in a schema nkmem and drops it at the end.
#     --virtualenv    a throwaway cluster (pg_virtualenv -t), the default otherwise
#
# Method (see test/bench/README.md): one fresh connection per function and size.
# The backend's VmHWM (peak RSS) is read from its /proc/self/status after
# detoasting the input once (md5), and again after the call; "extra" is the
# difference: what the call needed beyond one copy of its input.  The table
# prints it in MB and as a multiple of the input size.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

sizes="1024 1048576 52428800"
only=""
where=auto
seed=20240619

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
die() { echo "memory.sh: $*" >&2; exit 1; }

orig_args=("$@")
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) [ $# -ge 2 ] || die "--sizes needs a list of byte counts"; sizes=$2; shift ;;
        --only) [ $# -ge 2 ] || die "--only needs function names"; only=$2; shift ;;
        --use-current) where=current ;;
        --virtualenv) where=virtualenv ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done
for s in $sizes; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "--sizes: '$s' is not a byte count"; done

if [ "${NKMEM_INSIDE_VIRTUALENV:-}" != 1 ]; then
    if [ "$where" = auto ]; then
        if [ -n "${PGHOST:-}" ] || [ -n "${PGDATABASE:-}" ]; then where=current; else where=virtualenv; fi
    fi
    if [ "$where" = virtualenv ]; then
        command -v pg_virtualenv >/dev/null || die "pg_virtualenv not found (postgresql-common); use --use-current"
        NKMEM_INSIDE_VIRTUALENV=1 exec pg_virtualenv -t -i '--encoding=UTF8 --locale=C.UTF-8' -o max_parallel_workers_per_gather=0 \
            -o jit=off bash "$here/memory.sh" "${orig_args[@]}"
    fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nkmem.XXXXXX")
cleanup() {
    local rc=$?
    psql -X -q -c 'DROP SCHEMA IF EXISTS nkmem CASCADE' >/dev/null 2>&1 || true
    rm -rf "$tmp"
    exit $rc
}
trap cleanup EXIT

PSQL=(psql -X -q -v ON_ERROR_STOP=1)
q() { "${PSQL[@]}" -At -c "$1"; }

q 'SELECT 1' >/dev/null || die "cannot connect to the server"
[ "$(q 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user')" = t ] \
    || die "connect as a superuser: the script reads the backend's /proc/self/status"
"${PSQL[@]}" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS nkwatch;
DROP SCHEMA IF EXISTS nkmem CASCADE;
CREATE SCHEMA nkmem;
CREATE FUNCTION nkmem.vm(key text) RETURNS bigint LANGUAGE sql AS $$
    SELECT substring(pg_read_file('/proc/self/status') FROM key || ':\s*(\d+)')::bigint
$$;
-- the documents, stored uncompressed so that reading one costs one copy
CREATE TABLE nkmem.docs (name text PRIMARY KEY, doc text NOT NULL);
ALTER TABLE nkmem.docs ALTER doc SET STORAGE EXTERNAL;
SQL

# copy_doc NAME FILE: a COPY-text row "NAME <TAB> contents of FILE"
copy_doc() {
    perl -e 'local $/; binmode STDIN; binmode STDOUT; my $s = <STDIN>;
             $s =~ s/\\/\\\\/g; $s =~ s/\n/\\n/g; $s =~ s/\t/\\t/g; $s =~ s/\r/\\r/g;
             print "$ARGV[0]\t$s\n"' "$1" < "$2"
}

echo "== $(q 'SELECT version()' | cut -d, -f1); nkwatch $(q "SELECT extversion FROM pg_extension WHERE extname = 'nkwatch'"); $(nproc) cores"
echo "== generating documents of $sizes bytes (test/bench/generate.pl --bytes, seed $seed)"
for s in $sizes; do
    # the document, and for nk_compare two halves from other seeds
    perl "$here/generate.pl" --bytes "$s" --seed "$seed" --fixtures "$root/test/fixtures/articles" > "$tmp/doc"
    copy_doc "$s" "$tmp/doc" > "$tmp/doc.copy"
    "${PSQL[@]}" -c "\\copy nkmem.docs FROM '$tmp/doc.copy'"
    for h in 1 2; do
        perl "$here/generate.pl" --bytes $(( s / 2 )) --seed $(( seed + ($h) )) \
            --fixtures "$root/test/fixtures/articles" > "$tmp/doc"
        copy_doc "$s.$(tr 12 ab <<<"$h")" "$tmp/doc" > "$tmp/doc.copy"
        "${PSQL[@]}" -c "\\copy nkmem.docs FROM '$tmp/doc.copy'"
    done
done
rm -f "$tmp/doc" "$tmp/doc.copy"

# Every function of the extension that takes text, with the call measured:
# t.doc is the document; for nk_compare a.doc and b.doc are two documents of
# half its size.  The writers (nk_ingest, nk_store_pages) run in a transaction
# that is rolled back.
D="FROM nkmem.docs t"
W="WHERE t.name = '@S@'"
declare -A call
call[nk_article]="SELECT octet_length(x.body) $D, nk_article(t.doc) x $W"
call[nk_article/fetched]="SELECT octet_length(x.body) $D, nk_article(t.doc, '2024-06-19 12:00+09') x $W"
call[nk_sentences]="SELECT count(*) $D, nk_sentences(t.doc) x $W"
call[nk_entities]="SELECT count(*) $D, nk_entities(t.doc) x $W"
call[nk_entity_keys]="SELECT cardinality(nk_entity_keys(t.doc)) $D $W"
call[nk_gazetteer_parents]="SELECT count(*) $D, nk_gazetteer_parents(t.doc) x $W"
call[nk_dates]="SELECT count(*) $D, nk_dates(t.doc, '2024-06-19 12:00+09') x $W"
call[nk_events]="SELECT count(*) $D, nk_events(t.doc, '2024-06-19 12:00+09') x $W"
call[nk_claims]="SELECT count(*) $D, nk_claims(t.doc, '2024-06-19 12:00+09') x $W"
call[nk_compare]="SELECT x.relation FROM nkmem.docs a, nkmem.docs b,
    nk_compare(a.doc, b.doc, '2024-06-19 12:00+09', '2024-06-20 12:00+09') x
    WHERE a.name = '@S@.a' AND b.name = '@S@.b'"
call[nk_extract]="SELECT cardinality(x.entities) + cardinality(x.events) + cardinality(x.claims) $D, nk_extract(t.doc, '2024-06-19 12:00+09') x $W"
call[nk_url_outlet]="SELECT length(nk_url_outlet('https://' || t.doc)) $D $W"
call[nk_ingest]="BEGIN; SELECT nk_ingest(t.doc, 'https://example.org/nkmem') $D $W; ROLLBACK"
call[nk_store_pages]="BEGIN; SELECT count(*) $D, nk_store_pages(ARRAY[t.doc], ARRAY['https://example.org/nkmem'], ARRAY[NULL::timestamptz], ARRAY[NULL]) x $W; ROLLBACK"
order=(nk_article nk_article/fetched nk_sentences nk_entities nk_entity_keys nk_gazetteer_parents
       nk_dates nk_events nk_claims nk_compare nk_extract nk_url_outlet nk_ingest nk_store_pages)

# Every function of the extension with a text argument must be in the list.
missing=$(q "SELECT string_agg(DISTINCT p.proname, ' ') FROM pg_proc p JOIN pg_depend d
               ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'nkwatch'
            WHERE ('text'::regtype = ANY (p.proargtypes) OR 'text[]'::regtype = ANY (p.proargtypes))
              AND p.proname <> ALL (ARRAY['$(IFS=,; echo "${order[*]}" | sed "s|/[a-z]*||g; s/,/','/g")'])")
[ -z "$missing" ] || echo "== NOT MEASURED (not in this script's list): $missing"

echo
echo "== one fresh connection per call; VmHWM (peak RSS) of the backend after detoasting the"
echo "   input once (md5) and after the call; extra = the difference (MB = 2^20 bytes)"
printf '%-22s %10s %10s %10s %9s %8s\n' function input "extra MB" "x input" seconds rows
for f in "${order[@]}"; do
    if [ -n "$only" ] && ! [[ " $only " == *" ${f%%/*} "* ]]; then continue; fi
    for s in $sizes; do
        c=${call[$f]}
        out=$("${PSQL[@]}" -At <<SQL
SET max_parallel_workers_per_gather = 0;
SELECT md5(doc) FROM nkmem.docs WHERE name = '$s' \\g /dev/null
SELECT nkmem.vm('VmHWM') AS hwm1, clock_timestamp() AS t0 \\gset
\\o $tmp/result
${c//@S@/$s};
\\o
SELECT nkmem.vm('VmHWM') - :hwm1, extract(epoch FROM clock_timestamp() - :'t0');
SQL
) || { printf '%-22s %10s  failed\n' "$f" "$s"; continue; }
        rows=$(grep -v '^$' "$tmp/result" | tail -1)
        read -r kb secs <<<"$(tail -1 <<<"$out" | tr '|' ' ')"
        awk -v f="$f" -v s="$s" -v kb="$kb" -v t="$secs" -v r="$rows" 'BEGIN {
            u = s >= 1048576 ? sprintf("%g MB", s / 1048576) : sprintf("%g KB", s / 1024);
            printf "%-22s %10s %10.1f %10.1f %9.2f %8s\n", f, u, kb / 1024, kb * 1024 / s, t, r }'
    done
done
echo "   (at 1 KB the figure is the fixed cost of a first call in a backend -- catalog caches,"
echo "    the gazetteer, the plan -- and says nothing about scaling)"
