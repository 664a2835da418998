# SPDX-License-Identifier: GPL-3.0-or-later
# The anonymous attendees of a workshop by genre, age range and situation
# (as the national Coop records them): three tally fields after Anonymes,
# a digit counting one more of a value, Space one more of the highlighted
# one, Backspace one less; never more than the anonymous count, said at the
# key and at the save with the field focused.
. "$TESTS_DIR/screen/lib.sh"

start
on_screen "the list opens on today" "mercredi 18 novembre 2026"
# 6 anonymous: 3 women, 2 men; two of 25-39 and one of 60-69; one employed.
keys a i h 1 6 Tab
on_screen "the genre tally follows Anonymes" ">  par genre"
on_screen "its panel" "Anonymes par genre"
on_screen "its keys are said" "Chiffre : +1 · Retour arrière : −1"
on_screen "the values are numbered" "1  Femme"
on_screen "nothing counted yet" "0 compté sur 6 anonymes"
keys 1 1 1 2 2
on_screen "five counted" "5 comptés sur 6 anonymes"
on_screen "the field shows the counts" "Femme 3, Homme 2"
keys 2
on_screen "six counted" "6 comptés sur 6 anonymes"
keys 1
on_screen "more than the anonymous count is refused at the key" \
	"Anonymes par genre : les 6 anonymes sont déjà comptés"
on_screen "the counts did not change" "Femme 3, Homme 3"
keys BSpace
on_screen "Backspace takes one off the value last keyed" "Femme 2, Homme 3"
keys Space
on_screen "Space counts one more of the highlighted value" "Femme 3, Homme 3"
keys Down BSpace
on_screen "Down then Backspace: one man less" "Femme 3, Homme 2 "
on_screen "five again" "5 comptés sur 6 anonymes"
keys Tab
on_screen "the age tally" ">  par âge"
on_screen "its panel" "Anonymes par tranche d'âge"
keys 4 4 6 Tab
on_screen "the situation tally" ">  par situation"
keys 2
on_screen "one employed" "En emploi 1"
keys Enter
on_screen "saved" "Atelier enregistré : 10:30, Naviguer sur internet, 1 h 30, 6 présents"
is "the breakdown in the base" \
	"$(sql 'SELECT anonymous, anon_gender, anon_age, anon_situation FROM workshop')" \
	"6|femme=3|homme=2|25_39=2|60_69=1|emploi=1"

# The typical workshop still needs no breakdown.
keys a s h 1 4 Enter
on_screen "a workshop without breakdown" "Atelier enregistré : 10:30, Sécurité, arnaques"
is "no breakdown stored" \
	"$(sql "SELECT coalesce(anon_gender, '') || coalesce(anon_age, '') || coalesce(anon_situation, '')
	        FROM workshop WHERE themes = 'securite'")" ""

# Nothing to break down before Anonymes.
keys a m g 2 Tab 1
on_screen "a breakdown without anonymous attendees is refused" \
	"Anonymes par genre : aucun anonyme compté, remplissez d'abord Anonymes"
keys Escape o
on_screen "abandoned" "Saisie abandonnée"

# Edit: the counts come back; the total lowered below them is refused at
# the save, the field focused, nothing written.
keys /
type_text "internet"
keys Enter e
on_screen "the workshop opens" "Modifier l'atelier"
on_screen "with its genre counts" "Femme 3, Homme 2"
on_screen "its age counts" "25-39 ans 2, 60-69…"
keys Tab Tab Tab
on_screen "on Anonymes" ">Anonymes"
keys BSpace 4 Enter
on_screen "a breakdown larger than the total is said" \
	"anonymes par genre : 5 en tout, plus que les 4 anonymes de l'atelier"
on_screen "the genre field is focused" ">  par genre"
is "nothing written" "$(sql 'SELECT anonymous, anon_gender FROM workshop WHERE themes = '"'internet'")" \
	"6|femme=3|homme=2"
keys BSpace
on_screen "Backspace on the focused field takes one off" "Femme 2, Homme 2"
keys Enter
on_screen "saved" "Atelier modifié : 10:30, Naviguer sur internet, 1 h 30, 4 présents"
is "the new counts in the base" \
	"$(sql "SELECT anonymous, anon_gender, anon_age FROM workshop WHERE themes = 'internet'")" \
	"4|femme=2|homme=2|25_39=2|60_69=1"
keys q
check "q quits" wait_exit
