# SPDX-License-Identifier: GPL-3.0-or-later
# Every format of the report (text, HTML, CSV, xlsx, JSON) carries the same
# sections in the same order and the same figures, says on top what it
# covers (the period in words, the sites and mediators by their labels, a
# period still going on), opens on the key figures beside the previous
# period and the same period a year earlier, and writes numbers the French
# way for people and the machine way for programs, whatever the locale.
. "$TESTS_DIR/cli/lib.sh"
NB=$(printf '\342\200\257') # U+202F

mkdir -p "$XDG_CONFIG_HOME/carnet"
cat >"$XDG_CONFIG_HOME/carnet/carnet.ini" <<'INI'
[site]
nord = Site nord
sud = Site sud
[mediateur]
ab = A. B.
cd = C. D.
[desk]
site = nord
mediator = ab
INI

v() { "$CARNET" add --duration 30 --demand info --organism caf "$@" >/dev/null || echo "add failed: $*" >&2; }
# A year earlier: 2 visits; September: 4; October: 6.
v --date 2025-10-07 --posture avec
v --date 2025-10-09 --posture avec
for d in 02 09 16 23; do v --date 2026-09-$d --posture avec; done
run person new --code SUIVI1
v --date 2026-10-01 --posture pour --person SUIVI1
v --date 2026-10-08 --posture faire --person SUIVI1
v --date 2026-10-05 --posture pour --site sud --mediator cd --urgent --referred-to social
v --date 2026-10-06 --posture pour --site sud --outcome aboutie
v --date 2026-10-12 --posture devant --organism ""
v --date 2026-10-20 --posture avec --duration 125
is "fixture: 12 visits" "$(nvisits)" 12

SECTIONS="L'essentiel|1. Volume|2. Demandes et organismes|3. Posture|4. Issues et urgences|5. Autonomie dans le temps|6. Orientations|7. Public|8. Ateliers|9. Temps de travail"

# xlsx_rows FILE: the rows of the workbook's sheet, one a line, their cells
# joined by " # ", each "s:TEXT" (a string) or "n:VALUE:FORMAT" (a number
# and its number format).
xlsx_rows() {
	python3 - "$1" <<'PY'
import sys, zipfile, re, xml.etree.ElementTree as ET
N = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
strings = ["".join(si.itertext()) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(N + "si")]
styles = ET.fromstring(z.read("xl/styles.xml"))
fmts = {"0": "", "1": "0", "2": "0.00", "3": "#,##0", "4": "#,##0.00", "9": "0%", "10": "0.00%"}
fmts.update({f.get("numFmtId"): f.get("formatCode") for f in styles.iter(N + "numFmt")})
xfs = [x.get("numFmtId") for x in styles.find(N + "cellXfs")]
for row in ET.fromstring(z.read("xl/worksheets/sheet1.xml")).iter(N + "row"):
    out = []
    for c in row.iter(N + "c"):
        v = c.find(N + "v")
        if v is None:
            continue
        if c.get("t") == "s":
            out.append("s:" + strings[int(v.text)])
        else:
            fmt = fmts.get(xfs[int(c.get("s", "0"))], "")
            out.append("n:%s:%s" % (v.text, fmt))
    if out:
        print(" # ".join(out))
PY
}

# sections_of FORMAT FILE: the section titles found in the output, in order.
sections_of() {
	case $1 in
	text) grep -xE "$(echo "$SECTIONS" | sed 's/\./\\./g')" "$2" ;;
	html) grep -o '<h2>[^<]*</h2>' "$2" | sed 's/<[^>]*>//g' | sed "s/&#39;/'/g" ;;
	csv) python3 -c '
import csv, sys
for r in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"):
    if len(r) == 1 and r[0] in sys.argv[2].split("|"):
        print(r[0])' "$2" "$SECTIONS" ;;
	xlsx) xlsx_rows "$2" | sed -n 's/^s:\([^#]*\)$/\1/p' | grep -xF "$(echo "$SECTIONS" | tr '|' '\n')" ;;
	esac | tr '\n' '|' | sed 's/|$//'
}

for fmt in text html csv xlsx; do
	run report --month 2026-10 --by site --format "$fmt" -o "$T/r.$fmt"
	check "$fmt: written" rc_is 0
	is "$fmt: the sections, all, in order" "$(sections_of "$fmt" "$T/r.$fmt")" "$SECTIONS"
