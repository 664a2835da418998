# SPDX-License-Identifier: GPL-3.0-or-later
# carnet time add, show, edit, delete, list: time outside accompaniment.
. "$TESTS_DIR/cli/lib.sh"

UUID_RE='^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
# t COLUMNS: columns of the time $ID.
t() { sql "SELECT $1 FROM worktime WHERE id = '$ID'"; }
dump() { [ -s "$DB" ] && sql "SELECT * FROM worktime ORDER BY id"; }
line() { grep -q "^ *$1 *: *$2\$" "$T/out"; }
add_time() {
	run time add --duration 30 --kind coordination "$@"
	ID=$(head -n 1 "$T/out")
}

mkdir -p "$XDG_CONFIG_HOME/carnet"
cat >"$XDG_CONFIG_HOME/carnet/carnet.ini" <<'EOF'
[site]
esc_blosne = ESC Le Blosne
maison = Maison de quartier
[mediateur]
mcd = M. C. D.
ab = A. B.
[desk]
site = esc_blosne
mediator = mcd
EOF

# ---- minimal add: the defaults
run time add --duration 30 --kind coordination
ID=$(cat "$T/out")
check "minimal add: exit 0" rc_is 0
check "minimal add: nothing on stderr" err_empty
check "minimal add: prints a UUID v4" grep -Eq "$UUID_RE" "$T/out"
is "one time in the base" "$(sql 'SELECT count(*) FROM worktime')" 1
is "default date is today" "$(t date)" 2026-11-18
is "default time is now" "$(t time)" 10:30
is "default site from [desk]" "$(t site)" esc_blosne
is "default mediator from [desk]" "$(t mediator)" mcd
is "duration" "$(t duration)" 30
is "kind" "$(t kind)" coordination
is "no note" "$(t "coalesce(note,'')")" ""

# ---- every option
run time add --date 2026-11-05 --time 8h15 --duration "1 h 30" --site maison --mediator ab \
	--kind appui_agents --note "Formation des agents d'accueil"
ID=$(cat "$T/out")
check "full add: exit 0" rc_is 0
is "--date" "$(t date)" 2026-11-05
is "--time" "$(t time)" 08:15
is "--duration 1 h 30" "$(t duration)" 90
is "--site" "$(t site)" maison
is "--mediator" "$(t mediator)" ab
is "--kind" "$(t kind)" appui_agents
is "--note" "$(t note)" "Formation des agents d'accueil"
FULL=$ID
add_time --duration 12h
is "--duration up to 12 h" "$(t duration)" 720
add_time --duration 2h45 --mediator ""
is "--duration 2h45" "$(t duration)" 165
is "--mediator \"\": none" "$(t "mediator IS NULL")" 1
add_time --kind VEILLE
is "--kind in capitals" "$(t kind)" veille
sql "DELETE FROM worktime WHERE id <> '$FULL'"

# ---- refused values
refused "--duration missing" 1 "--duration" time add --kind coordination
refused "--kind missing" 1 "--kind" time add --duration 30
check "--kind missing: accepted values listed" err_has "preparation"
refused "--kind unknown" 1 "--kind" time add --duration 30 --kind sieste
check "--kind unknown: accepted values listed" err_has "partenaires"
refused "--kind bad shape" 1 "--kind" time add --duration 30 --kind "a b!"
refused "--duration 0" 1 "--duration" time add --duration 0 --kind coordination
refused "--duration 721" 1 "de 1 à 720" time add --duration 721 --kind coordination
refused "--duration 12h01" 1 "--duration" time add --duration 12h01 --kind coordination
refused "--duration abc" 1 "--duration" time add --duration abc --kind coordination
refused "--date bad" 1 "--date" time add --date 2026-02-30 --duration 30 --kind coordination
refused "--time bad" 1 "--time" time add --time 24:00 --duration 30 --kind coordination
refused "--site unknown" 1 "--site" time add --site lune --duration 30 --kind coordination
check "--site unknown: accepted values listed" err_has "maison"
refused "--mediator unknown" 1 "--mediator" time add --mediator zz --duration 30 --kind coordination
check "--mediator unknown: accepted values listed" err_has "mcd"
refused "--note too long" 1 "--note" time add --duration 30 --kind coordination --note "$(printf '%0501d' 0)"
refused "unknown option" 2 "--frobnicate" time add --duration 30 --kind coordination --frobnicate
refused "an argument too many" 2 "argument en trop" time add --duration 30 --kind coordination extra
refused "no subcommand" 2 "sous-commande manquante" time
refused "unknown subcommand" 2 "sous-commande inconnue" time frobnicate
mkdir -p "$T/nosite/carnet"
cat >"$T/nosite/carnet/carnet.ini" <<'EOF'
[site]
esc_blosne = ESC Le Blosne
maison = Maison de quartier
EOF
XDG_CONFIG_HOME=$T/nosite
refused "no site: --site required" 1 "--site" time add --duration 30 --kind coordination
XDG_CONFIG_HOME=$T/config

# ---- show
ID=$FULL
run time show "$(printf %.8s "$ID")"
check "show by prefix: exit 0" rc_is 0
check "show: the id" line "Identifiant" "$ID"
check "show: the date" line "Date" "2026-11-05"
check "show: the time" line "Heure" "08:15"
check "show: the duration" line "Durée" "1 h 30"
check "show: the site's label" line "Site" "Maison de quartier"
check "show: the mediator's label" line "Médiateur" "A. B."
check "show: the kind's label" line "Nature" "Appui et formation des agents de la structure"
check "show: the note" line "Note" "Formation des agents d'accueil"
refused "show of an unknown id" 3 "ffffffff" time show ffffffff
refused "show without id" 2 "identifiant du temps manquant" time show

