# SPDX-License-Identifier: GPL-3.0-or-later
# carnet person new / edit / show, and visits linked to a person.
. "$TESTS_DIR/cli/lib.sh"

# p CODE COLUMNS: columns of the person with this code.
p() { sql "SELECT $2 FROM person WHERE code = '$1'"; }
# equipment CODE: the equipment codes of the person with this code, sorted by
# code, comma separated (person.equipment holds them joined by '|', NULL when none).
equipment() {
	sql "WITH RECURSIVE split(code, rest) AS (
	       SELECT NULL, equipment || '|' FROM person WHERE code = '$1'
	       UNION ALL
	       SELECT substr(rest, 1, instr(rest, '|') - 1), substr(rest, instr(rest, '|') + 1) FROM split WHERE rest <> '')
	     SELECT group_concat(code, ',') FROM (SELECT code FROM split WHERE code IS NOT NULL ORDER BY code)"
}
npersons() { sql "SELECT count(*) FROM person"; }

mkdir -p "$XDG_CONFIG_HOME/carnet"
printf '[quartier]\nle_blosne = Le Blosne\nmaurepas = Maurepas\n' >"$XDG_CONFIG_HOME/carnet/carnet.ini"

# ---- generated code
run person new --age 25_39 --gender FEMME --area le_blosne --situation emploi --equipment smartphone,INTERNET
C1=$(cat "$T/out")
check "person new exits 0" rc_is 0
check "person new prints nothing on stderr" err_empty
check "person new prints a 6-character code of the allowed alphabet" \
	grep -Eqx '[23456789ACDEFGHJKMNPQRTWXY]{6}' "$T/out"
is "person stored" "$(npersons)" 1
is "stored code is the printed one" "$(sql 'SELECT code FROM person')" "$C1"
is "profile stored (age, gender, area, situation)" "$(p "$C1" "age, gender, area, situation")" "25_39|femme|le_blosne|emploi"
is "equipment stored, lower-cased" "$(equipment "$C1")" internet,smartphone
is "person not deleted" "$(p "$C1" "coalesce(deleted_at, '')")" ""
is "person created_at follows CARNET_NOW" "$(p "$C1" "created_at LIKE '2026-11-18%'")" 1

codes=""
i=0
while [ $i -lt 20 ]; do
	run person new
	[ "$RC" -eq 0 ] && grep -Eqx '[23456789ACDEFGHJKMNPQRTWXY]{6}' "$T/out" || break
	codes="$codes$(cat "$T/out")
"
	i=$((i + 1))
done
is "20 more generated codes, all of the allowed alphabet" "$i" 20
is "generated codes are all different" "$(printf '%s' "$codes" | sort -u | wc -l | tr -d ' ')" 20
is "a person without profile has empty fields" \
	"$(p "$(printf '%s' "$codes" | head -n 1)" "coalesce(age,'') || coalesce(gender,'') || coalesce(area,'') || coalesce(situation,'')")" ""

# ---- given code
run person new --code k7m2qx --age 60_69
check "person new --code exits 0" rc_is 0
is "person new --code prints the code upper-cased" "$(cat "$T/out")" K7M2QX
is "person new --code stores the code upper-cased" "$(p K7M2QX "count(*)")" 1
is "person new --code stores the profile" "$(p K7M2QX age)" 60_69
N=$(npersons)
run person new --code K7M2QX
check "existing code refused (exit 1)" rc_is 1
check "existing code: message on stderr" grep -q '^carnet: ' "$T/err"
check "existing code: nothing on stdout" out_empty
run person new --code k7M2qX
check "existing code in another case refused (exit 1)" rc_is 1
for bad in abc ABCDEFGHJKMNPQRST "AB-12" "AB 12"; do
	run person new --code "$bad"
	check "--code « $bad » refused (exit 1)" rc_is 1
	check "--code « $bad »: message names --code" err_has "--code"
done
run person new --code ABCD
check "--code of 4 characters accepted" rc_is 0
run person new --code ABCDEFGH12345678
check "--code of 16 characters accepted" rc_is 0
N=$(npersons)

