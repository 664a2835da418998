# SPDX-License-Identifier: GPL-3.0-or-later
# Personal data: files readable by their owner only, a warning for a
# database readable by others, purge and forget that leave nothing readable.
. "$TESTS_DIR/cli/lib.sh"

umask 022
run person new --code K7M2QX --age 25_39 --gender femme
add_visit --date 2024-03-01 --person K7M2QX --note "NOTEOLD1 à effacer"
add_visit --date 2026-03-01 --person K7M2QX --note "NOTEKEPT2"
run person new --code H3RT5W --situation emploi
add_visit --date 2024-05-01 --person H3RT5W --note "NOTEOLD3"
run person new --code N4WC0M
add_visit --date 2023-12-31 --person N4WC0M
run person new --code P9NEW7	# registered, not come yet: kept
is "fixture: 4 visits, 4 persons" "$(nvisits)|$(sql 'SELECT count(*) FROM person')" "4|4"

# ---- modes, whatever the umask
is "database 0600 with umask 022" "$(stat -c %a "$DB")" 600
run export -o "$T/export.csv"
is "export file 0600" "$(stat -c %a "$T/export.csv")" 600
run report --month 2026-03 --format html -o "$T/r.html"
is "report file 0600" "$(stat -c %a "$T/r.html")" 600
run backup "$T/b.db"
is "backup 0600" "$(stat -c %a "$T/b.db")" 600
check "the report never prints notes" sh -c '! grep -q "NOTEKEPT2" "$1"' x "$T/r.html"
run report --month 2026-03 --format json
check "the JSON report never prints notes" sh -c '! grep -q "NOTE" "$1"' x "$T/out"

# ---- a database readable by others: a warning, and it still works
chmod 644 "$DB"
run list --from 2026-03-01 --to 2026-03-31
check "readable by others: the command works" rc_is 0
check "readable by others: a warning naming the mode and the fix" sh -c \
	'grep -q "lisible par d.autres comptes" "$1" && grep -q "0644" "$1" && grep -q "chmod 600" "$1"' x "$T/err"
chmod 600 "$DB"
run list --from 2026-03-01 --to 2026-03-31
check "mode 0600: no warning" sh -c '[ ! -s "$1" ]' x "$T/err"

# ---- purge
run purge --before 2025-01-01 </dev/null
check "purge without --yes and without a terminal: refused, exit 1" rc_is 1
check "purge without --yes: says what it would erase" err_has "3 passages d'avant le 2025-01-01"
is "purge refused: nothing erased" "$(nvisits)" 4
run purge --before 2025-13-01 --yes
check "purge with a bad date: exit 1" rc_is 1
run purge --yes
check "purge without --before: exit 2" rc_is 2
run purge --before 2025-01-01 --yes
check "purge: exit 0" rc_is 0
is "purge: says what it erased" "$(OUT)" "Effacés : 3 passages d'avant le 2025-01-01, 2 usagers."
is "purge: the later visit stays" "$(sql 'SELECT date FROM visit')" 2026-03-01
is "purge: the persons left without visits are gone, not the others" \
	"$(sql 'SELECT group_concat(code) FROM (SELECT code FROM person ORDER BY code)')" K7M2QX,P9NEW7
check "purge: the erased notes and codes are nowhere in the files" sh -c \
	'! cat "$1"* | grep -qa -e NOTEOLD1 -e NOTEOLD3 -e H3RT5W -e N4WC0M' x "$DB"
check "purge: the database is intact" sh -c '[ "$(sqlite3 "$1" "PRAGMA integrity_check")" = ok ]' x "$DB"
run purge --before 2025-01-01 --yes
is "purge again: nothing to erase" "$(OUT)" "Rien à effacer avant le 2025-01-01."

# ---- forget
run forget ZZZZ99 --yes
check "forget an unknown code: exit 3" rc_is 3
run forget k7m2qx </dev/null
check "forget without --yes: refused, exit 1" rc_is 1
is "forget refused: the person stays" "$(sql 'SELECT count(*) FROM person')" 2
run forget k7m2qx --yes
check "forget: exit 0" rc_is 0
is "forget: says what it did" "$(OUT)" "Usager K7M2QX effacé ; 1 passage devenu anonyme."
is "forget: the person is gone, not the other" "$(sql 'SELECT group_concat(code) FROM person')" P9NEW7
is "forget: the visit stays, anonymous" "$(sql 'SELECT count(*) FROM visit WHERE person_id IS NULL')" 1
check "forget: the code and the profile are nowhere in the files" sh -c \
	'! cat "$1"* | grep -qa -e K7M2QX' x "$DB"
run report --month 2026-03 --format json
check "forget: the visit still counts in the report" sh -c 'grep -q "\"passages\": 1," "$1"' x "$T/out"
