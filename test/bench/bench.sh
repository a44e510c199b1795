#!/bin/bash
# bench.sh -- hand-run benchmarks for nkwatch (never part of the test suite).
#
# Usage (from anywhere; the extension must be installed: make && make install):
#
#   test/bench/bench.sh [-n N] [--seed S]       throughput: N generated pages (default 2000),
#                                               to_tsvector vs the nk_* functions, MB/s
#   test/bench/bench.sh --memory                peak memory of one call on 1 KB, 1 MB, 20 MB
#                                               and 50 MB inputs (CLI max RSS, backend VmHWM)
#   test/bench/bench.sh --memory --sizes "1024 1048576"    other input sizes, in bytes
#   test/bench/bench.sh --leak [--calls 100000] 100,000 calls in one session, backend RSS
#                                               sampled at 10k, 50k and 100k calls, for each
#                                               function that reads text (--only "f ..." for some)
#   options:
#     --use-current   use the server that PGHOST/PGPORT/PGDATABASE/PGUSER name instead of
#                     starting a throwaway cluster with pg_virtualenv (this is also the
#                     default when PGHOST or PGDATABASE is already set); the script creates
#                     the extension if it is missing, works in a schema nkbench and drops it
#                     at the end.  --memory and --leak read /proc/self/status of the backend
#                     with pg_read_file(), so they need a superuser (or pg_read_server_files)
#                     and a server on this machine.
#     --virtualenv    always start a throwaway cluster, even when PGHOST/PGDATABASE are set
#     --keep          keep the nkbench schema (with the generated pages) afterwards
#
# Throughput queries are SELECT count(*)/sum(...) aggregates over the same rows, each run
# 3 times inside one plpgsql function that measures clock_timestamp(); the best run counts.
# Plans are serial (max_parallel_workers_per_gather = 0) and JIT is off, so every
# function is timed the same way.  nk_parse, nk_entities, nk_dates, nk_events, nk_claims
# and nk_compare are timed when pg_proc has them and skipped otherwise.  Nothing here
# asserts a time: read the numbers.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

mode=throughput
n=2000
seed=20240619
calls=100000
only="nk_article nk_sentences nk_parse nk_entities nk_dates nk_events nk_claims nk_compare nk_extract"
sizes="1024 1048576 20971520 52428800"
keep=0
where=auto

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
die() { echo "bench.sh: $*" >&2; exit 1; }

orig_args=("$@")
while [ $# -gt 0 ]; do
    case "$1" in
        -n) [ $# -ge 2 ] || die "-n needs a number"; n=$2; shift ;;
        --seed) [ $# -ge 2 ] || die "--seed needs a number"; seed=$2; shift ;;
        --memory) mode=memory ;;
        --leak) mode=leak ;;
        --calls) [ $# -ge 2 ] || die "--calls needs a number"; calls=$2; shift ;;
        --only) [ $# -ge 2 ] || die "--only needs function names"; only=$2; shift ;;
        --sizes) [ $# -ge 2 ] || die "--sizes needs a list of byte counts"; sizes=$2; shift ;;
        --use-current) where=current ;;
        --virtualenv) where=virtualenv ;;
        --keep) keep=1 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
    shift
