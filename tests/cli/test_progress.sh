# SPDX-License-Identifier: GPL-3.0-or-later
# Long imports and merges show a progress bar on a terminal (here a pseudo-
# terminal from script(1)), erased at the end; never when stderr is not a
# terminal.
. "$TESTS_DIR/cli/lib.sh"

if ! command -v script >/dev/null 2>&1; then
	echo "# script(1) is not installed: the progress bar checks are skipped"
	exit 0
fi
SRC="$T/src.db"
"$CARNET" --db "$SRC" add --duration 20 --demand info --posture pour >/dev/null
# 60 000 more visits, written straight into the desk's tables.
sqlite3 -batch "$SRC" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
INSERT INTO visit (id, date, time, duration, site, canal, posture, demands, created_at, updated_at)
SELECT printf('%08x-0000-4000-8000-%012x', i, i), '2026-11-02', '10:00', 20, 'defaut', 'libre',
       'pour', 'info', '2026-11-18T09:30:00.000Z', '2026-11-18T09:30:00.000Z' FROM n"
is "fixture: 60 001 visits" "$(SQLDB=$SRC sql 'SELECT count(*) FROM visit')" 60001

# tty CMD…: runs carnet with stdout and stderr on a pseudo-terminal, the
# terminal's bytes in $T/tty.
tty() {
	script -qfec "$(printf '%s ' "$CARNET" "$@")" "$T/tty" >/dev/null 2>&1
	RC=$?
}
tty --db "$T/dst.db" merge "$SRC"
check "merge on a terminal: exit 0" rc_is 0
check "merge on a terminal: a progress bar « Fusion [###… »" grep -qa 'Fusion \[#' "$T/tty"
check "merge on a terminal: the bar is erased before the summary" \
	sh -c 'tr "\r" "\n" <"$1" | grep -a "src.db : 60001 nouveaux" | grep -qv "Fusion"' x "$T/tty"
# Into an empty base, a large load: the visits' indexes built at the end
# have a bar of their own, erased too.
check "merge on a terminal: a bar « Index des passages [###… » while the indexes are built" \
	grep -qa 'Index des passages \[#' "$T/tty"
check "merge on a terminal: that bar is erased before the summary" \
	sh -c 'tr "\r" "\n" <"$1" | grep -a "src.db : 60001 nouveaux" | grep -qv "Index"' x "$T/tty"

"$CARNET" --db "$SRC" export -o "$T/src.csv"
tty --db "$T/dst2.db" import "$T/src.csv"
check "import on a terminal: exit 0" rc_is 0
check "import on a terminal: a progress bar « Import [###… »" grep -qa 'Import \[#' "$T/tty"
check "import on a terminal: the summary" grep -qa "60001 nouveaux" "$T/tty"
check "import on a terminal: a bar « Index des passages [###… »" \
	grep -qa 'Index des passages \[#' "$T/tty"

run --db "$T/dst3.db" import "$T/src.csv"
check "import off a terminal: no bar, nothing on stderr" sh -c '[ ! -s "$1" ]' x "$T/err"
