#!/usr/bin/env bash
# run.sh - build nkwatch and run every test; ends with "N passed, N failed".
#
#   sudo bash test/run.sh
#
# Installs missing Debian packages (test/setup.sh), builds with warnings as
# errors, runs the engine's unit tests under AddressSanitizer and UBSan, runs
# each libFuzzer harness for FUZZ_SECONDS (default 30), installs the
# extension, and runs pg_regress and the TAP tests against throwaway servers
# (pg_virtualenv; TAP tests start their own).  As root, the server-side tests
# run as the postgres user, since PostgreSQL refuses to run as root.
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

step() {	# step NAME COMMAND...: run, keep its output in the log, show it on failure
	local name=$1
	shift
	echo "== $name"
	if "$@" >"$log/$name.log" 2>&1; then
		return 0
	fi
	tail -n 60 "$log/$name.log"
	return 1
}

bash test/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

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

# pg_regress and TAP against throwaway servers
checkdir=$top
runas=()
if [ "$(id -u)" -eq 0 ]; then
	checkdir=$log/tree
	cp -a "$top" "$checkdir"
	chown -R postgres "$log"
	runas=(runuser -u postgres --)
fi
step installcheck "${runas[@]}" env -C "$checkdir" pg_virtualenv -t make -s installcheck
rc=$?
rl="$log/installcheck.log"
if grep -qE 'All [0-9]+ tests passed' "$rl"; then
	count "$(grep -oE 'All [0-9]+ tests passed' "$rl" | grep -oE '[0-9]+')" 0 "pg_regress"
elif grep -qE '[0-9]+ of [0-9]+ tests failed' "$rl"; then
	read -r f t < <(grep -oE '[0-9]+ of [0-9]+ tests failed' "$rl" | awk '{ print $1, $3 }')
	count $((t - f)) "$f" "pg_regress"
	cat "$checkdir/build/regress/regression.diffs" 2>/dev/null | head -80
else
	count 0 1 "pg_regress (did not run)"
fi
if grep -qE '^Files=[0-9]+, Tests=[0-9]+' "$rl"; then
	tests=$(grep -oE '^Files=[0-9]+, Tests=[0-9]+' "$rl" | tail -1 | grep -oE '[0-9]+$')
	bad=$(grep -oE 'Failed [0-9]+/[0-9]+ subtests' "$rl" | awk -F'[ /]' '{ s += $2 } END { print s + 0 }')
	if grep -q '^Result: PASS' "$rl"; then bad=0; elif [ "$bad" -eq 0 ]; then bad=1; fi
	count $((tests - bad)) "$bad" "TAP"
elif [ -n "$(ls test/t/*.pl 2>/dev/null)" ]; then
	count 0 1 "TAP (did not run)"
fi
[ $rc -eq 0 ] || { [ $failed -gt 0 ] || count 0 1 "installcheck exit status"; }

echo "logs: $log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
