# SPDX-License-Identifier: GPL-3.0-or-later
# carnet place add, edit, delete, show, list, import, export: the directory
# of places, in the national standard's CSV (schema v1.0.2).
. "$TESTS_DIR/cli/lib.sh"

SAMPLE="$FIXTURES/places-rennes.csv"
HEADER='id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,typologie,telephone,courriels,site_web,horaires,presentation_resume,presentation_detail,source,itinerance,structure_parente,date_maj,services,publics_specifiquement_adresses,prise_en_charge_specifique,frais_a_charge,dispositif_programmes_nationaux,formations_labels,autres_formations_labels,modalites_acces,modalites_accompagnement,fiche_acces_libre,prise_rdv'
# p COLUMNS ID: columns of the live place of standard id ID.
p() { sql "SELECT $1 FROM place WHERE id = '$2' AND deleted_at IS NULL"; }
nplaces() { if [ -s "$DB" ]; then sql "SELECT count(*) FROM place WHERE deleted_at IS NULL"; else echo 0; fi; }
dump() { if [ -s "$DB" ]; then sql "SELECT * FROM place ORDER BY uid"; fi; }
# refused DESC STATUS TEXT ARGS…: exits STATUS, the message holds TEXT,
# nothing on stdout, the table does not change.
refused() {
	r_desc=$1 r_rc=$2 r_text=$3
	shift 3
	r_before=$(dump)
	run "$@"
	check "$r_desc: exit $r_rc" rc_is "$r_rc"
	check "$r_desc: message names $r_text" err_has "$r_text"
	check "$r_desc: nothing on stdout" out_empty
	is "$r_desc: nothing written" "$(dump)" "$r_before"
}
# edit_csv OUT PYTHON: writes the sample, changed by PYTHON (rows: a list of
# dicts by column; header: the names), to OUT with the standard's dialect.
edit_csv() {
	python3 - "$SAMPLE" "$1" "$2" <<'EOF'
import csv, sys
src, out, code = sys.argv[1:4]
with open(src, newline='', encoding='utf-8') as f:
    r = list(csv.reader(f))
header, rows = r[0], [dict(zip(r[0], x)) for x in r[1:]]
sep, eol, bom = ',', '\n', ''
exec(code)
with open(out, 'w', newline='', encoding='utf-8') as f:
    f.write(bom)
    w = csv.writer(f, delimiter=sep, lineterminator=eol)
    w.writerow(header)
    for x in rows:
        w.writerow([x.get(c, '') for c in header])
EOF
}
REQ="--pivot 22350001800013 --name CDAS --address 1_rue --postcode 35700 --commune Rennes"

# ---- the sample file imports cleanly
run place import "$SAMPLE"
check "sample: exit 0" rc_is 0
is "sample: 12 new places" "$(OUT)" "Lieux : 12 nouveaux, 0 modifié, 0 inchangé, 0 supprimé"
check "sample: nothing on stderr" err_empty
is "sample: 12 rows" "$(nplaces)" 12
is "sample: uids are UUIDs" "$(sql "SELECT count(*) FROM place WHERE length(uid) = 36 AND substr(uid, 15, 1) = '4'")" 12
is "sample: multiple values joined by |" "$(p services ml-rennes)" "Insertion professionnelle via le numérique|Aide aux démarches administratives"
is "sample: odd hours kept as written" "$(p horaires caf35-rennes)" "du lundi au jeudi 8h30-12h, l'après-midi sur rendez-vous"
is "sample: empty hours are NULL" "$(p "quote(horaires)" rm-esc-blosne)" NULL
STAMPS=$(sql "SELECT uid, updated_at FROM place ORDER BY uid")
run place import "$SAMPLE"
is "idempotent: a second import changes nothing" "$(OUT)" "Lieux : 0 nouveau, 0 modifié, 12 inchangés, 0 supprimé"
is "idempotent: timestamps unchanged" "$(sql "SELECT uid, updated_at FROM place ORDER BY uid")" "$STAMPS"

