# SPDX-License-Identifier: GPL-3.0-or-later
# A morning at the desk, typed key by key from the manual: eleven varied
# visits (walk-ins, a phone call, an appointment with two demands and two
# organisms, a returning person, a new person, the timer, an absent person,
# an urgent referral, a past day, a correction, a delete and its undo).
# Every stored field is checked against what was meant, and the number of
# keys it took is printed (quoted in the README).
. "$TESTS_DIR/screen/lib.sh"

NKEYS=0
# press K…: keys, counted one each (Alt+letter is one key).
press() {
	keys "$@"
	NKEYS=$((NKEYS + $#))
}
# typed TEXT: typed characters, counted one each.
typed() {
	type_text "$1"
	NKEYS=$((NKEYS + $(printf '%s' "$1" | wc -m)))
}
# letter_of LABEL: the underlined letter of a field (its jump key), once
# the field is on the screen (a loaded machine draws late).
letter_of() { retry_read letter_now "$1"; }
letter_now() {
	tmx capture-pane -e -p -t s >"$T/attr"
	python3 - "$T/attr" "$1" <<'PY'
import re, sys
for raw in open(sys.argv[1], encoding="utf-8", errors="replace"):
    plain = re.sub(r"\x1b\[[0-9;]*m", "", raw)
    if plain[1:].startswith(sys.argv[2]):
        m = re.search(r"\x1b\[(?:[0-9;]*;)?4(?:;[0-9;]*)?m(.)", raw)
        print(m.group(1).lower() if m else "")
        break
PY
}
# key_for LABEL: the one-key answer the panel shows for a value, once the
# panel shows it.
key_for() { retry_read key_now "$1"; }
key_now() {
	screen >"$T/screen"
	python3 - "$T/screen" "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
# The panel cuts long labels: their first 20 characters name them.
m = re.search(r"(?:[\])] |│ )(\S)  " + re.escape(sys.argv[2][:20]), text)
print(m.group(1) if m else "")
PY
}
# retry_read FUNCTION ARG: FUNCTION's output, read again until it is not
# empty (at most as long as a wait_for).
retry_read() {
	r_i=0
	while [ "$r_i" -lt "$WAIT_STEPS" ]; do
		r_out=$("$1" "$2")
		[ -n "$r_out" ] && break
		sleep 0.05
		r_i=$((r_i + 1))
	done
	printf '%s\n' "$r_out"
}
# jump LABEL: Alt + the field's letter.
jump() {
	l=$(letter_of "$1")
	[ -n "$l" ] || nok "a jump letter for $1"
	press "M-$l"
	wait_for ">$1" || nok "jump to $1"
}
# pick LABEL: the value's key in the focused field.
pick() {
	k=$(key_for "$1")
	[ -n "$k" ] || nok "a key for « $1 »" "$(tail -n 20 "$T/screen")"
	press "$k"
}
visit() { sql "SELECT $2 FROM visit WHERE note = '$1' AND deleted_at IS NULL"; }

SCREEN_ENV="CARNET_NOW=2026-11-18T09:00"
"$CARNET" person new --code RET123 --age 60_69 >/dev/null
CARNET_NOW=2026-11-10T10:00 "$CARNET" add --date 2026-11-10 --duration 30 --demand compte \
	--posture pour --person RET123 >/dev/null
start
on_screen "the morning starts on an empty day" "Aucun passage enregistré ce jour"

# 1. The typical walk-in: 7 keys, with a note to find it (the note is
#    counted too).
press n s c 3 d a
jump Note
typed "n01"
press Enter
on_screen "1: saved" "Passage enregistré"
# 2. A phone call: the canal is changed on the form.
press n
pick "S'informer sur un droit, une démarche"
pick "France Travail (ex-Pôle emploi)"
press 1 b
jump Canal
pick "Téléphone"
jump Note
typed "n02"
press Enter
on_screen "2: saved" "Passage enregistré"
# 3. An appointment: two demands and two organisms (a letter, Shift-Tab back,
#    the second letter), to be followed up.
press n
pick "Faire une demande, constituer un dossier"
press BTab
pick "Pièces justificatives : scanner, photographier, joindre, imprimer"
pick "CAF"
press BTab
pick "Assurance maladie (CPAM, ameli)"
press 2 e
pick "À poursuivre (nouveau passage prévu)"
jump Canal
pick "Sur rendez-vous"
jump Note
typed "n03"
press Enter
on_screen "3: saved" "Passage enregistré"
# 4. A returning person: picked among the recent codes (Space).
press n s c 4 c a
jump Usager
on_screen "4: the recent codes show the returning person" "RET123  10/11/26  Créer un compte"
press Space
on_screen "4: attached" "Usager connu : 1 passage"
jump Note
typed "n04"
press Enter
on_screen "4: saved" "Passage enregistré"
# 5. A new person: + makes a code, written with the visit.
press n
pick "Créer un compte, identifiants, mot de passe, FranceConnect"
pick "Impôts (DGFiP)"
press 2 d
jump Usager
press +
on_screen "5: a new person" "Nouvel usager"
jump Note
typed "n05"
press Enter
on_screen "5: saved" "Passage enregistré"
# 6. The timer: c when the person sits, then the form; the duration comes
#    from the timer.
press c
on_screen "6: the timer runs" "chrono"
press n
pick "Utiliser son matériel (smartphone, ordinateur)"
press Tab 4 Tab a
jump Note
typed "n06"
press Enter
on_screen "6: saved" "Passage enregistré"
# 7. A request handled in the person's absence.
press n s c 1 b a
jump "Personne absente"
press o
jump Note
typed "n07"
press Enter
on_screen "7: saved" "Passage enregistré"
# 8. Urgent, and referred to a social worker.
press n
pick "Comprendre un courrier, un formulaire"
pick "Département (RSA, APA, MDPH)"
press 1 e
pick "Orientée vers un autre acteur"
jump Urgent
press o
jump "Orienté vers"
pick "Structure d'aide sociale, travailleur social"
jump Note
typed "n08"
press Enter
on_screen "8: saved" "Passage enregistré"
# 9. Yesterday's visit, logged this morning: h, then n on that day.
press h
on_screen "9: yesterday" "mardi 17 novembre 2026"
press n
on_screen "9: the form is on yesterday" "Nouveau passage · mardi 17 novembre 2026"
press s c 3 d a
jump Note
typed "n09"
press Enter
on_screen "9: saved" "Passage enregistré"
press .
# 10. Two more walk-ins, one with a second organism.
press n i c 3 c a
jump Note
typed "n10"
press Enter
on_screen "10: saved" "Passage enregistré"
press n s c
press BTab
pick "France Travail (ex-Pôle emploi)"
press 3 d a
jump Note
typed "n11"
press Enter
on_screen "11: saved" "Passage enregistré"
# A correction: the first visit lasted 30 minutes; found by its note.
press /
typed "n01"
press Enter
on_screen "the search finds it" "Recherche : n01 (1)"
press Enter
on_screen "it opens" "Modifier le passage"
jump Durée
press e Enter
on_screen "corrected" "Passage modifié"
press Escape
on_screen "Escape clears the search: the whole day again" "10 passages ·"
# A delete, then its undo.
press j d
on_screen "a delete asks" "Supprimer le passage"
press o
on_screen "deleted" "supprimé — u pour l'annuler"
press u
on_screen "undone" "rétabli"
press q
check "the morning ends" wait_exit
echo "# morning: 11 visits, a correction, a delete and its undo: $NKEYS keys in all"
SCREEN_ENV=

# Every stored field, as meant.
is "v1" "$(visit n01 "date, time, duration, canal, demands, organisms, posture, outcome, present, urgent")" \
	"2026-11-18|09:00|30|libre|suivi|caf|avec|aboutie|1|0"
is "v2 (phone)" "$(visit n02 "duration, canal, demands, organisms, posture, outcome")" \
	"10|tel|info|ft|pour|"
is "v3 (appointment, two and two)" "$(visit n03 "duration, canal, demands, organisms, posture, outcome")" \
	"30|rdv|demande|pieces|caf|cpam|devant|poursuivre"
is "v4 (returning person)" "$(sql "SELECT p.code, v.posture, v.duration FROM visit v JOIN person p ON p.id = v.person_id WHERE v.note = 'n04'")" \
	"RET123|faire|15"
is "v5 (new person, written with the visit)" "$(sql "SELECT count(*) FROM visit v JOIN person p ON p.id = v.person_id WHERE v.note = 'n05' AND p.code <> 'RET123'")" 1
is "v6 (timer: at least a minute, from the timer)" "$(visit n06 "demands, posture, outcome, duration >= 1")" "materiel|faire|aboutie|1"
is "v7 (absent)" "$(visit n07 "present, posture, duration, outcome")" "0|pour|10|aboutie"
is "v8 (urgent, referred)" "$(visit n08 "urgent, referred_to, outcome, demands, organisms")" "1|social|orientee|courrier|departement"
is "v9 (yesterday)" "$(visit n09 "date, demands, duration")" "2026-11-17|suivi|20"
is "v10" "$(visit n10 "demands, duration, outcome")" "info|15|aboutie"
is "v11 (two organisms)" "$(visit n11 "organisms, duration")" "caf|ft|20"
is "eleven visits, all standing after the undo" "$(sql "SELECT count(*) FROM visit WHERE deleted_at IS NULL AND note LIKE 'n%'")" 11
is "no draft left" "$(ndrafts)" 0
# A guard against a screen that grows longer to use: 158 keys measured
# when this test was written, with the notes that name the visits.
check "the whole morning took at most 160 keys ($NKEYS)" [ "$NKEYS" -le 160 ]
