# SPDX-License-Identifier: GPL-3.0-or-later
# Several terminal types: the screen opens, French accents display, a visit
# is saved, q gives the terminal back. NO_COLOR: no colour, still usable.
. "$TESTS_DIR/screen/lib.sh"

# flags: alternate screen and cursor visibility of the pane.
flags() { tmx display-message -p -t s '#{alternate_on} #{cursor_flag}'; }
# escaped: the screen with its escape sequences (SGR attributes) kept.
escaped() { tmx capture-pane -e -p -t s; }
ESC=$(printf '\033')
# An SGR sequence that sets a colour: 30-38 / 40-48 (39 and 49 are the
# defaults), 90-97 / 100-107; alone or among other parameters.
COLOUR_SGR="$ESC\\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]*)*m"

n=0
for t in xterm-256color screen tmux-256color linux; do
	if ! infocmp "$t" >/dev/null 2>&1; then
		echo "# skipped TERM=$t: no terminfo entry"
		continue
	fi
	SCREEN_TERM=$t start
	on_screen "$t: the screen opens with the date in French" "mercredi 18 novembre 2026"
	on_screen "$t: accents in the title" "Site par défaut"
	on_screen "$t: accents in the column heads" "Durée"
	is "$t: the cursor is hidden while carnet runs" "$(flags | cut -d' ' -f2)" 0
	keys n
	on_screen "$t: the form opens" "Nouveau passage"
	keys s c 3 d a
	on_screen "$t: the outcome label with its accent" "Issue              Démarche aboutie"
	on_screen "$t: the canal label with its accents" "Accueil sans rende"
	keys Enter
	on_screen "$t: the visit is saved" "Passage enregistré"
	n=$((n + 1))
	is "$t: the visit is in the database" "$(nvisits)" "$n"
	on_screen "$t: the list shows it" "Faire avec"
	keys Enter
	on_screen "$t: the saved visit reopens" "Modifier le passage"
	on_screen "$t: the saved outcome shows with its accent" "Démarche aboutie"
	on_screen "$t: the saved organism" "Organismes         CAF"
	keys Escape
	on_screen "$t: the untouched edit closes" "Saisie abandonnée"
	keys q
	check "$t: q quits" wait_exit
	is "$t: exit status 0" "$EXIT" 0
	is "$t: the terminal is given back (main screen, cursor shown)" "$(flags)" "0 1"
done

# Colours: the title bar is white on blue, an error red.
start
on_screen "colour: the list opens" "mercredi 18 novembre 2026"
escaped >"$T/esc"
check "colour: the title bar has a blue background (SGR 44)" \
	sh -c "head -n 1 '$T/esc' | grep -q '$ESC\\[\\([0-9;]*;\\)\\{0,1\\}44m'"
check "colour: colour codes are used" grep -Eq "$COLOUR_SGR" "$T/esc"
keys n Enter
on_screen "colour: an error on the status line" "Champ obligatoire : Demandes"
escaped >"$T/esc"
check "colour: the error is red (SGR 31)" sh -c "tail -n 1 '$T/esc' | grep -q '$ESC\\[\\([0-9;]*;\\)\\{0,1\\}31m'"
keys Escape
wait_for "Saisie abandonnée" || true
keys q
wait_exit || true

# NO_COLOR=1: attributes only (bold, reverse), no colour at all.
SCREEN_ENV="NO_COLOR=1"
start
on_screen "NO_COLOR: the list opens" "mercredi 18 novembre 2026"
escaped >"$T/esc"
check "NO_COLOR: no colour code on the list" sh -c "! grep -Eq '$COLOUR_SGR' '$T/esc'"
check "NO_COLOR: the title bar is in reverse video (SGR 7)" \
	sh -c "head -n 1 '$T/esc' | grep -q '$ESC\\[\\([0-9;]*;\\)\\{0,1\\}7m'"
keys n Enter
on_screen "NO_COLOR: the error message" "Champ obligatoire : Demandes"
escaped >"$T/esc"
check "NO_COLOR: no colour code in the form and its error" sh -c "! grep -Eq '$COLOUR_SGR' '$T/esc'"
check "NO_COLOR: the error is in bold (SGR 1)" sh -c "tail -n 1 '$T/esc' | grep -q '$ESC\\[\\([0-9;]*;\\)\\{0,1\\}1m'"
keys s c 3 d a Enter
on_screen "NO_COLOR: a visit can be saved" "Passage enregistré"
is "NO_COLOR: it is in the database" "$(sql "SELECT count(*) FROM visit WHERE outcome = 'aboutie' AND posture = 'avec'")" $((n + 1))
keys q
check "NO_COLOR: q quits" wait_exit
is "NO_COLOR: exit status 0" "$EXIT" 0
