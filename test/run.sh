#!/usr/bin/env bash
# run.sh - build nkwatch and run every test; ends with "N passed, N failed".
#
#   bash test/run.sh          as root; on an ordinary account: sudo bash test/run.sh
#
# Installs missing Debian packages (test/setup.sh), builds with warnings as
# errors, runs the engine's unit tests under AddressSanitizer and UBSan, runs
# each libFuzzer harness for FUZZ_SECONDS (default 30), installs the
# extension, and runs pg_regress and the TAP tests against throwaway servers
# (pg_virtualenv; TAP tests start their own), each suite on its own.  As root,
# the server-side tests run as the postgres user, since PostgreSQL refuses to
# run as root.  Every cluster is UTF-8 (C.UTF-8) whatever the caller's locale,
# and a last check runs the demo and a regress file with no locale at all.
set -uo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
export FUZZ_SECONDS=${FUZZ_SECONDS:-30}
passed=0
failed=0
log=$(mktemp -d /tmp/nkwatch-test.XXXXXX)
chmod 755 "$log"

count() {	# count N_PASSED N_FAILED WHAT
	passed=$((passed + $1))
	failed=$((failed + $2))
	echo "-- $3: $1 passed, $2 failed"
}

logged() {	# logged NAME COMMAND...: run, keep its output in the log
	local name=$1
	shift
	echo "== $name"
	"$@" >"$log/$name.log" 2>&1
}

step() {	# step NAME COMMAND...: the same, and show the output's end on failure
	logged "$@" && return 0
	tail -n 60 "$log/$1.log"
	return 1
}

