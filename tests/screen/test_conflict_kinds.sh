# SPDX-License-Identifier: GPL-3.0-or-later
# A workshop or a time changed elsewhere (another desk, a command) while it
# is edited on the screen is never overwritten without a word: the screen
# asks which version to keep, and the other one is put aside (r).
. "$TESTS_DIR/screen/lib.sh"

naside() { sqlite3 -batch "$DB.brouillons" "SELECT count(*) FROM aside"; }

start
on_screen "the list opens" "mercredi 18 novembre 2026"
keys a i h 1 6 Enter
on_screen "a workshop is saved" "Atelier enregistré"
W=$(sql "SELECT id FROM workshop")

# Mine kept: Enter.
keys e
on_screen "the workshop is open" "Modifier l'atelier"
keys Tab g
sql "UPDATE workshop SET duration = 45, updated_at = '2026-11-18T09:40:00.000Z' WHERE id = '$W'"
keys Enter
on_screen "the save meets the other change" "Atelier modifié ailleurs entre-temps. Garder"
on_screen "with the two answers" "Entrée le vôtre · Échap l'autre"
is "nothing written before the answer" "$(sql "SELECT duration FROM workshop WHERE id = '$W'")" 45
keys Enter
on_screen "mine is saved, the other put aside" "Votre version est enregistrée ; l'autre est mise de côté (r la reprend)"
is "mine is in the base" "$(sql "SELECT duration FROM workshop WHERE id = '$W'")" 60
is "the other version is put aside" "$(naside)" 1
keys r
on_screen "r lists the other version" "Atelier modifié du 2026-11-18 à 10:30 · Naviguer sur internet"
keys Escape

# The other kept: Escape.
keys e
on_screen "the workshop is open again" "Modifier l'atelier"
keys Tab f
sql "UPDATE workshop SET duration = 120, updated_at = '2026-11-18T09:50:00.000Z' WHERE id = '$W'"
keys Enter
on_screen "the second save meets another change" "Atelier modifié ailleurs entre-temps. Garder"
keys Escape
on_screen "the other is kept, mine put aside" "L'autre version est gardée ; la vôtre est mise de côté (r la reprend)"
is "theirs stays in the base" "$(sql "SELECT duration FROM workshop WHERE id = '$W'")" 120
is "mine is put aside" "$(naside)" 2
is "no draft left" "$(ndrafts)" 0

# The same for a time.
keys t c e Enter
on_screen "a time is saved" "Temps enregistré"
TI=$(sql "SELECT id FROM worktime")
keys G e
on_screen "the time is open" "Modifier le temps"
keys Tab g
sql "UPDATE worktime SET duration = 15, updated_at = '2026-11-18T09:45:00.000Z' WHERE id = '$TI'"
keys Enter
on_screen "the time's save meets the other change" "Temps modifié ailleurs entre-temps. Garder"
keys Escape
on_screen "the other time is kept" "L'autre version est gardée"
is "theirs stays" "$(sql "SELECT duration FROM worktime WHERE id = '$TI'")" 15
is "mine is put aside" "$(naside)" 3

# Deleted elsewhere while open: said at once, saved as a new one.
keys e
on_screen "the time is open once more" "Modifier le temps"
sql "UPDATE worktime SET deleted_at = '2026-11-18T09:55:00.000Z' WHERE id = '$TI'"
on_screen "the deletion elsewhere is said" "Ce temps a été supprimé ailleurs"
keys Enter
on_screen "Enter saves it as a new time" "Temps enregistré"
is "a new time, the old one still deleted" \
	"$(sql "SELECT count(*), sum(deleted_at IS NULL) FROM worktime")" "2|1"
keys q
check "q quits" wait_exit
