# SPDX-License-Identifier: GPL-3.0-or-later
# carnet import: a round trip gives identical data, a second import changes
# nothing, the leniencies (BOM, LF, ';', any column order, quoted newlines),
# every kind of bad row or file refused with its line and nothing written,
# --skip-invalid, unknown codes kept, and the rules for edits, tombstones and
# persons.
. "$TESTS_DIR/cli/lib.sh"

HEADER="id,date,heure,duree,site,mediateur,canal,demandes,organismes,posture,present,issue,urgent,oriente_par,oriente_vers,lieu_orientation,note,cree,modifie,supprime,usager,usager_id,tranche_age,genre,quartier,situation,equipement,usager_cree,usager_modifie"

# data DB: every field of every visit, its person by code and profile (local
# person ids may differ between desks), in id order; NULL and '' told apart.
data() {
	sqlite3 -batch -quote "$1" "SELECT v.id, v.date, v.time, v.duration, v.site, v.mediator, v.canal,
	  v.posture, v.present, v.outcome, v.urgent, v.referred_by, v.referred_to, v.referred_place,
	  v.note, v.created_at, v.updated_at, v.deleted_at, v.demands, v.organisms, p.code, p.age,
	  p.gender, p.area, p.situation, p.equipment, p.created_at, p.updated_at
	  FROM visit v LEFT JOIN person p ON p.id = v.person_id ORDER BY v.id"
}
persons() {
	sqlite3 -batch -quote "$1" "SELECT code, age, gender, area, situation, equipment, created_at, updated_at FROM person ORDER BY code"
}
dump() { sqlite3 -batch "$1" .dump; }
# copy DB NEW: a copy of a desk's database (its WAL written back first).
copy() {
	sqlite3 -batch "$1" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	cp "$1" "$2"
}
newid() { python3 -c 'import uuid; print(uuid.uuid4())'; }
# csvset IN OUT COLUMN=VALUE FIELD=VALUE…: a copy of the export IN, written as
# carnet writes it (CRLF, quotes only when needed), where the rows whose
# COLUMN is VALUE get the given fields.
csvset() {
	python3 -c '
import csv, sys
src, dst, sel = sys.argv[1:4]
rows = list(csv.reader(open(src, encoding="utf-8", newline="")))
h = rows[0]
k, v = sel.split("=", 1)
for r in rows[1:]:
    if r[h.index(k)] == v:
        for a in sys.argv[4:]:
            c, x = a.split("=", 1)
            r[h.index(c)] = x
csv.writer(open(dst, "w", encoding="utf-8", newline=""), lineterminator="\r\n").writerows(rows)' "$@"
}
# row IN ID FIELD=VALUE…: the row of visit ID in the export IN with the given
# fields changed, as one CSV record without its line end (quoted as carnet
# quotes: a field with a line break too).
row() {
	python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
h = rows[0]
r = [r for r in rows[1:] if r[0] == sys.argv[2]][0]
for a in sys.argv[3:]:
    c, x = a.split("=", 1)
    r[h.index(c)] = x
csv.writer(sys.stdout, lineterminator="\r\n").writerow(r)' "$@" | sed '$s/\r$//'
}
# field IN ID COLUMN: one field of the row of visit ID in the export IN.
field() {
	python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
print([r for r in rows[1:] if r[0] == sys.argv[2]][0][rows[0].index(sys.argv[3])])' "$1" "$2" "$3"
}
# crlf FILE LINE…: writes the lines to FILE, each ended by CRLF.
crlf() { f=$1; shift; printf '%s\r\n' "$@" >"$f"; }

export CARNET_CONFIG="$T/desk.ini"
printf '[site]\nnord = Site nord\nsud = Site sud\n[mediateur]\nab = A. B.\ncd = C. D.\n[desk]\nsite = nord\nmediator = ab\n' >"$CARNET_CONFIG"

# ---- desk A ($DB): every kind of visit and two persons
run person new --code K7M2QX --age 25_39 --gender femme --situation emploi --equipment smartphone,internet
NOTE='Dossier « RSA », dit "urgent" ; à revoir'
run add --date 2026-11-05 --time 14:30 --duration 45 --canal rdv --demand demande,rdv,info \
	--organism caf,cpam --posture faire --outcome aboutie --urgent --absent --referred-by social \
	--referred-to france_services --referred-place "Maison du droit, Le Blosne" --person K7M2QX \
	--note "$NOTE" --site sud --mediator cd
