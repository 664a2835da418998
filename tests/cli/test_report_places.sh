# SPDX-License-Identifier: GPL-3.0-or-later
# Section 6 of the report: the referrals by place of the directory. Places
# imported from the sample file and added with `place add`, referrals to
# them made with `carnet add --referral-place`; one place deleted later,
# places merged from another desk that this one does not know (their uid
# never shown), referrals without a place, more than 10 places (« autres
# lieux »); every figure checked in JSON against SQL written here, then in
# the text, HTML, CSV and xlsx; a month without a place shows no table.
. "$TESTS_DIR/cli/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/carnet"
cat >"$XDG_CONFIG_HOME/carnet/carnet.ini" <<'INI'
[site]
nord = Site nord
sud = Site sud
[desk]
site = nord
INI

run place import "$FIXTURES/places-rennes.csv"
check "fixture: the sample file imported" rc_is 0
run place add --pivot 22350001800039 --name "CDAS du Blosne" --address "7 rue de Suède" \
	--postcode 35200 --commune Rennes --category social
check "fixture: a place added" rc_is 0
BLOSNE=$(OUT)
is "fixture: 13 places" "$(sql "SELECT count(*) FROM place WHERE deleted_at IS NULL")" 13

# r DATE PLACE [HOW [SITE]]: a referral (PLACE "-" for none); prints its id.
r() {
	if [ "$2" = - ]; then
		"$CARNET" add --duration 10 --demand info --posture avec --date "$1" --referred-to droit \
			${3:+--referral-how "$3"} --site "${4:-nord}"
	else
		"$CARNET" add --duration 10 --demand info --posture avec --date "$1" --referred-to social \
			--referral-place "$2" ${3:+--referral-how "$3"} --site "${4:-nord}"
	fi
}
went() { sql "UPDATE visit SET referral_went = '$2', referral_answered = '2026-11-10T10:00:00.000Z' WHERE id = '$1'"; }
A=$(r 2026-10-02 caf35-rennes rdv); went "$A" oui
A=$(r 2026-10-03 caf35-rennes rdv sud); went "$A" oui
A=$(r 2026-10-04 caf35-rennes rdv); went "$A" non
r 2026-10-05 caf35-rennes explique >/dev/null
A=$(r 2026-10-06 ml-rennes explique); went "$A" non
A=$(r 2026-10-07 ml-rennes explique sud); went "$A" nsp
r 2026-10-08 ml-rennes >/dev/null
A=$(r 2026-10-09 pimms-rennes accompagne); went "$A" oui
r 2026-10-10 pimms-rennes >/dev/null
A=$(r 2026-10-11 "$BLOSNE" rdv); went "$A" oui
r 2026-10-12 "$BLOSNE" >/dev/null
for p in rm-fs-maurepas rm-ccas rm-epn-champs-libres rm-mediatheque-villejean cd35-cdas-cleunay \
	asso-clic-et-lien rm-esc-blosne rm-bus-numerique rm-mairie-brequigny; do
	r 2026-10-13 $p >/dev/null
done
A=$(r 2026-10-14 rm-ccas); went "$A" nsp
# Merged from another desk: places this directory does not have.
A=$(r 2026-10-15 -); sql "UPDATE visit SET referred_to = 'social', referral_place = 'a1b2c3d4-0000-4000-8000-0000000000aa' WHERE id = '$A'"
went "$A" oui
A=$(r 2026-10-16 -); sql "UPDATE visit SET referred_to = 'social', referral_place = 'a1b2c3d4-0000-4000-8000-0000000000bb' WHERE id = '$A'"
r 2026-10-17 - explique >/dev/null
A=$(r 2026-10-18 -); went "$A" non
# Not counted: a deleted visit, another month, a visit without referral.
A=$(r 2026-10-19 caf35-rennes); sql "UPDATE visit SET deleted_at = '2026-10-20T10:00:00Z' WHERE id = '$A'"
r 2026-11-03 ml-rennes >/dev/null
run add --duration 10 --demand info --posture avec --date 2026-10-20
# A month of referrals without any place.
r 2026-09-10 - rdv >/dev/null
# The place is deleted afterwards: its referrals keep its name.
run place delete "$BLOSNE"
check "fixture: the place deleted" rc_is 0
is "fixture: the deleted place is a tombstone" "$(sql "SELECT count(*) FROM place WHERE uid = '$BLOSNE' AND deleted_at IS NOT NULL")" 1

