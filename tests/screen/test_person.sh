# SPDX-License-Identifier: GPL-3.0-or-later
# The Usager field: recent codes narrowed by what is typed, picked with
# Space; the person's previous visits and posture trend; a profile with F6.
. "$TESTS_DIR/screen/lib.sh"

for code in K7M2QX K7AAAA ZZZ999; do
	run person new --code "$code"
done
run add --date 2026-11-02 --duration 20 --demand suivi --posture pour --person K7M2QX
run add --date 2026-11-09 --duration 20 --demand compte --posture devant --person K7M2QX
run add --date 2026-11-16 --duration 20 --demand suivi --posture avec --person K7M2QX
run add --date 2026-11-10 --duration 20 --demand info --posture avec --person K7AAAA
run add --date 2026-11-12 --duration 20 --demand info --posture avec --person ZZZ999

start
wait_for "Aucun passage enregistré" || true
# n s c 3 d a answer six fields; the Usager field is six further down.
keys n s c 3 d a Tab Tab Tab Tab Tab Tab
on_screen "the Usager field lists the recent codes" "Codes récents"
on_screen "the most recent person first, with the date and demand of their last visit" "K7M2QX  16/11/26  Suivre un dossier"
on_screen "the others too" "ZZZ999  12/11/26"
keys K 7
on_screen "typing narrows the recent codes: K7AAAA stays" "K7AAAA"
not_on_screen "typing narrows the recent codes: ZZZ999 goes" "ZZZ999"
keys M
not_on_screen "K7M narrows to one code" "K7AAAA"
keys Space
on_screen "Space attaches the highlighted code" "Usager connu : 3 passages"
on_screen "the previous visits are listed, with their demand and posture" "09/11/26  Faire devant · Créer un"
on_screen "the left column shows the attached code" "Usager             K7M2QX"
on_screen "the posture trend is shown, in words" "Postures : Faire pour → Faire devant →"
on_screen "over two lines when it needs them" "  Faire avec"
keys F6
on_screen "F6 opens the profile" "Profil de l'usager K7M2QX"
keys 4
on_screen "a profile answer by key" "Tranche d'âge      40-59 ans"
keys Enter
on_screen "the profile is saved" "Profil de l'usager K7M2QX enregistré"
is "the profile is in the database" "$(sql "SELECT age FROM person WHERE code = 'K7M2QX'")" 40_59
on_screen "back in the visit form, the person is still attached" "Usager connu : 3 passages"
keys Enter
on_screen "the visit is saved" "Passage enregistré"
is "the visit is linked to the person" \
	"$(sql "SELECT count(*) FROM visit v JOIN person p ON p.id = v.person_id WHERE p.code = 'K7M2QX'")" 4
