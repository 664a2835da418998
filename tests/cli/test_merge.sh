# SPDX-License-Identifier: GPL-3.0-or-later
# carnet merge: two desks edit the same visits and converge in both merge
# orders, tombstones propagate, the losing versions are kept, persons follow
# their code, a second merge changes nothing, sources are never written,
# several sources at a coordinator's, and refused sources change nothing.
. "$TESTS_DIR/cli/lib.sh"
# Relative names, so that the summary lines are predictable ("b.db : …").
cd "$T" || exit 1

# data DB [WHERE]: every field of every visit, its person by code and profile
# (the local person ids, and the creation time of a person registered on
# two desks, may differ), in id order; NULL and '' told apart.
data() {
	sqlite3 -batch -quote "$1" "SELECT v.id, v.date, v.time, v.duration, v.site, v.mediator, v.canal,
	  v.posture, v.present, v.outcome, v.urgent, v.referred_by, v.referred_to, v.referred_place,
	  v.note, v.created_at, v.updated_at, v.deleted_at, v.demands, v.organisms, p.code, p.age,
	  p.gender, p.area, p.situation, p.equipment, p.updated_at
	  FROM visit v LEFT JOIN person p ON p.id = v.person_id WHERE ${2:-1} ORDER BY v.id"
}
persons() {
	sqlite3 -batch -quote "$1" "SELECT code, age, gender, area, situation, equipment, updated_at FROM person ORDER BY code"
}
history() { sqlite3 -batch "$1" "SELECT visit_id, updated_at FROM visit_history ORDER BY visit_id, updated_at"; }
dump() { sqlite3 -batch "$1" .dump; }
checkpoint() { sqlite3 -batch "$1" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null; }
sum() { sha256sum <"$1" | cut -d' ' -f1; }
# on DESK ARGS…: carnet on desk DESK (DESK.db with DESK.ini).
on() { o_desk=$1; shift; run --db "$o_desk.db" --config "$o_desk.ini" "$@"; }
# at DB INI ARGS…: carnet on database DB with configuration INI.
at() { a_db=$1 a_ini=$2; shift 2; run --db "$a_db" --config "$a_ini" "$@"; }
# v DB ID COLUMNS
v() { sqlite3 -batch "$1" "SELECT $3 FROM visit WHERE id = '$2'"; }
json() {
	python3 -c '
import json, sys
data = json.load(open(sys.argv[1]))
for part in sys.argv[2].split("."):
    data = data[part]
print(data)' "$T/out" "$1"
}
groups() {
	python3 -c '
import json, sys
print(" ".join("%s:%s" % (g["code"], g["bilan"]["volume"]["passages"]) for g in sorted(json.load(open(sys.argv[1]))["repartition"]["groupes"], key=lambda g: g["code"])))' "$T/out"
}

LISTS='[site]\nnord = Site nord\nsud = Site sud\nouest = Site ouest\n[mediateur]\nab = A. B.\ncd = C. D.\n'
printf "$LISTS"'[desk]\nsite = nord\n' >a.ini
printf "$LISTS"'[canal]\nguichet = Guichet de la mairie\n[desk]\nsite = sud\n' >b.ini
printf "$LISTS"'[desk]\nsite = ouest\n' >c.ini

# ---- desk A, then desk B starts from a copy of A's visits
export CARNET_NOW=2026-11-18T10:30
on a person new --code H3RT5W --age 25_39 --gender femme
on a add --date 2026-11-16 --time 10:00 --duration 20 --demand suivi --organism caf --posture avec --person H3RT5W --mediator ab
V1=$(OUT)
on a add --date 2026-11-16 --time 11:00 --duration 15 --demand info --posture pour
V2=$(OUT)
on a add --date 2026-11-17 --time 09:00 --duration 30 --demand compte --organism cpam --posture devant
V3=$(OUT)
on a add --date 2026-11-17 --time 14:00 --duration 10 --demand rdv --posture faire --person H3RT5W
V5=$(OUT)
is "fixture: 4 visits on desk A" "$(SQLDB=a.db sql 'SELECT count(*) FROM visit')" 4
export CARNET_NOW=2026-11-18T12:00
on b merge a.db
check "first merge into a new desk: exit 0" rc_is 0
is "first merge: the summary line, prefixed by the source" "$(OUT)" "a.db : 4 nouveaux, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté"
check "first merge: nothing on stderr" err_empty
is "first merge: desk B has A's visits, identical" "$(data b.db)" "$(data a.db)"
is "first merge: and A's person" "$(persons b.db)" "$(persons a.db)"