# ---- edit
OTHERS="date, time, duration, site, mediator, created_at"
before=$(t "$OTHERS")
run time edit "$ID" --kind formation --note ""
check "edit: exit 0" rc_is 0
is "edit prints the id" "$(cat "$T/out")" "$ID"
is "edit --kind" "$(t kind)" formation
is "edit --note \"\" clears it" "$(t "coalesce(note,'')")" ""
is "edit: the other fields kept" "$(t "$OTHERS")" "$before"
run time edit "$ID" --date 2026-11-06 --time 13:00 --duration 45 --site esc_blosne --mediator ""
is "edit of the other fields" "$(t "date || ' ' || time || ' ' || duration || ' ' || site || ' ' || coalesce(mediator,'-')")" \
	"2026-11-06 13:00 45 esc_blosne -"
refused "edit --kind \"\"" 1 "--kind" time edit "$ID" --kind ""
check "edit --kind \"\": the accepted values are listed" err_has "Valeurs acceptées : preparation"
refused "edit --kind unknown" 1 "--kind" time edit "$ID" --kind sieste
refused "edit --duration 721" 1 "--duration" time edit "$ID" --duration 721
refused "edit without a field" 2 "aucun champ" time edit "$ID"
refused "edit of an unknown id" 3 "ffffffff" time edit ffffffff --kind veille

# ---- list
sql "DELETE FROM worktime"
add_time --date 2026-11-03 --time 09:00 --duration 30
A=$ID
add_time --date 2026-11-04 --time 14:00 --duration 90 --kind preparation --site maison --mediator ab \
	--note "=SOMME(A1)"
B=$ID
add_time --date 2026-11-25 --time 16:00 --duration 60 --kind partenaires
C=$ID
add_time --date 2026-10-30 --duration 45
run time list
check "list: exit 0" rc_is 0
check "list: the current month by default" sh -c "! grep -q 2026-10-30 '$T/out'"
check "list: a header" grep -q "^Date *Heure *Durée *Nature *Médiateur *Id$" "$T/out"
check "list: a row" grep -q "^2026-11-03 09:00  30 min Coordination, réunions d'équipe  *M. C. D.  *$(printf %.8s "$A")$" "$T/out"
check "list: the total" out_has "3 temps, 3 h 00"
check "list: fits 80 columns" [ "$(wc -L <"$T/out")" -le 80 ]
run time list --from 2026-10-01 --to 2026-10-31
check "list --from --to" out_has "1 temps, 45 min"
run time list --site maison
check "list --site" grep -q "$(printf %.8s "$B")" "$T/out"
check "list --site: one" out_has "1 temps, 1 h 30"
run time list --mediator mcd
check "list --mediator" out_has "2 temps, 1 h 30"
run time list --from 2026-12-01 --to 2026-12-01
check "list of an empty day: said" out_is "Aucun temps hors accompagnement le 2026-12-01."
run time list --format csv
check "list csv: a BOM" sh -c "head -c 3 '$T/out' | od -An -tx1 | grep -q 'ef bb bf'"
check "list csv: the header" grep -q "id;date;heure;duree;site;mediateur;nature;note" "$T/out"
check "list csv: CRLF" sh -c "head -n 1 '$T/out' | od -c | grep -q '\\\\r  \\\\n'"
is "list csv: a header and three rows" "$(wc -l <"$T/out" | tr -d ' ')" 4
check "list csv: labels" out_has ";Maison de quartier;A. B.;Préparation (ateliers, supports);"
check "list csv: a formula guarded" out_has ";'=SOMME(A1)"
run time list -o "$T/temps.txt"
check "list -o: nothing on stdout" out_empty
check "list -o: the file" grep -q "3 temps, 3 h 00" "$T/temps.txt"
refused "list --person is not an option of time list" 2 "--person" time list --person K7M2QX
refused "list --format xlsx" 1 "table, csv" time list --format xlsx
refused "list --to before --from" 1 "--to" time list --from 2026-11-10 --to 2026-11-01

# ---- delete
run time delete "$(printf %.8s "$B")"
check "delete: exit 0" rc_is 0
is "delete: says what was deleted" "$(cat "$T/out")" "Temps supprimé : $B"
ID=$B
is "delete: a tombstone" "$(t "deleted_at IS NOT NULL")" 1
refused "show of a deleted time" 3 "$(printf %.8s "$B")" time show "$B"
refused "delete again" 3 "$(printf %.8s "$B")" time delete "$B"
run time list
check "list: the deleted one is gone" sh -c "! grep -q '$(printf %.8s "$B")' '$T/out'"
check "list: the total without it" out_has "2 temps, 1 h 30"
refused "delete without id" 2 "identifiant du temps manquant" time delete

# ---- help
for sub in "" add list show edit delete; do
	run time $sub --help
	check "time $sub --help: exit 0" rc_is 0
	check "time $sub --help: a usage line" grep -q "^Usage : carnet time" "$T/out"
	check "time $sub --help: lines fit 80 columns" [ "$(wc -L <"$T/out")" -le 80 ]
	cp "$T/out" "$T/help"
	run help time $sub
	check "help time $sub: the same text" cmp -s "$T/out" "$T/help"
done
run time add --help
check "time add --help names every option" sh -c 'for o in --date --time --duration --site --mediator --kind --note; do grep -q -- "$o " "$0" || exit 1; done' "$T/out"
run --help
check "carnet --help lists time" grep -q "^ *time " "$T/out"
