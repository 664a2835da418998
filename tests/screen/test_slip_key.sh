# SPDX-License-Identifier: GPL-3.0-or-later
# The slip key of the day's list (f): the selected visit's place of the
# directory, dated the visit's day, sent to [desk] printer (the very bytes of
# « carnet slip --format text ») or, without a printer, written as the A5
# HTML page in the data folder's fiches/ (0600); the person's code only when
# answered o; a failing or hanging printer said on the status line, the
# screen intact.
. "$TESTS_DIR/screen/lib.sh"

# The data folder under HOME: the status line shows it "~/…".
export XDG_DATA_HOME="$HOME/.local/share"
DB="$XDG_DATA_HOME/carnet/carnet.db"
CFG="$XDG_CONFIG_HOME/carnet/carnet.ini"
FICHES="$XDG_DATA_HOME/carnet/fiches"
mkdir -p "$XDG_CONFIG_HOME/carnet" "$T/bin"
desk() { printf '[desk]\nname = Espace numérique de Maurepas\n%s\n' "$1" >"$CFG"; }
desk ""

run place import "$TESTS_DIR/fixtures/places-rennes.csv"
check "the directory imported" rc_is 0
run person new --code K7M2QX
add_visit --time 09:00 --referred-to france_services --referral-place rm-fs-maurepas
add_visit --time 10:00 --person K7M2QX --referred-to france_services --referral-place rm-fs-maurepas
add_visit --time 11:00 --demand compte
check "three visits prepared" [ "$(nvisits)" -eq 3 ]

run slip rm-fs-maurepas --date 2026-11-18
cp "$T/out" "$T/expected.txt"
run slip rm-fs-maurepas --date 2026-11-18 --format html
cp "$T/out" "$T/expected.html"
run slip rm-fs-maurepas --date 2026-11-18 --code K7M2QX
cp "$T/out" "$T/expected-code.txt"

# The fake printers, found on PATH: one copies what it reads (and writes on
# its stdout and stderr: nothing of it may reach the screen), one fails
# with 3, one hangs.
cat >"$T/bin/copieur" <<EOF2
#!/bin/sh
cat >"$T/printed"
echo "SORTIE PARASITE"
echo "ERREUR PARASITE" >&2
EOF2
printf '#!/bin/sh\ncat >/dev/null\nexit 3\n' >"$T/bin/panne"
printf '#!/bin/sh\nsleep 60\n' >"$T/bin/bloque"
chmod +x "$T/bin/copieur" "$T/bin/panne" "$T/bin/bloque"
SCREEN_ENV="PATH=$T/bin:$PATH"

intact() {
	on_screen "$1: the header line is still there" "Heure"
	on_screen "$1: the totals line is still there" "3 passages · 45 min"
	not_on_screen "$1: nothing of the printer on the screen" "PARASITE"
}

# ---- without a printer: the HTML file
start
on_screen "the list is shown" ">09:00"
keys f
HTML="$FICHES/2026-11-18-rm-fs-maurepas.html"
on_screen "no printer: the status line says the file's path" \
	"Fiche écrite : ~/.local/share/carnet/fiches/2026-11-18-rm-fs-maurepas.html"
check "no printer: the HTML file is the very bytes of carnet slip --format html" \
	cmp -s "$HTML" "$T/expected.html"
is "no printer: the file is 0600" "$(stat -c %a "$HTML")" 600
is "no printer: the folder is 0700" "$(stat -c %a "$FICHES")" 700
intact "after the file"

# ---- a visit without a place of the directory
keys j j
on_screen "the third visit selected" ">11:00"
keys f
on_screen "no place: said" "Ce passage n'a pas de lieu de l'annuaire : choisissez-le dans"
stop

# ---- the printer
desk "printer = copieur"
start
on_screen "the list is shown (printer)" ">09:00"
keys f
on_screen "printer: the status line says where it went" \
	"Fiche d'orientation envoyée à « copieur »"
check "printer: it read the very bytes of carnet slip (text)" cmp -s "$T/printed" "$T/expected.txt"
intact "after the printer"

# ---- the person's code: asked, on the slip only with o
keys j
on_screen "the visit with a person selected" ">10:00"
rm -f "$T/printed"
keys f
on_screen "the code: asked" "Ajouter le code de l'usager sur la fiche ? (o/n)"
keys n
on_screen "n: sent" "Fiche d'orientation envoyée à « copieur »"
check "n: the slip without the code" cmp -s "$T/printed" "$T/expected.txt"
check "n: no code on it" sh -c '! grep -q K7M2QX "$1"' x "$T/printed"
rm -f "$T/printed"
keys f
on_screen "asked again" "Ajouter le code de l'usager sur la fiche ? (o/n)"
keys o
on_screen "o: sent" "Fiche d'orientation envoyée à « copieur »"
check "o: the slip with the code, as carnet slip --code" cmp -s "$T/printed" "$T/expected-code.txt"
check "o: the code is on it" grep -q K7M2QX "$T/printed"
intact "after the code"
stop

# ---- a printer that fails
desk "printer = panne"
start
on_screen "the list is shown (failing printer)" ">09:00"
keys f
on_screen "failing printer: its exit status said" "« panne » a échoué (code de retour 3)"
intact "after the failure"
stop

# ---- a printer that hangs: killed after 10 s, the screen answers again
desk "printer = bloque"
start
on_screen "the list is shown (hanging printer)" ">09:00"
T0=$(date +%s)
keys f
WAIT_STEPS=300 wait_for "ne s'est pas terminée en 10 s"
T1=$(date +%s)
on_screen "hanging printer: the timeout said" "« bloque » ne s'est pas terminée en 10 s"
check "hanging printer: within 12 s" [ $((T1 - T0)) -le 12 ]
check "hanging printer: killed" sh -c '! pgrep -f "$1" >/dev/null' x "$T/bin/[b]loque"
keys j
on_screen "the screen responds afterwards" ">10:00"
intact "after the timeout"
keys q
wait_exit
is "quits with 0" "$EXIT" 0
check "the terminal is given back" [ "$(alternate_screen)" = 0 ]
stop
