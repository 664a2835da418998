# SPDX-License-Identifier: GPL-3.0-or-later
# Trust: what is saved stays saved. A desk killed (SIGKILL) at random moments
# while it adds visits loses none it said were saved; two desks writing to one
# file at once lose nothing and never show "database is locked"; a database
# that cannot be written is refused clearly and left as it was.
# Bounded: 25 to 45 s here; CARNET_SANITIZED lowers the number of visits (not
# of kills). DURABILITY_KILLS and DURABILITY_VISITS override the counts.
. "$TESTS_DIR/cli/lib.sh"

CONF="$T/desk.ini"
printf '[site]\nnord = Site nord\nsud = Site sud\n[mediateur]\nab = A. B.\n[desk]\nsite = nord\nmediator = ab\n' >"$CONF"
chmod 644 "$CONF"
export CARNET_CONFIG="$CONF"
UUID_RE='^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
# The process name ps shows for carnet (at most 15 characters).
CNAME=$(basename "$CARNET" | cut -c 1-15)
if [ -n "${CARNET_SANITIZED:-}" ]; then
	KILLS=${DURABILITY_KILLS:-200} WINDOW=150 N=${DURABILITY_VISITS:-400}
else
	KILLS=${DURABILITY_KILLS:-200} WINDOW=60 N=${DURABILITY_VISITS:-1500}
fi

# rand_ms MAX: a random whole number of milliseconds, 0 <= n < MAX.
rand_ms() {
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	echo $((r * $1 / 65536))
}
msleep() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }
# alive SID: a process of session SID still runs. Zombies do not count: killed
# orphans are reaped by init, which may take its time (seconds on some VMs),
# and a zombie holds no lock and writes nothing.
alive() { ps -o stat= -s "$1" 2>/dev/null | grep -qv '^Z'; }
# carnet_running SID: carnet itself runs in session SID.
carnet_running() {
	ps -o stat=,comm= -s "$1" 2>/dev/null | awk -v c="$CNAME" '$1 !~ /^Z/ && $2 == c { f = 1 } END { exit !f }'
}
# missing_ids DB FILE: the ids listed in FILE (one a line) that are not in DB.
missing_ids() {
	{
		echo "CREATE TEMP TABLE want(id TEXT PRIMARY KEY);"
		echo "BEGIN;"
		sed "s/.*/INSERT OR IGNORE INTO temp.want VALUES ('&');/" "$2"
		echo "COMMIT;"
		echo "SELECT id FROM temp.want WHERE id NOT IN (SELECT id FROM main.visit);"
	} | sqlite3 -batch "$1"
}
now() { date +%s; }

# ===== 1. SIGKILL at random moments, many times, on the same database =======
K="$T/kill"
mkdir -p "$K"
KDB="$K/carnet.db"
cat >"$K/loop.sh" <<'EOF'
# Adds visits one after the other; carnet prints each id once it is committed.
while :; do
	"$CARNET" --db "$KDB" add --duration 20 --demand info --posture pour >>"$K/ids" 2>>"$K/err"
done
EOF
export K KDB
run --db "$KDB" add --duration 20 --demand info --posture pour
check "crash: a first visit" rc_is 0
OUT >"$K/ids"
# The kills fall within WINDOW ms of the start, at least 3 times what an add
# takes on this machine now (a loaded disk makes fsync slow).
t0=$(date +%s%N)
for i in 1 2 3 4 5; do
	"$CARNET" --db "$KDB" add --duration 20 --demand info --posture pour >>"$K/ids"
