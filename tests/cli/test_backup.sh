# SPDX-License-Identifier: GPL-3.0-or-later
# carnet backup and carnet check; the copy made before a schema upgrade.
. "$TESTS_DIR/cli/lib.sh"

add_visit
add_visit --demand compte --organism caf
run backup "$T/copy.db"
check "backup: exit 0" rc_is 0
is "backup: says where and how many visits" "$(OUT)" "Copie écrite : $T/copy.db (2 passages)"
is "backup: readable by its owner only" "$(stat -c %a "$T/copy.db")" 600
is "backup: a whole carnet database, one file" \
	"$(SQLDB="$T/copy.db" sql 'SELECT count(*) FROM visit')|$(ls "$T"/copy.db* | wc -l)" "2|1"
run --db "$T/copy.db" list --from 2026-11-01 --to 2026-11-30
check "backup: carnet opens the copy" rc_is 0
run backup "$T/copy.db"
check "backup over an existing file: refused, exit 1" rc_is 1
check "backup over an existing file: says so" err_has "existe déjà"
run backup
check "backup without a file: exit 2" rc_is 2
umask 022
run backup "$T/copy2.db"
is "backup: 0600 whatever the umask" "$(stat -c %a "$T/copy2.db")" 600

# A copy while another process writes: each copy is one consistent state.
(i=0; while [ $i -lt 150 ]; do "$CARNET" add --duration 10 --demand info --posture pour >/dev/null 2>&1; i=$((i + 1)); done) &
WRITER=$!
n=0 bad=0
while kill -0 "$WRITER" 2>/dev/null && [ $n -lt 20 ]; do
	n=$((n + 1))
	"$CARNET" backup "$T/live$n.db" >/dev/null 2>"$T/err" || bad=$((bad + 1))
	[ "$(sqlite3 "$T/live$n.db" 'PRAGMA integrity_check')" = ok ] || bad=$((bad + 1))
done
wait "$WRITER"
is "backups while another process adds visits: all made and intact ($n copies)" "$bad" 0
check "the copies grow with the writes" sh -c \
	'[ "$(sqlite3 "$1/live1.db" "SELECT count(*) FROM visit")" -le "$(sqlite3 "$1/live$2.db" "SELECT count(*) FROM visit")" ]' x "$T" "$n"

# ---- check
run check
check "check: exit 0 on a sound database" rc_is 0
check "check: says so" out_has "Base intègre"
cp "$DB" "$T/broken.db"
sqlite3 "$T/broken.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
# Overwrite the middle of the file, past the header and schema pages.
size=$(stat -c %s "$T/broken.db")
dd if=/dev/zero of="$T/broken.db" bs=1024 seek=$((size / 1024 / 2)) count=2 conv=notrunc 2>/dev/null
printf 'garbage page contents%.0s' $(seq 200) | dd of="$T/broken.db" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
run --db "$T/broken.db" check
check "check on a damaged database: exit 5" rc_is 5
check "check on a damaged database: a French message" err_has "base endommagée"

# ---- before a schema upgrade, a copy of the database as it was
OLD="$T/v3.db"
sqlite3 -batch "$OLD" <"$FIXTURES/schema-v3.sql"
printf '[quartier]\nle_blosne = Le Blosne\n' >"$T/v3.ini"
run --db "$OLD" --config "$T/v3.ini" list --from 2026-11-01 --to 2026-11-30
check "upgrade: exit 0" rc_is 0
check "upgrade: the copy carnet.db.v3.bak is next to the database" test -f "$OLD.v3.bak"
is "upgrade: the copy is the database as it was (schema 3)" "$(sqlite3 "$OLD.v3.bak" 'PRAGMA user_version')" 3
is "upgrade: the copy has the old tables and rows" \
	"$(sqlite3 "$OLD.v3.bak" 'SELECT count(*) FROM visit_demand')" "$(grep -c 'INSERT INTO visit_demand' "$FIXTURES/schema-v3.sql")"
is "upgrade: the copy is readable by its owner only" "$(stat -c %a "$OLD.v3.bak")" 600