# ---- both desks work on the same visits
export CARNET_NOW=2026-11-19T09:00
on a edit "$V1" --duration 25 --note "version A"
on a delete "$V3"
on b edit "$V2" --duration 40 --note "version B, avant la suppression sur A"
export CARNET_NOW=2026-11-19T09:30
on a delete "$V2"
export CARNET_NOW=2026-11-19T10:00
on b edit "$V1" --duration 35 --note "version B"
on a person new --code K7M2QX --age 25_39
on a add --date 2026-10-15 --duration 20 --demand info --posture avec --person K7M2QX
PA=$(OUT)
export CARNET_NOW=2026-11-19T10:30
on b person new --code K7M2QX --gender femme
on b add --date 2026-10-20 --duration 25 --demand suivi --posture avec --person K7M2QX
PB=$(OUT)
on b person new --code NOVI5T --situation retraite
export CARNET_NOW=2026-11-19T11:00
on b edit "$V3" --duration 50 --note "reprise après la suppression sur A"
on b person edit H3RT5W --situation emploi
export CARNET_NOW=2026-11-19T14:00
on a add --date 2026-11-19 --duration 15 --demand info --posture pour
NA=$(OUT)
on b add --date 2026-11-19 --duration 15 --demand info --posture pour --canal guichet
NB=$(OUT)
on b add --date 2026-11-19 --duration 5 --demand info --posture pour
NB2=$(OUT)
export CARNET_NOW=2026-11-19T15:00
on b delete "$NB2"
check "fixture: the last deletion on desk B" rc_is 0
is "fixture: A has 6 visits, 2 deleted" "$(SQLDB=a.db sql 'SELECT count(*), count(deleted_at) FROM visit')" "6|2"
is "fixture: B has 7 visits, 1 deleted" "$(SQLDB=b.db sql 'SELECT count(*), count(deleted_at) FROM visit')" "7|1"

# ---- merge in both orders: A takes B's, B takes A's
export CARNET_NOW=2026-11-20T09:00
checkpoint a.db
checkpoint b.db
cp a.db ab.db
cp b.db ba.db
SA=$(sum a.db) SB=$(sum b.db)
at ab.db a.ini merge b.db
check "A takes B: exit 0" rc_is 0
is "A takes B: summary" "$(OUT)" "b.db : 2 nouveaux, 2 modifiés, 2 inchangés, 1 supprimé, 0 rejeté"
is "A takes B: B's canal unknown to A's configuration, kept and said so" "$(ERR)" \
	"carnet: codes inconnus de cette configuration, gardés tels quels : canal guichet"
is "A takes B: the source is byte for byte unchanged" "$(sum b.db)" "$SB"
at ba.db b.ini merge a.db
check "B takes A: exit 0" rc_is 0
is "B takes A: summary" "$(OUT)" "a.db : 2 nouveaux, 0 modifié, 3 inchangés, 1 supprimé, 0 rejeté"
check "B takes A: nothing on stderr" err_empty
is "B takes A: the source is byte for byte unchanged" "$(sum a.db)" "$SA"

is "convergence: the same visits, fields, persons and timestamps in both orders" "$(data ab.db)" "$(data ba.db)"
is "convergence: the same persons and profiles" "$(persons ab.db)" "$(persons ba.db)"
is "convergence: 9 visits, 2 deleted" "$(SQLDB=ab.db sql 'SELECT count(*), count(deleted_at) FROM visit')" "9|2"
is "the later edit wins (B's, 10:00 over A's, 9:00)" "$(v ab.db "$V1" "duration || ' ' || note || ' ' || updated_at")" \
	"35 version B 2026-11-19T09:00:00.000Z"