done
[[ "$n" =~ ^[1-9][0-9]*$ ]] || die "-n must be a positive integer, not '$n'"
[[ "$seed" =~ ^[0-9]+$ ]] || die "--seed must be an integer, not '$seed'"
[[ "$calls" =~ ^[1-9][0-9]*$ ]] || die "--calls must be a positive integer, not '$calls'"
for s in $sizes; do [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "--sizes: '$s' is not a byte count"; done

# ---- where to run ----------------------------------------------------------
if [ "${NKBENCH_INSIDE_VIRTUALENV:-}" != 1 ]; then
    if [ "$where" = auto ]; then
        if [ -n "${PGHOST:-}" ] || [ -n "${PGDATABASE:-}" ]; then where=current; else where=virtualenv; fi
    fi
    if [ "$where" = virtualenv ]; then
        command -v pg_virtualenv >/dev/null || die "pg_virtualenv not found (Debian package postgresql-common); use --use-current"
        echo "== starting a throwaway cluster (pg_virtualenv -t)"
        # -t: a private temporary cluster even as root, so parallel runs do not collide
        NKBENCH_INSIDE_VIRTUALENV=1 exec pg_virtualenv -t -i '--encoding=UTF8 --locale=C.UTF-8' -o max_parallel_workers_per_gather=0 \
            -o jit=off bash "$here/bench.sh" "${orig_args[@]}"
    fi
    echo "== using the current server (PGHOST=${PGHOST:-<socket>} PGPORT=${PGPORT:-<default>} PGDATABASE=${PGDATABASE:-<default>})"
fi

command -v psql >/dev/null || die "psql not found"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nkbench.XXXXXX")
cleanup() {
    local rc=$?
    if [ "$keep" = 0 ]; then psql -X -q -c 'DROP SCHEMA IF EXISTS nkbench CASCADE' >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
    exit $rc
}
trap cleanup EXIT

PSQL=(psql -X -q -v ON_ERROR_STOP=1)
q() { "${PSQL[@]}" -At -c "$1"; }     # one value, unaligned

q 'SELECT 1' >/dev/null || die "cannot connect to the server"
q "SELECT 1 FROM pg_available_extensions WHERE name = 'nkwatch'" | grep -q 1 \
    || die "the nkwatch extension is not installed on this server (make && make install)"
"${PSQL[@]}" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS nkwatch;
DROP SCHEMA IF EXISTS nkbench CASCADE;
CREATE SCHEMA nkbench;

-- Run q reps times; the shortest wall-clock time, and q's (single) result.
CREATE FUNCTION nkbench.best_of(q text, reps int DEFAULT 3, OUT secs float8, OUT result text)
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; d float8;
BEGIN
    FOR i IN 1 .. reps LOOP
        t0 := clock_timestamp();
        EXECUTE q INTO result;
        d := extract(epoch FROM clock_timestamp() - t0);
        IF secs IS NULL OR d < secs THEN secs := d; END IF;
    END LOOP;
END $$;

-- A call of function fname on the given text and timestamptz expressions, in the
-- order its arguments take them (the overload that uses the most of them), or NULL
-- when no function of that name exists or none takes only text and time arguments.
CREATE FUNCTION nkbench.call_expr(fname text, texts text[], times text[]) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE p record; t oid; args text[]; ti int; si int; ok bool;
BEGIN
    FOR p IN SELECT proargtypes::oid[] AS types, pronargs FROM pg_proc
             WHERE proname = fname AND pronargs > 0 AND prokind = 'f'
             ORDER BY pronargs DESC
    LOOP
        args := '{}'; ti := 0; si := 0; ok := true;
        FOREACH t IN ARRAY p.types LOOP
            IF t IN ('text'::regtype, 'varchar'::regtype) AND ti < cardinality(texts) THEN
                ti := ti + 1; args := args || texts[ti];
            ELSIF t IN ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype) AND si < cardinality(times) THEN
                si := si + 1;
                args := args || CASE WHEN t = 'timestamptz'::regtype THEN times[si]
                                     ELSE format('(%s)::%s', times[si], t::regtype) END;
            ELSE
                ok := false; EXIT;
            END IF;
        END LOOP;
        IF ok AND ti >= 1 THEN
            RETURN format('%I(%s)', fname, array_to_string(args, ', '));
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

-- A number from the backend's own /proc/self/status (kB).
CREATE FUNCTION nkbench.vm(key text) RETURNS bigint LANGUAGE sql AS $$
    SELECT substring(pg_read_file('/proc/self/status') FROM key || ':\s*(\d+)')::bigint
$$;
SQL

need_proc_access() {
    local ok
    ok=$(q "SELECT rolsuper OR pg_has_role(current_user, 'pg_read_server_files', 'member') FROM pg_roles WHERE rolname = current_user")
    [ "$ok" = t ] || die "$mode mode reads /proc/self/status through pg_read_file(): connect as a superuser or a member of pg_read_server_files"
    q "SELECT nkbench.vm('VmHWM') IS NOT NULL" | grep -q t \
        || die "cannot read /proc/self/status on the server (not Linux?)"
}

# copy_doc NAME FILE: a COPY-text row "NAME <TAB> contents of FILE"
copy_doc() {
    perl -e 'local $/; binmode STDIN; binmode STDOUT; my $s = <STDIN>;
             $s =~ s/\\/\\\\/g; $s =~ s/\n/\\n/g; $s =~ s/\t/\\t/g; $s =~ s/\r/\\r/g;
             print "$ARGV[0]\t$s\n"' "$1" < "$2"
}

