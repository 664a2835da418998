# SPDX-License-Identifier: GPL-3.0-or-later
# The typical visit — sans rendez-vous, one demand, one organism, a posture,
# a quick-pick duration, outcome "aboutie", no referral — in at most 8 keys.
. "$TESTS_DIR/screen/lib.sh"

start
on_screen "the list of the day opens" "mercredi 18 novembre 2026"
on_screen "an empty day says so" "Aucun passage enregistré ce jour"

# n: new visit · s: suivi · c: CAF · 3: faire avec · d: 20 min · a: aboutie · Enter
set -- n s c 3 d a Enter
check "the typical visit takes at most 8 keystrokes" [ $# -le 8 ]
keys "$@"
on_screen "the status line says the visit is saved" "Passage enregistré"
is "one visit in the database" "$(sql 'SELECT count(*) FROM visit')" 1
is "its fields" "$(sql "SELECT date, time, duration, canal, posture, outcome, site, urgent, present FROM visit")" \
	"2026-11-18|10:30|20|libre|avec|aboutie|defaut|0|1"
is "its demand" "$(sql 'SELECT group_concat(demands) FROM visit')" suivi
is "its organism" "$(sql 'SELECT group_concat(organisms) FROM visit')" caf
is "no referral" "$(sql "SELECT coalesce(referred_by, '') || coalesce(referred_to, '') FROM visit")" ""
on_screen "the list shows the visit" "Faire avec"
on_screen "the day's totals count it" "1 passage · 20 min · faire pour : 0 %"
is "no draft is left behind" "$(ndrafts)" 0

# A second typical visit: the canal defaults to the last one used.
keys n
on_screen "the form opens again" "Nouveau passage"
# From Demandes, five fields down is Canal.
keys Tab Tab Tab Tab Tab r
on_screen "the canal can be answered with one key" "Canal *            Sur rendez-vous"
keys BTab BTab BTab BTab BTab BTab
on_screen "Maj-Tab goes back to the demands" ">Demandes"
keys i Tab 1 b Enter
on_screen "the second visit is saved" "2 passages"
is "the second visit has canal rdv" "$(sql "SELECT canal FROM visit WHERE posture = 'pour'")" rdv
keys n
on_screen "a third form opens" "Nouveau passage"
# The desk's canal ([desk] canal, a walk-in), never the last visit's.
on_screen "the new form starts from the desk's canal, not the last visit's" "Canal *            Accueil sans rende"
keys Escape
on_screen "an untouched form closes without a question" "Saisie abandonnée"

keys q
check "q quits" wait_exit
is "exit status 0" "$EXIT" 0
is "the terminal is given back (no alternate screen)" "$(alternate_screen)" 0