IN="v.date BETWEEN '2026-10-01' AND '2026-10-31' AND v.deleted_at IS NULL AND coalesce(v.referred_to, '') <> ''"
REFERRALS=$(sql "SELECT count(*) FROM visit v WHERE $IN")
is "fixture: 25 referrals in October" "$REFERRALS" 25
is "fixture: 13 places referred to, 2 unknown here, 2 without a place" \
	"$(sql "SELECT count(DISTINCT p.uid), sum(p.uid IS NULL AND v.referral_place IS NOT NULL), sum(v.referral_place IS NULL) FROM visit v LEFT JOIN place p ON p.uid = v.referral_place WHERE $IN")" "13|2|2"

run report --month 2026-10 --format json
check "report json: exit 0" rc_is 0
cp "$T/out" "$T/r.json"
json() {
	python3 -c '
import json, sys
data = json.load(open(sys.argv[1]))
for part in sys.argv[2].split("."):
    data = data[int(part)] if isinstance(data, list) else data[part]
print(data)' "$T/r.json" "$1"
}
# rows FIELD…: "f1|f2|…" for each row of orientations_par_lieu, one a line.
rows() {
	python3 -c '
import json, sys
for l in json.load(open(sys.argv[1]))["orientations_par_lieu"]["lignes"]:
    print("|".join("" if l[k] is None else str(l[k]) for k in sys.argv[2:]))' "$T/r.json" "$@"
}
TOP="SELECT p.uid u, p.nom nom, p.commune commune, count(*) n FROM visit v JOIN place p ON p.uid = v.referral_place WHERE $IN GROUP BY p.uid ORDER BY n DESC, p.nom, p.commune, p.uid"
is "json: the base is the period's referrals" "$(json orientations_par_lieu.base)" "$REFERRALS"
is "json: the 10 most referred places, by count then name, then the other rows" \
	"$(rows code libelle nombre)" \
	"$(sql "SELECT 'lieu_' || row_number() OVER () || '|' || nom || ' (' || commune || ')|' || n FROM ($TOP) LIMIT 10")
autres_lieux|autres lieux|$(sql "SELECT sum(n) FROM (SELECT n FROM ($TOP) LIMIT -1 OFFSET 10)")
lieu_inconnu|lieu inconnu de cet annuaire|$(sql "SELECT count(*) FROM visit v LEFT JOIN place p ON p.uid = v.referral_place WHERE $IN AND v.referral_place IS NOT NULL AND p.uid IS NULL")
sans_lieu|sans lieu de l'annuaire|$(sql "SELECT count(*) FROM visit v WHERE $IN AND v.referral_place IS NULL")"
is "json: each place's uid, nom and commune; none for the other rows" "$(rows uid nom commune)" \
	"$(sql "SELECT u || '|' || nom || '|' || commune FROM ($TOP) LIMIT 10")
||
||
||"
is "json: the shares of the referrals" "$(rows part | tr '\n' ' ')" \
	"$(sql "SELECT group_concat(printf('%.1f', 100.0 * n / $REFERRALS), ' ') FROM (SELECT n FROM ($TOP) LIMIT 10)") $(sql "SELECT printf('%.1f', 100.0 * sum(n) / $REFERRALS) FROM (SELECT n FROM ($TOP) LIMIT -1 OFFSET 10)") $(sql "SELECT printf('%.1f', 100.0 * count(*) / $REFERRALS) FROM visit v LEFT JOIN place p ON p.uid = v.referral_place WHERE $IN AND v.referral_place IS NOT NULL AND p.uid IS NULL") $(sql "SELECT printf('%.1f', 100.0 * count(*) / $REFERRALS) FROM visit v WHERE $IN AND v.referral_place IS NULL") "
