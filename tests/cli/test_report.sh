# SPDX-License-Identifier: GPL-3.0-or-later
# carnet report: every figure checked against an independent computation
# (SQL written here, or counts by hand), in text and JSON; the published
# Rennes table comes back; an empty period gives a valid empty report.
. "$TESTS_DIR/cli/lib.sh"
NB=$(printf '\342\200\257') # U+202F, before % and between thousands

# json PATH: prints a value of the JSON report in $T/out ("volume.passages",
# "genre.lignes[0].part"...).
json() {
	python3 -c '
import json, sys
data = json.load(open(sys.argv[1]))
for part in sys.argv[2].replace("]", "").replace("[", ".").split("."):
    data = data[int(part)] if part.isdigit() else data[part]
print(data)' "$T/out" "$1"
}
# row NAME CODE FIELD: a field of the line with that code in a distribution.
row() {
	python3 -c '
import json, sys
data = json.load(open(sys.argv[1]))[sys.argv[2]]["lignes"]
print([l for l in data if l["code"] == sys.argv[3]][0][sys.argv[4]])' "$T/out" "$1" "$2" "$3"
}

# ---- a fixture with known contents, November 2026
run person new --code AAAA11 --age 25_39 --gender femme --equipment smartphone,internet
run person new --code BBBB22 --gender homme
run person new --code CCCC33
export CARNET_NOW=2026-11-25T12:00
# AAAA11 came in October (first visit) and twice in November, towards autonomy.
run add --date 2026-10-10 --duration 30 --demand compte --organism caf --posture pour --person AAAA11
run add --date 2026-11-02 --duration 10 --demand suivi,compte --organism caf,cpam --posture devant --outcome aboutie --person AAAA11
run add --date 2026-11-09 --duration 45 --demand suivi --organism caf --posture faire --outcome aboutie --person AAAA11 --canal rdv
# BBBB22: first visit in November, urgent, in his absence.
run add --date 2026-11-03 --time 09:00 --duration 90 --demand demande --organism ft --posture pour --outcome bloquee --urgent --absent --person BBBB22 --referred-by social
run add --date 2026-11-03 --time 14:00 --duration 120 --demand demande --organism ft --posture avec --outcome poursuivre --urgent --person BBBB22 --referred-to mediation
# Anonymous visits.
run add --date 2026-11-04 --duration 5 --demand info --posture pour --outcome info
run add --date 2026-11-30 --duration 200 --demand apprendre --posture faire --canal rdv
run add --date 2026-12-01 --duration 20 --demand info --posture pour
# A deleted visit counts nowhere.
run add --date 2026-11-05 --duration 20 --demand info --posture pour
run delete "$(cat "$T/out")"
# CCCC33 only in December.
run add --date 2026-12-02 --duration 20 --demand info --posture pour --person CCCC33

