# SPDX-License-Identifier: GPL-3.0-or-later
# make install as a packager runs it: the compiled-in data directory follows
# PREFIX (and DATADIR), also when the same build tree was built before for
# another PREFIX; the installed binary finds its lists there from anywhere;
# DESTDIR stages without changing what is compiled in; the source tree's
# ./carnet is left alone.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/carnet-install.XXXXXX")
trap 'rm -rf "$T"' EXIT

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; shift; for l in "$@"; do printf '#   %s\n' "$l"; done; }
check() {
	name=$1; shift
	if "$@" >/dev/null 2>&1; then ok "$name"; else nok "$name" "failed: $*"; fi
}

before=$(cksum <"$top/carnet" 2>/dev/null)
inst() { make -s -C "$top" BUILD="$T/build" "$@" install >"$T/make.out" 2>&1; }

inst PREFIX="$T/one"
check "make install PREFIX=…/one: installed" test -x "$T/one/bin/carnet"
check "…/one: the lists and manual pages installed" \
	test -f "$T/one/share/carnet/carnet.ini" -a -f "$T/one/share/man/man1/carnet.1" \
	-a -f "$T/one/share/man/man5/carnet.ini.5"
check "…/one: the binary looks in …/one/share/carnet" grep -aqF "$T/one/share/carnet" "$T/one/bin/carnet"

# The same build tree, another PREFIX: what is compiled in must change.
inst PREFIX="$T/two"
check "then PREFIX=…/two: the binary looks in …/two/share/carnet" \
	grep -aqF "$T/two/share/carnet" "$T/two/bin/carnet"
check "…/two: and no longer in …/one" sh -c '! grep -aqF "$1/one/share" "$2"' x "$T" "$T/two/bin/carnet"

# Moved away from its tree, the binary finds the lists by the compiled-in path.
mkdir -p "$T/elsewhere"
cp "$T/two/bin/carnet" "$T/elsewhere/carnet"
check "a copy elsewhere finds the lists of PREFIX" env -u CARNET_DATADIR \
	HOME="$T" XDG_DATA_HOME="$T/data" CARNET_SYSCONFDIR="$T/etc" "$T/elsewhere/carnet" lists organisme

# A package build: staged in DESTDIR, compiled for DATADIR.
inst PREFIX=/usr DATADIR="$T/data-dir" DESTDIR="$T/stage"
check "DESTDIR stages the binary under DESTDIR/usr/bin" test -x "$T/stage/usr/bin/carnet"
check "DATADIR is what the binary looks in, without DESTDIR" \
	grep -aqF "$T/data-dir/carnet" "$T/stage/usr/bin/carnet"
check "the source tree's ./carnet is left alone" test "$(cksum <"$top/carnet" 2>/dev/null)" = "$before"
