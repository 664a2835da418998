# SPDX-License-Identifier: GPL-3.0-or-later
# The desk screen through a real morning (issue: no quiet mistakes, nothing
# lost by a reflex key, fewer keys, the screen tells the truth). Each point
# through the real screen in tmux.
. "$TESTS_DIR/screen/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/carnet"
# ---- the canal: the desk's, not the last visit's; shown in the list
run add --duration 10 --demand info --posture pour --canal tel --time 08:00 --absent \
	--referred-to social --urgent
start
on_screen "the list shows the phone call's canal" "tél"
on_screen "and its signs: urgent, absent, referred" "!a→"
keys n
on_screen "a new form after a phone call" "Nouveau passage"
on_screen "starts from the desk's canal (a walk-in), not the last visit's" "Canal *            Accueil sans rende"
keys Escape q
wait_exit || true
printf '[desk]\ncanal = rdv\n' >"$XDG_CONFIG_HOME/carnet/carnet.ini"
start
keys n
on_screen "[desk] canal sets the canal of a new form" "Canal *            Sur rendez-vous"
keys Escape q
wait_exit || true
rm -f "$XDG_CONFIG_HOME/carnet/carnet.ini"

# ---- n on a past day: the form is on that day, after its last visit
run add --date 2026-11-17 --time 14:00 --duration 30 --demand info --posture pour
start
keys h
on_screen "h shows yesterday" "mardi 17 novembre 2026"
keys n
on_screen "n on a past day opens the form on that day" "Nouveau passage · mardi 17 novembre 2026"
on_screen "at the end of that day's last visit, not now" "Heure *            14:30"
keys Escape
keys h
on_screen "an empty past day" "Aucun passage enregistré ce jour : n pour en saisir un."
keys n
on_screen "n on an empty past day: that day" "Nouveau passage · lundi 16 novembre 2026"
on_screen "at 9:00" "Heure *            09:00"
# The date field takes what people type (the first character replaces it).
screen >"$T/screen"
for typed in "30/10:vendredi 30 octobre 2026" "hier:mardi 17 novembre 2026" \
	"avant-hier:lundi 16 novembre 2026" "1/11/2026:dimanche 1er novembre 2026" \
	"2026-11-05:jeudi 5 novembre 2026"; do
	i=0
	while ! grep -q '^>Date' "$T/screen" && [ $i -lt 20 ]; do
		keys Tab
		screen >"$T/screen"
		i=$((i + 1))
	done
	type_text "${typed%%:*}"
	keys Tab
	on_screen "the date field takes « ${typed%%:*} »" "Nouveau passage · ${typed#*:}"
	keys BTab
	screen >"$T/screen"
done
keys Escape o q
wait_exit || true

# ---- a second demand or organism is never hidden
run add --duration 20 --demand pieces,suivi --organism prefecture,caf,cpam --posture avec --time 09:30
start
on_screen "the list keeps the +1 of a second demand" "Pièces ju… +1"
on_screen "and the +2 of more organisms" "Préfec… +2"
keys j Enter
on_screen "the form shows the first demand" "Demandes *         Pièces justificati"
on_screen "and the second, on the next line" "                   Suivre un dossier"
on_screen "every organism too" "                   Assurance maladie"
keys Escape q
wait_exit || true

# ---- the timer sets the start time: a draft whose timer started 185 s ago
now=$(date +%s)
sqlite3 "$DB.brouillons" "CREATE TABLE IF NOT EXISTS draft (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS aside (n INTEGER PRIMARY KEY AUTOINCREMENT, data TEXT NOT NULL, saved_at TEXT NOT NULL);
DELETE FROM draft; INSERT INTO draft VALUES (1, 'date=2026-11-18' || char(10) || 'time=08:59' || char(10) || 'site=defaut' || char(10) || 'canal=libre' || char(10) || 'demands=compte' || char(10) || 'posture=avec' || char(10) || 'timer_start=$((now - 185))' || char(10), '2026-11-18T07:59:00.000Z')"
SCREEN_ENV="CARNET_NOW=2026-11-18T08:59"
start
on_screen "the measured visit comes back" "le reprendre ?"
keys Enter
on_screen "the form shows the running timer" "chrono ("
keys Enter
on_screen "saved" "Passage enregistré"
is "a visit measured by the timer starts when the timer started" \
	"$(sql "SELECT time, duration FROM visit WHERE demands = 'compte'")" "08:56|4"
keys q
wait_exit || true
SCREEN_ENV=

# ---- a status line belongs to its moment
start
keys n s c 3 d a Enter
on_screen "a visit saved" "Passage enregistré"
keys n
on_screen "a new form" "Nouveau passage"
not_on_screen "starts with a clean status line" "Passage enregistré"
keys s Escape
on_screen "Escape asks" "Abandonner ce passage ? (o/n)"
keys n
not_on_screen "a cancelled question brings no old line back" "Passage enregistré"
keys Escape o
# Escape while editing asks about the modifications, not the visit.
keys Enter
on_screen "an edit" "Modifier le passage"
keys Tab Tab 1
keys Escape
on_screen "Escape on an edit asks about the modifications" "Abandonner les modifications ? (o/n)"
keys o
keys q
wait_exit || true

