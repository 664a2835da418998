# SPDX-License-Identifier: GPL-3.0-or-later
# carnet workshop add, show, edit, delete, list, and the workshops of
# carnet person show.
. "$TESTS_DIR/cli/lib.sh"

UUID_RE='^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
# w COLUMNS: columns of the workshop $ID.
w() { sql "SELECT $1 FROM workshop WHERE id = '$ID'"; }
# parts: the participants of $ID in their order, "CODE:present,…".
parts() {
	sql "SELECT group_concat(code || ':' || present, ',') FROM (SELECT p.code, wp.present
	     FROM workshop_participant wp JOIN person p ON p.id = wp.person_id
	     WHERE wp.workshop_id = '$ID' ORDER BY wp.rank)"
}
# dump: every row of the workshop tables, to see that nothing was written.
dump() {
	if [ -s "$DB" ]; then
		sql "SELECT * FROM workshop ORDER BY id; SELECT * FROM workshop_participant ORDER BY 1, 2;"
	fi
}
# line LABEL VALUE: show printed "LABEL : VALUE".
line() { grep -q "^ *$1 *: *$2\$" "$T/out"; }
# add_ws OPTIONS…: workshop add with a duration, a theme and one anonymous
# attendee, then OPTIONS; the id goes to $ID.
add_ws() {
	run workshop add --duration 60 --theme internet --anonymous 1 "$@"
	ID=$(head -n 1 "$T/out")
}

mkdir -p "$XDG_CONFIG_HOME/carnet"
cat >"$XDG_CONFIG_HOME/carnet/carnet.ini" <<'EOF'
[site]
esc_blosne = ESC Le Blosne
maison = Maison de quartier
[mediateur]
mcd = M. C. D.
ab = A. B.
[desk]
site = esc_blosne
mediator = mcd
EOF

run person new --code K7M2QX
run person new --code AB12CD
run person new --code QR34ST

# ---- minimal add: the defaults
run workshop add --duration 90 --theme mail --anonymous 6
ID=$(cat "$T/out")
check "minimal add: exit 0" rc_is 0
check "minimal add: nothing on stderr" err_empty
check "minimal add: prints a UUID v4" grep -Eq "$UUID_RE" "$T/out"
is "minimal add: one workshop in the base" "$(sql 'SELECT count(*) FROM workshop')" 1
is "default date is today" "$(w date)" 2026-11-18
is "default time is now" "$(w time)" 10:30
is "default site from [desk]" "$(w site)" esc_blosne
is "default mediator from [desk]" "$(w mediators)" mcd
is "duration in minutes" "$(w duration)" 90
is "theme stored" "$(w themes)" mail
is "anonymous attendees stored" "$(w anonymous)" 6
is "registrations not known by default" "$(w "registered IS NULL")" 1
is "no participant by default" "$(parts)" ""
is "no level, place, title, equipment, note by default" \
	"$(w "coalesce(level,'') || coalesce(place,'') || coalesce(title,'') || coalesce(equipment,'') || coalesce(note,'')")" ""
is "not deleted" "$(w "deleted_at IS NULL")" 1

# ---- every option
run workshop add --date 2026-11-05 --time 14h30 --duration "1 h 30" --site maison \
	--mediator mcd --mediator ab --title "Ma messagerie" --theme mail,securite \
	--level debutant --place hors_murs --registered 5 --participant K7M2QX \
	--participant AB12CD:absent,QR34ST --anonymous 5 --anonymous-gender femme=3,homme=2 \
	--anonymous-age 25_39=2,60_69=1 --anonymous-situation retraite=2 \
	--equipment ordinateur,tablette --note "Deux tablettes prêtées"
