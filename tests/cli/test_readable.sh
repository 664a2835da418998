# SPDX-License-Identifier: GPL-3.0-or-later
# What people read is in their terms: local times in show, labels not codes
# in the report, French decimals and plurals whatever the locale.
. "$TESTS_DIR/cli/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/carnet"
printf '[site]\nesc_blosne = ESC Le Blosne\n[desk]\nsite = esc_blosne\n' >"$XDG_CONFIG_HOME/carnet/carnet.ini"
run person new --code SOLO12
add_visit --person SOLO12 --posture pour
run show "$ID"
check "show: created in local time (10:30 Paris, stored 09:30 UTC)" out_has "2026-11-18 10:30"
check "show: no UTC timestamp is shown" sh -c '! grep -q "T09:30:00" "$1"' x "$T/out"
run person show SOLO12
check "person show: created on the local day" out_has "créé le 2026-11-18"
for loc in C.UTF-8 fr_FR.UTF-8; do
	if [ "$loc" = fr_FR.UTF-8 ] && ! locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
		echo "# fr_FR.UTF-8 is not generated here: its half of the check is skipped"
		continue
	fi
	LC_ALL=$loc LANG=$loc "$CARNET" report --month 2026-11 --site esc_blosne >"$T/out" 2>"$T/err"
	RC=$?
	check "$loc: report exits 0" rc_is 0
	check "$loc: the site is named by its label" out_has "Site : ESC Le Blosne"
	check "$loc: one person, in the singular" out_has "Parts de la personne distincte venue sur la période"
	check "$loc: the mean posture with a decimal comma" out_has "1,00 (1 passage)"
	check "$loc: never a decimal point in the text report" sh -c '! grep -Eq "[0-9]\.[0-9]" "$1"' x "$T/out"
done