run report --month 2026-11 --format json
check "report json: exit 0" rc_is 0
check "report json: parses" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/out"
is "period" "$(json periode.du) $(json periode.au)" "2026-11-01 2026-11-30"
# Independent figures from SQL.
P="deleted_at IS NULL AND date BETWEEN '2026-11-01' AND '2026-11-30'"
is "visits (SQL)" "$(json volume.passages)" "$(sql "SELECT count(*) FROM visit WHERE $P")"
is "visits (by hand)" "$(json volume.passages)" 6
is "distinct persons" "$(json volume.personnes)" "$(sql "SELECT count(DISTINCT person_id) FROM visit WHERE $P")"
is "first visits: BBBB22 only" "$(json volume.premieres_venues)" 1
is "minutes" "$(json volume.minutes)" "$(sql "SELECT sum(duration) FROM visit WHERE $P")"
is "mean duration" "$(json volume.duree_moyenne)" "$(sql "SELECT printf('%.1f', avg(duration)) FROM visit WHERE $P")"
is "median duration (45+90)/2" "$(json volume.duree_mediane)" 67.5
# 5 and 10 | none | 45 | 90 and 120 | 200
is "duration bins" "$(python3 -c 'import json,sys; print([l["nombre"] for l in json.load(open(sys.argv[1]))["durees"]["lignes"]])' "$T/out")" "[2, 0, 1, 2, 1]"
is "urgent" "$(json volume.urgents)" 2
is "absent" "$(json volume.absents)" 1
is "without organism" "$(json volume.sans_organisme)" 2
is "canal rdv" "$(row canal rdv nombre)" 2
is "canal libre share 66.7" "$(row canal libre part)" 66.7
is "monday visits (2026-11-02, 2026-11-09, 2026-11-30)" "$(row jours lundi nombre)" 3
is "tuesday visits" "$(row jours mardi nombre)" 2
is "demand suivi counted once per visit" "$(row demandes suivi nombre)" 2
is "demand compte" "$(row demandes compte nombre)" 1
is "demand share is of visits (2 of 6)" "$(row demandes suivi part)" 33.3
is "organism caf" "$(row organismes caf nombre)" "$(sql "SELECT count(*) FROM visit v WHERE instr('|' || v.organisms || '|', '|caf|') > 0 AND v.$P")"
is "posture pour" "$(row postures pour nombre)" 2
is "posture shares add up to 100" "$(python3 -c 'import json,sys; print(round(sum(l["part"] for l in json.load(open(sys.argv[1]))["postures"]["lignes"]),1))' "$T/out")" 100.0
is "outcome aboutie" "$(row issues aboutie nombre)" 2
is "outcome not given" "$(row issues '' nombre)" 1
is "urgent outcomes: bloquee" "$(row issues_urgentes bloquee nombre)" 1
is "referred by social" "$(row oriente_par social nombre)" 1
is "referred to mediation" "$(row oriente_vers mediation nombre)" 1
is "trend: 12 months ending in November" "$(json tendance[11].mois) $(json tendance[0].mois)" "2026-11 2025-12"
is "trend: October" "$(json tendance[10].passages)" 1
is "trend: November" "$(json tendance[11].passages)" 6
is "autonomy: persons with 2 visits or more" "$(json autonomie.personnes)" 2
is "autonomy: AAAA11 more autonomous, BBBB22 too" "$(json autonomie.plus_autonome)" 2
is "rank 2: AAAA11's second visit (devant = 2) and BBBB22's (avec = 3)" "$(json autonomie.par_rang[1].posture_moyenne)" 2.5
is "rank 1: BBBB22's first (pour = 1)" "$(json autonomie.par_rang[0].posture_moyenne)" 1.0
is "rank 3: AAAA11's third (faire = 4)" "$(json autonomie.par_rang[2].posture_moyenne)" 4.0
is "posture by demand: compte is devant" "$(python3 -c '
import json,sys
rows = json.load(open(sys.argv[1]))["posture_par_demande"]
print([r for r in rows if r["code"] == "compte"][0]["postures"]["devant"]["part"])' "$T/out")" 100.0
is "public: women 1 of 2" "$(row genre femme part)" 50.0
is "public: gender not given counted, not hidden" "$(row genre '' nombre)" 0
is "public: age not given (BBBB22)" "$(row tranche_age '' nombre)" 1
is "public: smartphone" "$(row equipement smartphone nombre)" 1
is "public: equipment not given" "$(row equipement '' nombre)" 1

# ---- the text report: same figures, in French, 80 columns
run report --month 2026-11
check "text: exit 0" rc_is 0
check "text: the period in words" out_has "Bilan d'activité — novembre 2026"
check "text: its dates" out_has "Du 1er au 30 novembre 2026"
check "text: visits" sh -c 'grep -qE "^  Passages +6$" "$1"' x "$T/out"
check "text: decimal comma, a narrow no-break space before %" out_has "66,7$NB%"
check "text: multi-valued fields said so" out_has "ne s'additionnent pas à 100 %"
check "text: bars in block characters" out_has "█"
check "text: fits 80 columns" python3 -c 'import sys; sys.exit(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")) > 80)' "$T/out"
check "text: notes never printed" sh -c '! grep -q "note" "$1"' x "$T/out"

