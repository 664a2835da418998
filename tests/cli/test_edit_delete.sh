# SPDX-License-Identifier: GPL-3.0-or-later
# carnet show, edit and delete.
. "$TESTS_DIR/cli/lib.sh"

# v COLUMNS: columns of the visit $ID (with deleted ones).
v() { sql "SELECT $1 FROM visit WHERE id = '$ID'"; }
# ordered COLUMN: codes of the visit $ID in their stored order, comma separated
# (COLUMN is demands or organisms: codes joined by '|', NULL when empty).
ordered() {
	sql "SELECT replace($1, '|', ',') FROM visit WHERE id = '$ID'"
}
# line LABEL VALUE: show printed "LABEL : VALUE" (indentation and padding before ":" allowed).
line() {
	grep -q "^ *$1 *: *$2\$" "$T/out"
}
# every column but the ones named, to see that nothing else moved.
OTHERS="date, time, site, coalesce(mediator,''), canal, posture, present, coalesce(outcome,''), urgent, coalesce(referred_by,''), coalesce(referred_to,''), coalesce(referred_place,''), coalesce(person_id,''), coalesce(note,''), created_at"
ALL="duration, $OTHERS"

mkdir -p "$XDG_CONFIG_HOME/carnet"
cat >"$XDG_CONFIG_HOME/carnet/carnet.ini" <<'EOF'
[site]
esc_blosne = ESC Le Blosne
[mediateur]
mcd = M. C. D.
[desk]
site = esc_blosne
mediator = mcd
EOF

run person new --code K7M2QX
check "person for the visit created" rc_is 0
run add --date 2026-11-05 --time 14:30 --duration 45 --canal rdv --demand demande,rdv \
	--organism caf,cpam --posture faire --outcome aboutie --urgent --absent \
	--referred-by social --referred-to france_services --referred-place "Maison du droit" \
	--person K7M2QX --note "Première démarche réussie"
ID=$(cat "$T/out")
check "full visit added" rc_is 0

# ---- show
run show "$ID"
check "show exits 0" rc_is 0
check "show: Identifiant" line Identifiant "$ID"
check "show: Date" line Date 2026-11-05
check "show: Heure" line Heure 14:30
check "show: Site label" line Site "ESC Le Blosne"
check "show: Médiateur label" line Médiateur "M. C. D."
check "show: Canal label" line Canal "Sur rendez-vous"
check "show: Demandes labels" out_has "Faire une demande, constituer un dossier"
check "show: second demand label" out_has "Prendre un rendez-vous en ligne"
check "show: Organismes labels" out_has "Assurance maladie (CPAM, ameli)"
check "show: Posture label" line Posture "Laisser faire"
check "show: Personne présente non" line "Personne présente" non
check "show: Issue label" line Issue "Démarche aboutie"
check "show: Urgent oui" line Urgent oui
check "show: Orienté par label" line "Orienté par" "Travailleur social"
check "show: Orienté vers label" line "Orienté vers" "France Services, aide aux démarches"
check "show: Lieu d'orientation" line "Lieu d'orientation" "Maison du droit"
check "show: Usager" line Usager K7M2QX
check "show: Note" line Note "Première démarche réussie"
check "show: Durée" grep -q '^ *Durée *:' "$T/out"
check "show: Créé le" grep -q '^ *Créé le *:' "$T/out"
check "show: Modifié le" grep -q '^ *Modifié le *:' "$T/out"
SHORT=$(echo "$ID" | cut -c1-8)
run show "$SHORT"
check "show with an 8-character prefix exits 0" rc_is 0
check "show with a prefix shows the full id" line Identifiant "$ID"
add_visit
MIN=$ID
run show "$MIN"
check "show minimal visit: Personne présente oui" line "Personne présente" oui
check "show minimal visit: Urgent non" line Urgent non
check "show minimal visit: Canal label" line Canal "Accueil sans rendez-vous"
ID=$(sql "SELECT id FROM visit WHERE id <> '$MIN'")