# ---- export: the standard's header and order, plain UTF-8, LF, round trip
run place export -o "$T/exp.csv"
check "export: exit 0" rc_is 0
is "export: the header of schema v1.0.2" "$(head -n 1 "$T/exp.csv")" "$HEADER"
is "export: no BOM" "$(head -c 3 "$T/exp.csv")" "id,"
is "export: LF line ends" "$(tr -cd '\r' <"$T/exp.csv" | wc -c)" 0
is "export: a line per place" "$(wc -l <"$T/exp.csv")" 13
is "export: same rows as the sample" \
	"$(python3 -c 'import csv,sys; print(sorted(list(csv.reader(open(sys.argv[1])))[1:]) == sorted(list(csv.reader(open(sys.argv[2])))[1:]))' "$SAMPLE" "$T/exp.csv")" True
check "export: a comma inside a field is quoted" grep -q '"CAF d.Ille-et-Vilaine – accueil de Rennes"\|"du lundi au jeudi 8h30-12h, l.après-midi sur rendez-vous"' "$T/exp.csv"
run place export
is "export: to stdout too" "$(OUT)" "$(cat "$T/exp.csv")"
run --db "$T/second.db" place import "$T/exp.csv"
run --db "$T/second.db" place export -o "$T/exp2.csv"
check "round trip: import → export → import gives the same file" cmp -s "$T/exp.csv" "$T/exp2.csv"

# ---- the variants of real files: BOM, CRLF, ';' between columns or values,
# apostrophes and spaces, case and accents of closed lists
edit_csv "$T/bom.csv" "bom, eol = '\ufeff', '\r\n'"
run place import "$T/bom.csv"
is "BOM and CRLF: the same places" "$(OUT)" "Lieux : 0 nouveau, 0 modifié, 12 inchangés, 0 supprimé"
edit_csv "$T/semi.csv" "sep = ';'"
run place import "$T/semi.csv"
is "';' between columns: the same places" "$(OUT)" "Lieux : 0 nouveau, 0 modifié, 12 inchangés, 0 supprimé"
edit_csv "$T/multi.csv" "
for x in rows:
    for c in ('services', 'modalites_acces', 'dispositif_programmes_nationaux'):
        x[c] = ' ; '.join(x[c].split('|'))
rows[5]['dispositif_programmes_nationaux'] = 'Point d\u2019accès numérique CAF'
rows[0]['frais_a_charge'] = 'gratuit'
rows[1]['services'] = 'aide aux  demarches administratives'"
run place import "$T/multi.csv"
is "';' between values, ’ for ', case, accents, spaces: the same places" "$(OUT)" "Lieux : 0 nouveau, 0 modifié, 12 inchangés, 0 supprimé"
is "variants: the standard's spelling is kept" "$(p dispositif_programmes_nationaux caf35-rennes)" "Point d'accès numérique CAF"
edit_csv "$T/order.csv" "header = list(reversed(header)) + ['colonne_maison']"
run place import "$T/order.csv"
is "columns in another order, an unknown one: the same places" "$(OUT)" "Lieux : 0 nouveau, 0 modifié, 12 inchangés, 0 supprimé"
edit_csv "$T/nl.csv" "rows[2]['presentation_detail'] = 'Ateliers,\nle mardi'"
run place import "$T/nl.csv"
is "a quoted field with a comma and a line break: one change" "$(OUT)" "Lieux : 0 nouveau, 1 modifié, 11 inchangés, 0 supprimé"
is "a line break in a field becomes a space" "$(p presentation_detail rm-epn-champs-libres)" "Ateliers, le mardi"

# ---- a newer file of the same producer updates by id; the desk's own
# fields stay
run place import "$SAMPLE"
is "back to the sample: one change" "$(OUT)" "Lieux : 0 nouveau, 1 modifié, 11 inchangés, 0 supprimé"
run place edit caf35-rennes --category organisme --bring "Numéro d'allocataire"
check "edit: category and bring: exit 0" rc_is 0
CAF_UID=$(p uid caf35-rennes)
edit_csv "$T/newer.csv" "
rows[5]['horaires'] = 'Mo-Th 08:30-12:00'
rows[5]['date_maj'] = '2026-11-15'"
run place import "$T/newer.csv"
is "newer file: one place changed" "$(OUT)" "Lieux : 0 nouveau, 1 modifié, 11 inchangés, 0 supprimé"
is "newer file: the new hours" "$(p horaires caf35-rennes)" "Mo-Th 08:30-12:00"
is "newer file: the same uid" "$(p uid caf35-rennes)" "$CAF_UID"
is "newer file: category and bring kept" "$(p "category || '/' || bring" caf35-rennes)" "organisme/Numéro d'allocataire"
check "newer file: updated_at moved on" test "$(p updated_at caf35-rennes)" \> "$(p created_at caf35-rennes)"
run place import "$SAMPLE"
is "the older file again: its hours back" "$(p horaires caf35-rennes)" "du lundi au jeudi 8h30-12h, l'après-midi sur rendez-vous"