cpu=$(sed -n 's/^model name\s*:\s*//p' /proc/cpuinfo 2>/dev/null | head -1)
echo "== $(q 'SELECT version()' | cut -d, -f1); $(nproc) cores${cpu:+, $cpu}"

# ---- throughput ------------------------------------------------------------
throughput() {
    echo "== generating $n pages from test/fixtures/articles (seed $seed)"
    perl "$here/generate.pl" -n "$n" --seed "$seed" --fixtures "$root/test/fixtures/articles" > "$tmp/pages.copy"
    "${PSQL[@]}" <<SQL
CREATE TABLE nkbench.articles (id int PRIMARY KEY, template text, raw text NOT NULL,
                               body text, published timestamptz, pub timestamptz);
\\copy nkbench.articles (id, template, raw) FROM '$tmp/pages.copy'
UPDATE nkbench.articles t SET body = a.body, published = a.published,
       pub = coalesce(a.published, '2024-06-19 12:00+09')
  FROM nkbench.articles s, LATERAL nk_article(s.raw) a WHERE s.id = t.id;
VACUUM ANALYZE nkbench.articles;
SQL
    "${PSQL[@]}" <<'SQL'
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TABLE nkbench.results (ord int, fn text, bytes bigint, secs float8, result text, note text);

DO $$
DECLARE
    raw_bytes  bigint := (SELECT sum(octet_length(raw)) FROM nkbench.articles);
    body_bytes bigint := (SELECT sum(octet_length(body)) FROM nkbench.articles);
    r record; e text; k int := 0;
    q text;
BEGIN
    FOR r IN SELECT * FROM (VALUES
        ('read rows: length(raw)', 'SELECT sum(length(raw)) FROM nkbench.articles', 'raw'),
        ('to_tsvector(''english'', raw)', 'SELECT sum(length(to_tsvector(''english'', raw))) FROM nkbench.articles', 'raw'),
        ('nk_article(raw)', 'SELECT sum(octet_length(a.body)) FROM nkbench.articles t, LATERAL nk_article(t.raw) a', 'raw'),
        ('nk_sentences(raw)', 'SELECT count(*) FROM nkbench.articles t, LATERAL nk_sentences(t.raw) s', 'raw')
    ) v(fn, q, input) LOOP
        k := k + 1;
        INSERT INTO nkbench.results SELECT k, r.fn, CASE r.input WHEN 'raw' THEN raw_bytes ELSE body_bytes END, b.secs, b.result, NULL
          FROM nkbench.best_of(r.q) b;
    END LOOP;
    -- the later stages, on the story body, when they exist
    FOREACH e IN ARRAY ARRAY['nk_parse', 'nk_entities', 'nk_dates', 'nk_events', 'nk_claims'] LOOP
        k := k + 1;
        q := nkbench.call_expr(e, ARRAY['t.body'], ARRAY['t.pub']);
        IF q IS NULL THEN
            INSERT INTO nkbench.results VALUES (k, e || '(body...)', NULL, NULL, NULL, 'skipped: not in pg_proc');
            CONTINUE;
        END IF;
        INSERT INTO nkbench.results SELECT k, replace(q, 't.', ''), body_bytes, b.secs, b.result, NULL
          FROM nkbench.best_of(format('SELECT count(*) FROM nkbench.articles t, LATERAL %s x', q)) b;
    END LOOP;
END $$;

\echo
\echo == throughput: best of 3 runs, one backend, max_parallel_workers_per_gather = 0, jit = off
\echo == MB = 10^6 bytes of input (raw page, or story body for the later stages);
\echo == "x tsvector" = MB/s of the function divided by MB/s of to_tsvector (higher = faster)
SELECT fn AS "function",
       to_char(bytes / 1e6, 'FM990.00') AS "MB in",
       to_char(secs, 'FM9990.000') AS "seconds",
       to_char(bytes / 1e6 / nullif(secs, 0), 'FM99990.0') AS "MB/s",
       to_char((SELECT secs FROM nkbench.results WHERE ord = 2) / nullif(secs, 0)
               * bytes / (SELECT bytes FROM nkbench.results WHERE ord = 2), 'FM99990.0') AS "x tsvector",
       coalesce(note, 'result ' || result) AS "note"
  FROM nkbench.results ORDER BY ord;
SQL
    compare_micro
}