# ---- edit one field
BEFORE=$(v "$OTHERS")
DEM=$(ordered demands)
ORG=$(ordered organisms)
UPD=$(v updated_at)
CARNET_NOW=2026-11-19T09:00 run edit "$ID" --duration 60
check "edit --duration exits 0" rc_is 0
is "edit prints the id" "$(cat "$T/out")" "$ID"
is "edit --duration changed the duration" "$(v duration)" 60
is "edit --duration left every other column alone" "$(v "$OTHERS")" "$BEFORE"
is "edit left the date alone (not today)" "$(v date)" 2026-11-05
is "edit left the demands alone" "$(ordered demands)" "$DEM"
is "edit left the organisms alone" "$(ordered organisms)" "$ORG"
check "edit changed updated_at" [ "$(v updated_at)" != "$UPD" ]
is "updated_at follows CARNET_NOW" "$(v "updated_at LIKE '2026-11-19%'")" 1
is "created_at unchanged" "$(v "created_at LIKE '2026-11-18%'")" 1
is "visit count unchanged by edit" "$(nvisits)" 2

# ---- edit with a prefix of 8 characters, several fields, codes in upper case
CARNET_NOW=2026-11-20T09:00 run edit "$SHORT" --demand COURRIER,info --organism IMPOTS --posture AVEC --time 9h05
check "edit with an 8-character prefix exits 0" rc_is 0
is "edit with a prefix prints the full id" "$(cat "$T/out")" "$ID"
is "edit --demand replaced the demands in order" "$(ordered demands)" courrier,info
is "edit --organism replaced the organisms" "$(ordered organisms)" impots
is "edit --posture lower-cased" "$(v posture)" avec
is "edit --time 9h05" "$(v time)" 09:05
is "edit kept the canal" "$(v canal)" rdv
is "edit kept the note" "$(v note)" "Première démarche réussie"

# ---- a prefix of 4 characters is enough
run edit "$(echo "$ID" | cut -c1-4)" --canal tel
check "edit with a 4-character prefix exits 0" rc_is 0
is "edit with a 4-character prefix stored the value" "$(v canal)" tel

# ---- flags
run edit "$ID" --not-urgent --present
check "edit --not-urgent --present exits 0" rc_is 0
is "--not-urgent stored" "$(v urgent)" 0
is "--present stored" "$(v present)" 1
run edit "$ID" --urgent --absent
is "--urgent stored again" "$(v urgent)" 1
is "--absent stored again" "$(v present)" 0

# ---- clearing optional fields with empty values
run edit "$ID" --organism "" --outcome "" --referred-by "" --referred-to "" \
	--referred-place "" --person "" --note "" --mediator ""
check "edit clearing optional fields exits 0" rc_is 0
is "--organism \"\" cleared the organisms" "$(v "organisms IS NULL")" 1
is "--outcome \"\" cleared" "$(v "coalesce(outcome, '')")" ""
is "--referred-by \"\" cleared" "$(v "coalesce(referred_by, '')")" ""
is "--referred-to \"\" cleared" "$(v "coalesce(referred_to, '')")" ""
is "--referred-place \"\" cleared" "$(v "coalesce(referred_place, '')")" ""
is "--person \"\" cleared" "$(v "coalesce(person_id, '')")" ""
is "--note \"\" cleared" "$(v "coalesce(note, '')")" ""
is "--mediator \"\" cleared" "$(v "coalesce(mediator, '')")" ""
is "clearing kept the demands" "$(ordered demands)" courrier,info
is "clearing kept the posture" "$(v posture)" avec
is "clearing kept the site" "$(v site)" esc_blosne

# ---- refused edits change nothing
BEFORE=$(v "$ALL, updated_at")
run edit "$ID" --duration 0
check "edit --duration 0 refused (exit 1)" rc_is 1
check "edit --duration 0: message names --duration" err_has "--duration"
run edit "$ID" --demand ""
check "edit --demand \"\" refused (the demand is required)" rc_is 1
run edit "$ID" --posture ""
check "edit --posture \"\" refused (the posture is required)" rc_is 1
run edit "$ID" --canal xyz
check "edit --canal xyz refused (exit 1)" rc_is 1
check "edit --canal xyz: message lists accepted values" err_has domicile
run edit "$ID" --person ZZZZ99
check "edit --person unknown: exit 3" rc_is 3
is "refused edits changed nothing" "$(v "$ALL, updated_at")" "$BEFORE"
is "refused edits kept the demands" "$(ordered demands)" courrier,info
run edit "$ID" --bogus
check "edit with an unknown option: exit 2" rc_is 2
run edit
check "edit without an id: exit 2" rc_is 2

