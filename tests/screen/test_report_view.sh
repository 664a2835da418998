# SPDX-License-Identifier: GPL-3.0-or-later
# The report on the desk screen: b opens the month of the day shown, [ and ]
# change months, the figures are those of carnet report (the workshops'
# among them), Escape goes back.
. "$TESTS_DIR/screen/lib.sh"

run add --date 2026-11-03 --duration 20 --demand suivi --organism caf --posture avec --outcome aboutie
run add --date 2026-11-10 --duration 40 --demand compte --posture pour
run add --date 2026-10-15 --duration 30 --demand info --posture faire
# A workshop of November, written with SQL (its commands are not this test's).
sql "INSERT INTO workshop (id, date, time, duration, site, mediators, themes, anonymous,
	created_at, updated_at) VALUES ('w1', '2026-11-05', '14:00', 90, 'defaut', NULL, 'internet', 6,
	'2026-11-05T10:00:00Z', '2026-11-05T10:00:00Z')"

start
wait_for "Aucun passage enregistré" || true
keys b
on_screen "b opens the report of the month" "Bilan d'activité — novembre 2026"
on_screen "the report says its dates" "Du 1er au 30 novembre 2026"
on_screen "the title names the month" "Bilan d'activité · novembre 2026"
check "the visits of the month are counted" sh -c 'grep -qE "Passages +2$" "$1"' x "$T/screen"
on_screen "the same figure as carnet report" "$("$CARNET" report --month 2026-11 --site defaut | grep -m 1 "^  Passages ")"
keys Down Down Down Down Down Down Down Down
on_screen "Down scrolls to the last key figures" "Temps hors accompagnement"
check "the month's workshop sessions among the key figures" sh -c 'grep -qE "Séances d.atelier +1$" "$1"' x "$T/screen"
check "the time outside accompaniment among the key figures" sh -c 'grep -qE "Temps hors accompagnement +1 h 30$" "$1"' x "$T/screen"
keys "["
on_screen "[ shows the previous month" "Bilan d'activité — octobre 2026"
on_screen "the title names October" "Bilan d'activité · octobre 2026"
check "October has one visit" sh -c 'grep -qE "Passages +1$" "$1"' x "$T/screen"
keys "]" "]"
on_screen "] goes forward, to an empty month" "le bilan est vide"
keys Down Down Down
not_on_screen "Down scrolls the report" "Bilan d'activité — décembre 2026"
keys Escape
on_screen "Escape goes back to the list" "Aucun passage enregistré"
keys q
check "q quits" wait_exit
is "exit status 0" "$EXIT" 0