ID=$(cat "$T/out")
check "full add: exit 0" rc_is 0
is "--date" "$(w date)" 2026-11-05
is "--time (14h30)" "$(w time)" 14:30
is "--duration (1 h 30)" "$(w duration)" 90
is "--site" "$(w site)" maison
is "--mediator repeated: co-led, in order" "$(w mediators)" "mcd|ab"
is "--title" "$(w title)" "Ma messagerie"
is "--theme a,b in order" "$(w themes)" "mail|securite"
is "--level" "$(w level)" debutant
is "--place" "$(w place)" hors_murs
is "--registered" "$(w registered)" 5
is "--participant repeated, :absent, in order" "$(parts)" "K7M2QX:1,AB12CD:0,QR34ST:1"
is "--anonymous" "$(w anonymous)" 5
is "--anonymous-gender" "$(w anon_gender)" "femme=3|homme=2"
is "--anonymous-age" "$(w anon_age)" "25_39=2|60_69=1"
is "--anonymous-situation" "$(w anon_situation)" "retraite=2"
is "--equipment" "$(w equipment)" "ordinateur|tablette"
is "--note" "$(w note)" "Deux tablettes prêtées"
FULL=$ID

add_ws --duration 1h30 --mediator mcd,ab
is "--duration 1h30" "$(w duration)" 90
is "--mediator a,b" "$(w mediators)" "mcd|ab"
add_ws --duration 45 --mediator ""
is "--mediator \"\": led by nobody in particular" "$(w "coalesce(mediators,'')")" ""
add_ws --theme mail --theme securite --equipment tablette --equipment ordinateur
is "--theme repeated: the last one counts, as add's --demand" "$(w themes)" securite
is "--equipment repeated: the last one counts" "$(w equipment)" ordinateur
add_ws --participant k7m2qx
is "participant code in lowercase is normalised" "$(parts)" "K7M2QX:1"
add_ws --registered 0
is "--registered 0" "$(w registered)" 0
sql "DELETE FROM workshop_participant WHERE workshop_id <> '$FULL'; DELETE FROM workshop WHERE id <> '$FULL'"

# ---- walk-ins: registered < present is accepted and shown
run workshop add --duration 60 --theme internet --registered 5 --anonymous 5 \
	--participant K7M2QX,AB12CD
ID=$(cat "$T/out")
check "fewer registered than present: accepted" rc_is 0
run workshop show "$ID"
check "show: walk-ins told" line "Participation" "7 présents pour 5 inscrits : 2 venus sans inscription"
WALKIN=$ID