# ---- every field in at most two keys: Alt + its underlined letter, or
# C-g then the letter
start
keys n
on_screen "the form" "Nouveau passage"
tmx capture-pane -e -p -t s >"$T/attr"
letter_of() {
	# The letter underlined (SGR 4) in the line that shows the label $1.
	python3 - "$T/attr" "$1" <<'PY'
import re, sys
for raw in open(sys.argv[1], encoding="utf-8", errors="replace"):
    plain = re.sub(r"\x1b\[[0-9;]*m", "", raw)
    if sys.argv[2] in plain:
        m = re.search(r"\x1b\[(?:[0-9;]*;)?4(?:;[0-9;]*)?m(.)", raw)
        print(m.group(1).lower() if m else "")
        break
PY
}
note=$(letter_of "Note")
heure=$(letter_of "Heure")
check "each field shows an underlined letter (note: $note, heure: $heure)" [ -n "$note" ] && [ -n "$heure" ]
keys "M-$note"
on_screen "Alt + the note's letter: the note, in one key" ">Note"
keys C-g
on_screen "C-g asks for a field letter" "Aller au champ"
keys "$heure"
on_screen "C-g then the time's letter: the time" ">Heure"
keys Escape q
wait_exit || true

# ---- the desk's usual durations become quick picks
for i in 1 2 3 4 5 6; do run add --duration 25 --demand info --posture pour --date 2026-11-1$i; done
start
keys n s c 3
on_screen "the duration panel offers the desk's usual duration" "j  25 min  · habitude du poste"
on_screen "the fixed picks keep their keys" "a  5 min"
keys j
on_screen "j picks it" "Durée *            25 min"
keys Escape o q
wait_exit || true

# ---- search: Escape clears it; the totals say what they count
start
keys /
type_text "compte"
keys Enter
on_screen "a kept search" "Recherche : compte (1)"
on_screen "the totals count what is shown, of the day" "1 passage sur"
keys Escape
not_on_screen "Escape clears a kept search" "Recherche : compte"
keys q
wait_exit || true

# ---- lists that scroll say what they hide
i=0
while [ $i -lt 22 ]; do
	run add --duration 5 --demand info --posture pour --time "$(printf '1%d:%02d' $((i / 10 + 1)) $((i % 10 * 5)))"
	i=$((i + 1))
done
start
on_screen "the day's list says how many are below" "de plus"
keys G
on_screen "at the end it says how many are above" "↑"
keys n s
on_screen "the organisms list says how many are below" "↓"
keys Escape o q
wait_exit || true

# ---- the list follows the database while idle
start
on_screen "the list" "de plus"
run add --duration 7 --demand rdv --posture faire --time 07:07
on_screen "a visit added from the shell shows within a second or two" "07:07"
keys g Enter
on_screen "it opens" "Modifier le passage"
run delete "$(sql "SELECT id FROM visit WHERE time = '07:07'")"
on_screen "deleted elsewhere while open: said at once" "supprimé ailleurs"
keys Escape o q
wait_exit || true

# ---- wider terminals are used
W=120 H=40 start
on_screen "at 120 columns the labels are longer" "Suivre un dossier"
keys n
on_screen "the form's left column widens" "Canal *            Accueil sans rendez-vous"
keys Escape q
wait_exit || true

# ---- help: wrapped, and at the form's keys from a form
start
keys n F1
on_screen "F1 from the form opens at the form's keys" "Formulaire"
not_on_screen "the list's keys are above" "Quitter carnet"
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
on_screen "how letters add a second value is said" "la décoche"
keys Escape Escape q
wait_exit || true
start
keys '?'
on_screen "the help" "Liste du jour"
grep "…" "$T/screen" | sed 's/^/# cut: /'
check "no description is cut with …" sh -c '! grep -q "…" "$1"' x "$T/screen"
keys Escape q
wait_exit || true

# ---- small things: the profile's labels, the note's wrapping
run person new --code PROF12
start
keys n
wait_for "Nouveau passage" || nok "the form opens" "$(cat "$T/screen")"
l=$(tmx capture-pane -e -p -t s | python3 -c '
import re, sys
for raw in sys.stdin:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", raw)
    if plain[1:].startswith("Usager"):
        m = re.search(r"\x1b\[(?:[0-9;]*;)?4(?:;[0-9;]*)?m(.)", raw)
        print(m.group(1).lower() if m else "")
        break')
keys "M-$l"
type_text "PROF12"
keys F6
on_screen "the profile" "Profil de l'usager PROF12"
on_screen "a label and its value stay apart" "Commune, quartier  —"
not_on_screen "the profile has nothing required" "* obligatoire"
on_screen "and says so" "Tout est facultatif"
keys Escape
wait_gone "Tout est facultatif" || nok "Escape leaves the profile" "$(cat "$T/screen")"
l=$(tmx capture-pane -e -p -t s | python3 -c '
import re, sys
for raw in sys.stdin:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", raw)
    if plain[1:].startswith("Note"):
        m = re.search(r"\x1b\[(?:[0-9;]*;)?4(?:;[0-9;]*)?m(.)", raw)
        print(m.group(1).lower() if m else "")
        break')
keys "M-$l"
type_text "Dossier suivi avec le centre communal et une association d'œuvre sociale du quartier"
on_screen "the note wraps between words" "œuvre"
screen >"$T/screen"
check "no word of the note is cut across lines" sh -c '! grep -q "…" "$1" || ! grep "│" "$1" | sed "s/.*│//" | grep -q "…"' x "$T/screen"
keys Escape o q
wait_exit || true
