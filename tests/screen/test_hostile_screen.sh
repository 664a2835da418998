# SPDX-License-Identifier: GPL-3.0-or-later
# What a damaged or hostile database holds never reaches the terminal as a
# control: the day's list and the form show '?' for it, the terminal's
# title and contents are left alone.
. "$TESTS_DIR/screen/lib.sh"

run add --duration 20 --demand suivi --organism caf --posture avec --time 09:00 --note "calme"
A=$(head -n 1 "$T/out")
sql "UPDATE visit SET demands = 'x' || char(27) || ']2;pirate' || char(7),
     note = 'avant' || char(27) || '[2J' || char(8238) || 'après' WHERE id = '$A'"
start
on_screen "the list shows the visit" "09:00  20 min"
on_screen "the hostile code is shown with '?' for its controls" "x?]2;pirate?"
is "the terminal's title is not changed" "$(tmx display-message -p -t s '#{pane_title}' | grep -c pirate)" 0
on_screen "the rest of the screen is still there (no clear)" "1 passage"
keys Enter
on_screen "the form opens" "Modifier le passage"
on_screen "the note is shown with '?' for the clear and the override" "avant?[2J?après"
check "the override itself never reaches the terminal" sh -c '! grep -q "$(printf "\342\200\256")" "$1"' x "$T/screen"
is "the title is still not changed" "$(tmx display-message -p -t s '#{pane_title}' | grep -c pirate)" 0
keys Escape
keys q
check "q quits" wait_exit