FULL=$(cat "$T/out")
add_visit --date 2026-11-03 --time 09:00
ANON=$ID
add_visit --date 2026-12-01 --time 10:00 --mediator "" --person K7M2QX
DEC=$ID
export CARNET_NOW=2026-11-18T11:00
run person new --code P4X9ZZ
add_visit --date 2026-11-04 --time 11:00 --person P4X9ZZ --organism ft
EDIT=$ID
add_visit --date 2026-11-04 --time 16:00
DEL=$ID
export CARNET_NOW=2026-11-19T09:00
run delete "$DEL"
check "fixture: a deleted visit" rc_is 0
run edit "$EDIT" --duration 25 --outcome poursuivre
check "fixture: an edited visit" rc_is 0
is "fixture: 5 visits, one deleted, two persons" "$(sql 'SELECT count(*), count(deleted_at), (SELECT count(*) FROM person) FROM visit')" "5|1|2"
run export -o "$T/a.csv"
check "fixture: exported" rc_is 0

# ---- round trip into an empty database
B="$T/b.db"
run --db "$B" import "$T/a.csv"
check "round trip: exit 0" rc_is 0
is "round trip: the summary line" "$(OUT)" "4 nouveaux, 0 modifié, 0 inchangé, 1 supprimé, 0 rejeté"
check "round trip: nothing on stderr (no progress bar off a terminal)" err_empty
is "round trip: identical visits, fields and persons" "$(data "$B")" "$(data "$DB")"
is "round trip: identical persons" "$(persons "$B")" "$(persons "$DB")"
is "round trip: the deleted visit is deleted" "$(SQLDB=$B sql "SELECT deleted_at FROM visit WHERE id = '$DEL'")" 2026-11-19T08:00:00.000Z
run --db "$B" export -o "$T/b0.csv"
is "round trip: exported again, the same file (but the local person ids)" "$(python3 -c '
import csv, sys
def rows(p):
    rs = list(csv.reader(open(p, encoding="utf-8", newline="")))
    i = rs[0].index("usager_id")
    return [r[:i] + r[i + 1:] for r in rs]
print(rows(sys.argv[1]) == rows(sys.argv[2]))' "$T/a.csv" "$T/b0.csv")" True
run --db "$B" person show K7M2QX
check "round trip: the person is known on desk B" rc_is 0

# ---- a second import changes nothing
BEFORE=$(dump "$B")
run --db "$B" import "$T/a.csv"
check "second import: exit 0" rc_is 0
is "second import: all unchanged" "$(OUT)" "0 nouveau, 0 modifié, 5 inchangés, 0 supprimé, 0 rejeté"
is "second import: the database is unchanged" "$(dump "$B")" "$BEFORE"
is "second import: no history kept" "$(SQLDB=$B sql 'SELECT count(*) FROM visit_history')" 0
ABEFORE=$(dump "$DB")
run import "$T/a.csv"
is "a desk's own export imported: all unchanged" "$(OUT)" "0 nouveau, 0 modifié, 5 inchangés, 0 supprimé, 0 rejeté"
is "a desk's own export imported: the database is unchanged" "$(dump "$DB")" "$ABEFORE"

# ---- leniencies: each file into an empty database gives desk A's data
# lenient DESC FILE [IMPORT-ARGS…]
lenient() {
	l_db="$T/l$$-$(printf '%s' "$1" | tr -c 'a-z' _).db"
	l_desc=$1 l_file=$2
	shift 2
	run --db "$l_db" import "$@" "$l_file"
	check "$l_desc: exit 0" rc_is 0
	is "$l_desc: the summary" "$(OUT)" "4 nouveaux, 0 modifié, 0 inchangé, 1 supprimé, 0 rejeté"
	is "$l_desc: identical data" "$(data "$l_db")" "$(data "$DB")"
}
{ printf '\357\273\277'; cat "$T/a.csv"; } >"$T/bom.csv"
lenient "a UTF-8 BOM" "$T/bom.csv"
tr -d '\r' <"$T/a.csv" >"$T/lf.csv"
lenient "LF line ends" "$T/lf.csv"
python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), delimiter=";", lineterminator="\r\n").writerows(rows)' "$T/a.csv" "$T/semicolon.csv"
check "fixture: the ';' file quotes the note with its ';' and not the place with its ','" \
	sh -c 'grep -qF ";Maison du droit, Le Blosne;\"Dossier « RSA », dit \"\"urgent\"\" ; à revoir\";" "$1"' x "$T/semicolon.csv"
