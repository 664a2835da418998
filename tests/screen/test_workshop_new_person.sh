# SPDX-License-Identifier: GPL-3.0-or-later
# A new person at a workshop: + in the Participants field makes a new
# pseudonymous code (or a new person of the typed code), added present and
# written only when the workshop is saved, with it; a typed code that names
# no one is refused with a word on +. The new persons survive a killed
# carnet in the draft.
. "$TESTS_DIR/screen/lib.sh"

run person new --code K7M2QX
run add --date 2026-11-17 --duration 20 --demand info --posture avec --person K7M2QX

start
on_screen "the list opens on today" "mercredi 18 novembre 2026"
keys a i h 1 Tab Tab Tab Tab
on_screen "the participants field" ">Participants"
on_screen "+ is said in the panel" "+ : un nouvel usager"
keys +
on_screen "+ makes a new person, added present" "ajouté, présent, enregistré avec l'atelier"
new1=$(grep -o 'Nouvel usager [A-Z0-9]* ajouté' "$T/screen" | sed 's/Nouvel usager \([A-Z0-9]*\) ajouté/\1/')
check "a new code is shown" [ -n "$new1" ]
on_screen "the new code among the participants" "$(printf '%-16s %s' "$new1" 'présent · nouveau')"
is "nobody written before the save" "$(sql 'SELECT count(*) FROM person')" 1
type_text "newab1"
keys +
on_screen "+ makes a new person of a typed code" "Nouvel usager NEWAB1 ajouté, présent"
type_text "newcd2"
keys +
on_screen "another one" "Nouvel usager NEWCD2 ajouté"
keys BSpace
on_screen "Backspace takes it off" "Participant NEWCD2 retiré"
type_text "K7M2QX"
keys +
on_screen "+ on a known code says so" "K7M2QX est déjà un usager de la base : Espace l'ajoute"
keys Space
on_screen "Space adds the known person" "Participant K7M2QX ajouté"
type_text "ZZZZ99"
keys Space
on_screen "a typed unknown code is refused, + is said" \
	"Usager inconnu « ZZZZ99 » : + en fait un nouvel usager"
keys BSpace BSpace BSpace BSpace BSpace BSpace Up Up
keys F6
on_screen "a new person's profile waits for the save" \
	"Nouvel usager : son profil s'ouvre une fois l'atelier enregistré"
is "still nobody written" "$(sql 'SELECT count(*) FROM person')" 1

# Killed before the save: the draft keeps the new persons.
pid=$(carnet_pid)
kill -KILL "$pid"
check "carnet ends" wait_exit
is "no person written by the killed form" "$(sql 'SELECT count(*) FROM person')" 1
start
on_screen "the draft is offered" "Atelier commencé le 2026-11-18 à 10:30"
keys Enter
on_screen "taken back" "Nouvel atelier"
on_screen "the new persons are still new" "$(printf '%-16s %s' NEWAB1 'présent · nouveau')"
keys Enter
on_screen "saved" "Atelier enregistré : 10:30, Naviguer sur internet, 1 h 30, 3 présents"
is "the new persons are written with the workshop" \
	"$(sql "SELECT code FROM person ORDER BY code")" "$(printf '%s\n' K7M2QX NEWAB1 "$new1" | sort)"
is "the removed one is not" "$(sql "SELECT count(*) FROM person WHERE code = 'NEWCD2'")" 0
is "the participants, present" \
	"$(sql "SELECT p.code || ':' || wp.present FROM workshop_participant wp JOIN person p ON p.id = wp.person_id ORDER BY wp.rank")" \
	"$new1:1
NEWAB1:1
K7M2QX:1"
is "no draft left" "$(ndrafts)" 0

# An edit brings one more.
keys e
on_screen "the workshop opens" "Modifier l'atelier"
keys Tab Tab Tab Tab Tab Tab Tab
on_screen "the participants field" ">Participants"
keys +
on_screen "a new person on an edit" "enregistré avec l'atelier"
keys Enter
on_screen "saved" "Atelier modifié : 10:30, Naviguer sur internet, 1 h 30, 4 présents"
is "four persons" "$(sql 'SELECT count(*) FROM person')" 4
is "four participants" "$(sql 'SELECT count(*) FROM workshop_participant')" 4
keys q
check "q quits" wait_exit