is "json: the deleted place still names its referrals" "$(rows nom nombre | grep '^CDAS du Blosne|')" \
	"CDAS du Blosne|$(sql "SELECT count(*) FROM visit v WHERE $IN AND v.referral_place = '$BLOSNE'")"
# The follow-through by place: "label:answered:oui/non/nsp" for the rows answered.
by_place() {
	python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))["suivi_orientations"]["par_lieu"]
print(" ".join("%s:%d:%s/%s/%s" % (r["code"], r["suites_connues"], r["suite"]["oui"]["nombre"], r["suite"]["non"]["nombre"], r["suite"]["nsp"]["nombre"]) for r in rows if r["suites_connues"]))' "$T/r.json"
}
W="count(*) || ':' || sum(referral_went = 'oui') || '/' || sum(referral_went = 'non') || '/' || sum(referral_went = 'nsp')"
is "json: the follow-through by place" "$(by_place)" \
	"$(sql "SELECT group_concat(k || ':' || w, ' ') FROM (SELECT 'lieu_' || row_number() OVER () k, u FROM ($TOP) LIMIT 10) JOIN (SELECT referral_place rp, $W w FROM visit v WHERE $IN AND referral_went IS NOT NULL GROUP BY 1) ON rp = u") lieu_inconnu:$(sql "SELECT $W FROM visit v LEFT JOIN place p ON p.uid = v.referral_place WHERE $IN AND referral_went IS NOT NULL AND v.referral_place IS NOT NULL AND p.uid IS NULL") sans_lieu:$(sql "SELECT $W FROM visit v WHERE $IN AND referral_went IS NOT NULL AND v.referral_place IS NULL")"
is "json: a place's follow-through share" "$(json suivi_orientations.par_lieu.0.suite.oui.part)" \
	"$(sql "SELECT round(100.0 * sum(referral_went = 'oui') / count(*), 1) FROM visit v WHERE $IN AND referral_place = (SELECT uid FROM place WHERE id = 'caf35-rennes') AND referral_went IS NOT NULL")"
is "json: a place of the top 10 without answer is there, its shares null" \
	"$(python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))["suivi_orientations"]["par_lieu"]
print(len(rows), [r["suite"]["oui"]["part"] for r in rows if r["code"] == "lieu_9"])' "$T/r.json")" "13 [None]"

# ---- a site filter, a breakdown by site
run report --month 2026-10 --site sud --format json
cp "$T/out" "$T/r.json"
is "--site sud: its places only" "$(rows libelle nombre | tr '\n' ' ')" \
	"$(sql "SELECT group_concat(nom || ' (' || commune || ')|' || n, ' ') FROM (SELECT p.nom nom, p.commune commune, count(*) n FROM visit v JOIN place p ON p.uid = v.referral_place WHERE $IN AND v.site = 'sud' GROUP BY p.uid ORDER BY n DESC, p.nom)") "
run report --month 2026-10 --by site --format json
is "--by site: each group's own places" "$(python3 -c '
import json, sys
print(" ".join("%s:%s" % (g["code"], len(g["bilan"]["orientations_par_lieu"]["lignes"])) for g in sorted(json.load(open(sys.argv[1]))["repartition"]["groupes"], key=lambda g: g["code"])))' "$T/out")" \
	"nord:13 sud:2"
run report --month 2026-10 --by site --format csv
check "--by site csv: the places table has no group columns" sh -c \
	'tr -d "\r" <"$1" | grep -q "^lieu_1;CAF d.Ille-et-Vilaine – accueil de Rennes (Rennes);4;16,0$"' x "$T/out"

