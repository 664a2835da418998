# SPDX-License-Identifier: GPL-3.0-or-later
# carnet backup while the desk screen is writing: the screen saves its draft
# after every key and saves visits; each copy made meanwhile is a whole,
# intact database, and the screen goes on.
. "$TESTS_DIR/screen/lib.sh"

start
wait_for "Aucun passage" || true
n=0 bad=0
for round in 1 2 3 4 5 6; do
	# A typical visit, key by key (each key rewrites the draft), saved.
	keys n s c 3 d a
	"$CARNET" backup "$T/copy$round.db" >/dev/null 2>"$T/err" || bad=$((bad + 1))
	type_text "Note $round"
	"$CARNET" backup "$T/copyb$round.db" >/dev/null 2>>"$T/err" || bad=$((bad + 1))
	keys Enter
	wait_for "Passage enregistré" || bad=$((bad + 1))
	n=$((n + 2))
done
for f in "$T"/copy*.db; do
	[ "$(sqlite3 "$f" 'PRAGMA integrity_check')" = ok ] || bad=$((bad + 1))
done
is "$n copies made while the screen wrote: all made, all intact" "$bad" 0
is "the screen saved its 6 visits" "$(nvisits)" 6
check "the last copy has at least the visits saved before it" \
	test "$(sqlite3 "$T/copyb6.db" 'SELECT count(*) FROM visit')" -ge 5
keys q
check "q quits" wait_exit
is "exit status 0" "$EXIT" 0
