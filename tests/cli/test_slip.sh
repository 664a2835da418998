# SPDX-License-Identifier: GPL-3.0-or-later
# carnet slip: the fiche d'orientation of a place of the directory. The text
# fits 42 columns under both locales and holds every field of a full place
# of the sample file; an empty field leaves no label; no person's name nor
# note, the code only with --code; the HTML printed by headless Chromium is
# one A5 page, for a full place and for one with every text at its longest;
# hostile texts are escaped in HTML and harmless in text; --print sends the
# very bytes to the command of [desk] printer and reports its failure.
. "$TESTS_DIR/cli/lib.sh"

run place import "$FIXTURES/places-rennes.csv"
check "the sample places are imported" rc_is 0
BRING="Pièce d'identité, justificatif de domicile de moins de 3 mois, numéro d'allocataire CAF"
BOOK="https://france-services-rennes.example/maurepas/prendre-rendez-vous"
run place edit rm-fs-maurepas --bring "$BRING" --booking "$BOOK"
check "the full place gets what to bring and its booking link" rc_is 0

CFG="$XDG_CONFIG_HOME/carnet/carnet.ini"
mkdir -p "$(dirname "$CFG")"
cat >"$CFG" <<'EOF'
[site]
blosne = France Services du Blosne
maurepas = France Services Maurepas
[desk]
site = blosne
address = 12 place de Zagreb, 35200 Rennes
EOF

# has FILE TEXT: the slip's lines without their indent and with plain
# spaces for no-break ones, joined by a space (texts) or, for web addresses
# cut after a "/", by nothing, hold TEXT.
has() {
	python3 - "$1" "$2" <<'PY'
import sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8").read().replace("\u00a0", " ").split("\n")]
want = sys.argv[2]
sys.exit(0 if want in " ".join(lines) or want in "".join(lines) else 1)
PY
}
# widest FILE: the width of its widest line under C.UTF-8 and fr_FR.UTF-8.
widest() {
	for loc in C.UTF-8 fr_FR.UTF-8; do
		if locale -a 2>/dev/null | grep -qix "$(echo "$loc" | sed 's/UTF-8/utf-\\?8/')"; then
			LC_ALL=$loc wc -L <"$1"
		fi
	done | sort -n | tail -n 1
}

run slip rm-fs-maurepas
check "slip: exit 0" rc_is 0
check "slip: nothing on stderr" err_empty
cp "$T/out" "$T/full.txt"
w=$(widest "$T/full.txt")
check "text: 42 columns at most under both locales (widest: $w)" test "$w" -le 42
for v in "Fiche d'orientation" "France Services Maurepas" "11 place du Gros-Chêne" \
	"Rez-de-chaussée, à côté de la mairie de quartier" "35700 Rennes" \
	"Horaires : du lundi au vendredi, 9 h–12 h et 14 h–17 h" \
	"Le mercredi 18 novembre : 9 h–12 h et 14 h–17 h" "Téléphone : 02 99 28 01 01" \
	"Courriel : maurepas@france-services-rennes.example" \
	"https://france-services-rennes.example/maurepas" "Rendez-vous en ligne :$BOOK" \
	"À apporter : $BRING" "Fiche remise le mercredi 18 novembre 2026" \
	"par France Services du Blosne" "12 place de Zagreb, 35200 Rennes"; do
	check "text holds « $v »" has "$T/full.txt" "$v"
done
check "text: the phone is not written the standard's way" sh -c '! grep -q "+33" "$1"' x "$T/full.txt"
check "text: no code without --code" sh -c '! grep -q "code" "$1"' x "$T/full.txt"
check "text: no empty line" sh -c '! grep -q "^ *$" "$1"' x "$T/full.txt"

# A place without hours, e-mail, website, booking, complement or things to
# bring: none of their labels, and no label alone without its value.
run slip rm-esc-blosne
cp "$T/out" "$T/bare.txt"
check "bare place: exit 0" rc_is 0
for l in Horaires "Le mercredi" Courriel "Site web" Rendez-vous "À apporter"; do
	check "bare place: no « $l »" sh -c '! grep -q "^$2" "$1"' x "$T/bare.txt" "$l"
