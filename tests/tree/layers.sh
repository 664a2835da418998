#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# layers.sh [TOP]: the floors of the house. Each folder of src/ is a layer,
# and include/carnet/LAYER/ holds its headers; a file may include the headers
# of its own layer and of the layers below it, never those of a higher one:
#
#   model     libc, iniparser, libuuid
#   store     model, sqlite3
#   exchange  model, store
#   report    model, store
#   app       model, store
#   cli       everything but the screen's internals (only screen/screen.h
#             and screen/keymap.h)
#   screen    model, store, report, app; never SQL; ui is the floor below
#             the views and includes none of them
#
# curses is the screen's alone, and the screen never holds SQL (no sqlite3_
# call, no SQL keyword in a string). Prints "FILE:LINE: reason" for each
# offence and exits 1; prints nothing and exits 0 when the tree keeps its shape.
top=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$top" || exit 2

# allowed LAYER: the carnet/ header folders LAYER may include.
allowed() {
	case $1 in
	model) echo "model" ;;
	store) echo "model store" ;;
	exchange) echo "model store exchange" ;;
	report) echo "model store report" ;;
	app) echo "model store app" ;;
	cli) echo "model store exchange report app cli" ;;
	screen) echo "model store report app screen" ;;
	*) return 1 ;;
	esac
}

bad=0
say() { echo "$1"; bad=1; }

for f in src/*; do
	[ -d "$f" ] || say "$f:1: fichier hors des couches (src/COUCHE/)"
done

for f in $(find src include/carnet -name '*.[ch]' | sort); do
	case $f in
	src/*) layer=${f#src/} ;;
	include/carnet/*) layer=${f#include/carnet/} ;;
	esac
	layer=${layer%%/*}
	case $layer in *.[ch]) say "$f:1: fichier hors des couches" && continue ;; esac
	if ! ok=$(allowed "$layer"); then
		say "$f:1: couche inconnue « $layer » (voir tests/tree/layers.sh)"
		continue
	fi
	# Includes: carnet/ headers by layer, curses by the screen alone.
	grep -n '^[[:space:]]*#[[:space:]]*include' "$f" | while IFS= read -r line; do
		n=${line%%:*}
		inc=$(printf '%s\n' "$line" | sed -n 's/.*#[[:space:]]*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p')
		case $f:$inc in */screen/ui.[ch]:carnet/screen/view_*)
			echo "$f:$n: \"$inc\" : ui est l'étage sous les vues, il n'en ouvre aucune" ;;
		esac
		case $inc in
		curses.h | ncurses*.h | ncursesw/*)
			[ "$layer" = screen ] || echo "$f:$n: <$inc> : curses n'appartient qu'à l'écran (src/screen)" ;;
		sqlite3.h)
			case $layer in model | app | screen)
				echo "$f:$n: <$inc> : SQLite n'appartient qu'au stockage et aux couches qui s'en servent" ;;
			esac ;;
		carnet/*/*)
			sub=${inc#carnet/}
			sub=${sub%%/*}
			case " $ok " in
			*" $sub "*) ;;
			*)
				if [ "$layer" = cli ] &&
					{ [ "$inc" = carnet/screen/screen.h ] || [ "$inc" = carnet/screen/keymap.h ]; }; then
					:
				else
					echo "$f:$n: \"$inc\" : la couche $layer n'inclut que $ok"
				fi ;;
			esac ;;
		carnet/*)
			echo "$f:$n: \"$inc\" : un en-tête de carnet se nomme par sa couche (carnet/COUCHE/module.h)" ;;
		esac
	done
	# The screen calls the model; it never talks to the database itself.
	if [ "$layer" = screen ]; then
		grep -n 'sqlite3_' "$f" | sed "s|^\([0-9]*\):.*|$f:\1: appel SQLite dans l'écran|"
		grep -nE '"[^"]*\<(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|ATTACH|DETACH|BEGIN|COMMIT|ROLLBACK|VACUUM|WHERE)\>' "$f" |
			sed "s|^\([0-9]*\):.*|$f:\1: SQL dans l'écran|"
	fi
done >"${TMPDIR:-/tmp}/layers.$$"
if [ -s "${TMPDIR:-/tmp}/layers.$$" ]; then
	cat "${TMPDIR:-/tmp}/layers.$$"
	bad=1
fi
rm -f "${TMPDIR:-/tmp}/layers.$$"
exit $bad