done
# The same figures everywhere (the text, HTML and CSV as written, the xlsx
# from its strings).
xlsx_rows "$T/r.xlsx" >"$T/r.xlsx.txt"
sed 's/&#39;/'"'"'/g; s/&quot;/"/g' "$T/r.html" >"$T/r.html.txt"
for fig in "Part « faire pour »" "Sans organisme" "Plus autonomes qu'à leur 1re venue" \
	"Moins autonomes qu'à leur 1re venue" "Posture moyenne à la 1re venue" \
	"Posture par demande" "Posture par organisme" "Par site" "En l'absence de la personne" \
	"Passages urgents" "Issues des passages urgents" "Les 12 derniers mois" "Équipement à domicile"; do
	missing=""
	for f in text html.txt csv xlsx.txt; do
		grep -qF "$fig" "$T/r.$f" || missing="$missing $f"
	done
	is "« $fig » in every format" "$missing" ""
done
run report --month 2026-10 --by site --format json
check "json: « faire pour », « sans organisme », autonomy, ranks, crosses, groups" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["volume"]["faire_pour"] == 3 and d["volume"]["sans_organisme"] == 1
assert d["autonomie"]["plus_autonome"] == 1 and d["autonomie"]["par_rang"][1]["posture_moyenne"] == 4.0
assert d["posture_par_demande"][0]["postures"]["pour"]["nombre"] == 3
assert [g["code"] for g in d["repartition"]["groupes"]] == ["nord", "sud"]' "$T/out"

# ---- the first page: key figures beside September and October 2025
run report --month 2026-10
check "text: visits +50 % on September" out_has "+50$NB% par rapport à septembre 2026"
check "text: visits +200 % on a year earlier" out_has "+200$NB% par rapport à octobre 2025"
check "text: the « faire pour » share moves in points" out_has "+50,0 points par rapport à septembre 2026"
check "text: the key figures come first" sh -c 'sed -n "4,6p" "$1" | grep -q "^L.essentiel$"' x "$T/out"
run report --month 2026-10 --format json
check "json: the key figures with the periods compared" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
k = d["essentiel"]["passages"]
assert (k["valeur"], k["periode_precedente"], k["un_an_avant"]) == (6, 4, 2), k
assert k["evolution"] == "+50\u202f% par rapport à septembre 2026", k
f = d["essentiel"]["faire_pour"]
assert (f["part"], f["part_periode_precedente"]) == (50.0, 0.0), f
assert d["periode"]["precedente"] == {"du": "2026-09-01", "au": "2026-09-30"}
assert d["periode"]["un_an_avant"] == {"du": "2025-10-01", "au": "2025-10-31"}
assert d["periode"]["en_cours_au"] is None' "$T/out"
check "xlsx: the change in words, the periods' values as numbers" sh -c '
	grep -q "^s:Passages # n:6:#,##0 # n:4:#,##0 # s:hausse de 50$2% par rapport à septembre 2026 # n:2:#,##0" "$1"' x "$T/r.xlsx.txt" "$NB"
check "xlsx: a share is a percentage" grep -q "^s:Part « faire pour » (nombre ; part en %) # n:3:#,##0 # n:0.5:0.0%" "$T/r.xlsx.txt"
check "html: the key figures table first, with both comparisons" sh -c '
	grep -A4 "<h2>L" "$1" | grep -q "Par rapport à la période précédente</th><th>Sur un an"' x "$T/r.html"
run report --month 2026-10 --format csv -o "$T/r.csv"
check "csv: the change in words a spreadsheet keeps as text" sh -c '
	grep -q "^Passages;6;;4;hausse de 50$2% par rapport à septembre 2026;2;hausse de 200$2% par rapport à octobre 2025" "$1"' x "$T/r.csv" "$NB"
check "csv: never a leading apostrophe on carnet's own words" sh -c '! grep -q ";'"'"'" "$1"' x "$T/r.csv"

# ---- a month still going on: the same days compared
CARNET_NOW=2026-10-10T18:00 run report --month 2026-10 --format json
check "in progress: said, and compared on as many days" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["periode"]["en_cours_au"] == "2026-10-10", d["periode"]
assert d["periode"]["precedente"] == {"du": "2026-09-01", "au": "2026-09-10"}, d["periode"]
assert d["essentiel"]["passages"]["periode_precedente"] == 2
assert d["essentiel"]["passages"]["evolution"].endswith("par rapport à la période du 1er au 10 septembre 2026")' "$T/out"
CARNET_NOW=2026-10-10T18:00 run report --month 2026-10
check "in progress: the text says so on top" out_has "Période en cours : passages enregistrés jusqu'au 10 octobre 2026"

