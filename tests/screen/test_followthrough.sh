# SPDX-License-Identifier: GPL-3.0-or-later
# The follow-through at the desk: a returning person's panel (Usager field)
# shows their last referral still open before the form's date; F7, F8, F9
# record s'y est rendue / non / ne sait pas on that earlier visit, in their
# own transaction, and answering again corrects it.
. "$TESTS_DIR/screen/lib.sh"

for code in K7M2QX ZZZ999 NEW111; do
	run person new --code "$code"
done
# K7M2QX: an older referral, answered, and the last one, open.
run add --date 2026-11-02 --duration 20 --demand suivi --posture pour --person K7M2QX \
	--referred-to social --referral-how explique
V0=$(sql "SELECT id FROM visit WHERE date = '2026-11-02'")
run referral answer "$V0" non
run add --date 2026-11-12 --duration 20 --demand suivi --posture devant --person K7M2QX \
	--referred-to organisme --referred-place "CAF de Maurepas" --referral-how rdv
V1=$(sql "SELECT id FROM visit WHERE date = '2026-11-12'")
# ZZZ999: a referral later than the form's date (not before it) only.
run add --date 2026-11-20 --duration 20 --demand info --posture avec --person ZZZ999 \
	--referred-to droit
# NEW111: a visit without referral.
run add --date 2026-11-10 --duration 20 --demand info --posture avec --person NEW111
check "the visits are in" [ "$(nvisits)" -eq 4 ]
UPD=$(sql "SELECT updated_at FROM visit WHERE id = '$V1'")

start
wait_for "Aucun passage enregistré" || true
# n s c 3 d a answer six fields; the Usager field is six further down.
keys n s c 3 d a Tab Tab Tab Tab Tab Tab
on_screen "the Usager field" "Codes récents"
keys F7
on_screen "F7 with no one attached says what it needs" "choisissez d'abord l'usager"
type_text "k7m2qx"
on_screen "a returning person" "Usager connu : 2 passages"
on_screen "their last open referral, place, date and how" "Orientée vers CAF de Maurepas le"
on_screen "… in French short form, with how" "12/11, rendez-vous pris pour la"
on_screen "the answer keys are offered" "Suite ? F7 s'y est rendue · F8 non"
keys F7
on_screen "the answer is said on the status line" "Suite enregistrée : s'y est rendue"
is "stored on the earlier visit, with its time" \
	"$(sql "SELECT referral_went, referral_answered FROM visit WHERE id = '$V1'")" \
	"oui|2026-11-18T09:30:00.000Z"
check "the earlier visit's updated_at moved on (it merges)" \
	[ "$(sql "SELECT updated_at FROM visit WHERE id = '$V1'")" \> "$UPD" ]
is "the older referral is untouched" \
	"$(sql "SELECT referral_went FROM visit WHERE id = '$V0'")" non
on_screen "the panel shows the answer, and how to correct it" "Suite : s'y est rendue"
check "nothing new is saved: the form is still open" [ "$(nvisits)" -eq 4 ]
keys F9
on_screen "answering again corrects it" "Suite enregistrée : ne sait pas"
is "the correction is stored" "$(sql "SELECT referral_went FROM visit WHERE id = '$V1'")" nsp
keys F8
on_screen "F8: did not go" "Suite enregistrée : ne s'y est pas rendue"
is "non is stored" "$(sql "SELECT referral_went FROM visit WHERE id = '$V1'")" non
keys Enter
on_screen "the visit itself is saved" "Passage enregistré"
is "five visits" "$(nvisits)" 5
is "the new visit has no answer of its own" \
	"$(sql "SELECT coalesce(referral_went, '-') FROM visit WHERE date = '2026-11-18'")" -
is "the answer stayed on the earlier visit" \
	"$(sql "SELECT referral_went FROM visit WHERE id = '$V1'")" non

# A person whose only referral is after the form's date, and one without.
keys n s c 3 d a Tab Tab Tab Tab Tab Tab
type_text "zzz999"
on_screen "ZZZ999 is attached" "Usager connu : 1 passage"
not_on_screen "a referral after the form's date is not shown" "Orientée vers"
keys F7
on_screen "F7 says there is none" "Aucune orientation sans suite pour l'usager ZZZ999"
is "nothing answered" "$(sql "SELECT count(*) FROM visit WHERE referral_went IS NOT NULL")" 2
keys BSpace BSpace BSpace BSpace BSpace BSpace
type_text "new111"
on_screen "NEW111 is attached" "Usager connu : 1 passage"
not_on_screen "no referral, nothing shown" "Orientée vers"
# Out of the Usager field the keys say where they work.
keys Tab F7
on_screen "F7 elsewhere says where it works" "dans le champ Usager"
keys Escape
wait_for "Abandonner" && keys o
wait_for "Saisie abandonnée" || true
is "still two answers, five visits" \
	"$(sql "SELECT count(*) FROM visit WHERE referral_went IS NOT NULL") $(nvisits)" "2 5"

keys q
check "q quits" wait_exit
