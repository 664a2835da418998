#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every unit test binary, the checks of the source tree, the
# command-line and the screen test scripts, counts the
# "ok" / "not ok" lines they print, and ends with "N passed, N failed".
# Environment: CARNET (binary under test), UNIT_DIR (unit test binaries),
# TEST_LOCALES (the locales of the command-line and screen suites, by
# default C.UTF-8 and fr_FR.UTF-8 when installed).
: "${CARNET:?CARNET must name the carnet binary}"
: "${UNIT_DIR:?UNIT_DIR must name the directory of unit test binaries}"
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export CARNET TESTS_DIR="$here"

run_one() {
	name=$1; shift
	out=$("$@" 2>&1)
	rc=$?
	printf '%s\n' "$out" | sed -n 's/^\(not ok\|ok\) - /&/p' | sed "s|^|$name: |" >>"$log"
	printf '%s\n' "$out" | grep '^not ok' | sed "s|^|$name: |"
	printf '%s\n' "$out" | grep '^#' | sed "s|^|$name: |"
	if [ $rc -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^not ok'; then
		echo "$name: not ok - the script ended with status $rc" | tee -a "$log"
		printf '%s\n' "$out" | tail -n 15
	fi
}

for t in "$UNIT_DIR"/test_*; do
	[ -x "$t" ] || continue
	run_one "unit/$(basename "$t")" "$t"
done
for t in "$here"/tree/test_*.sh; do
	run_one "tree/$(basename "$t" .sh)" sh "$t"
done
# The command-line and screen suites under C.UTF-8, then under the users'
# locale when this machine has it (make check generates it when it can).
locales="C.UTF-8"
if locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\?8'; then
	locales="$locales fr_FR.UTF-8"
else
	echo "# fr_FR.UTF-8 is not installed: the suites run under C.UTF-8 only"
fi
for loc in ${TEST_LOCALES:-$locales}; do
	prefix=""
	[ "$loc" = C.UTF-8 ] || prefix="$loc:"
	export TEST_LOCALE="$loc"
	for t in "$here"/cli/test_*.sh "$here"/screen/test_*.sh; do
		dir=$(basename "$(dirname "$t")")
		run_one "$prefix$dir/$(basename "$t" .sh)" sh "$t"
	done
done

passed=$(grep -c ': ok - ' "$log")
failed=$(grep -c ': not ok - ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
