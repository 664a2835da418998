# SPDX-License-Identifier: GPL-3.0-or-later
# carnet export: the exchange format (header, CRLF, minimal quoting, codes,
# '|' joins, tombstones, persons), its order, its filters and -o FILE.
. "$TESTS_DIR/cli/lib.sh"

HEADER="id,date,heure,duree,site,mediateur,canal,demandes,organismes,posture,present,issue,urgent,oriente_par,oriente_vers,lieu_orientation,note,cree,modifie,supprime,usager,usager_id,tranche_age,genre,quartier,situation,equipement,usager_cree,usager_modifie"
TS_RE='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'

# field FILE ID COLUMN: one field of the row of visit ID in the export FILE.
field() {
	python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
print([r for r in rows[1:] if r[0] == sys.argv[2]][0][rows[0].index(sys.argv[3])])' "$1" "$2" "$3"
}
# ids FILE: the visit ids of the export FILE, in file order, one a line.
ids() {
	python3 -c '
import csv, sys
for r in list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))[1:]:
    print(r[0])' "$1"
}
# sqlids WHERE: the visit ids of the database in export order.
sqlids() { sql "SELECT id FROM visit WHERE $1 ORDER BY date, time, created_at, id"; }
# line FILE ID: the raw line of visit ID (without its CRLF).
line() { grep -a "^$2," "$1" | tr -d '\r'; }

export CARNET_CONFIG="$T/desk.ini"
printf '[site]\nnord = Site nord\nsud = Site sud\n[mediateur]\nab = A. B.\ncd = C. D.\n[desk]\nsite = nord\nmediator = ab\n' >"$CARNET_CONFIG"

# ---- a desk with every kind of visit
run person new --code K7M2QX --age 25_39 --gender femme --situation emploi --equipment smartphone,internet
P1=$(sql "SELECT id FROM person WHERE code = 'K7M2QX'")
NOTE='Dossier « RSA », dit "urgent" ; à revoir'
run add --date 2026-11-05 --time 14:30 --duration 45 --canal rdv --demand demande,rdv,info \
	--organism caf,cpam --posture faire --outcome aboutie --urgent --absent --referred-by social \
	--referred-to france_services --referred-place "Maison du droit, Le Blosne" --person K7M2QX \
	--note "$NOTE" --site sud --mediator cd
FULL=$(cat "$T/out")
check "fixture: the full visit" rc_is 0
add_visit --date 2026-11-03 --time 09:00 --referred-to mediation --referred-place "Médiathèque"
ANON=$ID
add_visit --date 2026-10-28 --time 16:00 --site sud --mediator "" --organism ft
OCT=$ID
add_visit --date 2026-12-01 --time 10:00 --mediator cd --person K7M2QX
DEC=$ID
# Same date and time as FULL, created later: after it.
export CARNET_NOW=2026-11-18T11:00
add_visit --date 2026-11-05 --time 14:30 --site sud
SAME=$ID
# Same date, earlier time, created last: before both.
export CARNET_NOW=2026-11-18T11:30
add_visit --date 2026-11-05 --time 09:15 --demand compte
EARLY=$ID
add_visit --date 2026-11-04 --time 11:00
DEL=$ID
export CARNET_NOW=2026-11-19T09:00
run delete "$DEL"
check "fixture: a deleted visit" rc_is 0
export CARNET_NOW=2026-11-19T10:00
run edit "$ANON" --duration 25
check "fixture: an edited visit" rc_is 0
is "fixture: 7 visits, one deleted" "$(sql 'SELECT count(*), count(deleted_at) FROM visit')" "7|1"

# ---- the whole base on stdout
BEFORE=$(sqlite3 -batch "$DB" .dump)
run export
cp "$T/out" "$T/all.csv"
check "export exits 0" rc_is 0
check "export prints nothing on stderr" err_empty
is "the header row, exactly" "$(head -n 1 "$T/all.csv" | tr -d '\r')" "$HEADER"
check "no BOM: the file starts with 'id,'" sh -c '[ "$(head -c 3 "$1")" = "id," ]' x "$T/all.csv"
check "CRLF line ends, every line, the last one too" python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
sys.exit(not (d.endswith(b"\r\n") and d.count(b"\n") == d.count(b"\r\n") and d.count(b"\r") == d.count(b"\r\n")))' "$T/all.csv"
check "valid UTF-8" python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$T/all.csv"
is "python3's csv module reads 29 fields in every row" "$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
print(len(rows), sorted(set(len(r) for r in rows)))' "$T/all.csv")" "8 [29]"
is "one row per visit, the deleted one too, ordered by date, time, created, id" \
	"$(ids "$T/all.csv")" "$(sqlids 1)"
is "order by hand: October, 3, 4, 5 09:15, 5 14:30 (created first), 5 14:30, December" \
	"$(ids "$T/all.csv" | tr '\n' ' ')" "$OCT $ANON $DEL $EARLY $FULL $SAME $DEC "
