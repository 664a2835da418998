# SPDX-License-Identifier: GPL-3.0-or-later
# Text from data or a file never reaches a terminal as a control: messages
# (always), results on a terminal (show, list, lists, the text report, the
# export), configuration warnings. Notes, places and labels refuse C1
# controls, bidirectional overrides and invisible characters, as they
# refuse ASCII controls.
. "$TESTS_DIR/cli/lib.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
# no_raw_controls FILE: no ESC, BEL, C1 (U+0080–U+009F) nor bidi override bytes.
no_raw_controls() {
	! LC_ALL=C grep -q "[$ESC$BEL]" "$1" &&
		! LC_ALL=C grep -qP '\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"
}

add_visit --note "ordinaire"
REAL=$ID
"$CARNET" export -o "$T/a.csv" >/dev/null 2>&1
# What a damaged or hostile database holds: written behind carnet's back.
sql "UPDATE visit SET note = 'titre ' || char(27) || ']0;pirate' || char(7) || ' et ' ||
     char(27) || '[2J fin ' || char(8238) || 'txt.exe', referred_place = 'lieu' || char(133),
     site = 'x' || char(27) || '[31m' WHERE id = '$REAL'"

# On a terminal (script(1) gives a pseudo-terminal): what carnet writes there.
if command -v script >/dev/null 2>&1; then
	tty() {
		script -qfec "$(printf "'%s' " "$CARNET" "$@")" "$T/tty" >/dev/null 2>&1
		RC=$?
	}
	tty show "$REAL"
	check "show on a terminal: exit 0" rc_is 0
	check "show on a terminal: no raw control reaches it" no_raw_controls "$T/tty"
	check "show on a terminal: ESC written as \\x1b" grep -qF 'titre \x1b]0;pirate\x07 et \x1b[2J fin' "$T/tty"
	check "show on a terminal: the bidi override written as \\u202e" grep -qF '\u202etxt.exe' "$T/tty"
	check "show on a terminal: a C1 control written as \\u0085" grep -qF 'lieu\u0085' "$T/tty"
	tty list --from 2026-11-01
	check "list on a terminal: no raw control" no_raw_controls "$T/tty"
	check "list on a terminal: the note's visit is listed" grep -qF "S'informer" "$T/tty"
	tty report --month 2026-11
	check "text report on a terminal: no raw control" no_raw_controls "$T/tty"
	tty export
	check "export on a terminal: no raw control" no_raw_controls "$T/tty"
	check "export on a terminal: the note shown escaped" grep -qF 'titre \x1b]0;pirate\x07' "$T/tty"
	printf '[site]\nbon = Bon site\n[canal]\nlibre = Accueil%s libre\n' "$(printf '\302\205')" \
		>"$T/c1.ini"
	tty --config "$T/c1.ini" lists
	check "lists on a terminal: no raw control" no_raw_controls "$T/tty"
else
	echo "# script(1) is not installed: the terminal checks are skipped"
fi

# Off a terminal, the exchange format keeps the data as it is (programs read it).
run export
check "export to a file: the note as stored, byte for byte" grep -qF "titre $ESC]0;pirate$BEL" "$T/out"

# Messages are escaped wherever they go.
python3 - "$T/a.csv" "$T/b.csv" <<'PY'
import sys
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
f = rows[1].split(",")
f[4] = "x\x1b]0;pirate\x07"
rows[1] = ",".join(f)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(rows) + "\n")
PY
run --db "$T/other.db" import "$T/b.csv"
check "import of a hostile code: refused (status 1)" rc_is 1
check "import: the message names the column" err_has "colonne « site »"
check "import: the message shows the value escaped" err_has 'x\x1b]0;pirate\x07'
check "import: no raw control in the message" no_raw_controls "$T/err"

run add --duration 15 --demand info --posture avec --organism "$(printf 'caf\033[2J')"
check "add with a hostile code: refused" rc_is 1
check "add: the code shown escaped in the message" err_has 'caf\x1b[2J'
check "add: no raw control in the message" no_raw_controls "$T/err"

printf '[site]\n%s = Mauvais\n[canal]\nlibre = Libre%s\n' "$(printf 'x\033]0;t\007')" \
	"$(printf '\342\200\256')" >"$T/bad.ini"
run --config "$T/bad.ini" lists
check "configuration: a hostile key and label warned about, lists still shown" rc_is 0
check "configuration: the key shown escaped in the warning" err_has 'x\x1b]0;t\x07'
check "configuration: a label with a bidi override is refused" err_has "libellé vide ou invalide pour « canal:libre »"
check "configuration: no raw control in the warnings" no_raw_controls "$T/err"
check "configuration: the refused label is not used" sh -c '! grep -q "Libre" "$1"' x "$T/out"

# Notes, places and labels refuse what would hide or reverse text.
for c in '\302\205:C1 control U+0085' '\302\233:C1 CSI U+009B' '\342\200\256:bidi override U+202E' \
	'\342\200\252:bidi embedding U+202A' '\342\201\246:bidi isolate U+2066' \
	'\342\200\213:zero-width space U+200B' '\342\200\215:zero-width joiner U+200D' \
	'\357\273\277:zero-width no-break space U+FEFF' '\342\200\217:right-to-left mark U+200F'; do
	bytes=$(printf "${c%%:*}")
	name=${c#*:}
	before=$(nvisits)
	run add --duration 15 --demand info --posture avec --note "avant${bytes}après"
	check "note with a $name: refused" rc_is 1
	check "note with a $name: the message says why" err_has "--note : caractère de contrôle, invisible ou de sens d'écriture non accepté"
	run add --duration 15 --demand info --posture avec --referred-to autre --referred-place "lieu${bytes}"
	check "place with a $name: refused" rc_is 1
	is "$name: nothing written" "$(nvisits)" "$before"
done
run add --duration 15 --demand info --posture avec --note "Accents é à ç, tiret — et « guillemets »"
check "an ordinary French note is accepted" rc_is 0

# A configuration line too long for the INI parser: the file is refused with
# its line number, not an empty excerpt.
{
	printf '[site]\nbon = Bon\n[canal]\n'
	printf 'long = %s\n' "$(printf 'x%.0s' $(seq 1 1100))"
} >"$T/long.ini"
run --config "$T/long.ini" lists
check "a 1 100-character configuration line: refused (status 4)" rc_is 4
check "a 1 100-character configuration line: the file and line are named" err_has "$T/long.ini:4 : ligne trop longue"
printf '[site]\nbon = %s\n' "$(printf 'é%.0s' $(seq 1 400))" >"$T/ok.ini"
run --config "$T/ok.ini" lists
check "an 800-byte label line is still read" rc_is 0