lenient "';' as separator" "$T/semicolon.csv"
{ printf '\357\273\277'; tr -d '\r' <"$T/semicolon.csv"; } >"$T/semicolon-lf.csv"
lenient "BOM, ';' and LF together (a French spreadsheet's CSV)" "$T/semicolon-lf.csv"
python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\r\n").writerows([r[::-1] for r in rows])' "$T/a.csv" "$T/reversed.csv"
lenient "columns in another order" "$T/reversed.csv"
python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)' "$T/a.csv" "$T/quoted.csv"
lenient "every field quoted" "$T/quoted.csv"
run --db "$T/stdin.db" import - <"$T/a.csv"
check "'-' reads stdin: exit 0" rc_is 0
is "'-' reads stdin: identical data" "$(data "$T/stdin.db")" "$(data "$DB")"
crlf "$T/header.csv" "$HEADER"
run --db "$B" import "$T/header.csv"
check "the header alone: exit 0" rc_is 0
is "the header alone: nothing to do" "$(OUT)" "0 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté"

# ---- a quoted field over two physical lines is one field; line numbers
# are physical lines, 1 being the header
N1=$(newid) N2=$(newid) N3=$(newid) N4=$(newid)
R_NL=$(row "$T/a.csv" "$ANON" id="$N2" note="$(printf 'première ligne\r\nseconde ligne')")
crlf "$T/nl.csv" "$HEADER" "$(row "$T/a.csv" "$ANON" id="$N1")" "$R_NL" \
	"$(row "$T/a.csv" "$ANON" id="$N3" date=2026-13-01)" "$(row "$T/a.csv" "$ANON" id="$N4")"
is "fixture: 6 physical lines" "$(wc -l <"$T/nl.csv" | tr -d ' ')" 6
BEFORE=$(dump "$B")
run --db "$B" import "$T/nl.csv"
check "a note over two lines: exit 1" rc_is 1
check "a note over two lines: read as one field of the record of line 3, the note refused" \
	err_has "carnet: $T/nl.csv:3: colonne « note » : "
check "a note over two lines: no summary" out_empty
is "a note over two lines: all or nothing, the valid row of line 2 not written" "$(dump "$B")" "$BEFORE"
run --db "$B" import --skip-invalid "$T/nl.csv"
check "--skip-invalid: exit 0" rc_is 0
is "--skip-invalid: the summary counts the rejected rows" "$(OUT)" "2 nouveaux, 0 modifié, 0 inchangé, 0 supprimé, 2 rejetés"
check "--skip-invalid: the note refused at line 3" err_has "carnet: $T/nl.csv:3: colonne « note » : "
check "--skip-invalid: the date refused at line 5, after the two-line record" \
	err_has "carnet: $T/nl.csv:5: colonne « date » : date invalide"
is "--skip-invalid: two messages" "$(grep -c "^carnet: $T/nl.csv:" "$T/err")" 2
is "--skip-invalid: the valid rows imported, the invalid ones not" \
	"$(SQLDB=$B sql "SELECT count(*) FROM visit WHERE id IN ('$N1', '$N4')") $(SQLDB=$B sql "SELECT count(*) FROM visit WHERE id IN ('$N2', '$N3')")" "2 0"
tr -d '\r' <"$T/nl.csv" >"$T/nl-lf.csv"
run --db "$T/nl-lf.db" import --skip-invalid "$T/nl-lf.csv"
check "LF file: the same line numbers" sh -c 'grep -qF "$2:3: colonne « note » : " "$1" && grep -qF "$2:5: colonne « date » : " "$1"' x "$T/err" "$T/nl-lf.csv"

