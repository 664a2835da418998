# SPDX-License-Identifier: GPL-3.0-or-later
# Never lose a visit: a form half filled survives SIGTERM, SIGINT (Ctrl-C),
# SIGHUP (terminal closed), SIGKILL and a crash (SIGSEGV); it is offered back
# at the next start, and the terminal is restored on every path that can.
. "$TESTS_DIR/screen/lib.sh"

# half_fill: a new visit with a demand, an organism and a note, not saved.
half_fill() {
	start
	wait_for "Aucun passage" || true
	# s and c answer two fields and move on to the posture; ten fields
	# further down is the note.
	keys n s c
	keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
	type_text "Revient lundi"
	wait_for "Revient lundi" || true
}

# resume NAME: restarts carnet, accepts the draft, checks the fields came back
# and saves the visit with a posture and a duration.
resume() {
	start
	on_screen "$1: the draft is offered at the next start" "Passage commencé le 2026-11-18 à 10:30, non enregistré : le reprendre ?"
	on_screen "$1: with its answer keys" "Entrée oui · Échap plus tard · Suppr de côté"
	keys Enter
	on_screen "$1: the demand came back" "Suivre un dossier"
	on_screen "$1: the note came back" "Revient lundi"
	on_screen "$1: the cursor is back on the note" ">Note"
	keys BTab BTab BTab BTab BTab BTab BTab BTab BTab BTab 2 c Enter
	on_screen "$1: the visit is saved" "Passage enregistré"
	is "$1: saved with its demand, organism, note, posture and duration" \
		"$(sql "SELECT v.posture, v.duration, v.note, v.demands, v.organisms FROM visit v
		        ORDER BY v.created_at DESC, v.rowid DESC LIMIT 1")" "devant|15|Revient lundi|suivi|caf"
	is "$1: no draft left" "$(ndrafts)" 0
	keys q
	wait_exit || true
}

n=0
for sig in TERM INT HUP KILL SEGV; do
	half_fill
	pid=$(carnet_pid)
	check "$sig: carnet is running" [ -n "$pid" ]
	if [ "$sig" = INT ]; then
		keys C-c
	else
		kill -"$sig" "$pid"
	fi
	check "$sig: carnet ends" wait_exit
	case $sig in
	TERM) is "$sig: exit status 128+15" "$EXIT" 143 ;;
	INT) is "$sig: exit status 128+2" "$EXIT" 130 ;;
	HUP) is "$sig: exit status 128+1" "$EXIT" 129 ;;
	esac
	if [ "$sig" != KILL ]; then
		is "$sig: the terminal is restored" "$(alternate_screen)" 0
	fi
	is "$sig: nothing saved as a visit" "$(sql 'SELECT count(*) FROM visit')" "$n"
	is "$sig: one draft kept" "$(ndrafts)" 1
	resume "$sig"
	n=$((n + 1))
done

# No single key throws a draft away: n (the key for a new visit) and
# Escape keep it; Suppr puts it aside, and r brings it back.
half_fill
kill -TERM "$(carnet_pid)"
wait_exit || true
start
on_screen "a draft at start-up: the question is asked" "le reprendre ?"
keys n
on_screen "n (a reflex key) does not answer it" "le reprendre ?"
keys Escape
on_screen "Escape postpones it" "Brouillon gardé : il sera proposé au prochain démarrage"
is "a postponed draft stays" "$(ndrafts)" 1
keys q
wait_exit || true
start
on_screen "a postponed draft is offered again" "le reprendre ?"
keys DC
on_screen "Suppr puts it aside" "Brouillon mis de côté : r pour le reprendre"
is "a draft put aside is no longer the waiting one" "$(ndrafts)" 0
is "it is kept aside" "$(sqlite3 "$DB.brouillons" 'SELECT count(*) FROM aside')" 1
is "putting a draft aside adds no visit" "$(sql 'SELECT count(*) FROM visit')" "$n"
keys r
on_screen "r lists what was put aside" "Saisies mises de côté ou abandonnées"
on_screen "the draft is there" "Passage du 2026-11-18 à 10:30 · Suivre un dossier"
keys Enter
on_screen "Enter brings it back in the form" "Revient lundi"
on_screen "its demand too" "Suivre un dossier"
is "taken back, it is no longer aside" "$(sqlite3 "$DB.brouillons" 'SELECT count(*) FROM aside')" 0
# Abandoning a form (Escape, then o) keeps it aside too.
keys Escape
on_screen "Escape on a filled form asks" "Abandonner ce passage ? (o/n)"
keys o
on_screen "abandoned, it can be brought back" "Saisie abandonnée (r la reprend)"
keys r
on_screen "the abandoned form is listed" "Passage du 2026-11-18 à 10:30 · Suivre un dossier"
keys Enter
on_screen "and comes back" "Revient lundi"
keys Escape o
keys q
wait_exit || true
is "nothing of this became a visit" "$(sql 'SELECT count(*) FROM visit')" "$n"