is "a deletion wins over an older edit" "$(v ab.db "$V2" "deleted_at")" 2026-11-19T08:30:00.000Z
is "an edit made after the deletion wins over it" "$(v ab.db "$V3" "coalesce(deleted_at, 'live') || ' ' || duration")" "live 50"
is "tombstones propagate: B's deleted visit is deleted on A" "$(v ab.db "$NB2" "deleted_at")" 2026-11-19T14:00:00.000Z
is "tombstones propagate: A's deletion reaches B" "$(v ba.db "$V2" "deleted_at")" 2026-11-19T08:30:00.000Z
at ba.db b.ini list --from 2026-11-01 --to 2026-11-30
check "tombstones propagate: the deleted visit is not listed on B" sh -c '! grep -q "$2" "$1"' x "$T/out" "$(printf '%.8s' "$V2")"
is "an unknown code is kept" "$(v ab.db "$NB" canal)" guichet
is "the visits keep their site" "$(v ab.db "$NB" site) $(v ba.db "$NA" site)" "sud nord"

# ---- the losing versions are kept in visit_history, the same on both desks
is "history: the three losing versions (A's edit of V1, B's edit of V2, A's deletion of V3)" "$(history ab.db)" \
	"$(printf '%s|2026-11-19T08:00:00.000Z\n' "$V1" "$V2" "$V3" | sort)"
is "history: the same on both desks" "$(history ba.db)" "$(history ab.db)"
check "history: A's version of V1 as a row of the exchange format" sh -c '
	v=$(sqlite3 -batch "$1" "SELECT version FROM visit_history WHERE visit_id = '\''$2'\''")
	case "$v" in "$2,2026-11-16,10:00,25,nord,ab,libre,suivi,caf,avec,1,,0,,,,version A,"*) true ;; *) false ;; esac' x ab.db "$V1"
check "history: on B too" sh -c '
	v=$(sqlite3 -batch "$1" "SELECT version FROM visit_history WHERE visit_id = '\''$2'\''")
	case "$v" in "$2,2026-11-16,10:00,25,"*"version A"*) true ;; *) false ;; esac' x ba.db "$V1"

# ---- persons follow their code across desks
is "one person K7M2QX on each desk" "$(SQLDB=ab.db sql "SELECT count(*) FROM person WHERE code = 'K7M2QX'") $(SQLDB=ba.db sql "SELECT count(*) FROM person WHERE code = 'K7M2QX'")" "1 1"
is "both visits point to it" "$(SQLDB=ab.db sql "SELECT count(*) FROM visit v JOIN person p ON p.id = v.person_id WHERE p.code = 'K7M2QX' AND v.id IN ('$PA', '$PB')")" 2
is "the later profile wins (B's, registered at 10:30)" "$(SQLDB=ab.db sql "SELECT coalesce(age, '') || '/' || gender FROM person WHERE code = 'K7M2QX'")" "/femme"
is "a profile edited later on B reaches A" "$(SQLDB=ab.db sql "SELECT situation FROM person WHERE code = 'H3RT5W'")" emploi
is "a person without visits comes too" "$(SQLDB=ab.db sql "SELECT situation FROM person WHERE code = 'NOVI5T'")" retraite
at a.db a.ini report --month 2026-10 --format json
is "before the merge, A's October: one visit" "$(json volume.passages)" 1
at ab.db a.ini report --month 2026-10 --format json
is "after the merge, October: two visits, one distinct person" "$(json volume.passages) $(json volume.personnes)" "2 1"
at ba.db b.ini report --month 2026-10 --format json
is "the same on B" "$(json volume.passages) $(json volume.personnes)" "2 1"
at ab.db a.ini report --month 2026-11 --by site --format json
check "report --by site after the merge: exit 0" rc_is 0
is "report --by site: a group per site of both desks" "$(groups)" "nord:4 sud:1"
is "report --by site: the counts (SQL)" "$(groups)" "$(SQLDB=ab.db sql "SELECT group_concat(site || ':' || n, ' ') FROM (SELECT site, count(*) n FROM visit WHERE deleted_at IS NULL AND date LIKE '2026-11-%' GROUP BY site ORDER BY site)")"

