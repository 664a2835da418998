# SPDX-License-Identifier: GPL-3.0-or-later
# What -o, backup and the read-only commands may touch. An output file is
# never the database, one of its side files, a copy of it or any SQLite
# database; never a link, a device, a pipe or a folder; it is written under
# a temporary name and renamed when complete, so a failed write leaves the
# old file as it was. A backup cut short never looks whole. A command that
# only reads never creates a database.
. "$TESTS_DIR/cli/lib.sh"

for i in 1 2 3; do add_visit --note "visite $i"; done
run backup "$T/copy.db"
check "a backup copy to aim at" rc_is 0
"$CARNET" --db "$T/other.db" add --duration 10 --demand info --posture pour >/dev/null
sqlite3 "$T/plain.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
sqlite3 "$T/plain.db" "PRAGMA user_version" >/dev/null
# A copy before an upgrade, as carnet names them.
cp "$DB" "$DB.v4.bak"
ln "$DB" "$T/hardlink.db"
mkdir -p "$T/via"
ln -s "$XDG_DATA_HOME/carnet" "$T/via/dir"

sum() { for f in "$@"; do [ -e "$f" ] && cksum <"$f"; done | cksum; }
snapshot() { sum "$DB" "$DB-wal" "$T/copy.db" "$T/other.db" "$T/plain.db" "$DB.v4.bak"; }
before=$(snapshot)

# Every way of naming a database file, for both commands that take -o.
for target in "$DB" "$DB-wal" "$DB-shm" "$DB-journal" "$DB.v4.bak" "$DB.v2.bak" \
	"$T/copy.db" "$T/other.db" "$T/plain.db" "$T/hardlink.db" "$T/via/dir/carnet.db" \
	"$T/via/dir/carnet.db-wal" "$XDG_DATA_HOME/carnet/../carnet/carnet.db"; do
	name=${target#"$T"/}
	for cmd in "export" "report --month 2026-11" "report --month 2026-11 --format csv"; do
		run $cmd -o "$target"
		check "$cmd -o $name: refused (status 1)" rc_is 1
		check "$cmd -o $name: the message says nothing was written" err_has "rien n'a été écrit"
	done
done
(cd "$XDG_DATA_HOME/carnet" && "$CARNET" export -o carnet.db >"$T/out" 2>"$T/err")
RC=$?
check "export -o carnet.db from the database's folder: refused" rc_is 1
is "no database file was touched" "$(snapshot)" "$before"
is "the database still has its 3 visits" "$(nvisits)" 3
is "the database is whole" "$(sql 'PRAGMA integrity_check')" ok
check "no journal was made up beside the base" [ ! -e "$DB-journal" ]
check "no pre-upgrade copy was made up" [ ! -e "$DB.v2.bak" ]
run backup "$DB-journal"
check "backup onto the database's journal name: refused" rc_is 1
check "backup onto the database's journal name: nothing made" [ ! -e "$DB-journal" ]

# Links, devices, pipes and folders.
echo "précieux" >"$T/target.txt"
chmod 644 "$T/target.txt"
ln -s "$T/target.txt" "$T/link.csv"
run export -o "$T/link.csv"
check "-o onto a symbolic link: refused" rc_is 1
check "-o onto a symbolic link: the message says so" err_has "lien symbolique"
is "the link's target is untouched" "$(cat "$T/target.txt")" "précieux"
is "the link's target keeps its mode" "$(stat -c %a "$T/target.txt")" 644
mkfifo "$T/fifo"
timeout 10 "$CARNET" report --month 2026-11 -o "$T/fifo" >"$T/out" 2>"$T/err"
RC=$?
check "-o onto a pipe: refused at once (no wait)" rc_is 1
check "-o onto a pipe: the message says so" err_has "n'est pas un fichier ordinaire"
run export -o "$T"
check "-o onto a folder: refused" rc_is 1
check "-o onto a folder: the message says so" err_has "est un dossier"
if [ "$(id -u)" = 0 ] && mknod "$T/null" c 1 3 2>/dev/null; then
	chmod 666 "$T/null"
	run export -o "$T/null"
	check "-o onto a device node: refused" rc_is 1
	is "the device node keeps its mode" "$(stat -c %a "$T/null")" 666
else
	echo "# not root: the device node check is skipped"
fi

# An existing file is replaced whole, never truncated in place nor chmod'ed.
echo "ancien bilan" >"$T/bilan.txt"
chmod 644 "$T/bilan.txt"
ln "$T/bilan.txt" "$T/bilan-lien.txt"
run report --month 2026-11 -o "$T/bilan.txt"
check "-o onto an existing report: done" rc_is 0
check "-o: the new report is there" grep -Eq "Passages +3" "$T/bilan.txt"
is "-o: the new file is readable by its owner only" "$(stat -c %a "$T/bilan.txt")" 600
is "-o: another link to the old file still has the old text" "$(cat "$T/bilan-lien.txt")" "ancien bilan"
is "-o: the old file's mode was not changed" "$(stat -c %a "$T/bilan-lien.txt")" 644
check "-o: no temporary file is left" sh -c '! ls "$1"/bilan.txt.* 2>/dev/null | grep -q .' x "$T"

# A write that fails half-way (a size limit) leaves the old file as it was.
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250)
INSERT INTO visit (id, date, time, duration, site, canal, posture, demands, note, created_at, updated_at)
SELECT printf('%08x-0000-4000-8000-%012x', i, i), '2026-11-02', '10:00', 20, 'defaut', 'libre',
       'pour', 'info', printf('%0400d', i), '2026-11-18T09:30:00.000Z', '2026-11-18T09:30:00.000Z' FROM n"