# ---- every kind of bad row or file: its message, exit 1, nothing written.
# The bad row is at line 3, after a valid new row at line 2 that must not be
# written either.
# refused DESC FILE LINE COLUMN WORDS: "carnet import FILE" on desk B exits 1
# with "carnet: FILE:LINE: colonne « COLUMN » : …WORDS…" (COLUMN and WORDS
# checked when not empty), prints no summary and leaves desk B as it was.
refused() {
	r_before=$(dump "$B")
	run --db "$B" import "$2"
	check "$1: exit 1" rc_is 1
	check "$1: message « carnet: FILE:$3: »" err_has "carnet: $2:$3: "
	if [ -n "$4" ]; then check "$1: names the column « $4 »" err_has "carnet: $2:$3: colonne « $4 » : "; fi
	if [ -n "$5" ]; then check "$1: says « $5 »" err_has "$5"; fi
	check "$1: no summary on stdout" out_empty
	is "$1: nothing changed in the database" "$(dump "$B")" "$r_before"
}
VALID=$(row "$T/a.csv" "$ANON" id="$(newid)")
# bad NAME FIELD=VALUE…: a file $T/NAME.csv with the valid row then a copy of
# ANON with a new id and the given fields.
bad() {
	b_name=$1; shift
	crlf "$T/$b_name.csv" "$HEADER" "$VALID" "$(row "$T/a.csv" "$ANON" id="$(newid)" "$@")"
}
bad code1 organismes='caf|CAF!'
refused "bad code CAF!" "$T/code1.csv" 3 organismes "code invalide"
bad code2 canal='a b'
refused "bad code 'a b'" "$T/code2.csv" 3 canal "code invalide"
bad date1 date=2026-13-01
refused "bad date 2026-13-01" "$T/date1.csv" 3 date "date invalide"
bad date2 date=2026-02-29
refused "bad date 2026-02-29" "$T/date2.csv" 3 date "date invalide"
bad date3 date=31/11/2026
refused "bad date 31/11/2026 (the French form, a day that is not)" "$T/date3.csv" 3 date "date invalide"
bad date4 date=2026/11/18
refused "bad date 2026/11/18" "$T/date4.csv" 3 date "date invalide"
ROW=$(row "$T/a.csv" "$ANON" id="$(newid)")
crlf "$T/missing.csv" "$HEADER" "$VALID" "$(printf '%s' "$ROW" | cut -d, -f1-26)"
refused "missing columns" "$T/missing.csv" 3 equipement "colonnes manquantes"
crlf "$T/extra.csv" "$HEADER" "$VALID" "$ROW,en trop"
refused "extra column" "$T/extra.csv" 3 "" "colonne en trop"
crlf "$T/quote1.csv" "$HEADER" "$VALID" "$(row "$T/a.csv" "$ANON" id="$(newid)" note=@NOTE@ | sed 's/@NOTE@/"entre guillemets" puis du texte/')"
refused "text after a closing quote" "$T/quote1.csv" 3 "" "guillemets"
crlf "$T/quote2.csv" "$HEADER" "$VALID" "$ROW"
printf '%s\r\n' "$(row "$T/a.csv" "$ANON" id="$(newid)" note=@NOTE@ | sed 's/@NOTE@/"jamais fermé/')" >>"$T/quote2.csv"
refused "a quoted field never closed (end of file)" "$T/quote2.csv" 4 "" "guillemets"
# A file already read as UTF-8 that then breaks it is damaged, not
# Windows-1252 (a file with no UTF-8 before its first accent is: see
# test_spreadsheet.sh).
UTF8_ROW=$(row "$T/a.csv" "$ANON" id="$(newid)" note="Déjà venue, reçue à l'accueil")
crlf "$T/utf8.csv" "$HEADER" "$UTF8_ROW" "$(row "$T/a.csv" "$ANON" id="$(newid)" note=@NOTE@ | LC_ALL=C sed 's/@NOTE@/caf\xe9 cr\xe8me/')"
refused "invalid UTF-8 after UTF-8 (Latin-1 é)" "$T/utf8.csv" 3 note "UTF-8"
crlf "$T/utf8b.csv" "$HEADER" "$UTF8_ROW" "$(row "$T/a.csv" "$ANON" id="$(newid)" lieu_orientation=@P@ | LC_ALL=C sed 's/@P@/Mairie \xc3/')"
refused "invalid UTF-8 after UTF-8 (truncated sequence)" "$T/utf8b.csv" 3 lieu_orientation "UTF-8"
: >"$T/empty.csv"
refused "empty file" "$T/empty.csv" 1 "" "fichier vide"
python3 -c '
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"\0" + b"\xff\0\0" * 2 + b"\0" + b"\0\xff\0" * 2)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)' "$T/photo.png"
refused "a PNG image" "$T/photo.png" 1 "" "n'est pas un export carnet"
printf 'Compte rendu de la réunion du 12 novembre\nPrésents : l’équipe de médiation, la CAF, le CCAS.\nPoints abordés : permanences, ateliers, bilan.\n' >"$T/notes.txt"
refused "a text file" "$T/notes.txt" 1 "" "n'est pas un export carnet"
run --db "$B" list --from 2026-11-01 --to 2026-11-30 --format csv
cp "$T/out" "$T/list.csv"
refused "the CSV of « carnet list » (labels, no timestamps)" "$T/list.csv" 1 "" ""
python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
i = rows[0].index("note")
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline=""), lineterminator="\r\n").writerows([r[:i] + r[i + 1:] for r in rows])' "$T/a.csv" "$T/nocol.csv"
refused "a header without the note column" "$T/nocol.csv" 1 "" "note"
crlf "$T/unknowncol.csv" "$HEADER,commentaire" "$VALID,"
refused "an unknown header column" "$T/unknowncol.csv" 1 "" "commentaire"
crlf "$T/dupcol.csv" "$HEADER,note" "$VALID,"
refused "a duplicated header column" "$T/dupcol.csv" 1 "" "note"
crlf "$T/upper.csv" "$(printf '%s' "$HEADER" | sed 's/^id,/ID,/')" "$VALID"
refused "column names are lower-case (ID)" "$T/upper.csv" 1 "" ""
# Every other field is checked like "carnet add" checks its option.
bad id id=pas-un-uuid
refused "an id that is not a UUID" "$T/id.csv" 3 id ""
bad noid id=
refused "no id" "$T/noid.csv" 3 id ""
bad time heure=25:00
refused "bad time 25:00" "$T/time.csv" 3 heure ""
bad dur0 duree=0
refused "duration 0" "$T/dur0.csv" 3 duree ""
bad dur481 duree=481
refused "duration 481" "$T/dur481.csv" 3 duree ""
bad nosite site=
refused "no site" "$T/nosite.csv" 3 site ""
bad nodemand demandes=
refused "no demand" "$T/nodemand.csv" 3 demandes ""
bad demand2 'demandes=info||suivi'
refused "an empty code between two '|'" "$T/demand2.csv" 3 demandes ""
bad noposture posture=
refused "no posture" "$T/noposture.csv" 3 posture ""
bad present present=oui
refused "present oui" "$T/present.csv" 3 present ""
bad urgent urgent=2
refused "urgent 2" "$T/urgent.csv" 3 urgent ""
bad note501 note="$(python3 -c 'print("é" * 501)')"
refused "a note of 501 characters" "$T/note501.csv" 3 note ""
bad notetab note="$(printf 'avant\taprès')"
refused "a tab in the note" "$T/notetab.csv" 3 note ""
bad place121 lieu_orientation="$(python3 -c 'print("à" * 121)')"
refused "a place of 121 characters" "$T/place121.csv" 3 lieu_orientation ""
bad person usager=AB
refused "a person code of 2 characters" "$T/person.csv" 3 usager ""
bad cree cree=hier
refused "a bad creation time" "$T/cree.csv" 3 cree ""
bad modifie modifie=
refused "no change time" "$T/modifie.csv" 3 modifie ""
bad supprime supprime=2026-11-31T08:00:00.000Z
refused "a bad deletion time" "$T/supprime.csv" 3 supprime ""
bad personid usager_id="$(newid)"
refused "usager_id without usager" "$T/personid.csv" 3 usager_id ""
# --skip-invalid: several kinds in one file
G1=$(newid) G2=$(newid)
crlf "$T/mixed.csv" "$HEADER" "$(row "$T/a.csv" "$ANON" id="$G1")" \
	"$(row "$T/a.csv" "$ANON" id="$(newid)" organismes='CAF!')" \
	"$(row "$T/a.csv" "$ANON" id="$G2")" \
	"$(row "$T/a.csv" "$ANON" id="$(newid)" date=2026-11-31)" \
	"$(printf '%s' "$ROW" | cut -d, -f1-20)" "$ROW,x"