done
check "bare place: its phone" grep -qx "Téléphone : 02 99 22 66 00" "$T/bare.txt"
check "bare place: no empty line (no empty complement)" sh -c '! grep -q "^ *$" "$1"' x "$T/bare.txt"
check "no label is left without its value" python3 - "$T/full.txt" "$T/bare.txt" <<'PY'
import sys
for name in sys.argv[1:]:
    lines = open(name, encoding="utf-8").read().split("\n")
    for i, l in enumerate(lines):
        if l.endswith(" :") and not lines[i + 1].startswith("  "):
            sys.exit(1)
PY

# "samedi 10 h–12 h" at the end of a line: never cut inside "10 h".
run slip asso-clic-et-lien
check "text: no line cut inside « 10 h »" sh -c '! grep -q "^ *h[ –]" "$1"' x "$T/out"
check "text: « 10 h–12 h » whole" has "$T/out" "samedi 10 h–12 h"

# Hours outside the subset, several websites.
run slip caf35-rennes
check "raw hours: shown as written, to be checked" has "$T/out" \
	"Horaires : du lundi au jeudi 8h30-12h, l'après-midi sur rendez-vous (horaires à vérifier)"
check "raw hours: no day's hours" sh -c '! grep -q "^Le mercredi" "$1"' x "$T/out"
check "two websites: « Sites web », one a line" sh -c 'grep -qx "Sites web :" "$1" &&
	grep -qx "  https://caf-35.example" "$1" && grep -qx "  https://caf-35.example/rendez-vous" "$1"' x "$T/out"
run slip cd35-cdas-cleunay --date 2026-11-22
check "--date: the day given" has "$T/out" "Fiche remise le dimanche 22 novembre 2026"
check "--date: that day's hours (closed on Sunday)" has "$T/out" "Le dimanche 22 novembre : fermé"
check "public holidays closed are said" has "$T/out" "fermé les jours fériés"

# ---- the person: never a name or a note, the code only when asked
run person new --code KX4M2Q
add_visit --person KX4M2Q --note "Mme Dupont, orientée vers le CDAS" --referred-to social
run slip rm-fs-maurepas
check "without --code: no code" sh -c '! grep -q KX4M2Q "$1"' x "$T/out"
run slip rm-fs-maurepas --code kx4m2q
check "--code: exit 0" rc_is 0
check "--code: the code, in capitals" grep -qx "Votre code : KX4M2Q" "$T/out"
check "--code: no note of the person's visits" sh -c '! grep -q Dupont "$1"' x "$T/out"
w=$(widest "$T/out")
check "--code: still 42 columns at most" test "$w" -le 42
run slip rm-fs-maurepas --code ZZZZ99
check "--code of nobody: exit 3" rc_is 3
check "--code of nobody: the message says so" err_has "usager inconnu"
check "--code of nobody: no slip" out_empty
run slip rm-fs-maurepas --code "x"
check "--code malformed: exit 1" rc_is 1
check "--code malformed: names --code" err_has "--code"
run slip rm-fs-maurepas --code KX4M2Q --format html
check "html --code: the code" grep -qF "<strong>KX4M2Q</strong>" "$T/out"
check "html --code: no note" sh -c '! grep -q Dupont "$1"' x "$T/out"

# ---- errors
run slip --help
check "slip --help: exit 0 and the usage" sh -c '[ "$1" = 0 ] && grep -q "^Usage : carnet slip LIEU" "$2"' x "$RC" "$T/out"
check "slip --help: names --print and [desk] printer" sh -c 'grep -q -- "--print" "$1" && grep -q "\[desk\] printer" "$1"' x "$T/out"
run slip nowhere
check "unknown place: exit 3" rc_is 3
check "unknown place: no slip" out_empty
run slip
check "no place: exit 2" rc_is 2
run slip rm-ccas --format pdf
check "--format pdf: exit 2" rc_is 2
check "--format pdf: the accepted values" err_has "text, html"
run slip rm-ccas --date 2026-02-30
check "--date invalid: exit 1" rc_is 1
check "--date invalid: names --date" err_has "--date"
before=$(md5sum <"$DB")
run slip rm-ccas -o "$DB"
check "-o onto the database: exit 1" rc_is 1
is "-o onto the database: the database unchanged" "$(md5sum <"$DB")" "$before"
run slip rm-ccas -o "$T/ccas.txt"
check "-o FILE: exit 0, nothing on stdout" sh -c '[ "$1" = 0 ] && [ ! -s "$2" ]' x "$RC" "$T/out"
run slip rm-ccas
check "-o FILE: the slip in the file" sh -c 'cmp -s "$1" "$2"' x "$T/out" "$T/ccas.txt"