# ---- filters and periods
run report --from 2026-11-03 --to 2026-11-03 --format json
is "--from/--to: one day" "$(json volume.passages)" 2
run report --year 2026 --format json
is "--year: October, November and December" "$(json volume.passages)" 9
is "--year period" "$(json periode.au)" 2026-12-31
CARNET_NOW=2026-12-15T09:00 run report --format json
is "default period: the previous month" "$(json periode.du)" 2026-11-01
run report --month 2026-11 --site ailleurs --format json
check "--site with a code nobody uses: exit 1" rc_is 1
check "--site with a code nobody uses: the accepted codes named" err_has "--site : code inconnu « ailleurs ». Valeurs acceptées :"
check "--site with a code nobody uses: nothing on stdout" out_empty
run report --month 2026-13
check "bad month: exit 1" rc_is 1
check "bad month: message names --month" err_has "--month"
run report --month 2026-11 --format pdf
check "bad format: exit 1 and the accepted values" sh -c '[ "$1" = 1 ] && grep -q "text, html, csv, json" "$2"' x "$RC" "$T/err"
run report --month 2026-11 -o "$T/bilan.txt"
check "-o writes the file" sh -c 'grep -q "1. Volume" "$1"' x "$T/bilan.txt"
is "-o file readable by its owner only" "$(stat -c %a "$T/bilan.txt")" 600

# ---- an empty period: a clear message and a valid, empty report
run report --month 2025-01 --format json
check "empty: exit 0" rc_is 0
check "empty: message on stderr" err_has "aucun passage du 2025-01-01 au 2025-01-31"
is "empty: zero visits in valid JSON" "$(json volume.passages)" 0
is "empty: shares are 0, no division by zero" "$(row postures pour part)" 0.0
run report --month 2025-01
check "empty text: says so" out_has "le bilan est vide"