run --db "$B" import --skip-invalid "$T/mixed.csv"
check "--skip-invalid, four kinds: exit 0" rc_is 0
is "--skip-invalid, four kinds: summary" "$(OUT)" "2 nouveaux, 0 modifié, 0 inchangé, 0 supprimé, 4 rejetés"
is "--skip-invalid, four kinds: the lines listed" \
	"$(sed -n "s|^carnet: $T/mixed.csv:\([0-9]*\): .*|\1|p" "$T/err" | tr '\n' ' ')" "3 5 6 7 "
check "--skip-invalid, four kinds: the reasons" sh -c 'grep -q ":3: colonne « organismes » : .*code invalide" "$1" &&
	grep -q ":5: colonne « date » : .*date invalide" "$1" && grep -q ":6: colonne « usager » : .*colonnes manquantes" "$1" &&
	grep -q ":7: .*colonne en trop" "$1"' x "$T/err"
is "--skip-invalid, four kinds: the valid ones imported" "$(SQLDB=$B sql "SELECT count(*) FROM visit WHERE id IN ('$G1', '$G2')")" 2
run --db "$B" import --skip-invalid "$T/empty.csv"
check "--skip-invalid with an empty file: still an error (exit 1, fichier vide)" sh -c '[ "$1" = 1 ] && grep -q "fichier vide" "$2"' x "$RC" "$T/err"