regress_causes() {	# regress_causes DIFFS: the first ERROR (else the first change) of each failing file
	awk '
	function flush() {
		if (file != "" && !shown)
			print "   " file ": " (first != "" ? first : "(differs)")
	}
	/^diff / { flush(); file = $NF; sub(/.*\//, "", file); sub(/\.out$/, "", file); shown = 0; first = ""; next }
	/^(\+\+\+|---) / { next }
	/^\+ERROR:/ && !shown { print "   " file ": " substr($0, 2); shown = 1; next }
	/^[-+]/ && first == "" { first = $0 }
	END { flush() }' "$1"
}

regress_result() {	# regress_result LOG DIFFS WHAT RC: count pg_regress, show the causes
	local rl=$1 diffs=$2 what=$3 rc=$4 f t
	if grep -qE 'All [0-9]+ tests passed' "$rl"; then
		count "$(grep -oE 'All [0-9]+ tests passed' "$rl" | grep -oE '[0-9]+')" 0 "$what"
	elif grep -qE '[0-9]+ of [0-9]+ tests failed' "$rl"; then
		read -r f t < <(grep -oE '[0-9]+ of [0-9]+ tests failed' "$rl" | awk '{ print $1, $3 }')
		count $((t - f)) "$f" "$what"
		regress_causes "$diffs"
		echo "   diffs: $diffs"
	else
		count 0 1 "$what (did not run)"
		{ grep -m1 -E 'ERROR|FATAL|[Ee]rror' "$rl" || tail -n 10 "$rl"; } | sed 's/^/   /'
	fi
	if [ "$rc" -ne 0 ] && grep -qE 'All [0-9]+ tests passed' "$rl"; then
		count 0 1 "$what: exit status $rc"
		tail -n 10 "$rl" | sed 's/^/   /'
	fi
}

tap_causes() {	# tap_causes LOG LOGDIR: the first failing assertion (else the first error) of each failing file
	local t f
	for t in $(sed -nE 's/^(test\/t\/[^ ]+\.pl) +\(Wstat.*/\1/p' "$1"); do
		f=$2/regress_log_$(basename "$t" .pl)
		echo "   $t:"
		[ -f "$f" ] || { echo "     (no log $f)"; continue; }
		sed -E 's/^\[[^]]*\]\([^)]*\) //' "$f" | awk -v lf="$f" '
			n > 0 { print "     " $0; if (--n == 0) { shown = 1; exit } next }
			/^#   Failed test/ { print "     " $0; n = 3; next }
			err == "" && /error running|[Dd]ied|Bail out|BAIL_OUT| line [0-9]+\.$/ { err = $0 }
			weak == "" && /ERROR:/ { weak = $0 }
			END { if (!shown && n == 0) print "     " (err != "" ? err : weak != "" ? weak : "(see " lf ")") }'
	done
}

bash test/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
export LANG=C.UTF-8 LC_ALL=C.UTF-8

if ! step build make -s WERROR=1 all cli; then
	count 0 1 "build"
	echo "$passed passed, $failed failed"
	exit 1
fi
count 1 0 "build (warnings are errors)"

# engine unit tests under ASan and UBSan
step unit make -s WERROR=1 unit
urc=$?
read -r up uf < <(awk '/^[0-9]+ passed, [0-9]+ failed$/ { p += $1; f += $3 } END { print p + 0, f + 0 }' "$log/unit.log")
if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$log/unit.log"; then uf=$((uf + 1)); fi
if [ "$urc" -ne 0 ] && [ "$uf" -eq 0 ]; then uf=1; fi
count "$up" "$uf" "engine unit tests (ASan, UBSan)"

# fuzzing, bounded in time
if step fuzz make -s WERROR=1 fuzz FUZZ_SECONDS="$FUZZ_SECONDS"; then
	n=$(grep -c '^== fuzz_' "$log/fuzz.log")
	count "$n" 0 "libFuzzer harnesses, ${FUZZ_SECONDS}s each"
else
	count 0 1 "libFuzzer harnesses"
fi
grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "$log/fuzz.log" | sed 's/^/   /' || true

if ! step install make -s install; then
	count 0 1 "make install"
	echo "$passed passed, $failed failed"
	exit 1
fi

# pg_regress and TAP against throwaway servers, each suite on its own, so that
# one failing does not hide the other's count
checkdir=$top
runas=()
if [ "$(id -u)" -eq 0 ]; then
	checkdir=$log/tree
	cp -a "$top" "$checkdir"
	chown -R postgres "$log"
	runas=(runuser -u postgres --)
fi
logged regress "${runas[@]}" env -C "$checkdir" \
	pg_virtualenv -i '--encoding=UTF8 --locale=C.UTF-8' -t make -s installcheck TAP_TESTS=
regress_result "$log/regress.log" "$checkdir/build/regress/regression.diffs" "pg_regress" $?

if [ -n "$(ls test/t/*.pl 2>/dev/null)" ]; then
	logged tap "${runas[@]}" env -C "$checkdir" make -s installcheck REGRESS=
	rc=$?
	rl="$log/tap.log"
	if grep -qE '^Files=[0-9]+, Tests=[0-9]+' "$rl"; then
		tests=$(grep -oE '^Files=[0-9]+, Tests=[0-9]+' "$rl" | tail -1 | grep -oE '[0-9]+$')
		bad=$(grep -oE 'Failed [0-9]+/[0-9]+ subtests' "$rl" | awk -F'[ /]' '{ s += $2 } END { print s + 0 }')
		if grep -q '^Result: PASS' "$rl"; then bad=0; elif [ "$bad" -eq 0 ]; then bad=1; fi
		count $((tests - bad)) "$bad" "TAP"
		[ "$bad" -eq 0 ] || tap_causes "$rl" "$checkdir/tmp_check/log"
	else
		count 0 1 "TAP (did not run)"
		tail -n 10 "$rl" | sed 's/^/   /'
	fi
	if [ $rc -ne 0 ] && grep -q '^Result: PASS' "$rl"; then
		count 0 1 "TAP: exit status $rc"
	fi
fi

# With no locale at all, as on a fresh machine's root shell (where initdb makes
# SQL_ASCII clusters): the demo, and a regress file against a server of that
# default (pg_regress makes its database UTF8 all the same).
bare=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
if logged demo_nolocale env -i "$bare" HOME="$HOME" bash test/demo.sh &&
	grep -qE '^==== Dates placed on the calendar' "$log/demo_nolocale.log"; then
	count 1 0 "demo with no locale"
else
	count 0 1 "demo with no locale"
	{ grep -m1 -E 'ERROR|[Ee]rror' "$log/demo_nolocale.log" || tail -n 10 "$log/demo_nolocale.log"; } | sed 's/^/   /'
fi
logged regress_nolocale "${runas[@]}" env -i -C "$checkdir" "$bare" pg_virtualenv -t sh -c \
	'echo "server encoding: $(psql -XAtc "SHOW server_encoding")"; make -s installcheck REGRESS=sentences TAP_TESTS='
rc=$?
enc=$(sed -n 's/^server encoding: //p' "$log/regress_nolocale.log")
regress_result "$log/regress_nolocale.log" "$checkdir/build/regress/regression.diffs" \
	"pg_regress sentences with no locale (server default ${enc:-unknown})" $rc

echo "logs: $log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
