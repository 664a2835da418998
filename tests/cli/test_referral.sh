# SPDX-License-Identifier: GPL-3.0-or-later
# The referral's follow-through: add/edit --referral-how and
# --referral-place, carnet referral open|answer, show and person show, the
# answer merged between two desks, the exchange format's version 3 in and
# out, and files of versions 1 and 2 still imported.
. "$TESTS_DIR/cli/lib.sh"
cd "$T" || exit 1

# r COLUMNS: the referral columns of visit $ID ('' and NULL told apart).
r() { sqlite3 -batch -quote "$DB" "SELECT $1 FROM visit WHERE id = '$ID'"; }
dump() { [ -s "$DB" ] && sqlite3 -batch "$DB" "SELECT * FROM visit ORDER BY id; SELECT * FROM person ORDER BY id"; }

# drop_last IN OUT N: the CSV file IN without its last N columns.
drop_last() {
	python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
out = csv.writer(open(sys.argv[2], "w", newline=""), lineterminator="\r\n")
for row in rows:
    out.writerow(row[:-int(sys.argv[3])])' "$@"
}

mkdir -p "$XDG_CONFIG_HOME/carnet"
printf '[site]\nnord = Site nord\n[desk]\nsite = nord\n' >"$XDG_CONFIG_HOME/carnet/carnet.ini"

# ---- the lists
run lists orientation_mode
is "orientation_mode: its codes" "$(grep -oE '^ *[a-z_]+ ' "$T/out" | tr -d ' ' | tr '\n' ' ')" "explique rdv accompagne "
check "orientation_mode: label of rdv" out_has "Rendez-vous pris pour la personne"
check "orientation_mode: label of accompagne" out_has "Accompagnée sur place"
run lists orientation_suite
is "orientation_suite: its codes" "$(grep -oE '^ *[a-z_]+ ' "$T/out" | tr -d ' ' | tr '\n' ' ')" "oui non nsp "
check "orientation_suite: label of non" out_has "Ne s'y est pas rendue"

# ---- add with a referral, to a place of the directory
run place add --id caf-maurepas --pivot 53499874400010 --name "CAF de Maurepas" \
	--address "10 rue de Brest" --postcode 35000 --commune Rennes --category organisme
PLACE=$(head -n 1 "$T/out")
run place add --id cdas-nord --pivot 22350001800013 --name "CDAS Nord" \
	--address "1 place du Nord" --postcode 35700 --commune Rennes
NOCAT=$(head -n 1 "$T/out")
run person new --code K7M2QX
export CARNET_NOW=2026-11-10T10:00
add_visit --person K7M2QX --referred-to organisme --referred-place "CAF de Maurepas" --referral-how rdv --referral-place "$PLACE"
check "add --referral-how: exit 0" rc_is 0
is "add --referral-how: stored with its place, no answer" "$(r "referral_how, referral_place, referral_went, referral_answered")" "'rdv','$PLACE',NULL,NULL"
V1=$ID
run show "$V1"
check "show: the way of referring" grep -q "^Façon d'orienter *: Rendez-vous pris pour la personne$" "$T/out"
check "show: the place of the directory" grep -q "^Lieu (annuaire) *: $PLACE$" "$T/out"
check "show: no answer yet" grep -q "^Suite *: sans réponse$" "$T/out"
add_visit --date 2026-11-10
run show "$ID"
check "show: no referral lines without orienté vers" sh -c '! grep -q "Façon d.orienter\|^Suite" "$1"' x "$T/out"

# ---- refused values: nothing written
refused "--referral-how without --referred-to" 1 "--referral-how" \
	add --duration 15 --demand info --posture avec --referral-how rdv
check "--referral-how without --referred-to: the message says why" err_has "sans « orienté vers »"
refused "--referral-how unknown code" 1 "explique, rdv, accompagne" \
	add --duration 15 --demand info --posture avec --referred-to organisme --referral-how zz
refused "--referral-how malformed code" 1 "--referral-how" \
	add --duration 15 --demand info --posture avec --referred-to organisme --referral-how 'r d v'
refused "--referral-place not in the directory" 3 "--referral-place : lieu introuvable" \
	add --duration 15 --demand info --posture avec --referred-to organisme --referral-place caf-villejean
