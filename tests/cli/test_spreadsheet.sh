# SPDX-License-Identifier: GPL-3.0-or-later
# Files that go to a spreadsheet open right there, and what comes back from
# one is read: the list and report CSV in the French dialect, xlsx with real
# numbers, dates and percentages, formula-looking texts kept as text, codes
# that never turn into numbers, and the full round trip export → Calc (as a
# French desktop opens it, special numbers detected) → CSV → import, for
# both separators, giving back the same export byte for byte, also for a
# file with workshops and times. Without LibreOffice, the Calc checks say
# they are skipped.
. "$TESTS_DIR/cli/lib.sh"

# cells FILE.fods ROW: the cells of a row of the first sheet as
# "type:value|type:value…" (types: float, percentage, date, time, string).
cells() {
	python3 - "$1" "$2" <<'PY'
import sys, xml.etree.ElementTree as ET
T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
rows = list(ET.parse(sys.argv[1]).iter("{%s}table-row" % T))
row = rows[int(sys.argv[2])]
out = []
for c in row.findall("{%s}table-cell" % T):
    rep = int(c.get("{%s}number-columns-repeated" % T, "1"))
    if rep > 50:
        break
    kind = c.get("{%s}value-type" % O, "")
    val = (c.get("{%s}value" % O) or c.get("{%s}date-value" % O) or c.get("{%s}time-value" % O)
           or "".join(c.itertext()).strip())
    out += ["%s:%s" % (kind, val)] * rep
print("|".join(out))
PY
}
# find_row FILE.fods TEXT: the index of the first row whose first cell is TEXT.
find_row() {
	python3 - "$1" "$2" <<'PY'
import sys, xml.etree.ElementTree as ET
T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
for i, row in enumerate(ET.parse(sys.argv[1]).iter("{%s}table-row" % T)):
    c = row.find("{%s}table-cell" % T)
    if c is not None and "".join(c.itertext()).strip() == sys.argv[2]:
        print(i)
        break
PY
}
# calc IN OUT FILTER: LibreOffice converts IN with its import FILTER (a
# fresh profile's first start may end before converting: once more then).
calc() {
	for try in 1 2; do
		[ -s "$T/$2" ] || (cd "$T" && HOME="$T/lo" timeout 120 libreoffice --headless \
			${3:+--infilter="$3"} --convert-to "$4" --outdir "$T/conv" "$1" >/dev/null 2>&1 &&
			mv "$T/conv/$(basename "${1%.*}").${4%%:*}" "$T/$2" 2>/dev/null)
	done
	[ -s "$T/$2" ]
}

# ---- data with what spreadsheets break
run person new --code 3E7946
run person new --code 0123
add_visit --person 3E7946 --note "=1+1"
add_visit --person 0123 --note "-2 passages, puis +1"
add_visit --note "@accueil : l'apostrophe 'ici'"
add_visit --note "'commence par une apostrophe"
add_visit --note "Reçu à l'accueil « dossier complet » ; revient été" --time 09:05 --organism caf,cpam
# Texts a French Calc reads as values (detection on): a date in words, a
# phone number, a fraction, a percentage, a truth value, a time, a number.
for note in "12 novembre" 0612345678 1/2 "15 %" VRAI 12:30 "1 550" "(12)" "janv. 2027"; do
	add_visit --note "$note"
done
add_visit --referred-to autre --referred-place "2026" --note "rendez-vous le 12/11 à 14:30, apporter l'avis"
run export -o "$T/orig.csv"
check "export: written" rc_is 0
check "export: a note =1+1 is guarded against formulas" grep -q ",'=1+1," "$T/orig.csv"
check "export: a code that looks like a number is guarded" grep -q ",'3E7946," "$T/orig.csv"
check "export: the exchange format keeps commas and no BOM" sh -c 'head -c 3 "$1" | grep -qv "$(printf "\357\273\277")" && head -n 1 "$1" | grep -q "^id,date,"' x "$T/orig.csv"

