# SPDX-License-Identifier: GPL-3.0-or-later
# make demo: the demonstration database of bench/gen (a few months of one
# project: three sites, four mediators, returning persons moving towards
# autonomy) and carnet opened on it with bench/demo.ini, screens and report
# showing data with the project's labels.
. "$TESTS_DIR/screen/lib.sh"
ROOT="$TESTS_DIR/.."
DEMO="$T/demo.db"

make -s -C "$ROOT" demo-db DEMO_DB="$DEMO" DEMO_END=2026-11-18 >"$T/make.out" 2>&1
RC=$?
check "make demo-db builds the demonstration database" rc_is 0
sql() { sqlite3 "$DEMO" "$1"; }
is "6000 visits" "$(sql 'SELECT count(*) FROM visit')" 6000
is "over the 120 days ending on the given day" \
	"$(sql 'SELECT min(date) || " " || max(date) FROM visit')" "2026-07-22 2026-11-18"
is "three sites, four mediators" \
	"$(sql 'SELECT count(DISTINCT site) || " " || count(DISTINCT mediator) FROM visit')" "3 4"
check "returning persons: some have five visits or more" \
	test "$(sql 'SELECT count(*) FROM (SELECT person_id FROM visit WHERE person_id IS NOT NULL GROUP BY 1 HAVING count(*) >= 5)')" -gt 50
check "persons have a quartier, a situation and equipment, some left unset" sh -c '
	[ "$(sqlite3 "$1" "SELECT count(DISTINCT area) FROM person")" -ge 8 ] &&
	[ "$(sqlite3 "$1" "SELECT count(*) FROM person WHERE area IS NULL")" -gt 0 ] &&
	[ "$(sqlite3 "$1" "SELECT count(DISTINCT situation) FROM person")" -ge 4 ] &&
	[ "$(sqlite3 "$1" "SELECT count(*) FROM person WHERE equipment LIKE \"%|%\"")" -gt 0 ]' x "$DEMO"

# The report of the demo: more persons move towards autonomy than away from it.
"$CARNET" --db "$DEMO" --config "$ROOT/bench/demo.ini" report --from 2026-07-22 \
	--to 2026-11-18 --format json >"$T/demo.json"
is "report: autonomy grows for returning persons" "$(python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["autonomie"]
print(a["personnes"] > 100 and a["plus_autonome"] > 2 * a["moins_autonome"])' "$T/demo.json")" True
"$CARNET" --db "$DEMO" --config "$ROOT/bench/demo.ini" report --month 2026-10 --by site >"$T/demo.txt"
check "report: the quartiers are named by demo.ini" grep -qE "Le Blosne +[0-9]+" "$T/demo.txt"
check "report: the sites are named by demo.ini" grep -q "ESC Villejean" "$T/demo.txt"

# The screen on the demo database, as make demo opens it.
start --db "$DEMO" --config "$ROOT/bench/demo.ini"
on_screen "the desk screen opens on the demo site" "ESC Le Blosne"
check "the day's list has visits" sh -c '! grep -q "Aucun passage enregistré" "$1"' x "$T/screen"
keys b
on_screen "b: the report of the month has data" "Bilan d'activité · novembre 2026"
check "the report counts visits" sh -c 'grep -qE "Passages +[1-9][0-9]*$" "$1"' x "$T/screen"
keys Escape q
check "q quits" wait_exit
is "exit status 0" "$EXIT" 0