# ---- what it covers, on top of every format
for fmt in text html csv xlsx; do
	run report --month 2026-10 --site sud --mediator ab,cd --format "$fmt" -o "$T/s.$fmt"
	[ "$fmt" = xlsx ] && xlsx_rows "$T/s.xlsx" >"$T/s.xlsx.txt" && mv "$T/s.xlsx.txt" "$T/s.$fmt"
	check "$fmt: the title names the period in words" grep -q "Bilan d.activité — octobre 2026" "$T/s.$fmt"
	check "$fmt: the scope by labels" grep -qF "Site : Site sud · Médiateurs : A. B., C. D." "$T/s.$fmt"
done
run report --month 2026-10 --site sud --format json
is "json: the period in words" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["periode"]["en_mots"], d["filtres"]["sites"])' "$T/out")" "octobre 2026 ['sud']"
run report --month 2026-10 --site ouest
check "an unknown --site: exit 1" rc_is 1
check "an unknown --site: the accepted codes named" err_has "--site : code inconnu « ouest ». Valeurs acceptées : nord, sud"
check "an unknown --site: no report" out_empty
run report --month 2026-10 --mediator zz --format json
check "an unknown --mediator: exit 1, the accepted codes named" sh -c '[ "$1" -eq 1 ] && grep -qF "Valeurs acceptées : ab, cd" "$2"' x "$RC" "$T/err"

# ---- JSON for other tools
run report --month 2025-01 --format json
check "json, no visit: format_version 3, null means, rows kept" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format_version"] == 3
assert d["volume"]["duree_moyenne"] is None and d["volume"]["duree_mediane"] is None
assert all(r["posture_moyenne"] is None for r in d["autonomie"]["par_rang"])
assert [l["code"] for l in d["durees"]["lignes"]] == ["moins_15", "15_29", "30_59", "60_120", "plus_120"]
for t in ("tranche_age", "genre", "quartier", "situation", "equipement", "oriente_par", "oriente_vers"):
    assert [l for l in d[t]["lignes"] if l["code"] == ""], t
for t in ("canal", "postures", "demandes"):
    assert not [l for l in d[t]["lignes"] if l["code"] == ""], t' "$T/out"
run report --month 2026-10 --format json
check "json, with visits: the « non renseigné » rows still there" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for t in ("tranche_age", "genre", "oriente_par", "oriente_vers"):
    assert [l for l in d[t]["lignes"] if l["code"] == ""], t
assert d["durees"]["lignes"][4] == {"code": "plus_120", "libelle": "plus de 2 h", "nombre": 1, "part": 16.7, "code_inconnu": False}
assert d["volume"]["duree_moyenne"] == 45.8' "$T/out"

# ---- numbers: the French way for people, the machine way for programs
run report --month 2026-10
check "text: never a decimal point" sh -c '! grep -Eq "[0-9]\.[0-9]" "$1"' x "$T/out"
check "text: a narrow no-break space before %" out_has "50,0$NB%"
check "text: the mean duration with a decimal comma" out_has "45,8 min"
for loc in C.UTF-8 fr_FR.UTF-8; do
	locale -a 2>/dev/null | grep -qix "$(echo "$loc" | sed 's/UTF-8/utf-\\?8/')" || continue
	LC_ALL=$loc LANG=$loc "$CARNET" report --month 2026-10 --format json >"$T/l.json" 2>"$T/err"
	check "$loc: the JSON parses, with decimal points" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["volume"]["duree_moyenne"] == 45.8' "$T/l.json"
	LC_ALL=$loc LANG=$loc "$CARNET" report --month 2026-10 --format csv >"$T/l.csv" 2>"$T/err"
	check "$loc: the CSV has decimal commas" grep -q "^Durée moyenne (minutes);45,8" "$T/l.csv"
done

# ---- a workbook goes to a file
run report --month 2026-10 --format xlsx
check "report xlsx without -o: exit 2" rc_is 2
check "report xlsx without -o: says to give -o" err_has "--format xlsx : un classeur s'écrit dans un fichier (-o"
check "report xlsx without -o: nothing on stdout" out_empty
run list --format xlsx
check "list xlsx without -o: exit 2, says to give -o" sh -c '[ "$1" -eq 2 ] && grep -qF -- "-o passages.xlsx" "$2"' x "$RC" "$T/err"
run report --month 2026-10 --format pdf
check "an unknown format: the accepted ones named, xlsx among them" err_has "Valeurs acceptées : text, html, csv, json, xlsx"
