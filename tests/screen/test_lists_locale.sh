# SPDX-License-Identifier: GPL-3.0-or-later
# The screen offers every entry of a long list, as the command line accepts
# them all; under LANG=C or no locale at all it shows the accents and dashes
# it has, never garbage.
. "$TESTS_DIR/screen/lib.sh"

# 400 more organisms: the last one is reached through the filter.
mkdir -p "$XDG_CONFIG_HOME/carnet"
{
	printf '[organisme]\n'
	i=1
	while [ $i -le 400 ]; do printf 'org%03d = Organisme numéro %03d\n' $i $i; i=$((i + 1)); done
} >"$XDG_CONFIG_HOME/carnet/carnet.ini"
run add --duration 10 --demand info --posture pour --organism org400
check "the command line takes the 400th added organism" rc_is 0
start
on_screen "the list is shown" "10:30  10 min"
keys n s
on_screen "the form is on the organisms" ">Organismes"
keys /
on_screen "/ starts the filter" "Filtre : _"
type_text "399"
on_screen "the filter finds the 399th added organism" "Organisme numéro 399"
keys Enter
on_screen "it is picked" "Organismes         Organisme numéro 3…"
keys 3 d a Enter
on_screen "the visit is saved" "Passage enregistré"
is "stored with the far organism" "$(sql "SELECT count(*) FROM visit WHERE organisms = 'org399'")" 1
keys q
check "q quits" wait_exit
rm -f "$XDG_CONFIG_HOME/carnet/carnet.ini"

# No UTF-8 locale: the screen still writes the characters it has.
for env in "LANG=C LC_ALL=C" "LANG= LC_ALL= LC_CTYPE="; do
	SCREEN_ENV="$env"
	start
	on_screen "$env: the accents are shown" "mercredi 18 novembre 2026"
	on_screen "$env: the dash of an empty organism is shown" "Faire pour    —"
	check "$env: no garbage for the dash" sh -c '! grep -q "~@~T" "$1"' x "$T/screen"
	keys n
	on_screen "$env: the form's accents" "Médiateur"
	keys Escape q
	check "$env: q quits" wait_exit
done
SCREEN_ENV=
