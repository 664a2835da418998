# SPDX-License-Identifier: GPL-3.0-or-later
# The rest of a mediator's work in the report: section 8 (the workshops:
# sessions, hours, participations, distinct persons, anonymous attendees,
# attendance where registrations are known, themes, levels, places, the
# participants' public) and section 9 (the working time: individual
# accompaniment, workshops once for each mediator who led them, each kind
# of other time, the share outside accompaniment), checked in JSON against
# SQL written here, then carried by the text, HTML, CSV and xlsx; the
# 12-month trend with the workshops; the two key figures; --by mediator
# with a co-led workshop, a --mediator filter, codes used only by
# workshops or times, and an empty month (rates null). The workshops and
# times are written with SQL: their commands are not this test's.
. "$TESTS_DIR/cli/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/carnet"
cat >"$XDG_CONFIG_HOME/carnet/carnet.ini" <<'INI'
[site]
nord = Site nord
sud = Site sud
[mediateur]
ab = A. B.
cd = C. D.
ef = E. F.
[quartier]
q1 = Quartier un
[desk]
site = nord
mediator = ab
INI

run person new --code PERS01 --age 60_69 --gender femme --area q1 --situation retraite \
	--equipment smartphone,ordinateur
run person new --code PERS02 --age 25_39 --gender homme --situation emploi
run person new --code PERS03
"$CARNET" add --date 2026-10-02 --duration 30 --site nord --mediator ab --demand info --posture avec \
	--organism caf >/dev/null
"$CARNET" add --date 2026-10-03 --duration 45 --site sud --mediator cd --demand info --posture avec \
	--organism caf >/dev/null
is "fixture: 3 persons, 2 visits" "$(sql "SELECT count(*) FROM person") $(nvisits)" "3 2"

# ws ID DATE SITE MEDIATORS DURATION THEMES LEVEL PLACE REGISTERED ANON GENDER AGE SITUATION [DELETED]
ws() {
	sql "INSERT INTO workshop (id, date, time, duration, site, mediators, title, themes, level,
		place, registered, anonymous, anon_gender, anon_age, anon_situation, created_at,
		updated_at, deleted_at) VALUES ('$1', '$2', '14:00', $5, '$3', nullif('$4', ''), 'Atelier',
		'$6', nullif('$7', ''), nullif('$8', ''), $9, ${10}, nullif('${11}', ''),
		nullif('${12}', ''), nullif('${13}', ''), '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z',
		nullif('${14:-}', ''))"
}
# part WORKSHOP RANK PERSON_CODE PRESENT
part() {
	sql "INSERT INTO workshop_participant VALUES ('$1', $2,
		(SELECT id FROM person WHERE code = '$3'), $4)"
}
# wt ID DATE SITE MEDIATOR KIND DURATION [DELETED]
wt() {
	sql "INSERT INTO worktime (id, date, time, duration, site, mediator, kind, note, created_at,
		updated_at, deleted_at) VALUES ('$1', '$2', '09:00', $6, '$3', nullif('$4', ''), '$5',
		NULL, '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z', nullif('${7:-}', ''))"
}
# October: a co-led workshop with registrations, one without, one with no mediator,
# one deleted; September one; August one on a site only workshops use.
ws w1 2026-10-05 nord 'ab|cd' 90 'internet|mail' debutant sur_site 5 2 'femme=1' '' 'retraite=2'
part w1 1 PERS01 1
part w1 2 PERS02 1
part w1 3 PERS03 0
ws w2 2026-10-12 sud cd 60 internet '' '' NULL 3 'homme=2|femme=1' '' ''
part w2 1 PERS01 1
ws w3 2026-10-20 nord '' 30 securite avance hors_murs 1 0 '' '' ''
part w3 1 PERS03 1
ws w4 2026-10-21 nord ab 120 internet '' '' NULL 9 '' '' '' 2026-10-22T10:00:00Z
ws w5 2026-09-14 nord ab 60 internet '' '' NULL 4 '' '' ''
ws w6 2026-08-10 annexe ef 60 mail '' '' NULL 2 '' '' ''
wt t1 2026-10-06 nord ab preparation 45
wt t2 2026-10-07 sud cd coordination 30
wt t3 2026-10-08 nord '' coordination 15
wt t4 2026-10-09 nord ab veille 50 2026-10-10T10:00:00Z
wt t5 2026-10-09 nord zz partenaires 20
wt t6 2026-10-09 nord ab ancien_type 10
is "fixture: 6 workshops, 6 times" "$(sql "SELECT count(*) FROM workshop") $(sql "SELECT count(*) FROM worktime")" "6 6"

