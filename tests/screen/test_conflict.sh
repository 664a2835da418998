# SPDX-License-Identifier: GPL-3.0-or-later
# Two saves meet: a visit open on the screen is changed elsewhere (a command,
# another desk on the same file). The save does not overwrite it: the screen
# shows both versions and the mediator keeps one; the other goes to
# visit_history. Also after a crash, when the edit comes back as a draft.
. "$TESTS_DIR/screen/lib.sh"

run add --duration 20 --demand suivi --organism caf --posture avec --time 09:00 --note "départ"
A=$(head -n 1 "$T/out")
history() { sql "SELECT count(*) FROM visit_history WHERE visit_id = '$A' AND version LIKE '%$1%'"; }

start
on_screen "the list shows the visit" "09:00  20 min"
keys Enter
on_screen "the visit is open" "Modifier le passage"
keys Tab Tab 1
on_screen "the posture is changed on the screen" "Posture *          Faire pour"
# Meanwhile, elsewhere.
run edit "$A" --note "autre poste"
check "another program edits the visit meanwhile" rc_is 0
keys Enter
on_screen "the save says the visit changed elsewhere" "Passage modifié ailleurs pendant votre saisie"
on_screen "both notes are shown" "départ"
on_screen "the other note too" "autre poste"
on_screen "the choices are offered" "m garder la mienne  a garder l'autre  Échap revenir au formulaire"
is "nothing was overwritten" "$(sql "SELECT note, posture FROM visit WHERE id = '$A'")" "autre poste|avec"
keys Escape
on_screen "Escape goes back to the form" "Modifier le passage"
on_screen "and says nothing was saved" "Rien n'est enregistré"
keys Enter
on_screen "Enter shows both versions again" "Passage modifié ailleurs pendant votre saisie"
keys m
on_screen "m keeps mine" "votre version est gardée, l'autre est dans l'historique"
is "mine is stored" "$(sql "SELECT note, posture FROM visit WHERE id = '$A'")" "départ|pour"
is "the other version is in visit_history" "$(history 'autre poste')" 1
later=$(sql "SELECT updated_at FROM visit WHERE id = '$A'")

# The other way: keep theirs; mine goes to the history.
keys Enter
on_screen "the visit is open again" "Modifier le passage"
keys Tab Tab 4
on_screen "the posture is changed again" "Laisser faire"
run edit "$A" --duration 45
keys Enter
on_screen "the save meets the other change" "Passage modifié ailleurs pendant votre saisie"
on_screen "the differing durations are shown" "45 min"
keys a
on_screen "a keeps the other version" "Version enregistrée ailleurs gardée"
is "theirs stays" "$(sql "SELECT duration, posture FROM visit WHERE id = '$A'")" "45|pour"
is "mine is in visit_history" \
	"$(sql "SELECT count(*) FROM visit_history WHERE visit_id = '$A' AND version LIKE '%,faire,%'")" 1
is "no draft is left" "$(ndrafts)" 0
keys q
check "q quits" wait_exit

# An edit that comes back as a draft after a crash still knows its version.
start
keys Enter
on_screen "the visit is open" "Modifier le passage"
keys Tab Tab 2
on_screen "the posture is changed" "Faire devant"
kill -KILL "$(carnet_pid)"
wait_exit || true
run edit "$A" --note "pendant la coupure"
start
on_screen "the draft of the edit is offered, saying the visit itself is saved" "Passage de 09:00 le 18/11, modifié ailleurs depuis votre changement. Reprendre ?"
keys o
on_screen "the edit comes back" "Faire devant"
keys Enter
on_screen "its save meets the change made meanwhile" "Passage modifié ailleurs pendant votre saisie"
on_screen "the note written meanwhile is shown" "pendant la coupure"
keys m
on_screen "kept" "votre version est gardée"
is "mine is stored, over the change it was shown" "$(sql "SELECT posture FROM visit WHERE id = '$A'")" "devant"
is "the change made meanwhile is in visit_history" "$(history 'pendant la coupure')" 1
keys q
check "q quits" wait_exit
