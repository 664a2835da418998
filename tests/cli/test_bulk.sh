# SPDX-License-Identifier: GPL-3.0-or-later
# Large loads (issue 16): an import or a merge that brings more than twice
# the records a base holds is written in bulk (the visits' secondary indexes
# dropped and built again at the commit, one transaction for every source of
# a merge, read through a connection of its own); a smaller one record by
# record, where what the base holds already as it is is not even read. Both
# ways must give the same base: the same records, the same indexes, the
# same history; a failure in bulk changes nothing, and the same command
# again converges; a record that differs from the one here in any column,
# even with the same modification time, is read and decided as ever.
. "$TESTS_DIR/cli/lib.sh"
cd "$T" || exit 1

HEADER="id,date,heure,duree,site,mediateur,canal,demandes,organismes,posture,present,issue,urgent,oriente_par,oriente_vers,lieu_orientation,note,cree,modifie,supprime,usager,usager_id,tranche_age,genre,quartier,situation,equipement,usager_cree,usager_modifie"
printf '[site]\nnord = Site nord\nsud = Site sud\n[desk]\nsite = nord\n' >t.ini

# desk_csv FILE FIRST COUNT SITE AGE STAMP: COUNT visits numbered from FIRST
# (their ids), one in three with a person KQ<n mod 60> (profile age AGE,
# modified at STAMP), one in seven deleted.
desk_csv() {
	awk -v first="$2" -v count="$3" -v site="$4" -v age="$5" -v stamp="$6" -v header="$HEADER" '
	BEGIN {
		print header
		for (i = first; i < first + count; i++) {
			id = sprintf("00000000-0000-4000-8000-%012d", i)
			day = sprintf("2026-%02d-%02d", 1 + i % 10, 1 + i % 28)
			del = (i % 7 == 0) ? "2026-11-10T08:00:00.000Z" : ""
			person = ""; pid = ""; page = ""; pc = ""; pm = ""
			if (i % 3 == 0) {
				n = i % 60
				person = sprintf("KQ%04d", n)
				pid = sprintf("00000000-0000-4000-9%03d-%012d", first % 1000, n)
				page = age; pc = "2026-01-01T08:00:00.000Z"; pm = stamp
			}
			printf "%s,%s,%02d:%02d,%d,%s,,libre,info,caf,avec,1,,0,,,,note %d,2026-10-01T08:00:00.000Z,2026-10-02T08:00:00.000Z,%s,%s,%s,%s,,,,,%s,%s\r\n",
				id, day, 8 + i % 10, i % 60, 5 + i % 100, site, i, del, person, pid, page, pc, pm
		}
	}' >"$1"
}
desk_csv a.csv 1 600 nord 25_39 2026-11-01T08:00:00.000Z
desk_csv b.csv 601 400 sud 40_59 2026-11-05T08:00:00.000Z

at() { a_db=$1; shift; run --db "$a_db" --config t.ini "$@"; }
data() {
	sqlite3 -batch -quote "$1" "SELECT v.id, v.date, v.time, v.duration, v.site, v.mediator, v.canal,
	  v.posture, v.present, v.outcome, v.urgent, v.note, v.created_at, v.updated_at, v.deleted_at,
	  v.demands, v.organisms, p.code, p.age, p.updated_at
	  FROM visit v LEFT JOIN person p ON p.id = v.person_id ORDER BY v.id"
}
persons() { sqlite3 -batch -quote "$1" "SELECT code, age, updated_at FROM person ORDER BY code"; }
indexes() { sqlite3 -batch "$1" "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"; }
history() { sqlite3 -batch "$1" "SELECT visit_id, updated_at, version FROM visit_history ORDER BY 1, 2, 3"; }
whole() { [ "$(sqlite3 -batch "$1" 'PRAGMA integrity_check')" = ok ]; }
checkpoint() { sqlite3 -batch "$1" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null; }
# uses_index DB: the month's visits are read through visit_by_date.
uses_index() {
	sqlite3 -batch "$1" "EXPLAIN QUERY PLAN SELECT id FROM visit WHERE date BETWEEN '2026-03-01' AND '2026-03-31'" |
		grep -q visit_by_date
}

