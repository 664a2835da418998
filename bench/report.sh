#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# report.sh: "carnet report" on generated national-scale databases, beside
# the bound: bench/report_bound, a program written for the measure that
# computes the same figures the shortest way SQLite allows (one scan of the
# period, the persons sorted in memory, one covering seek per history, only
# the key figures for the compared periods) and prints them with carnet's
# own writer: the two outputs are compared byte for byte ("identique").
# Runs are interleaved (carnet, bound, carnet, bound…); medians, peak memory.
# It is a benchmark, not a test: it asserts nothing.
#
#   bench/report.sh BUILD_DIR DATA_DIR
#
# BENCH_LARGE=1 adds the 6 000 000-visit database (about 2.5 GB and several
# minutes to generate). BENCH_RUNS sets the runs per figure (default 5).
# BENCH_SQL=1 adds the older comparison with hand-written SQL run by the
# sqlite3 shell (bench/report.sql, bench/report_activity.sql), which does
# not compute every figure.
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

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# row LABEL DB FROM TO CARNET_ARGS…: carnet and the bound, interleaved.
row() {
	label=$1 db=$2 from=$3 to=$4
	shift 4
	out=$(mktemp -d)
	"$CARNET" --db "$db" report "$@" --format json >"$out/carnet.json"
	"$BUILD/bench/report_bound" --db "$db" --from "$from" --to "$to" --format json \
		>"$out/bound.json"
	if cmp -s "$out/carnet.json" "$out/bound.json"; then same=identique; else same=DIFFERENT; fi
	rm -rf "$out"
	ctimes= btimes= cm=0 bm=0
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		o=$("$BUILD/bench/timed" "$CARNET" --db "$db" report "$@" --format json 2>&1 \
			>/dev/null | tail -n 1)
		ctimes="$ctimes ${o% *}"
		[ "${o#* }" -gt "$cm" ] && cm=${o#* }
		o=$("$BUILD/bench/timed" "$BUILD/bench/report_bound" --db "$db" --from "$from" \
			--to "$to" --format json 2>&1 >/dev/null | tail -n 1)
		btimes="$btimes ${o% *}"
		[ "${o#* }" -gt "$bm" ] && bm=${o#* }
		i=$((i + 1))
	done
	ct=$(median "$ctimes") bt=$(median "$btimes")
	printf '%-40s %8s %8s %6s %10s %9s  %s\n' "$label" "$ct" "$bt" "$(ratio "$ct" "$bt")" \
		"$cm" "$bm" "$same"
}

# sqlrow LABEL DB FROM TO CARNET_ARGS…: carnet against hand-written SQL.
sqlrow() {
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
	printf '%-40s %8s %8s %6s %10s %9s\n' "$label" "$ct" "$st" "$(ratio "$ct" "$st")" "$cm" "$sm"
}

gen 1000000 "$DATA/report-1m.db"
[ "${BENCH_LARGE:-0}" = 1 ] && gen 6000000 "$DATA/report-6m.db"
# The same visits with the most workshops and times gen makes: fifteen
# workshops a week on each site, forty times a week for each mediator.
gen 1000000 "$DATA/report-1m-activity.db" --workshops-per-week 15 --times-per-week 40 \
	--lists "$HERE/../share/carnet/carnet.ini"
SQL_MORE=

# cases ROW: the cases of the table, each through ROW (row or sqlrow).
cases() {
	SQL_MORE=
	$1 "1 000 000 visits, --month 2026-10" "$DATA/report-1m.db" 2026-10-01 2026-10-31 \
		--month 2026-10
	$1 "1 000 000 visits, --year 2025" "$DATA/report-1m.db" 2025-01-01 2025-12-31 \
		--year 2025
	SQL_MORE="$HERE/report_activity.sql"
	$1 "1 M visits + workshops, --month 2026-10" "$DATA/report-1m-activity.db" 2026-10-01 \
		2026-10-31 --month 2026-10
	$1 "1 M visits + workshops, --year 2025" "$DATA/report-1m-activity.db" 2025-01-01 \
		2025-12-31 --year 2025
	SQL_MORE=
	if [ "${BENCH_LARGE:-0}" = 1 ]; then
		$1 "6 000 000 visits, --month 2026-10" "$DATA/report-6m.db" 2026-10-01 2026-10-31 \
			--month 2026-10
		$1 "6 000 000 visits, --year 2025" "$DATA/report-6m.db" 2025-01-01 2025-12-31 \
			--year 2025
	fi
}

echo
echo "carnet report beside the bound (bench/report_bound), interleaved, median of $RUNS runs"
printf '%-40s %8s %8s %6s %10s %9s  %s\n' "case" "carnet s" "bound s" "ratio" "carnet KiB" \
	"bound KiB" "same output"
cases row
if [ "${BENCH_SQL:-0}" = 1 ]; then
	echo
	echo "carnet report against hand-written sqlite3 queries (median of $RUNS runs)"
	printf '%-40s %8s %8s %6s %10s %9s\n' "case" "carnet s" "sqlite3 s" "ratio" "carnet KiB" \
		"sqlite3 KiB"
	cases sqlrow
fi