# ---- every format carries it
run report --month 2026-10 --format text -o "$T/r.text"
run report --month 2026-10 --format html -o "$T/r.html"
run report --month 2026-10 --format csv -o "$T/r.csv"
run report --month 2026-10 --format xlsx -o "$T/r.xlsx"
python3 "$TESTS_DIR/cli/xlsx_cells.py" "$T/r.xlsx" >"$T/r.xlsx.txt"
tr -d '\r' <"$T/r.csv" >"$T/r.csv.txt"
sed 's/&#39;/'"'"'/g; s/&quot;/"/g; s/&amp;/\&/g' "$T/r.html" >"$T/r.html.txt"
for fig in "Orientations par lieu" "Suite par lieu" "Mission locale du bassin rennais" \
	"CDAS du Blosne (Rennes)" "autres lieux" "lieu inconnu de cet annuaire" \
	"sans lieu de l'annuaire"; do
	missing=""
	for f in text html.txt csv xlsx.txt; do
		grep -q "$fig" "$T/r.$f" || missing="$missing $f"
	done
	is "« $fig » in every format" "$missing" ""
done
for f in "CAF d'Ille-et-Vilaine – accueil de Rennes (Rennes)" "Clic & Lien (association) (Rennes)"; do
	missing=""
	for x in html.txt csv xlsx.txt json; do
		[ $x = json ] && { run report --month 2026-10 --format json; cp "$T/out" "$T/r.json"; }
		grep -qF "$f" "$T/r.$x" || missing="$missing $x"
	done
	is "the whole label « $f » where there is room" "$missing" ""
done
leaked=""
for x in text html csv xlsx.txt json; do
	grep -q "a1b2c3d4" "$T/r.$x" && leaked="$leaked $x"
done
is "an unknown place's uid is shown nowhere" "$leaked" ""
check "text: a place's count and share" grep -q "^    CAF d'Ille-et-Vilaine – accueil d… *4 *16,0.%" "$T/r.text"
check "text: the others together" grep -q "^    autres lieux *3 *12,0.%" "$T/r.text"
is "text: within 80 columns" "$(python3 -c '
import sys
print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$T/r.text" | awk '{print ($1 <= 80)}')" 1
check "text: the follow-through of a place" sh -c 'grep -A20 "^  Suite par lieu" "$1" | grep -q "^    CAF d.Ille-et-Vilaine – accue… *66,7.% *33,3.% *0,0.%"' x "$T/r.text"
check "csv: a place's row" grep -q "^lieu_2;Mission locale du bassin rennais (Rennes);3;12,0$" "$T/r.csv.txt"
check "csv: the follow-through of a place" grep -q "^lieu_1;CAF d'Ille-et-Vilaine – accueil de Rennes (Rennes);3;66,7;33,3;0,0$" "$T/r.csv.txt"
check "html: the places table" grep -q '<td class="l">lieu inconnu de cet annuaire</td><td class="n">2</td>' "$T/r.html"
check "xlsx: a place's count and share as numbers" grep -q "^s:Mission locale du bassin rennais (Rennes) # n:3 # n:0.12 # s:lieu_2" "$T/r.xlsx.txt"

# ---- without any place in the period: no table, as before
run report --month 2026-09
check "September: a referral counted" sh -c 'grep -A3 "^  Orienté vers" "$1" | grep -q "Accès au droit"' x "$T/out"
check "September text: no table of places" sh -c '! grep -q "par lieu" "$1"' x "$T/out"
run report --month 2026-09 --format json
cp "$T/out" "$T/r.json"
is "September json: no orientations_par_lieu, no place in the follow-through" \
	"$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print("orientations_par_lieu" in d, d["suivi_orientations"]["par_lieu"])' "$T/r.json")" "False []"
