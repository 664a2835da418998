#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# exchange.sh: "carnet export" of 1 000 000 visits (alone, then with the
# workshops and times of report-1m-activity.db) and "carnet import" of that
# export into an empty database, each beside its bound in the same run:
# bench/export_bound (the same rows selected in SQL and written with the
# same CSV bytes, no re-reading) and bench/import_bound.sql (sqlite3 .import
# of the same file into the same tables, the same indexes built after).
# Runs interleaved (carnet, bound, carnet, bound…), median of BENCH_RUNS
# (default 3), peak memory from bench/timed; checks that the exports are
# byte for byte the same and that both imports hold the same visits and
# persons (counts and a SHA3 of every data column). Prints a table; it is a
# benchmark, not a test: it asserts nothing.
#
#   bench/exchange.sh BUILD_DIR DATA_DIR
#
# DATA_DIR's report-1m.db and report-1m-activity.db (bench/report.sh makes
# them) are only read: the commands run on copies in BENCH_WORK (default
# DATA_DIR/exchange), with the exports and the imported databases.
set -eu
BUILD=$1
DATA=$2
RUNS=${BENCH_RUNS:-3}
WORK=${BENCH_WORK:-$DATA/exchange}
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=$(cd "$BUILD" && pwd)
CARNET=$BUILD/carnet
[ -x "$CARNET" ] || CARNET=$(pwd)/carnet
export CARNET_DATADIR="$HERE/../share/carnet" CARNET_CONFIG="$HERE/demo.ini" TZ=Europe/Paris
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# median LIST: the middle value of whitespace-separated numbers.
median() {
	printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# A copy of DATA's database NAME in WORK, opened once by carnet (a schema
# upgrade happens there, never in DATA) and warm in the OS cache.
copy() {
	src=$DATA/$1 dst=$WORK/$1
	if [ ! -s "$src" ]; then
		echo "exchange.sh: $src manque (bench/report.sh le crée)" >&2
		return 1
	fi
	if [ ! -s "$dst" ] || [ "$src" -nt "$dst" ]; then
		rm -f "$dst" "$dst-wal" "$dst-shm"
		cp "$src" "$dst"
		[ ! -s "$src-wal" ] || cp "$src-wal" "$dst-wal"
	fi
	"$CARNET" --db "$dst" report --year 2025 >/dev/null 2>&1 || true
	rm -f "$dst".v*.bak
}

# pair LABEL: runs carnet_cmd and bound_cmd (shell functions) RUNS times,
# interleaved, and prints the row of the table (same: the result of check).
pair() {
	ct= bt= cm=0 bm=0 i=0
	while [ "$i" -lt "$RUNS" ]; do
		out=$(carnet_cmd 2>&1 >/dev/null | tail -n 1)
		ct="$ct ${out% *}"
		[ "${out#* }" -gt "$cm" ] && cm=${out#* }
		out=$(bound_cmd 2>&1 >/dev/null | tail -n 1)
		bt="$bt ${out% *}"
		[ "${out#* }" -gt "$bm" ] && bm=${out#* }
		i=$((i + 1))
	done
	ct=$(median "$ct") bt=$(median "$bt")
	printf '%-34s %9s %9s %7s %11s %11s  %s\n' "$1" "$ct" "$bt" \
		"$(awk -v a="$ct" -v b="$bt" 'BEGIN { printf "%.2f", a / b }')" "$cm" "$bm" "$(check)"
}

copy report-1m.db
copy report-1m-activity.db
rm -f "$WORK/empty.db" "$WORK/empty.db-wal" "$WORK/empty.db-shm"
"$BUILD/bench/gen" --db "$WORK/empty.db" --visits 0

echo
echo "carnet export / import, 1 000 000 visits, beside the bound ($RUNS runs, median)"
printf '%-34s %9s %9s %7s %11s %11s  %s\n' "case" "carnet s" "bound s" "ratio" "carnet KiB" \
	"bound KiB" "same result"

# (a) export: carnet -o FILE against export_bound, byte for byte.
for name in report-1m report-1m-activity; do
	db=$WORK/$name.db
	carnet_cmd() {
		"$BUILD/bench/timed" "$CARNET" --db "$db" export -o "$WORK/carnet-$name.csv"
	}
	bound_cmd() {
		"$BUILD/bench/timed" "$BUILD/bench/export_bound" "$db" "$WORK/bound-$name.csv"
	}
	check() {
		cmp -s "$WORK/carnet-$name.csv" "$WORK/bound-$name.csv" && echo identique ||
			echo DIFFERENT
	}
	case $name in
	report-1m) pair "export, 1 M visits (v1)" ;;
	*) pair "export, 1 M visits + activity (v2)" ;;
	esac
done

# (b) import of carnet's 1 M-visit export into an empty database: carnet
# against sqlite3 .import (import_bound.sql reads export.csv beside it).
mkdir -p "$WORK/import-bound"
ln -sf "$WORK/carnet-report-1m.csv" "$WORK/import-bound/export.csv"
fresh() {
	rm -f "$1" "$1-wal" "$1-shm"
	cp "$WORK/empty.db" "$1"
}
carnet_cmd() {
	fresh "$WORK/import-carnet.db"
	"$BUILD/bench/timed" "$CARNET" --db "$WORK/import-carnet.db" import \
		"$WORK/carnet-report-1m.csv"
}
bound_cmd() {
	fresh "$WORK/import-bound/new.db"
	(cd "$WORK/import-bound" && "$BUILD/bench/timed" sqlite3 new.db <"$HERE/import_bound.sql")
}
# The data columns of every visit and person, whatever their rowids.
VISITS="SELECT id, date, time, duration, site, mediator, canal, posture, present, outcome,
 urgent, referred_by, referred_to, referred_place, person_id, note, created_at, updated_at,
 deleted_at, demands, organisms, referral_how, referral_place, referral_went,
 referral_answered FROM visit ORDER BY id"
PERSONS="SELECT id, code, age, gender, area, situation, created_at, updated_at, deleted_at,
 equipment FROM person ORDER BY id"
digest() {
	sqlite3 "$1" "SELECT count(*) FROM visit; SELECT hex(sha3_query('$VISITS'));
		SELECT count(*) FROM person; SELECT hex(sha3_query('$PERSONS'));"
}
check() {
	a=$(digest "$WORK/import-carnet.db") b=$(digest "$WORK/import-bound/new.db")
	[ "$a" = "$b" ] && echo "identique ($(echo "$a" | head -n 1) passages)" || echo DIFFERENT
}
pair "import of that export (v1)"
