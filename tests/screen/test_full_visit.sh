# SPDX-License-Identifier: GPL-3.0-or-later
# A visit with every field of the form answered through the screen, checked
# column by column in the database; then the person's profile (F6) filled
# from the Usager field of a second form.
. "$TESTS_DIR/screen/lib.sh"

# bs N: N backspaces (erases what a typed field holds).
bs() {
	n=$1
	while [ "$n" -gt 0 ]; do
		keys BSpace
		n=$((n - 1))
	done
}

mkdir -p "$XDG_CONFIG_HOME/carnet"
cat >"$XDG_CONFIG_HOME/carnet/carnet.ini" <<'EOF'
[site]
esc_blosne = ESC Le Blosne
esc_villejean = ESC Villejean

[mediateur]
cd = C. D.
ab = A. B.

[quartier]
blosne = Le Blosne
villejean = Villejean

[desk]
site = esc_blosne
mediator = cd
EOF

start
on_screen "the list opens on the desk's site" "ESC Le Blosne · mercredi 18 novembre 2026"
keys n
on_screen "n opens the form" "Nouveau passage · mercredi 18 novembre 2026"
on_screen "the site defaults to the desk's site" "Site *             ESC Le Blosne"
on_screen "the mediator defaults to the desk's mediator" "Médiateur          C. D."

# Demandes: s (suivi) ticks and moves on; back with Maj-Tab, Down to the
# second entry (demande), Space ticks it without moving.
keys s
on_screen "a demand key moves on to the organisms" ">Organismes"
keys BTab Down Space
on_screen "Space ticks the highlighted demand" "[x] d  Faire une demande"
on_screen "Space leaves the focus on the demands" ">Demandes"
on_screen "the first demand stays ticked" "[x] s  Suivre un dossier"

# Organismes: c (CAF) by key, then Impôts through the filter.
keys Tab c
on_screen "an organism key moves on to the posture" ">Posture"
keys BTab /
type_text "imp"
on_screen "the filter is shown" "Filtre : imp_"
on_screen "the filter keeps the matching organism" "Impôts (DGFiP)"
keys Enter
on_screen "Enter in the filter picks and moves on" ">Posture"
# Every chosen value shows, one a line.
on_screen "both organisms are in the field: the first" "Organismes         CAF"
on_screen "both organisms are in the field: the second, on the next line" "                   Impôts (DGFiP)"

# Posture 2 (devant), then a typed duration.
keys 2
on_screen "the posture is answered with a digit" "Posture *          Faire devant"
on_screen "the posture key moves on to the duration" ">Durée"
type_text "1h30"
on_screen "the typed duration is shown as typed (1h30)" "Saisie : 1h30_"
keys Tab
if wait_for ">Issue"; then
	ok "Tab after a typed duration moves on to the outcome"
else
	nok "Tab after a typed duration moves on to the outcome" \
		"focus is elsewhere: $(grep '^>' "$T/screen")"
	# Go back to the outcome so that the rest of the visit can be checked.
	i=0
	while ! grep -qF ">Issue" "$T/screen" && [ $i -lt 17 ]; do
		keys BTab
		sleep 0.1
		screen >"$T/screen"
		i=$((i + 1))
	done
fi
on_screen "the duration shows as 1 h 30" "Durée *            1 h 30"

# Issue a, Canal r, Orienté par t (travailleur social), Orienté vers m.
keys a
on_screen "the outcome is answered" "Issue              Démarche aboutie"
keys r
on_screen "the canal is answered" "Canal *            Sur rendez-vous"
keys t
on_screen "referred by is answered" "Orienté par        Travailleur social"
keys m
on_screen "referred to is answered" "Orienté vers       Atelier ou lieu de"
# Then how the person was referred: r, an appointment made for them.
on_screen "the focus is on how the person was referred" ">Comment"
keys r
on_screen "how is answered" "Comment            Rendez-vous pris"
on_screen "the focus is on the place" ">Lieu d'orientation"
type_text "Médiathèque Champs-Manceaux, près de l'église"
on_screen "the typed place shows its accents" "Médiathèque Champs"
on_screen "the place counter counts characters, not bytes" "45 / 120 caractères"
keys Tab o
on_screen "urgent: o answers oui" "Urgent             oui"
keys o
on_screen "person absent: o answers oui" "Personne absente   oui"
on_screen "the focus is on the person" ">Usager"
type_text "k7m2qx"
on_screen "the typed code is upper-cased" "Code : K7M2QX_"
keys +
on_screen "+ makes a new person of the typed code" "Nouvel usager K7M2QX"
on_screen "shown as new, not as a known person" "enregistré avec ce passage"
is "the new person is not written before the visit" "$(sql "SELECT count(*) FROM person WHERE code = 'K7M2QX'")" 0
keys Tab
type_text "Reçu à l'accueil « dossier complet », revient été"
on_screen "the note shows its accents and guillemets" "Reçu à l'accueil « dossier complet »,"
on_screen "the note counter" "49 / 500 caractères"
on_screen "the note reminds: no names" "Rappel : ni nom"
keys Tab
on_screen "the date is offered for change" ">Date *"
bs 10
type_text "2026-11-16"
keys Tab
on_screen "the changed date is taken (title)" "Nouveau passage · lundi 16 novembre 2026"
bs 5
type_text "14h05"
on_screen "the time is typed as 14h05" "14h05_"
keys Tab
on_screen "the time is normalised" "Heure *            14:05"
on_screen "the site list offers both sites" "ESC Villejean"
keys v
on_screen "the site is changed" "Site *             ESC Villejean"
keys a
# The pick wraps to Demandes; with "Comment" shown the last field is below
# the fold: Maj-Tab goes back to it.
keys BTab
on_screen "the mediator is changed" "Médiateur          A. B."
check "nothing is saved before Enter" [ "$(nvisits)" -eq 0 ]
is "a draft is kept while typing" "$(ndrafts)" 1
keys Enter
on_screen "the visit is saved" "Passage enregistré : 14:05, Suivre un dossier"