# What the report must find, written in SQL.
OCT="w.date BETWEEN '2026-10-01' AND '2026-10-31' AND w.deleted_at IS NULL"
SESSIONS=$(sql "SELECT count(*) FROM workshop w WHERE $OCT")
WMIN=$(sql "SELECT sum(duration) FROM workshop w WHERE $OCT")
PARTS=$(sql "SELECT (SELECT sum(anonymous) FROM workshop w WHERE $OCT) + (SELECT count(*)
	FROM workshop w JOIN workshop_participant p ON p.workshop_id = w.id WHERE $OCT AND p.present)")
PERSONS=$(sql "SELECT count(DISTINCT p.person_id) FROM workshop w JOIN workshop_participant p
	ON p.workshop_id = w.id WHERE $OCT AND p.present")
ANON=$(sql "SELECT sum(anonymous) FROM workshop w WHERE $OCT")
KNOWN=$(sql "SELECT count(*) || ' ' || sum(registered) || ' ' || sum(anonymous + (SELECT count(*)
	FROM workshop_participant p WHERE p.workshop_id = w.id AND p.present))
	FROM workshop w WHERE $OCT AND registered IS NOT NULL")
INDIV=$(sql "SELECT sum(duration) FROM visit WHERE date LIKE '2026-10-%' AND deleted_at IS NULL")
# Each session once for each of its mediators, once when it has none.
LED=$(sql "SELECT sum(duration * (CASE WHEN mediators IS NULL THEN 1
	ELSE length(mediators) - length(replace(mediators, '|', '')) + 1 END)) FROM workshop w WHERE $OCT")
OTHER=$(sql "SELECT sum(duration) FROM worktime w WHERE $OCT")
is "fixture: the SQL figures" "$SESSIONS $WMIN $PARTS $PERSONS $ANON / $KNOWN / $INDIV $LED $OTHER" \
	"3 180 9 3 5 / 2 6 5 / 75 270 120"

