# SPDX-License-Identifier: GPL-3.0-or-later
# Another program's long write (an import, a merge) never makes a key wait:
# drafts live in their own file, a save that meets the busy base says so,
# keeps the form and goes through by itself once the base is free. A damaged
# or hand-edited draft is offered as unreadable and never crashes the screen.
. "$TESTS_DIR/screen/lib.sh"

run add --duration 10 --demand info --posture pour --time 08:00
check "a base to work on" rc_is 0

# hold_write: another program holds the base's write lock until release.
hold_write() {
	rm -f "$T/hold.ready" "$T/hold.stop"
	python3 - "$DB" "$T/hold.ready" "$T/hold.stop" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE visit SET note = note")
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.05)
db.execute("COMMIT")
db.close()
PY
	HOLDER=$!
	i=0
	while [ ! -e "$T/hold.ready" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
}
release() { touch "$T/hold.stop"; wait "$HOLDER"; }

start
on_screen "the list is shown" "08:00  10 min"
hold_write
check "another program holds the base's write lock" [ -e "$T/hold.ready" ]
# Every key answers at once: the form follows the keys within the usual wait.
keys n
on_screen "n opens the form while the base is held" "Nouveau passage"
keys s
on_screen "s answers the demand at once" "Suivre un dossier"
keys c
on_screen "c answers the organism at once" "CAF"
keys 3 d a
on_screen "the duration is picked at once" "20 min"
is "the draft is kept while the base is held" "$(ndrafts)" 1
not_on_screen "no 'brouillon non enregistré'" "Brouillon non enregistré"
start_s=$(date +%s)
keys Enter
on_screen "Enter on a busy base says so" "Base occupée par un autre programme"
waited=$(( $(date +%s) - start_s ))
check "the save did not hang on the busy base (${waited} s)" [ "$waited" -le 3 ]
on_screen "the form stays open" "Nouveau passage"
is "nothing saved yet" "$(sql 'SELECT count(*) FROM visit WHERE deleted_at IS NULL')" 1
is "the draft is still kept" "$(ndrafts)" 1
release
on_screen "once the base is free the visit saves by itself" "Passage enregistré"
on_screen "and the list shows it" "20 min Suivre un do"
is "the visit is stored" "$(sql "SELECT count(*) FROM visit WHERE demands = 'suivi' AND duration = 20")" 1
is "the draft is gone" "$(ndrafts)" 0
keys q
check "q quits" wait_exit

# Unreadable drafts: every field checked when the draft is read.
put_draft() {
	sqlite3 "$DB.brouillons" "DELETE FROM draft; INSERT INTO draft VALUES (1, $1, '2026-11-18T09:00:00.000Z')"
}
good="'id=' || char(10) || 'date=2026-11-18' || char(10) || 'time=10:30' || char(10) || 'duration=20' || char(10) || 'demands=suivi' || char(10) || 'posture=avec' || char(10)"
for bad in "field=-19" "field=9999" "duration=abc" "duration=9000" "date=2026-13-45" \
	"time=25:99" "site=Pas un code" "demands=pas un code!" "person=k7m2qx!" "present=5" \
	"timer_start=-4" "id=pas-un-uuid" "updated=hier"; do
	put_draft "$good || '$bad' || char(10)"
	start
	on_screen "draft with $bad: offered as unreadable" "Brouillon illisible"
	keys n
	on_screen "draft with $bad: kept when refused" "Brouillon illisible gardé"
	keys q
	check "draft with $bad: no crash, q quits" wait_exit
	is "draft with $bad: exit status 0" "$EXIT" 0
done
put_draft "$good || 'note=a' || char(27) || '[2J' || char(10)"
start
on_screen "a draft with a control in its note: unreadable" "Brouillon illisible"
keys o
on_screen "o erases it" "Brouillon illisible effacé"
is "it is gone" "$(ndrafts)" 0
keys q
check "q quits" wait_exit
put_draft "CAST(X'69643D0A6E6F74653D61006200' AS TEXT)"
start
on_screen "a draft with a NUL: unreadable" "Brouillon illisible"
keys o q
check "q quits" wait_exit
put_draft "$good || 'field=3' || char(10)"
start
on_screen "a good draft is still offered" "le reprendre ?"
keys o
on_screen "a good draft comes back in the form" "Suivre un dossier"
keys Escape o q
wait_exit || true