# ---- refused values: option named, accepted values, nothing written
refused "--duration missing" 1 "--duration" workshop add --theme mail --anonymous 2
refused "--duration 0" 1 "--duration" workshop add --duration 0 --theme mail --anonymous 2
refused "--duration 481" 1 "de 1 à 480" workshop add --duration 481 --theme mail --anonymous 2
refused "--duration abc" 1 "--duration" workshop add --duration abc --theme mail --anonymous 2
refused "--date 2026-13-01" 1 "--date" workshop add --date 2026-13-01 --duration 60 --theme mail --anonymous 2
refused "--time 25:00" 1 "--time" workshop add --time 25:00 --duration 60 --theme mail --anonymous 2
refused "--site unknown" 1 "--site" workshop add --site lune --duration 60 --theme mail --anonymous 2
check "--site unknown: accepted values listed" err_has "esc_blosne"
refused "--mediator unknown" 1 "--mediator" workshop add --mediator zz --duration 60 --theme mail --anonymous 2
check "--mediator unknown: accepted values listed" err_has "mcd"
refused "--theme missing" 1 "--theme" workshop add --duration 60 --anonymous 2
check "--theme missing: accepted values listed" err_has "prise_en_main"
refused "--theme unknown" 1 "--theme" workshop add --duration 60 --theme cuisine --anonymous 2
check "--theme unknown: accepted values listed" err_has "securite"
refused "--theme bad shape" 1 "--theme" workshop add --duration 60 --theme "a b,,!" --anonymous 2
refused "--level unknown" 1 "--level" workshop add --duration 60 --theme mail --level expert --anonymous 2
check "--level unknown: accepted values listed" err_has "intermediaire"
refused "--place unknown" 1 "--place" workshop add --duration 60 --theme mail --place lune --anonymous 2
check "--place unknown: accepted values listed" err_has "hors_murs"
refused "--registered 1000" 1 "--registered" workshop add --duration 60 --theme mail --registered 1000 --anonymous 2
check "--registered 1000: the bounds said" err_has "de 0 à 999"
refused "--registered -1" 1 "--registered" workshop add --duration 60 --theme mail --registered -1 --anonymous 2
refused "--registered abc" 1 "--registered" workshop add --duration 60 --theme mail --registered abc --anonymous 2
refused "--anonymous 1000" 1 "--anonymous" workshop add --duration 60 --theme mail --anonymous 1000
refused "--anonymous x" 1 "--anonymous" workshop add --duration 60 --theme mail --anonymous x
refused "--anonymous-gender femme=x" 1 "--anonymous-gender" workshop add --duration 60 --theme mail --anonymous 2 --anonymous-gender femme=x
check "--anonymous-gender femme=x: accepted values listed" err_has "homme"
refused "--anonymous-gender unknown code" 1 "--anonymous-gender" workshop add --duration 60 --theme mail --anonymous 2 --anonymous-gender robot=1
check "--anonymous-gender unknown code: accepted values listed" err_has "femme"
refused "--anonymous-gender more than the anonymous" 1 "--anonymous-gender" workshop add --duration 60 --theme mail --anonymous 2 --anonymous-gender femme=3
refused "--anonymous-age unknown" 1 "--anonymous-age" workshop add --duration 60 --theme mail --anonymous 2 --anonymous-age 200=1
check "--anonymous-age unknown: accepted values listed" err_has "25_39"
refused "--anonymous-situation unknown" 1 "--anonymous-situation" workshop add --duration 60 --theme mail --anonymous 2 --anonymous-situation chomeur=1
check "--anonymous-situation unknown: accepted values listed" err_has "retraite"
refused "--equipment unknown" 1 "--equipment" workshop add --duration 60 --theme mail --anonymous 2 --equipment stylo
check "--equipment unknown: accepted values listed" err_has "tablette"
refused "--equipment aucun with another" 1 "--equipment" workshop add --duration 60 --theme mail --anonymous 2 --equipment aucun,ordinateur
refused "--participant bad code" 1 "--participant" workshop add --duration 60 --theme mail --participant "x!"
refused "--participant bad presence" 1 "--participant" workshop add --duration 60 --theme mail --participant K7M2QX:peutetre
refused "--participant twice" 1 "--participant" workshop add --duration 60 --theme mail --participant K7M2QX --participant K7M2QX
refused "--participant unknown person" 3 "usager inconnu" workshop add --duration 60 --theme mail --participant ZZ99ZZ
check "--participant unknown person: option named" err_has "--participant"
refused "nobody present (only absent)" 1 "--participant" workshop add --duration 60 --theme mail --participant K7M2QX:absent
check "nobody present: --anonymous named too" err_has "--anonymous"
refused "nobody at all" 1 "--anonymous" workshop add --duration 60 --theme mail
refused "--title too long" 1 "--title" workshop add --duration 60 --theme mail --anonymous 2 --title "$(printf '%0121d' 0)"
refused "--note too long" 1 "--note" workshop add --duration 60 --theme mail --anonymous 2 --note "$(printf '%0501d' 0)"
refused "unknown option" 2 "--frobnicate" workshop add --duration 60 --theme mail --anonymous 2 --frobnicate
refused "--no-participant is for edit" 2 "--no-participant" workshop add --duration 60 --theme mail --anonymous 2 --no-participant K7M2QX
refused "an argument too many" 2 "argument en trop" workshop add --duration 60 --theme mail --anonymous 2 extra
refused "no subcommand" 2 "sous-commande manquante" workshop
check "no subcommand: the choices named" err_has "add, list, show, edit ou delete"
refused "unknown subcommand" 2 "sous-commande inconnue" workshop frobnicate