# ---- usage
run --db "$B" import
check "import without FILE: exit 2" rc_is 2
run --db "$B" import --bogus "$T/a.csv"
check "import with an unknown option: exit 2" rc_is 2
run --db "$B" import "$T/nowhere.csv"
check "import of a missing file: exit 3" rc_is 3
check "import of a missing file: the message names it" err_has "$T/nowhere.csv"

# ---- codes unknown to this desk but well-formed: kept, listed once each
U1=$(newid) U2=$(newid) U3=$(newid)
crlf "$T/unknown.csv" "$HEADER" \
	"$(row "$T/a.csv" "$ANON" id="$U1" date=2026-11-20 'organismes=zz_mairie|caf')" \
	"$(row "$T/a.csv" "$ANON" id="$U2" date=2026-11-20 canal=aa_guichet)" \
	"$(row "$T/a.csv" "$ANON" id="$U3" date=2026-11-21 organismes=zz_mairie)"
copy "$B" "$T/u.db"
run --db "$T/u.db" import "$T/unknown.csv"
check "unknown codes: exit 0" rc_is 0
is "unknown codes: the summary" "$(OUT)" "3 nouveaux, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté"
is "unknown codes: listed on stderr, list name then code, once each, in order of appearance" "$(ERR)" \
	"carnet: codes inconnus de cette configuration, gardés tels quels : organisme zz_mairie, canal aa_guichet"
is "unknown codes: stored as they are" "$(SQLDB=$T/u.db sql "SELECT organisms FROM visit WHERE id = '$U1'") $(SQLDB=$T/u.db sql "SELECT canal FROM visit WHERE id = '$U2'")" "zz_mairie|caf aa_guichet"
run --db "$T/u.db" report --month 2026-11 --format json
is "unknown codes: flagged in the JSON report" "$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
def line(name, code):
    return [l for l in r[name]["lignes"] if l["code"] == code][0]
print(line("organismes", "zz_mairie")["code_inconnu"], line("organismes", "zz_mairie")["nombre"],
      line("canal", "aa_guichet")["code_inconnu"], line("organismes", "caf")["code_inconnu"])' "$T/out")" "True 2 True False"
run --db "$T/u.db" import "$T/unknown.csv"
is "unknown codes, imported again: unchanged" "$(OUT)" "0 nouveau, 0 modifié, 3 inchangés, 0 supprimé, 0 rejeté"

# ---- the rules: identity by id, the latest "modifie" wins, history kept
# rule NAME CSV: imports CSV into a fresh copy of desk B, $T/NAME.db ($R).
rule() {
	R="$T/$1.db"
	copy "$B" "$R"
	run --db "$R" import "$2"
}
hist() { SQLDB=$R sql "SELECT $1 FROM visit_history WHERE visit_id = '$2' ORDER BY updated_at"; }
vis() { SQLDB=$R sql "SELECT $1 FROM visit WHERE id = '$2'"; }
copy "$B" "$T/b-now.db"
run --db "$T/b-now.db" export -o "$T/b.csv"
NH=5  # rows of a.csv

