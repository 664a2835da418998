#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# merge.sh: a coordinator's merge of a whole project — 50 desk databases of
# 20 000 visits each (bench/gen, one site per desk, persons met on several
# desks, workshops and times) merged into one empty database by one
# "carnet merge"; then the same merge again (nothing new). Beside each, in
# the same run, its bound: the same result computed by SQL alone with the
# sqlite3 shell on the same files (bench/merge_first.sql: several sources
# per transaction, the same page cache, the secondary indexes built once at
# the end; bench/merge_again.sql: one LEFT JOIN per source and kind of
# record comparing versions). The two results are compared (identique /
# DIFFÉRENT). Prints medians of BENCH_RUNS runs (default 3), the ratio and
# the peak memory; asserts nothing.
#
#   bench/merge.sh BUILD_DIR DATA_DIR
set -eu
BUILD=$1
DATA=$2/merge
DESKS=${BENCH_DESKS:-50}
VISITS=${BENCH_DESK_VISITS:-20000}
RUNS=${BENCH_RUNS:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
CARNET=$BUILD/carnet
[ -x "$CARNET" ] || CARNET=./carnet
export CARNET_DATADIR="$HERE/../share/carnet" CARNET_CONFIG="$HERE/demo.ini" TZ=Europe/Paris
mkdir -p "$DATA"

# Desks of this carnet's schema, with workshops and times (older data is
# made again).
rm -f "$DATA/empty.db" "$DATA/empty.db-wal" "$DATA/empty.db-shm"
"$BUILD/bench/gen" --db "$DATA/empty.db" --visits 0 >/dev/null
version=$(sqlite3 "$DATA/empty.db" 'PRAGMA user_version')
i=1
while [ "$i" -le "$DESKS" ]; do
	db="$DATA/desk-$i.db"
	if [ -s "$db" ] && { [ "$(sqlite3 "$db" 'PRAGMA user_version')" != "$version" ] ||
		[ "$(sqlite3 "$db" 'SELECT count(*) > 0 FROM worktime')" != 1 ]; }; then
		rm -f "$db" "$db-wal" "$db-shm"
	fi
	if [ ! -s "$db" ]; then
		echo "Generating desk $i of $DESKS ($VISITS visits, workshops and times)…"
		"$BUILD/bench/gen" --db "$db" --visits "$VISITS" --days 1095 --sites 1 \
			--first-site "$i" --mediators 2 --persons 2000 --seed "$i" \
			--workshops-per-week 3 --times-per-week 10 --lists "$HERE/../share/carnet/carnet.ini"
	fi
	i=$((i + 1))
done
set -- "$DATA"/desk-*.db

fresh() {
	rm -f "$1" "$1-wal" "$1-shm"
	cp "$DATA/empty.db" "$1"
}

# bound_script FILE.sql: the sqlite3 script that runs FILE.sql for every
# desk, nine attached at a time (SQLite attaches ten at most), one
# transaction each; with "first", the indexes dropped and built at the end.
bound_script() {
	sql=$1 first=$2
	shift 2
	echo "PRAGMA synchronous = FULL; PRAGMA cache_size = -32768;"
	if [ "$first" = first ]; then
		sqlite3 "$DATA/empty.db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master
			WHERE type = 'index' AND tbl_name = 'visit' AND sql NOT LIKE 'CREATE UNIQUE%'"
	fi
	n=0
	for db; do
		n=$((n + 1))
		[ "$n" = 1 ] && echo "BEGIN;"
		echo "ATTACH '$db' AS s$n;"
		sed "s/src\./s$n./g" "$sql"
		if [ "$n" = 9 ]; then
			echo "COMMIT;"
			k=1
			while [ "$k" -le 9 ]; do echo "DETACH s$k;"; k=$((k + 1)); done
			n=0
		fi
	done
	if [ "$n" != 0 ]; then
		echo "COMMIT;"
		k=1
		while [ "$k" -le "$n" ]; do echo "DETACH s$k;"; k=$((k + 1)); done
	fi
	if [ "$first" = first ]; then
		sqlite3 "$DATA/empty.db" "SELECT sql || ';' FROM sqlite_master
			WHERE type = 'index' AND tbl_name = 'visit' AND sql NOT LIKE 'CREATE UNIQUE%'"
	fi
}
bound_script "$HERE/merge_first.sql" first "$@" >"$DATA/bound-first.sql"
bound_script "$HERE/merge_again.sql" again "$@" >"$DATA/bound-again.sql"

# content DB: every record as the exchange compares them (persons by code).
content() {
	sqlite3 "$1" "SELECT v.id, v.date, v.time, v.duration, v.site, v.mediator, v.canal,
		v.posture, v.present, v.outcome, v.urgent, v.referred_by, v.referred_to,
		v.referred_place, p.code, v.note, v.created_at, v.updated_at, v.deleted_at, v.demands,
		v.organisms, v.referral_how, v.referral_place, v.referral_went, v.referral_answered
		FROM visit v LEFT JOIN person p ON p.id = v.person_id ORDER BY v.id;
		SELECT id, code, age, gender, area, situation, equipment, created_at, updated_at,
		deleted_at FROM person ORDER BY code;
		SELECT * FROM workshop ORDER BY id;
		SELECT wp.workshop_id, wp.rank, p.code, wp.present FROM workshop_participant wp
		JOIN person p ON p.id = wp.person_id ORDER BY 1, 2;
		SELECT * FROM worktime ORDER BY id;
		SELECT type, name, sql FROM sqlite_master ORDER BY name;" | md5sum
}

median() {
	printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# timed VAR_T VAR_M CMD…: appends the wall time to $VAR_T, keeps the peak.
timed() {
	out=$("$BUILD/bench/timed" "$@" 2>&1 >/dev/null | tail -n 1)
	T="$T ${out% *}"
	[ "${out#* }" -gt "$M" ] && M=${out#* }
	return 0
}

cf= cfm=0 bf= bfm=0 ca= cam=0 ba= bam=0
r=0
while [ "$r" -lt "$RUNS" ]; do
	fresh "$DATA/project.db"
	T=$cf M=$cfm; timed "$CARNET" --db "$DATA/project.db" merge "$@"; cf=$T cfm=$M
	fresh "$DATA/bound.db"
	T=$bf M=$bfm; timed sh -c 'sqlite3 "$1" <"$2"' x "$DATA/bound.db" "$DATA/bound-first.sql"
	bf=$T bfm=$M
	[ "$r" = 0 ] && same_first=$([ "$(content "$DATA/project.db")" = \
		"$(content "$DATA/bound.db")" ] && echo identique || echo DIFFÉRENT)
	T=$ca M=$cam; timed "$CARNET" --db "$DATA/project.db" merge "$@"; ca=$T cam=$M
	T=$ba M=$bam; timed sh -c 'sqlite3 "$1" <"$2"' x "$DATA/bound.db" "$DATA/bound-again.sql"
	ba=$T bam=$M
	r=$((r + 1))
done
total=$(sqlite3 "$DATA/project.db" 'SELECT count(*) FROM visit')
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "carnet merge of $DESKS desks x $VISITS visits into one database ($total visits after;"
echo "median of $RUNS runs; bound: SQL alone in the sqlite3 shell on the same files)"
printf '%-34s %9s %9s %7s %11s %11s\n' "case" "carnet s" "bound s" "ratio" "carnet KiB" \
	"bound KiB"
a=$(median "$cf") b=$(median "$bf")
printf '%-34s %9s %9s %7s %11s %11s\n' "first merge (all new)" "$a" "$b" "$(ratio "$a" "$b")" \
	"$cfm" "$bfm"
a=$(median "$ca") b=$(median "$ba")
printf '%-34s %9s %9s %7s %11s %11s\n' "same merge again (all unchanged)" "$a" "$b" \
	"$(ratio "$a" "$b")" "$cam" "$bam"
echo "result of the first merge, carnet against the bound: $same_first"
