#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# report.sh: "carnet report" on generated national-scale databases, against
# the same figures computed by hand-written SQL (bench/report.sql) run by the
# sqlite3 shell on the same file, in the same run. Prints a table; it is a
# benchmark, not a test: it asserts nothing.
#
#   bench/report.sh BUILD_DIR DATA_DIR
#
# BENCH_LARGE=1 adds the 6 000 000-visit database (about 2.5 GB and several
# minutes to generate). BENCH_RUNS sets the runs per figure (default 5).
set -eu
BUILD=$1
DATA=$2
RUNS=${BENCH_RUNS:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
CARNET=$BUILD/carnet
[ -x "$CARNET" ] || CARNET=./carnet
export CARNET_DATADIR="$HERE/../share/carnet" CARNET_CONFIG="$HERE/demo.ini" TZ=Europe/Paris
mkdir -p "$DATA"

# gen N FILE: N visits over three years ending 2026-11-18, six sites, eight
# mediators, one returning person for twenty visits.
gen() {
	if [ ! -s "$2" ]; then
		echo "Generating $1 visits into $2…"
		rm -f "$2" "$2-wal" "$2-shm"
		"$BUILD/bench/gen" --db "$2" --visits "$1" --days 1095 --sites 6 --mediators 8 \
			--persons $(($1 / 20))
	fi
	# Open it once (a schema upgrade would happen here) and warm the OS cache.
	"$CARNET" --db "$2" report --year 2025 >/dev/null 2>&1 || true
}

# median LIST: the middle value of whitespace-separated numbers.
median() {
	printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# measure CMD…: runs it RUNS times; sets T (median seconds) and M (max KiB).
measure() {
	times= mem=0
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		out=$("$BUILD/bench/timed" "$@" 2>&1 >/dev/null | tail -n 1)
		times="$times ${out% *}"
		[ "${out#* }" -gt "$mem" ] && mem=${out#* }
		i=$((i + 1))
	done
	T=$(median "$times")
	M=$mem
}

# row LABEL DB FROM TO CARNET_ARGS…
row() {
	label=$1 db=$2 from=$3 to=$4
	shift 4
	measure "$CARNET" --db "$db" report "$@"
	ct=$T cm=$M
	# The shell strips one level of quotes from dot-command arguments.
	measure sqlite3 -cmd ".parameter set @from \"'$from'\"" \
		-cmd ".parameter set @to \"'$to'\"" \
		"$db" ".read $HERE/report.sql"
	st=$T sm=$M
	printf '%-34s %9s %9s %7s %10s %10s\n' "$label" "$ct" "$st" \
		"$(awk -v a="$ct" -v b="$st" 'BEGIN { printf "%.2f", a / b }')" "$cm" "$sm"
}

gen 1000000 "$DATA/report-1m.db"
[ "${BENCH_LARGE:-0}" = 1 ] && gen 6000000 "$DATA/report-6m.db"

echo
echo "carnet report against hand-written sqlite3 queries (median of $RUNS runs)"
printf '%-34s %9s %9s %7s %10s %10s\n' "case" "carnet s" "sqlite3 s" "ratio" "carnet KiB" \
	"sqlite3 KiB"
row "1 000 000 visits, --month 2026-10" "$DATA/report-1m.db" 2026-10-01 2026-10-31 \
	--month 2026-10
row "1 000 000 visits, --year 2025" "$DATA/report-1m.db" 2025-01-01 2025-12-31 --year 2025
if [ "${BENCH_LARGE:-0}" = 1 ]; then
	row "6 000 000 visits, --month 2026-10" "$DATA/report-6m.db" 2026-10-01 2026-10-31 \
		--month 2026-10
	row "6 000 000 visits, --year 2025" "$DATA/report-6m.db" 2025-01-01 2025-12-31 \
		--year 2025
fi
