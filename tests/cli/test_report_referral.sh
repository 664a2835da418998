# SPDX-License-Identifier: GPL-3.0-or-later
# Section 6 of the report and the referrals' follow-through: the way of
# referring of the period's referrals, and of those whose person came back
# and told, the share that got there, did not, does not know, by category
# (orienté vers) and by way of referring; checked in JSON against SQL
# written here, then carried by the text, HTML, CSV and xlsx; a deleted
# visit, a visit of another month, an unknown code from another desk, a
# site filter, a breakdown by site, and a month without any answer.
. "$TESTS_DIR/cli/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/carnet"
cat >"$XDG_CONFIG_HOME/carnet/carnet.ini" <<'INI'
[site]
nord = Site nord
sud = Site sud
[desk]
site = nord
INI

# v ID DATE SITE TO HOW WENT [DELETED]: a visit written with SQL (the
# referral's commands are test_referral.sh's).
v() {
	sql "INSERT INTO visit (id, date, time, duration, site, canal, posture, present, urgent,
		referred_to, referral_how, referral_went, referral_answered, demands, created_at,
		updated_at, deleted_at) VALUES ('$1', '$2', '10:00', 20, '$3', 'libre', 'avec', 1, 0,
		nullif('$4', ''), nullif('$5', ''), nullif('$6', ''),
		CASE WHEN '$6' = '' THEN NULL ELSE '2026-11-20T10:00:00.000Z' END, 'info',
		'2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z', nullif('${7:-}', ''))"
}
run add --duration 10 --demand info --posture avec --date 2026-09-01 # makes the base
v 00000000-0000-4000-8000-000000000001 2026-10-02 nord organisme rdv oui
v 00000000-0000-4000-8000-000000000002 2026-10-03 nord organisme rdv oui
v 00000000-0000-4000-8000-000000000003 2026-10-04 nord organisme rdv non
v 00000000-0000-4000-8000-000000000004 2026-10-05 sud organisme explique non
v 00000000-0000-4000-8000-000000000005 2026-10-06 sud social explique nsp
v 00000000-0000-4000-8000-000000000006 2026-10-07 nord social explique ''
v 00000000-0000-4000-8000-000000000007 2026-10-08 nord social accompagne oui
v 00000000-0000-4000-8000-000000000008 2026-10-09 sud social '' oui
v 00000000-0000-4000-8000-000000000009 2026-10-10 nord droit '' ''
v 00000000-0000-4000-8000-00000000000a 2026-10-11 nord '' '' ''
v 00000000-0000-4000-8000-00000000000b 2026-10-12 nord droit zz_ailleurs oui
v 00000000-0000-4000-8000-00000000000c 2026-10-13 nord droit rdv non 2026-10-14T10:00:00Z
v 00000000-0000-4000-8000-00000000000d 2026-11-02 nord droit rdv oui
v 00000000-0000-4000-8000-00000000000e 2026-08-05 nord social '' ''
is "fixture: 15 visits" "$(nvisits)" 15

# The figures of the month, with SQL.
IN="date BETWEEN '2026-10-01' AND '2026-10-31' AND deleted_at IS NULL AND coalesce(referred_to, '') <> ''"
REFERRALS=$(sql "SELECT count(*) FROM visit WHERE $IN")
ANSWERED=$(sql "SELECT count(*) FROM visit WHERE $IN AND referral_went IS NOT NULL")
is "fixture: 10 referrals in October, 8 answered" "$REFERRALS $ANSWERED" "10 8"

