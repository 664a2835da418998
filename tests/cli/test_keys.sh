# SPDX-License-Identifier: GPL-3.0-or-later
# The keys of the desk screen come from one action table: "carnet keys",
# its roff form, and the TOUCHES section of carnet(1) agree.
. "$TESTS_DIR/cli/lib.sh"

MAN="$TESTS_DIR/../man/carnet.1"
run keys --roff
check "keys --roff: exit 0" rc_is 0
check "keys --roff: a section per context" out_has ".SS Liste du jour"
check "keys --roff: the form context" out_has ".SS Formulaire"
check "keys --roff: the save action with its name" out_has "(save)."
sed -n '/^\.\\" BEGIN KEYS/,/^\.\\" END KEYS/p' "$MAN" | sed '1d;$d' >"$T/man-keys"
if cmp -s "$T/man-keys" "$T/out"; then
	ok "carnet(1) TOUCHES is the output of carnet keys --roff (make man-keys)"
else
	nok "carnet(1) TOUCHES is the output of carnet keys --roff (make man-keys)" \
		"$(diff "$T/man-keys" "$T/out" | head -5)"
fi

run keys
check "keys: exit 0" rc_is 0
check "keys: French key names" out_has "Entrée"
check "keys: the help of an action" out_has "Saisir un nouveau passage"
check "keys: the [keys] names of actions" out_has "prev-day"

mkdir -p "$XDG_CONFIG_HOME/carnet"
printf '[keys]\nnew = F2 n\nvoler = x\nsave = Entrer\n' >"$XDG_CONFIG_HOME/carnet/carnet.ini"
run keys
check "keys with [keys]: exit 0" rc_is 0
check "keys with [keys]: the new binding is shown" sh -c 'grep -qE "^  new +F2 / n" "$1"' x "$T/out"
check "keys with [keys]: an unknown action is a warning naming it" err_has "keys:voler"
check "keys with [keys]: an unknown key name is a warning naming it" err_has "« Entrer »"
check "keys with [keys]: a refused binding keeps the default" sh -c 'grep -qE "^  save +Entrée / C-s" "$1"' x "$T/out"
run keys --bogus
check "keys --bogus: usage error" rc_is 2
