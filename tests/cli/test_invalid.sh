# SPDX-License-Identifier: GPL-3.0-or-later
# Refused values: exit status, a French message naming the option and the
# accepted values, and nothing written.
. "$TESTS_DIR/cli/lib.sh"

# refused DESC STATUS OPTION ARGS…: "carnet ARGS…" must exit STATUS with a
# "carnet: " message naming OPTION (unless empty), print nothing on stdout and
# leave the number of visits unchanged.
refused() {
	r_desc=$1 r_status=$2 r_opt=$3
	shift 3
	r_before=$(nvisits)
	run "$@"
	check "$r_desc: exit $r_status" rc_is "$r_status"
	check "$r_desc: message on stderr starts with 'carnet: '" grep -q '^carnet: ' "$T/err"
	if [ -n "$r_opt" ]; then check "$r_desc: message names $r_opt" err_has "$r_opt"; fi
	check "$r_desc: nothing on stdout" out_empty
	is "$r_desc: no visit written" "$(nvisits)" "$r_before"
}
# unknown_code OPTION VALUE ACCEPTED [CONFIG-ARGS…]: an unknown code for OPTION
# is refused, the message says "code inconnu « VALUE »" and lists ACCEPTED.
unknown_code() {
	u_opt=$1 u_val=$2 u_acc=$3
	shift 3
	refused "$u_opt $u_val" 1 "$u_opt" "$@" add --duration 15 --demand info --posture avec "$u_opt" "$u_val"
	check "$u_opt $u_val: message says code inconnu « xyz »" err_has "code inconnu « xyz »"
	check "$u_opt $u_val: message lists accepted values (Valeurs acceptées)" err_has "Valeurs acceptées"
	check "$u_opt $u_val: accepted values include $u_acc" err_has "$u_acc"
}

# The very first command is refused: no visit may exist afterwards.
unknown_code --canal xyz domicile
if [ -f "$DB" ]; then
	is "first refused command: the database holds no visit" "$(sql 'SELECT count(*) FROM visit')" 0
else
	ok "first refused command: no database created"
fi

# A valid visit, so that "unchanged" below means 1 and not 0.
add_visit
check "control: a valid add exits 0" rc_is 0
is "control: one visit stored" "$(nvisits)" 1

# ---- unknown codes
unknown_code --demand xyz courrier
refused "--demand info,xyz (one bad code among good ones)" 1 --demand \
	add --duration 15 --posture avec --demand info,xyz
check "--demand info,xyz: message says code inconnu « xyz »" err_has "code inconnu « xyz »"
unknown_code --organism xyz caf
check "--organism xyz: message lists cpam too" err_has cpam
refused "--organism caf,xyz (one bad code among good ones)" 1 --organism \
	add --duration 15 --demand info --posture avec --organism caf,xyz
check "--organism caf,xyz: message says code inconnu « xyz »" err_has "code inconnu « xyz »"
unknown_code --posture xyz devant
unknown_code --outcome xyz poursuivre
unknown_code --referred-by xyz spontane
unknown_code --referred-to xyz france_services

CONF="$T/desk.ini"
printf '[site]\nesc_blosne = ESC Le Blosne\nmaurepas = ESC Maurepas\n[mediateur]\nmcd = M. C. D.\nmab = M. A. B.\n[desk]\nsite = esc_blosne\n' >"$CONF"
unknown_code --site xyz esc_blosne --config "$CONF"
unknown_code --mediator xyz mcd --config "$CONF"

# ---- retired code
RET="$T/retired.ini"
printf '[retired]\norganisme = msa\n' >"$RET"
refused "retired --organism msa" 1 --organism \
	--config "$RET" add --duration 15 --demand info --posture avec --organism msa
check "retired --organism msa: message says code retiré « msa »" err_has "code retiré « msa »"
check "retired --organism msa: message lists accepted values (caf)" err_has caf
refused "retired code MSA in upper case" 1 --organism \
	--config "$RET" add --duration 15 --demand info --posture avec --organism caf,MSA