# ---- no site anywhere
mkdir -p "$T/nosite/carnet"
cat >"$T/nosite/carnet/carnet.ini" <<'EOF'
[site]
esc_blosne = ESC Le Blosne
maison = Maison de quartier
EOF
XDG_CONFIG_HOME=$T/nosite
refused "no site: --site required" 1 "--site" workshop add --duration 60 --theme mail --anonymous 2
check "no site: accepted values listed" err_has "esc_blosne"
run workshop add --duration 60 --theme mail --anonymous 2 --site maison
ID=$(cat "$T/out")
is "no [desk] mediator: led by nobody in particular" "$(w "coalesce(mediators,'')")" ""
sql "DELETE FROM workshop WHERE id = '$ID'"
XDG_CONFIG_HOME=$T/config

# ---- show
ID=$FULL
run workshop show "$(printf %.8s "$ID")"
check "show by 8-character prefix: exit 0" rc_is 0
check "show: the id" line "Identifiant" "$ID"
check "show: the date" line "Date" "2026-11-05"
check "show: the duration" line "Durée" "1 h 30"
check "show: the site's label" line "Site" "Maison de quartier"
check "show: the mediators' labels" line "Médiateurs" "M. C. D. ; A. B."
check "show: the title" line "Titre" "Ma messagerie"
check "show: the themes' labels" line "Thèmes" "E-mail, messagerie ; Sécurité, arnaques"
check "show: the level's label" line "Niveau" "Débutant"
check "show: the place's label" line "Lieu" "Hors les murs"
check "show: registrations" line "Inscrits" "5"
check "show: attendance" line "Participation" "7 présents pour 5 inscrits : 2 venus sans inscription"
check "show: a participant present" grep -q "K7M2QX présent" "$T/out"
check "show: a participant absent" grep -q "AB12CD absent" "$T/out"
check "show: anonymous count" line "Anonymes" "5"
check "show: anonymous by gender, labels" line "Anonymes par genre" "Femme (3) ; Homme (2)"
check "show: anonymous by age, labels" line "Anonymes par âge" "25-39 ans (2) ; 60-69 ans (1)"
check "show: anonymous by situation" line "Anonymes par situation" "Retraité·e (2)"
check "show: equipment labels" line "Matériel" "Ordinateur ; Tablette"
check "show: the note" line "Note" "Deux tablettes prêtées"
check "show: no code printed for a label" sh -c "! grep -q 'securite\|hors_murs' '$T/out'"
run workshop add --duration 60 --theme mail --anonymous 4 --registered 8
ID=$(cat "$T/out")
run workshop show "$ID"
check "show: attendance rate when fewer came" line "Participation" "4 présents pour 8 inscrits (50,0.%)"
check "show: a missing level shown as —" line "Niveau" "—"
sql "DELETE FROM workshop WHERE id = '$ID'"
refused "show of an unknown id" 3 "ffffffff" workshop show ffffffff
refused "show without id" 2 "identifiant de l'atelier manquant" workshop show
refused "show with two ids" 2 "argument en trop" workshop show "$FULL" "$FULL"
refused "show with an option" 2 "--frobnicate" workshop show --frobnicate "$FULL"

