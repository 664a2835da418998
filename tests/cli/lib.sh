# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by every command-line test: an isolated, pinned environment and
# small assertion helpers that print "ok - …" / "not ok - …".
set -u
: "${CARNET:?}"
T=$(mktemp -d "${TMPDIR:-/tmp}/carnet-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
# The locale: C.UTF-8, or the users' fr_FR.UTF-8 on run.sh's second pass.
export CARNET_SYSCONFDIR="$T/etc" TZ=Europe/Paris LANG="${TEST_LOCALE:-C.UTF-8}" LC_ALL="${TEST_LOCALE:-C.UTF-8}"
export CARNET_NOW=2026-11-18T10:30 TERM=xterm-256color COLUMNS=80 LINES=24
unset CARNET_DB CARNET_CONFIG NO_COLOR
# The shipped lists of this source tree, whichever build of the binary runs.
export CARNET_DATADIR="$TESTS_DIR/../share/carnet"
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
	if "$@"; then ok "$d"; else nok "$d" "failed: $* (status ${RC:-}; stderr: $(head -c 300 "$T/err" 2>/dev/null))"; fi
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
# is DESCRIPTION GOT WANT: ok when the two strings are equal (shows both if not).
is() {
	if [ "$2" = "$3" ]; then ok "$1"; else nok "$1" "got «$2», want «$3»"; fi
}
# refused DESC STATUS TEXT ARGS…: carnet ARGS… exits STATUS, its message
# holds TEXT, nothing is printed on stdout and the calling script's dump()
# (every row it cares about) does not change.
refused() {
	r_desc=$1 r_rc=$2 r_text=$3
	shift 3
	r_before=$(dump)
	run "$@"
	check "$r_desc: exit $r_rc" rc_is "$r_rc"
	check "$r_desc: message names $r_text" err_has "$r_text"
	check "$r_desc: nothing on stdout" out_empty
	is "$r_desc: nothing written" "$(dump)" "$r_before"
}
# nvisits: rows in table visit of $DB (or $SQLDB); 0 when there is no database yet.
nvisits() {
	if [ -s "${SQLDB:-$DB}" ]; then sql "SELECT count(*) FROM visit" 2>/dev/null || echo 0; else echo 0; fi
}
# ndrafts: drafts the desk screen keeps for $DB (its file $DB.brouillons).
ndrafts() {
	if [ -s "$DB.brouillons" ]; then sqlite3 -batch "$DB.brouillons" "SELECT count(*) FROM draft"; else echo 0; fi
}
# add_visit [OPTIONS…]: "carnet add" with the required options (duration 15,
# demand info, posture avec) followed by OPTIONS; the printed id goes to $ID.
add_visit() {
	run add --duration 15 --demand info --posture avec "$@"
	ID=$(head -n 1 "$T/out")
}
