#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# merge.sh: a coordinator's merge of a whole project — 50 desk databases of
# 20 000 visits each (bench/gen, one site per desk, persons met on several
# desks) merged into one empty database by one "carnet merge"; then the same
# merge again (nothing new). Prints wall time and peak memory; asserts nothing.
#
#   bench/merge.sh BUILD_DIR DATA_DIR
set -eu
BUILD=$1
DATA=$2/merge
DESKS=${BENCH_DESKS:-50}
VISITS=${BENCH_DESK_VISITS:-20000}
HERE=$(cd "$(dirname "$0")" && pwd)
CARNET=$BUILD/carnet
[ -x "$CARNET" ] || CARNET=./carnet
export CARNET_DATADIR="$HERE/../share/carnet" CARNET_CONFIG="$HERE/demo.ini" TZ=Europe/Paris
mkdir -p "$DATA"

i=1
while [ "$i" -le "$DESKS" ]; do
	db="$DATA/desk-$i.db"
	if [ ! -s "$db" ]; then
		[ "$i" = 1 ] && echo "Generating $DESKS desk databases of $VISITS visits…"
		"$BUILD/bench/gen" --db "$db" --visits "$VISITS" --days 1095 --sites 1 \
			--first-site "$i" --mediators 2 --persons 2000 --seed "$i"
	fi
	i=$((i + 1))
done
set -- "$DATA"/desk-*.db

rm -f "$DATA/project.db" "$DATA/project.db-wal" "$DATA/project.db-shm"
"$CARNET" --db "$DATA/project.db" list --date 2026-01-01 >/dev/null 2>&1 || true
first=$("$BUILD/bench/timed" "$CARNET" --db "$DATA/project.db" merge "$@" 2>&1 >/dev/null |
	tail -n 1)
again=$("$BUILD/bench/timed" "$CARNET" --db "$DATA/project.db" merge "$@" 2>&1 >/dev/null |
	tail -n 1)
total=$(sqlite3 "$DATA/project.db" 'SELECT count(*) FROM visit')
echo
echo "carnet merge of $DESKS desks x $VISITS visits into one database ($total visits after)"
printf '%-34s %9s %12s\n' "case" "seconds" "peak KiB"
printf '%-34s %9s %12s\n' "first merge (all new)" "${first% *}" "${first#* }"
printf '%-34s %9s %12s\n' "same merge again (all unchanged)" "${again% *}" "${again#* }"
