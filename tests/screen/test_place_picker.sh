# SPDX-License-Identifier: GPL-3.0-or-later
# The place picker of "Lieu d'orientation": letters typed list the places of
# the directory (name, commune, services…), Down and Enter pick one; the
# form shows its hours today and whether it is open now (Wednesday
# 18 November 2026, 10:30), stores its uid in referral_place, fills
# "Orienté vers" from its category when empty; a text not in the directory
# stays a free-text place.
. "$TESTS_DIR/screen/lib.sh"

run place import "$TESTS_DIR/fixtures/places-rennes.csv"
check "the sample places are imported" rc_is 0
run place edit cd35-cdas-cleunay --category social
CDAS=$(sql "SELECT uid FROM place WHERE id = 'cd35-cdas-cleunay'")
VILLEJEAN=$(sql "SELECT uid FROM place WHERE id = 'rm-mediatheque-villejean'")
check "the places have their uids" [ -n "$CDAS" ] && [ -n "$VILLEJEAN" ]

start
wait_for "Aucun passage enregistré" || true
# Canal, Orienté par, Orienté vers (empty), then the place: Comment is hidden.
# (Faire pour: this visit is found again below by its posture.)
keys n s c 1 d a Tab Tab Tab
on_screen "the place field" ">Lieu d'orientation"
on_screen "it says what to type" "Tapez un nom, une commune, un service"
type_text "c"
on_screen "one letter: no search yet" "Tapez un nom, une commune, un service"
type_text "das"
on_screen "the directory is searched: one place" "Annuaire, 1 lieu"
on_screen "the place with its commune" "CDAS de Cleunay · Rennes"
keys Down Enter
on_screen "Enter picks the highlighted place" "Lieu choisi : CDAS de Cleunay"
on_screen "its hours today (a Wednesday)" "Aujourd'hui : 9 h–12 h et 13 h 30–17 h"
on_screen "open now, and until when" "Ouvert maintenant, ferme à 12 h"
on_screen "Orienté vers filled from its category" "Orienté vers       Structure d'aide"
on_screen "Comment appears with it" "Comment            —"
on_screen "the place's name in the field" "Lieu d'orientation CDAS de Cleunay"
keys Enter
on_screen "then Enter saves the visit" "Passage enregistré"
is "uid, name and category in the base" \
	"$(sql 'SELECT referral_place, referred_place, referred_to FROM visit')" \
	"$CDAS|CDAS de Cleunay|social"

# Orienté vers answered first stays; a place closed today says when it opens.
keys n s c 3 d a Tab Tab m Tab
on_screen "past Comment to the place" ">Lieu d'orientation"
type_text "villejean"
on_screen "found by its name" "Médiathèque de Villejean · Rennes"
keys Down Enter
on_screen "closed on Wednesdays" "Aujourd'hui : fermé"
on_screen "and when it opens" "Fermé maintenant, ouvre demain à 10 h"
on_screen "Orienté vers kept as answered" "Orienté vers       Atelier ou lieu"
keys Enter
on_screen "the second visit is saved" "2 passages"
is "the médiathèque, with mediation kept" \
	"$(sql "SELECT referred_to FROM visit WHERE referral_place = '$VILLEJEAN'")" mediation

# By service: several places; Up/Down move; a text not in the directory.
keys n s c 3 d a Tab Tab Tab
type_text "aide aux d"
on_screen "a service finds several places" "lieux (Bas, puis Entrée)"
keys Down Down Up
type_text "zzz"
on_screen "no place: the text stays the place" "Aucun lieu de l'annuaire"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
on_screen "erased: no search" "Tapez un nom, une commune, un service"
type_text "Chez l'écrivain public"
keys Enter
on_screen "a free-text place is saved with Enter" "3 passages"
is "free text, no uid" \
	"$(sql "SELECT referred_place || '|' || coalesce(referral_place, '-') FROM visit WHERE referred_place LIKE 'Chez%'")" \
	"Chez l'écrivain public|-"

# Editing a picked place's text drops the directory's uid.
keys /
type_text "faire pour"
on_screen "the first visit found by its posture" "Recherche : faire pour_ (1)"
keys Enter Enter
on_screen "the first visit opens" "Modifier le passage"
on_screen "it is the one of the CDAS" "Lieu d'orientation CDAS de Cleunay"
keys M-l
on_screen "the picked place shows with its hours" "Ouvert maintenant, ferme à 12 h"
type_text " (2e étage)"
not_on_screen "typed on: no longer the directory's place" "Lieu de l'annuaire :"
keys Enter
on_screen "saved" "Passage modifié"
is "the text kept, the uid gone" \
	"$(sql "SELECT referred_place || '|' || coalesce(referral_place, '-') FROM visit WHERE referred_place LIKE 'CDAS%'")" \
	"CDAS de Cleunay (2e étage)|-"
keys q
check "q quits" wait_exit

# A draft keeps the referral: how, the place and its uid, through a kill.
start
wait_for "passages" || true
keys n s c 3 d a Tab Tab f r
on_screen "Comment answered" "Comment            Rendez-vous pris"
type_text "cleunay"
keys Down Enter
on_screen "the place picked" "Lieu choisi : CDAS de Cleunay"
kill -KILL "$(carnet_pid)"
check "carnet is killed" wait_exit
is "nothing saved: three visits" "$(nvisits)" 3
start
on_screen "the draft is offered" "le reprendre ?"
keys Enter
on_screen "Comment came back" "Comment            Rendez-vous pris"
on_screen "the place came back, with its hours" "Ouvert maintenant, ferme à 12 h"
keys Enter
on_screen "the resumed visit is saved" "Passage enregistré"
is "how, the place's uid, name and category kept" \
	"$(sql "SELECT referral_how, referral_place, referred_place, referred_to FROM visit WHERE referral_how IS NOT NULL")" \
	"rdv|$CDAS|CDAS de Cleunay|france_services"
keys q
check "q quits after the draft" wait_exit

# The follow-through names the directory's place.
run person new --code K7M2QX
run add --date 2026-11-12 --duration 20 --demand suivi --posture avec --person K7M2QX \
	--referral-place cd35-cdas-cleunay --referral-how explique
check "a referral to a place of the directory" rc_is 0
start
wait_for "Aucun passage" || wait_for "passages" || true
keys n s c 3 d a Tab Tab Tab Tab Tab Tab
type_text "k7m2qx"
on_screen "the panel names the place from the directory" "Orientée vers CDAS de Cleunay le"
keys Escape
wait_for "Abandonner" && keys o
keys q
check "q quits again" wait_exit
