# SPDX-License-Identifier: GPL-3.0-or-later
# Editing a visit from the list (same row, updated_at moves, created_at not),
# deleting it (tombstone), undoing the delete, refusing a delete, and no undo
# for a delete made in an earlier session.
. "$TESTS_DIR/screen/lib.sh"

# Two visits made at 10:30 (CARNET_NOW of the tests).
run add --duration 20 --demand suivi --organism caf --posture avec --outcome aboutie --time 09:00
A=$(head -n 1 "$T/out")
run add --duration 15 --demand rdv --posture devant --time 10:00
B=$(head -n 1 "$T/out")
check "two visits prepared" [ -n "$A" -a -n "$B" -a "$(nvisits)" -eq 2 ]
created=$(sql "SELECT created_at FROM visit WHERE id = '$A'")
is "created at 10:30 Paris time" "$created" "2026-11-18T09:30:00.000Z"

# The screen is opened 45 minutes later.
SCREEN_ENV="CARNET_NOW=2026-11-18T11:15"
start
on_screen "the list shows the first visit" "09:00  20 min"
on_screen "the list shows the second visit" "10:00  15 min"
on_screen "the first visit is selected" ">09:00"

# Enter edits the selected visit.
keys Enter
on_screen "Enter opens the selected visit" "Modifier le passage · mercredi 18 novembre 2026"
on_screen "its demand is there" "Suivre un dossier"
on_screen "its outcome is there" "Démarche aboutie"
on_screen "its duration is there" "Durée *            20 min"
keys Tab Tab
on_screen "two Tabs reach the posture" ">Posture"
keys 1
on_screen "the posture is changed" "Posture *          Faire pour"
on_screen "the focus is on the duration" ">Durée"
keys BSpace BSpace
type_text "35"
keys Enter
on_screen "the visit is saved as modified" "Passage modifié : 09:00"
on_screen "the list shows the new duration" "09:00  35 min"
on_screen "the list shows the new posture" "Faire pour"
is "still two rows: the edit updated the row" "$(nvisits)" 2
is "posture and duration updated in the same row" \
	"$(sql "SELECT posture, duration FROM visit WHERE id = '$A'")" "pour|35"
is "the other columns are kept" \
	"$(sql "SELECT date, time, canal, outcome, urgent, present FROM visit WHERE id = '$A'")" \
	"2026-11-18|09:00|libre|aboutie|0|1"
is "the demand and organism are kept" \
	"$(sql "SELECT demands || '/' || organisms FROM visit WHERE id = '$A'")" \
	"suivi/caf"
is "created_at unchanged" "$(sql "SELECT created_at FROM visit WHERE id = '$A'")" "$created"
is "updated_at is the new time" "$(sql "SELECT updated_at FROM visit WHERE id = '$A'")" \
	"2026-11-18T10:15:00.000Z"
is "the other visit is untouched" "$(sql "SELECT posture, duration, updated_at FROM visit WHERE id = '$B'")" \
	"devant|15|2026-11-18T09:30:00.000Z"
is "no draft left after the edit" "$(ndrafts)" 0

# e edits too; an untouched edit closes without a question and changes nothing.
keys j
on_screen "j selects the second visit" ">10:00"
keys e
on_screen "e opens the selected visit" "Modifier le passage"
on_screen "it is the second visit" "Prendre un rendez-vous"
keys Escape
on_screen "an untouched edit closes at once" "Saisie abandonnée"
is "the untouched edit changed nothing" "$(sql "SELECT updated_at FROM visit WHERE id = '$B'")" \
	"2026-11-18T09:30:00.000Z"

# Delete the first visit: d asks, o confirms.
keys k
on_screen "k selects the first visit again" ">09:00"
keys d
on_screen "d asks before deleting" "Supprimer le passage de 09:00"
on_screen "the delete question shows its answer keys (o/n)" "(o/n)"
is "nothing deleted while the question is asked" \
	"$(sql "SELECT count(*) FROM visit WHERE deleted_at IS NOT NULL")" 0
keys o
on_screen "the status line offers undo" "Passage de 09:00 supprimé — u pour l'annuler"
not_on_screen "the list no longer shows the deleted visit" "09:00  35 min"
on_screen "the totals no longer count it" "1 passage · 15 min"
# The clock is pinned: the delete comes 1 ms after the edit it follows, so
# that it is the later version everywhere.
is "deleted_at is set (tombstone), later than the edit" "$(sql "SELECT deleted_at FROM visit WHERE id = '$A'")" \
	"2026-11-18T10:15:00.001Z"
is "the row is kept" "$(nvisits)" 2
run list
check "carnet list no longer lists it" sh -c "! grep -q '09:00' '$T/out'"

# u brings it back.
keys u
on_screen "u restores it" "Passage de 09:00 rétabli"
on_screen "the list shows it again" "09:00  35 min"
is "deleted_at is NULL again" "$(sql "SELECT coalesce(deleted_at, 'NULL') FROM visit WHERE id = '$A'")" NULL
keys u
on_screen "a second u has nothing left to undo" "Aucune suppression à annuler"

# d then n keeps it.
keys d
on_screen "d asks again" "Supprimer le passage de"
keys n
on_screen "n cancels the delete" "Suppression annulée"
on_screen "the visit is still listed" "09:00  35 min"
is "nothing deleted after n" "$(sql "SELECT count(*) FROM visit WHERE deleted_at IS NOT NULL")" 0

# Delete the second visit, quit, restart: that delete cannot be undone.
keys j
on_screen "the second visit selected" ">10:00"
keys d
on_screen "the question for a short demand label shows (o/n)" "Supprimer le passage de 10:00 (Prendre un rendez-vous en ligne) ? (o/n)"
keys o
on_screen "the second visit is deleted" "Passage de 10:00 supprimé"
is "its deleted_at is set" "$(sql "SELECT count(*) FROM visit WHERE id = '$B' AND deleted_at IS NOT NULL")" 1
keys q
check "q quits" wait_exit
is "exit status 0" "$EXIT" 0

start
on_screen "restarted" "mercredi 18 novembre 2026"
on_screen "the remaining visit is listed" "09:00  35 min"
not_on_screen "the deleted visit is not listed" "10:00  15 min"
keys u
on_screen "no undo of an earlier session's delete" "Aucune suppression à annuler"
is "the earlier delete stays" "$(sql "SELECT count(*) FROM visit WHERE id = '$B' AND deleted_at IS NOT NULL")" 1
keys q
wait_exit || true
