# SPDX-License-Identifier: GPL-3.0-or-later
# carnet add: the id printed, the row stored, defaults and every option.
. "$TESTS_DIR/cli/lib.sh"

UUID_RE='^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
# v COLUMN: one column of the visit $ID.
v() { sql "SELECT $1 FROM visit WHERE id = '$ID'"; }
# ordered COLUMN: codes of the visit $ID in their stored order, comma separated
# (COLUMN is demands or organisms: codes joined by '|', NULL when empty).
ordered() {
	sql "SELECT replace($1, '|', ',') FROM visit WHERE id = '$ID'"
}

# ---- minimal add
run add --duration 15 --demand info --posture avec
ID=$(cat "$T/out")
check "minimal add exits 0" rc_is 0
check "minimal add prints nothing on stderr" err_empty
is "minimal add prints exactly one line" "$(wc -l <"$T/out" | tr -d ' ')" 1
check "minimal add prints a lowercase UUID v4" grep -Eq "$UUID_RE" "$T/out"
is "the id is 36 characters" "${#ID}" 36
check "the database is created at the default place" test -f "$DB"
is "one visit in the database" "$(sql 'SELECT count(*) FROM visit')" 1
is "the stored id is the printed one" "$(sql 'SELECT id FROM visit')" "$ID"
is "default date is today (CARNET_NOW)" "$(v date)" 2026-11-18
is "default time is now (CARNET_NOW)" "$(v time)" 10:30
is "default canal is libre" "$(v canal)" libre
is "without site list the site is defaut" "$(v site)" defaut
is "duration stored in minutes" "$(v duration)" 15
is "posture stored" "$(v posture)" avec
is "demand stored" "$(ordered demands)" info
is "no organism by default" "$(v "organisms IS NULL")" 1
is "person present by default" "$(v present)" 1
is "not urgent by default" "$(v urgent)" 0
is "no mediator by default" "$(v "coalesce(mediator, '')")" ""
is "no outcome by default" "$(v "coalesce(outcome, '')")" ""
is "no referral by default" "$(v "coalesce(referred_by, '') || coalesce(referred_to, '') || coalesce(referred_place, '')")" ""
is "no person by default" "$(v "coalesce(person_id, '')")" ""
is "no note by default" "$(v "coalesce(note, '')")" ""
is "created_at is set from CARNET_NOW" "$(v "created_at LIKE '2026-11-18%'")" 1
is "updated_at is set" "$(v "coalesce(updated_at, '') <> ''")" 1
is "deleted_at is not set" "$(v "coalesce(deleted_at, '')")" ""

# ---- a second add gives another id
FIRST=$ID
add_visit
check "second add exits 0" rc_is 0
check "second add prints a UUID v4" grep -Eq "$UUID_RE" "$T/out"
check "second id differs from the first" [ "$ID" != "$FIRST" ]
is "two visits in the database" "$(sql 'SELECT count(*) FROM visit')" 2

# ---- every option, codes given in upper or mixed case
NOTE="Accompagnée pour l'ANTS : très contente, « ça marche » — à revoir en décembre"
run add --date 2026-11-05 --time 14:30 --duration 45 --canal RDV \
	--demand DEMANDE,Rdv,info --organism CAF,Cpam,ants --posture FAIRE \
	--outcome Aboutie --urgent --absent --referred-by SOCIAL \
	--referred-to France_Services --referred-place "Maison du droit, Le Blosne" \
	--note "$NOTE"
ID=$(cat "$T/out")
check "add with every option exits 0" rc_is 0
check "add with every option prints a UUID v4" grep -Eq "$UUID_RE" "$T/out"
is "--date stored" "$(v date)" 2026-11-05
is "--time stored" "$(v time)" 14:30
is "--duration stored" "$(v duration)" 45
is "--canal lower-cased" "$(v canal)" rdv
is "--demand: several demands kept in order, lower-cased" "$(ordered demands)" demande,rdv,info
is "--demand: one row per demand" "$(v demands)" "demande|rdv|info"
is "--demand: the main demand has the lowest rank" \
	"$(v "substr(demands, 1, instr(demands || '|', '|') - 1)")" demande
is "--organism: organisms kept in order, lower-cased" "$(ordered organisms)" caf,cpam,ants
is "--posture lower-cased" "$(v posture)" faire
is "--outcome lower-cased" "$(v outcome)" aboutie
is "--urgent stored" "$(v urgent)" 1
is "--absent stored" "$(v present)" 0
is "--referred-by lower-cased" "$(v referred_by)" social
is "--referred-to lower-cased" "$(v referred_to)" france_services
is "--referred-place stored" "$(v referred_place)" "Maison du droit, Le Blosne"
is "--note stored with its accents" "$(v note)" "$NOTE"
is "site still the default" "$(v site)" defaut

# ---- time formats
add_visit --time 14h30
is "--time 14h30 exits 0" "$RC" 0
is "--time 14h30 stored as 14:30" "$(v time)" 14:30
add_visit --time 9:05
is "--time 9:05 exits 0" "$RC" 0
is "--time 9:05 stored as 09:05" "$(v time)" 09:05
add_visit --time 14h
is "--time 14h exits 0" "$RC" 0
is "--time 14h stored as 14:00" "$(v time)" 14:00
add_visit --time 00:00
is "--time 00:00 stored" "$(v time)" 00:00
add_visit --time 23:59
is "--time 23:59 stored" "$(v time)" 23:59

# ---- duration formats and bounds
run add --duration 1h30 --demand info --posture avec
ID=$(cat "$T/out")
is "--duration 1h30 exits 0" "$RC" 0
is "--duration 1h30 stored as 90" "$(v duration)" 90
run add --duration 2h --demand info --posture avec
ID=$(cat "$T/out")
is "--duration 2h stored as 120" "$(v duration)" 120
run add --duration 1 --demand info --posture avec
ID=$(cat "$T/out")
is "--duration 1 (lower bound) stored" "$(v duration)" 1
run add --duration 480 --demand info --posture avec
ID=$(cat "$T/out")
is "--duration 480 (upper bound) stored" "$(v duration)" 480

# ---- dates
add_visit --date 2028-02-29
is "--date 2028-02-29 (leap day) exits 0" "$RC" 0
is "--date 2028-02-29 stored" "$(v date)" 2028-02-29

# ---- limits of free text: 500 characters of note (not bytes), 120 of place
NOTE500=$(python3 -c 'print("é" * 500)')
add_visit --note "$NOTE500"
is "a note of 500 accented characters is accepted" "$RC" 0
is "the 500-character note is stored whole" "$(v "length(note)")" 500
PLACE120=$(python3 -c 'print("à" * 120)')
add_visit --referred-to mediation --referred-place "$PLACE120"
is "a place of 120 accented characters is accepted" "$RC" 0
is "the 120-character place is stored whole" "$(v "length(referred_place)")" 120

# ---- a single organism
add_visit --organism impots
is "--organism with one code exits 0" "$RC" 0
is "--organism with one code stored" "$(ordered organisms)" impots

is "every add above was stored" "$(sql 'SELECT count(*) FROM visit')" 16