# ---- edit: the fields given, nothing else
ID=$FULL
OTHERS="date, time, duration, site, mediators, themes, level, place, registered, anonymous, anon_gender, anon_age, anon_situation, equipment, note, created_at"
before=$(w "$OTHERS")
run workshop edit "$ID" --title "Messagerie et sécurité"
check "edit --title: exit 0" rc_is 0
is "edit prints the id" "$(cat "$T/out")" "$ID"
is "edit --title: stored" "$(w title)" "Messagerie et sécurité"
is "edit --title: the other fields kept" "$(w "$OTHERS")" "$before"
is "edit --title: the participants kept" "$(parts)" "K7M2QX:1,AB12CD:0,QR34ST:1"
run workshop edit "$ID" --participant AB12CD:present
is "edit --participant CODE:present: presence changed" "$(parts)" "K7M2QX:1,AB12CD:1,QR34ST:1"
run workshop edit "$ID" --participant K7M2QX:absent
is "edit --participant CODE:absent: presence changed" "$(parts)" "K7M2QX:0,AB12CD:1,QR34ST:1"
run workshop edit "$ID" --no-participant QR34ST
check "edit --no-participant: exit 0" rc_is 0
is "edit --no-participant: taken away" "$(parts)" "K7M2QX:0,AB12CD:1"
run workshop edit "$ID" --participant QR34ST:absent
is "edit --participant: a new one added at the end" "$(parts)" "K7M2QX:0,AB12CD:1,QR34ST:0"
run workshop edit "$ID" --registered "" --level "" --place "" --title "" --equipment "" --note ""
check "edit clears with \"\": exit 0" rc_is 0
is "edit clears registrations, level, place, title, equipment, note" \
	"$(w "registered IS NULL AND level IS NULL AND place IS NULL AND coalesce(title,'') = '' AND equipment IS NULL AND coalesce(note,'') = ''")" 1
run workshop edit "$ID" --theme culture --mediator ab --site esc_blosne --date 2026-11-06 \
	--time 09:00 --duration 120 --anonymous 3 --anonymous-gender femme=1 --anonymous-age "" \
	--anonymous-situation ""
check "edit of several fields: exit 0" rc_is 0
is "edit of several fields: stored" "$(w "themes || ' ' || mediators || ' ' || site || ' ' || date || ' ' || time || ' ' || duration || ' ' || anonymous || ' ' || anon_gender || ' ' || coalesce(anon_age,'-') || coalesce(anon_situation,'-')")" \
	"culture ab esc_blosne 2026-11-06 09:00 120 3 femme=1 --"
refused "edit --no-participant of someone not there" 1 "--no-participant" workshop edit "$ID" --no-participant ZZ99ZZ
refused "edit --no-participant CODE:absent" 1 "--no-participant" workshop edit "$ID" --no-participant AB12CD:absent
refused "edit with a bad value" 1 "--level" workshop edit "$ID" --level expert
refused "edit --anonymous-gender above the anonymous" 1 "--anonymous-gender" workshop edit "$ID" --anonymous 0
refused "edit leaving nobody present" 1 "--participant" workshop edit "$ID" --anonymous 0 --anonymous-gender "" --participant AB12CD:absent
refused "edit --theme \"\"" 1 "--theme" workshop edit "$ID" --theme ""
refused "edit an unknown participant" 3 "usager inconnu" workshop edit "$ID" --participant ZZ99ZZ
refused "edit without a field" 2 "aucun champ" workshop edit "$ID"
refused "edit without id" 2 "identifiant de l'atelier manquant" workshop edit --title x
refused "edit of an unknown id" 3 "ffffffff" workshop edit ffffffff --title x

# ---- list
sql "DELETE FROM workshop_participant; DELETE FROM workshop"
add_ws --date 2026-11-03 --time 09:00 --duration 90 --theme mail,securite --level debutant \
	--anonymous 6 --participant K7M2QX
A=$ID
add_ws --date 2026-11-10 --time 14:00 --duration 60 --theme contenus --anonymous 4 \
	--site maison --mediator ab --participant AB12CD:absent --title "=1+1"
B=$ID
add_ws --date 2026-11-20 --time 10:00 --duration 120 --theme bureautique --level avance \
	--anonymous 10 --mediator mcd,ab
C=$ID
add_ws --date 2026-10-28 --duration 30 --anonymous 2
OCT=$ID
run workshop list
check "list: exit 0" rc_is 0
check "list: nothing on stderr" err_empty
check "list: the current month by default (not October)" sh -c "! grep -q 2026-10-28 '$T/out'"
check "list: a header" grep -q "^Date *Heure *Durée *Thèmes *Niveau *Présents *Id$" "$T/out"
check "list: a row with the first theme, +1, level, present, id" \
	grep -q "^2026-11-03 09:00  1 h 30 E-mail, messagerie  *+1 Débutant  *7 $(printf %.8s "$A")$" "$T/out"
