# SPDX-License-Identifier: GPL-3.0-or-later
# Configuration files: search order, added entries, [desk], [retired],
# warnings and errors.
. "$TESTS_DIR/cli/lib.sh"

XDGINI="$XDG_CONFIG_HOME/carnet/carnet.ini"
SYSINI="$CARNET_SYSCONFDIR/carnet.ini"
mkdir -p "$XDG_CONFIG_HOME/carnet" "$CARNET_SYSCONFDIR"
# label CODE: the label printed by the last "lists" for CODE ("  code  Libellé").
label() { grep -E "^ +$1 +" "$T/out" | sed -E "s/^ +$1 +//"; }
# codes: the codes of the entry lines printed by the last "lists", in order.
codes() { grep -E '^ +[a-z0-9_-]+ +' "$T/out" | awk '{print $1}' | tr '\n' ' '; }

# ---- shipped lists only
run lists organisme
check "lists organisme exits 0" rc_is 0
check "lists organisme: title line with the section" grep -q '\[organisme\]' "$T/out"
is "shipped label of caf" "$(label caf)" CAF
is "shipped label of cpam" "$(label cpam)" "Assurance maladie (CPAM, ameli)"
is "shipped entries in display order" "$(codes)" \
	"caf cpam ft retraite msa impots ants prefecture departement commune energie banque mutuelle logement ecole justice autre "
check "no entry marked retired by default" sh -c '! grep -qF "(retiré)" "$1"' x "$T/out"

run lists
check "lists exits 0" rc_is 0
is "lists prints every list, in order" "$(grep -oE '\[[a-z_]+\]' "$T/out" | tr -d '[]' | tr '\n' ' ')" \
	"posture canal demande organisme issue oriente_par oriente_vers tranche_age genre quartier situation equipement site mediateur theme_atelier niveau_atelier lieu_atelier materiel temps orientation_mode orientation_suite "
check "lists shows labels with accents" out_has "Démarche aboutie"
run lists posture
is "lists posture: the four postures" "$(codes)" "pour devant avec faire "
is "lists posture: label of avec" "$(label avec)" "Faire avec"
check "lists posture: no other list" sh -c '! grep -q "\[canal\]" "$1"' x "$T/out"
run lists nolist
check "lists with an unknown list name fails (exit 1 or 2)" [ "$RC" -eq 1 -o "$RC" -eq 2 ]
check "lists with an unknown list name: message names it" err_has nolist

# ---- precedence: first found wins for each key
printf '[organisme]\ncaf = CAF (etc)\ncpam = CPAM (etc)\nft = FT (etc)\n' >"$SYSINI"
run lists organisme
is "sysconf file relabels caf" "$(label caf)" "CAF (etc)"
is "sysconf file relabels ft" "$(label ft)" "FT (etc)"
is "entries not in the sysconf file keep the shipped label" "$(label retraite)" "Retraite (CARSAT, CNAV, Info Retraite)"
printf '[organisme]\ncaf = CAF (xdg)\ncpam = CPAM (xdg)\n' >"$XDGINI"
run lists organisme
is "XDG file wins over sysconf (caf)" "$(label caf)" "CAF (xdg)"
is "XDG file wins over sysconf (cpam)" "$(label cpam)" "CPAM (xdg)"
is "key only in sysconf still applies (ft)" "$(label ft)" "FT (etc)"
printf '[organisme]\ncaf = CAF (env)\n' >"$T/env.ini"
CARNET_CONFIG="$T/env.ini" run lists organisme
check "CARNET_CONFIG: exit 0" rc_is 0
is "CARNET_CONFIG wins over XDG (caf)" "$(label caf)" "CAF (env)"
is "CARNET_CONFIG: XDG key still applies (cpam)" "$(label cpam)" "CPAM (xdg)"
is "CARNET_CONFIG: sysconf key still applies (ft)" "$(label ft)" "FT (etc)"
printf '[organisme]\ncaf = CAF (option)\n' >"$T/opt.ini"
run --config "$T/opt.ini" lists organisme
check "--config: exit 0" rc_is 0
is "--config wins over XDG (caf)" "$(label caf)" "CAF (option)"
is "--config: XDG key still applies (cpam)" "$(label cpam)" "CPAM (xdg)"
CARNET_CONFIG="$T/env.ini" run --config "$T/opt.ini" lists organisme
is "--config wins over CARNET_CONFIG" "$(label caf)" "CAF (option)"
is "relabelling keeps the display order" "$(codes)" \
	"caf cpam ft retraite msa impots ants prefecture departement commune energie banque mutuelle logement ecole justice autre "