# ---- hostile texts: markup and quotes through place add, controls as a
# merged or hand-edited base may hold them.
run place add --id hostile --pivot 21350238000250 --name '<script>alert("x")</script> & co' \
	--address "1 rue \"des Quotes\" <b>" --postcode 35000 --commune "Rennes'" \
	--bring "<img src=x onerror=alert(1)>" --website 'https://x.example/?a=1&b="2"'
check "a hostile place is added" rc_is 0
sql "UPDATE place SET complement_adresse = 'esc' || char(27) || '[2J bell' || char(7) || 'nl' || char(10) || 'fin',
	courriels = 'a@b.example' || char(27) || ']0;titre' || char(7) WHERE id = 'hostile'"
run slip hostile --format html
cp "$T/out" "$T/hostile.html"
check "html: no tag from the data" sh -c '! grep -q "<script\|<img\|<b>" "$1"' x "$T/hostile.html"
check "html: markup escaped" grep -qF '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co' "$T/hostile.html"
check "html: the link's quotes escaped" grep -qF 'href="https://x.example/?a=1&amp;b=&quot;2&quot;"' "$T/hostile.html"
check "html: no control character" python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
sys.exit(1 if any(b < 32 and b not in (10,) for b in d) else 0)' "$T/hostile.html"
check "html: controls shown as ?" grep -qF "esc?[2J bell?nl fin" "$T/hostile.html"
run slip hostile
cp "$T/out" "$T/hostile.txt"
check "text: no control character" python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
sys.exit(1 if any(b < 32 and b != 10 for b in d) else 0)' "$T/hostile.txt"
check "text: the markup as written" has "$T/hostile.txt" '<script>alert("x")</script> & co'
w=$(widest "$T/hostile.txt")
check "text: hostile place within 42 columns" test "$w" -le 42

# ---- --print
cat >"$T/printer.sh" <<'EOF'
#!/bin/sh
cat >"$1"
EOF
cat >"$T/broken.sh" <<'EOF'
#!/bin/sh
cat >/dev/null
echo "imprimante hors ligne" >&2
exit 3
EOF
chmod +x "$T/printer.sh" "$T/broken.sh"
run slip rm-fs-maurepas --print
check "--print without [desk] printer: exit 4" rc_is 4
check "--print without [desk] printer: says how to set it" err_has "printer = lp -d accueil"
check "--print without [desk] printer: nothing on stdout" out_empty
printf 'printer = %s %s\n' "$T/printer.sh" "$T/printed" >>"$CFG"
run slip rm-fs-maurepas --print --code KX4M2Q
check "--print: exit 0" rc_is 0
check "--print: says where it went" out_has "envoyée à « $T/printer.sh $T/printed »"
run slip rm-fs-maurepas --code KX4M2Q
check "--print: the printer read the very bytes of the text" cmp -s "$T/out" "$T/printed"
run slip rm-fs-maurepas --print --format html
run slip rm-fs-maurepas --format html
check "--print --format html: the printer read the HTML" cmp -s "$T/out" "$T/printed"
run slip rm-fs-maurepas --print -o "$T/both.txt"
check "--print with -o: exit 2" rc_is 2
check "--print with -o: no file" test ! -e "$T/both.txt"
sed -i "s|^printer = .*|printer = $T/broken.sh|" "$CFG"
run slip rm-fs-maurepas --print
check "failing printer: exit 1" rc_is 1
check "failing printer: its status said in French" err_has "a échoué (code de retour 3)"
check "failing printer: its own message passes" err_has "imprimante hors ligne"
check "failing printer: nothing said sent" sh -c '! grep -q envoyée "$1"' x "$T/out"
sed -i "s|^printer = .*|printer = $T/no-such-printer -d accueil|" "$CFG"
run slip rm-fs-maurepas --print
check "missing printer command: exit 4" rc_is 4
check "missing printer command: commande introuvable" err_has "commande introuvable"
sed -i "/^printer = /d" "$CFG"