check "list: in date order" sh -c "grep -n 2026-11 '$T/out' | cut -d: -f2 | cut -c1-10 | sort -c"
check "list: the total" out_has "3 ateliers, 4 h 30, 21 présents"
check "list: fits 80 columns" [ "$(wc -L <"$T/out")" -le 80 ]
run workshop list --from 2026-10-01 --to 2026-10-31
check "list --from --to: October's" grep -q "^2026-10-28" "$T/out"
check "list --from --to: one workshop" out_has "1 atelier, 30 min, 2 présents"
run workshop list --site maison
check "list --site: the one of that site" grep -q "$(printf %.8s "$B")" "$T/out"
check "list --site: one" out_has "1 atelier,"
run workshop list --mediator ab
check "list --mediator: co-led ones count" out_has "2 ateliers, 3 h 00, 14 présents"
run workshop list --person AB12CD
check "list --person: a presence column" grep -q "Présence" "$T/out"
check "list --person: absent shown" grep -q "absent *$(printf %.8s "$B")" "$T/out"
check "list --person: total of presences" out_has "1 atelier, 0 présence"
run workshop list --from 2026-12-01 --to 2026-12-31
check "list of an empty period: said" out_is "Aucun atelier du 2026-12-01 au 2026-12-31."
run workshop list --format csv
check "list csv: exit 0" rc_is 0
check "list csv: a BOM" sh -c "head -c 3 '$T/out' | od -An -tx1 | grep -q 'ef bb bf'"
check "list csv: the header" grep -q "^.*id;date;heure;duree;site;mediateurs;titre;themes;niveau;lieu;inscrits;presents;participants;anonymes;anonymes_genre;anonymes_age;anonymes_situation;materiel;note" "$T/out"
check "list csv: CRLF" sh -c "head -n 1 '$T/out' | od -c | grep -q '\\\\r  \\\\n'"
is "list csv: a header and three rows" "$(wc -l <"$T/out" | tr -d ' ')" 4
check "list csv: labels, several joined by |" out_has ";E-mail, messagerie | Sécurité, arnaques;Débutant;"
check "list csv: participants with their presence" out_has ";AB12CD (absent);"
check "list csv: a title like a formula guarded" out_has ";'=1+1;"
check "list csv: co-led" out_has ";M. C. D. | A. B.;"
run workshop list --format csv -o "$T/ateliers.csv"
check "list -o: exit 0" rc_is 0
check "list -o: nothing on stdout" out_empty
check "list -o: the file written" grep -q "$(printf %.8s "$C")" "$T/ateliers.csv"
refused "list --format xlsx" 1 "table, csv" workshop list --format xlsx
refused "list --format bad" 1 "--format" workshop list --format pdf
refused "list --to before --from" 1 "--to" workshop list --from 2026-11-10 --to 2026-11-01
refused "list --person bad" 1 "--person" workshop list --person "x!"
refused "list unknown option" 2 "--frobnicate" workshop list --frobnicate

# ---- delete
run workshop delete "$(printf %.8s "$B")"
check "delete: exit 0" rc_is 0
is "delete: says what was deleted" "$(cat "$T/out")" "Atelier supprimé : $B"
ID=$B
is "delete: a tombstone, the row kept" "$(w "deleted_at IS NOT NULL")" 1
refused "show of a deleted workshop" 3 "$(printf %.8s "$B")" workshop show "$B"
refused "delete of a deleted workshop" 3 "$(printf %.8s "$B")" workshop delete "$B"
refused "edit of a deleted workshop" 3 "$(printf %.8s "$B")" workshop edit "$B" --title x
run workshop list
check "list: the deleted one is gone" sh -c "! grep -q '$(printf %.8s "$B")' '$T/out'"
check "list: the total without it" out_has "2 ateliers, 3 h 30, 17 présents"
refused "delete without id" 2 "identifiant de l'atelier manquant" workshop delete