# ---- ambiguous prefix: a copy of the visit whose id shares its first 8 characters
TWIN="$(echo "$ID" | cut -c1-8)-0000-4000-8000-000000000000"
sql "INSERT INTO visit (id, date, time, duration, site, mediator, canal, posture, present, outcome, urgent, referred_by, referred_to, referred_place, person_id, note, demands, organisms, created_at, updated_at, deleted_at) SELECT '$TWIN', date, time, duration, site, mediator, canal, posture, present, outcome, urgent, referred_by, referred_to, referred_place, person_id, note, demands, organisms, created_at, updated_at, deleted_at FROM visit WHERE id = '$ID'"
BEFORE=$(v "$ALL, updated_at")
run edit "$SHORT" --duration 33
check "edit with an ambiguous prefix: exit 1" rc_is 1
is "edit with an ambiguous prefix changed nothing" "$(v "$ALL, updated_at")" "$BEFORE"
run edit "$ID" --duration 33
check "edit with the full id still works" rc_is 0
is "edit with the full id stored the value" "$(v duration)" 33
sql "DELETE FROM visit WHERE id = '$TWIN'"

# ---- retired codes: kept on the visit that holds them, refused when set
add_visit --organism msa
OLD=$ID
check "visit with organism msa added (not yet retired)" rc_is 0
RET="$T/retired.ini"
printf '[retired]\norganisme = msa\n' >"$RET"
run --config "$RET" edit "$OLD" --duration 25
check "a visit holding a retired code can be edited" rc_is 0
is "the other field was changed" "$(v duration)" 25
is "the retired code stays on the visit" "$(ordered organisms)" msa
run --config "$RET" show "$OLD"
check "show of a visit with a retired code exits 0" rc_is 0
check "show of a visit with a retired code shows its label" out_has MSA
ID=$MIN
run --config "$RET" edit "$MIN" --organism msa
check "setting a retired code is refused (exit 1)" rc_is 1
check "setting a retired code: message says code retiré" err_has "code retiré « msa »"
is "the refused retired code was not stored" "$(sql "SELECT organisms IS NULL FROM visit WHERE id = '$MIN'")" 1

# ---- codes unknown to the configuration are shown as the code itself
printf '[organisme]\nlocal_org = Organisme local\n' >"$T/local.ini"
run --config "$T/local.ini" add --duration 15 --demand info --posture avec --organism local_org
LOCAL=$(cat "$T/out")
check "visit with a locally added organism" rc_is 0
run --config "$T/local.ini" show "$LOCAL"
check "show: label of a locally added organism" out_has "Organisme local"
run show "$LOCAL"
check "show without that configuration exits 0" rc_is 0
check "show without that configuration shows the code itself" out_has local_org
run list --format csv --from 2000-01-01
check "csv without that configuration shows the code itself" out_has local_org
run delete "$LOCAL"
check "visit with a locally added organism deleted" rc_is 0

# ---- delete
ID=$MIN
run delete "$MIN"
check "delete exits 0" rc_is 0
is "delete prints Passage supprimé : ID" "$(cat "$T/out")" "Passage supprimé : $MIN"
is "deleted visit: row still there" "$(sql "SELECT count(*) FROM visit WHERE id = '$MIN'")" 1
is "deleted visit: deleted_at set" "$(v "coalesce(deleted_at, '') <> ''")" 1
is "deleted visit: deleted_at follows CARNET_NOW" "$(v "deleted_at LIKE '2026-11-18%'")" 1
run list --format csv --from 2000-01-01
check "deleted visit not listed" sh -c '! grep -qF -- "$1" "$2"' x "$MIN" "$T/out"
check "the other visit still listed" out_has "$OLD"
run show "$MIN"
check "show of a deleted visit: exit 3" rc_is 3
run edit "$MIN" --duration 20
check "edit of a deleted visit: exit 3" rc_is 3
is "edit of a deleted visit changed nothing" "$(v duration)" 15
run delete "$MIN"
check "delete twice: exit 3" rc_is 3
run delete "$(echo "$OLD" | cut -c1-8)"
check "delete with an 8-character prefix exits 0" rc_is 0
ID=$OLD
is "delete with a prefix set deleted_at" "$(v "coalesce(deleted_at, '') <> ''")" 1
run delete
check "delete without an id: exit 2" rc_is 2

# ---- an edit that changes nothing is a usage error, and touches nothing
add_visit
before=$(sql "SELECT updated_at FROM visit WHERE id = '$ID'")
CARNET_NOW=2026-11-20T08:00 run edit "$ID"
check "edit without any option: exit 2" rc_is 2
check "edit without any option: the message says there is nothing to change" err_has "aucun champ"
is "edit without any option: updated_at unchanged" "$(sql "SELECT updated_at FROM visit WHERE id = '$ID'")" "$before"
