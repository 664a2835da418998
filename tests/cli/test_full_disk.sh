# SPDX-License-Identifier: GPL-3.0-or-later
# Trust: a full disk. The add that does not fit gives a clear message, is not
# half-applied, and nothing saved before is lost; once there is room again,
# everything works. Two ways: a file size limit (ulimit -f: writes past it fail
# with EFBIG, as on a full quota), and, when a tmpfs can be mounted (root, or a
# user namespace), a real file system of 2 MB filled up (ENOSPC).
. "$TESTS_DIR/cli/lib.sh"

CONF="$T/desk.ini"
printf '[site]\nnord = Site nord\n[mediateur]\nab = A. B.\n[desk]\nsite = nord\nmediator = ab\n' >"$CONF"
export CARNET_CONFIG="$CONF"
# 500 characters at most in a note: "full-NNN " and 480 more.
PAD=$(printf '%0480d' 0 | tr 0 x)
MAXTRIES=400
# What a mediator needs to read when there is no room left.
FULL_RE='plein|espace|place|taille|volumineux|trop gros|quota'

# bk DB: where the bookkeeping files of DB go (out of the full file system).
bk() { echo "$T/bk.$(basename "$1")"; }
# seed DB N: N visits with short notes; their ids in $(bk DB).ids.
seed() {
	: >"$(bk "$1").ids"
	i=0
	while [ "$i" -lt "$2" ]; do
		i=$((i + 1))
		"$CARNET" --db "$1" add --duration 20 --demand info --posture pour --note "seed-$i" >>"$(bk "$1").ids"
	done
}
# fill_up DB: adds visits with 500-character notes until one fails (at most
# MAXTRIES); $(bk DB).ok gets the ids of those saved, .fail "N STATUS" of the
# one that failed, $T/err its message. Runs under whatever limit the caller set.
fill_up() {
	b=$(bk "$1")
	: >"$b.ok"
	: >"$b.fail"
	i=0
	while [ "$i" -lt "$MAXTRIES" ]; do
		i=$((i + 1))
		"$CARNET" --db "$1" add --duration 20 --demand info --posture pour --note "full-$i $PAD" \
			>"$T/out" 2>"$T/err"
		rc=$?
		if [ "$rc" -ne 0 ]; then
			echo "$i $rc" >"$b.fail"
			return
		fi
		cat "$T/out" >>"$b.ok"
	done
}
# missing_ids DB FILE: the ids listed in FILE that are not in DB.
missing_ids() {
	{
		echo "CREATE TEMP TABLE want(id TEXT PRIMARY KEY);"
		sed "s/.*/INSERT OR IGNORE INTO temp.want VALUES ('&');/" "$2"
		echo "SELECT id FROM temp.want WHERE id NOT IN (SELECT id FROM main.visit);"
	} | sqlite3 -batch "$1"
}
# message_checks LABEL DB: the failed command's stderr ($T/err) is a clear
# French message about the missing room.
message_checks() {
	echo "# $1: carnet says: $(head -n 1 "$T/err")"
	is "$1: one line starting with 'carnet: '" \
		"$(wc -l <"$T/err") $(head -n 1 "$T/err" | cut -c 1-8)" "1 carnet: "
	check "$1: the message names the base" err_has "$2"
	check "$1: the message says there is no room left (plein, espace…)" grep -qiE "$FULL_RE" "$T/err"
	check "$1: the message does not call the base damaged" sh -c "! grep -qi 'endommag' '$T/err'"
	is "$1: no SQLite English in the message" \
		"$(sed "s|$2||g" "$T/err" | grep -oiE 'database|disk|full|error|locked' | head -n 1)" ""
}
# after_checks LABEL DB WANT: once there is room again, the base is whole: WANT
# visits, every saved id present, integrity ok, add and list work.
after_checks() {
	SQLDB=$2
	b=$(bk "$2")
	is "$1: integrity_check once there is room" "$(sql 'PRAGMA integrity_check')" ok
	cat "$b.ids" "$b.ok" >"$b.all"
	is "$1: every visit saved before is still there" "$(missing_ids "$2" "$b.all" | head -n 3 | tr '\n' ' ')" ""
	is "$1: exactly the saved visits, no more" "$(nvisits)" "$3"
	run --db "$2" list --from 2026-11-18 --to 2026-11-18
	check "$1: list works" rc_is 0
	check "$1: list shows them all" out_has "$3 passages"
	run --db "$2" add --duration 20 --demand info --posture pour --note "after"
	check "$1: a new add works" rc_is 0
	is "$1: the new visit is saved" "$(nvisits)" $(($3 + 1))
	unset SQLDB
}
# full_scenario LABEL DB: DB has its seed; the caller has limited the room.
# Fills it up, then checks the failure, a second failure and a failed edit.
full_scenario() {
	label=$1 fdb=$2 b=$(bk "$2")
	nseed=$(wc -l <"$b.ids")
	fill_up "$fdb"
	nok_=$(wc -l <"$b.ok")
	read -r at status <"$b.fail" || at=
	echo "# $label: $nok_ visits of 500 characters fitted, add number ${at:-none} failed"
	if [ -z "$at" ]; then
		nok "$label: an add fails once the room is used up" "$MAXTRIES adds all succeeded"
		return 1
	fi
	ok "$label: an add fails once the room is used up"
	RC=$status
	check "$label: the failed add exits with status 5" rc_is 5
	check "$label: the failed add prints no id" out_empty
	message_checks "$label" "$fdb"
	SQLDB=$fdb
	is "$label: the failed visit is not in the base" "$(sql "SELECT count(*) FROM visit WHERE note LIKE 'full-$at %'")" 0
	is "$label: the base holds exactly the saved visits" "$(nvisits)" $((nseed + nok_))
	unset SQLDB
}
# again_under_limit DB: a second add and an edit, still without room: neither
# is half-applied. Run under the same limit as full_scenario.
again_under_limit() {
	fdb=$1 b=$(bk "$1")
	"$CARNET" --db "$fdb" add --duration 20 --demand info --posture pour --note "again $PAD" \
		>"$b.again.out" 2>"$b.again.err"
	echo "$?" >"$b.again"
	first=$(head -n 1 "$b.ids")
	"$CARNET" --db "$fdb" edit "$first" --note "edited $PAD" >"$b.edit.out" 2>"$b.edit.err"
	echo "$?" >"$b.edit"
}
again_checks() {
	label=$1 fdb=$2 want=$3 b=$(bk "$2")
	SQLDB=$fdb
	a=$(cat "$b.again")
	if [ "$a" -eq 0 ]; then
		# Possible only if the failure freed room; then it must be whole.
		is "$label: a second add, if it fits, is saved whole" "$(sql "SELECT count(*) FROM visit WHERE note LIKE 'again %'")" 1
		cat "$b.again.out" >>"$b.ok"
		want=$((want + 1))
	else
		is "$label: a second add fails the same way" "$a" 5
		is "$label: the second add left nothing" "$(sql "SELECT count(*) FROM visit WHERE note LIKE 'again %'")" 0
	fi
	e=$(cat "$b.edit")
	first=$(head -n 1 "$b.ids")
	note=$(sql "SELECT substr(note, 1, 7) FROM visit WHERE id = '$first'")
	if [ "$e" -eq 0 ]; then
		is "$label: an edit that succeeded is whole" "$note" "edited "
	else
		is "$label: a failed edit exits with status 5" "$e" 5
		is "$label: a failed edit leaves the visit as it was" "$note" "seed-1"
	fi
	is "$label: still exactly the saved visits" "$(nvisits)" "$want"
	unset SQLDB
	echo "$want" >"$b.want"
}

