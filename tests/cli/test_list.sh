# SPDX-License-Identifier: GPL-3.0-or-later
# carnet list: period, filters, table and CSV; carnet without a command.
. "$TESTS_DIR/cli/lib.sh"

mkdir -p "$XDG_CONFIG_HOME/carnet"
cat >"$XDG_CONFIG_HOME/carnet/carnet.ini" <<'EOF'
[site]
esc_blosne = ESC Le Blosne
maurepas = ESC Maurepas
[mediateur]
mcd = M. C. D.
mab = M. A. B.
[desk]
site = esc_blosne
mediator = mcd
EOF

TAB=$(printf '\t')
# csv_ids: first field of every CSV row of $T/out but the header, space separated.
csv_ids() {
	python3 -c '
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, delimiter=";"))
print(" ".join(r[0] for r in rows[1:]))
' "$T/out"
}
# csv_row ID: the fields of the CSV row whose first field is ID, tab separated.
csv_row() {
	python3 -c '
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    for r in csv.reader(f, delimiter=";"):
        if r and r[0] == sys.argv[2]:
            print("\t".join(r))
' "$T/out" "$1"
}
# tabs FIELD…: the fields joined by tabs.
tabs() {
	t_r=$1
	shift
	for t_x in "$@"; do t_r="$t_r$TAB$t_x"; done
	printf '%s' "$t_r"
}
# listed ARGS…: ids listed by "carnet list --format csv ARGS…".
listed() { run list --format csv "$@"; csv_ids; }
# line_of ID: the table line showing the short id of ID.
line_of() { grep -F -- "$(echo "$1" | cut -c1-8)" "$T/out"; }

# ---- no database yet: list never creates one
run list
check "list on a new account: base introuvable, status 3" rc_is 3
check "list on a new account: says so" err_has "base introuvable"
check "list on a new account: no database created" [ ! -e "$DB" ]

# ---- empty database (made by importing an empty exchange file)
printf 'id,date,heure,duree,site,mediateur,canal,demandes,organismes,posture,present,issue,urgent,oriente_par,oriente_vers,lieu_orientation,note,cree,modifie,supprime,usager,usager_id,tranche_age,genre,quartier,situation,equipement,usager_cree,usager_modifie\n' >"$T/empty.csv"
run import "$T/empty.csv"
check "an empty database made by importing an empty file" test -f "$DB"
run list
check "list on an empty database exits 0" rc_is 0
check "empty period message for the current month" out_has "Aucun passage du 2026-11-01 au 2026-11-30."
run list --from 2026-11-02 --to 2026-11-03
check "empty period message for --from/--to" out_has "Aucun passage du 2026-11-02 au 2026-11-03."

# ---- visits around the current month
add_visit --date 2026-10-31 --time 12:00; V1=$ID
add_visit --date 2026-11-01 --time 09:00; V2=$ID
run add --date 2026-11-30 --time 16:00 --duration 30 --demand courrier --posture pour \
	--site maurepas --mediator mab --outcome poursuivre
V3=$(cat "$T/out")
add_visit --date 2026-12-01 --time 08:00; V4=$ID
run add --date 2026-11-05 --time 9h05 --duration 1h30 --canal rdv --demand demande,rdv \
	--organism caf,cpam --posture avec --outcome aboutie --urgent --absent \
	--referred-by social --referred-to mediation --referred-place "EPN Maurepas" \
	--note 'Dit "oui", puis non'
V5=$(cat "$T/out")
is "five visits stored" "$(nvisits)" 5

# ---- default period: the current month, by date and time
is "default period lists the visits of November, by date" "$(listed)" "$V2 $V5 $V3"
is "--from alone leaves the end open" "$(listed --from 2026-10-31)" "$V1 $V2 $V5 $V3 $V4"
is "--to alone leaves the start open" "$(listed --to 2026-11-01)" "$V1 $V2"
is "--from and --to are inclusive" "$(listed --from 2026-11-30 --to 2026-12-01)" "$V3 $V4"
is "--from and --to on one day" "$(listed --from 2026-11-05 --to 2026-11-05)" "$V5"

# ---- filters
is "--site filters" "$(listed --site maurepas)" "$V3"
is "--site with two codes" "$(listed --site esc_blosne,maurepas)" "$V2 $V5 $V3"
is "--mediator filters" "$(listed --mediator mab)" "$V3"
is "--mediator mcd filters" "$(listed --mediator mcd)" "$V2 $V5"
is "--site and --mediator combine" "$(listed --site esc_blosne --mediator mab)" ""

run person new --code K7M2QX
check "person created for the --person filter" rc_is 0
add_visit --date 2026-11-10 --person K7M2QX; V6=$ID
is "--person filters" "$(listed --person K7M2QX)" "$V6"
is "without --person every visit of the month" "$(listed)" "$V2 $V5 $V6 $V3"

# ---- table
run list
check "table: exit 0" rc_is 0
check "table: nothing on stderr" err_empty
for h in Date Heure Durée Demande Organisme Posture Issue Usager Id; do
	check "table: column $h" out_has "$h"
