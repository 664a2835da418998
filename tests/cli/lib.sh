# Sourced by every command-line test: an isolated, pinned environment and
# small assertion helpers that print "ok - …" / "not ok - …".
set -u
: "${CARNET:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/carnet-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
export CARNET_SYSCONFDIR="$T/etc" TZ=Europe/Paris LANG=C.UTF-8 LC_ALL=C.UTF-8
export CARNET_NOW=2026-11-18T10:30 TERM=xterm-256color COLUMNS=80 LINES=24
unset CARNET_DB CARNET_CONFIG CARNET_DATADIR NO_COLOR
mkdir -p "$HOME"
DB="$XDG_DATA_HOME/carnet/carnet.db"
FIXTURES="$TESTS_DIR/fixtures"

# run ARGS…: runs carnet, keeping stdout in $T/out, stderr in $T/err, status in $RC.
run() {
	"$CARNET" "$@" >"$T/out" 2>"$T/err"
	RC=$?
}
OUT() { cat "$T/out"; }
ERR() { cat "$T/err"; }

ok() { echo "ok - $1"; }
nok() {
	echo "not ok - $1"
	[ $# -gt 1 ] && printf '#   %s\n' "$2"
	return 0
}
# check DESCRIPTION COMMAND…: ok when the command succeeds.
check() {
	d=$1; shift
	if "$@"; then ok "$d"; else nok "$d" "failed: $* (status $RC; stderr: $(head -c 300 "$T/err"))"; fi
}
rc_is() { [ "$RC" -eq "$1" ]; }
out_has() { grep -qF -- "$1" "$T/out"; }
err_has() { grep -qF -- "$1" "$T/err"; }
out_is() { [ "$(cat "$T/out")" = "$1" ]; }
out_empty() { [ ! -s "$T/out" ]; }
err_empty() { [ ! -s "$T/err" ]; }
# sql QUERY: prints the result of a query on $DB (or $SQLDB).
sql() { sqlite3 -batch "${SQLDB:-$DB}" "$1"; }
sql_is() { [ "$(sql "$1")" = "$2" ]; }