# A base made record by record, for its indexes.
at fresh.db add --date 2026-11-18 --duration 10 --demand info --posture avec
check "fixture: a base made by one add" rc_is 0
FRESH=$(indexes fresh.db)
check "fixture: it has the visits' secondary indexes" sh -c 'echo "$1" | grep -q visit_by_person' x "$FRESH"

# ---- import in bulk: the same base as one made row by row
at a.db import a.csv
check "bulk import: exit 0" rc_is 0
is "bulk import: the summary" "$(OUT)" "515 nouveaux, 0 modifié, 0 inchangé, 85 supprimés, 0 rejeté"
is "bulk import: the indexes built again, as in a base made record by record" "$(indexes a.db)" "$FRESH"
check "bulk import: the base is whole" whole a.db
check "bulk import: the month's visits are read through their index" uses_index a.db
# The same file in two halves: the second is not a large load (300 rows
# into a base of 300), so row by row.
head -n 301 a.csv >a1.csv
{ head -n 1 a.csv; tail -n +302 a.csv; } >a2.csv
at halves.db import a1.csv
at halves.db import a2.csv
check "import in two halves: exit 0" rc_is 0
is "import in two halves: the same visits and persons as the bulk import" "$(data halves.db)" "$(data a.db)"
is "import in two halves: the same indexes" "$(indexes halves.db)" "$FRESH"

# A bad row at the end: all or nothing, in bulk as row by row.
cp a.csv bad.csv
printf '00000000-0000-4000-8000-999999999999,2026-03-01,10:00,999,nord,,libre,info,,avec,1,,0,,,,,2026-10-01T08:00:00.000Z,2026-10-02T08:00:00.000Z,,,,,,,,,,\r\n' >>bad.csv
at bad.db import bad.csv
check "bulk import of a file with a bad row: refused (exit 1)" rc_is 1
check "bulk import of a file with a bad row: says nothing was imported" err_has "rien n'a été importé"
is "bulk import of a file with a bad row: no visit" "$(sqlite3 -batch bad.db 'SELECT count(*) FROM visit')" 0
is "bulk import of a file with a bad row: the indexes are all there" "$(indexes bad.db)" "$FRESH"
check "bulk import of a file with a bad row: the base is whole" whole bad.db
at bad.db import --skip-invalid bad.csv
check "--skip-invalid: exit 0" rc_is 0
is "--skip-invalid: the valid rows, the bad one left out" "$(data bad.db)" "$(data a.db)"
is "--skip-invalid: the indexes" "$(indexes bad.db)" "$FRESH"

at b.db import b.csv
check "fixture: desk B" rc_is 0
checkpoint a.db
checkpoint b.db

# ---- merge in bulk against merge record by record
at one.db merge a.db b.db
check "merge into an empty base (bulk): exit 0" rc_is 0
is "merge in bulk: each source told, then the total" "$(OUT)" "a.db : 515 nouveaux, 0 modifié, 0 inchangé, 85 supprimés, 0 rejeté
b.db : 343 nouveaux, 0 modifié, 0 inchangé, 57 supprimés, 0 rejeté
total : 858 nouveaux, 0 modifié, 0 inchangé, 142 supprimés, 0 rejeté"
check "merge in bulk: nothing on stderr" err_empty
is "merge in bulk: the indexes built again" "$(indexes one.db)" "$FRESH"
check "merge in bulk: the base is whole" whole one.db
check "merge in bulk: the month's visits are read through their index" uses_index one.db
at two.db merge a.db
at two.db merge b.db
check "the same merge source by source (the second record by record): exit 0" rc_is 0
is "the second source record by record: its counts" "$(OUT)" \
	"b.db : 343 nouveaux, 0 modifié, 0 inchangé, 57 supprimés, 0 rejeté"
is "both ways: the same visits" "$(data two.db)" "$(data one.db)"
is "both ways: the same persons, the later profile kept" "$(persons two.db)" "$(persons one.db)"
is "the shared persons carry desk B's later profile" \
	"$(sqlite3 -batch one.db "SELECT age || ' ' || updated_at FROM person WHERE code = 'KQ0042'")" \
	"40_59 2026-11-05T08:00:00.000Z"
