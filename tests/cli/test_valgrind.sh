# SPDX-License-Identifier: GPL-3.0-or-later
# Each command under valgrind: no invalid access, no leak, on success and on
# the error paths. Skipped for the sanitizer build (the two do not mix).
. "$TESTS_DIR/cli/lib.sh"

if [ -n "${CARNET_SANITIZED:-}" ] || ! command -v valgrind >/dev/null 2>&1; then
	echo "# valgrind checks skipped (sanitizer build or no valgrind)"
	exit 0
fi

# vg DESCRIPTION EXPECTED-STATUS ARGS…
vg() {
	d=$1 want=$2
	shift 2
	valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
		--error-exitcode=99 --log-file="$T/vg.log" "$CARNET" "$@" >"$T/out" 2>"$T/err"
	RC=$?
	if [ "$RC" -eq "$want" ]; then
		ok "valgrind: $d"
	else
		nok "valgrind: $d" "status $RC, expected $want: $(head -c 600 "$T/vg.log")"
	fi
}

CONF="$T/desk.ini"
printf '[site]\nnord = Nord\n[mediateur]\ncd = C. D.\n[desk]\nsite = nord\nmediator = cd\n[couleur]\nfond = bleu\n' >"$CONF"
vg "add" 0 --config "$CONF" add --duration 20 --demand suivi,compte --organism caf --posture avec \
	--outcome aboutie --note "Première démarche"
ID=$(cat "$T/out")
vg "person new" 0 person new --age 25_39 --equipment smartphone,internet
CODE=$(cat "$T/out")
vg "add with a person" 0 --config "$CONF" add --duration 1h30 --demand info --posture pour --person "$CODE"
vg "list" 0 --config "$CONF" list
vg "list csv" 0 --config "$CONF" list --format csv
vg "show" 0 --config "$CONF" show "$ID"
vg "edit" 0 --config "$CONF" edit "$ID" --organism "" --urgent
vg "person edit" 0 person edit "$CODE" --gender femme
vg "person show" 0 --config "$CONF" person show "$CODE"
vg "lists" 0 lists
vg "delete" 0 --config "$CONF" delete "$ID"
vg "no command" 0 --config "$CONF"
vg "refused value" 1 add --duration 0 --demand suivi --posture avec
vg "unknown code" 1 add --duration 10 --demand suivi --posture avecc
vg "unknown id" 3 show 00000000
vg "unknown option" 2 list --colour
vg "missing configuration" 4 --config "$T/absent.ini" lists
printf '[organisme]\nceci nest pas une cle\n' >"$T/bad.ini"
vg "malformed configuration" 4 --config "$T/bad.ini" lists
printf 'pas une base' >"$T/notdb"
vg "not a database" 5 --db "$T/notdb" list
vg "help" 0 add --help
for format in text json csv html; do
	vg "report --format $format" 0 --config "$CONF" report --month 2026-11 --format "$format"
done
vg "report on an empty period" 0 report --month 2020-01
vg "report --format xlsx" 0 --config "$CONF" report --month 2026-11 --by site --format xlsx -o "$T/r.xlsx"
vg "list --format xlsx" 0 --config "$CONF" list --format xlsx -o "$T/l.xlsx"
vg "report with an unknown --site" 1 --config "$CONF" report --month 2026-11 --site nowhere
vg "report --by site" 0 --config "$CONF" report --month 2026-11 --by site --format html
vg "report --by mediator" 0 --config "$CONF" report --month 2026-11 --by mediator --format json
vg "report with a bad month" 1 report --month 2026-13
vg "export" 0 --config "$CONF" export -o "$T/all.csv"
vg "import into another desk" 0 --db "$T/other.db" --config "$CONF" import "$T/all.csv"
vg "import again (all unchanged)" 0 --db "$T/other.db" --config "$CONF" import "$T/all.csv"
sed 's/,suivi|compte,/,suivi|compte|bad code,/' "$T/all.csv" >"$T/bad.csv"
vg "import of a bad row: all or nothing" 1 --db "$T/other.db" --config "$CONF" import "$T/bad.csv"
vg "import --skip-invalid" 0 --db "$T/other.db" --config "$CONF" import --skip-invalid "$T/bad.csv"
printf 'id,date\r\n"broken\r\n' >"$T/broken.csv"
vg "import of a broken file" 1 --db "$T/other.db" import "$T/broken.csv"
iconv -f UTF-8 -t WINDOWS-1252 "$T/all.csv" >"$T/win.csv"
sed 's/,\([0-9][0-9]:[0-9][0-9]\),/,\1:00,/' "$T/win.csv" >"$T/sheet.csv"
vg "import of a Windows-1252 file with seconds (a spreadsheet's)" 0 --db "$T/fourth.db" --config "$CONF" import "$T/sheet.csv"
vg "merge" 0 --db "$T/third.db" --config "$CONF" merge "$DB" "$T/other.db"
vg "merge of a file that is not a database" 5 --db "$T/third.db" merge "$T/notdb"
vg "backup" 0 backup "$T/copy.db"
vg "backup over an existing file" 1 backup "$T/copy.db"
vg "check" 0 check
vg "purge" 0 purge --before 2020-01-01 --yes
vg "purge refused without a terminal" 1 purge --before 2030-01-01
vg "forget" 0 forget "$CODE" --yes
vg "forget an unknown code" 3 forget "$CODE" --yes

# The hostile and refused paths of the second trust round.
vg "export -o onto the database: refused" 1 export -o "$DB"
ln -sf "$T/notdb" "$T/notdb.link"
vg "report -o onto a link: refused" 1 report --month 2026-11 -o "$T/notdb.link"
vg "export -o a new file" 0 export -o "$T/again.csv"
vg "list on a missing base" 3 --db "$T/missing.db" list
sqlite3 "$T/third.db" "PRAGMA ignore_check_constraints = ON; UPDATE visit SET present = 5;
UPDATE visit SET note = 'x' || char(27) || '[2J' WHERE rowid = 1"
vg "merge of rows a desk cannot take" 0 --db "$T/fourth.db" merge "$T/third.db"
sqlite3 "$T/third.db" "CREATE VIEW v AS SELECT 1; ALTER TABLE visit RENAME TO visit0; CREATE VIEW visit AS SELECT * FROM visit0"
vg "merge of a source whose visit is a view" 5 --db "$T/fourth.db" merge "$T/third.db"
vg "add with a bidi override in the note" 1 add --duration 10 --demand info --posture pour --note "$(printf 'a\342\200\256b')"
vg "edit a visit again" 0 --config "$CONF" edit "$(sqlite3 "$DB" 'SELECT id FROM visit WHERE deleted_at IS NULL LIMIT 1')" --note "encore"
