# SPDX-License-Identifier: GPL-3.0-or-later
# A source from another desk may be damaged or hostile. Every value read from
# it goes through the checks of an import row: a bad row is refused, told
# with its reason and counted; a source whose tables are views or of another
# shape is refused before anything is read; a timestamp more than a day
# ahead is refused in import and merge, and a local change always comes out
# later than the version it replaces. Sources are read where they are,
# leaving no side file, even in a folder this account cannot write to.
. "$TESTS_DIR/cli/lib.sh"

# mksource NAME: a fresh source database of two visits (one with a person).
mksource() {
	S="$T/$1.db"
	rm -f "$S" "$S-wal" "$S-shm"
	"$CARNET" --db "$S" person new --code SRC1 --age 25_39 >/dev/null
	"$CARNET" --db "$S" add --duration 20 --demand suivi --posture avec --person SRC1 \
		--note "bonne note" >/dev/null
	"$CARNET" --db "$S" add --duration 30 --demand info --posture pour >/dev/null
	GOOD=$(sqlite3 "$S" "SELECT id FROM visit WHERE duration = 30")
	BAD=$(sqlite3 "$S" "SELECT id FROM visit WHERE duration = 20")
}
# spoil WHAT SQL: a source whose visit with the person is spoiled by SQL;
# the merge must refuse that row, tell why, count it, and take the other.
spoil() {
	what=$1 q=$2 want=$3
	mksource "src-$(echo "$what" | tr -c 'a-z0-9' _)"
	sqlite3 "$S" "$(echo "$q" | sed "s/@BAD@/$BAD/g")" || echo "# could not spoil: $what"
	rm -f "$DB" "$DB-wal" "$DB-shm"
	run merge "$S"
	check "$what: merge still ends (status 0)" rc_is 0
	check "$what: the row is counted as refused" out_has "1 rejeté"
	check "$what: the good row comes in" sh -c '[ "$(sqlite3 "$1" "SELECT count(*) FROM visit WHERE id = '"'$GOOD'"'")" = 1 ]' x "$DB"
	check "$what: the bad row does not" sh -c '[ "$(sqlite3 "$1" "SELECT count(*) FROM visit WHERE id = '"'$BAD'"'")" = 0 ]' x "$DB"
	check "$what: the message names the visit" err_has "passage ${4:-$BAD}"
	check "$what: the message says why ($want)" err_has "$want"
}
spoil "invalid UTF-8 in a note" "UPDATE visit SET note = 'caf' || CAST(X'C3' AS TEXT) || 'e' WHERE id = '@BAD@'" "UTF-8 attendu"
spoil "a NUL in a note" "UPDATE visit SET note = CAST(X'616200636465' AS TEXT) WHERE id = '@BAD@'" "caractère NUL"
spoil "a note over the limit" "UPDATE visit SET note = printf('%05000d', 1) WHERE id = '@BAD@'" "note"
spoil "an over-long code" "UPDATE visit SET demands = printf('%040d', 7) WHERE id = '@BAD@'" "colonne « demandes »"
spoil "an over-long site" "UPDATE visit SET site = printf('s%040d', 7) WHERE id = '@BAD@'" "colonne « site »"
spoil "present = 5" "PRAGMA ignore_check_constraints = ON; UPDATE visit SET present = 5 WHERE id = '@BAD@'" "attendu 1 ou 0"
spoil "urgent = 'oui'" "PRAGMA ignore_check_constraints = ON; UPDATE visit SET urgent = 'oui' WHERE id = '@BAD@'" "attendu 1 ou 0"
spoil "a missing person row" "PRAGMA foreign_keys = OFF; DELETE FROM person;" "usager absent"
# A NULL date needs a table without NOT NULL: same columns, other constraints.
spoil "a NULL date" "CREATE TABLE v2 AS SELECT * FROM visit; DROP TABLE visit; CREATE TABLE visit AS SELECT * FROM v2 WHERE 0; INSERT INTO visit SELECT * FROM v2; DROP TABLE v2; UPDATE visit SET date = NULL WHERE id = '@BAD@'" "date invalide"
spoil "a duration of 0" "PRAGMA ignore_check_constraints = ON; UPDATE visit SET duration = 0 WHERE id = '@BAD@'" "durée invalide"
spoil "an escape in a note" "UPDATE visit SET note = 'a' || char(27) || '[2J' WHERE id = '@BAD@'" "caractère de contrôle"
spoil "a bidi override in a place" "UPDATE visit SET referred_to = 'autre', referred_place = 'x' || char(8238) WHERE id = '@BAD@'" "caractère de contrôle"
spoil "a malformed id" "UPDATE visit SET id = 'pas-un-uuid' WHERE id = '@BAD@'" "identifiant invalide" pas-un-uuid
spoil "a timestamp in 9999" "UPDATE visit SET updated_at = '9999-12-31T23:59:59.000Z' WHERE id = '@BAD@'" "horodatage dans le futur"
spoil "a creation two days ahead" "UPDATE visit SET created_at = '2026-11-20T10:00:00.000Z' WHERE id = '@BAD@'" "horodatage dans le futur"
spoil "a deletion in the future" "UPDATE visit SET deleted_at = '2030-01-01T00:00:00.000Z' WHERE id = '@BAD@'" "horodatage dans le futur"