# ---- added entries: appended after those of less specific files, accepted by add
printf '[organisme]\ncaf = CAF (etc)\netc_entry = Ajout machine\n' >"$SYSINI"
printf '[organisme]\nxdg_entry = Ajout compte\nCPAM = CPAM majuscules\nquoted = "Avec ; point-virgule"\n' >"$XDGINI"
run lists organisme
check "lists with added entries exits 0" rc_is 0
is "added entries appended, the less specific file first" "$(codes)" \
	"caf cpam ft retraite msa impots ants prefecture departement commune energie banque mutuelle logement ecole justice autre etc_entry xdg_entry quoted "
is "added entry label" "$(label xdg_entry)" "Ajout compte"
is "keys are case-insensitive (CPAM relabels cpam)" "$(label cpam)" "CPAM majuscules"
is "a quoted value may contain ;" "$(label quoted)" "Avec ; point-virgule"
add_visit --organism xdg_entry,ETC_ENTRY
check "add accepts entries added by configuration" rc_is 0
is "added entries stored" \
	"$(sql "SELECT replace(organisms, '|', ',') FROM visit WHERE id = '$ID'")" \
	xdg_entry,etc_entry
rm -f "$SYSINI"
add_visit --organism etc_entry
check "an entry of a removed file is no longer accepted" rc_is 1
check "an unknown entry: message lists the entries of the remaining files" err_has xdg_entry
rm -f "$XDGINI"

# ---- [desk]: default site and mediator
cat >"$XDGINI" <<'EOF'
[site]
esc_blosne = ESC Le Blosne
maurepas = ESC Maurepas
[mediateur]
mcd = M. C. D.
mab = M. A. B.
[desk]
site = maurepas
mediator = mab
EOF
add_visit
check "add with a [desk] configuration exits 0" rc_is 0
is "[desk] site and mediator used by add" "$(sql "SELECT site || ',' || mediator FROM visit WHERE id = '$ID'")" maurepas,mab
add_visit --site ESC_BLOSNE --mediator mcd
check "add --site/--mediator override [desk]" rc_is 0
is "--site/--mediator stored" "$(sql "SELECT site || ',' || mediator FROM visit WHERE id = '$ID'")" esc_blosne,mcd
run lists site
is "lists site shows the configured sites" "$(codes)" "esc_blosne maurepas "
run lists mediateur
is "lists mediateur shows the configured mediators" "$(codes)" "mcd mab "
rm -f "$XDGINI"

# ---- unknown section and unknown keys: warning naming the file and the key
printf '[organisme]\ncaf = CAF (xdg)\n[desk]\nfoo = bar\n' >"$XDGINI"
run lists organisme
check "unknown key in [desk]: exit 0" rc_is 0
check "unknown key in [desk]: warning in the documented form" \
	err_has "carnet: avertissement : $XDGINI : clé inconnue « desk:foo »"
is "unknown key in [desk]: the rest of the file applies" "$(label caf)" "CAF (xdg)"
N=$(nvisits)
add_visit
check "unknown key: add still works" rc_is 0
check "unknown key: add prints the id" grep -Eq '^[0-9a-f-]{36}$' "$T/out"
check "unknown key: add warns too" err_has "desk:foo"
is "unknown key: the visit is written" "$(nvisits)" $((N + 1))
printf '[retired]\nnolist = xyz\n' >"$XDGINI"
run lists organisme
check "unknown list in [retired]: exit 0" rc_is 0
check "unknown list in [retired]: warning names the file" err_has "$XDGINI"
check "unknown list in [retired]: warning names the key" err_has "retired:nolist"
check "unknown list in [retired]: message is a warning" err_has "avertissement"
printf '[bogus]\nkey = value\n' >"$XDGINI"
run lists organisme
check "unknown section: exit 0" rc_is 0
check "unknown section: warning names the file" err_has "$XDGINI"
check "unknown section: warning names the section" err_has "bogus"
check "unknown section: lists still printed" out_has "[organisme]"
rm -f "$XDGINI"
run lists organisme
check "a clean configuration gives no warning" err_empty

