# SPDX-License-Identifier: GPL-3.0-or-later
# Files that go to a spreadsheet open right there, and what comes back from
# one is read: the list and report CSV in the French dialect, xlsx with real
# numbers, dates and percentages, formula-looking texts kept as text, codes
# that never turn into numbers, and the full round trip export → Calc (as a
# French desktop opens it, special numbers detected) → CSV → import, for
# both separators, giving back the same export byte for byte. Without
# LibreOffice, the Calc checks say they are skipped.
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