# A later edit replaces ours; ours goes to the history, as its exchange row.
csvset "$T/a.csv" "$T/later.csv" id="$FULL" duree=50 modifie=2026-11-20T08:00:00.000Z
rule later "$T/later.csv"
is "later edit: summary" "$(OUT)" "0 nouveau, 1 modifié, $((NH - 1)) inchangés, 0 supprimé, 0 rejeté"
is "later edit: ours replaced" "$(vis "duration || ' ' || updated_at" "$FULL")" "50 2026-11-20T08:00:00.000Z"
is "later edit: our version kept in visit_history" "$(hist updated_at "$FULL")" 2026-11-18T09:30:00.000Z
# The visit's part of the row, columns id to usager (the profile's eight
# columns after it never need quotes).
is "later edit: the history holds our row of the exchange format, up to usager" "$(hist version "$FULL")" "$(grep -a "^$FULL," "$T/b.csv" | tr -d '\r' | sed 's/\(,[^,]*\)\{8\}$//')"
is "history: only that version" "$(SQLDB=$R sql 'SELECT count(*) FROM visit_history')" 1
run --db "$R" import "$T/later.csv"
is "later edit imported again: unchanged" "$(OUT)" "0 nouveau, 0 modifié, $NH inchangés, 0 supprimé, 0 rejeté"
is "later edit imported again: no new history" "$(SQLDB=$R sql 'SELECT count(*) FROM visit_history')" 1

# An older version is not applied, but kept in the history.
csvset "$T/a.csv" "$T/older.csv" id="$EDIT" duree=99 modifie=2026-11-18T20:00:00.000Z
rule older "$T/older.csv"
is "older edit: summary" "$(OUT)" "0 nouveau, 0 modifié, $NH inchangés, 0 supprimé, 0 rejeté"
is "older edit: ours kept" "$(vis "duration || ' ' || updated_at" "$EDIT")" "25 2026-11-19T08:00:00.000Z"
is "older edit: the incoming version in visit_history" "$(hist updated_at "$EDIT")" 2026-11-18T20:00:00.000Z
check "older edit: its row of the exchange format, one line" sh -c 'case "$1" in "$2,2026-11-04,11:00,99,"*,2026-11-18T20:00:00.000Z,,P4X9ZZ) ! printf "%s" "$1" | grep -q "$(printf "\r")" ;; *) false ;; esac' x "$(hist version "$EDIT")" "$EDIT"
run --db "$R" import "$T/older.csv"
is "older edit imported again: no new history" "$(SQLDB=$R sql 'SELECT count(*) FROM visit_history')" 1

# A tombstone wins over an older edit.
csvset "$T/a.csv" "$T/tomb.csv" id="$ANON" supprime=2026-11-20T08:00:00.000Z modifie=2026-11-20T08:00:00.000Z
rule tomb "$T/tomb.csv"
is "tombstone: summary" "$(OUT)" "0 nouveau, 0 modifié, $((NH - 1)) inchangés, 1 supprimé, 0 rejeté"
is "tombstone: the visit is deleted" "$(vis deleted_at "$ANON")" 2026-11-20T08:00:00.000Z
run --db "$R" list --from 2026-11-01 --to 2026-11-30
check "tombstone: the visit is no longer listed" sh -c '! grep -q "$2" "$1"' x "$T/out" "$(printf '%.8s' "$ANON")"
is "tombstone: the live version in the history" "$(hist updated_at "$ANON")" 2026-11-18T09:30:00.000Z
# An edit made after the deletion wins over the tombstone.
csvset "$T/a.csv" "$T/revive.csv" id="$DEL" supprime= modifie=2026-11-20T08:00:00.000Z duree=30
rule revive "$T/revive.csv"
is "edit after the deletion: summary" "$(OUT)" "0 nouveau, 1 modifié, $((NH - 1)) inchangés, 0 supprimé, 0 rejeté"
is "edit after the deletion: the visit is live again, edited" "$(vis "coalesce(deleted_at, 'live') || ' ' || duration" "$DEL")" "live 30"
# An edit made before the deletion does not bring the visit back.
csvset "$T/a.csv" "$T/stale.csv" id="$DEL" supprime= modifie=2026-11-19T07:00:00.000Z duree=30
rule stale "$T/stale.csv"
is "edit before the deletion: unchanged" "$(OUT)" "0 nouveau, 0 modifié, $NH inchangés, 0 supprimé, 0 rejeté"
is "edit before the deletion: still deleted" "$(vis "deleted_at || ' ' || duration" "$DEL")" "2026-11-19T08:00:00.000Z 15"
# A tombstone older than our edit does not delete it.
csvset "$T/a.csv" "$T/oldtomb.csv" id="$EDIT" supprime=2026-11-19T07:00:00.000Z modifie=2026-11-19T07:00:00.000Z
rule oldtomb "$T/oldtomb.csv"
is "older tombstone: unchanged" "$(OUT)" "0 nouveau, 0 modifié, $NH inchangés, 0 supprimé, 0 rejeté"
is "older tombstone: still live" "$(vis "coalesce(deleted_at, 'live')" "$EDIT")" live
# A new visit arriving deleted counts as deleted.
D1=$(newid)
crlf "$T/newtomb.csv" "$HEADER" "$(row "$T/a.csv" "$DEL" id="$D1")"
rule newtomb "$T/newtomb.csv"
is "a new visit arriving as a tombstone: counted supprimé" "$(OUT)" "0 nouveau, 0 modifié, 0 inchangé, 1 supprimé, 0 rejeté"
is "a new visit arriving as a tombstone: stored deleted" "$(vis "deleted_at" "$D1")" 2026-11-19T08:00:00.000Z
# Same "modifie", different contents: a fixed order decides, the same in
# both orders of arrival.
csvset "$T/a.csv" "$T/tie1.csv" id="$FULL" duree=33 note="version un"
csvset "$T/a.csv" "$T/tie2.csv" id="$FULL" duree=44 note="version deux"
rule tie12 "$T/tie1.csv"
run --db "$R" import "$T/tie2.csv"
rule tie21 "$T/tie2.csv"
run --db "$R" import "$T/tie1.csv"
is "same modifie, different contents: both orders converge" "$(data "$T/tie12.db")" "$(data "$T/tie21.db")"
run --db "$T/tie12.db" import "$T/tie1.csv"
is "same modifie: importing a loser again changes nothing" "$(OUT)" "0 nouveau, 0 modifié, $NH inchangés, 0 supprimé, 0 rejeté"

