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

# gen N FILE [GEN_ARGS…]: N visits over three years ending 2026-11-18, six
# sites, eight mediators, one returning person for twenty visits; GEN_ARGS
# add workshops and times.
gen() {
	n=$1 file=$2
	shift 2
	if [ ! -s "$file" ]; then
		echo "Generating $n visits $* into $file…"
		rm -f "$file" "$file-wal" "$file-shm"
		"$BUILD/bench/gen" --db "$file" --visits "$n" --days 1095 --sites 6 --mediators 8 \
			--persons $((n / 20)) "$@"
	fi
	# Open it once (a schema upgrade would happen here) and warm the OS cache.
	"$CARNET" --db "$file" report --year 2025 >/dev/null 2>&1 || true
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
	# SQL_MORE: a second file of queries for the figures of that database.
	set -- ".read $HERE/report.sql"
	[ -n "$SQL_MORE" ] && set -- "$@" ".read $SQL_MORE"
	measure sqlite3 -cmd ".parameter set @from \"'$from'\"" \
		-cmd ".parameter set @to \"'$to'\"" "$db" "$@"
	st=$T sm=$M
	printf '%-34s %9s %9s %7s %10s %10s\n' "$label" "$ct" "$st" \
		"$(awk -v a="$ct" -v b="$st" 'BEGIN { printf "%.2f", a / b }')" "$cm" "$sm"
}

gen 1000000 "$DATA/report-1m.db"
[ "${BENCH_LARGE:-0}" = 1 ] && gen 6000000 "$DATA/report-6m.db"
# The same visits with the most workshops and times gen makes: fifteen
# workshops a week on each site, forty times a week for each mediator.
gen 1000000 "$DATA/report-1m-activity.db" --workshops-per-week 15 --times-per-week 40 \
	--lists "$HERE/../share/carnet/carnet.ini"
SQL_MORE=

echo
echo "carnet report against hand-written sqlite3 queries (median of $RUNS runs)"
printf '%-34s %9s %9s %7s %10s %10s\n' "case" "carnet s" "sqlite3 s" "ratio" "carnet KiB" \
	"sqlite3 KiB"
row "1 000 000 visits, --month 2026-10" "$DATA/report-1m.db" 2026-10-01 2026-10-31 \
	--month 2026-10
row "1 000 000 visits, --year 2025" "$DATA/report-1m.db" 2025-01-01 2025-12-31 --year 2025
SQL_MORE="$HERE/report_activity.sql"
row "1 M visits + workshops, --month 2026-10" "$DATA/report-1m-activity.db" 2026-10-01 \
	2026-10-31 --month 2026-10
row "1 M visits + workshops, --year 2025" "$DATA/report-1m-activity.db" 2025-01-01 \
	2025-12-31 --year 2025
SQL_MORE=
if [ "${BENCH_LARGE:-0}" = 1 ]; then
	row "6 000 000 visits, --month 2026-10" "$DATA/report-6m.db" 2026-10-01 2026-10-31 \
		--month 2026-10
	row "6 000 000 visits, --year 2025" "$DATA/report-6m.db" 2025-01-01 2025-12-31 \
		--year 2025
fi
