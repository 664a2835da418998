# SPDX-License-Identifier: GPL-3.0-or-later
# The workshop form (a on the day's list): the typical workshop — 1 h 30 on
# one theme, beginner level, six anonymous attendees — in at most 12 keys;
# participants by code, present or absent; a missing field said and
# focused; edit, delete and undo from the list.
. "$TESTS_DIR/screen/lib.sh"

for code in K7M2QX K7AAAA; do
	run person new --code "$code"
done
# Their visits make them recent codes (the most recent first).
run add --date 2026-11-16 --duration 20 --demand suivi --posture pour --person K7AAAA
run add --date 2026-11-17 --duration 20 --demand info --posture avec --person K7M2QX

start
on_screen "the list opens on today" "mercredi 18 novembre 2026"
on_screen "the footer shows the workshop key" "a atelier"

# a: new workshop · i: Naviguer sur internet · h: 1 h 30 · 1: débutant ·
# 6: six anonymous attendees · Enter.
set -- a i h 1 6 Enter
check "the typical workshop takes at most 12 keystrokes" [ $# -le 12 ]
keys a
on_screen "a opens the workshop form" "Nouvel atelier · mercredi 18 novembre 2026"
on_screen "the themes come first" ">Thèmes *"
shift
keys "$@"
on_screen "the status line says the workshop is saved" \
	"Atelier enregistré : 10:30, Naviguer sur internet, 1 h 30, 6 présents"
is "one workshop in the database" "$(sql 'SELECT count(*) FROM workshop')" 1
is "its fields" "$(sql "SELECT date, time, duration, site, themes, level, anonymous,
	coalesce(registered, 'inconnu'), coalesce(place, ''), coalesce(title, '') FROM workshop")" \
	"2026-11-18|10:30|90|defaut|internet|debutant|6|inconnu||"
is "no participant with a code" "$(sql 'SELECT count(*) FROM workshop_participant')" 0
is "no draft is left behind" "$(ndrafts)" 0
on_screen "the list shows it with its kind" "Atelier · Naviguer sur internet"
on_screen "and who came" "6 présents"

# Participants: Space on the first recent code adds it; a typed code and
# Space adds another; Space on it makes it absent; then 5 registered.
keys a m g 2 Tab Tab Tab Tab
on_screen "the participants field" ">Participants"
on_screen "the recent codes are offered" "Codes récents"
keys Space
on_screen "Space adds the most recent code, present" "$(printf '%-16s %s' K7M2QX présent)"
type_text "k7aaaa"
on_screen "a typed code" "Code : K7AAAA_"
keys Space
on_screen "Space adds the typed code" "Participant K7AAAA ajouté"
keys Space
on_screen "Space again makes it absent" "$(printf '%-16s %s' K7AAAA absent)"
keys F6
on_screen "F6 opens the highlighted participant's profile" "Profil de l'usager K7AAAA"
keys Escape
on_screen "Escape comes back to the participants" ">Participants"
type_text "ZZZZ99"
keys Space
on_screen "an unknown code is refused" "Usager inconnu « ZZZZ99 »"
keys BSpace BSpace BSpace BSpace BSpace BSpace
on_screen "the typed code is erased" "Code : _"
keys Tab
on_screen "the registrations field" ">Inscrits"
keys 5 Enter
on_screen "the second workshop is saved, one present" "Atelier enregistré : 10:30, E-mail, messagerie, 1 h 00, 1 présent"
is "its duration, level, registrations" \
	"$(sql "SELECT duration, level, registered, anonymous FROM workshop WHERE themes = 'mail'")" "60|intermediaire|5|0"
is "its participants with their presence" \
	"$(sql "SELECT p.code || ':' || wp.present FROM workshop_participant wp JOIN person p ON p.id = wp.person_id
	        JOIN workshop w ON w.id = wp.workshop_id WHERE w.themes = 'mail' ORDER BY wp.rank")" "K7M2QX:1
K7AAAA:0"
on_screen "the list shows present and registered" "1 présent sur 5"

# A required field missing, then nobody present: said, and the field focused.
keys a Enter
on_screen "a missing theme is said" "Champ obligatoire : Thèmes"
keys s Enter
on_screen "a missing duration is said" "Champ obligatoire : Durée"
on_screen "the duration is focused" ">Durée *"
keys f Enter
on_screen "nobody present is said" "Personne de présent"
on_screen "the anonymous count is focused" ">Anonymes"
is "nothing saved meanwhile" "$(sql 'SELECT count(*) FROM workshop')" 2
keys Escape
on_screen "Escape asks" "Abandonner cet atelier ? (o/n)"
keys o
on_screen "the workshop is abandoned, kept" "Saisie abandonnée (r la reprend)"
keys r
on_screen "r lists it" "Atelier du 2026-11-18 à 10:30 · Sécurité, arnaques"
keys Enter
on_screen "the form comes back" "Nouvel atelier"
on_screen "with its theme" "Sécurité, arnaques"
on_screen "on the field it was on" ">Anonymes"
keys 3 Enter
on_screen "taken back and saved" "Atelier enregistré : 10:30, Sécurité, arnaques, 45 min, 3 présents"
is "three workshops" "$(sql 'SELECT count(*) FROM workshop WHERE deleted_at IS NULL')" 3

# Edit: the workshop found by a search, its duration changed.
keys /
type_text "internet"
keys Enter
on_screen "the search keeps one line" "Recherche : internet (1)"
keys e
on_screen "e opens the workshop" "Modifier l'atelier"
on_screen "with its values" "Naviguer sur internet"
keys Tab g Enter
on_screen "the change is saved" "Atelier modifié : 10:30, Naviguer sur internet, 1 h 00, 6 présents"
is "the duration changed in the base" "$(sql "SELECT duration FROM workshop WHERE themes = 'internet'")" 60
is "still three workshops" "$(sql 'SELECT count(*) FROM workshop')" 3

# Delete, after a question; u brings it back.
keys d
on_screen "delete asks" "Supprimer l'atelier de 10:30 (Naviguer sur internet) ? (o/n)"
keys n
on_screen "n keeps it" "Suppression annulée"
keys d o
on_screen "o deletes it" "Atelier de 10:30 supprimé — u pour l'annuler"
is "it has a tombstone" "$(sql "SELECT deleted_at IS NOT NULL FROM workshop WHERE themes = 'internet'")" 1
not_on_screen "it leaves the list" "Naviguer sur internet"
keys u
on_screen "u brings it back" "Atelier de 10:30 rétabli"
is "the tombstone is gone" "$(sql "SELECT deleted_at IS NULL FROM workshop WHERE themes = 'internet'")" 1
on_screen "it is back in the list" "Naviguer sur internet"
keys q
check "q quits" wait_exit
is "exit status 0" "$EXIT" 0

# A workshop being typed survives a killed carnet and comes back.
start
on_screen "the list opens again" "mercredi 18 novembre 2026"
keys a b h
on_screen "half a workshop" ">Niveau"
pid=$(carnet_pid)
check "carnet is running" [ -n "$pid" ]
kill -KILL "$pid"
check "carnet ends" wait_exit
is "nothing saved as a workshop" "$(sql "SELECT count(*) FROM workshop WHERE themes = 'bureautique'")" 0
is "one draft kept" "$(ndrafts)" 1
start
on_screen "the workshop draft is offered at the next start" \
	"Atelier commencé le 2026-11-18 à 10:30, non enregistré : le reprendre ?"
keys Enter
on_screen "its theme came back" "Bureautique"
on_screen "its duration came back" "Durée *            1 h 30"
on_screen "the cursor is back on the level" ">Niveau"
keys 3 4 Enter
on_screen "saved" "Atelier enregistré : 10:30, Bureautique, 1 h 30, 4 présents"
is "saved with its theme, duration, level and count" \
	"$(sql "SELECT duration, level, anonymous FROM workshop WHERE themes = 'bureautique'")" "90|avance|4"
is "no draft left" "$(ndrafts)" 0

# Put aside at start-up (Suppr), taken back with r.
keys a p
pid=$(carnet_pid)
kill -KILL "$pid"
wait_exit || true
start
on_screen "offered again" "Atelier commencé le"
keys DC
on_screen "Suppr puts it aside" "Brouillon mis de côté : r pour le reprendre"
keys r
on_screen "r shows it" "Atelier du 2026-11-18 à 10:30 · Prendre en main un matériel"
keys Enter
on_screen "taken back" "Thèmes *           Prendre en main un"
keys Escape o
on_screen "abandoned again, kept" "Saisie abandonnée (r la reprend)"
keys q
wait_exit || true