# tmpfs_part DIR: DIR is a fresh 2 MB tmpfs.
tmpfs_part() {
	M=$1
	# A new tmpfs is writable by everyone (1777), which carnet rightly warns
	# about: this desk's folder is its own.
	chmod 700 "$M"
	# A: some room left (96 KB), then used up by visits: ENOSPC at a commit.
	fdb="$M/a.db"
	seed "$fdb" 20
	dd if=/dev/zero of="$M/fill" bs=4k 2>/dev/null
	truncate -s "$(($(stat -c %s "$M/fill") - 98304))" "$M/fill"
	full_scenario "tmpfs" "$fdb" &&
		{
			again_under_limit "$fdb"
			again_checks "tmpfs" "$fdb" $((20 + $(wc -l <"$(bk "$fdb").ok")))
			rm -f "$M/fill"
			after_checks "tmpfs" "$fdb" "$(cat "$(bk "$fdb").want")"
		}
	rm -f "$M"/a.db* "$M/fill"
	# B: the disk completely full before carnet starts (the usual case).
	fdb="$M/b.db"
	seed "$fdb" 20
	: >"$(bk "$fdb").ok"
	dd if=/dev/zero of="$M/fill" bs=4k 2>/dev/null
	sum=$(sha256sum <"$fdb")
	run --db "$fdb" add --duration 20 --demand info --posture pour --note "full-1"
	check "full tmpfs: add exits with status 5" rc_is 5
	check "full tmpfs: add prints no id" out_empty
	message_checks "full tmpfs" "$fdb"
	is "full tmpfs: the base file is unchanged" "$(sha256sum <"$fdb")" "$sum"
	run --db "$fdb" list --from 2026-11-18 --to 2026-11-18
	echo "# full tmpfs: list on the full disk: status $RC $(head -n 1 "$T/err")"
	rm -f "$M/fill"
	after_checks "full tmpfs" "$fdb" 20
}