check "fields quoted only when needed: written again by python3's csv module, byte for byte" python3 -c '
import csv, io, sys
d = open(sys.argv[1], "rb").read()
rows = list(csv.reader(io.StringIO(d.decode("utf-8"), newline="")))
o = io.StringIO()
csv.writer(o, lineterminator="\r\n").writerows(rows)
sys.exit(o.getvalue().encode("utf-8") != d)' "$T/all.csv"
is "export changes nothing in the database" "$(sqlite3 -batch "$DB" .dump)" "$BEFORE"

# ---- the fields of the full visit: codes, never labels
f() { field "$T/all.csv" "$FULL" "$1"; }
is "id: the full UUID" "$(f id)" "$FULL"
is "date" "$(f date)" 2026-11-05
is "heure" "$(f heure)" 14:30
is "duree in minutes" "$(f duree)" 45
is "site: the code" "$(f site)" sud
is "mediateur: the code" "$(f mediateur)" cd
is "canal: the code, not its label" "$(f canal)" rdv
is "demandes: codes joined by '|' in order, main first" "$(f demandes)" "demande|rdv|info"
is "organismes: codes joined by '|'" "$(f organismes)" "caf|cpam"
is "posture" "$(f posture)" faire
is "present: 0" "$(f present)" 0
is "issue" "$(f issue)" aboutie
is "urgent: 1" "$(f urgent)" 1
is "oriente_par" "$(f oriente_par)" social
is "oriente_vers" "$(f oriente_vers)" france_services
is "lieu_orientation with its comma" "$(f lieu_orientation)" "Maison du droit, Le Blosne"
is "note with accents, quotes, comma and semicolon" "$(f note)" "$NOTE"
is "cree: the stored creation time" "$(f cree)" "$(sql "SELECT created_at FROM visit WHERE id = '$FULL'")"
check "cree: format 2026-11-18T09:30:00.000Z" sh -c 'printf "%s\n" "$1" | grep -Eq "$2"' x "$(f cree)" "$TS_RE"
is "cree: UTC" "$(f cree)" 2026-11-18T09:30:00.000Z
is "modifie: the stored change time" "$(f modifie)" "$(sql "SELECT updated_at FROM visit WHERE id = '$FULL'")"
is "supprime: empty for a live visit" "$(f supprime)" ""
is "usager: the person's code" "$(f usager)" K7M2QX
is "usager_id: the person's UUID" "$(f usager_id)" "$P1"
is "person profile codes" "$(f tranche_age),$(f genre),$(f quartier),$(f situation)" "25_39,femme,,emploi"
is "equipement: codes joined by '|'" "$(f equipement)" "smartphone|internet"
is "usager_cree, usager_modifie: the person's timestamps" "$(f usager_cree) $(f usager_modifie)" \
	"$(sql "SELECT created_at || ' ' || updated_at FROM person WHERE code = 'K7M2QX'")"
check "no label anywhere in the file" sh -c '! grep -qE "Site sud|Sur rendez-vous|C\. D\.|Faire pour|Démarche aboutie|Femme" "$1"' x "$T/all.csv"
is "raw line: only the fields with a comma or quote are quoted, quotes doubled" \
	"$(line "$T/all.csv" "$FULL" | cut -d, -f1-15 | cut -c38-)" \
	"2026-11-05,14:30,45,sud,cd,rdv,demande|rdv|info,caf|cpam,faire,0,aboutie,1,social,france_services"
check "raw line: quoted place and note" sh -c 'grep -aqF "$2" "$1"' x "$T/all.csv" \
	',"Maison du droit, Le Blosne","Dossier « RSA », dit ""urgent"" ; à revoir",2026-11-18T09:30:00.000Z,'

# ---- an anonymous visit, an edited one
f() { field "$T/all.csv" "$ANON" "$1"; }
is "anonymous: every person column empty" \
	"$(for c in usager usager_id tranche_age genre quartier situation equipement usager_cree usager_modifie; do printf '[%s]' "$(f "$c")"; done)" \
	"[][][][][][][][][]"
is "empty organismes and issue: empty fields" "[$(f organismes)][$(f issue)][$(f oriente_par)]" "[][][]"
is "present 1, urgent 0" "$(f present)$(f urgent)" 10
is "edited: modifie is the time of the edit" "$(f modifie)" 2026-11-19T09:00:00.000Z
is "edited: cree unchanged" "$(f cree)" 2026-11-18T09:30:00.000Z
is "edited: the new duration" "$(f duree)" 25
check "a row without comma or quote in its fields has no quote at all" sh -c '! printf "%s" "$1" | grep -q "\""' x "$(line "$T/all.csv" "$ANON")"
is "no mediator: empty field" "$(field "$T/all.csv" "$OCT" mediateur)" ""

# ---- the deleted visit
f() { field "$T/all.csv" "$DEL" "$1"; }
is "tombstone: supprime is the deletion time" "$(f supprime)" 2026-11-19T08:00:00.000Z
is "tombstone: supprime as stored" "$(f supprime)" "$(sql "SELECT deleted_at FROM visit WHERE id = '$DEL'")"
is "tombstone: modifie is the deletion time" "$(f modifie)" "$(f supprime)"
is "tombstone: its fields are still there" "$(f date) $(f duree) $(f demandes)" "2026-11-04 15 info"