# ---- refused rows: line and column, nothing written
edit_csv "$T/badcp.csv" "rows[1]['code_postal'] = '3500'"
refused "bad postcode" 1 "ligne 3, colonne code_postal : code postal invalide « 3500 »" place import "$T/badcp.csv"
check "bad postcode: the summary says nothing was imported" err_has "rien n'a été importé"
edit_csv "$T/badtel.csv" "rows[0]['telephone'] = '99 12'"
refused "bad phone" 1 "ligne 2, colonne telephone : téléphone invalide « 9912 »" place import "$T/badtel.csv"
edit_csv "$T/badsvc.csv" "rows[3]['services'] = 'Aide aux démarches administratives|Café numérique'"
refused "unknown service" 1 "ligne 5, colonne services : valeur inconnue « Café numérique »" place import "$T/badsvc.csv"
check "unknown service: the accepted values" err_has "Valeurs acceptées : Aide aux démarches administratives | Maîtrise"
edit_csv "$T/badfees.csv" "rows[4]['frais_a_charge'] = 'Gratuit|Cher'"
refused "unknown fee" 1 "ligne 6, colonne frais_a_charge : valeur inconnue « Cher »" place import "$T/badfees.csv"
edit_csv "$T/badmob.csv" "rows[4]['itinerance'] = 'Mobile'"
refused "unknown itinerance" 1 "colonne itinerance : valeur inconnue « Mobile »" place import "$T/badmob.csv"
edit_csv "$T/baddate.csv" "rows[6]['date_maj'] = '15/10/2026'"
refused "bad date_maj" 1 "ligne 8, colonne date_maj : date invalide « 15/10/2026 »" place import "$T/baddate.csv"
edit_csv "$T/badpivot.csv" "rows[6]['pivot'] = '1234'"
refused "bad pivot" 1 "ligne 8, colonne pivot : SIRET ou RNA invalide" place import "$T/badpivot.csv"
edit_csv "$T/badinsee.csv" "rows[6]['code_insee'] = '3X238'"
refused "bad INSEE code" 1 "ligne 8, colonne code_insee" place import "$T/badinsee.csv"
edit_csv "$T/badlat.csv" "rows[6]['latitude'] = '148.2'"
refused "latitude out of range" 1 "ligne 8, colonne latitude" place import "$T/badlat.csv"
edit_csv "$T/long.csv" "rows[6]['presentation_resume'] = 'é' * 281"
refused "presentation_resume over 280" 1 "ligne 8, colonne presentation_resume : texte trop long (281 caractères, 280 au plus)" place import "$T/long.csv"
edit_csv "$T/noname.csv" "rows[7]['nom'] = ''"
refused "empty required column" 1 "ligne 9, colonne nom : Nom obligatoire" place import "$T/noname.csv"
edit_csv "$T/dup.csv" "rows[8]['id'] = rows[7]['id']"
refused "an id twice in the file" 1 "ligne 10, colonne id : identifiant « pimms-rennes » déjà vu" place import "$T/dup.csv"
edit_csv "$T/nopivot.csv" "header = [c for c in header if c not in ('pivot', 'date_maj')]"
refused "required columns missing from the header" 1 "colonnes obligatoires absentes : pivot, date_maj" place import "$T/nopivot.csv"
edit_csv "$T/twice.csv" "header = header + ['nom']"
refused "a column twice in the header" 1 "colonne nom en double" place import "$T/twice.csv"
printf '' >"$T/empty.csv"
refused "empty file" 1 "fichier vide" place import "$T/empty.csv"
{ head -n 3 "$SAMPLE"; echo 'x,y'; } >"$T/short.csv"
refused "a row with too few fields" 1 "ligne 4 : 2 champs pour 32 colonnes" place import "$T/short.csv"
refused "missing file" 3 "impossible de lire" place import "$T/none.csv"
refused "no file" 2 "fichier CSV manquant" place import
refused "unknown option" 2 "--frobnicate" place import --frobnicate "$SAMPLE"