# ---- a second merge, or merging the merged desks, changes nothing
BEFORE=$(dump ab.db)
at ab.db a.ini merge b.db
check "second merge: exit 0" rc_is 0
is "second merge: all unchanged" "$(OUT)" "b.db : 0 nouveau, 0 modifié, 7 inchangés, 0 supprimé, 0 rejeté"
is "second merge: the database is unchanged" "$(dump ab.db)" "$BEFORE"
checkpoint ba.db
at ab.db a.ini merge ba.db
is "merging the other merged desk: all unchanged" "$(OUT)" "ba.db : 0 nouveau, 0 modifié, 9 inchangés, 0 supprimé, 0 rejeté"
is "merging the other merged desk: the database is unchanged" "$(dump ab.db)" "$BEFORE"
BEFORE=$(dump ba.db)
at ba.db b.ini merge ab.db
is "and the other way: all unchanged" "$(OUT)" "ab.db : 0 nouveau, 0 modifié, 9 inchangés, 0 supprimé, 0 rejeté"
is "and the other way: the database is unchanged" "$(dump ba.db)" "$BEFORE"

# ---- three desks at the coordinator's
export CARNET_NOW=2026-11-19T16:00
on c add --date 2026-11-19 --duration 30 --demand apprendre --posture faire
on c add --date 2026-11-19 --duration 45 --demand materiel --posture avec
export CARNET_NOW=2026-11-20T09:00
checkpoint c.db
SC=$(sum c.db)
at coord.db a.ini merge a.db b.db c.db
check "three sources: exit 0" rc_is 0
is "three sources: a line per source, in order, then the total" "$(OUT)" "a.db : 4 nouveaux, 0 modifié, 0 inchangé, 2 supprimés, 0 rejeté
b.db : 2 nouveaux, 2 modifiés, 2 inchangés, 1 supprimé, 0 rejeté
c.db : 2 nouveaux, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté
total : 8 nouveaux, 2 modifiés, 2 inchangés, 3 supprimés, 0 rejeté"
is "three sources: none written" "$(sum a.db) $(sum b.db) $(sum c.db)" "$SA $SB $SC"
is "three sources: A and B's visits as on the merged desks" "$(data coord.db "v.site <> 'ouest'")" "$(data ab.db)"
is "three sources: C's visits as on C" "$(data coord.db "v.site = 'ouest'")" "$(data c.db)"
at coord.db a.ini report --month 2026-11 --by site --format json
is "three sources: a group per site" "$(groups)" "nord:4 ouest:2 sud:1"
BEFORE=$(dump coord.db)
at coord.db a.ini merge a.db b.db c.db
is "three sources again: nothing new" "$(sed -n '$p' "$T/out")" "total : 0 nouveau, 0 modifié, 15 inchangés, 0 supprimé, 0 rejeté"
is "three sources again: the database is unchanged" "$(dump coord.db)" "$BEFORE"