done
t1=$(date +%s%N)
case "$t0$t1" in
*[!0-9]*) per=0 ;; # no nanoseconds from this date
*) per=$(((t1 - t0) / 5000000)) ;;
esac
[ $((3 * per)) -gt "$WINDOW" ] && WINDOW=$((3 * per))
: >"$K/err"
start=$(now)
kills=0 hits=0 stuck=0 badkill=0
while [ "$kills" -lt "$KILLS" ]; do
	# Its own session and process group: one kill reaches the loop and carnet.
	setsid sh "$K/loop.sh" </dev/null &
	p=$!
	msleep "$(rand_ms "$WINDOW")"
	if carnet_running "$p"; then hits=$((hits + 1)); fi
	kill -KILL -"$p" 2>/dev/null || badkill=$((badkill + 1))
	wait "$p" 2>/dev/null
	w=0
	while alive "$p" && [ "$w" -lt 1000 ]; do
		sleep 0.01
		w=$((w + 1))
	done
	[ "$w" -lt 1000 ] || stuck=$((stuck + 1))
	kills=$((kills + 1))
done
ksecs=$(($(now) - start))
is "crash: every kill reached its process group" "$badkill" 0
is "crash: every killed process ended" "$stuck" 0
grep -E "$UUID_RE" "$K/ids" >"$K/saved"
saved=$(wc -l <"$K/saved")
partial=$(grep -cvE "$UUID_RE" "$K/ids")
indb=$(SQLDB="$KDB" nvisits)
echo "# crash: $kills kills in ${ksecs} s (an add takes $per ms, kill within $WINDOW ms), $hits of them while carnet ran; $saved ids printed as saved" \
	"($partial partial line(s) ignored), $indb visits in the base"
