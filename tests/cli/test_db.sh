# SPDX-License-Identifier: GPL-3.0-or-later
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
	"$(sql "SELECT (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('visit', 'visit_demand', 'visit_organism', 'person', 'person_equipment') ORDER BY name))
	          || ' ' || (SELECT group_concat(t || '.' || c, ',') FROM (
	               SELECT 'person' AS t, name AS c FROM pragma_table_info('person') WHERE name = 'equipment'
	               UNION ALL SELECT 'visit', name FROM pragma_table_info('visit') WHERE name IN ('demands', 'organisms')
	               ORDER BY t, c))")" \
	"person,visit person.equipment,visit.demands,visit.organisms"
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

# ---- an older schema is upgraded with nothing lost (fixture: schema 3, made
# by carnet 0.1.0, where multi-valued fields were rows of child tables)
OLD="$T/v3.db"
sqlite3 -batch "$OLD" <"$FIXTURES/schema-v3.sql"
is "fixture: schema version 3" "$(SQLDB="$OLD" sql 'PRAGMA user_version')" 3
printf '[quartier]\nle_blosne = Le Blosne\n' >"$T/v3.ini"
run --db "$OLD" --config "$T/v3.ini" show e7ceee58
check "upgraded: show exits 0" rc_is 0
is "upgraded: schema version is the current one" "$(SQLDB="$OLD" sql 'PRAGMA user_version')" "$VERSION"
is "upgraded: the demands kept in order" \
	"$(SQLDB="$OLD" sql "SELECT demands FROM visit WHERE id LIKE 'e7ceee58%'")" "suivi|compte|info"
is "upgraded: the organisms kept in order" \
	"$(SQLDB="$OLD" sql "SELECT organisms FROM visit WHERE id LIKE 'e7ceee58%'")" "caf|cpam"
is "upgraded: a visit with no organism has none" \
	"$(SQLDB="$OLD" sql "SELECT coalesce(organisms, 'NULL') FROM visit WHERE id LIKE 'c13c9d62%'")" NULL
is "upgraded: the person's equipment kept in order" \
	"$(SQLDB="$OLD" sql "SELECT equipment FROM person WHERE code = 'P7K3QX'")" "smartphone|ordinateur|internet"
is "upgraded: the deleted visit stays deleted" \
	"$(SQLDB="$OLD" sql "SELECT deleted_at IS NOT NULL FROM visit WHERE id LIKE 'c13c9d62%'")" 1
is "upgraded: the child tables are gone" \
	"$(SQLDB="$OLD" sql "SELECT count(*) FROM sqlite_master WHERE name IN ('visit_demand', 'visit_organism', 'person_equipment')")" 0
check "upgraded: show prints the demands and organisms" sh -c 'grep -q "^Demandes *: Suivre un dossier.*; Créer un compte.*; S.informer" "$1" && grep -q "^Organismes *: CAF ; Assurance maladie" "$1"' x "$T/out"
run --db "$OLD" --config "$T/v3.ini" report --month 2026-11 --format json
is "upgraded: the report counts both visits and their person" "$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print(r["volume"]["passages"], r["volume"]["personnes"], r["autonomie"]["personnes"])' "$T/out")" "2 1 1"
is "upgraded: integrity check ok" "$(SQLDB="$OLD" sql 'PRAGMA integrity_check')" ok