# nk_compare: mean time per call over 10,000 pairs of sentences written for this harness
compare_micro() {
    local expr
    expr=$(q "SELECT nkbench.call_expr('nk_compare', ARRAY['p.a', 'p.b'], ARRAY['p.ap', 'p.bp'])")
    echo
    if [ -z "$expr" ]; then
        echo "== nk_compare micro-benchmark: skipped (nk_compare is not in pg_proc)"
        return
    fi
    echo "== nk_compare micro-benchmark: $expr over 10,000 pairs, best of 3"
    "${PSQL[@]}" <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TABLE nkbench.pairs (k int, a text, b text, ap timestamptz, bp timestamptz);
INSERT INTO nkbench.pairs VALUES
 (0, 'About 10,000 North Korean soldiers have reached the Kursk region, the South Korean spy agency told lawmakers on Wednesday.',
     'Seoul now says some 12,000 North Korean troops are in western Russia, up from its earlier estimate.',
     '2024-10-23 10:00+09', '2024-11-13 09:30+09'),
 (1, 'The two leaders signed a treaty that commits each side to help the other if it is attacked.',
     'Moscow and Pyongyang agreed on mutual military assistance in case of aggression against either country.',
     '2024-06-19 18:00+09', '2024-06-20 08:15+03'),
 (2, 'Kim Jong Un arrived in Russia by armoured train on Tuesday morning.',
     'The North Korean leader crossed the border at Khasan early on Tuesday, regional officials said.',
     '2023-09-12 11:52+01', '2023-09-12 07:30+00'),
 (3, 'The Kremlin denied that any arms deal had been discussed at the summit.',
     'A Russian official said weapons supplies were among the topics the two sides talked about.',
     '2023-09-13 16:00+03', '2023-09-14 09:00+03'),
 (4, 'Foreign Minister Sergei Lavrov landed in Pyongyang on Wednesday for two days of talks.',
     'Lavrov will stay in the North Korean capital until Thursday, the ministry said.',
     '2023-10-18 19:45+09', '2023-10-18 21:02+09'),
 (5, 'North Korea has shipped about 6,700 containers of munitions to Russia since August, the defence minister said.',
     'Officials estimate that more than 3 million artillery shells have been sent by rail and sea.',
     '2024-03-04 11:00+09', '2024-03-05 15:20+09'),
 (6, 'Putin promised to help North Korea build satellites during his talks with Kim at the cosmodrome.',
     'Russia will assist Pyongyang with its space programme, the Russian president told reporters.',
     '2023-09-13 15:10+03', '2023-09-13 17:40+03'),
 (7, 'The White House said it had seen no sign that the troops have entered combat yet.',
     'Ukrainian officials said North Korean units came under fire near the border last weekend.',
     '2024-10-28 14:00-04', '2024-11-05 10:00+02');
ANALYZE nkbench.pairs;
SELECT format('10000 calls in %s s: %s us per call; the same loop without the call %s us; net %s us per call',
              to_char(c.secs, 'FM990.000'), to_char(c.secs * 1e6 / 10000, 'FM9990.00'),
              to_char(l.secs * 1e6 / 10000, 'FM990.00'), to_char((c.secs - l.secs) * 1e6 / 10000, 'FM9990.00'))
       AS "nk_compare, best of 3"
  FROM nkbench.best_of('SELECT count(*) FROM generate_series(0, 9999) g JOIN nkbench.pairs p ON p.k = g % 8, LATERAL $expr x') c,
       nkbench.best_of('SELECT count(*) FROM generate_series(0, 9999) g JOIN nkbench.pairs p ON p.k = g % 8, LATERAL (SELECT p.a, p.b) x') l;
SQL
}