# ---- --skip-invalid: the valid rows, and the others listed
edit_csv "$T/skip.csv" "
rows[1]['code_postal'] = '3500'
rows[2]['telephone'] = 'inconnu'
rows.append(dict(rows[0], id='nouveau-lieu', nom='Nouveau lieu'))"
run place import --skip-invalid "$T/skip.csv"
check "skip-invalid: exit 0" rc_is 0
is "skip-invalid: the summary" "$(OUT)" "Lieux : 1 nouveau, 0 modifié, 10 inchangés, 0 supprimé ; 2 lignes écartées"
check "skip-invalid: each refused row on stderr" err_has "ligne 3, colonne code_postal"
check "skip-invalid: the second one too" err_has "ligne 4, colonne telephone"
is "skip-invalid: the valid new row is there" "$(p nom nouveau-lieu)" "Nouveau lieu"
is "skip-invalid: the refused row left its place as it was" "$(p code_postal rm-ccas)" 35000

# ---- --replace: places of the file's sources that it no longer has
run place add $REQ --id cdas-maison --name "CDAS ajouté au poste"
MANUAL=$(head -n 1 "$T/out")
run place add $REQ --id autre-source --source "Hub du Finistère" --name "Lieu d'une autre source"
edit_csv "$T/replace.csv" "rows = [x for x in rows if x['id'] not in ('rm-bus-numerique', 'rm-ccas')]"
run place import "$T/replace.csv"
is "without --replace: nothing removed" "$(OUT)" "Lieux : 0 nouveau, 0 modifié, 10 inchangés, 0 supprimé"
is "without --replace: the absent places are kept" "$(nplaces)" 15
run place import --replace "$T/replace.csv"
is "--replace: the two absent places of the file's sources removed" "$(OUT)" "Lieux : 0 nouveau, 0 modifié, 10 inchangés, 3 supprimés"
is "--replace: tombstones, not deletions" "$(sql "SELECT id FROM place WHERE deleted_at IS NOT NULL ORDER BY id")" "$(printf 'nouveau-lieu\nrm-bus-numerique\nrm-ccas')"
is "--replace: a place added at the desk (no source) is kept" "$(sql "SELECT deleted_at IS NULL FROM place WHERE uid = '$MANUAL'")" 1
is "--replace: a place of another source is kept" "$(p nom autre-source)" "Lieu d'une autre source"
run place import --replace "$T/replace.csv"
is "--replace twice: nothing more" "$(OUT)" "Lieux : 0 nouveau, 0 modifié, 10 inchangés, 0 supprimé"
run place import "$SAMPLE"
is "an absent place back in a later file is a new place" "$(OUT)" "Lieux : 2 nouveaux, 0 modifié, 10 inchangés, 0 supprimé"

# ---- place add
run place add $REQ --id cdas-maurepas --phone "02 99 02 20 20" --hours "Mo-Fr 09:00-12:00" \
	--services "aide aux demarches administratives,Accès internet et matériel informatique" \
	--category social --bring "Pièce d'identité" --email "a@x.example|b@x.example" --type "CD,CCAS" \
	--latitude "48,1200" --longitude -1.65 --insee 35238 --mobility fixe --fees Gratuit \
	--access "se présenter" --modes "À distance" --summary "Accueil social" --source "" \
	--updated-on 2026-11-02 --address-extra "2e étage" --website https://x.example \
	--publics Seniors --support Surdité --programmes "France Services" \
	--labels "ORDI 3.0" --other-labels "Label maison" --acceslibre https://a.example \
	--booking https://rdv.example --detail "Long texte" --parent "Département"
check "add: exit 0" rc_is 0
check "add: prints the uid" grep -Eq '^[0-9a-f]{8}-[0-9a-f]{4}-4' "$T/out"
UID_M=$(head -n 1 "$T/out")
is "add: the phone in the standard's form" "$(p telephone cdas-maurepas)" "+33299022020"
is "add: services respelled, joined by |" "$(p services cdas-maurepas)" "Aide aux démarches administratives|Accès internet et matériel informatique"
is "add: the other fields" "$(p "typologie || '/' || courriels || '/' || latitude || '/' || itinerance || '/' || modalites_acces || '/' || category || '/' || bring || '/' || date_maj" cdas-maurepas)" \
	"CD|CCAS/a@x.example|b@x.example/48.1200/Fixe/Se présenter/social/Pièce d'identité/2026-11-02"
