# SPDX-License-Identifier: GPL-3.0-or-later
# Bad input in the form is refused with a French message on the status line,
# and nothing is saved; a retired code is not offered.
. "$TESTS_DIR/screen/lib.sh"

bs() {
	n=$1
	while [ "$n" -gt 0 ]; do
		keys BSpace
		n=$((n - 1))
	done
}
# status_is DESC TEXT: TEXT on the last line of the screen (the status line).
status_is() {
	if wait_for "$2" && tail -n 1 "$T/screen" | grep -qF -- "$2"; then
		ok "$1"
	else
		nok "$1" "status line: «$(tail -n 1 "$T/screen")», want «$2»"
	fi
}
none_saved() { is "$1: no visit saved" "$(nvisits)" 0; }

start
on_screen "the list opens" "mercredi 18 novembre 2026"
keys n
on_screen "the form opens" "Nouveau passage"

# Required fields, in order: the message names the field, the cursor goes there.
keys Enter
status_is "Enter on an empty form: the demands are required" "Champ obligatoire : Demandes"
on_screen "the cursor stays on the demands" ">Demandes"
none_saved "empty form"
keys s
on_screen "a demand is answered" ">Organismes"
keys Enter
status_is "Enter without a posture names it" "Champ obligatoire : Posture"
on_screen "the cursor moves to the posture" ">Posture"
none_saved "no posture"
keys 2
on_screen "a posture is answered" ">Durée"
keys Tab Tab Tab
on_screen "three fields further (Canal… Orienté par)" ">Orienté par"
keys Enter
status_is "Enter without a duration names it" "Champ obligatoire : Durée"
on_screen "the cursor moves back to the duration" ">Durée"
none_saved "no duration"

# The duration: 0, 481, letters beyond the quick picks.
type_text "0"
keys Tab
status_is "a duration of 0 is refused" "Durée invalide « 0 » : de 1 à 480 minutes"
on_screen "the cursor stays on the duration" ">Durée"
keys Enter
status_is "Enter with a duration of 0 is refused too" "Durée invalide « 0 »"
none_saved "duration 0"
keys BSpace
type_text "481"
on_screen "481 is typed" "Saisie : 481_"
keys Enter
status_is "a duration of 481 is refused" "Durée invalide « 481 » : de 1 à 480 minutes"
keys Tab
status_is "Tab with 481 is refused" "Durée invalide « 481 »"
on_screen "the cursor stays on the duration after 481" ">Durée"
none_saved "duration 481"
bs 3
on_screen "the duration is erased" "Saisie : _"
type_text "jkxyz5"
on_screen "letters beyond i are not taken as a duration" "Saisie : 5_"
keys BSpace
on_screen "the duration is empty again" "Saisie : _"
keys Enter
status_is "so the duration is still missing" "Champ obligatoire : Durée"
none_saved "letters as duration"

# The person: an unknown code.
keys Tab Tab Tab Tab Tab Tab Tab Tab
on_screen "eight fields further is the person" ">Usager"
type_text "zz99"
on_screen "the code is typed" "Code : ZZ99_"
keys Tab
status_is "an unknown code is refused" "Usager inconnu « ZZ99 » : + pour créer ce code, ou effacez-le"
on_screen "the cursor stays on the person" ">Usager"
keys Enter
status_is "Enter with an unknown code is refused" "Usager inconnu « ZZ99 »"
none_saved "unknown person"
is "the unknown code was not created" "$(sql 'SELECT count(*) FROM person')" 0
bs 4

# The note stops at 500 characters.
keys Tab
on_screen "the note" ">Note"
long=$(printf '%s' "$(printf 'Noté à %03d ; ' $(seq 1 40))")
type_text "$long"
on_screen "the note stops at 500 characters" "500 / 500 caractères"
status_is "the note limit is said" "Note : 500 caractères au plus"
none_saved "long note"

