#!/usr/bin/env bash
# setup.sh - install what nkwatch needs to build and test, on Debian 12.
#
# Idempotent: installs only the packages that are missing.  Needs root (or
# sudo).  Sourced or run by test/run.sh and test/demo.sh.
set -euo pipefail

packages=(
	postgresql-15 postgresql-server-dev-15 postgresql-contrib
	libutf8proc-dev build-essential clang libclang-rt-14-dev
	libipc-run-perl perl python3 time
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null || { echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
		sudo=sudo
	fi
	echo "setup.sh: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# nkwatch needs UTF-8 databases, and initdb takes its encoding from the
# locale: the scripts create their clusters with the C.UTF-8 locale (built into
# Debian 12's libc) and export it for their own processes, whatever the caller's
# locale (a root shell on a fresh machine has none: POSIX, hence SQL_ASCII).
if ! locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then
	echo "setup.sh: the C.UTF-8 locale is missing (Debian 12's libc6 ships it in /usr/lib/locale/C.utf8)" >&2
	exit 1
fi
# Debian's postgresql-15 has a default cluster it may start: the tests use their own.