refused "--referral-place without --referred-to, the place without category" 1 \
	"--referral-place" add --duration 15 --demand info --posture avec --referral-place cdas-nord
export CARNET_NOW=2026-11-10T10:05
add_visit --referral-place caf-maurepas
check "--referral-place by the standard id: exit 0" rc_is 0
is "--referral-place: its place, and orienté vers from its category" \
	"$(r "referral_place, referred_to")" "'$PLACE','organisme'"
add_visit --referred-to social --referral-place "$(printf %.8s "$NOCAT")"
is "--referral-place by the start of carnet's id; orienté vers given is kept" \
	"$(r "referral_place, referred_to")" "'$NOCAT','social'"
sql "DELETE FROM visit WHERE date = '2026-11-10' AND referral_place IS NOT NULL AND person_id IS NULL"
export CARNET_NOW=2026-11-10T10:00
refused "--referral-how without its value" 2 "--referral-how" \
	add --duration 15 --demand info --posture avec --referred-to organisme --referral-how
refused "edit: clearing orienté vers but not the way" 1 "--referral-how" \
	edit "$V1" --referred-to ''

# ---- edit
export CARNET_NOW=2026-11-10T11:00
run edit "$V1" --referral-how accompagne
check "edit --referral-how: exit 0" rc_is 0
ID=$V1
is "edit --referral-how: changed, the place kept" "$(r "referral_how, referral_place")" "'accompagne','$PLACE'"
run edit "$V1" --referral-how explique --referral-place ''
is "edit: an empty --referral-place clears it" "$(r "referral_how, coalesce(referral_place, 'NULL')")" "'explique','NULL'"

# ---- referral open: the last open referral, before a date
export CARNET_NOW=2026-11-12T10:00
add_visit --date 2026-11-12 --person K7M2QX --referred-to social --referral-how explique
V2=$ID
add_visit --date 2026-11-11 --person K7M2QX --referred-to droit
run delete "$ID"
run referral open K7M2QX --before 2026-11-12
check "referral open --before: exit 0" rc_is 0
check "referral open: the latest before the date, a deleted one left out" out_has "Passage $V1"
check "referral open: in plain French" out_has "Orientée vers Opérateur en charge de la démarche le 10/11/2026, Adresse donnée"
check "referral open: the free-text place" out_has "Lieu : CAF de Maurepas"
run referral open k7m2qx --before 2026-11-13
check "referral open: a code typed in lower case; the latest is the later visit" out_has "Passage $V2"
run referral open K7M2QX --before 2026-11-10
check "referral open: none before the first: exit 3" rc_is 3
check "referral open: none: said in French" err_has "aucune orientation sans réponse"
run referral open ZZZZ99
check "referral open: an unknown person: exit 3" rc_is 3
refused "referral open: a bad date" 1 "--before" referral open K7M2QX --before 2026-13-01
refused "referral open: a bad code" 1 "code usager invalide" referral open 'K7!'
refused "referral open: no code" 2 "code usager manquant" referral open
refused "referral open: an unknown option" 2 "--soon" referral open K7M2QX --soon