done
check "table: short id of a visit of the month" out_has "$(echo "$V2" | cut -c1-8)"
check "table: the full id is not shown" sh -c '! grep -qF -- "$1" "$2"' x "$V2" "$T/out"
check "table: visit of 2026-10-31 not listed" sh -c '! grep -qF -- "$1" "$2"' x "$(echo "$V1" | cut -c1-8)" "$T/out"
check "table: visit of 2026-12-01 not listed" sh -c '! grep -qF -- "$1" "$2"' x "$(echo "$V4" | cut -c1-8)" "$T/out"
check "table: posture label (Faire avec)" sh -c 'grep -F -- "$1" "$2" | grep -qF "Faire avec"' x "$(echo "$V2" | cut -c1-8)" "$T/out"
check "table: posture label of another visit (Faire pou…, may be cut)" sh -c 'grep -F -- "$1" "$2" | grep -qF "Faire pou"' x "$(echo "$V3" | cut -c1-8)" "$T/out"
check "table: date of the visit" sh -c 'grep -F -- "$1" "$2" | grep -qF "2026-11-30"' x "$(echo "$V3" | cut -c1-8)" "$T/out"
check "table: first organism label (CAF) with +1" sh -c 'grep -F -- "$1" "$2" | grep -q "CAF.*+1"' x "$(echo "$V5" | cut -c1-8)" "$T/out"
check "table: person code in the Usager column" sh -c 'grep -F -- "$1" "$2" | grep -qF "K7M2QX"' x "$(echo "$V6" | cut -c1-8)" "$T/out"
# 15 + 90 + 15 + 30 minutes
check "table: total line (4 passages, 2 h 30)" grep -Eq '4 passage.*2 h 30' "$T/out"
check "table: fits 80 columns" [ "$(wc -L <"$T/out")" -le 80 ]

# ---- CSV
run list --format csv
check "csv: exit 0" rc_is 0
CR=$(printf '\r')
BOM=$(printf '\357\273\277')
is "csv: header row (the French spreadsheet dialect: BOM, ';')" "$(head -n 1 "$T/out")" \
	"${BOM}id;date;heure;duree;site;mediateur;canal;demandes;organismes;posture;present;issue;urgent;oriente_par;oriente_vers;lieu_orientation;usager;note$CR"
is "csv: one line per visit plus the header" "$(wc -l <"$T/out" | tr -d ' ')" 5
check "csv: every line ends with CRLF" python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
sys.exit(0 if d.endswith(b"\r\n") and d.count(b"\n") == d.count(b"\r\n") else 1)' "$T/out"
check "csv: a note with a double quote is quoted" out_has '"Dit ""oui"", puis non"'
is "csv: row of the visit with every field (labels, oui/non, minutes, full id)" "$(csv_row "$V5")" \
	"$(tabs "$V5" 2026-11-05 09:05 90 "ESC Le Blosne" "M. C. D." "Sur rendez-vous" \
		"Faire une demande, constituer un dossier | Prendre un rendez-vous en ligne" \
		"CAF | Assurance maladie (CPAM, ameli)" "Faire avec" non "Démarche aboutie" oui \
		"Travailleur social" "Atelier ou lieu de médiation numérique" "EPN Maurepas" "" \
		'Dit "oui", puis non')"
is "csv: row of a minimal visit" "$(csv_row "$V2")" \
	"$(tabs "$V2" 2026-11-01 09:00 15 "ESC Le Blosne" "M. C. D." "Accueil sans rendez-vous" \
		"S'informer sur un droit, une démarche" "" "Faire avec" oui "" non "" "" "" "" "")"
is "csv: row with another site, mediator and outcome" "$(csv_row "$V3")" \
	"$(tabs "$V3" 2026-11-30 16:00 30 "ESC Maurepas" "M. A. B." "Accueil sans rendez-vous" \
		"Comprendre un courrier, un formulaire" "" "Faire pour (à la place)" oui \
		"À poursuivre (nouveau passage prévu)" non "" "" "" "" "")"
is "csv: the person code in the usager column" "$(csv_row "$V6" | cut -f17)" K7M2QX
run list --format csv --from 2026-11-02 --to 2026-11-03
is "csv: empty period gives the header alone" "$(cat "$T/out")" \
	"${BOM}id;date;heure;duree;site;mediateur;canal;demandes;organismes;posture;present;issue;urgent;oriente_par;oriente_vers;lieu_orientation;usager;note$CR"

# ---- refused list options
run list --format xml
check "--format xml refused (exit 1)" rc_is 1
check "--format xml: message names --format" err_has "--format"
run list --from 2026-13-01
check "--from 2026-13-01 refused (exit 1)" rc_is 1
check "--from 2026-13-01: message names --from" err_has "--from"

# ---- deleted visits are not listed
run delete "$V2"
check "delete exits 0" rc_is 0
is "a deleted visit is not listed (csv)" "$(listed)" "$V5 $V6 $V3"
run list
check "a deleted visit is not listed (table)" sh -c '! grep -qF -- "$1" "$2"' x "$(echo "$V2" | cut -c1-8)" "$T/out"
check "table total without the deleted visit (3 passages, 2 h 15)" grep -Eq '3 passage.*2 h 15' "$T/out"

# ---- carnet without a command: today's visits of this desk
add_visit --time 10:00; V7=$ID
run
check "no command: exit 0" rc_is 0
check "no command: today's visit shown" out_has "$(echo "$V7" | cut -c1-8)"
check "no command: a visit of another day not shown" sh -c '! grep -qF -- "$1" "$2"' x "$(echo "$V5" | cut -c1-8)" "$T/out"
check "no command: hint line" out_has "Saisir un passage : carnet add"
check "no command: hint names the help" out_has "aide : carnet --help"
rm -rf "$XDG_DATA_HOME"
run
check "no command on a new account: base introuvable, status 3" rc_is 3
check "no command on a new account: no database created" [ ! -e "$DB" ]
check "no command on a new account: the message says how a base is made" err_has "carnet add"