# ---- malformed and missing files: exit 4 naming the file
printf '[organisme]\ncaf = CAF\nune ligne sans signe égal\n' >"$T/bad.ini"
run --config "$T/bad.ini" lists
check "malformed --config file: exit 4" rc_is 4
check "malformed --config file: message names the file" err_has "$T/bad.ini"
check "malformed --config file: nothing on stdout" out_empty
N=$(nvisits)
run --config "$T/bad.ini" add --duration 15 --demand info --posture avec
check "malformed file: add exits 4" rc_is 4
is "malformed file: add wrote nothing" "$(nvisits)" "$N"
cp "$T/bad.ini" "$XDGINI"
run lists
check "malformed XDG file: exit 4" rc_is 4
check "malformed XDG file: message names the file" err_has "$XDGINI"
rm -f "$XDGINI"
cp "$T/bad.ini" "$SYSINI"
run lists
check "malformed sysconf file: exit 4" rc_is 4
check "malformed sysconf file: message names the file" err_has "$SYSINI"
rm -f "$SYSINI"
run --config "$T/missing.ini" lists
check "missing --config file: exit 4" rc_is 4
check "missing --config file: message names the file" err_has "$T/missing.ini"
CARNET_CONFIG="$T/missing-env.ini" run lists
check "missing CARNET_CONFIG file: exit 4" rc_is 4
check "missing CARNET_CONFIG file: message names the file" err_has "$T/missing-env.ini"

# ---- retired codes in lists
printf '[retired]\norganisme = msa, banque\ndemande = rdv\n' >"$T/ret.ini"
run --config "$T/ret.ini" lists organisme
check "lists with retired codes exits 0" rc_is 0
check "retired msa marked (retiré)" sh -c 'grep -E "^ +msa +" "$1" | grep -qF "(retiré)"' x "$T/out"
check "retired banque marked (retiré)" sh -c 'grep -E "^ +banque +" "$1" | grep -qF "(retiré)"' x "$T/out"
check "active caf not marked (retiré)" sh -c '! grep -E "^ +caf +" "$1" | grep -qF "(retiré)"' x "$T/out"
check "retired entries still listed with their label" sh -c 'grep -E "^ +msa +" "$1" | grep -qF "MSA"' x "$T/out"
run --config "$T/ret.ini" lists demande
check "retired demand rdv marked (retiré)" sh -c 'grep -E "^ +rdv +" "$1" | grep -qF "(retiré)"' x "$T/out"
run --config "$T/ret.ini" add --duration 15 --demand rdv --posture avec
check "retired demand refused by add" rc_is 1
check "retired demand: message names --demand" err_has "--demand"

# ---- where the shipped lists are found
# Installed layout: PREFIX/bin/carnet finds PREFIX/share/carnet/carnet.ini.
mkdir -p "$T/prefix/bin" "$T/prefix/share/carnet"
cp "$CARNET" "$T/prefix/bin/carnet"
cp "$CARNET_DATADIR/carnet.ini" "$T/prefix/share/carnet/"
printf '[organisme]\ncaf = CAF (copie installée)\n' >>"$T/prefix/share/carnet/carnet.ini"
out=$(env -u CARNET_DATADIR "$T/prefix/bin/carnet" lists organisme 2>&1)
check "installed layout: lists come from ../share/carnet beside the binary" \
	sh -c 'printf "%s" "$1" | grep -qF "CAF (copie installée)"' x "$out"
rm -r "$T/prefix/share"
env -u CARNET_DATADIR "$T/prefix/bin/carnet" lists >"$T/out" 2>"$T/err"
RC=$?
# Falls back to the compiled-in PREFIX; when that holds no lists either: exit 4.
if [ ! -f /usr/local/share/carnet/carnet.ini ]; then
	check "no shipped lists anywhere: exit 4" rc_is 4
	check "no shipped lists anywhere: the message names the missing file" err_has "carnet.ini"
fi
CARNET_DATADIR="$T/nowhere" run lists
check "CARNET_DATADIR without carnet.ini: exit 4" rc_is 4
check "CARNET_DATADIR without carnet.ini: the message names CARNET_DATADIR" err_has "CARNET_DATADIR"

# ---- found by fuzzing (tests/fuzz/crashes/config/section-colon.ini): iniparser
# reads "[x:y]" as a key of [x] without a value; carnet crashed on it
for sec in organisme desk retired keys; do
	printf '[%s]\n[%s:x]\n' "$sec" "$sec" >"$T/colon.ini"
	run --config "$T/colon.ini" lists canal
	check "a section [$sec:x]: no crash, exit 0" rc_is 0
	check "a section [$sec:x]: a warning names it" err_has "section « [$sec:x] » ignorée"
done