run place add $REQ --id sans-date
is "add: date_maj defaults to today" "$(p date_maj sans-date)" 2026-11-18
run place add $REQ
ID_DEF=$(head -n 1 "$T/out")
is "add: without --id, the id is carnet's uid" "$(sql "SELECT id FROM place WHERE uid = '$ID_DEF'")" "$ID_DEF"
run place add $REQ --id x --phone "+33 (0)2 99 12 34 56"
is "add: +33 (0)2… normalized" "$(p telephone x)" "+33299123456"
run place add $REQ --id y --phone "+590 590 12 34 56" --pivot W353012345
is "add: an overseas code and an RNA" "$(p "telephone || pivot" y)" "+590590123456W353012345"
refused "add: no pivot" 1 "--pivot : SIRET ou RNA obligatoire" place add --name A --address B --postcode 35000 --commune R
refused "add: no name" 1 "--name : Nom obligatoire" place add --pivot 22350001800013 --address B --postcode 35000 --commune R
refused "add: bad postcode" 1 "--postcode : code postal invalide « 350 » (5 chiffres attendus" place add $REQ --postcode 350
refused "add: bad phone" 1 "--phone : téléphone invalide « +1555123 »" place add $REQ --phone "+1 555 123"
refused "add: bad service" 1 "--services : valeur inconnue « Aide »" place add $REQ --services Aide
check "add: bad service: accepted values" err_has "Valeurs acceptées : Aide aux démarches administratives"
refused "add: bad category" 1 "--category : code inconnu « caf ». Valeurs acceptées : organisme, france_services, social" place add $REQ --category caf
refused "add: bad fees" 1 "--fees : valeur inconnue « Offert »" place add $REQ --fees Offert
refused "add: bad access" 1 "--access : valeur inconnue" place add $REQ --access "Écrire"
refused "add: bad modes" 1 "--modes : valeur inconnue" place add $REQ --modes "Visio"
refused "add: bad publics" 1 "--publics : valeur inconnue" place add $REQ --publics "Enfants"
refused "add: bad support" 1 "--support : valeur inconnue" place add $REQ --support "Braille"
refused "add: bad programmes" 1 "--programmes : valeur inconnue" place add $REQ --programmes "PIX"
refused "add: bad labels" 1 "--labels : valeur inconnue" place add $REQ --labels "ORDI 4.0"
refused "add: bad mobility" 1 "--mobility : valeur inconnue « Mobile »" place add $REQ --mobility Mobile
refused "add: bad date" 1 "--updated-on : date invalide « 2026-02-30 »" place add $REQ --updated-on 2026-02-30
refused "add: bad insee" 1 "--insee : code INSEE invalide" place add $REQ --insee 123
refused "add: bad latitude" 1 "--latitude : Latitude invalide « nord »" place add $REQ --latitude nord
refused "add: bring over 200" 1 "--bring : texte trop long (201 caractères, 200 au plus)" place add $REQ --bring "$(printf '%0201d' 0)"
refused "add: summary over 280" 1 "--summary : texte trop long (281 caractères, 280 au plus)" place add $REQ --summary "$(printf '%0281d' 0)"
refused "add: a control character" 1 "--name : caractère de contrôle" place add $REQ --name "$(printf 'A\033[2J')"
refused "add: an id already taken" 1 "--id : identifiant « cdas-maurepas » déjà pris" place add $REQ --id cdas-maurepas
refused "add: unknown option" 2 "--colour" place add $REQ --colour red
refused "add: an argument too many" 2 "argument en trop" place add $REQ extra

