# SPDX-License-Identifier: GPL-3.0-or-later
# The timer (c on the day's list, F5 in a form) measures a workshop or a
# time outside accompaniment as it does a visit: a form opened while it
# runs starts when it started, and its duration comes from it when none is
# given; saving the new record stops it.
. "$TESTS_DIR/screen/lib.sh"

run person new --code K7M2QX # the base and its folder

# A timer started 185 s ago, kept by a visit's draft: taken back, then
# abandoned, the timer still runs.
timer_draft() {
	now=$(date +%s)
	sqlite3 "$DB.brouillons" "CREATE TABLE IF NOT EXISTS draft (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS aside (n INTEGER PRIMARY KEY AUTOINCREMENT, data TEXT NOT NULL, saved_at TEXT NOT NULL);
DELETE FROM draft; INSERT INTO draft VALUES (1, 'date=2026-11-18' || char(10) || 'time=10:30' || char(10) || 'site=defaut' || char(10) || 'canal=libre' || char(10) || 'demands=compte' || char(10) || 'timer_start=$((now - 185))' || char(10), '2026-11-18T09:30:00.000Z')"
	start
	on_screen "the visit with its timer comes back" "le reprendre ?"
	keys Enter
	on_screen "the form shows the running timer" "chrono ("
	keys Escape o
	on_screen "the visit abandoned" "Saisie abandonnée"
	on_screen "the timer still runs" "chrono"
}

timer_draft
keys a
on_screen "a workshop form" "Nouvel atelier"
on_screen "its start time comes from the timer" "Heure *            10:27"
keys i
on_screen "its duration will come from the timer" "Durée *            chrono ("
on_screen "the duration panel says so" "il remplira la durée"
keys Tab 1 5 Enter
on_screen "saved" "Atelier enregistré : 10:27, Naviguer sur internet, 4 min, 5 présents"
is "a workshop measured by the timer" "$(sql 'SELECT time, duration FROM workshop')" "10:27|4"
not_on_screen "saving it stops the timer" "chrono"
keys q
check "q quits" wait_exit

timer_draft
keys t
on_screen "a time form" "Nouveau temps hors accompagnement"
on_screen "its start time comes from the timer" "Heure *            10:27"
keys c
on_screen "its duration will come from the timer" "Durée *            chrono ("
keys Enter
on_screen "saved" "Temps enregistré : 10:27, Coordination, réunions d'équipe, 4 min"
is "a time measured by the timer" "$(sql 'SELECT time, duration FROM worktime')" "10:27|4"
not_on_screen "saving it stops the timer" "chrono"

# A duration given wins over the timer.
keys c
on_screen "the timer started again" "chrono"
keys a p g 1 4 Enter
on_screen "saved with its own duration" "Atelier enregistré : 10:30, Prendre en main un matériel, 1 h 00"
is "the duration given is kept" "$(sql "SELECT duration FROM workshop WHERE themes = 'prise_en_main'")" 60
keys q
check "q quits" wait_exit
