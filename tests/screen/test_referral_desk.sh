# SPDX-License-Identifier: GPL-3.0-or-later
# A referral at the desk: "Comment" (how the person was referred) appears in
# the visit form once "Orienté vers" is answered, one key answers it, and it
# goes with "Orienté vers" when that is cleared.
. "$TESTS_DIR/screen/lib.sh"

start
wait_for "Aucun passage enregistré" || true

# A visit without referral: no "Comment" in the form, the typical keys.
keys n
on_screen "the form opens" "Nouveau passage"
not_on_screen "without « orienté vers », no Comment field" "Comment"
keys M-m
on_screen "the mediator keeps its jump letter m" ">Médiateur"
keys Escape
wait_for "Saisie abandonnée" || true

# n s c 3 d a: demand, organism, posture, duration, outcome; then Canal,
# Orienté par, Orienté vers (f: France Services), and Comment comes next.
keys n s c 3 d a Tab Tab f
on_screen "referred to is answered" "Orienté vers       France Services"
on_screen "the Comment field appears, focused" ">Comment"
on_screen "its values are offered, with their keys" "( ) r  Rendez-vous pris pour la"
on_screen "… all three" "( ) a  Accompagnée sur place"
keys r
on_screen "one key answers it" "Comment            Rendez-vous pris"
on_screen "and the cursor goes on to the place" ">Lieu d'orientation"
keys Enter
on_screen "the visit is saved" "Passage enregistré"
is "one visit" "$(nvisits)" 1
is "referred to and how, in the base" \
	"$(sql 'SELECT referred_to, referral_how FROM visit')" "france_services|rdv"

# Editing it: clearing "Orienté vers" takes "Comment" away with it.
keys Enter
on_screen "the visit opens for editing" "Modifier le passage"
on_screen "Comment shows the stored answer" "Comment            Rendez-vous pris"
keys M-v
on_screen "Alt+v goes to Orienté vers" ">Orienté vers"
keys BSpace
not_on_screen "cleared, the Comment field goes" "Comment"
keys Enter
on_screen "the change is saved" "Passage modifié"
is "no referral left, how included" \
	"$(sql "SELECT coalesce(referred_to, '') || '|' || coalesce(referral_how, '') FROM visit")" "|"

# The accompanied way, through the field's filter too (/ then letters).
keys n s c 3 d a Tab Tab f / s u r Enter
on_screen "the filtered value is picked" "Comment            Accompagnée sur pl"
keys Enter
on_screen "the second visit is saved" "2 passages"
is "accompagne in the base" \
	"$(sql "SELECT referral_how FROM visit WHERE referral_how IS NOT NULL")" accompagne
is "no draft is left behind" "$(ndrafts)" 0

keys q
check "q quits" wait_exit
