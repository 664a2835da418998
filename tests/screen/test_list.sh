# SPDX-License-Identifier: GPL-3.0-or-later
# The list of the day: visits on their day, moving between days, the
# selection, the search, the totals line and the timer.
. "$TESTS_DIR/screen/lib.sh"

# Today (2026-11-18): 20 + 45 + 30 = 95 min = 1 h 35; 2 of 3 "faire pour"
# = 66.7 %, shown rounded: 67 %.
run add --duration 20 --demand pieces --organism prefecture --posture pour --time 09:15 \
	--note "titre de séjour renouvelé"
run add --duration 45 --demand compte --organism cpam --posture avec --time 10:00
run add --duration 30 --demand suivi --organism caf --posture pour --time 11:20 --outcome aboutie
# Yesterday: one visit of 60 min, "laisser faire".
run add --date 2026-11-17 --duration 60 --demand mail --posture faire --time 14:00 --note "boîte mail"
check "four visits prepared" [ "$(nvisits)" -eq 4 ]

start
on_screen "the title shows today" "mercredi 18 novembre 2026"
on_screen "today's first visit" "09:15  20 min Pièces justi"
on_screen "today's second visit" "10:00  45 min Créer un com"
on_screen "today's third visit" "11:20  30 min Suivre un do"
not_on_screen "yesterday's visit is not listed today" "14:00  60 min"
on_screen "the totals line: count, time, share faire pour (rounded)" "3 passages · 1 h 35 · faire pour : 67 %"

# The selection.
on_screen "the first visit is selected" ">09:15"
keys j
on_screen "j selects the next" ">10:00"
not_on_screen "only one marker" ">09:15"
keys j
on_screen "j again" ">11:20"
keys j
keys k
on_screen "j stops at the last; k goes up" ">10:00"
keys Down
on_screen "Down" ">11:20"
keys Up Up Up
on_screen "Up stops at the first" ">09:15"
keys G
on_screen "G goes to the last" ">11:20"
keys g
on_screen "g goes to the first" ">09:15"

# Days.
keys h
on_screen "h: the previous day in the title" "mardi 17 novembre 2026"
on_screen "h: yesterday's visit (durations as the form writes them)" "14:00  1 h 00 Adresse e-ma"
not_on_screen "h: today's visits are gone" "09:15"
on_screen "h: yesterday's totals" "1 passage · 1 h 00 · faire pour : 0 %"
keys h
on_screen "h again: Monday" "lundi 16 novembre 2026"
on_screen "an empty day says so" "Aucun passage enregistré ce jour"
on_screen "an empty day's totals" "Aucun passage ce jour."
keys l
on_screen "l: the next day" "mardi 17 novembre 2026"
keys Right
on_screen "Right: the next day" "mercredi 18 novembre 2026"
keys Right
on_screen "Right: tomorrow" "jeudi 19 novembre 2026"
keys Left Left
on_screen "Left twice" "mardi 17 novembre 2026"
keys .
on_screen ". comes back to today" "mercredi 18 novembre 2026"
on_screen "with today's visits" "09:15  20 min"
# Across a month: 18 days back is Saturday 31 October.
keys h h h h h h h h h h h h h h h h h h
on_screen "h crosses into October" "samedi 31 octobre 2026"
keys .
on_screen "back to today again" "mercredi 18 novembre 2026"

# The search.
keys /
on_screen "/ starts a search" "Recherche : _"
type_text "renouvele"
on_screen "a note word without its accent" "Recherche : renouvele_ (1)"
on_screen "finds the visit" "09:15  20 min"
not_on_screen "and only it" "10:00  45 min"
keys Escape
not_on_screen "Esc clears the search" "Recherche :"
on_screen "all visits back" "10:00  45 min"
on_screen "all three" "11:20  30 min"
keys /
type_text "prefecture"
on_screen "an organism label without its accent" "Recherche : prefecture_ (1)"
on_screen "finds the visit with Préfecture" "09:15  20 min"
not_on_screen "not the others" "11:20  30 min"
keys Escape
on_screen "cleared again" "11:20  30 min"
keys /
type_text "FAIRE POUR"
on_screen "a posture, in capitals" "Recherche : FAIRE POUR_ (2)"
keys Enter
on_screen "Enter keeps the search" "Recherche : FAIRE POUR (2)"
not_on_screen "the kept search hides the other posture" "10:00  45 min"
on_screen "the totals count what the search keeps, of the day" "2 passages sur 3 · 50 min · faire pour : 100 %"
keys j
on_screen "j moves within the matches" ">11:20"
keys /
keys Escape
on_screen "a new / then Esc clears it" "10:00  45 min"
keys /
type_text "zzz"
on_screen "no match" "Aucun passage ne correspond à la recherche."
keys Escape
on_screen "Esc after no match" "09:15  20 min"

# The timer: c starts it; a visit saved without a duration takes it.
keys c
on_screen "c starts the timer in the title" "chrono 1 min"
on_screen "the status line says so" "Chronomètre démarré"
# Correcting an earlier visit meanwhile (its duration is already known)
# does not use the timer, and must not stop it.
keys g Enter
on_screen "an earlier visit opens for a correction" "Modifier le passage"
keys Tab Tab Tab Tab p
on_screen "its outcome is changed" "Issue              À poursuivre"
keys Enter
on_screen "the correction is saved" "Passage modifié : 09:15"
is "the correction keeps its own duration" \
	"$(sql "SELECT duration, outcome FROM visit WHERE time = '09:15'")" "20|poursuivre"
if wait_for "chrono 1 min"; then
	ok "the timer still runs after correcting an earlier visit"
else
	nok "the timer still runs after correcting an earlier visit" "title: $(head -n 1 "$T/screen")"
	keys c # restart it for the rest of the test
	wait_for "chrono 1 min" || true
fi
keys n
on_screen "the form opens" "Nouveau passage"
on_screen "the duration shows the timer" "Durée *            chrono (1 min)"
keys s Tab 3
on_screen "demand and posture answered" ">Durée"
keys Enter
on_screen "the visit is saved with the timer's duration" "Passage enregistré : 10:30, Suivre un dossier"
is "its duration is the timer's" "$(sql "SELECT duration FROM visit WHERE time = '10:30'")" 1
not_on_screen "the timer stops (title)" "chrono 1 min"
on_screen "the totals count it" "4 passages · 1 h 36 · faire pour : 50 %"
keys n
on_screen "a new form" "Nouveau passage"
on_screen "no timer any more in the duration" "Durée *            —"
keys Escape
on_screen "closed" "Saisie abandonnée"

# c twice: stopped, and a form then asks for a duration.
keys c
on_screen "the timer again" "chrono 1 min"
keys c
on_screen "c stops it" "Chronomètre arrêté à 1 min"
not_on_screen "no timer in the title" "chrono 1 min"
keys q
check "q quits" wait_exit
is "exit status 0" "$EXIT" 0