# ---- memory ----------------------------------------------------------------
memory() {
    need_proc_access
    [ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
    local cli="$root/build/nkwatch-cli"
    if [ ! -x "$cli" ] || [ -n "$(find "$root/src" -newer "$cli" -name '*.[ch]' | head -1)" ]; then
        echo "== building $cli (make cli)"
        make -s -C "$root" cli >/dev/null
    fi
    echo "== generating inputs of $sizes bytes"
    "${PSQL[@]}" -c 'CREATE TABLE nkbench.memdocs (name text PRIMARY KEY, doc text NOT NULL)' \
                 -c 'ALTER TABLE nkbench.memdocs ALTER doc SET STORAGE EXTERNAL'
    : > "$tmp/empty"
    for s in $sizes; do
        perl "$here/generate.pl" --bytes "$s" --seed "$seed" --fixtures "$root/test/fixtures/articles" > "$tmp/doc.$s"
        copy_doc "$s" "$tmp/doc.$s" > "$tmp/doc.$s.copy"
        "${PSQL[@]}" -c "\\copy nkbench.memdocs FROM '$tmp/doc.$s.copy'"
        rm -f "$tmp/doc.$s.copy"
    done

    local fns=(nk_article nk_sentences) f e
    for f in nk_parse nk_entities nk_dates nk_events nk_claims; do
        if [ -n "$(q "SELECT nkbench.call_expr('$f', ARRAY['d'], ARRAY['now()'])")" ]; then fns+=("$f"); fi
    done

    echo
    echo "== command-line driver: max RSS (/usr/bin/time -f %M) minus its max RSS on an empty input"
    printf '%-12s %12s %12s %12s %10s\n' command "input bytes" "maxRSS kB" "extra kB" "x input"
    local cmd base m
    for cmd in article sentences parse entities dates events claims; do
        if ! "$cli" "$cmd" "$tmp/empty" >/dev/null 2>&1; then
            printf '%-12s skipped: nkwatch-cli has no "%s" command\n' "$cmd" "$cmd"; continue
        fi
        base=$(/usr/bin/time -f %M "$cli" "$cmd" "$tmp/empty" 2>&1 >/dev/null | tail -1)
        printf '%-12s %12s %12s %12s %10s\n' "$cmd" 0 "$base" - -
        for s in $sizes; do
            m=$(/usr/bin/time -f %M "$cli" "$cmd" "$tmp/doc.$s" 2>&1 >/dev/null | tail -1)
            awk -v c="$cmd" -v s="$s" -v m="$m" -v b="$base" \
                'BEGIN { printf "%-12s %12d %12d %12d %10.2f\n", c, s, m, m - b, (m - b) * 1024 / s }'
        done
    done
    echo "   (the driver reads the whole file into one buffer that doubles as it grows, so up to"
    echo "    2x input of the figure is that buffer; RSS moves in 4 kB pages, so 1 kB is noise)"

    echo
    echo "== server: backend VmHWM (peak RSS, kB) on a fresh connection per call"
    echo "   hwm0 = after connecting, hwm1 = after detoasting the input (md5(doc)), hwm2 = after the call"
    echo "   extra = hwm2 - hwm1: the call's own peak beyond the detoasted input; total = hwm2 - hwm0"
    printf '%-14s %10s %7s %9s %9s %9s %10s %9s %9s\n' function "input B" pid hwm0 hwm1 hwm2 "extra kB" "extra/in" "total/in"
    local call line
    for f in "${fns[@]}"; do
        case "$f" in
            nk_article) call="SELECT octet_length(a.body) FROM nkbench.memdocs t, LATERAL nk_article(t.doc) a WHERE t.name = :'name'" ;;
            nk_sentences) call="SELECT count(*) FROM nkbench.memdocs t, LATERAL nk_sentences(t.doc) x WHERE t.name = :'name'" ;;
            *) e=$(q "SELECT nkbench.call_expr('$f', ARRAY['t.doc'], ARRAY['''2024-06-19 12:00+09''::timestamptz'])")
               call="SELECT count(*) FROM nkbench.memdocs t, LATERAL $e x WHERE t.name = :'name'" ;;
        esac
        for s in $sizes; do
            line=$("${PSQL[@]}" -At -v name="$s" <<SQL
SET max_parallel_workers_per_gather = 0;
SELECT pg_backend_pid() AS pid, nkbench.vm('VmHWM') AS hwm0 \\gset
SELECT md5(doc) FROM nkbench.memdocs WHERE name = :'name' \\g /dev/null
SELECT nkbench.vm('VmHWM') AS hwm1 \\gset
$call \\g /dev/null
SELECT nkbench.vm('VmHWM') AS hwm2 \\gset
SELECT :pid, :hwm0, :hwm1, :hwm2;
SQL
)
            IFS='|' read -r pid h0 h1 h2 <<<"$line"
            awk -v f="$f" -v s="$s" -v p="$pid" -v h0="$h0" -v h1="$h1" -v h2="$h2" \
                'BEGIN { printf "%-14s %10d %7d %9d %9d %9d %10d %9.2f %9.2f\n", f, s, p, h0, h1, h2, h2 - h1, (h2 - h1) * 1024 / s, (h2 - h0) * 1024 / s }'
        done
    done
}

