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
	on_screen "$1: the draft is offered at the next start" "Passage commencé le 2026-11-18 à 10:30, non enregistré : le reprendre ? (o/n)"
	keys o
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

# A draft can also be refused: it is dropped.
half_fill
kill -TERM "$(carnet_pid)"
wait_exit || true
start
on_screen "a refused draft: the question is asked" "le reprendre ?"
keys n
on_screen "a refused draft is dropped" "Brouillon abandonné"
is "a refused draft leaves no draft" "$(ndrafts)" 0
is "a refused draft adds no visit" "$(sql 'SELECT count(*) FROM visit')" "$n"