is "both ways: the same indexes" "$(indexes two.db)" "$FRESH"

# ---- again, nothing new: record by record, nothing read
checkpoint one.db
BEFORE=$(sqlite3 -batch one.db .dump)
at one.db merge a.db b.db
check "merge again: exit 0" rc_is 0
is "merge again: all unchanged" "$(OUT)" "a.db : 0 nouveau, 0 modifié, 600 inchangés, 0 supprimé, 0 rejeté
b.db : 0 nouveau, 0 modifié, 400 inchangés, 0 supprimé, 0 rejeté
total : 0 nouveau, 0 modifié, 1000 inchangés, 0 supprimé, 0 rejeté"
is "merge again: the base is unchanged" "$(sqlite3 -batch one.db .dump)" "$BEFORE"

# ---- a version that differs in one column only, with the same time: read
# and decided by its content, the loser kept (on both ways alike)
cp a.db tie.db
sqlite3 -batch tie.db "UPDATE visit SET note = 'zz même instant' WHERE id = '00000000-0000-4000-8000-000000000010';
  UPDATE visit SET duration = duration - 1 WHERE id = '00000000-0000-4000-8000-000000000011';
  UPDATE person SET age = '60_74', updated_at = '2026-11-05T08:00:00.000Z' WHERE code = 'KQ0003'"
H0=$(history one.db | wc -l)
at one.db merge tie.db
check "a tie that differs: exit 0" rc_is 0
is "a tie that differs: both visits read and decided, the rest unchanged" "$(OUT)" \
	"tie.db : 0 nouveau, 1 modifié, 599 inchangés, 0 supprimé, 0 rejeté"
is "a tie that differs: each loser kept in the history" "$(history one.db | wc -l)" $((H0 + 2))
is "a profile that differs with the same time: the one that sorts last wins" \
	"$(sqlite3 -batch one.db "SELECT age FROM person WHERE code = 'KQ0003'")" 60_74
is "a tie that differs: the version that sorts last wins" \
	"$(sqlite3 -batch one.db "SELECT note FROM visit WHERE id = '00000000-0000-4000-8000-000000000010'")" \
	"zz même instant"
at two.db merge tie.db
is "a tie, the other way: the same visits" "$(data two.db)" "$(data one.db)"
is "a tie, the other way: the same history" "$(history two.db | cut -d'|' -f1,2)" "$(history one.db | cut -d'|' -f1,2)"
is "a profile that differs with the same time: decided by its content, on both" \
	"$(persons two.db)" "$(persons one.db)"

# ---- a bulk merge that fails changes nothing; again, it converges
cp fresh.db full.db
checkpoint full.db
sqlite3 -batch full.db "DELETE FROM visit" >/dev/null
checkpoint full.db
blocks=$((($(stat -c %s full.db) + 32768) / 512))
(
	trap '' XFSZ
	ulimit -f "$blocks" || exit 1
	"$CARNET" --db full.db --config t.ini merge a.db b.db >"$T/out" 2>"$T/err"
	echo $? >"$T/rc"
)
RC=$(cat "$T/rc" 2>/dev/null || echo 99)
check "a bulk merge past the file size limit fails (exit 5)" rc_is 5
check "a bulk merge that fails says nothing was changed" err_has "rien n'a été changé"
check "a bulk merge that fails prints no count" out_empty
is "a bulk merge that fails: no visit came" "$(sqlite3 -batch full.db 'SELECT count(*) FROM visit')" 0
is "a bulk merge that fails: the indexes are all there" "$(indexes full.db)" "$FRESH"
check "a bulk merge that fails: the base is whole" whole full.db
at full.db merge a.db b.db tie.db
check "the same merge again, with room: exit 0" rc_is 0
is "the same merge again: the same visits as the others" "$(data full.db)" "$(data one.db)"
is "the same merge again: the same persons" "$(persons full.db)" "$(persons one.db)"