check "crash: the kills hit carnet while it ran (at least 1 in 10)" [ "$hits" -ge $((KILLS / 10)) ]
check "crash: visits were saved between the kills" [ "$saved" -ge $((KILLS / 10)) ]
is "crash: integrity_check" "$(SQLDB="$KDB" sql 'PRAGMA integrity_check')" ok
missing=$(missing_ids "$KDB" "$K/saved")
is "crash: every id printed as saved is in the base" "$(printf '%s' "$missing" | head -n 5 | tr '\n' ' ')" ""
is "crash: no id printed twice" "$(sort "$K/saved" | uniq -d | head -n 3 | tr '\n' ' ')" ""
# A kill may fall after the commit and before the id is printed: at most one
# visit per kill is in the base without its id.
between() { [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
check "crash: at most one unprinted visit per kill ($((indb - saved)) for $kills kills)" \
	between $((indb - saved)) 0 "$kills"
is "crash: no add failed except by being killed" "$(head -c 300 "$K/err")" ""
run --db "$KDB" list --from 2026-11-18 --to 2026-11-18
check "crash: carnet list still works" rc_is 0
check "crash: carnet list shows every visit" out_has "$indb passages"
run --db "$KDB" add --duration 20 --demand info --posture pour
check "crash: carnet add still works" rc_is 0
is "crash: the new visit is there" "$(SQLDB="$KDB" nvisits)" $((indb + 1))

# ===== 2. Two desks writing to the same file at once ========================
C="$T/conc"
mkdir -p "$C"
# 2a. Both desks start on a database that does not exist yet.
ROUNDS=10
: >"$C/fresh.err"
fresh_bad=0
r=0
while [ "$r" -lt "$ROUNDS" ]; do
	r=$((r + 1))
	f="$C/fresh$r.db"
	"$CARNET" --db "$f" add --duration 20 --demand info --posture pour --site nord >/dev/null 2>"$C/fa" &
	a=$!
	"$CARNET" --db "$f" add --duration 20 --demand info --posture pour --site sud >/dev/null 2>"$C/fb" &
	b=$!
	wait "$a"; ra=$?
	wait "$b"; rb=$?
	n=$(SQLDB="$f" nvisits)
	if [ "$ra" -ne 0 ] || [ "$rb" -ne 0 ] || [ "$n" != 2 ]; then
		fresh_bad=$((fresh_bad + 1))
		{ echo "round $r: status $ra and $rb, $n visits"; cat "$C/fa" "$C/fb"; } >>"$C/fresh.err"
	fi
done
is "two desks creating the same new base at once: both visits saved, no error ($fresh_bad of $ROUNDS rounds failed)" \
	"$(head -n 4 "$C/fresh.err" | tr '\n' ' ')" ""

# 2b. Thousands of separate "carnet add", two desks, plus a desk reading.
CDB="$C/carnet.db"
run --db "$CDB" add --duration 20 --demand info --posture pour --note "init"
check "concurrency: the shared base exists" rc_is 0
# desk SITE MARKER: N visits, one "carnet add" each; failures in $C/fail.MARKER.
desk() {
	i=0
	: >"$C/fail.$2"
	: >"$C/err.$2"
	while [ "$i" -lt "$N" ]; do
		i=$((i + 1))
		"$CARNET" --db "$CDB" add --duration 20 --demand info --posture pour --site "$1" \
			--note "$2-$i" >/dev/null 2>>"$C/err.$2" || echo "$2-$i: status $?" >>"$C/fail.$2"
	done
}
# reader: "carnet list" and "carnet report" until $C/stop exists.
reader() {
	i=0
	: >"$C/fail.r"
	: >"$C/err.r"
	while [ ! -e "$C/stop" ]; do
		i=$((i + 1))
		"$CARNET" --db "$CDB" list --from 2026-11-01 --to 2026-11-30 >/dev/null 2>>"$C/err.r" ||
			echo "list $i: status $?" >>"$C/fail.r"
		"$CARNET" --db "$CDB" report --month 2026-11 >/dev/null 2>>"$C/err.r" ||
			echo "report $i: status $?" >>"$C/fail.r"
	done
	echo "$i" >"$C/reads"
}
start=$(now)
desk nord A &
da=$!
desk sud B &
db=$!
reader &
dr=$!
wait "$da"
wait "$db"
: >"$C/stop"
wait "$dr"
csecs=$(($(now) - start))
echo "# concurrency: 2 x $N visits added by separate commands in ${csecs} s, while $(cat "$C/reads") list + report ran"
for m in A B; do
	is "concurrency: every add of desk $m succeeded" "$(head -n 3 "$C/fail.$m" | tr '\n' ' ')" ""
	is "concurrency: desk $m got nothing on stderr" "$(head -c 300 "$C/err.$m")" ""
	is "concurrency: the $N visits of desk $m are in the base, once each" \
		"$(SQLDB="$CDB" sql "SELECT count(*) || ' ' || count(DISTINCT note) FROM visit WHERE note LIKE '$m-%'")" "$N $N"
done
is "concurrency: the sites are those of each desk" \
	"$(SQLDB="$CDB" sql "SELECT count(*) FROM visit WHERE (note LIKE 'A-%' AND site <> 'nord') OR (note LIKE 'B-%' AND site <> 'sud')")" 0
is "concurrency: the reading desk never failed" "$(head -n 3 "$C/fail.r" | tr '\n' ' ')" ""
is "concurrency: the reading desk got nothing on stderr" "$(head -c 300 "$C/err.r")" ""
is "concurrency: no 'locked' message reached anyone" \
	"$(cat "$C"/err.* | grep -iE 'locked|verrouill|occup' | head -n 2 | tr '\n' ' ')" ""
check "concurrency: the reading desk did read" [ "$(cat "$C/reads")" -ge 1 ]
is "concurrency: integrity_check" "$(SQLDB="$CDB" sql 'PRAGMA integrity_check')" ok
is "concurrency: total" "$(SQLDB="$CDB" nvisits)" $((2 * N + 1))

# ===== 3. A database that cannot be written =================================
R="$T/ro"
mkdir -p "$R"
# as_user CMD…: runs CMD as the user the read-only files are meant for. Root
# ignores file permissions: then carnet runs as "nobody" on files nobody owns.
RO_SKIP=
if [ "$(id -u)" -ne 0 ]; then
	as_user() { "$@"; }
else
	nuid=$(id -u nobody 2>/dev/null) ngid=$(id -g nobody 2>/dev/null)
	if [ -z "$nuid" ]; then
		RO_SKIP="running as root and there is no user nobody"
	elif command -v setpriv >/dev/null 2>&1; then
		as_user() { setpriv --reuid="$nuid" --regid="$ngid" --clear-groups "$@"; }
	elif command -v runuser >/dev/null 2>&1; then
		as_user() { runuser -u nobody -- "$@"; }
	else
		RO_SKIP="running as root without setpriv or runuser"
	fi
	if [ -z "$RO_SKIP" ]; then
		# nobody must reach $T, the lists, the configuration and the binary.
		chmod 711 "$T"
		mkdir -p "$R/share" "$R/bin"
		cp -R "$CARNET_DATADIR/." "$R/share/"
		chmod -R a+rX "$R" "$T/etc" 2>/dev/null
		RO_CARNET=$CARNET
		if ! as_user "$RO_CARNET" --version >/dev/null 2>&1; then
			cp "$CARNET" "$R/bin/" && chmod 755 "$R/bin/$(basename "$CARNET")"
			RO_CARNET="$R/bin/$(basename "$CARNET")"
		fi
		as_user "$RO_CARNET" --version >/dev/null 2>&1 || RO_SKIP="nobody cannot run $CARNET"
	fi
fi
RO_CARNET=${RO_CARNET:-$CARNET}
RO_DATADIR=$CARNET_DATADIR
[ "$(id -u)" -eq 0 ] && RO_DATADIR="$R/share"
# Directories left read-only must be removable at the end.
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT

# ro_case LABEL DIRMODE: a base of 3 visits, file mode 0400, in a directory of
# mode DIRMODE; add must be refused clearly with nothing changed, list must read.
ro_case() {
	dir="$R/$1"
	rdb="$dir/carnet.db"
	mkdir -p "$dir"
	for i in 1 2 3; do
		"$CARNET" --db "$rdb" add --duration 20 --demand info --posture pour --note "ro-$i" >/dev/null
	done
	before=$(sha256sum <"$rdb")
	[ "$(id -u)" -eq 0 ] && chown -R "$nuid:$ngid" "$dir"
	chmod 400 "$rdb"
	chmod "$2" "$dir"
	as_user env CARNET_DATADIR="$RO_DATADIR" "$RO_CARNET" --db "$rdb" add --duration 20 --demand info --posture pour --note "ro-new" \
		>"$T/out" 2>"$T/err"
	RC=$?
	msg=$(head -n 1 "$T/err")
	echo "# read-only ($1): carnet add says: $msg"
	check "read-only ($1): add exits with status 5" rc_is 5
	check "read-only ($1): add prints no id" out_empty
	is "read-only ($1): the message is one line starting with 'carnet: '" \
		"$(wc -l <"$T/err") $(printf '%s' "$msg" | cut -c 1-8)" "1 carnet: "
	check "read-only ($1): the message names the file" err_has "$rdb"
	check "read-only ($1): the message says the base cannot be written (écriture / lecture seule)" \
		grep -qiE "écriture|lecture seule" "$T/err"
	check "read-only ($1): the message does not call the base damaged" sh -c "! grep -qi 'endommag' '$T/err'"
	is "read-only ($1): the file is unchanged" "$(sha256sum <"$rdb")" "$before"
	as_user env CARNET_DATADIR="$RO_DATADIR" "$RO_CARNET" --db "$rdb" list --from 2026-11-18 --to 2026-11-18 >"$T/out" 2>"$T/err"
	RC=$?
	check "read-only ($1): list still reads the base" rc_is 0
	check "read-only ($1): list shows the 3 visits" out_has "3 passages"
	[ -s "$T/err" ] && echo "# read-only ($1): carnet list says: $(head -n 1 "$T/err")"
	chmod 700 "$dir"
	is "read-only ($1): the 3 visits, and only them" \
		"$(SQLDB="$rdb" sql "SELECT group_concat(note, ' ') FROM (SELECT note FROM visit ORDER BY note)")" "ro-1 ro-2 ro-3"
}
if [ -n "$RO_SKIP" ]; then
	echo "# read-only checks skipped: $RO_SKIP"
else
	# The file alone read-only: SQLite can still make its -shm beside it.
	ro_case file 700
	# The file and its directory read-only (a read-only share, a locked folder).
	ro_case dir 500
fi
