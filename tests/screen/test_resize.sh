# SPDX-License-Identifier: GPL-3.0-or-later
# Resizing the terminal: a form keeps its values through larger, too small
# and normal sizes; a 1x1 terminal does not kill carnet; a wide terminal
# gives the list its width.
. "$TESTS_DIR/screen/lib.sh"

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
resize() { tmx resize-window -t s -x "$1" -y "$2"; }
size_is() { [ "$(tmx display-message -p -t s '#{window_width}x#{window_height}')" = "$1" ]; }

start
on_screen "the list opens at 80x24" "mercredi 18 novembre 2026"
keys n s c 2 f
on_screen "demand, organism, posture, duration answered" "Durée *            45 min"
keys Tab Tab Tab Tab Tab Tab Tab Tab
on_screen "the note" ">Note"
type_text "Écrit avant l'agrandissement"
on_screen "the note is typed" "Écrit avant l'agrandissement_"

resize 100 30
check "the window is 100x30" size_is 100x30
on_screen "at 100x30 the form is still there" "Nouveau passage · mercredi 18 novembre 2026"
on_screen "at 100x30 the panel uses the width" "Écrit avant l'agrandissement_"
on_screen "at 100x30 the posture is kept" "Posture *          Faire devant"
on_screen "at 100x30 the footer is on the last lines" "Entrée enregistrer  Tab suivant"
check "at 100x30 the footer is on line 29" sh -c "tmux -S '$SOCK' -f /dev/null capture-pane -p -t s | sed -n 29p | grep -q 'Entrée enregistrer'"

resize 60 20
check "the window is 60x20" size_is 60x20
on_screen "at 60x20 the screen says it is too small" "Fenêtre trop petite"
on_screen "and gives the size it needs" "80×24"
# Keys are not taken while too small (q quits only).
type_text "zz"
pid=$(carnet_pid)
check "carnet is still running at 60x20" alive "$pid"

resize 80 24
on_screen "back at 80x24 the form comes back" "Nouveau passage"
on_screen "the note is kept" "Écrit avant l'agrandissement_"
not_on_screen "keys typed while too small were not taken" "agrandissementzz"
on_screen "the duration is kept" "Durée *            45 min"
on_screen "the demand is kept" "Demandes *         Suivre un dossier"
on_screen "the organism is kept" "Organismes         CAF"

# Down to 1x1 in the middle of the form.
resize 1 1
check "the window is 1x1" size_is 1x1
sleep 0.5
check "carnet survives a 1x1 terminal" alive "$pid"
resize 80 24
on_screen "back from 1x1 the form is drawn again" "Nouveau passage"
on_screen "the note survived 1x1" "Écrit avant l'agrandissement_"
keys Enter
on_screen "the visit saves after the resizes" "Passage enregistré : 10:30"
is "one visit" "$(nvisits)" 1
is "with the values typed before the resizes" \
	"$(sql "SELECT duration, posture, note, demands, organisms FROM visit")" \
	"45|devant|Écrit avant l'agrandissement|suivi|caf"

# q quits even when the terminal is too small.
resize 60 20
on_screen "too small again" "Fenêtre trop petite"
keys q
check "q quits from the too-small screen" wait_exit
is "exit status 0" "$EXIT" 0

# Starting in a 1x1 terminal.
W=1 H=1 start
sleep 1
pid=$(carnet_pid)
check "carnet started in 1x1 is running" alive "$pid"
sleep 0.5
check "and is still running a moment later" alive "$pid"
resize 80 24
on_screen "resized to 80x24 it shows the list" "mercredi 18 novembre 2026"
on_screen "with the visit" "Suivre un do"
on_screen "and its footer" "n nouveau"
keys q
check "q quits" wait_exit
is "exit status 0 after starting at 1x1" "$EXIT" 0

# A wide terminal: the demand and organism columns take the extra width.
run add --duration 20 --demand pieces --organism prefecture --posture avec --time 11:00
W=200 H=50 start
on_screen "the list opens at 200x50" "mercredi 18 novembre 2026"
on_screen "the whole demand label fits" "Pièces justificatives : scanner, photographier, joindre, imprimer"
on_screen "the whole organism label fits" "Préfecture, titres de séjour (ANEF)"
on_screen "the other demand label fits too" "Suivre un dossier, actualiser, déclarer ses ressources"
check "the person column is at the right of a 200-column line" sh -c \
	"tmux -S '$SOCK' -f /dev/null capture-pane -p -t s | sed -n 2p | grep -Eq '^.{150,}Usager\$'"
check "the totals are on line 48 of 50" sh -c \
	"tmux -S '$SOCK' -f /dev/null capture-pane -p -t s | sed -n 48p | grep -q '2 passages'"
keys q
wait_exit || true