# ---- [desk] name over the site's label; a name too long is ignored
printf 'name = Point numérique du Blosne\n' >>"$CFG"
run slip rm-ccas
check "[desk] name: the desk's name" grep -qx "par Point numérique du Blosne" "$T/out"
long=$(python3 -c 'print("x" * 201)')
sed -i "s|^name = .*|name = $long|" "$CFG"
run slip rm-ccas
check "[desk] name over 200 characters: a warning" err_has "[desk] name : plus de 200 caractères"
check "[desk] name over 200 characters: the site's label" grep -qx "par France Services du Blosne" "$T/out"
sed -i "/^name = /d" "$CFG"

# ---- printed on A5 by Chromium
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
	echo "# chromium or pdfinfo is not installed: the print checks are skipped"
	exit 0
fi
# The longest texts the fields take: 250 characters of name, address and
# complement, 500 of hours, e-mails and booking link, 1000 of websites,
# 200 to bring; a desk's name and address of 200.
rep() { python3 -c 'import sys; w, n = sys.argv[1], int(sys.argv[2]); print(((w + " ") * n)[:n].rstrip())' "$1" "$2"; }
EMAILS=$(python3 -c 'print("|".join("accueil.numerique.%02d@structure-tres-longue.example" % i for i in range(9)))')
WEBS=$(python3 -c 'print("|".join("https://www.structure-au-nom-tres-long.example/pages/accueil/%02d" % i for i in range(15)))')
run place add --id longest --pivot 21350238000250 --name "$(rep Établissement 250)" \
	--address "$(rep boulevard 250)" --address-extra "$(rep bâtiment 250)" --postcode 35000 \
	--commune "$(rep Saint-Jacques-de-la-Lande 100)" --phone "02 99 12 34 56" \
	--email "$EMAILS" --website "$WEBS" --hours "$(rep "Mo-Fr 09:00-12:00 sur rendez-vous" 500)" \
	--booking "https://rendez-vous.example/$(rep a/ 472 | tr -d ' ')" --bring "$(rep justificatif 200)"
check "the place with the longest texts is added" rc_is 0
printf 'name = %s\naddress = %s\n' "$(rep "France Services" 200)" "$(rep rue 200)" >>"$CFG"
for v in full:rm-fs-maurepas longest:longest; do
	name=${v%%:*} place=${v#*:}
	run slip "$place" --format html --code KX4M2Q -o "$T/$name.html"
	HOME="$T/chromium" timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--disable-background-networking --no-first-run --no-pdf-header-footer \
		--user-data-dir="$T/chromium" --print-to-pdf="$T/$name.pdf" \
		"file://$T/$name.html" >/dev/null 2>&1
	if [ ! -s "$T/$name.pdf" ]; then
		nok "$name: printed to PDF by Chromium"
		continue
	fi
	info=$(pdfinfo "$T/$name.pdf")
	is "$name: one page" "$(echo "$info" | sed -n 's/^Pages: *//p')" 1
	check "$name: an A5 page ($(echo "$info" | sed -n 's/^Page size: *//p'))" python3 -c '
import re, sys
w, h = map(float, re.search(r"([\d.]+) x ([\d.]+)", sys.argv[1]).groups())
sys.exit(0 if abs(w - 419.53) < 2 and abs(h - 595.28) < 2 else 1)' "$(echo "$info" | grep '^Page size')"
done
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$T/full.pdf" "$T/full.pdf.txt"
	for v in "France Services Maurepas" "02 99 28 01 01" "Pièce d'identité" "KX4M2Q"; do
		check "full, printed: « $v » on the page" grep -qF "$v" "$T/full.pdf.txt"
	done
	pdftotext "$T/longest.pdf" "$T/longest.pdf.txt"
	check "longest, printed: what to bring and the code are on the page" sh -c '
		grep -q justificatif "$1" && grep -q KX4M2Q "$1"' x "$T/longest.pdf.txt"
fi
