# SPDX-License-Identifier: GPL-3.0-or-later
# The layer guard: the real tree keeps its shape, and on a copy of the tree
# each kind of offence is caught and named by file and line.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/carnet-layers.XXXXXX")
trap 'rm -rf "$T"' EXIT

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; shift; for l in "$@"; do printf '#   %s\n' "$l"; done; }

if out=$(sh "$here/layers.sh" "$top" 2>&1); then
	ok "the tree keeps its layers"
else
	nok "the tree keeps its layers" "$out"
fi

# plant DESCRIPTION FILE LINE_TEXT EXPECTED: appends LINE_TEXT to FILE in a
# fresh copy of the tree; the guard must fail and print EXPECTED (FILE:LINE).
plant() {
	desc=$1 file=$2 text=$3
	rm -rf "$T/tree" && mkdir -p "$T/tree" && cp -R "$top/src" "$top/include" "$T/tree/"
	mkdir -p "$(dirname "$T/tree/$file")"
	touch "$T/tree/$file"
	printf '%s\n' "$text" >>"$T/tree/$file"
	want="$file:$(wc -l <"$T/tree/$file" | tr -d ' '):"
	out=$(sh "$here/layers.sh" "$T/tree" 2>&1)
	rc=$?
	if [ $rc -eq 1 ] && printf '%s\n' "$out" | grep -qF "$want"; then
		ok "$desc"
	else
		nok "$desc" "status $rc, want 1 and a line starting « $want »" "$out"
	fi
}

plant "the model including curses" src/model/text.c '#include <curses.h>'
plant "the model including ncursesw" include/carnet/model/visit.h '#include <ncursesw/curses.h>'
plant "the store including the command line" src/store/draft.c '#include "carnet/cli/cli.h"'
plant "the report including the screen" src/report/report_html.c '#include "carnet/screen/ui.h"'
plant "the exchange including the report (a side layer)" src/exchange/sync.c \
	'#include "carnet/report/report.h"'
plant "the model including the store (a higher layer)" include/carnet/model/config.h \
	'#include "carnet/store/store.h"'
plant "the model including SQLite" src/model/codes.c '#include <sqlite3.h>'
plant "the app including the command line" src/app/app.c '#include "carnet/cli/cli.h"'
plant "the screen including the command line" src/screen/view_form.c \
	'#include "carnet/cli/visit_print.h"'
plant "the screen including the exchange" src/screen/view_today.c \
	'#include "carnet/exchange/sync.h"'
plant "the command line including a view (a screen internal)" src/cli/cmd_list.c \
	'#include "carnet/screen/view_today.h"'
plant "a flat header path" src/cli/cmd_list.c '#include "carnet/text.h"'
plant "ui opening a view (ui is the floor below the views)" src/screen/ui.c \
	'#include "carnet/screen/view_today.h"'
plant "a call to SQLite in the screen" src/screen/view_today.c \
	'static void f(sqlite3 *db) { sqlite3_exec(db, "", 0, 0, 0); }'
plant "an SQL statement in a screen string" src/screen/view_form.c \
	'static const char q[] = "SELECT id FROM visit";'
plant "an SQL keyword after text in a screen string" src/screen/person_panel.c \
	'static const char q[] = "x, y FROM visit WHERE id = ?";'
plant "a source outside the layers" src/misc.c 'int misc;'
plant "a folder that is not a layer" src/utils/grab.c 'int grab;'

# The command line may enter the screen by its front door.
rm -rf "$T/tree" && mkdir -p "$T/tree" && cp -R "$top/src" "$top/include" "$T/tree/"
printf '#include "carnet/screen/screen.h"\n#include "carnet/screen/keymap.h"\n' \
	>>"$T/tree/src/cli/cmd_lists.c"
if out=$(sh "$here/layers.sh" "$T/tree" 2>&1); then
	ok "the command line may include screen.h and keymap.h"
else
	nok "the command line may include screen.h and keymap.h" "$out"
fi