# ---- the list's CSV is the report's French dialect
run list --format csv
check "list csv: a BOM" sh -c 'head -c 3 "$1" | od -An -tx1 | grep -q "ef bb bf"' x "$T/out"
check "list csv: ';' between fields" sh -c 'head -n 1 "$1" | grep -q "^.*id;date;heure;duree;"' x "$T/out"
check "list csv: CRLF" sh -c 'head -n 1 "$1" | od -An -c | grep -q "\\\\r"' x "$T/out"
check "list csv: =1+1 guarded" out_has ";'=1+1"
check "list csv: -2 guarded" out_has ";'-2 passages"

# ---- codes carnet makes never look like numbers
i=0 bad=0
while [ $i -lt 300 ]; do
	code=$("$CARNET" person new 2>/dev/null)
	case $code in *[A-Z]*[A-Z]*) ;; *) bad=$((bad + 1)) ;; esac
	i=$((i + 1))
done
is "300 new codes, each with two letters at least" "$bad" 0

# ---- what a spreadsheet writes back, without LibreOffice
sed -e 's/,09:05,/,09:05:00,/' -e 's/,2026-11-18,\(09:05\)/,18\/11\/2026,\1/' "$T/orig.csv" >"$T/calcish.csv"
check "fixture: seconds and a French date in it" grep -q "18/11/2026,09:05:00" "$T/calcish.csv"
run --db "$T/calcish.db" import "$T/calcish.csv"
check "import: HH:MM:SS and JJ/MM/AAAA are read" rc_is 0
is "import: the time is 09:05" "$(SQLDB=$T/calcish.db sql "SELECT time FROM visit WHERE note LIKE 'Reçu%'")" "09:05"
is "import: the date is 2026-11-18" "$(SQLDB=$T/calcish.db sql "SELECT date FROM visit WHERE note LIKE 'Reçu%'")" "2026-11-18"
is "import: the guards are taken off" "$(SQLDB=$T/calcish.db sql "SELECT count(*) FROM visit WHERE note IN ('=1+1', '-2 passages, puis +1', '''commence par une apostrophe')")" 3
is "import: the codes too" "$(SQLDB=$T/calcish.db sql "SELECT group_concat(code, ' ') FROM (SELECT code FROM person ORDER BY code)")" "0123 3E7946"
iconv -f UTF-8 -t WINDOWS-1252 "$T/orig.csv" >"$T/win.csv"
run --db "$T/win.db" import "$T/win.csv"
check "import of a Windows-1252 file: read" rc_is 0
check "import of a Windows-1252 file: said in the summary" out_has "Fichier lu en Windows-1252"
is "import of a Windows-1252 file: the accents come back" \
	"$(SQLDB=$T/win.db sql "SELECT note FROM visit WHERE note LIKE 'Reçu%'")" "Reçu à l'accueil « dossier complet » ; revient été"
sed 's/,/;/g' "$T/orig.csv" >/dev/null

# ---- workshops and times (version 2 of the format), with what spreadsheets break
AD="$T/act.db"
"$CARNET" --db "$AD" person new --code 3E7946 --age 25_39 >/dev/null
"$CARNET" --db "$AD" person new --code 0123 >/dev/null
"$CARNET" --db "$AD" add --duration 15 --demand info --posture avec --person 0123 --note "=2+2" >/dev/null
P1=$(sqlite3 "$AD" "SELECT id FROM person WHERE code = '3E7946'")
P2=$(sqlite3 "$AD" "SELECT id FROM person WHERE code = '0123'")
sqlite3 "$AD" "INSERT INTO workshop VALUES ('11111111-1111-4111-8111-111111111111', '2026-11-17',
  '09:05', 90, 'defaut', NULL, '12 novembre', 'internet|mail', 'debutant', 'sur_site', 8, 3,
  'femme=2|homme=1', '25_39=1', NULL, 'ordinateur|tablette', '=1+1 ; « été »',
  '2026-11-17T13:00:00.000Z', '2026-11-17T13:00:00.000Z', NULL);
INSERT INTO workshop_participant VALUES ('11111111-1111-4111-8111-111111111111', 0, '$P1', 1),
  ('11111111-1111-4111-8111-111111111111', 1, '$P2', 0);
INSERT INTO workshop VALUES ('33333333-3333-4333-8333-333333333333', '2026-11-10', '10:00', 60,
  'defaut', NULL, '1/2', 'mail', NULL, NULL, NULL, 4, NULL, NULL, NULL, NULL, '15 %',
  '2026-11-10T09:00:00.000Z', '2026-11-10T12:00:00.000Z', '2026-11-10T12:00:00.000Z');
INSERT INTO worktime VALUES ('22222222-2222-4222-8222-222222222222', '2026-11-16', '14:30', 30,
  'defaut', NULL, 'coordination', '0612345678', '2026-11-16T10:00:00.000Z',
  '2026-11-16T10:00:00.000Z', NULL);"
"$CARNET" --db "$AD" export -o "$T/act.csv" >/dev/null
check "workshops: the export is version 2" sh -c 'head -n 1 "$1" | grep -q "^type,id,date,"' x "$T/act.csv"
check "workshops: a title that looks like a date is guarded" grep -q ",'12 novembre," "$T/act.csv"
check "workshops: the participants in one field" grep -q ",3E7946|0123:absent," "$T/act.csv"
sed -e 's/,2026-11-17,09:05,/,17\/11\/2026,09:05:00,/' -e 's/,2026-11-16,14:30,/,16\/11\/2026,14:30:00,/' "$T/act.csv" >"$T/actcalc.csv"
check "workshops fixture: seconds and French dates in it" sh -c 'grep -q "17/11/2026,09:05:00" "$1" && grep -q "16/11/2026,14:30:00" "$1"' x "$T/actcalc.csv"
run --db "$T/actcalc.db" import "$T/actcalc.csv"
check "workshops: HH:MM:SS and JJ/MM/AAAA are read" rc_is 0
"$CARNET" --db "$T/actcalc.db" export -o "$T/actcalc2.csv" >/dev/null 2>&1
check "workshops: what a spreadsheet writes back gives the same export" cmp -s "$T/act.csv" "$T/actcalc2.csv"
iconv -f UTF-8 -t WINDOWS-1252 "$T/act.csv" >"$T/actwin.csv"
run --db "$T/actwin.db" import "$T/actwin.csv"
check "workshops: a Windows-1252 file is read" out_has "Fichier lu en Windows-1252"
is "workshops: the accents come back" "$(SQLDB=$T/actwin.db sql "SELECT note FROM workshop WHERE title = '12 novembre'")" "=1+1 ; « été »"

if ! command -v libreoffice >/dev/null 2>&1; then
	echo "# LibreOffice is not installed: the Calc checks are skipped"
	exit 0
fi
mkdir -p "$T/lo" "$T/conv"

# ---- the round trip through a French Calc, special numbers detected
for sep in 44 59; do
	cp "$T/orig.csv" "$T/rt$sep.csv"
	if calc "rt$sep.csv" "back$sep.csv" "CSV:44,34,76,1,,1036,false,true" \
		"csv:Text - txt - csv (StarCalc):$sep,34,76,1"; then
		ok "Calc ($sep): opened and saved as CSV"
	else
		nok "Calc ($sep): opened and saved as CSV"
		continue
	fi
	check "Calc ($sep): it wrote times with seconds" grep -q "09:05:00" "$T/back$sep.csv"
	run --db "$T/rt$sep.db" import "$T/back$sep.csv"
	check "Calc ($sep): carnet imports what Calc saved" rc_is 0
	"$CARNET" --db "$T/rt$sep.db" export -o "$T/again$sep.csv" >/dev/null 2>&1
	if cmp -s "$T/orig.csv" "$T/again$sep.csv"; then
		ok "Calc ($sep): the re-export is identical to the original"
	else
		nok "Calc ($sep): the re-export is identical to the original" "$(diff "$T/orig.csv" "$T/again$sep.csv" | head -n 12 | cut -c1-200 | tr "\n" " ")"
	fi
done

# ---- the same round trip for workshops and times
for sep in 44 59; do
	cp "$T/act.csv" "$T/art$sep.csv"
	if calc "art$sep.csv" "aback$sep.csv" "CSV:44,34,76,1,,1036,false,true" \
		"csv:Text - txt - csv (StarCalc):$sep,34,76,1"; then
		ok "Calc ($sep), workshops: opened and saved as CSV"
	else
		nok "Calc ($sep), workshops: opened and saved as CSV"
		continue
	fi
	run --db "$T/art$sep.db" import "$T/aback$sep.csv"
	check "Calc ($sep), workshops: carnet imports what Calc saved" rc_is 0
	"$CARNET" --db "$T/art$sep.db" export -o "$T/aagain$sep.csv" >/dev/null 2>&1
	if cmp -s "$T/act.csv" "$T/aagain$sep.csv"; then
		ok "Calc ($sep), workshops: the re-export is identical to the original"
	else
		nok "Calc ($sep), workshops: the re-export is identical to the original" "$(diff "$T/act.csv" "$T/aagain$sep.csv" | head -n 12 | cut -c1-200 | tr "\n" " ")"
	fi
done

# ---- the report's CSV and xlsx, read as numbers by a French Calc
run report --month 2026-11 --format csv -o "$T/rep.csv"
run report --month 2026-11 --format xlsx -o "$T/rep.xlsx"
check "report xlsx: written" rc_is 0
if calc rep.csv rep-csv.fods "CSV:59,34,76,1,,1036" fods; then
	r=$(find_row "$T/rep-csv.fods" "Passages")
	check "report csv in Calc: « Passages » is a number, 15" sh -c 'echo "$1" | grep -q "^string:Passages|float:15|"' x "$(cells "$T/rep-csv.fods" "$r")"
	r=$(find_row "$T/rep-csv.fods" "Part « faire pour » (nombre ; part en %)")
	check "report csv in Calc: a share is a number" sh -c 'echo "$1" | grep -Eq "float:[0-9]+\|float:[0-9.]+"' x "$(cells "$T/rep-csv.fods" "$r")"
else
	nok "report csv: opened by Calc"
fi
if calc rep.xlsx rep-xlsx.fods "" fods; then
	r=$(find_row "$T/rep-xlsx.fods" "Passages")
	check "report xlsx in Calc: « Passages » is a number, 15" sh -c 'echo "$1" | grep -q "^string:Passages|float:15\($\||\)"' x "$(cells "$T/rep-xlsx.fods" "$r")"
	r=$(find_row "$T/rep-xlsx.fods" "Accueil sans rendez-vous")
	check "report xlsx in Calc: a share is a percentage (1 = 100 %)" sh -c 'echo "$1" | grep -q "percentage:1"' x "$(cells "$T/rep-xlsx.fods" "$r")"
	check "report xlsx in Calc: the period on top" grep -q "Bilan d\(.\|&apos;\)activité — novembre 2026" "$T/rep-xlsx.fods"
else
	nok "report xlsx: opened by Calc"
fi
run list --format xlsx -o "$T/list.xlsx"
check "list xlsx: written" rc_is 0
if calc list.xlsx list.fods "" fods; then
	check "list xlsx in Calc: the date is a date" sh -c 'echo "$1" | grep -q "date:2026-11-18"' x "$(cells "$T/list.fods" 1)"
	check "list xlsx in Calc: the duration a number" sh -c 'echo "$1" | grep -q "float:15"' x "$(cells "$T/list.fods" 1)"
	check "list xlsx in Calc: =1+1 stays text" grep -q "=1+1" "$T/list.fods"
	check "list xlsx in Calc: no formula" sh -c '! grep -q "table:formula" "$1"' x "$T/list.fods"
else
	nok "list xlsx: opened by Calc"
fi
