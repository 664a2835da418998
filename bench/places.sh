#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# places.sh: "carnet place import" of a file of 10,000 places in the
# national standard's CSV (made from the rows of
# tests/fixtures/places-rennes.csv, each under a new id, name and
# commune), its re-import (nothing changes), "carnet place list --search"
# for prefixes growing one letter at a time (what a search box asks at
# each keystroke), --open-at, and the export. Prints a table of wall times
# (median of BENCH_RUNS runs, default 5) and peak memory; it is a
# benchmark, not a test: it asserts nothing.
#
#   bench/places.sh BUILD_DIR DATA_DIR [N]
set -eu
BUILD=$1
DATA=$2
N=${3:-10000}
RUNS=${BENCH_RUNS:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
CARNET=$BUILD/carnet
[ -x "$CARNET" ] || CARNET=./carnet
TIMED=$BUILD/bench/timed
export CARNET_DATADIR="$HERE/../share/carnet" TZ=Europe/Paris
unset CARNET_CONFIG
mkdir -p "$DATA"
CSV="$DATA/places-$N.csv"
DB="$DATA/places-$N.db"

if [ ! -s "$CSV" ]; then
	python3 - "$HERE/../tests/fixtures/places-rennes.csv" "$CSV" "$N" <<'PY'
import csv, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = list(csv.reader(open(src, encoding='utf-8', newline='')))
header, base = rows[0], rows[1:]
communes = ['Rennes', 'Brest', 'Quimper', 'Vannes', 'Lorient', 'Saint-Brieuc', 'Saint-Malo',
            'Cesson-Sévigné', 'Bruz', 'Fougères', 'Vitré', 'Redon', 'Lannion', 'Morlaix',
            'Dinan', 'Pontivy', 'Concarneau', 'Guingamp', 'Ploërmel', 'Landerneau']
with open(out, 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(header)
    for i in range(n):
        r = list(base[i % len(base)])
        r[0] = 'lieu-%05d' % i
        r[2] = '%s %d' % (r[2], i)
        r[3] = communes[(i * 7) % len(communes)]
        w.writerow(r)
PY
fi

median() {
	printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# measure PREP CMD…: runs PREP (a shell command, may be :) then CMD, RUNS
# times; prints the median seconds and the peak KiB.
measure() {
	prep=$1
	shift
	times= mem=0 i=0
	while [ "$i" -lt "$RUNS" ]; do
		sh -c "$prep"
		out=$("$TIMED" "$@" 2>&1 >/dev/null | tail -n 1)
		times="$times ${out% *}"
		[ "${out#* }" -gt "$mem" ] && mem=${out#* }
		i=$((i + 1))
	done
	printf '%10s %10s\n' "$(median "$times")" "$mem"
}

row() {
	label=$1
	shift
	printf '%-52s %s\n' "$label" "$(measure "$@")"
}

echo "carnet place, $N places ($(wc -c <"$CSV") bytes of CSV), median of $RUNS runs"
printf '%-52s %10s %10s\n' "" "seconds" "max KiB"
row "import into an empty base" "rm -f '$DB' '$DB-wal' '$DB-shm'" "$CARNET" --db "$DB" place import "$CSV"
row "import again (nothing changes)" : "$CARNET" --db "$DB" place import "$CSV"
row "list --search zzzz (no match: start-up and read)" : "$CARNET" --db "$DB" place list --search zzzz
for q in m me med medi media mediat mediath mediathe mediatheq mediatheque; do
	row "list --search $q" : "$CARNET" --db "$DB" place list --search "$q"
done
row "list --search \"aide aux demarches\"" : "$CARNET" --db "$DB" place list --search "aide aux demarches"
row "list --commune brest" : "$CARNET" --db "$DB" place list --commune brest
row "list --open-at \"samedi 10:00\"" : "$CARNET" --db "$DB" place list --open-at "samedi 10:00"
row "list (all)" : "$CARNET" --db "$DB" place list
row "export" : "$CARNET" --db "$DB" place export -o "$DATA/places-export.csv"
# The desk's place picker: the function the screen calls at each keystroke,
# timed in the process (no start-up).
if [ -x "$BUILD/bench/place_search" ]; then
	CARNET_NOW=2026-11-18T10:30 "$BUILD/bench/place_search" "$DB" 21
fi
