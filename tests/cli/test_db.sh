# The database: where it is, how it is created, and which files are refused.
. "$TESTS_DIR/cli/lib.sh"

# sum FILE: checksum of a database file after a checkpoint of its WAL.
sum() { sha256sum <"$1" | cut -d' ' -f1; }
checkpoint() { sqlite3 -batch "$1" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null; }
# refused_db DESC FILE: every command on FILE exits 5 with a message and leaves it unchanged.
refused_db() {
	f_desc=$1 f_db=$2
	f_sum=$(sum "$f_db")
	run --db "$f_db" list
	check "$f_desc: list exits 5" rc_is 5
	check "$f_desc: message on stderr starts with 'carnet: '" grep -q '^carnet: ' "$T/err"
	check "$f_desc: nothing on stdout" out_empty
	run --db "$f_db" add --duration 15 --demand info --posture avec
	check "$f_desc: add exits 5" rc_is 5
	check "$f_desc: add prints no id" out_empty
	CARNET_DB="$f_db" run
	check "$f_desc: carnet without a command exits 5" rc_is 5
	is "$f_desc: the file is unchanged" "$(sum "$f_db")" "$f_sum"
}

# ---- default place, modes
add_visit
check "add on a new account exits 0" rc_is 0
check "default database at \$XDG_DATA_HOME/carnet/carnet.db" test -f "$DB"
is "database file mode 600" "$(stat -c %a "$DB")" 600
is "database directory mode 700" "$(stat -c %a "$XDG_DATA_HOME/carnet")" 700
is "the visit is in the default database" "$(nvisits)" 1
is "journal_mode is wal" "$(sql 'PRAGMA journal_mode')" wal
check "user_version is set (> 0)" [ "$(sql 'PRAGMA user_version')" -gt 0 ]
is "the schema has the documented tables" \
	"$(sql "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('visit', 'visit_demand', 'visit_organism', 'person', 'person_equipment') ORDER BY name)")" \
	person,person_equipment,visit,visit_demand,visit_organism
VERSION=$(sql 'PRAGMA user_version')
add_visit
is "reopening keeps the schema version" "$(sql 'PRAGMA user_version')" "$VERSION"
is "reopening keeps the visits" "$(nvisits)" 2

# ---- HOME fallback when XDG_DATA_HOME is not set
(
	unset XDG_DATA_HOME
	add_visit
	check "without XDG_DATA_HOME: add exits 0" rc_is 0
	check "without XDG_DATA_HOME: database at ~/.local/share/carnet/carnet.db" test -f "$HOME/.local/share/carnet/carnet.db"
	SQLDB="$HOME/.local/share/carnet/carnet.db"
	is "without XDG_DATA_HOME: the visit is there" "$(nvisits)" 1
)
is "without XDG_DATA_HOME: the XDG database was not used" "$(nvisits)" 2

# ---- --db and CARNET_DB
run --db "$T/a/b/opt.db" add --duration 15 --demand info --posture avec
check "--db FILE in new directories: exit 0" rc_is 0
check "--db FILE created" test -f "$T/a/b/opt.db"
is "--db FILE mode 600" "$(stat -c %a "$T/a/b/opt.db")" 600
is "--db FILE: directories created with mode 700" "$(stat -c %a "$T/a/b")" 700
is "--db FILE holds the visit" "$(SQLDB="$T/a/b/opt.db" nvisits)" 1
is "--db FILE: default database untouched" "$(nvisits)" 2
CARNET_DB="$T/env.db" run add --duration 15 --demand info --posture avec
check "CARNET_DB: exit 0" rc_is 0
is "CARNET_DB holds the visit" "$(SQLDB="$T/env.db" nvisits)" 1
is "CARNET_DB: default database untouched" "$(nvisits)" 2
CARNET_DB="$T/env.db" run --db "$T/a/b/opt.db" add --duration 15 --demand info --posture avec
check "--db and CARNET_DB: exit 0" rc_is 0
is "--db wins over CARNET_DB" "$(SQLDB="$T/a/b/opt.db" nvisits)" 2
is "--db wins: CARNET_DB database untouched" "$(SQLDB="$T/env.db" nvisits)" 1
CARNET_DB="$T/env.db" run list --format csv --from 2000-01-01
is "CARNET_DB is read by list" "$(($(wc -l <"$T/out") - 1))" 1

# ---- a database from a newer carnet
NEW="$T/newer.db"
run --db "$NEW" add --duration 15 --demand info --posture avec
check "database for the newer-schema test created" rc_is 0
sqlite3 -batch "$NEW" 'PRAGMA user_version=9999' >/dev/null
checkpoint "$NEW"
refused_db "newer schema (user_version 9999)" "$NEW"
run --db "$NEW" list
check "newer schema: French message mentions the version" grep -qiE 'version|récent' "$T/err"
is "newer schema: user_version still 9999" "$(SQLDB="$NEW" sql 'PRAGMA user_version')" 9999
is "newer schema: the visit is still there" "$(SQLDB="$NEW" nvisits)" 1

# ---- an SQLite database of another program
OTHER="$T/other.db"
sqlite3 -batch "$OTHER" "CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Dupont', '0600000000')"
refused_db "another program's SQLite database" "$OTHER"
is "another program's database: no table added" "$(SQLDB="$OTHER" sql 'SELECT group_concat(name) FROM sqlite_master')" contacts
is "another program's database: user_version untouched" "$(SQLDB="$OTHER" sql 'PRAGMA user_version')" 0

# ---- not a database at all
TXT="$T/notes.txt"
printf 'Ceci est un fichier texte, pas une base de données.\n%.0s' 1 2 3 4 5 6 7 8 9 10 >"$TXT"
refused_db "a text file" "$TXT"

# ---- cannot create: the parent is a regular file
printf 'x\n' >"$T/plainfile"
run --db "$T/plainfile/carnet.db" add --duration 15 --demand info --posture avec
check "database in a directory that cannot be created: exit 5" rc_is 5
check "database that cannot be created: message names the path" err_has "$T/plainfile"
check "database that cannot be created: nothing on stdout" out_empty