# ---- referral answer
export CARNET_NOW=2026-11-18T10:30
refused "referral answer: an unknown code" 1 "oui, non, nsp" referral answer "$V1" peut-etre
refused "referral answer: no code" 2 "code de la réponse manquant" referral answer "$V1"
refused "referral answer: no visit" 2 "identifiant du passage manquant" referral answer
refused "referral answer: one argument too many" 2 "argument en trop" referral answer "$V1" oui non
refused "referral answer: a visit without referral" 1 "pas d'orientation" referral answer "$(sql "SELECT id FROM visit WHERE referred_to IS NULL LIMIT 1")" oui
refused "referral answer: no such visit" 3 "passage" referral answer 00000000-0000-4000-8000-000000000000 oui
ID=$V1
BEFORE=$(r updated_at)
run referral answer "${V1%%-*}" oui
check "referral answer by id prefix: exit 0" rc_is 0
check "referral answer: nothing on stdout" out_empty
is "referral answer: the answer and its time stored" "$(r "referral_went, referral_answered")" "'oui','2026-11-18T09:30:00.000Z'"
check "referral answer: updated_at moved on" [ "$(r updated_at)" \> "$BEFORE" ]
is "referral answer: the rest of the visit unchanged" "$(r "referred_to, referral_how, note")" "'organisme','explique',NULL"
run referral open K7M2QX --before 2026-11-12
check "referral open: an answered referral is no longer open" rc_is 3
run show "$V1"
check "show: the answer and its date" grep -q "^Suite *: S'y est rendue (réponse du 2026-11-18 10:30)$" "$T/out"
ID=$V2
run referral answer "$V2" nsp
is "referral answer nsp" "$(r referral_went)" "'nsp'"
run referral answer "$V2" non
is "referral answer: a new answer replaces the old" "$(r referral_went)" "'non'"
run referral answer "$V2" ''
is "referral answer '': the answer and its time taken back" "$(r "referral_went, referral_answered")" "NULL,NULL"
run referral answer "$V2" non
run referral --help
check "referral --help: exit 0" rc_is 0
check "referral --help: names both subcommands" sh -c 'grep -q "referral answer" "$1" && grep -q "referral open" "$1"' x "$T/out"
refused "referral: an unknown subcommand" 2 "answer ou open" referral close

# ---- person show lists the referrals and their outcome
add_visit --date 2026-11-14 --person K7M2QX --referred-to insertion
run person show K7M2QX
check "person show: exit 0" rc_is 0
check "person show: an Orientations section" grep -q "^Orientations$" "$T/out"
check "person show: the answered referral" grep -q "^2026-11-10 Opérateur en ch… Adresse donnée *S'y est rendue *${V1%%-*}$" "$T/out"
check "person show: the one that did not get there" grep -q "^2026-11-12 .* Ne s'y est pas rendue *${V2%%-*}$" "$T/out"
check "person show: the open one, without a way" grep -q "^2026-11-14 Insertion.* sans réponse *[0-9a-f]\{8\}$" "$T/out"
is "person show: three referrals, no more" "$(sed -n '/^Orientations$/,/^$/p' "$T/out" | grep -c '^2026-')" 3
is "person show: 80 columns at most" "$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$T/out" | awk '$1 <= 80 {print "ok"}')" ok
run person show K7M2QX
run person new --code QR34ST
run person show QR34ST
check "person show: no section without referrals" sh -c '! grep -q "^Orientations" "$1"' x "$T/out"

# ---- the exchange format: version 3 out and back in
run export -o v3.csv
check "export with referrals: exit 0" rc_is 0
HEADER=$(head -n 1 v3.csv | tr -d '\r')
check "export: version 3 (type first, the referral's columns last)" sh -c 'case "$1" in type,*,nature,orientation_mode,orientation_lieu,orientation_suite,orientation_reponse) exit 0;; esac; exit 1' x "$HEADER"
check "export: the answer and its time in the row of V1" grep -q "^passage,$V1,.*,explique,,oui,2026-11-18T09:30:00.000Z" v3.csv
NEW="$T/new.db"
run --db "$NEW" import v3.csv
check "import of version 3 into a new base: exit 0" rc_is 0
is "import of version 3: the referral's columns as they were" \
	"$(SQLDB="$NEW" sqlite3 -batch -quote "$NEW" "SELECT id, referred_to, referral_how, referral_place, referral_went, referral_answered FROM visit ORDER BY id")" \
	"$(sqlite3 -batch -quote "$DB" "SELECT id, referred_to, referral_how, referral_place, referral_went, referral_answered FROM visit ORDER BY id")"
run --db "$NEW" export -o again.csv
is "version 3 round trip: the same file" "$(sha256sum <again.csv)" "$(sha256sum <v3.csv)"
# A file of version 3 whose answer has no time, or an unknown way's shape.
sed "s/,oui,2026-11-18T09:30:00.000Z/,oui,/" v3.csv >notime.csv
run --db "$T/x.db" import notime.csv
check "import: an answer without its time is refused" err_has "orientation_suite"
check "import: nothing imported from a bad file" [ "$(SQLDB="$T/x.db" nvisits)" -eq 0 ]
# Version 3 needs all its columns.
drop_last v3.csv partial.csv 1
run --db "$T/y.db" import partial.csv
check "import: version 3 without orientation_reponse: exit 1" rc_is 1
check "import: the missing column named" err_has "orientation_reponse"