# ---- leak check ------------------------------------------------------------
leak() {
    need_proc_access
    local doc="$root/test/fixtures/articles/01-kim-train-arrives.txt"
    "${PSQL[@]}" -c 'CREATE TABLE nkbench.leakdoc (name text, doc text)'
    copy_doc small "$doc" > "$tmp/leak.copy"
    "${PSQL[@]}" -c "\\copy nkbench.leakdoc FROM '$tmp/leak.copy'"
    "${PSQL[@]}" <<'SQL'
-- n calls of one function on the small article (nk_compare: the article and
-- itself, a day apart), each a statement of its own in a loop
CREATE FUNCTION nkbench.churn(fn text, n int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE d text := (SELECT doc FROM nkbench.leakdoc); t timestamptz := '2024-06-19 12:00+09';
        k bigint := 0; b text; c bigint;
BEGIN
    FOR i IN 1 .. n LOOP
        CASE fn
        WHEN 'nk_article' THEN SELECT octet_length(a.body) INTO c FROM nk_article(d) a;
        WHEN 'nk_sentences' THEN SELECT count(*) INTO c FROM nk_sentences(d);
        WHEN 'nk_parse' THEN SELECT count(*) INTO c FROM nk_parse(d);
        WHEN 'nk_entities' THEN SELECT count(*) INTO c FROM nk_entities(d);
        WHEN 'nk_dates' THEN SELECT count(*) INTO c FROM nk_dates(d, t);
        WHEN 'nk_events' THEN SELECT count(*) INTO c FROM nk_events(d, t);
        WHEN 'nk_claims' THEN SELECT count(*) INTO c FROM nk_claims(d, t);
        WHEN 'nk_compare' THEN SELECT x.relation INTO b FROM nk_compare(d, d, t, t + interval '1 day') x;
                               c := octet_length(b);
        WHEN 'nk_extract' THEN
            SELECT cardinality(x.entities) + cardinality(x.events) + cardinality(x.claims) INTO c
              FROM nk_extract(d, t) x;
        END CASE;
        k := k + coalesce(c, 0);
    END LOOP;
    RETURN k;
END $$;
SQL
    local size marks=() m f
    size=$(stat -c %s "$doc")
    for m in 10000 50000 100000; do [ "$m" -lt "$calls" ] && marks+=("$m"); done
    marks+=("$calls")
    echo
    echo "== leak check: $calls calls in one session on $(basename "$doc") ($size bytes)"
    echo "   calls run 1,000 to a statement (one transaction each); VmRSS and RssAnon (kB) of the"
    echo "   backend read from its /proc/self/status; RssAnon leaves out touched shared buffers"
    for f in $only; do
        local script="$tmp/leak.$f.sql" done_=0 next
        {
            echo "SELECT nkbench.churn('$f', 100) \\g /dev/null"
            echo "SELECT format('%-13s %7s calls  pid %s  VmRSS %6s  RssAnon %6s', '$f', 0, pg_backend_pid(), nkbench.vm('VmRSS'), nkbench.vm('RssAnon'));"
            for m in "${marks[@]}"; do
                while [ "$done_" -lt "$m" ]; do
                    next=$(( m - done_ < 1000 ? m - done_ : 1000 ))
                    echo "SELECT nkbench.churn('$f', $next) \\g /dev/null"
                    done_=$(( done_ + next ))
                done
                echo "SELECT format('%-13s %7s calls  pid %s  VmRSS %6s  RssAnon %6s', '$f', $m, pg_backend_pid(), nkbench.vm('VmRSS'), nkbench.vm('RssAnon'));"
            done
        } > "$script"
        local t0=$SECONDS
        "${PSQL[@]}" -At -f "$script"
        echo "   ($f: $(( SECONDS - t0 )) s)"
    done
}

case "$mode" in
    throughput) throughput ;;
    memory) memory ;;
    leak) leak ;;
esac