# ---- refused sources: exit 5, a message naming the file, nothing changed
# refused DESC BAD [SOURCE…]: "merge BAD" (or "merge SOURCE…", BAD among
# them) on desk ab.
refused() {
	r_desc=$1 r_bad=$2
	shift
	[ $# -gt 1 ] && shift
	r_before=$(dump ab.db)
	r_sum=$( [ -f "$r_bad" ] && sum "$r_bad")
	at ab.db a.ini merge "$@"
	check "$r_desc: exit 5" rc_is 5
	check "$r_desc: a message naming the file" sh -c 'grep -q "^carnet: " "$1" && grep -qF "$2" "$1"' x "$T/err" "$r_bad"
	check "$r_desc: nothing on stdout" out_empty
	check "$r_desc: said in French, none of SQLite's English words" \
		sh -c '! grep -qiE "malformed|disk image|not a database|unable to open" "$1"' x "$T/err"
	is "$r_desc: this desk's database unchanged" "$(dump ab.db)" "$r_before"
	is "$r_desc: the source unchanged" "$( [ -f "$r_bad" ] && sum "$r_bad")" "$r_sum"
}
sqlite3 -batch other.db "CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Dupont', '0600000000')"
refused "another program's SQLite database" other.db
cp c.db newer.db
sqlite3 -batch newer.db 'PRAGMA user_version=9999' >/dev/null
checkpoint newer.db
refused "a database of a newer carnet (user_version 9999)" newer.db
is "newer: still 9999" "$(SQLDB=newer.db sql 'PRAGMA user_version')" 9999
printf 'Ceci est un fichier texte, pas une base de données.\n%.0s' $(seq 1 200) >notes.txt
refused "a text file" notes.txt
cp b.db corrupt.db
dd if=/dev/urandom of=corrupt.db bs=1024 seek=2 count=4 conv=notrunc 2>/dev/null
refused "a corrupt copy of a carnet database" corrupt.db
head -c 6000 b.db >truncated.db
refused "a copy of a carnet database cut short (a transfer that stopped)" truncated.db
check "a copy cut short: said damaged" err_has "endommagé"
refused "a missing file" absent.db
check "a missing file: not created" test ! -e absent.db
refused "a valid source before a refused one: all checked before anything is written" newer.db c.db newer.db
refused "a refused source before a valid one" newer.db newer.db c.db
is "refused with a valid one: C's visits not brought in" "$(SQLDB=ab.db sql "SELECT count(*) FROM visit WHERE site = 'ouest'")" 0
BEFORE=$(dump ab.db)
at ab.db a.ini merge ab.db
check "merging a desk into itself: refused (exit 1 or 5)" sh -c '[ "$1" = 1 ] || [ "$1" = 5 ]' x "$RC"
is "merging a desk into itself: unchanged" "$(dump ab.db)" "$BEFORE"
at ab.db a.ini merge "$T/./ab.db"
check "merging a desk into itself, by another path: refused" sh -c '[ "$1" = 1 ] || [ "$1" = 5 ]' x "$RC"
is "merging a desk into itself, by another path: unchanged" "$(dump ab.db)" "$BEFORE"
at ab.db a.ini merge
check "merge without a source: exit 2" rc_is 2
at ab.db a.ini merge --bogus b.db
check "merge with an unknown option: exit 2" rc_is 2
is "usage errors: unchanged" "$(dump ab.db)" "$BEFORE"

# ---- the same instant on two desks: a fixed order decides, in both orders
export CARNET_NOW=2026-11-21T09:00
on a add --date 2026-11-21 --duration 20 --demand info --posture avec
VT=$(OUT)
at x.db a.ini merge a.db
export CARNET_NOW=2026-11-21T10:00
on a edit "$VT" --outcome aboutie --note "poste A"
at x.db a.ini edit "$VT" --outcome bloquee --note "poste X"
checkpoint a.db
checkpoint x.db
cp a.db ax.db
cp x.db xa.db
at ax.db a.ini merge x.db
at xa.db a.ini merge a.db
is "same instant, different edits: both orders converge" "$(v ax.db "$VT" "outcome || ' ' || note")" "$(v xa.db "$VT" "outcome || ' ' || note")"
is "same instant: the whole desks converge" "$(data ax.db)" "$(data xa.db)"
is "same instant: the loser kept in the history, the same on both" \
	"$(sqlite3 -batch ax.db "SELECT updated_at, version FROM visit_history WHERE visit_id = '$VT'")" \
	"$(sqlite3 -batch xa.db "SELECT updated_at, version FROM visit_history WHERE visit_id = '$VT'")"