# ---- person show: the person's workshops
run person show K7M2QX
check "person show: exit 0" rc_is 0
check "person show: an Ateliers section" grep -q "^Ateliers$" "$T/out"
check "person show: the workshop, date, theme and presence" \
	grep -q "^2026-11-03 09:00 E-mail, messagerie .*+1 présent  $(printf %.8s "$A")$" "$T/out"
check "person show: fits 80 columns" [ "$(wc -L <"$T/out")" -le 80 ]
run person show AB12CD
check "person show: a deleted workshop is not listed" out_has "Aucun atelier."
run person show QR34ST
check "person show without workshop: Aucun atelier" out_has "Aucun atelier."

# ---- help
for sub in "" add list show edit delete; do
	run workshop $sub --help
	check "workshop $sub --help: exit 0" rc_is 0
	check "workshop $sub --help: a usage line" grep -q "^Usage : carnet workshop" "$T/out"
	check "workshop $sub --help: lines fit 80 columns" [ "$(wc -L <"$T/out")" -le 80 ]
	cp "$T/out" "$T/help"
	run help workshop $sub
	check "help workshop $sub: the same text" cmp -s "$T/out" "$T/help"
done
run workshop add --help
check "workshop add --help names every option" sh -c 'for o in --date --time --duration --site --mediator --title --theme --level --place --registered --participant --anonymous --anonymous-gender --anonymous-age --anonymous-situation --equipment --note; do grep -q -- "$o " "$0" || exit 1; done' "$T/out"
run workshop edit --help
check "workshop edit --help names --no-participant" out_has "--no-participant"
run --help
check "carnet --help lists workshop" grep -q "^ *workshop " "$T/out"

# ---- the lists of workshops and times are configured and retired like the
# others: an entry added by the project is accepted, a retired code is refused
# on a new record and kept on an edit that leaves it alone.
add_ws --theme culture --level avance --equipment tablette
OLD=$ID
run time add --duration 30 --kind veille
OLD_TIME=$(head -n 1 "$T/out")
cat >>"$XDG_CONFIG_HOME/carnet/carnet.ini" <<'EOF2'
[theme_atelier]
fablab = Fabrication numérique
[temps]
permanence = Permanence téléphonique
[retired]
theme_atelier = culture
niveau_atelier = avance
materiel = tablette
temps = veille
EOF2
run lists theme_atelier
check "lists theme_atelier: the added entry with its label" out_has "Fabrication numérique"
add_ws --theme fablab
check "workshop add: a theme the project added is accepted" rc_is 0
is "workshop add: the added theme is stored" "$(w themes)" fablab
refused "workshop add: a retired theme" 1 "code retiré « culture »" \
	workshop add --duration 60 --theme culture --anonymous 1
refused "workshop add: a retired level" 1 "--level" \
	workshop add --duration 60 --theme internet --level avance --anonymous 1
refused "workshop add: retired equipment" 1 "--equipment" \
	workshop add --duration 60 --theme internet --equipment tablette --anonymous 1
ID=$OLD
run workshop edit "$OLD" --note "garde ses codes retirés"
check "workshop edit: retired codes it already had are kept" rc_is 0
is "workshop edit: theme, level and equipment unchanged" \
	"$(w "themes || ' ' || level || ' ' || equipment")" "culture avance tablette"
run time add --duration 30 --kind permanence
check "time add: a kind the project added is accepted" rc_is 0
run time add --duration 30 --kind veille
check "time add: a retired kind is refused" rc_is 1
check "time add: the message says it is retired" err_has "code retiré « veille »"
run time edit "$OLD_TIME" --duration 40
check "time edit: a retired kind it already had is kept" rc_is 0
is "time edit: the kind is unchanged" \
	"$(sql "SELECT kind || ' ' || duration FROM worktime WHERE id = '$OLD_TIME'")" "veille 40"