# ---- place show
run place show cdas-maurepas
check "show by id: exit 0" rc_is 0
check "show: the name" grep -q "^Nom  *: CDAS\$" "$T/out"
check "show: the phone the French way" grep -q "^Téléphone  *: 02 99 02 20 20\$" "$T/out"
check "show: hours in French" grep -q "^Horaires  *: du lundi au vendredi, 9 h–12 h\$" "$T/out"
check "show: open now (Wednesday 10:30)" grep -q "^En ce moment  *: ouvert, ferme à 12 h\$" "$T/out"
check "show: the hours as written" grep -q "^Horaires (OpenStreetMap)  *: Mo-Fr 09:00-12:00\$" "$T/out"
check "show: services joined" grep -q "^Services  *: Aide aux démarches administratives, Accès internet et matériel informatique\$" "$T/out"
check "show: the category's label" grep -q "^Catégorie  *: Structure d'aide sociale, travailleur social\$" "$T/out"
check "show: what to bring" grep -q "^À apporter  *: Pièce d'identité\$" "$T/out"
check "show: the other columns" grep -q "^Formations et labels  *: ORDI 3.0\$" "$T/out"
check "show: carnet's uid" grep -q "^Identifiant carnet  *: $UID_M\$" "$T/out"
check "show: created" grep -q "^Créé le  *: " "$T/out"
run place show caf35-rennes
check "show: hours outside the subset shown raw, to be checked" grep -q "^Horaires  *: du lundi au jeudi 8h30-12h, l'après-midi sur rendez-vous (horaires à vérifier)\$" "$T/out"
check "show: no open-now line for them" test "$(grep -c "^En ce moment" "$T/out")" -eq 0
run place show rm-esc-blosne
check "show: no hours" grep -q "^Horaires  *: horaires non renseignés\$" "$T/out"
run place show rm-epn-champs-libres
check "show: closed now, opens tomorrow" grep -q "^En ce moment  *: fermé, ouvre demain à 14 h\$" "$T/out"
run place show "$(echo "$UID_M" | cut -c1-6)"
check "show by uid prefix: exit 0" rc_is 0
check "show by uid prefix: the same place" grep -q "^Identifiant  *: cdas-maurepas\$" "$T/out"
refused "show: unknown" 3 "lieu introuvable : « nulle-part »" place show nulle-part
refused "show: no argument" 2 "lieu (identifiant) manquant" place show

# ---- place edit
run place edit cdas-maurepas --hours "Mo-Fr 09:00-12:00,13:30-17:00" --phone ""
check "edit: exit 0" rc_is 0
is "edit: the changed field" "$(p horaires cdas-maurepas)" "Mo-Fr 09:00-12:00,13:30-17:00"
is "edit: an empty value clears an optional field" "$(p "quote(telephone)" cdas-maurepas)" NULL
is "edit: the others unchanged" "$(p "category || bring" cdas-maurepas)" "socialPièce d'identité"
run place edit "$UID_M" --id cdas-maurepas-2
is "edit: by uid, a new id" "$(p nom cdas-maurepas-2)" CDAS
refused "edit: no field" 2 "aucun champ à modifier" place edit cdas-maurepas-2
refused "edit: a required field emptied" 1 "--commune : Commune obligatoire" place edit cdas-maurepas-2 --commune ""
refused "edit: another place's id" 1 "--id : identifiant « rm-ccas » déjà pris" place edit cdas-maurepas-2 --id rm-ccas
refused "edit: bad postcode" 1 "--postcode" place edit cdas-maurepas-2 --postcode 1
refused "edit: unknown place" 3 "lieu introuvable" place edit nulle-part --name X

