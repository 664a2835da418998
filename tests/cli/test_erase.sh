# SPDX-License-Identifier: GPL-3.0-or-later
# forget and purge erase every copy the desk holds: the person, the visits'
# link, the versions kept from merges (visit_history), the screen's drafts,
# the copies made before a schema upgrade; and when another program's read
# keeps the former state on the disk, they say so, with a non-zero status.
# Proved with strings(1) on the database, its journal and its drafts file.
. "$TESTS_DIR/cli/lib.sh"

A="$T/a.db" B="$DB"
ca() { "$CARNET" --db "$A" "$@"; }
# absent TEXT FILE…: TEXT is in none of the printable strings of the files.
absent() {
	t=$1; shift
	for f in "$@"; do
		[ -e "$f" ] || continue
		strings -a "$f" | grep -qF -- "$t" && return 1
	done
	return 0
}
files_of() { echo "$1" "$1-wal" "$1-shm" "$1.brouillons"; }

# Desk A sees FORG1 and edits the visit twice; desk B merges in between, so
# that B keeps the earlier versions (naming FORG1) in its visit_history, one
# of them of a visit now linked to someone else.
ca person new --code FORG1 --age 25_39 >/dev/null
ca person new --code OTHR1 >/dev/null
V=$(ca add --duration 20 --demand suivi --posture avec --person FORG1 --note "première")
W=$(ca add --duration 30 --demand info --posture pour --person FORG1 --note "seconde")
CARNET_NOW=2026-11-18T10:31 "$CARNET" merge "$A" >/dev/null
CARNET_NOW=2026-11-18T10:32 ca edit "$V" --note "corrigée" >/dev/null
CARNET_NOW=2026-11-18T10:32 ca edit "$W" --person OTHR1 >/dev/null
CARNET_NOW=2026-11-18T10:40 "$CARNET" edit "$V" --note "corrigée ici" >/dev/null
CARNET_NOW=2026-11-18T10:33 "$CARNET" merge "$A" >/dev/null
check "B keeps versions in its history" [ "$(sql "SELECT count(*) FROM visit_history")" -gt 0 ]
check "B's history names FORG1" sh -c '[ "$(sqlite3 "$1" "SELECT count(*) FROM visit_history WHERE version LIKE '"'%FORG1%'"'")" -gt 0 ]' x "$B"
check "B's history has FORG1 on a visit now linked to OTHR1" sh -c '[ "$(sqlite3 "$1" "SELECT count(*) FROM visit_history h JOIN visit v ON v.id = h.visit_id JOIN person p ON p.id = v.person_id WHERE p.code = '"'OTHR1'"' AND h.version LIKE '"'%FORG1%'"'")" -gt 0 ]' x "$B"
# A draft of the screen naming FORG1, as the screen writes it.
sqlite3 "$B.brouillons" "CREATE TABLE draft (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL, saved_at TEXT NOT NULL);
INSERT INTO draft VALUES (1, 'id=' || char(10) || 'date=2026-11-18' || char(10) || 'person=FORG1' || char(10) || 'note=brouillon' || char(10), '2026-11-18T09:30:00.000Z');"
# A copy made before an upgrade, as carnet names them.
cp "$B" "$B.v4.bak"
if absent FORG1 $(files_of "$B"); then nok "before: FORG1 is in B's files"; else ok "before: FORG1 is in B's files"; fi

run forget FORG1 --yes
check "forget: done" rc_is 0
check "forget: says the person is erased" out_has "Usager FORG1 effacé"
check "forget: lists the pre-upgrade copy it removed" out_has "Copie d'avant mise à niveau effacée (elle gardait ces données) : $B.v4.bak"
check "forget: the pre-upgrade copy is gone" [ ! -e "$B.v4.bak" ]
check "forget: FORG1 is nowhere in the database, its journal or its drafts" absent FORG1 $(files_of "$B")
is "forget: no history row names FORG1" "$(sql "SELECT count(*) FROM visit_history WHERE instr(version, 'FORG1')")" 0
is "forget: the draft that named FORG1 is gone" "$(ndrafts)" 0
is "forget: the visits stay" "$(sql "SELECT count(*) FROM visit")" 2
is "forget: OTHR1 is kept" "$(sql "SELECT count(*) FROM person WHERE code = 'OTHR1'")" 1
is "forget: the base is whole" "$(sql 'PRAGMA integrity_check')" ok

# purge: the visits before the day, their history, their drafts, their copies.
"$CARNET" add --date 2026-01-05 --duration 20 --demand suivi --posture avec --note "ANCIENNE-NOTE" >/dev/null
OLD=$(sql "SELECT id FROM visit WHERE date = '2026-01-05'")
sql "INSERT INTO visit_history VALUES ('$OLD', '2026-01-05T09:00:00.000Z', '$OLD,2026-01-05,09:00,20,defaut,,libre,suivi,,avec,1,,0,,,,ANCIENNE-NOTE', '2026-01-05T10:00:00.000Z')"
sqlite3 "$B.brouillons" "INSERT INTO draft VALUES (1, 'id=' || char(10) || 'date=2026-01-05' || char(10) || 'note=ANCIENNE-NOTE-BROUILLON' || char(10), '2026-11-18T09:30:00.000Z');"
cp "$B" "$B.v3.bak"
run purge --before 2026-02-01 --yes
check "purge: done" rc_is 0
check "purge: lists the pre-upgrade copy it removed" out_has "$B.v3.bak"
check "purge: the old note is nowhere in the files" absent ANCIENNE-NOTE $(files_of "$B")
is "purge: the draft of an old visit is gone" "$(ndrafts)" 0
is "purge: the recent visits stay" "$(sql "SELECT count(*) FROM visit")" 2

# Another program holding a read: the data is erased from the base, but the
# old state stays on disk until it closes; said, with status 5.
"$CARNET" person new --code HELD1 >/dev/null
"$CARNET" add --duration 20 --demand suivi --posture avec --person HELD1 --note "tenue" >/dev/null
python3 - "$B" "$T/reader.ready" "$T/reader.stop" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN")
db.execute("SELECT count(*) FROM person").fetchall()
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.05)
db.execute("COMMIT")
db.close()
PY
reader=$!
i=0
while [ ! -e "$T/reader.ready" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
run forget HELD1 --yes
check "forget while another program reads: status 5" rc_is 5
check "forget while another program reads: says the person is erased from the base" out_has "Usager HELD1 effacé"
check "forget while another program reads: says the data is still on disk" err_has "encore présentes sur le disque"
check "forget while another program reads: says when it goes" err_has "quand il la fermera"
is "forget while another program reads: the person is out of the base" "$(sql "SELECT count(*) FROM person WHERE code = 'HELD1'")" 0
touch "$T/reader.stop"
wait "$reader"
run check
check "once the other program closed: the base is whole" rc_is 0
check "once the other program closed: HELD1 is nowhere in the files" absent HELD1 $(files_of "$B")
