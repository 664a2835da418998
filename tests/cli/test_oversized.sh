# SPDX-License-Identifier: GPL-3.0-or-later
# Oversized input is refused cleanly, in bounded memory: a huge note, a huge
# configuration, a large import streamed (never loaded whole).
. "$TESTS_DIR/cli/lib.sh"

# maxrss CMD…: runs CMD (stdin passed on); prints "status peak-KiB".
maxrss() {
	python3 -c 'import resource, subprocess, sys
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}

add_visit
run export -o "$T/one.csv"

# ---- a note of 60 000 characters on the command line (about the most a single
# argument can carry), and one of 10 MB in an imported file
BIG=$(python3 -c 'print("é" * 60000)')
run add --duration 20 --demand info --posture pour --note "$BIG"
check "a 60 000-character note: refused, exit 1" rc_is 1
check "a 60 000-character note: the message names the field and the limit" \
	sh -c 'grep -q "note" "$1" && grep -q "500" "$1"' x "$T/err"
is "a 60 000-character note: nothing written" "$(nvisits)" 1
python3 - "$T/one.csv" "$T/note10m.csv" <<'PY'
import sys
head, row = open(sys.argv[1], encoding="utf-8", newline="").read().split("\r\n")[:2]
cols = head.split(",")
fields = row.split(",")
fields[cols.index("id")] = "0f0e8b6a-3c1d-4e2f-9a8b-7c6d5e4f3a2b"
fields[cols.index("note")] = '"' + "x" * (10 * 1024 * 1024) + '"'
open(sys.argv[2], "w", newline="").write(head + "\r\n" + ",".join(fields) + "\r\n")
PY
set -- $(maxrss "$CARNET" import "$T/note10m.csv" 2>"$T/err")
is "a 10 MB note in an import: refused, exit 1" "$1" 1
check "a 10 MB note in an import: « champ de plus de 65536 octets » at line 2" \
	grep -q "note10m.csv:2: champ de plus de 65536 octets" "$T/err"
check "a 10 MB note in an import: memory stays small (peak $2 KiB < 40 MiB)" test "$2" -lt 40960
is "a 10 MB note in an import: nothing written" "$(nvisits)" 1

# ---- a configuration of 100 000 lines: refused at once
python3 -c '
print("[organisme]")
for i in range(100000): print("org%06d = Organisme %d" % (i, i))' >"$T/huge.ini"
start=$(date +%s)
run --config "$T/huge.ini" lists organisme
check "a 100 000-line configuration: refused, exit 4" rc_is 4
check "a 100 000-line configuration: says it is too large" err_has "trop grand"
check "a 100 000-line configuration: refused within 2 s" test $(($(date +%s) - start)) -le 2
python3 -c '
print("[organisme]")
for i in range(5000): print("org%06d = Organisme %d" % (i, i))' >"$T/long.ini"
run --config "$T/long.ini" lists organisme
check "a list of 5 000 values is still read" sh -c '[ "$1" = 0 ] && grep -q org004999 "$2"' x "$RC" "$T/out"

# ---- a large import, streamed: 200 MB from a pipe (the first row is bad, so
# every other row is read and checked, and nothing written)
GEN="$T/gen.py"
cat >"$GEN" <<'PY'
import sys
head, row = open(sys.argv[1], encoding="utf-8", newline="").read().split("\r\n")[:2]
out = sys.stdout.buffer
out.write((head + "\r\n").encode())
out.write((row.replace(",2026-", ",2026-13-", 1) + "\r\n").encode())
line = (row + "\r\n").encode() * 1000
for _ in range(int(sys.argv[2]) * 1024 * 1024 // len(line)):
    out.write(line)
PY
set -- $(python3 "$GEN" "$T/one.csv" 200 | maxrss "$CARNET" import - 2>"$T/err")
is "a 200 MB import: refused for its bad row, exit 1" "$1" 1
check "a 200 MB import: the bad row told with its line" grep -q -- "-:2: colonne « date »" "$T/err"
check "a 200 MB import: read as a stream (peak $2 KiB < 40 MiB)" test "$2" -lt 40960
is "a 200 MB import: nothing written" "$(nvisits)" 1