if [ -n "${CARNET_TMPFS_INNER:-}" ]; then
	# Run again by the part below, inside a mount namespace of its own.
	mkdir -p "$T/fs"
	if ! mount -t tmpfs -o size=2m tmpfs "$T/fs" 2>"$T/mount.err"; then
		echo "# tmpfs not available: $(cat "$T/mount.err")"
		exit 0
	fi
	trap 'umount "$T/fs" 2>/dev/null; rm -rf "$T"' EXIT
	tmpfs_part "$T/fs"
	exit 0
fi

# ===== 1. A file size limit (ulimit -f, in 512-byte blocks in sh) ==========
FDB="$T/limit.db"
seed "$FDB" 20
size=$(stat -c %s "$FDB")
# Room for about 100 more visits in the base, then for its -wal.
blocks=$(((size + 65536) / 512))
(
	# Past the limit the kernel sends SIGXFSZ, which would kill carnet.
	trap '' XFSZ
	ulimit -f "$blocks" || exit 1
	[ "$(ulimit -f)" = "$blocks" ] || exit 1
	fill_up "$FDB"
	cp "$T/out" "$T/limit.out"
	cp "$T/err" "$T/limit.err"
	again_under_limit "$FDB"
)
if [ $? -ne 0 ]; then
	nok "ulimit -f: the file size limit could be set"
else
	cp "$T/limit.out" "$T/out"
	cp "$T/limit.err" "$T/err"
	# fill_up ran in the subshell; read its results.
	FB=$(bk "$FDB")
	nok_=$(wc -l <"$FB.ok")
	read -r at status <"$FB.fail" || at=
	echo "# ulimit -f $blocks ($((blocks * 512)) bytes): $nok_ visits of 500 characters fitted, add number ${at:-none} failed"
	if [ -z "$at" ]; then
		nok "ulimit -f: an add fails once the room is used up" "$nok_ adds all succeeded"
	else
		ok "ulimit -f: an add fails once the room is used up"
		RC=$status
		check "ulimit -f: the failed add exits with status 5" rc_is 5
		check "ulimit -f: the failed add prints no id" out_empty
		message_checks "ulimit -f" "$FDB"
		SQLDB=$FDB
		is "ulimit -f: the failed visit is not in the base" "$(sql "SELECT count(*) FROM visit WHERE note LIKE 'full-$at %'")" 0
		# The second add (again_under_limit) has run too: when the failure
		# freed room it was saved, and again_checks checks it is whole.
		again_saved=0
		[ "$(cat "$FB.again")" -eq 0 ] && again_saved=1
		is "ulimit -f: the base holds exactly the saved visits" "$(nvisits)" \
			$((20 + nok_ + again_saved))
		unset SQLDB
		again_checks "ulimit -f" "$FDB" $((20 + nok_))
		after_checks "ulimit -f" "$FDB" "$(cat "$FB.want")"
	fi
fi

# ===== 2. A real file system filled up (tmpfs) ==============================
# In a mount namespace of its own (nothing left mounted, whatever happens):
# as root, or as a user through a user namespace; else mounted here as root.
ME="$TESTS_DIR/cli/test_full_disk.sh"
if unshare -m true 2>/dev/null; then
	CARNET_TMPFS_INNER=1 unshare -m sh "$ME"
elif unshare -rm true 2>/dev/null; then
	CARNET_TMPFS_INNER=1 unshare -rm sh "$ME"
elif [ "$(id -u)" -eq 0 ] && mkdir -p "$T/fs" && mount -t tmpfs -o size=2m tmpfs "$T/fs" 2>"$T/mount.err"; then
	trap 'umount "$T/fs" 2>/dev/null; rm -rf "$T"' EXIT
	tmpfs_part "$T/fs"
	umount "$T/fs"
else
	if [ "$(id -u)" -eq 0 ]; then why="mount -t tmpfs failed: $(cat "$T/mount.err" 2>/dev/null)"
	else why="not root, and no user namespace (unshare -rm)"; fi
	echo "# tmpfs not available: $why; only the file size limit was tried"
fi