# The date and the time.
keys Tab
on_screen "the date" ">Date *"
bs 10
type_text "2026-13-45"
keys Tab
status_is "a month 13 is refused" "Date invalide « 2026-13-45 » : 30/11, 30/11/2026, 2026-11-30, hier ou avant-hier"
on_screen "the cursor stays on the date" ">Date *"
keys Enter
status_is "Enter with a bad date is refused" "Date invalide « 2026-13-45 »"
none_saved "bad date"
bs 10
type_text "2026-02-29"
keys Tab
status_is "29 February of a common year is refused" "Date invalide « 2026-02-29 »"
none_saved "29 February"
bs 10
type_text "2026-11-17"
keys Tab
on_screen "a valid date is taken" "Nouveau passage · mardi 17 novembre 2026"
on_screen "the time" ">Heure *"
bs 5
type_text "25:00"
keys Tab
status_is "25:00 is refused" "Heure invalide « 25:00 » : HH:MM attendu"
on_screen "the cursor stays on the time" ">Heure *"
keys Enter
status_is "Enter with 25:00 is refused" "Heure invalide « 25:00 »"
none_saved "bad time"
bs 5
type_text "14:60"
keys Tab
status_is "14:60 is refused" "Heure invalide « 14:60 »"
bs 5
type_text "14h30"
keys Tab
on_screen "14h30 is taken" "Heure *            14:30"
none_saved "before the final Enter"

# Esc on a filled form asks; n keeps the form.
keys Escape
on_screen "Esc asks" "Abandonner ce passage ? (o/n)"
keys n
on_screen "n keeps the form" "Nouveau passage"

# Back to the duration (12 fields back from the site): typed in hours.
keys BTab BTab BTab BTab BTab BTab BTab BTab BTab BTab BTab BTab
on_screen "back on the duration" ">Durée"
type_text "2h"
keys Enter
on_screen "the visit is saved once every field is valid" "Passage enregistré : 14:30"
is "one visit saved" "$(nvisits)" 1
is "its valid values" "$(sql 'SELECT date, time, posture, length(note) FROM visit')" "2026-11-17|14:30|devant|500"
is "a duration typed as 2h is 120 minutes" "$(sql 'SELECT duration FROM visit')" 120
is "no person attached" "$(sql "SELECT coalesce(person_id, 'NULL') FROM visit")" NULL
keys q
wait_exit || true

# A retired organism is not offered; an old visit still shows it.
run add --duration 10 --demand info --organism msa --posture avec --time 08:00
old=$(head -n 1 "$T/out")
start
on_screen "without [retired]" "08:00"
keys n s
on_screen "the organisms are offered" "[ ] c  CAF"
on_screen "MSA is offered before it is retired" "MSA"
keys Escape
wait_for "(o/n)" || true
keys o
wait_for "Saisie abandonnée" || true
keys q
wait_exit || true

mkdir -p "$XDG_CONFIG_HOME/carnet"
printf '[retired]\norganisme = msa\n' >"$XDG_CONFIG_HOME/carnet/carnet.ini"
start
on_screen "with [retired]" "08:00"
keys n s
on_screen "the organism list is shown" "[ ] c  CAF"
on_screen "the end of the list is shown" "Autre"
not_on_screen "the retired organism is not offered" "MSA"
keys /
type_text "msa"
on_screen "filtering for it" "Filtre : msa_"
not_on_screen "the filter does not find it either" "MSA"
keys Escape Escape
on_screen "Esc leaves the filter, then asks" "Abandonner ce passage ? (o/n)"
keys o
on_screen "abandoned" "Saisie abandonnée"
keys Enter
on_screen "the old visit opens" "Modifier le passage"
on_screen "an old visit still shows the retired organism" "Organismes         MSA"
keys Tab
on_screen "it is marked retired in the list" "MSA (retiré)"
keys Escape
wait_for "Saisie abandonnée" || true
is "still one visit plus the old one" "$(nvisits)" 2
is "the old visit keeps msa" "$(sql "SELECT organisms FROM visit WHERE id = '$old'")" msa
keys q
wait_exit || true