# ---- schema 5 (the last before workshops and time outside accompaniment),
# made by the previous carnet: upgraded to the workshops' schema, nothing lost
OLD5="$T/v5.db"
sqlite3 -batch "$OLD5" <"$FIXTURES/schema-v5.sql"
is "fixture: schema version 5" "$(SQLDB="$OLD5" sql 'PRAGMA user_version')" 5
# The columns of schema 5 (later schemas add some of their own).
V5COLS="id, date, time, duration, site, mediator, canal, posture, present, outcome, urgent, referred_by, referred_to, referred_place, person_id, note, created_at, updated_at, deleted_at, demands, organisms"
BEFORE5=$(SQLDB="$OLD5" sql "SELECT $V5COLS FROM visit ORDER BY id; SELECT * FROM person; SELECT * FROM visit_history")
run --db "$OLD5" list --from 2026-11-01 --to 2026-11-30
check "schema 5 upgraded: list exits 0" rc_is 0
is "schema 5 upgraded: the current schema version" "$(SQLDB="$OLD5" sql 'PRAGMA user_version')" "$VERSION"
is "schema 5 upgraded: visits, persons and history unchanged" \
	"$(SQLDB="$OLD5" sql "SELECT $V5COLS FROM visit ORDER BY id; SELECT * FROM person; SELECT * FROM visit_history")" "$BEFORE5"
is "schema 5 upgraded: the new tables are there, empty" \
	"$(SQLDB="$OLD5" sql "SELECT (SELECT count(*) FROM workshop) + (SELECT count(*) FROM workshop_participant) + (SELECT count(*) FROM worktime) + (SELECT count(*) FROM record_history)")" 0
check "schema 5 upgraded: a copy of the old base beside it" test -f "$OLD5.v5.bak"
is "schema 5 upgraded: the copy is the old schema" "$(SQLDB="$OLD5.v5.bak" sql 'PRAGMA user_version')" 5
is "schema 5 upgraded: integrity check ok" "$(SQLDB="$OLD5" sql 'PRAGMA integrity_check')" ok

# ---- schema 6 (the last before the referral's follow-through), made by
# the previous carnet: upgraded to schema 7, nothing lost, the referral's
# new columns empty, and a referral of before can be answered
OLD6="$T/v6.db"
sqlite3 -batch "$OLD6" <"$FIXTURES/schema-v6.sql"
is "fixture: schema version 6" "$(SQLDB="$OLD6" sql 'PRAGMA user_version')" 6
V6TABLES="SELECT $V5COLS FROM visit ORDER BY id; SELECT * FROM person; SELECT * FROM visit_history; SELECT * FROM workshop; SELECT * FROM workshop_participant; SELECT * FROM worktime; SELECT * FROM record_history"
BEFORE6=$(SQLDB="$OLD6" sql "$V6TABLES")
run --db "$OLD6" list --from 2026-11-01 --to 2026-11-30
check "schema 6 upgraded: list exits 0" rc_is 0
is "schema 6 upgraded: the current schema version" "$(SQLDB="$OLD6" sql 'PRAGMA user_version')" "$VERSION"
is "schema 6 upgraded: visits, persons, workshops, times and histories unchanged" \
	"$(SQLDB="$OLD6" sql "$V6TABLES")" "$BEFORE6"
is "schema 6 upgraded: the referral's columns are there, empty" \
	"$(SQLDB="$OLD6" sql "SELECT count(*), count(referral_how), count(referral_place), count(referral_went), count(referral_answered) FROM visit")" "2|0|0|0|0"
check "schema 6 upgraded: a copy of the old base beside it" test -f "$OLD6.v6.bak"
is "schema 6 upgraded: the copy is the old schema" "$(SQLDB="$OLD6.v6.bak" sql 'PRAGMA user_version')" 6
is "schema 6 upgraded: integrity check ok" "$(SQLDB="$OLD6" sql 'PRAGMA integrity_check')" ok
run --db "$OLD6" referral open P7K3QX
check "schema 6 upgraded: the old referral is open" out_has "Passage 41586dd3-98df-47ca-a7b8-81723828bafc"
run --db "$OLD6" referral answer 41586dd3 oui
check "schema 6 upgraded: its answer is stored" rc_is 0
is "schema 6 upgraded: the answer and its time in the row" \
	"$(SQLDB="$OLD6" sql "SELECT referral_went, referral_answered FROM visit WHERE id LIKE '41586dd3%'")" "oui|2026-11-18T09:30:00.000Z"