# ---- dates
for bad in 2026-13-01 2026-02-30 18.11.2026 31/11/2026 32/11 demain 2026-11-00 2026-11-1x; do
	refused "--date $bad" 1 --date add --duration 15 --demand info --posture avec --date "$bad"
	check "--date $bad: message says date invalide « $bad »" err_has "date invalide « $bad »"
done
check "--date: message gives the expected format AAAA-MM-JJ" err_has "AAAA-MM-JJ"

# ---- times
for bad in 25:00 10:61 24:00 abc 10h75; do
	refused "--time $bad" 1 --time add --duration 15 --demand info --posture avec --time "$bad"
	check "--time $bad: message quotes « $bad »" err_has "« $bad »"
done

# ---- durations
for bad in 0 481 abc 8h01 -5; do
	refused "--duration $bad" 1 --duration add --duration "$bad" --demand info --posture avec
	check "--duration $bad: message says durée invalide « $bad »" err_has "durée invalide « $bad »"
done
check "--duration: message gives the range (de 1 à 480 minutes)" err_has "de 1 à 480 minutes"

# ---- empty demand lists
refused '--demand ""' 1 --demand add --duration 15 --demand "" --posture avec
refused '--demand ,' 1 --demand add --duration 15 --demand , --posture avec

# ---- missing required options
refused "missing --duration" 1 --duration add --demand info --posture avec
check "missing --duration: message says obligatoire" err_has "--duration : obligatoire"
refused "missing --demand" 1 --demand add --duration 15 --posture avec
check "missing --demand: message says obligatoire" err_has "--demand : obligatoire"
refused "missing --posture" 1 --posture add --duration 15 --demand info
check "missing --posture: message says obligatoire" err_has "--posture : obligatoire"

# ---- free text
NOTE501=$(python3 -c 'print("é" * 501)')
refused "--note of 501 characters" 1 --note add --duration 15 --demand info --posture avec --note "$NOTE501"
refused "--note with a tab" 1 --note add --duration 15 --demand info --posture avec --note "$(printf 'a\tb')"
refused "--note with a newline" 1 --note add --duration 15 --demand info --posture avec --note "$(printf 'a\nb')"
PLACE121=$(python3 -c 'print("a" * 121)')
refused "--referred-place of 121 characters" 1 --referred-place \
	add --duration 15 --demand info --posture avec --referred-to mediation --referred-place "$PLACE121"

# ---- unknown person
refused "--person unknown" 3 "" add --duration 15 --demand info --posture avec --person ZZZZ99
check "--person unknown: message says usager inconnu" err_has "usager inconnu"

# ---- usage errors
refused "unknown option --bogus" 2 --bogus add --duration 15 --demand info --posture avec --bogus
refused "unknown command" 2 "" frobnicate
check "unknown command: message names it" err_has frobnicate
refused "option without its argument" 2 --duration add --demand info --posture avec --duration
refused "unknown global option" 2 --bogus --bogus list

# ---- unknown ids
NOID=00000000-0000-4000-8000-000000000000
refused "show unknown id" 3 "" show "$NOID"
check "show unknown id: message names the id" err_has "$NOID"
refused "edit unknown id" 3 "" edit "$NOID" --duration 20
check "edit unknown id: message says passage introuvable" err_has "passage introuvable : « $NOID »"
refused "delete unknown id" 3 "" delete "$NOID"
check "delete unknown id: message names the id" err_has "$NOID"
refused "show unknown id prefix" 3 "" show 0000ffff

is "the control visit is the only one, unchanged" "$(sql 'SELECT count(*) || duration || posture FROM visit')" 115avec

# What people write for a day is taken as the screen takes it.
for good in 18/11/2026:2026-11-18 18/11:2026-11-18 5/1/2026:2026-01-05 hier:2026-11-17 \
	avant-hier:2026-11-16 2026-11-18:2026-11-18; do
	run add --duration 15 --demand info --posture avec --date "${good%%:*}"
	check "--date ${good%%:*}: accepted" rc_is 0
	is "--date ${good%%:*}: stored as ${good#*:}" "$(sql "SELECT date FROM visit WHERE id = '$(head -n 1 "$T/out")'")" "${good#*:}"
done