# A person row that is wrong is told and counted too, and not taken.
mksource src-person
sqlite3 "$S" "UPDATE person SET age = 'x' || char(27) || ']0;t' || char(7)"
rm -f "$DB" "$DB-wal" "$DB-shm"
run merge "$S"
check "a bad profile: merge ends" rc_is 0
check "a bad profile: told by its code" err_has "usager SRC1"
check "a bad profile: counted" out_has "rejeté"
is "a bad profile: the person is not taken" "$(sql "SELECT count(*) FROM person WHERE age LIKE 'x%'")" 0
mksource src-person-late
sqlite3 "$S" "UPDATE person SET updated_at = '9999-01-01T00:00:00.000Z'"
rm -f "$DB" "$DB-wal" "$DB-shm"
run merge "$S"
check "a profile from the future: told" err_has "horodatage dans le futur"

# One day ahead is allowed (clocks differ a little), more is not.
mksource src-near
sqlite3 "$S" "UPDATE visit SET updated_at = '2026-11-19T09:00:00.000Z'"
rm -f "$DB" "$DB-wal" "$DB-shm"
run merge "$S"
check "a timestamp less than a day ahead: taken" out_has "2 nouveaux"

# A local change always beats the version it replaces, even one from a
# wrong clock already in the base (merged before this check existed).
rm -f "$DB" "$DB-wal" "$DB-shm"
add_visit --note "ici"
sql "UPDATE visit SET updated_at = '2026-12-25T00:00:00.000Z' WHERE id = '$ID'"
run edit "$ID" --note "corrigé ici"
check "edit after a future version: done" rc_is 0
after=$(sql "SELECT updated_at FROM visit WHERE id = '$ID'")
check "edit after a future version: the edit is later than it ($after)" \
	[ "$after" \> "2026-12-25T00:00:00.000Z" ]
run delete "$ID"
deleted=$(sql "SELECT updated_at FROM visit WHERE id = '$ID'")
check "delete after it: later again ($deleted)" [ "$deleted" \> "$after" ]
"$CARNET" export -o "$T/future.csv" >/dev/null
run --db "$T/desk2.db" import "$T/future.csv"
check "import of a row more than a day ahead: refused" rc_is 1
check "import: the column is named" err_has "colonne « modifie »"
check "import: the reason is said" err_has "horodatage dans le futur"
rm -f "$T/desk2.db"
# The same row, merged into a base that had the future version: the later
# local change wins on the other desk too.
"$CARNET" person new --code FUT1 >/dev/null
add_visit --person FUT1 --note "v1"
sql "UPDATE visit SET updated_at = '2026-11-19T05:00:00.000Z' WHERE id = '$ID'"
cp "$DB" "$T/old-copy.db"
run edit "$ID" --note "v2"
run forget FUT1 --yes
fg=$(sql "SELECT updated_at FROM visit WHERE id = '$ID'")
check "forget after a future version: the visit's change is later ($fg)" [ "$fg" \> "2026-11-19T05:00:00.000Z" ]
run --db "$T/old-copy.db" merge "$DB"
is "merged into the old copy, the forgotten person is gone from the visit" \
	"$(SQLDB=$T/old-copy.db sql "SELECT count(*) FROM visit WHERE id = '$ID' AND person_id IS NOT NULL")" 0

# Sources whose tables are not carnet's: refused before anything is read.
mksource src-view
sqlite3 "$S" "ALTER TABLE visit RENAME TO visit_real;
CREATE VIEW visit AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)
SELECT v.* FROM visit_real v, r;"
rm -f "$DB" "$DB-wal" "$DB-shm"
timeout 20 "$CARNET" merge "$S" >"$T/out" 2>"$T/err"
RC=$?
check "a recursive view as visit: refused at once (not a hang)" [ "$RC" -ne 124 ]
check "a recursive view as visit: status 5" rc_is 5
check "a recursive view as visit: the message says so" err_has "« visit » n'y est pas une table de carnet"
check "a recursive view as visit: nothing written" [ "$(nvisits)" -eq 0 ]
mksource src-cols
sqlite3 "$S" "ALTER TABLE visit ADD COLUMN extra TEXT"
run merge "$S"
check "a table with an unexpected column: refused" rc_is 5
check "a table with an unexpected column: said" err_has "n'a pas les colonnes d'une base carnet"
mksource src-person-view
sqlite3 "$S" "ALTER TABLE person RENAME TO p2; CREATE VIEW person AS SELECT * FROM p2;"
run merge "$S"
check "person as a view: refused" err_has "« person » n'y est pas une table de carnet"

# Read where they are: no side file left, and a read-only folder is fine.
mkdir -p "$T/ro"
mksource ro/desk
check "the source has no -wal or -shm once carnet closed it" [ ! -e "$S-wal" ] && [ ! -e "$S-shm" ]
before=$(cksum <"$S")
chmod 555 "$T/ro"
rm -f "$DB" "$DB-wal" "$DB-shm"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	# nobody may read the source (not write it) and owns the base it fills.
	chmod 755 "$T"
	chmod 644 "$S"
	mkdir -p "$T/nb" && chown nobody "$T/nb"
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$CARNET" --db "$T/nb/nobody.db" merge "$S" >"$T/out" 2>"$T/err"
	RC=$?
else
	run --db "$T/nobody.db" merge "$S"
fi
check "a source in a read-only folder is merged" rc_is 0
check "a source in a read-only folder: its visits come in" out_has "2 nouveaux"
chmod 755 "$T/ro"
check "no -shm left beside the source" [ ! -e "$S-shm" ]
check "no -wal left beside the source" [ ! -e "$S-wal" ]
is "the source file is byte for byte as it was" "$(cksum <"$S")" "$before"
mksource desk-rw
run merge "$S"
check "a source in a writable folder: no -shm left either" [ ! -e "$S-shm" ]
