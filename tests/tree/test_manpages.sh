# SPDX-License-Identifier: GPL-3.0-or-later
# The manual pages as Debian orders and shows them: NOM, SYNOPSIS and
# DESCRIPTION first; CODES DE RETOUR, ENVIRONNEMENT and FICHIERS together
# in that order; the licence; VOIR AUSSI last; no rendered line wider than
# 80 columns (MANWIDTH=80), examples included; no mandoc warning.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; shift; for l in "$@"; do printf '#   %s\n' "$l"; done; }

if ! command -v mandoc >/dev/null 2>&1; then
	echo "not ok - mandoc is needed for the manual page checks (make check installs it)"
	exit 1
fi

for page in carnet.1 carnet.ini.5; do
	src="$top/man/$page"
	sections=$(sed -n 's/^\.SH //p' "$src" | tr '\n' '|')
	case $sections in
	"NOM|SYNOPSIS|DESCRIPTION|"*) ok "$page: NOM, SYNOPSIS, DESCRIPTION first" ;;
	*) nok "$page: NOM, SYNOPSIS, DESCRIPTION first" "$sections" ;;
	esac
	case $sections in
	*"|LICENCE|VOIR AUSSI|") ok "$page: LICENCE, then VOIR AUSSI last" ;;
	*) nok "$page: LICENCE, then VOIR AUSSI last" "$sections" ;;
	esac
	if [ "$page" = carnet.1 ]; then
		case $sections in
		*"|CODES DE RETOUR|ENVIRONNEMENT|FICHIERS|"*) ok "$page: CODES DE RETOUR, ENVIRONNEMENT, FICHIERS" ;;
		*) nok "$page: CODES DE RETOUR, ENVIRONNEMENT, FICHIERS" "$sections" ;;
		esac
	fi
	wide=$(mandoc -T utf8 -O width=80 "$src" | python3 -c '
import re, sys
text = re.sub(".\b", "", sys.stdin.buffer.read().decode("utf-8"))  # bold, underline
for n, l in enumerate(text.split("\n"), 1):
    if len(l) > 80:
        print("line %d, %d columns: %s" % (n, len(l), l.strip()[:60]))')
	if [ -z "$wide" ]; then
		ok "$page: no line over 80 columns at MANWIDTH=80"
	else
		nok "$page: no line over 80 columns at MANWIDTH=80" "$wide"
	fi
	lint=$(mandoc -T lint -W warning "$src" 2>&1)
	if [ -z "$lint" ]; then ok "$page: mandoc finds nothing to say"; else nok "$page: mandoc finds nothing to say" "$lint"; fi
done