# ---- versions 1 and 2 still import, and are still written without referrals
# a version 2 file: the columns of version 3 removed
drop_last v3.csv v2.csv 4
run --db "$T/v2.db" import v2.csv
check "import of version 2: exit 0" rc_is 0
is "import of version 2: every visit" "$(SQLDB="$T/v2.db" nvisits)" "$(nvisits)"
is "import of version 2: no referral's columns" "$(SQLDB="$T/v2.db" sql "SELECT count(referral_how) + count(referral_went) FROM visit")" 0
run --db "$T/v2.db" export -o v2again.csv
check "export without referrals but with persons only: version 1 as before" sh -c 'head -n 1 "$1" | grep -q "^id,date,"' x v2again.csv
run --db "$T/v1.db" import v2again.csv
check "import of version 1: exit 0" rc_is 0
is "import of version 1: every visit" "$(SQLDB="$T/v1.db" nvisits)" "$(nvisits)"
run --db "$T/v2.db" time add --duration 30 --kind coordination
run --db "$T/v2.db" export -o v2b.csv
is "export with a time, no referral: version 2, no column of version 3" \
	"$(head -n 1 v2b.csv | tr -d '\r' | tr ',' '\n' | tail -n 1)" nature

# ---- merge between two desks: the answer given on B reaches A
export CARNET_NOW=2026-11-20T10:00
cp "$DB" a.db
cp "$DB" b.db
ID=$V2
run --db b.db referral answer "$V2" oui
run --db a.db edit "$V1" --note "vu à l'accueil"
export CARNET_NOW=2026-11-20T11:00
run --db a.db merge b.db
check "merge: exit 0" rc_is 0
is "merge: B's answer on A, with its time" \
	"$(sqlite3 -batch -quote a.db "SELECT referral_went, referral_answered FROM visit WHERE id = '$V2'")" \
	"'oui','2026-11-20T09:00:00.000Z'"
run --db b.db merge a.db
is "merge back: both desks hold the same visits" \
	"$(sqlite3 -batch b.db "SELECT * FROM visit ORDER BY id")" "$(sqlite3 -batch a.db "SELECT * FROM visit ORDER BY id")"
check "merge: the answer that lost kept in visit_history" \
	sh -c '[ "$(sqlite3 -batch "$1" "SELECT count(*) FROM visit_history WHERE visit_id = '"'$V2'"' AND version LIKE '"'%,non,%'"'")" -eq 1 ]' x a.db
# Two desks answer the same referral: the later answer wins on both.
export CARNET_NOW=2026-11-21T10:00
run --db a.db referral answer "$V1" non
export CARNET_NOW=2026-11-21T10:05
run --db b.db referral answer "$V1" nsp
run --db a.db merge b.db
run --db b.db merge a.db
is "merge: the later answer wins on both desks" \
	"$(sqlite3 -batch a.db "SELECT referral_went FROM visit WHERE id = '$V1'") $(sqlite3 -batch b.db "SELECT referral_went FROM visit WHERE id = '$V1'")" "nsp nsp"
# A damaged source: a way that is no code, an answer without its time.
cp a.db h.db
sqlite3 -batch h.db "UPDATE visit SET referral_how = 'r d v', updated_at = '2026-11-22T10:00:00.000Z' WHERE id = '$V1'"
BEFORE=$(sqlite3 -batch a.db "SELECT * FROM visit ORDER BY id")
run --db a.db merge h.db
check "merge of a bad way: the row refused, its column named" err_has "colonne « orientation_mode » : code invalide"
is "merge of a bad way: the visit here unchanged" "$(sqlite3 -batch a.db "SELECT * FROM visit ORDER BY id")" "$BEFORE"
sqlite3 -batch h.db "UPDATE visit SET referral_how = 'rdv', referral_answered = NULL WHERE id = '$V1'"
run --db a.db merge h.db
check "merge of an answer without its time: refused, its column named" err_has "colonne « orientation_suite » : suite de l'orientation : la réponse n'a pas de date"
is "merge of an answer without its time: the visit here unchanged" "$(sqlite3 -batch a.db "SELECT * FROM visit ORDER BY id")" "$BEFORE"