# ---- the Rennes evaluation (seed 003, l. 2038-2063): 41 respondents
RENNES="$T/rennes.ini"
cat >"$RENNES" <<'INI'
[quartier]
brequigny = Bréquigny
centre = Centre
cleunay = Cleunay / Arsenal-Redon / La Courrouze
ferrer = Francisco Ferrer / Landry / Poterie
blosne = Le Blosne
maurepas = Maurepas / Bellangerais
st_martin = Saint-Martin
sud_gare = Sud-gare
thabor = Thabor / Saint-Hélier / Alphonse-Guérin
villejean = Villejean / Beauregard
INI
SQLDB="$T/rennes.db"
i=0
for q in brequigny:6 centre:2 cleunay:2 ferrer:1 blosne:10 maurepas:7 st_martin:1 sud_gare:2 thabor:1 villejean:9; do
	n=${q#*:}
	while [ "$n" -gt 0 ]; do
		i=$((i + 1))
		g=femme
		[ $i -gt 21 ] && g=homme
		code=$(printf 'RN%04d' $i)
		"$CARNET" --db "$SQLDB" --config "$RENNES" person new --code "$code" --gender $g --area "${q%%:*}" >/dev/null
		"$CARNET" --db "$SQLDB" --config "$RENNES" add --date 2026-11-10 --duration 30 --demand info --posture avec --person "$code" >/dev/null
		n=$((n - 1))
	done
done
is "Rennes: 41 persons" "$(sql 'SELECT count(*) FROM person')" 41
"$CARNET" --db "$SQLDB" --config "$RENNES" report --month 2026-11 --format json >"$T/out"
is "Rennes: women 51,2 %" "$(row genre femme part)" 51.2
is "Rennes: men 48,8 %" "$(row genre homme part)" 48.8
is "Rennes: quartiers as published" \
	"$(python3 -c 'import json,sys; print(" ".join(str(l["part"]) for l in json.load(open(sys.argv[1]))["quartier"]["lignes"] if l["code"]))' "$T/out")" \
	"14.6 4.9 4.9 2.4 24.4 17.1 2.4 4.9 2.4 22.0"
"$CARNET" --db "$SQLDB" --config "$RENNES" report --month 2026-11 >"$T/out"
check "Rennes text: 51,2 %" out_has "51,2$NB%"
check "Rennes text: Le Blosne 24,4 %" sh -c 'grep -E "Le Blosne +10 +24,4$2%" "$1" >/dev/null' x "$T/out" "$NB"

# ---- HTML: one well-formed, self-contained file
"$CARNET" --db "$SQLDB" --config "$RENNES" report --month 2026-11 --format html >"$T/r.html"
check "html: well-formed (xmllint)" xmllint --noout "$T/r.html"
check "html: the HTML parser finds no error but unknown HTML5 tags" sh -c \
	'! xmllint --html --noout "$1" 2>&1 | grep "error" | grep -v "Tag [a-z]* invalid" | grep -q .' x "$T/r.html"
check "html: no script, no external asset" sh -c '! grep -qiE "<script|<link|src=|https?:" "$1"' x "$T/r.html"
check "html: inline SVG charts" grep -q "<svg" "$T/r.html"
check "html: a print style sheet for A4" grep -q "@page{size:A4" "$T/r.html"
check "html: French, with the published share" grep -q "51,2$NB%" "$T/r.html"
check "html: accents" grep -q "Bréquigny" "$T/r.html"

# ---- CSV for French spreadsheets
"$CARNET" --db "$SQLDB" --config "$RENNES" report --month 2026-11 --format csv >"$T/r.csv"
check "csv: starts with a UTF-8 BOM" sh -c '[ "$(head -c 3 "$1" | od -An -tx1 | tr -d " ")" = efbbbf ]' x "$T/r.csv"
is "csv: the women row, ';' and decimal comma" "$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
i = rows.index(["Genre"])  # then its note, its header, its rows
print(";".join(rows[i + 3]))' "$T/r.csv")" "femme;Femme;21;51,2"
is "csv: an accented label and its share" "$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
print(";".join([r for r in rows if r and r[0] == "brequigny"][0]))' "$T/r.csv")" "brequigny;Bréquigny;6;14,6"
if command -v libreoffice >/dev/null 2>&1; then
	# Opened as a French Calc opens it (import options: ';', '"', UTF-8,
	# from line 1, French locale 1036), saved as flat OpenDocument XML:
	# the accented label is text and the share a number, 14.6.
	# A fresh profile's first start may end before converting: once more then.
	for try in 1 2; do
		[ -s "$T/r.fods" ] || (cd "$T" && HOME="$T" timeout 120 libreoffice --headless \
			--infilter="CSV:59,34,76,1,,1036" --convert-to fods r.csv >/dev/null 2>&1)
	done
	is "csv: read back by LibreOffice Calc, accented label as text, count and share as numbers" \
		"$(python3 -c '
import sys, xml.etree.ElementTree as ET
ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
V = "{%s}" % ns["office"]
for row in ET.parse(sys.argv[1]).iter("{%s}table-row" % ns["table"]):
    cells = row.findall("table:table-cell", ns)
    texts = ["".join(c.itertext()).strip() for c in cells]
    if len(texts) > 3 and texts[1] == "Bréquigny":
        print(texts[1], cells[2].get(V + "value-type"), cells[2].get(V + "value"),
              cells[3].get(V + "value-type"), cells[3].get(V + "value"))
        break' "$T/r.fods")" "Bréquigny float 6 float 14.6"
else
	echo "# LibreOffice is not installed: the spreadsheet read-back is skipped"
fi

# ---- --by site and --by mediator: a column per site or mediator
BY="$T/by.ini"
printf '[site]\nnord = Site nord\nsud = Site sud\n[mediateur]\ncd = C. D.\nab = A. B.\n[desk]\nsite = nord\n' >"$BY"
SQLDB="$T/by.db"
for spec in nord:cd:caf nord:ab:caf nord:cd:cpam sud:ab:caf sud:ab:ft; do
	IFS=: read -r s m o <<SPEC
$spec
SPEC
	"$CARNET" --db "$SQLDB" --config "$BY" add --date 2026-11-12 --duration 30 --demand suivi \
		--organism "$o" --posture avec --site "$s" --mediator "$m" >/dev/null
done
"$CARNET" --db "$SQLDB" --config "$BY" report --month 2026-11 --by site --format json >"$T/out"
is "--by site: one group per site" "$(python3 -c 'import json,sys; print([g["code"] for g in json.load(open(sys.argv[1]))["repartition"]["groupes"]])' "$T/out")" "['nord', 'sud']"
is "--by site: visits per site (SQL)" \
	"$(python3 -c 'import json,sys; print(" ".join(str(g["bilan"]["volume"]["passages"]) for g in json.load(open(sys.argv[1]))["repartition"]["groupes"]))' "$T/out")" \
	"$(sql "SELECT group_concat(n, ' ') FROM (SELECT count(*) n FROM visit GROUP BY site ORDER BY site)")"
"$CARNET" --db "$SQLDB" --config "$BY" report --month 2026-11 --by mediator --format csv >"$T/r.csv"
is "--by mediator: CSV columns named after the mediators, counts per column" "$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
i = rows.index(["Organismes"])
print(";".join(rows[i + 2]), "/", ";".join([r for r in rows[i + 3:] if r and r[0] == "caf"][0]))' "$T/r.csv")" \
	"Code;Libellé;Nombre;Part (%);A. B.;C. D. / caf;CAF;3;60,0;2;1"
"$CARNET" --db "$SQLDB" --config "$BY" report --month 2026-11 --by site --format html >"$T/by.html"
check "--by site: HTML well-formed with a column per site" sh -c 'xmllint --noout "$1" && grep -q "<th class=\"n\">Site sud</th>" "$1"' x "$T/by.html"
"$CARNET" --db "$SQLDB" --config "$BY" report --month 2026-11 --by site >"$T/out"
check "--by site: the text report has the breakdown" sh -c 'grep -qE "Site sud +2 +0  1 h 00" "$1"' x "$T/out"
"$CARNET" --db "$SQLDB" --config "$BY" report --month 2026-11 --by quartier >"$T/out" 2>"$T/err"
check "--by with an unknown breakdown: exit 1, accepted values" sh -c '[ "$1" = 1 ] && grep -q "site, mediator" "$2"' x "$?" "$T/err"

# ---- visits without a mediator make their own group
"$CARNET" --db "$SQLDB" --config "$BY" add --date 2026-11-13 --duration 20 --demand info \
	--posture pour --site sud >/dev/null
"$CARNET" --db "$SQLDB" --config "$BY" report --month 2026-11 --by mediator --format json >"$T/out"
is "--by mediator: a group for the visits without a mediator, counted" "$(python3 -c '
import json, sys
print([(g["code"], g["bilan"]["volume"]["passages"]) for g in json.load(open(sys.argv[1]))["repartition"]["groupes"]])' "$T/out")" \
	"[('', 1), ('ab', 3), ('cd', 2)]"
"$CARNET" --db "$SQLDB" --config "$BY" report --month 2026-11 --by mediator >"$T/out"
check "--by mediator: the text names it « sans médiateur »" grep -qE "sans médiateur +1 " "$T/out"

# ---- codes this desk's lists do not know (merged from another desk) are
# counted under their own code, after the list's codes, in order, and
# "non renseigné" comes last
sql "UPDATE visit SET organisms = 'zz_mairie|caf', canal = 'aa_guichet' WHERE date = '2026-11-13'"
sql "UPDATE visit SET canal = 'mm_kiosque' WHERE organisms = 'ft'"
"$CARNET" --db "$SQLDB" --config "$BY" report --month 2026-11 --format json >"$T/out"
is "unknown codes: canal, after the list, in code order" \
	"$(python3 -c 'import json,sys; print([l["code"] for l in json.load(open(sys.argv[1]))["canal"]["lignes"]][-2:])' "$T/out")" \
	"['aa_guichet', 'mm_kiosque']"
is "unknown codes: counted" "$(row canal aa_guichet nombre) $(row canal mm_kiosque nombre)" "1 1"
is "unknown organism counted with the known one of the same visit" \
	"$(row organismes zz_mairie nombre) $(row organismes caf nombre)" "1 4"
is "unknown organism: its posture row" \
	"$(python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))["posture_par_organisme"]
print([(r["code"], r["passages"], r["postures"]["pour"]["nombre"]) for r in rows][-1])' "$T/out")" "('zz_mairie', 1, 1)"
