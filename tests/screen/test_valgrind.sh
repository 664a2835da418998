# SPDX-License-Identifier: GPL-3.0-or-later
# A scripted session of the desk screen under valgrind: no invalid access,
# no leak (curses keeps some memory reachable on purpose: only definite and
# indirect leaks count). Skipped for the sanitizer build.
. "$TESTS_DIR/screen/lib.sh"

if [ -n "${CARNET_SANITIZED:-}" ] || ! command -v valgrind >/dev/null 2>&1; then
	echo "# valgrind screen session skipped (sanitizer build or no valgrind)"
	exit 0
fi
# valgrind is slow: give every wait more time.
WAIT_STEPS=$((WAIT_STEPS * 6))
run person new --code K7M2QX
run add --duration 20 --demand suivi --posture avec --person K7M2QX

REAL=$CARNET
cat >"$T/vg.sh" <<SCRIPT
#!/bin/sh
exec valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	--error-exitcode=99 --log-file="$T/vg.log" "$REAL" "\$@"
SCRIPT
chmod +x "$T/vg.sh"
CARNET="$T/vg.sh"
start
on_screen "valgrind: the list opens" "1 passage"
keys n s c 3 d a
keys Tab Tab Tab Tab Tab Tab
type_text K7
keys Space
on_screen "valgrind: a person attached" "Usager connu"
keys F6 4 Enter
on_screen "valgrind: a profile saved" "enregistré"
keys Enter
on_screen "valgrind: a visit saved" "2 passages"
keys e 1 Enter
on_screen "valgrind: a visit edited" "Passage modifié"
# Two saves that meet: the conflict view, then keep mine.
keys Enter
on_screen "valgrind: the visit open again" "Modifier le passage"
keys Tab Tab 2
"$REAL" edit "$(sql "SELECT id FROM visit ORDER BY updated_at DESC LIMIT 1")" --note "ailleurs" >/dev/null
keys Enter
on_screen "valgrind: the conflict view" "Passage modifié ailleurs"
keys m
on_screen "valgrind: mine kept" "votre version est gardée"
keys d o
on_screen "valgrind: a visit deleted" "supprimé"
keys u
on_screen "valgrind: the delete undone" "rétabli"
keys / s
keys Escape
keys F1
on_screen "valgrind: the help" "Aide : les touches"
keys Escape h l . c
keys b "[" "]" Down
on_screen "valgrind: the report view" "Bilan d'activité ·"
keys Escape
keys q
check "valgrind: carnet ends" wait_exit
is "valgrind: no error and no leak (status 0, not 99)" "$EXIT" 0
if [ -s "$T/vg.log" ]; then
	nok "valgrind: an empty log" "$(head -c 800 "$T/vg.log")"
else
	ok "valgrind: an empty log"
fi