run report --month 2026-10 --format json
check "report json: exit 0" rc_is 0
json() {
	python3 -c '
import json, sys
data = json.load(open(sys.argv[1]))
for part in sys.argv[2].split("."):
    data = data[int(part)] if isinstance(data, list) else data[part]
print(data)' "$T/out" "$1"
}
# mode CODE: the count of a way in "orientation_mode".
lines() {
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))[sys.argv[2]]
print(" ".join("%s=%s" % (l["code"] or "-", l["nombre"]) for l in d["lignes"]), d["base"])' "$T/out" "$1"
}
is "json: orientation_mode, each way and not told, over the referrals" "$(lines orientation_mode)" \
	"$(sql "SELECT group_concat(c || '=' || n, ' ') FROM (SELECT 'explique' c, 1 o UNION SELECT 'rdv', 2 UNION SELECT 'accompagne', 3 UNION SELECT 'zz_ailleurs', 4 UNION SELECT '-', 5 ORDER BY o) JOIN (SELECT coalesce(referral_how, '-') h, count(*) n FROM visit WHERE $IN GROUP BY 1) ON h = c ORDER BY o") $REFERRALS"
is "json: orientation_suite over the answered referrals" "$(lines orientation_suite)" \
	"$(sql "SELECT group_concat(c || '=' || coalesce(n, 0), ' ') FROM (SELECT 'oui' c, 1 o UNION SELECT 'non', 2 UNION SELECT 'nsp', 3 ORDER BY o) LEFT JOIN (SELECT referral_went w, count(*) n FROM visit WHERE $IN AND referral_went IS NOT NULL GROUP BY 1) ON w = c ORDER BY o") $ANSWERED"
is "json: suivi_orientations, referrals and answered" \
	"$(json suivi_orientations.orientations) $(json suivi_orientations.suite_connue) $(json suivi_orientations.part_suite_connue)" \
	"$REFERRALS $ANSWERED $(sql "SELECT round(100.0 * $ANSWERED / $REFERRALS, 1)")"
# by TABLE: "code:answered:oui/non/nsp …" for the rows with answers.
by() {
	python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))["suivi_orientations"][sys.argv[2]]
print(" ".join("%s:%d:%s/%s/%s" % (r["code"], r["suites_connues"], r["suite"]["oui"]["nombre"], r["suite"]["non"]["nombre"], r["suite"]["nsp"]["nombre"]) for r in rows if r["suites_connues"]))' "$T/out" "$1"
}
# sql_by COLUMN ORDER: the same from the table, rows in the order given.
sql_by() {
	sql "SELECT group_concat(k || ':' || n || ':' || y || '/' || no || '/' || ns, ' ') FROM (SELECT $1 k,
		count(*) n, sum(referral_went = 'oui') y, sum(referral_went = 'non') no,
		sum(referral_went = 'nsp') ns FROM visit WHERE $IN AND referral_went IS NOT NULL
		AND $1 IS NOT NULL GROUP BY 1 ORDER BY instr('$2', ',' || $1 || ','))"
}
is "json: the follow-through by category (orienté vers)" "$(by par_oriente_vers)" \
	"$(sql_by referred_to ",organisme,france_services,social,mediation,insertion,administration,droit,autre,")"
is "json: the follow-through by way of referring, unknown way last" "$(by par_orientation_mode)" \
	"$(sql_by referral_how ",explique,rdv,accompagne,zz_ailleurs,")"
is "json: a share of a row" "$(json suivi_orientations.par_orientation_mode.1.suite.oui.part)" \
	"$(sql "SELECT round(100.0 * sum(referral_went = 'oui') / count(*), 1) FROM visit WHERE $IN AND referral_how = 'rdv' AND referral_went IS NOT NULL")"
is "json: a row without answer has null shares" "$(json suivi_orientations.par_oriente_vers.1.suite.oui.part)" None
is "json: the unknown way keeps its code as label" "$(json suivi_orientations.par_orientation_mode.3.libelle)" zz_ailleurs

# ---- a site filter and a breakdown by site
run report --month 2026-10 --site sud --format json
is "--site sud: the follow-through of its referrals" "$(json suivi_orientations.orientations) $(json suivi_orientations.suite_connue) $(by par_orientation_mode)" \
	"$(sql "SELECT count(*) FROM visit WHERE $IN AND site = 'sud'") $(sql "SELECT count(*) FROM visit WHERE $IN AND site = 'sud' AND referral_went IS NOT NULL") explique:2:0/1/1"