# ---- place list
run place list
check "list: exit 0" rc_is 0
is "list: the header" "$(head -n 1 "$T/out")" "Id       Nom                       Commune        Téléphone      Services"
is "list: 80 columns at most" "$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$T/out")" 80
check "list: the count" out_has "lieux"
run place add $REQ --id cesson --commune "Cesson-Sévigné" --name "Médiathèque de Cesson" --services "Loisirs et créations numériques"
run place list --commune "cesson-sevigne"
check "list --commune: case and accents ignored" grep -q "^[0-9a-f]\{8\} Médiathèque de Cesson  *Cesson-Sévigné " "$T/out"
is "list --commune: one place" "$(tail -n 1 "$T/out")" "1 lieu"
run place list --search "MEDIATHEQUE"
is "list --search: both médiathèques" "$(tail -n 1 "$T/out")" "2 lieux"
run place list --search "yougoslavie"
is "list --search: in the address" "$(tail -n 1 "$T/out")" "2 lieux"
run place list --search "loisirs et creations"
is "list --search: in the services" "$(tail -n 1 "$T/out")" "2 lieux"
run place list --service "loisirs et créations numériques" --commune rennes
is "list --service and --commune together" "$(tail -n 1 "$T/out")" "1 lieu"
check "list --service and --commune: the EPN" out_has "EPN des Champs Libres"
run place list --search "cafe numerique"
is "list --search: nothing" "$(tail -n 1 "$T/out")" "Aucun lieu"
run place list --service "insertion professionnelle via le numerique"
check "list --service" out_has "Mission locale du bassin…"
is "list --service: one place" "$(tail -n 1 "$T/out")" "1 lieu"
run place list --open-at "samedi 10:00"
is "list --open-at samedi 10:00: the places open then" "$(grep -o 'Clic & Lien\|EPN des Champs\|Médiathèque de Villejean\|PIMMS' "$T/out" | tr '\n' ,)" "Clic & Lien,EPN des Champs,Médiathèque de Villejean,PIMMS,"
is "list --open-at samedi 10:00: four places" "$(tail -n 1 "$T/out")" "4 lieux"
run place list --open-at "mercredi 15h" --service "accès internet et matériel informatique"
check "list --open-at: 'We off' overrides Tu-Sa" test "$(grep -c "Villejean" "$T/out")" -eq 0
check "list --open-at: odd hours are not counted open" test "$(grep -c "CAF" "$T/out")" -eq 0
check "list --open-at and --service: France Services" out_has "France Services Maurepas"
run place list --open-at "DIMANCHE à 10h"
is "list --open-at: nobody on Sunday" "$(tail -n 1 "$T/out")" "Aucun lieu"
refused "list: a bad moment" 1 "--open-at : moment invalide « samedi »" place list --open-at samedi
refused "list: unknown service" 1 "--service : service inconnu « Cuisine ». Valeurs acceptées : Aide aux" place list --service Cuisine
refused "list: unknown format" 2 "--format : format inconnu « xml ». Valeurs acceptées : table, csv" place list --format xml
run place list --format csv --search cesson -o "$T/list.csv"
check "list csv: exit 0" rc_is 0
is "list csv: a BOM and ';'" "$(head -n 1 "$T/list.csv" | cut -d';' -f1-2)" "$(printf '\357\273\277identifiant;identifiant carnet')"
check "list csv: the place" grep -q "^cesson;.*;Médiathèque de Cesson;" "$T/list.csv"
run place list --format csv --search pimms
check "list csv: the phone kept as text for a spreadsheet" grep -aq ";'+33299411000;" "$T/out"
check "list csv: CRLF" grep -aq "$(printf '\r')\$" "$T/out"

# ---- place delete
run place delete cesson
check "delete: exit 0" rc_is 0
check "delete: says so" out_has "Lieu supprimé : Médiathèque de Cesson (cesson)"
is "delete: a tombstone" "$(sql "SELECT deleted_at IS NOT NULL FROM place WHERE id = 'cesson'")" 1
refused "delete: then not found" 3 "lieu introuvable" place show cesson
run place export
check "delete: not exported" test "$(grep -c '^cesson,' "$T/out")" -eq 0
run place add $REQ --id cesson
check "delete: the id can be given again" rc_is 0

# ---- a base that does not exist is never created by a command that reads
refused "list without a base" 3 "base introuvable" --db "$T/nothing.db" place list
check "list without a base: no file made" test ! -e "$T/nothing.db"
refused "unknown subcommand" 2 "place" place frob

# ---- a base of schema 5 (before workshops), made by an earlier carnet:
# upgraded through 6 to 7, the directory there and empty, nothing lost
OLD5="$T/v5.db"
sqlite3 -batch "$OLD5" <"$FIXTURES/schema-v5.sql"
# The columns the old base has: an upgrade may add others.
COLS5=$(SQLDB="$OLD5" sql "SELECT group_concat(name, ', ') FROM pragma_table_info('visit')")
BEFORE5=$(SQLDB="$OLD5" sql "SELECT $COLS5 FROM visit ORDER BY id; SELECT * FROM person ORDER BY id")
run --db "$OLD5" place list
check "upgrade: place list on an old base exits 0" rc_is 0
is "upgrade: no place yet" "$(tail -n 1 "$T/out")" "Aucun lieu"
is "upgrade: schema version 7" "$(SQLDB="$OLD5" sql 'PRAGMA user_version')" 7
is "upgrade: visits and persons unchanged" "$(SQLDB="$OLD5" sql "SELECT $COLS5 FROM visit ORDER BY id; SELECT * FROM person ORDER BY id")" "$BEFORE5"
is "upgrade: the place table, one column per standard column and carnet's" \
	"$(SQLDB="$OLD5" sql "SELECT count(*) FROM pragma_table_info('place')")" 38