is "one visit" "$(nvisits)" 1
is "date, time, duration, site, mediator, canal, posture" \
	"$(sql 'SELECT date, time, duration, site, mediator, canal, posture FROM visit')" \
	"2026-11-16|14:05|90|esc_villejean|ab|rdv|devant"
is "present 0 (person absent), outcome, urgent 1" \
	"$(sql 'SELECT present, outcome, urgent FROM visit')" "0|aboutie|1"
is "referred by, referred to, place with its accents" \
	"$(sql 'SELECT referred_by, referred_to, referred_place FROM visit')" \
	"social|mediation|Médiathèque Champs-Manceaux, près de l'église"
is "how the person was referred" "$(sql 'SELECT referral_how FROM visit')" rdv
is "the note, accents and guillemets intact" "$(sql 'SELECT note FROM visit')" \
	"Reçu à l'accueil « dossier complet », revient été"
is "the person is linked by its id" \
	"$(sql 'SELECT p.code FROM visit v JOIN person p ON p.id = v.person_id')" K7M2QX
is "the demands in the order ticked (main demand first)" \
	"$(sql "SELECT group_concat(demands, ' ') FROM visit")" \
	"suivi|demande"
is "the organisms in the order ticked" \
	"$(sql "SELECT group_concat(organisms, ' ') FROM visit")" \
	"caf|impots"
is "created_at and updated_at from CARNET_NOW (UTC), not deleted" \
	"$(sql "SELECT created_at, updated_at, coalesce(deleted_at, 'NULL') FROM visit")" \
	"2026-11-18T09:30:00.000Z|2026-11-18T09:30:00.000Z|NULL"
check "the id is a UUID v4" sh -c "sqlite3 '$DB' 'SELECT id FROM visit' | grep -Eq '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'"
is "the draft is gone" "$(ndrafts)" 0
is "the person was created once, without a profile" \
	"$(sql "SELECT count(*), coalesce(max(age), '') FROM person")" "1|"
on_screen "the list shows the day of the saved visit" "lundi 16 novembre 2026"
run show "$(sql 'SELECT id FROM visit')"
check "carnet show reads the visit back" out_has "K7M2QX"

# A second form: the person from the recent codes, then the profile (F6).
keys .
on_screen "back to today" "mercredi 18 novembre 2026"
keys n
on_screen "a second form" "Nouveau passage"
keys BTab BTab BTab BTab BTab BTab
on_screen "six fields back is the person" ">Usager"
on_screen "the recent codes list the new person, with their last visit" "K7M2QX  16/11/26  Suivre un dossier"
keys F6
on_screen "F6 without a person says so" "Aucun usager rattaché"
keys Space
on_screen "Space attaches the highlighted recent code" "Usager connu : 1 passage"
on_screen "the person's history shows the posture" "Postures : Faire devant"
keys F6
on_screen "F6 opens the profile" "Profil de l'usager K7M2QX"
keys 6
on_screen "the age range is answered" "Tranche d'âge      60-69 ans"
keys f
on_screen "the gender is answered" "Femme"
keys b
on_screen "the area (configured quartier) is answered" "Le Blosne"
keys r
on_screen "the situation is answered" "Retraité·e"
keys s
on_screen "a first equipment is ticked" "Smartphone"
keys BTab /
type_text "inter"
on_screen "the equipment filter" "Filtre : inter_"
keys Enter
on_screen "a second equipment is ticked through the filter: the first" "Équipement         Smartphone"
on_screen "a second equipment is ticked through the filter: the second, below" "                   Connexion internet"
keys Enter
on_screen "the profile is saved" "Profil de l'usager K7M2QX enregistré"
on_screen "back on the visit form" "Nouveau passage"
is "the profile columns" "$(sql "SELECT code, age, gender, area, situation FROM person")" \
	"K7M2QX|60_69|femme|blosne|retraite"
is "the equipment, in order" \
	"$(sql "SELECT equipment FROM person WHERE code = 'K7M2QX'")" \
	"smartphone|internet"

# + with no code typed: a generated code.
bs 6
on_screen "the code is erased" "Code : _"
keys +
if wait_for "Nouvel usager "; then
	new=$(sed -n 's/.*Nouvel usager \([A-Z0-9]*\) .*/\1/p' "$T/screen")
	ok "+ without a code creates a generated code"
else
	new=""
	nok "+ without a code creates a generated code" "$(tail -n 1 "$T/screen")"
fi
is "the generated code is not written before the visit" "$(sql "SELECT count(*) FROM person WHERE code = '$new' AND code <> 'K7M2QX'")" 0
keys Escape
on_screen "abandoning a filled form asks first" "Abandonner ce passage ? (o/n)"
keys o
on_screen "the form is abandoned" "Saisie abandonnée"
is "still one visit" "$(nvisits)" 1
is "the abandoned form left no person behind" "$(sql "SELECT count(*) FROM person WHERE code = '$new'")" 0
is "no draft left" "$(ndrafts)" 0
keys q
check "q quits" wait_exit
is "exit status 0" "$EXIT" 0
