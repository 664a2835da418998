# SPDX-License-Identifier: GPL-3.0-or-later
# Help and version texts, unknown commands.
. "$TESTS_DIR/cli/lib.sh"

# helped DESC ARGS…: "carnet ARGS…" prints a French help with a usage line, exit 0.
helped() {
	h_desc=$1
	shift
	run "$@"
	check "$h_desc: exit 0" rc_is 0
	check "$h_desc: a usage line" grep -qi 'usage' "$T/out"
	check "$h_desc: French text (accented letters)" grep -q '[éèàêçô]' "$T/out"
	check "$h_desc: nothing on stderr" err_empty
}

helped "carnet --help" --help
check "carnet --help names the commands (add)" out_has add
check "carnet --help names the commands (list)" out_has list
check "carnet --help names the commands (person)" out_has person
check "carnet --help names the global option --db" out_has "--db"
check "carnet --help names the global option --config" out_has "--config"
cp "$T/out" "$T/help"
helped "carnet -h" -h
check "carnet -h prints the same text as --help" cmp -s "$T/out" "$T/help"
check "--help creates no database" test ! -e "$DB"

run --version
check "carnet --version: exit 0" rc_is 0
check "carnet --version prints carnet 0.1.0" out_is "carnet 0.1.0"
run -V
check "carnet -V: exit 0" rc_is 0
check "carnet -V prints carnet 0.1.0" out_is "carnet 0.1.0"

helped "carnet add --help" add --help
check "carnet add --help names --duration" out_has "--duration"
check "carnet add --help names --demand" out_has "--demand"
check "carnet add --help names --posture" out_has "--posture"
cp "$T/out" "$T/addhelp"
helped "carnet help add" help add
check "carnet help add prints the same text as carnet add --help" cmp -s "$T/out" "$T/addhelp"
helped "carnet help list" help list
check "carnet help list names --from" out_has "--from"
check "carnet help list names --format" out_has "--format"
cp "$T/out" "$T/listhelp"
helped "carnet list --help" list --help
check "carnet list --help prints the same text as carnet help list" cmp -s "$T/out" "$T/listhelp"
for c in edit delete show lists person; do
	helped "carnet $c --help" "$c" --help
	helped "carnet help $c" help "$c"
done
helped "carnet person new --help" person new --help
check "carnet person new --help names --code" out_has "--code"
helped "carnet person edit --help" person edit --help
helped "carnet person show --help" person show --help
check "no command help created a database" test ! -e "$DB"

# ---- unknown commands and options
run frobnicate
check "unknown command: exit 2" rc_is 2
check "unknown command: message names it" err_has frobnicate
check "unknown command: message starts with 'carnet: '" grep -q '^carnet: ' "$T/err"
check "unknown command: nothing on stdout" out_empty
run help frobnicate
check "help for an unknown command: exit 2" rc_is 2
check "help for an unknown command: message names it" err_has frobnicate
run --frobnicate
check "unknown global option: exit 2" rc_is 2
check "unknown global option: message names it" err_has frobnicate
run list --frobnicate
check "unknown option of list: exit 2" rc_is 2
check "unknown option of list: message names it" err_has frobnicate