run report --month 2026-10 --format json
check "json: written" rc_is 0
cp "$T/out" "$T/oct.json"
j() { python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
$1" "$T/oct.json"; }
is "json: format_version 3" "$(j 'print(d["format_version"])')" 3
is "json ateliers: sessions, minutes, participations, persons, anonymous" \
	"$(j 'a = d["ateliers"]; print(a["seances"], a["minutes"], a["participations"], a["personnes"], a["anonymes"])')" \
	"$SESSIONS $WMIN $PARTS $PERSONS $ANON"
is "json ateliers: attendance over the workshops whose registrations are known" \
	"$(j 'p = d["ateliers"]["presence"]; print(p["ateliers_inscriptions_connues"], p["inscrits"], p["presents"], p["taux"])')" \
	"$KNOWN 83.3"
THEMES=$(sql "WITH RECURSIVE t(rest, code) AS (SELECT themes || '|', '' FROM workshop w WHERE $OCT
	UNION ALL SELECT substr(rest, instr(rest, '|') + 1), substr(rest, 1, instr(rest, '|') - 1)
	FROM t WHERE rest <> '') SELECT group_concat(code || '=' || n, ' ') FROM (SELECT code, count(*) n
	FROM t WHERE code <> '' GROUP BY code ORDER BY code)")
is "json ateliers: sessions by theme, a workshop in each of its themes" \
	"$(j 'v = d["ateliers"]["themes"]["valeurs"]; print(" ".join("%s=%d" % (k, v[k]["seances"]) for k in sorted(v) if v[k]["seances"]))')" \
	"$THEMES"
is "json ateliers: the theme shares are of the sessions" \
	"$(j 't = d["ateliers"]["themes"]; print(t["base"], t["valeurs"]["internet"]["part"], t["valeurs"]["internet"]["libelle"])')" \
	"$SESSIONS 66.7 Naviguer sur internet"
LEVELS=$(sql "SELECT group_concat(c || '=' || n, ' ') FROM (SELECT coalesce(level, 'non_renseigne') c,
	count(*) n FROM workshop w WHERE $OCT GROUP BY 1 ORDER BY 1)")
is "json ateliers: by level, « non renseigné » counted" \
	"$(j 'v = d["ateliers"]["niveaux"]["valeurs"]; print(" ".join("%s=%d" % (k, v[k]["seances"]) for k in sorted(v) if v[k]["seances"]))')" \
	"$LEVELS"
is "json ateliers: by place" \
	"$(j 'v = d["ateliers"]["lieux"]["valeurs"]; print(v["sur_site"]["seances"], v["hors_murs"]["seances"], v["distance"]["seances"], v["non_renseigne"]["seances"])')" \
	"1 1 0 1"
# The public: the persons present once each (SQL), plus the anonymous
# attendees at each session (w1: 1 femme of 2, 2 retraite; w2: 2 homme, 1 femme of 3).
PGENDER=$(sql "SELECT group_concat(c || '=' || n, ' ') FROM (SELECT coalesce(gender, '') c, count(*) n
	FROM person WHERE id IN (SELECT p.person_id FROM workshop w JOIN workshop_participant p
	ON p.workshop_id = w.id WHERE $OCT AND p.present) GROUP BY 1 ORDER BY 1)")
is "fixture: the persons' genders" "$PGENDER" "=1 femme=1 homme=1"
is "json ateliers: gender, persons plus anonymous, the untold as « non renseigné »" \
	"$(j 'g = d["ateliers"]["public"]["genre"]; v = g["valeurs"]; print(g["base"], v["femme"]["participants"], v["homme"]["participants"], v["non_renseigne"]["participants"])')" \
	"$((PERSONS + ANON)) 3 3 2"
is "json ateliers: age, the anonymous untold" \
	"$(j 'v = d["ateliers"]["public"]["tranche_age"]["valeurs"]; print(v["60_69"]["participants"], v["25_39"]["participants"], v["non_renseigne"]["participants"])')" \
	"1 1 6"
is "json ateliers: situation" \
	"$(j 'v = d["ateliers"]["public"]["situation"]["valeurs"]; print(v["retraite"]["participants"], v["emploi"]["participants"], v["non_renseigne"]["participants"])')" \
	"3 1 4"
is "json ateliers: area and equipment from the persons only" \
	"$(j 'p = d["ateliers"]["public"]; q = p["quartier"]; e = p["equipement"]; print(q["base"], q["valeurs"]["q1"]["participants"], q["valeurs"]["non_renseigne"]["participants"], e["base"], e["valeurs"]["smartphone"]["participants"], e["valeurs"]["non_renseigne"]["participants"])')" \
	"$PERSONS 1 2 $PERSONS 1 2"

TOTAL=$((INDIV + LED + OTHER))
is "json temps: individual, workshops once per mediator, the kinds" \
	"$(j 't = d["temps_de_travail"]; v = t["par_nature"]["valeurs"]; print(t["minutes"], v["accompagnement_individuel"]["minutes"], v["ateliers"]["minutes"], v["preparation"]["minutes"], v["coordination"]["minutes"], v["partenaires"]["minutes"], v["veille"]["minutes"])')" \
	"$TOTAL $INDIV $LED 45 45 20 0"
KINDS=$(sql "SELECT group_concat(kind || '=' || n, ' ') FROM (SELECT kind, sum(duration) n FROM worktime w
	WHERE $OCT GROUP BY kind ORDER BY kind)")
is "json temps: the kinds as in SQL" \
	"$(j 'v = d["temps_de_travail"]["par_nature"]["valeurs"]; print(" ".join("%s=%d" % (k, v[k]["minutes"]) for k in sorted(v) if v[k]["minutes"] and k not in ("accompagnement_individuel", "ateliers")))')" \
	"$KINDS"
is "json temps: the share outside accompaniment" \
	"$(j 'h = d["temps_de_travail"]["temps_hors_accompagnement"]; print(h["minutes"], h["part"])')" \
	"$((LED + OTHER)) $(python3 -c "print(round(($LED + $OTHER) * 100 / $TOTAL, 1))")"
is "json temps: a kind the lists do not know, kept and told, last" \
	"$(j 'v = d["temps_de_travail"]["par_nature"]["valeurs"]; k = list(v)[-1]; print(k, v[k]["minutes"], v[k]["libelle"], v[k]["code_inconnu"], v["preparation"]["code_inconnu"], v["ateliers"]["code_inconnu"])')" \
	"ancien_type 10 ancien_type True False False"
is "json temps: the rows in order, fixed rows first" \
	"$(j 'print(" ".join(list(d["temps_de_travail"]["par_nature"]["valeurs"])[:4]))')" \
	"accompagnement_individuel ateliers preparation coordination"
is "json tendance: the workshops month by month" \
	"$(j 'print(" ".join("%s:%d/%d" % (m["mois"], m["passages"], m["ateliers"]) for m in d["tendance"][-3:]))')" \
	"2026-08:0/1 2026-09:0/1 2026-10:2/3"
is "json essentiel: workshop sessions and time outside accompaniment, compared" \
	"$(j 'e = d["essentiel"]; s = e["seances_atelier"]; h = e["minutes_hors_accompagnement"]; print(s["valeur"], s["periode_precedente"], h["valeur"], h["periode_precedente"])')" \
	"3 1 $((LED + OTHER)) 60"
check "json: the workshops' tables not twice (only in « ateliers »)" \
	j 'assert "themes_atelier" not in d and "temps_de_travail" in d and "participants_genre" not in d'

# ---- --by mediator: a co-led workshop counts for each of its mediators
run report --month 2026-10 --by mediator --format json
cp "$T/out" "$T/oct.json"
is "by mediator: the groups, with a mediator only times have and the workshop without one" \
	"$(j 'print(" ".join(g["code"] or "-" for g in d["repartition"]["groupes"]))')" "- ab cd zz"
is "by mediator: the workshop and the time without a mediator, in « sans médiateur »" \
	"$(j 'g = d["repartition"]["groupes"][0]; v = g["bilan"]["temps_de_travail"]["par_nature"]["valeurs"]; print(g["libelle"], v["ateliers"]["minutes"], v["coordination"]["minutes"], g["bilan"]["ateliers"]["personnes"])')" \
	"sans médiateur 30 15 1"
is "by mediator: sessions of each" \
	"$(j 'print(" ".join(str(g["bilan"]["ateliers"]["seances"]) for g in d["repartition"]["groupes"]))')" \
	"1 1 2 0"
is "by mediator: workshop minutes, the co-led one for both" \
	"$(j 'print(" ".join(str(g["bilan"]["temps_de_travail"]["par_nature"]["valeurs"]["ateliers"]["minutes"]) for g in d["repartition"]["groupes"]))')" \
	"30 90 150 0"
is "by mediator: the groups' workshop minutes add up to the whole" \
	"$(j 'print(sum(g["bilan"]["temps_de_travail"]["par_nature"]["valeurs"]["ateliers"]["minutes"] for g in d["repartition"]["groupes"]))')" "$LED"
run report --month 2026-10 --by mediator --format csv -o "$T/m.csv"
check "by mediator csv: the time table has a column per mediator, in minutes" \
	grep -q "^ateliers;Ateliers;270;[0-9,]*;30;90;150;0" "$T/m.csv"
run report --month 2026-10 --by mediator
check "by mediator text: the working time of each, in 80 columns" sh -c '
	grep -Eq "^    Par médiateur +individuel +ateliers +autres +total$" "$1" &&
	grep -Eq "^    A\. B\. +30 min +1 h 30 +55 min +2 h 55$" "$1" &&
	grep -Eq "^    sans médiateur +0 min +30 min +15 min +45 min$" "$1" &&
	! grep -q ".\{81\}" "$1"' x "$T/out"
run report --month 2026-10 --by mediator --format html -o "$T/m.html"
check "by mediator html: the time table per mediator, in hours and minutes" grep -qF \
	'<td class="n">30 min</td><td class="n">1 h 30</td><td class="n">2 h 30</td><td class="n">0 min</td></tr>' "$T/m.html"
run report --month 2026-10 --by site --format json
cp "$T/out" "$T/oct.json"
is "by site: the workshops' sites" \
	"$(j 'print(" ".join("%s:%d" % (g["code"], g["bilan"]["ateliers"]["seances"]) for g in d["repartition"]["groupes"]))')" \
	"nord:2 sud:1"

# ---- a --mediator filter: only that mediator's share of a co-led workshop
run report --month 2026-10 --mediator cd --format json
cp "$T/out" "$T/oct.json"
CD=$(sql "SELECT count(*) || ' ' || sum(duration) FROM workshop w WHERE $OCT
	AND instr('|' || mediators || '|', '|cd|') > 0")
is "--mediator cd: its sessions and their minutes" \
	"$(j 'a = d["ateliers"]; t = d["temps_de_travail"]["par_nature"]["valeurs"]; print(a["seances"], t["ateliers"]["minutes"])')" "$CD"
is "--mediator cd: its visits and its other time" \
	"$(j 't = d["temps_de_travail"]["par_nature"]["valeurs"]; print(t["accompagnement_individuel"]["minutes"], t["coordination"]["minutes"], t["preparation"]["minutes"])')" \
	"45 30 0"
run report --month 2026-10 --mediator zz --format json
check "--mediator used only by a time: accepted" rc_is 0
cp "$T/out" "$T/oct.json"
is "--mediator zz: its time" "$(j 'print(d["temps_de_travail"]["par_nature"]["valeurs"]["partenaires"]["minutes"])')" 20
run report --month 2026-08 --site annexe --format json
check "--site used only by a workshop: accepted" rc_is 0
cp "$T/out" "$T/oct.json"
is "--site annexe: its workshop" "$(j 'print(d["ateliers"]["seances"])')" 1
run report --month 2026-08 --site annexe
check "a month of workshops only: no « empty report » on stderr" err_empty
check "a month of workshops only: said on top" \
	out_has "Aucun passage sur cette période : seuls des ateliers ou du temps de travail y sont enregistrés."
run report --month 2026-10 --mediator yy
check "--mediator nobody uses: still refused" rc_is 1

# ---- an empty month: the rates of nothing are null
run report --month 2025-01 --format json
cp "$T/out" "$T/oct.json"
is "empty month: no session, rates null" \
	"$(j 'a = d["ateliers"]; t = d["temps_de_travail"]; print(a["seances"], a["presence"]["taux"], t["minutes"], t["temps_hors_accompagnement"]["part"], a["themes"]["valeurs"]["internet"]["part"])')" \
	"0 None 0 None None"
run report --month 2025-01
check "empty month: said on stderr" err_has "aucun passage du 2025-01-01 au 2025-01-31, ni atelier ni temps de travail"
check "empty month text: no workshop said" out_has "Aucun atelier sur cette période."
check "empty month text: the time outside accompaniment has no share" \
	sh -c 'grep "Temps hors accompagnement individuel" "$1" | grep -q "—"' x "$T/out"

# ---- every format carries the figures
run report --month 2026-10 --format text -o "$T/r.text"
run report --month 2026-10 --format html -o "$T/r.html"
run report --month 2026-10 --format csv -o "$T/r.csv"
run report --month 2026-10 --format xlsx -o "$T/r.xlsx"
python3 "$TESTS_DIR/cli/xlsx_cells.py" "$T/r.xlsx" >"$T/r.xlsx.txt"
sed 's/&#39;/'"'"'/g; s/&quot;/"/g' "$T/r.html" >"$T/r.html.txt"
for fig in "8. Ateliers" "9. Temps de travail" "Séances d'atelier" "Temps hors accompagnement" \
	"Participations aux séances" "Personnes distinctes (avec un code)" \
	"Répartition du temps de travail" "compte deux fois" \
	"Participants anonymes" "Taux de présence" "Séances par thème" "Naviguer sur internet" \
	"Séances par niveau" "Séances par lieu" "Genre des participants" \
	"Tranche d'âge des participants" "Situation des participants" \
	"Commune ou quartier des participants" "Équipement à domicile des participants" \
	"Accompagnement individuel" "Coordination, réunions d'équipe" \
	"sur le seul atelier\|sur 2 ateliers"; do
	missing=""
	for f in text html.txt csv xlsx.txt; do
		grep -q "$fig" "$T/r.$f" || missing="$missing $f"
	done
	is "« $fig » in every format" "$missing" ""
done
check "text: minutes in hours and minutes" sh -c 'grep "^    Ateliers " "$1" | grep -q "4 h 30"' x "$T/r.text"
check "text: the trend has a workshops column" sh -c 'grep -q "passages  ateliers" "$1" && grep -Eq "^    2026-10 +2 +3 " "$1"' x "$T/r.text"
check "html: minutes in hours and minutes" grep -q '<td class="l">Ateliers</td><td class="n">4 h 30</td>' "$T/r.html"
check "html: the trend's second series, with a legend" sh -c 'grep -q "Séances d.atelier (chaque série" "$1" && grep -c "fill=\"#e07b00\"" "$1" | grep -qx 13' x "$T/r.html"
check "csv: the time table in minutes, titled so" sh -c 'grep -q "^Code;Libellé;Minutes;Part (%)" "$1" && grep -q "^ateliers;Ateliers;270;" "$1"' x "$T/r.csv"
check "csv: the trend with the workshops" sh -c 'grep -q "^Mois;Passages;Séances d.atelier" "$1" && grep -q "^2026-10;2;3" "$1"' x "$T/r.csv"
check "csv: the key figure of workshop sessions" grep -q "^Séances d'atelier;3;;1;" "$T/r.csv"
check "xlsx: the time table in minutes" sh -c 'grep -q "^s:Libellé # s:Minutes # s:Part # s:Code" "$1" && grep -q "^s:Ateliers # n:270 # " "$1"' x "$T/r.xlsx.txt"
check "xlsx: the trend with the workshops" grep -q "^s:2026-10 # n:2 # n:3" "$T/r.xlsx.txt"
check "xlsx: attendance as a share" grep -q "^s:Taux de présence (présents sur inscrits) (nombre ; part en %) # n:5 # n:0.833" "$T/r.xlsx.txt"
