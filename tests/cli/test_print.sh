# SPDX-License-Identifier: GPL-3.0-or-later
# The HTML report printed on A4 by a real browser: the demo database's month
# and its "--by site" and "--by mediator" versions, and a network of twelve
# France Services by site, go through headless Chromium's print to PDF, and
# pdftotext reads every page back. Each heading (section or table title) is
# on the same page as its table's first row, every section is there, in
# order, the first page carries the key figures and not the title alone,
# the demo stays in portrait while twelve long site names turn the page to
# landscape and continue their columns in further tables, and the page
# count stays within what the layout gives (the demo month, with its workshops and
# times since schema 6: 7 pages, 8 by site, 7 by mediator). Without Chromium or
# pdftotext, says it is skipped.
. "$TESTS_DIR/cli/lib.sh"
ROOT="$TESTS_DIR/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
	echo "# chromium or pdftotext is not installed: the print checks are skipped"
	exit 0
fi
DEMO="$T/demo.db"
make -s -C "$ROOT" demo-db DEMO_DB="$DEMO" DEMO_END=2026-11-18 >"$T/make.out" 2>&1
check "the demo database is made" test -s "$DEMO"

# Twelve sites with long names, as a departmental network has.
"$ROOT/build/bench/gen" --db "$T/wide.db" --visits 3000 --days 60 --end 2026-10-31 \
	--sites 12 >/dev/null 2>&1
{
	echo "[site]"
	i=1
	for town in "Rennes Le Blosne" "Rennes Villejean" "Rennes Maurepas" Cesson-Sévigné \
		Saint-Jacques-de-la-Lande Bruz Betton Chartres-de-Bretagne Vern-sur-Seiche Pacé \
		Montgermont Thorigné-Fouillard; do
		echo "site$i = France Services de $town"
		i=$((i + 1))
	done
} >"$T/wide.ini"

# pdf NAME ARGS…: the report of ARGS as HTML, printed to $T/NAME.pdf (the
# twelve sites for NAME "wide", the demo otherwise).
pdf() {
	name=$1; shift
	db=$DEMO ini=$ROOT/bench/demo.ini
	[ "$name" = wide ] && db=$T/wide.db ini=$T/wide.ini
	"$CARNET" --db "$db" --config "$ini" report "$@" --format html \
		-o "$T/$name.html" 2>"$T/err" || return 1
	HOME="$T/chromium" timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--disable-background-networking --no-first-run --no-pdf-header-footer \
		--user-data-dir="$T/chromium" --print-to-pdf="$T/$name.pdf" \
		"file://$T/$name.html" >/dev/null 2>&1
	[ -s "$T/$name.pdf" ]
}

# layout NAME: checks the printed NAME.pdf against NAME.html; prints one
# line per problem, nothing when the print is right.
layout() {
	n=$(pdfinfo "$T/$1.pdf" | sed -n 's/^Pages: *//p')
	i=1
	while [ "$i" -le "$n" ]; do
		pdftotext -layout -f "$i" -l "$i" "$T/$1.pdf" "$T/$1.page$i.txt"
		i=$((i + 1))
	done
	python3 - "$T/$1.html" "$T/$1" "$n" <<'PY'
import sys, html.parser

class Headings(html.parser.HTMLParser):
    """Each h2/h3 with the first cell of the first table row after it."""
    def __init__(self):
        super().__init__()
        self.items, self.tag, self.text, self.want = [], None, "", None
    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3"):
            self.tag, self.text = tag, ""
        elif tag == "tbody" and self.want is not None:
            self.want = "row"
        elif tag in ("th", "td") and self.want == "row":
            self.tag, self.text = "cell", ""
    def handle_endtag(self, tag):
        if tag in ("h2", "h3") and self.tag == tag:
            self.items.append([tag, self.text.strip(), None])
            self.tag, self.want = None, "table"
        elif tag in ("th", "td") and self.tag == "cell":
            self.items[-1][2] = self.text.strip()
            self.tag, self.want = None, None
    def handle_data(self, data):
        if self.tag:
            self.text += data

p = Headings()
p.feed(open(sys.argv[1], encoding="utf-8").read())
pages = [open("%s.page%d.txt" % (sys.argv[2], i + 1), encoding="utf-8").read().split("\n")
         for i in range(int(sys.argv[3]))]
pages = [[l.strip() for l in pg if l.strip()] for pg in pages]
where = 0  # the page of the previous heading: headings come in order
for tag, title, first in p.items:
    found = None
    for i in range(where, len(pages)):
        if title in pages[i]:
            found = i
            break
    if found is None:
        print("heading missing or out of order: %s" % title)
        continue
    where = found
    if first is None:
        continue
    after = pages[found][pages[found].index(title) + 1:]
    word = first.split()[0]
    if not any(word in l for l in after):
        print("« %s » at the foot of page %d, its first row « %s » elsewhere"
              % (title, found + 1, first))
PY
}

sections="L'essentiel|1. Volume|2. Demandes et organismes|3. Posture|4. Issues et urgences|5. Autonomie dans le temps|6. Orientations|7. Public|8. Ateliers|9. Temps de travail"

for v in month:--month=2026-10:7 site:--by=site:8 mediator:--by=mediator:7 wide:--by=site:30; do
	name=${v%%:*} rest=${v#*:}
	args=$(echo "${rest%:*}" | tr '=' ' ')
	bound=${rest##*:}
	[ "$name" = month ] || args="--month 2026-10 $args"
	# shellcheck disable=SC2086
	if ! pdf "$name" $args; then
		nok "$name: printed to PDF by Chromium" "$(cat "$T/err")"
		continue
	fi
	ok "$name: printed to PDF by Chromium"
	problems=$(layout "$name")
	is "$name: every heading on the page of its table's first row, in order" "$problems" ""
	all=$(cat "$T/$name".page*.txt | tr -d "\f" | sed 's/^ *//; s/ *$//')
	missing=$(echo "$sections" | tr '|' '\n' | while read -r s; do
		printf '%s\n' "$all" | grep -qxF "$s" || echo "$s"; done)
	is "$name: every section is there" "$missing" ""
	check "$name: page 1 holds the key figures, not the title alone" sh -c '
		grep -qF "Orientations vers un autre acteur" "$1" && grep -qF "par rapport à septembre 2026" "$1"' x "$T/$name.page1.txt"
	pages=$(pdfinfo "$T/$name.pdf" | sed -n 's/^Pages: *//p')
	check "$name: $pages pages, at most $bound" test "$pages" -le "$bound"
done
check "by site (3 sites): portrait A4" sh -c 'pdfinfo "$1" | grep -q "594.96 x 841.92"' x "$T/site.pdf"
check "by mediator (4 short names): portrait A4" sh -c 'pdfinfo "$1" | grep -q "594.96 x 841.92"' x "$T/mediator.pdf"
check "12 long site names: landscape A4" sh -c 'pdfinfo "$1" | grep -q "841.92 x 594.96"' x "$T/wide.pdf"
check "12 long site names: the columns go on in further tables" grep -qF "Canal (suite)" "$T/wide.html"
check "12 long site names: every site has its column" sh -c '
	for s in "Rennes Le Blosne" Thorigné-Fouillard Montgermont; do
		[ "$(grep -c "<th class=\"g\">France Services de $s</th>" "$1")" -ge 10 ] || exit 1
	done' x "$T/wide.html"