# ---- persons: matched by code, the later profile wins
csvset "$T/a.csv" "$T/p-later.csv" usager=K7M2QX tranche_age=40_59 situation=sans_emploi usager_modifie=2026-11-20T08:00:00.000Z
rule plater "$T/p-later.csv"
check "later profile: exit 0" rc_is 0
is "later profile: applied" "$(SQLDB=$R sql "SELECT age || ' ' || situation || ' ' || updated_at FROM person WHERE code = 'K7M2QX'")" "40_59 sans_emploi 2026-11-20T08:00:00.000Z"
is "later profile: still one person with that code" "$(SQLDB=$R sql "SELECT count(*) FROM person WHERE code = 'K7M2QX'")" 1
csvset "$T/a.csv" "$T/p-older.csv" usager=K7M2QX tranche_age=40_59 usager_modifie=2026-11-18T08:00:00.000Z
rule polder "$T/p-older.csv"
is "older profile: not applied" "$(SQLDB=$R sql "SELECT age FROM person WHERE code = 'K7M2QX'")" 25_39
NP=$(newid)
crlf "$T/p-new.csv" "$HEADER" "$(row "$T/a.csv" "$FULL" id="$NP" usager=NEWP01 usager_id="$(newid)" \
	tranche_age=18_24 genre=homme situation= equipement=aucun usager_cree=2026-11-01T08:00:00.000Z usager_modifie=2026-11-02T08:00:00.000Z)"
rule pnew "$T/p-new.csv"
is "a new person: summary" "$(OUT)" "1 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté"
is "a new person: created with its profile and times" \
	"$(SQLDB=$R sql "SELECT age, gender, coalesce(situation, ''), equipment, created_at, updated_at FROM person WHERE code = 'NEWP01'")" \
	"18_24|homme||aucun|2026-11-01T08:00:00.000Z|2026-11-02T08:00:00.000Z"
is "a new person: the visit points to it" "$(SQLDB=$R sql "SELECT p.code FROM visit v JOIN person p ON p.id = v.person_id WHERE v.id = '$NP'")" NEWP01
crlf "$T/p-noid.csv" "$HEADER" "$(row "$T/a.csv" "$FULL" id="$(newid)" usager=K7M2QX usager_id=)"
rule pnoid "$T/p-noid.csv"
check "usager without usager_id: accepted" rc_is 0
is "usager without usager_id: the visit points to the local person with that code" \
	"$(SQLDB=$R sql "SELECT count(*) FROM visit v JOIN person p ON p.id = v.person_id WHERE p.code = 'K7M2QX'")" 3