# ---- filters
run export --from 2026-11-01 --to 2026-11-30
is "--from/--to: the visits of November (SQL), the deleted one too" \
	"$(ids "$T/out")" "$(sqlids "date BETWEEN '2026-11-01' AND '2026-11-30'")"
is "--from/--to: 5 visits" "$(ids "$T/out" | wc -l | tr -d ' ')" 5
run export --from 2026-11-05 --to 2026-11-05
is "--from/--to: bounds included" "$(ids "$T/out" | tr '\n' ' ')" "$EARLY $FULL $SAME "
run export --from 2026-11-05
is "--from alone: up to the last visit" "$(ids "$T/out" | tr '\n' ' ')" "$EARLY $FULL $SAME $DEC "
run export --to 2026-11-03
is "--to alone: from the first visit" "$(ids "$T/out" | tr '\n' ' ')" "$OCT $ANON "
run export --site sud
is "--site" "$(ids "$T/out")" "$(sqlids "site = 'sud'")"
is "--site: 3 visits" "$(ids "$T/out" | wc -l | tr -d ' ')" 3
run export --site nord --site sud
is "--site repeated" "$(ids "$T/out")" "$(sqlids 1)"
run export --site nord,sud
is "--site with a comma list" "$(ids "$T/out")" "$(sqlids 1)"
run export --mediator cd
is "--mediator" "$(ids "$T/out" | tr '\n' ' ')" "$FULL $DEC "
run export --mediator ab,cd
is "--mediator with a comma list" "$(ids "$T/out")" "$(sqlids "mediator IN ('ab', 'cd')")"
run export --mediator ab --mediator cd
is "--mediator repeated" "$(ids "$T/out")" "$(sqlids "mediator IN ('ab', 'cd')")"
run export --from 2026-11-01 --to 2026-11-30 --site nord --mediator ab
is "filters combined" "$(ids "$T/out")" \
	"$(sqlids "date BETWEEN '2026-11-01' AND '2026-11-30' AND site = 'nord' AND mediator = 'ab'")"
is "filters combined: 3 visits, the deleted one among them" "$(ids "$T/out" | tr '\n' ' ')" "$ANON $DEL $EARLY "

# ---- an empty selection: the header alone
run export --from 2030-01-01 --to 2030-12-31
check "empty selection: exit 0" rc_is 0
check "empty selection: the header row alone, with its CRLF" sh -c '[ "$(od -An -c "$1" | tr -d " \n")" = "$(printf "%s\r\n" "$2" | od -An -c | tr -d " \n")" ]' x "$T/out" "$HEADER"

# ---- bad values
run export --from 2026-13-01
check "bad --from: exit 1" rc_is 1
check "bad --from: French message naming --from" sh -c 'grep -q "^carnet: " "$1" && grep -q -- "--from" "$1" && grep -q "date invalide" "$1"' x "$T/err"
check "bad --from: nothing on stdout" out_empty
run export --to 2026-02-30
check "bad --to (2026-02-30): exit 1 naming --to" sh -c '[ "$1" = 1 ] && grep -q -- "--to" "$2"' x "$RC" "$T/err"
run export --bogus
check "unknown option: exit 2" rc_is 2

# ---- -o FILE
run export -o "$T/export.csv"
check "-o: exit 0" rc_is 0
check "-o: nothing on stdout" out_empty
check "-o: the same bytes as on stdout" cmp -s "$T/export.csv" "$T/all.csv"
is "-o: file readable by its owner only" "$(stat -c %a "$T/export.csv" 2>/dev/null)" 600
printf 'vieux contenu, bien plus long que la nouvelle sélection\r\n%.0s' $(seq 1 50) >"$T/old.csv"
run export --from 2026-12-01 -o "$T/old.csv"
check "-o: an existing file is overwritten" sh -c '[ "$(tr -d "\r" <"$1" | cut -d, -f1)" = "$(printf "id\n%s" "$2")" ]' x "$T/old.csv" "$DEC"

# ---- codes this desk does not know are exported as they are
sql "UPDATE visit SET organisms = 'zz_mairie|caf', canal = 'aa_guichet' WHERE id = '$EARLY'"
run export
is "unknown codes exported as stored" "$(field "$T/out" "$EARLY" canal) $(field "$T/out" "$EARLY" organismes)" "aa_guichet zz_mairie|caf"

# ---- a value this carnet would not have stored so is written as a read makes it
sql "UPDATE visit SET created_at = '2026-11-02T09:00:00Z' WHERE id = '$EARLY'"
run export
is "a timestamp stored without milliseconds is written with them" \
	"$(field "$T/out" "$EARLY" cree)" "2026-11-02T09:00:00.000Z"
is "the other rows as they were" "$(grep -av "^$EARLY," "$T/out" | md5sum)" \
	"$(grep -av "^$EARLY," "$T/all.csv" | md5sum)"