run report --month 2026-10 --by site --format json
is "--by site: each group's answered referrals" "$(python3 -c '
import json, sys
print(" ".join("%s:%s" % (g["code"], g["bilan"]["suivi_orientations"]["suite_connue"]) for g in sorted(json.load(open(sys.argv[1]))["repartition"]["groupes"], key=lambda g: g["code"])))' "$T/out")" \
	"$(sql "SELECT group_concat(site || ':' || n, ' ') FROM (SELECT site, count(*) n FROM visit WHERE $IN AND referral_went IS NOT NULL GROUP BY 1 ORDER BY 1)")"

# ---- every format carries the figures
run report --month 2026-10 --format text -o "$T/r.text"
run report --month 2026-10 --format html -o "$T/r.html"
run report --month 2026-10 --format csv -o "$T/r.csv"
run report --month 2026-10 --format xlsx -o "$T/r.xlsx"
python3 "$TESTS_DIR/cli/xlsx_cells.py" "$T/r.xlsx" >"$T/r.xlsx.txt"
sed 's/&#39;/'"'"'/g; s/&quot;/"/g' "$T/r.html" >"$T/r.html.txt"
for fig in "Façon d'orienter" "Rendez-vous pris pour la personne" "Accompagnée sur place" \
	"Orientations dont la suite est connue" "Suite des orientations" "S'y est rendue" \
	"Ne s'y est pas rendue" "Ne sait pas" "Suite par orienté vers" "Suite par façon d'orienter" \
	"zz_ailleurs"; do
	missing=""
	for f in text html.txt csv xlsx.txt; do
		grep -q "$fig" "$T/r.$f" || missing="$missing $f"
	done
	is "« $fig » in every format" "$missing" ""
done
check "text: the share of referrals answered" grep -q "Orientations dont la suite est connue *8 (80,0.%)" "$T/r.text"
check "text: rendez-vous pris, 2 of 3 got there" sh -c 'grep "^    Rendez-vous pris pour la pers…" "$1" | tail -n 1 | grep -q "66,7.% *33,3.% *0,0.%"' x "$T/r.text"
check "csv: the follow-through by way, counts and shares" sh -c 'grep -q "^Code;Libellé;Suites connues;S.y est rendue (%);Ne s.y est pas rendue (%);Ne sait pas (%)" "$1" && grep -q "^rdv;Rendez-vous pris pour la personne;3;66,7;33,3;0,0" "$1"' x "$T/r.csv"
check "html: the answered referrals column" grep -q '<th class="n">Suites connues</th>' "$T/r.html"
check "xlsx: the share of a way as a number" grep -q "^s:Rendez-vous pris pour la personne # n:3 # n:0.667 # n:0.333 # n:0" "$T/r.xlsx.txt"
check "xlsx: the share answered" grep -q "^s:Orientations dont la suite est connue (nombre ; part en %) # n:8 # n:0.8" "$T/r.xlsx.txt"

# ---- a month without answer: the way, no follow-through tables
run report --month 2026-09 --format json
is "September: no referral, no answer, no share" \
	"$(json suivi_orientations.orientations) $(json suivi_orientations.suite_connue) $(json suivi_orientations.part_suite_connue)" "0 0 None"
run report --month 2026-09
check "September text: no follow-through table" sh -c '! grep -q "Suite par" "$1"' x "$T/out"
check "September text: no way nor follow-through without them" sh -c '! grep -q "Façon d.orienter\|suite est connue" "$1"' x "$T/out"

# ---- a month of referrals without way nor answer: the report as before
run report --month 2026-08
check "August text: the referral counted" sh -c 'grep -A3 "^  Orienté vers" "$1" | grep -q "Structure d.aide sociale"' x "$T/out"
check "August text: no way nor follow-through without them" sh -c '! grep -q "Façon d.orienter\|suite est connue" "$1"' x "$T/out"
run report --month 2026-08 --format json
is "August json: the keys are there all the same" "$(json suivi_orientations.orientations) $(json suivi_orientations.suite_connue)" "1 0"