is "upgrade: the standard's id unique among live places" \
	"$(SQLDB="$OLD5" sql "SELECT \"unique\" || partial FROM pragma_index_list('place') WHERE name = 'place_by_id'")" 11
run --db "$OLD5" place import "$SAMPLE"
is "upgrade: the sample imports into the upgraded base" "$(OUT)" "Lieux : 12 nouveaux, 0 modifié, 0 inchangé, 0 supprimé"
check "upgrade: a copy of the old base beside it" test -f "$OLD5.v5.bak"
is "upgrade: integrity check ok" "$(SQLDB="$OLD5" sql 'PRAGMA integrity_check')" ok

# ---- carnet merge: places travel between desks by uid, the later
# version wins, the loser kept, tombstones travel; two desks that
# imported the same file have the same places
A="$T/desk-a.db" B="$T/desk-b.db"
run --db "$A" place import "$SAMPLE"
run --db "$B" place import "$SAMPLE"
run --db "$A" merge "$B"
check "merge: exit 0" rc_is 0
is "merge: the same file on both desks: nothing new" "$(OUT)" "$B : 0 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté ; lieux : 0 nouveau, 0 modifié, 12 inchangés, 0 supprimé, 0 rejeté"
is "merge: still 12 places" "$(SQLDB="$A" sql "SELECT count(*) FROM place")" 12
CARNET_NOW=2026-11-19T10:00 run --db "$B" place edit caf35-rennes --bring "Numéro d'allocataire"
CARNET_NOW=2026-11-19T10:00 run --db "$B" place delete ml-rennes
CARNET_NOW=2026-11-19T10:00 run --db "$B" place add $REQ --id cdas-b --name "CDAS du poste B"
B_UID=$(head -n 1 "$T/out")
run --db "$A" merge "$B"
is "merge: a new place, a change, a deletion" "$(OUT)" "$B : 0 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté ; lieux : 1 nouveau, 1 modifié, 10 inchangés, 1 supprimé, 0 rejeté"
is "merge: the new place under its uid" "$(SQLDB="$A" sql "SELECT nom FROM place WHERE uid = '$B_UID'")" "CDAS du poste B"
is "merge: the later change" "$(SQLDB="$A" sql "SELECT bring FROM place WHERE id = 'caf35-rennes'")" "Numéro d'allocataire"
is "merge: the tombstone" "$(SQLDB="$A" sql "SELECT deleted_at IS NOT NULL FROM place WHERE id = 'ml-rennes'")" 1
is "merge: the losing versions kept" "$(SQLDB="$A" sql "SELECT count(*) FROM record_history WHERE kind = 'lieu'")" 2
BEFORE=$(SQLDB="$A" sql "SELECT * FROM place ORDER BY uid; SELECT kind, record_id, updated_at, version FROM record_history")
run --db "$A" merge "$B"
is "merge again: nothing changes" "$(SQLDB="$A" sql "SELECT * FROM place ORDER BY uid; SELECT kind, record_id, updated_at, version FROM record_history")" "$BEFORE"
CARNET_NOW=2026-11-20T09:00 run --db "$A" place edit caf35-rennes --bring "Attestation CAF"
run --db "$B" merge "$A"
is "merge back: the other desk gets the later change" "$(SQLDB="$B" sql "SELECT bring FROM place WHERE id = 'caf35-rennes'")" "Attestation CAF"
is "merge back: the same live places on both desks" \
	"$(SQLDB="$B" sql "SELECT id FROM place WHERE deleted_at IS NULL ORDER BY id")" \
	"$(SQLDB="$A" sql "SELECT id FROM place WHERE deleted_at IS NULL ORDER BY id")"