echo "export précédent" >"$T/export.csv"
# Past the limit the kernel sends SIGXFSZ, which would kill carnet: ignored,
# the write fails as on a full disk.
sh -c 'trap "" XFSZ; ulimit -f 70; exec "$1" export -o "$2"' x "$CARNET" "$T/export.csv" >"$T/out" 2>"$T/err"
RC=$?
check "export over a size limit: fails" [ "$RC" -ne 0 ]
check "export over a size limit: says the file is incomplete" err_has "incomplète"
is "export over a size limit: the old file is as it was" "$(cat "$T/export.csv")" "export précédent"
check "export over a size limit: no temporary file is left" \
	sh -c '! ls "$1"/export.csv.* 2>/dev/null | grep -q .' x "$T"

# backup: a copy cut short never takes the final name.
sh -c 'trap "" XFSZ; ulimit -f 16; exec "$1" backup "$2"' x "$CARNET" "$T/cut.db" >"$T/out" 2>"$T/err"
RC=$?
check "backup over a size limit: fails" [ "$RC" -ne 0 ]
check "backup over a size limit: no file under the final name" [ ! -e "$T/cut.db" ]
run --db "$T/cut.db" check
check "check on the name of a failed backup: base introuvable, status 3" rc_is 3
check "check on the name of a failed backup: says so" err_has "base introuvable"
check "check did not create it" [ ! -e "$T/cut.db" ]
run backup "$T/cut.db"
check "a new backup to that name then succeeds" rc_is 0
is "the backup is whole" "$(SQLDB=$T/cut.db sql 'SELECT count(*) FROM visit')" "$(nvisits)"
# Killed at any moment: either no file, or a whole one.
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
INSERT INTO visit (id, date, time, duration, site, canal, posture, demands, note, created_at, updated_at)
SELECT printf('%08x-0000-4000-9000-%012x', i, i), '2026-11-02', '10:00', 20, 'defaut', 'libre',
       'pour', 'info', printf('%0200d', i), '2026-11-18T09:30:00.000Z', '2026-11-18T09:30:00.000Z' FROM n"
total=$(nvisits)
partial=0 whole=0
for i in $(seq 1 12); do
	rm -f "$T/k.db"
	"$CARNET" backup "$T/k.db" >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$i"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ -e "$T/k.db" ]; then
		if [ "$(SQLDB=$T/k.db sql 'SELECT count(*) FROM visit' 2>/dev/null)" = "$total" ]; then
			whole=$((whole + 1))
		else
			partial=$((partial + 1))
		fi
	fi
done
echo "# backup killed 12 times: $whole whole copies, $partial partial ones under the final name"
is "a killed backup never leaves a partial copy under its name" "$partial" 0

# Commands that only read never create a database.
for cmd in "list" "show 1234" "report" "export" "check" "backup $T/b2.db" "person show ABCD" \
	"edit 1234 --note x" "delete 1234" "purge --before 2020-01-01 --yes" "forget ABCD --yes"; do
	run --db "$T/nope/typo.db" $cmd
	check "$cmd on a mistyped --db: base introuvable, status 3" rc_is 3
	check "$cmd on a mistyped --db: the message says so" err_has "base introuvable"
	check "$cmd on a mistyped --db: no database and no folder made" [ ! -e "$T/nope" ]
done
run --db "$T/typo.db" list
check "list on a missing file in an existing folder: status 3" rc_is 3
check "list on a missing file: nothing created" [ ! -e "$T/typo.db" ]
CARNET_DB="$T/env-typo.db" "$CARNET" report >"$T/out" 2>"$T/err"
RC=$?
check "report on a mistyped \$CARNET_DB: status 3, nothing created" sh -c '[ "$1" -eq 3 ] && [ ! -e "$2" ]' x "$RC" "$T/env-typo.db"
"$CARNET" --db "$T/typo2.db" </dev/null >"$T/out" 2>"$T/err"
RC=$?
check "carnet without command off a terminal on a missing base: status 3, nothing created" \
	sh -c '[ "$1" -eq 3 ] && [ ! -e "$2" ]' x "$RC" "$T/typo2.db"
run --db "$T/new.db" add --duration 10 --demand info --posture pour
check "add still creates a new base" sh -c '[ "$1" -eq 0 ] && [ -s "$2" ]' x "$RC" "$T/new.db"

# A folder where a file is expected: say what is wrong.
run --db "$T" list
check "--db naming a folder: refused" [ "$RC" -ne 0 ]
check "--db naming a folder: says it is a folder" err_has "est un dossier"
run import "$T"
check "import of a folder: refused" rc_is 1
check "import of a folder: says it is a folder" err_has "est un dossier"

# A database folder others may write to is warned about.
mkdir -p "$T/shared"
chmod 777 "$T/shared"
run --db "$T/shared/c.db" add --duration 10 --demand info --posture pour
check "a base in a folder others can write: still works" rc_is 0
check "a base in a folder others can write: a warning" err_has "est modifiable par d'autres comptes"
chmod 1777 "$T/shared"
run --db "$T/shared/c.db" list
check "even with the sticky bit (others can still plant a -wal): a warning" err_has "modifiable par d'autres comptes"
chmod 700 "$T/shared"
run --db "$T/shared/c.db" list
check "a private folder: no warning" err_empty
