#!/bin/sh
# tap_prove.sh PROVE [ARGS...]
#	  Run prove for PGXS's prove_installcheck.  initdb refuses to run as root,
#	  so as root (CI, a fresh machine) the TAP tests run as the postgres user,
#	  in a tmp_check it owns; the environment (PATH with the bindir, TESTDIR,
#	  PG_REGRESS, PGPORT) is kept.
if [ "$(id -u)" -ne 0 ]; then
	exec "$@"
fi
user=${NKWATCH_TAP_USER:-postgres}
chown -R "$user" "$TESTDIR/tmp_check" || exit 1
exec runuser -u "$user" -- "$@"
