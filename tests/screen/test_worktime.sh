# SPDX-License-Identifier: GPL-3.0-or-later
# The time form (t on the day's list): a 30-minute coordination meeting in
# at most 6 keys; the day's list shows visits, workshops and times in time
# order with the split totals; edit, delete and undo of a time; a draft of a
# time survives a killed carnet.
. "$TESTS_DIR/screen/lib.sh"

run add --date 2026-11-18 --time 09:00 --duration 20 --demand suivi --posture pour
run add --date 2026-11-18 --time 11:00 --duration 50 --demand info --posture avec

start
on_screen "the list opens" "mercredi 18 novembre 2026"
on_screen "a day of visits only keeps its totals line" "2 passages · 1 h 10 · faire pour : 50 %"
on_screen "the footer shows the time key" "t temps"

# t: new time · c: coordination · e: 30 min · Enter.
set -- t c e Enter
check "the coordination meeting takes at most 6 keystrokes" [ $# -le 6 ]
keys t
on_screen "t opens the time form" "Nouveau temps hors accompagnement · mercredi 18 novembre 2026"
on_screen "the kind comes first" ">Nature *"
shift
keys "$@"
on_screen "the status line says the time is saved" \
	"Temps enregistré : 10:30, Coordination, réunions d'équipe, 30 min"
is "one time in the database" "$(sql 'SELECT count(*) FROM worktime')" 1
is "its fields" "$(sql "SELECT date, time, duration, site, kind, coalesce(note, '') FROM worktime")" \
	"2026-11-18|10:30|30|defaut|coordination|"
is "no draft is left behind" "$(ndrafts)" 0

# A workshop at 14:00 on the same day.
keys a i h 1 5
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
on_screen "the workshop's time" ">Heure *"
type_text "14:00"
keys Enter
on_screen "a workshop is saved" "Atelier enregistré : 14:00"

# The three kinds in time order, and the day's time split.
screen >"$T/list"
is "the lines in time order, each with its kind" \
	"$(sed -n '3,6p' "$T/list" | sed 's/^.\(.....\).\{9\}\(.\{9\}\).*/\1 \2/')" "09:00 Suivre un
10:30 Temps · C
11:00 S'informe
14:00 Atelier ·"
on_screen "the totals split the time" "Accompagnement 1 h 10 (2) · Ateliers 1 h 30 (1) · Autres 30 min (1)"

# Resized: wider, then too small, then back; the lines and totals stay.
tmx resize-window -t s -x 120 -y 30
on_screen "at 120x30 the workshop's theme shows whole" "Atelier · Naviguer sur internet"
on_screen "at 120x30 the totals are on their line" "Accompagnement 1 h 10 (2)"
tmx resize-window -t s -x 60 -y 20
on_screen "a terminal too small says so" "Fenêtre trop petite"
tmx resize-window -t s -x 80 -y 24
on_screen "back at 80x24 the time is listed" "Temps · Coordination"
on_screen "back at 80x24 the split totals" "Ateliers 1 h 30 (1) · Autres 30 min (1)"

# A search keeps the split and shows what it looks for.
keys /
type_text "coordination"
keys Enter
on_screen "the search is shown" "Recherche : coordination (1)"
on_screen "the totals follow the search" "Accompagnement 0 min (0) · Ateliers 0 min (0) · Autres 30 min (1)"

# Edit the time: its duration, then a note.
keys e
on_screen "e opens the time" "Modifier le temps"
keys Tab g
type_text "Point mensuel"
keys Enter
on_screen "the change is saved" "Temps modifié : 10:30, Coordination, réunions d'équipe, 1 h 00"
is "the base has the change" "$(sql "SELECT duration, note FROM worktime")" "60|Point mensuel"
keys Escape
on_screen "Escape clears the search" "Atelier · Navigue"

# Delete and undo, by the row's kind.
keys g Down
on_screen "the time is selected" ">10:30"
keys d
on_screen "delete asks about the time" "Supprimer le temps de 10:30 (Coordination, réunions d'équipe) ? (o/n)"
keys o
on_screen "it is deleted" "Temps de 10:30 supprimé — u pour l'annuler"
is "it has a tombstone" "$(sql "SELECT deleted_at IS NOT NULL FROM worktime")" 1
on_screen "the totals lose it" "Autres 0 min (0)"
keys G d o
on_screen "then the workshop" "Atelier de 14:00 supprimé — u pour l'annuler"
keys u
on_screen "u brings back the last deleted line: the workshop" "Atelier de 14:00 rétabli"
is "the workshop is back" "$(sql "SELECT deleted_at IS NULL FROM workshop")" 1
is "the time is still deleted" "$(sql "SELECT deleted_at IS NOT NULL FROM worktime")" 1
keys u
on_screen "u again brings back the time" "Temps de 10:30 rétabli"
is "the time is back" "$(sql "SELECT deleted_at IS NULL FROM worktime")" 1
keys g d o
on_screen "a visit is deleted the same way" "Passage de 09:00 supprimé — u pour l'annuler"
keys u
on_screen "and comes back" "Passage de 09:00 rétabli"

# A refused value is said with the field focused.
keys t p
type_text "13h"
keys Enter
on_screen "a duration past 12 h is refused" "Durée invalide « 13h » : de 1 à 720 minutes"
on_screen "the duration keeps the cursor" ">Durée *"
keys BSpace BSpace BSpace
type_text "9h"
keys Enter
on_screen "a long time is fine" "Temps enregistré : 10:30, Préparation (ateliers, supports), 9 h 00"

# A time being typed survives a killed carnet.
keys t v
on_screen "half a time" ">Durée *"
pid=$(carnet_pid)
kill -KILL "$pid"
check "carnet ends" wait_exit
is "one draft kept" "$(ndrafts)" 1
start
on_screen "the time draft is offered" "Temps commencé le 2026-11-18 à 10:30, non enregistré : le reprendre ?"
keys Enter
on_screen "its kind came back" "Nature *           Veille"
keys b Enter
on_screen "saved" "Temps enregistré : 10:30, Veille, documentation, 10 min"
is "in the base" "$(sql "SELECT duration FROM worktime WHERE kind = 'veille'")" 10
is "no draft left" "$(ndrafts)" 0
keys q
check "q quits" wait_exit
is "exit status 0" "$EXIT" 0