# ---- refused profile values
run person new --equipment aucun,smartphone
check "equipment aucun with another refused (exit 1)" rc_is 1
check "equipment aucun with another: message names --equipment" err_has "--equipment"
run person new --equipment aucun
check "equipment aucun alone accepted" rc_is 0
AUCUN=$(cat "$T/out")
is "equipment aucun alone stored" "$(equipment "$AUCUN")" aucun
N=$(npersons)
run person new --age 99_120
check "unknown --age refused (exit 1)" rc_is 1
check "unknown --age: message names --age" err_has "--age"
check "unknown --age: message lists accepted values" err_has "70_plus"
run person new --gender xyz
check "unknown --gender refused (exit 1)" rc_is 1
check "unknown --gender: message lists accepted values" err_has femme
run person new --area xyz
check "unknown --area refused (exit 1)" rc_is 1
check "unknown --area: message lists accepted values" err_has le_blosne
run person new --situation xyz
check "unknown --situation refused (exit 1)" rc_is 1
check "unknown --situation: message lists accepted values" err_has sans_emploi
run person new --equipment xyz
check "unknown --equipment refused (exit 1)" rc_is 1
check "unknown --equipment: message lists accepted values" err_has tablette
is "no person written by refused commands" "$(npersons)" "$N"

# ---- person edit
run person edit "$C1" --situation sans_emploi --area maurepas
check "person edit exits 0" rc_is 0
is "person edit changed the given fields only" "$(p "$C1" "age, gender, area, situation")" "25_39|femme|maurepas|sans_emploi"
is "person edit kept the equipment" "$(equipment "$C1")" internet,smartphone
run person edit "$C1" --age "" --equipment ordinateur
check "person edit with an empty value exits 0" rc_is 0
is "person edit: empty value cleared the field" "$(p "$C1" "coalesce(age, '')")" ""
is "person edit: equipment replaced" "$(equipment "$C1")" ordinateur
is "person edit: other fields kept" "$(p "$C1" "gender, area, situation")" "femme|maurepas|sans_emploi"
run person edit "$C1" --equipment aucun,tablette
check "person edit: aucun with another refused (exit 1)" rc_is 1
is "person edit refused: equipment unchanged" "$(equipment "$C1")" ordinateur
run person edit "$C1" --gender xyz
check "person edit: unknown gender refused (exit 1)" rc_is 1
is "person edit refused: gender unchanged" "$(p "$C1" gender)" femme
run person edit ZZZZ99 --gender homme
check "person edit of an unknown code: exit 3" rc_is 3
is "no person created by editing an unknown code" "$(p ZZZZ99 "count(*)")" 0

# ---- visits linked to a person
run add --date 2026-11-10 --time 10:00 --duration 20 --demand compte --posture pour --person K7M2QX
V2=$(cat "$T/out")
check "add --person exits 0" rc_is 0
run add --date 2026-11-03 --time 15:00 --duration 30 --demand info --posture faire --person K7M2QX
V1=$(cat "$T/out")
add_visit --date 2026-11-04
V0=$ID
is "add --person links the visit to the person" \
	"$(sql "SELECT count(*) FROM visit v JOIN person p ON v.person_id IN (p.id, p.code) WHERE p.code = 'K7M2QX' AND v.id = '$V2'")" 1
is "a visit without --person has no person" "$(sql "SELECT coalesce(person_id, '') FROM visit WHERE id = '$V0'")" ""
N=$(nvisits)
run add --duration 15 --demand info --posture avec --person ZZZZ99
check "add --person unknown: exit 3" rc_is 3
check "add --person unknown: message says usager inconnu" err_has "usager inconnu"
is "add --person unknown: nothing written" "$(nvisits)" "$N"

# ---- person show
run person show K7M2QX
check "person show exits 0" rc_is 0
check "person show: the code" out_has K7M2QX
check "person show: age label" out_has "60-69 ans"
check "person show: empty fields shown as non renseigné" out_has "non renseigné"
check "person show: first visit listed" out_has "$(echo "$V1" | cut -c1-8)"
check "person show: second visit listed" out_has "$(echo "$V2" | cut -c1-8)"
check "person show: another person's visit not listed" sh -c '! grep -qF -- "$1" "$2"' x "$(echo "$V0" | cut -c1-8)" "$T/out"
is "person show: visits oldest first" \
	"$(grep -oE '2026-11-(03|10)' "$T/out" | tr '\n' ' ')" "2026-11-03 2026-11-10 "
check "person show: posture label in the table (may be cut)" out_has "Laisser f"
run person show "$C1"
check "person show of a full profile: gender label" out_has Femme
check "person show of a full profile: area label" out_has Maurepas
check "person show of a full profile: situation label" out_has "Sans emploi"
check "person show of a full profile: equipment label" out_has Ordinateur
run person show ZZZZ99
check "person show of an unknown code: exit 3" rc_is 3
check "person show of an unknown code: message names it" err_has ZZZZ99
run person bogus
check "person with an unknown subcommand: exit 2" rc_is 2
