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

# Workshops: a few a week at each site over the 120 days, on weekdays, with
# somebody present at every one, returning persons among them.
is "workshops over the 120 days, at the three sites" \
	"$(sql 'SELECT min(date) >= "2026-07-22", max(date) <= "2026-11-18", count(DISTINCT site)
		FROM workshop')" "1|1|3"
check "two to four workshops a week per site" sh -c '
	n=$(sqlite3 "$1" "SELECT count(*) FROM workshop")
	[ "$n" -ge $((17 * 3 * 2)) ] && [ "$n" -le $((18 * 3 * 4)) ]' x "$DEMO"
is "workshops on weekdays only" \
	"$(sql 'SELECT count(*) FROM workshop WHERE strftime("%w", date) IN ("0", "6")')" 0
is "every workshop has somebody present, 3 to 10" "$(sql 'SELECT count(*) FROM workshop w
	WHERE anonymous + (SELECT count(*) FROM workshop_participant p
		WHERE p.workshop_id = w.id AND p.present) NOT BETWEEN 3 AND 10')" 0
is "1 h 30 or 2 h" "$(sql 'SELECT group_concat(duration) FROM
	(SELECT DISTINCT duration FROM workshop ORDER BY 1)')" "90,120"
check "mostly for beginners" sh -c '
	[ "$(sqlite3 "$1" "SELECT 2 * sum(level = \"debutant\") > count(*) FROM workshop")" = 1 ]' \
	x "$DEMO"
check "several themes of theme_atelier, some workshops on two" sh -c '
	[ "$(sqlite3 "$1" "SELECT count(DISTINCT themes) FROM workshop WHERE themes NOT LIKE \"%|%\"")" -ge 8 ] &&
	[ "$(sqlite3 "$1" "SELECT count(*) FROM workshop WHERE themes LIKE \"%|%\"")" -gt 0 ]' x "$DEMO"
check "co-led workshops exist, most are led by one mediator" sh -c '
	c=$(sqlite3 "$1" "SELECT count(*) FROM workshop WHERE mediators LIKE \"%|%\"")
	n=$(sqlite3 "$1" "SELECT count(*) FROM workshop")
	[ "$c" -gt 0 ] && [ $((2 * c)) -lt "$n" ]' x "$DEMO"
check "returning persons come, some registered ones did not" sh -c '
	[ "$(sqlite3 "$1" "SELECT count(DISTINCT person_id) FROM workshop_participant WHERE present")" -gt 50 ] &&
	[ "$(sqlite3 "$1" "SELECT count(*) FROM workshop_participant WHERE NOT present")" -gt 0 ] &&
	[ "$(sqlite3 "$1" "SELECT count(*) FROM workshop_participant p JOIN visit v
		ON v.person_id = p.person_id")" -gt 0 ]' x "$DEMO"
check "anonymous attendees, some counted by gender and age" sh -c '
	[ "$(sqlite3 "$1" "SELECT count(*) FROM workshop WHERE anonymous > 0")" -gt 0 ] &&
	[ "$(sqlite3 "$1" "SELECT count(*) FROM workshop WHERE anon_gender LIKE \"%femme=%\"")" -gt 0 ] &&
	[ "$(sqlite3 "$1" "SELECT count(*) FROM workshop WHERE anon_age IS NOT NULL")" -gt 0 ]' x "$DEMO"
check "registrations known for about half, walk-ins among them" sh -c '
	k=$(sqlite3 "$1" "SELECT count(*) FROM workshop WHERE registered IS NOT NULL")
	n=$(sqlite3 "$1" "SELECT count(*) FROM workshop")
	[ $((4 * k)) -gt "$n" ] && [ $((4 * k)) -lt $((3 * n)) ] &&
	[ "$(sqlite3 "$1" "SELECT count(*) FROM workshop w WHERE registered <
		anonymous + (SELECT count(*) FROM workshop_participant p
			WHERE p.workshop_id = w.id AND p.present)")" -gt 0 ]' x "$DEMO"

# Time outside accompaniment: a few hours a week for each mediator, of
# several kinds, preparation and coordination the most.
is "times of the four mediators over the 120 days" \
	"$(sql 'SELECT count(DISTINCT mediator), min(date) >= "2026-07-22", max(date) <= "2026-11-18"
		FROM worktime')" "4|1|1"
is "a few hours a week for each mediator (2 h to 12 h over 17 weeks)" "$(sql 'SELECT count(*)
	FROM (SELECT sum(duration) AS m FROM worktime GROUP BY mediator)
	WHERE m NOT BETWEEN 2 * 60 * 17 AND 12 * 60 * 17')" 0
check "times of six kinds or more, preparation and coordination first" sh -c '
	[ "$(sqlite3 "$1" "SELECT count(DISTINCT kind) FROM worktime")" -ge 6 ] &&
	[ "$(sqlite3 "$1" "SELECT group_concat(kind) FROM (SELECT kind FROM worktime
		GROUP BY kind ORDER BY count(*) DESC LIMIT 2)" | tr , "\n" | sort | tr "\n" " ")" = \
		"coordination preparation " ]' x "$DEMO"
is "times on weekdays, within the working day" "$(sql 'SELECT count(*) FROM worktime
	WHERE strftime("%w", date) IN ("0", "6") OR time < "08:30"
	OR time(time, "+" || duration || " minutes") > "18:00:00"')" 0
check "carnet check finds the base sound" sh -c '
	"$1" --db "$2" --config "$3" check >/dev/null' x "$CARNET" "$DEMO" "$ROOT/bench/demo.ini"

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
