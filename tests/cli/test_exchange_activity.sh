# SPDX-License-Identifier: GPL-3.0-or-later
# Workshops (ateliers, with their participants) and times outside
# accompaniment (temps) through export, import and merge: version 2 of the
# exchange format, its round trip byte for byte, idempotence, version 1
# still read, convergence of two desks with the loser in record_history,
# tombstones, unknown codes, every bad value of the new columns refused by
# line and column, unknown participants; then forget and purge, checked
# with sqlite3 and strings(1) on the files.
. "$TESTS_DIR/cli/lib.sh"
cd "$T" || exit 1

A=a.db B=b.db
W1=11111111-1111-4111-8111-111111111111
W2=33333333-3333-4333-8333-333333333333
T1=22222222-2222-4222-8222-222222222222
on() { o_db=$1; shift; run --db "$o_db" "$@"; }
q() { sqlite3 -batch "$1" "$2"; }
# crlf FILE LINE…: a CSV file as export writes it.
crlf() { f=$1; shift; : >"$f"; for l in "$@"; do printf '%s\r\n' "$l" >>"$f"; done; }
# line FILE N: the Nth line of a file, without its CR.
line() { sed -n "${2}p" "$1" | tr -d '\r'; }
# setf N VALUE: field N of the row on stdin set to VALUE (no comma in either).
setf() { awk -F, -v OFS=, -v n="$1" -v v="$2" '{ $n = v; print }'; }
# workshops DB: every field of every workshop, with its participants.
workshops() {
	q "$1" "SELECT w.id, w.date, w.time, w.duration, w.site, w.mediators, w.title, w.themes,
	  w.level, w.place, w.registered, w.anonymous, w.anon_gender, w.anon_age, w.anon_situation,
	  w.equipment, w.note, w.created_at, w.updated_at, w.deleted_at,
	  (SELECT group_concat(p.code || ':' || wp.present, ' ') FROM workshop_participant wp
	   JOIN person p ON p.id = wp.person_id WHERE wp.workshop_id = w.id)
	  FROM workshop w ORDER BY w.id"
}
worktimes() { q "$1" "SELECT * FROM worktime ORDER BY id"; }
absent() {
	t=$1; shift
	for f in "$@"; do
		[ -e "$f" ] || continue
		strings -a "$f" | grep -qF -- "$t" && return 1
	done
	return 0
}

# ---- desk A: two persons, a visit, a workshop, a deleted one, a time
on $A person new --code AB12CD --age 25_39 --gender femme >/dev/null
on $A person new --code K7M2QX >/dev/null
on $A add --duration 20 --demand suivi --posture avec --person AB12CD --note "visite"
PA=$(q $A "SELECT id FROM person WHERE code = 'AB12CD'")
PK=$(q $A "SELECT id FROM person WHERE code = 'K7M2QX'")
q $A "INSERT INTO workshop VALUES ('$W1', '2026-11-17', '14:00', 90, 'defaut', NULL,
  'Premiers pas', 'internet|mail', 'debutant', 'sur_site', 8, 3, 'femme=2|homme=1', NULL, NULL,
  'ordinateur|tablette', '=1+1 note', '2026-11-17T13:00:00.000Z', '2026-11-17T13:00:00.000Z', NULL);
INSERT INTO workshop_participant VALUES ('$W1', 0, '$PA', 1), ('$W1', 1, '$PK', 0);
INSERT INTO workshop VALUES ('$W2', '2026-11-10', '10:00', 60, 'defaut', NULL, NULL, 'mail',
  NULL, NULL, NULL, 4, NULL, NULL, NULL, NULL, NULL, '2026-11-10T09:00:00.000Z',
  '2026-11-10T12:00:00.000Z', '2026-11-10T12:00:00.000Z');
INSERT INTO worktime VALUES ('$T1', '2026-11-16', '09:00', 30, 'defaut', NULL, 'coordination',
  'réunion d''équipe', '2026-11-16T10:00:00.000Z', '2026-11-16T10:00:00.000Z', NULL);"

on $A export -o a.csv
check "export: exit 0" rc_is 0
is "export: version 2 header, type first, the new columns last" "$(line a.csv 1)" \
	"type,id,date,heure,duree,site,mediateur,canal,demandes,organismes,posture,present,issue,urgent,oriente_par,oriente_vers,lieu_orientation,note,cree,modifie,supprime,usager,usager_id,tranche_age,genre,quartier,situation,equipement,usager_cree,usager_modifie,titre,themes,niveau,lieu,inscrits,participants,anonymes,anonymes_genre,anonymes_age,anonymes_situation,materiel,nature"
is "export: the types in order (usagers, passages, ateliers by date, temps)" \
	"$(tr -d '\r' <a.csv | sed 1d | cut -d, -f1 | tr '\n' ' ')" "usager usager passage atelier atelier temps "
is "export: a participant's usager row, with its profile" "$(line a.csv 2 | cut -d, -f22,24,25)" "AB12CD,25_39,femme"
is "export: the workshop's own columns" "$(line a.csv 6 | cut -d, -f31-42)" \
	"Premiers pas,internet|mail,debutant,sur_site,8,AB12CD|K7M2QX:absent,3,femme=2|homme=1,,,ordinateur|tablette,"
is "export: a workshop's note keeps its spreadsheet guard" "$(line a.csv 6 | cut -d, -f18)" "'=1+1 note"
is "export: a workshop leaves the visit columns empty" "$(line a.csv 6 | cut -d, -f8-17,22-30 | tr -d ,)" ""
is "export: the tombstone travels" "$(line a.csv 5 | cut -d, -f2,21)" "$W2,2026-11-10T12:00:00.000Z"
is "export: the time's kind in nature" "$(line a.csv 7 | cut -d, -f2,3,5,42)" "$T1,2026-11-16,30,coordination"
on $A export --from 2026-11-17 -o from.csv
is "export --from selects the workshops and times too" "$(tr -d '\r' <from.csv | sed 1d | cut -d, -f1 | tr '\n' ' ')" "usager usager passage atelier "

# ---- import into an empty base: the same export, byte for byte
on $B import a.csv
check "import: exit 0" rc_is 0
is "import: one summary line, each kind" "$(OUT)" \
	"passages : 1 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté ; ateliers : 1 nouveau, 0 modifié, 0 inchangé, 1 supprimé, 0 rejeté ; temps : 1 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté"
check "import: nothing on stderr" err_empty
is "import: the workshops, identical" "$(workshops $B)" "$(workshops $A)"
is "import: the times, identical" "$(worktimes $B)" "$(worktimes $A)"
on $B export -o b.csv
check "export → import → export: the same file byte for byte" cmp -s a.csv b.csv
on $B import a.csv
is "import twice: everything unchanged" "$(OUT)" \
	"passages : 0 nouveau, 0 modifié, 1 inchangé, 0 supprimé, 0 rejeté ; ateliers : 0 nouveau, 0 modifié, 2 inchangés, 0 supprimé, 0 rejeté ; temps : 0 nouveau, 0 modifié, 1 inchangé, 0 supprimé, 0 rejeté"
is "import twice: nothing kept in record_history" "$(q $B 'SELECT count(*) FROM record_history')" 0

# ---- version 1: a selection of visits only is written, and read, as before
on $A export --from 2026-11-18 -o v1.csv
is "visits only: the version-1 header" "$(line v1.csv 1 | cut -d, -f1-3)" "id,date,heure"
on c.db import v1.csv
check "a version-1 file imports" rc_is 0
is "a version-1 file: the summary of today" "$(OUT)" "1 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté"
is "a version-1 file: the visit is there" "$(q c.db 'SELECT note FROM visit')" "visite"

# ---- a workshop edited on two desks, merged both ways
q $A "UPDATE workshop SET title = 'Titre de A', updated_at = '2026-11-18T08:00:00.000Z' WHERE id = '$W1'"
q $B "UPDATE workshop SET title = 'Titre de B', updated_at = '2026-11-18T09:00:00.000Z' WHERE id = '$W1'"
q $B "UPDATE worktime SET note = 'plus ancienne', updated_at = '2026-11-17T10:00:00.000Z' WHERE id = '$T1'"
q $A "UPDATE worktime SET deleted_at = '2026-11-18T08:30:00.000Z', updated_at = '2026-11-18T08:30:00.000Z' WHERE id = '$T1'"
on $A merge $B
check "merge B into A: exit 0" rc_is 0
is "merge B into A: the summary, each kind" "$(OUT)" \
	"b.db : passages : 0 nouveau, 0 modifié, 1 inchangé, 0 supprimé, 0 rejeté ; ateliers : 0 nouveau, 1 modifié, 1 inchangé, 0 supprimé, 0 rejeté ; temps : 0 nouveau, 0 modifié, 1 inchangé, 0 supprimé, 0 rejeté"
on $B merge $A
is "merge A into B: the tombstone beats the older edit" "$(OUT)" \
	"a.db : passages : 0 nouveau, 0 modifié, 1 inchangé, 0 supprimé, 0 rejeté ; ateliers : 0 nouveau, 0 modifié, 2 inchangés, 0 supprimé, 0 rejeté ; temps : 0 nouveau, 0 modifié, 0 inchangé, 1 supprimé, 0 rejeté"
is "both desks end with the later title" "$(q $A "SELECT title FROM workshop WHERE id = '$W1'") $(q $B "SELECT title FROM workshop WHERE id = '$W1'")" "Titre de B Titre de B"
is "both desks: the workshops identical" "$(workshops $A)" "$(workshops $B)"
is "both desks: the times identical, deleted" "$(worktimes $A)" "$(worktimes $B)"
is "the time is a tombstone on B" "$(q $B "SELECT deleted_at FROM worktime WHERE id = '$T1'")" "2026-11-18T08:30:00.000Z"
is "A keeps its losing version in record_history" \
	"$(q $A "SELECT kind, record_id, updated_at, instr(version, 'Titre de A') > 0 FROM record_history WHERE kind = 'atelier'")" \
	"atelier|$W1|2026-11-18T08:00:00.000Z|1"
is "B had nothing to lose for the workshop" "$(q $B "SELECT count(*) FROM record_history WHERE kind = 'atelier'")" 0
is "B keeps its losing time in record_history" \
	"$(q $B "SELECT kind, updated_at, instr(version, 'plus ancienne') > 0 FROM record_history WHERE kind = 'temps'")" "temps|2026-11-17T10:00:00.000Z|1"
on $A export -o a2.csv
on $B export -o b2.csv
check "both desks export the same file" cmp -s a2.csv b2.csv
on $A merge $B
is "merge again: nothing changes" "$(OUT)" \
	"b.db : passages : 0 nouveau, 0 modifié, 1 inchangé, 0 supprimé, 0 rejeté ; ateliers : 0 nouveau, 0 modifié, 2 inchangés, 0 supprimé, 0 rejeté ; temps : 0 nouveau, 0 modifié, 1 inchangé, 0 supprimé, 0 rejeté"

# ---- unknown codes, kept and told once
USR2=$(line a.csv 2) USR3=$(line a.csv 3)
HEADER=$(line a.csv 1)
ROW=$(line a.csv 6 | setf 2 44444444-4444-4444-8444-444444444444)
crlf unknown.csv "$HEADER" "$USR2" "$USR3" "$(printf '%s' "$ROW" | setf 32 'internet|robotique')" \
	"$(line a.csv 7 | setf 2 55555555-5555-4555-8555-555555555555 | setf 42 astreinte)"
on d.db import unknown.csv
check "unknown codes: imported" rc_is 0
check "unknown codes: told once" sh -c '[ "$(grep -c "codes inconnus" "$1")" = 1 ] && grep -q robotique "$1" && grep -q astreinte "$1"' x "$T/err"
is "unknown codes: kept as they are" "$(q d.db "SELECT themes FROM workshop") $(q d.db "SELECT kind FROM worktime")" "internet|robotique astreinte"

q d.db "UPDATE person SET deleted_at = updated_at WHERE code = 'AB12CD'"
on d.db export -o d.csv
check "a participant deleted since: the export still works" rc_is 0
is "a participant deleted since: no usager row for them" "$(tr -d '\r' <d.csv | grep '^usager' | cut -d, -f22)" "K7M2QX"

# ---- every bad value of the new columns: refused by line and column, nothing written
# bad NAME FIELD VALUE COLUMN [ROW]: a file whose line 4 has VALUE in FIELD.
bad() {
	crlf bad.csv "$HEADER" "$USR2" "$USR3" "$(printf '%s' "${5:-$ROW}" | setf "$2" "$3")"
	on e.db import bad.csv
	if [ "$RC" -eq 1 ] && err_has "bad.csv:4: colonne « $4 »" && err_has "rien n'a été importé" &&
		[ "$(q e.db 'SELECT (SELECT count(*) FROM workshop) + (SELECT count(*) FROM worktime) + (SELECT count(*) FROM person)')" = 0 ]; then
		ok "refused: $1"
	else
		nok "refused: $1" "status $RC; stderr: $(ERR)"
	fi
}
TROW=$(line a.csv 7 | setf 2 66666666-6666-4666-8666-666666666666)
LONG=$(printf '%0121d' 0)
bad "a type no one knows" 1 visite type
bad "a title too long" 31 "$LONG" titre
bad "no theme" 32 "" themes
bad "a theme that is no code" 32 "Pas un code" themes
bad "a theme twice" 32 "mail|mail" themes
bad "a level that is no code" 33 "très bien" niveau
bad "a place that is no code" 34 "hors murs" lieu
bad "registrations not a number" 35 huit inscrits
bad "registrations below zero" 35 -1 inscrits
bad "a participant code too short" 36 "AB1" participants
bad "a participant's presence" 36 "AB12CD:parti" participants
bad "anonymous attendees over 999" 37 1000 anonymes
bad "an anonymous count of zero" 38 "femme=0" anonymes_genre
bad "an anonymous tally without count" 38 "femme" anonymes_genre
bad "more anonymous by gender than anonymous" 38 "femme=3|homme=2" anonymes_genre
bad "an anonymous age tally" 39 "moins_12=x" anonymes_age
bad "an anonymous situation tally" 40 "=2" anonymes_situation
bad "no material beside « aucun »" 41 "aucun|ordinateur" materiel
bad "a workshop of 9 hours" 5 540 duree
bad "a workshop on a bad date" 3 2026-02-30 date
bad "a workshop with a visit column" 8 guichet canal
bad "a workshop with a time's kind" 42 preparation nature
bad "a workshop from the future" 20 2026-11-20T10:00:00.000Z modifie
bad "a workshop with no id" 2 "" id
bad "a time with no kind" 42 "" nature "$TROW"
bad "a time of 13 hours" 5 780 duree "$TROW"
bad "a time with a workshop column" 31 "Titre" titre "$TROW"
bad "a time with two mediators" 7 "ab|cd" mediateur "$TROW"
bad "a usager row with a visit column" 3 2026-11-18 date "$USR2"

# ---- the header: version 2 complete, version 1 without the new columns
crlf nocol.csv "$(printf '%s' "$HEADER" | sed 's/,nature$//')" "$USR2"
on e.db import nocol.csv
check "a version-2 header without nature: refused" err_has "nocol.csv:1: ce fichier n'est pas un export carnet complet : colonnes manquantes : nature"
crlf v1extra.csv "$(printf '%s' "$HEADER" | sed 's/^type,//')"
on e.db import v1extra.csv
check "a version-1 header with a version-2 column: unknown column" err_has "v1extra.csv:1: ce fichier n'est pas un export carnet : colonne inconnue « titre »"

# ---- participants must be persons of the base or of the file
crlf nobody.csv "$HEADER" "$(printf '%s' "$ROW" | setf 36 'ZZ99ZZ')"
on e.db import nobody.csv
check "an unknown participant: refused" rc_is 1
check "an unknown participant: told by line and column" err_has "nobody.csv:2: colonne « participants » : usager inconnu « ZZ99ZZ » : ni dans la base ni dans le fichier"
crlf later.csv "$HEADER" "$ROW" "$USR2" "$USR3"
on e.db import later.csv
check "a participant whose usager row comes later: refused" err_has "later.csv:2: colonne « participants » : usager inconnu « AB12CD »"
on e.db import --skip-invalid unknown.csv
check "--skip-invalid: the valid rows in" rc_is 0
crlf skip.csv "$HEADER" "$(printf '%s' "$ROW" | setf 2 77777777-7777-4777-8777-777777777777 | setf 36 'ZZ99ZZ')" \
	"$(printf '%s' "$TROW" | setf 42 '')"
on e.db import --skip-invalid skip.csv
check "--skip-invalid: exit 0" rc_is 0
is "--skip-invalid: the refused rows counted by kind" "$(OUT)" \
	"passages : 0 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté ; ateliers : 0 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 1 rejeté ; temps : 0 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 1 rejeté"

# ---- a merged source whose workshop names a person this desk refuses
q $B 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp $B f.db
q f.db "UPDATE person SET age = 'Pas Un Code' WHERE code = 'K7M2QX'"
on g.db merge f.db
check "merge: a workshop whose participant was refused is rejected and told" \
	err_has "f.db : atelier $W1 : colonne « participants » : usager inconnu « K7M2QX » : ni dans la base ni dans la base apportée"

cp $B h.db
q h.db "PRAGMA ignore_check_constraints = 1; UPDATE worktime SET duration = 'x'; UPDATE workshop SET title = CAST(X'E9' AS TEXT) WHERE id = '$W2'"
on g.db merge h.db
check "merge: a damaged time is rejected, by column" err_has "h.db : temps $T1 : colonne « duree » : durée invalide « x »"
check "merge: a title that is not UTF-8 is rejected, by column" err_has "h.db : atelier $W2 : colonne « titre » : texte invalide (UTF-8 attendu)"
is "merge: the damaged rows are counted as rejected, the sound workshop comes in" "$(OUT)" \
	"h.db : passages : 0 nouveau, 0 modifié, 1 inchangé, 0 supprimé, 0 rejeté ; ateliers : 1 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 1 rejeté ; temps : 0 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 1 rejeté"

# ---- forget: the person's participations become anonymous attendees
files_of() { echo "$1" "$1-wal" "$1-shm"; }
if absent AB12CD $(files_of $A); then nok "before: AB12CD is in A's files"; else ok "before: AB12CD is in A's files"; fi
on $A forget AB12CD --yes
check "forget: done" rc_is 0
check "forget: tells the workshops" out_has "Dans 1 atelier, sa participation est devenue anonyme."
is "forget: present, one more anonymous attendee" "$(q $A "SELECT anonymous FROM workshop WHERE id = '$W1'")" 4
is "forget: the participant row is gone" "$(q $A "SELECT count(*) FROM workshop_participant wp WHERE workshop_id = '$W1'")" 1
is "forget: no version in record_history names the code" "$(q $A "SELECT count(*) FROM record_history WHERE instr(version, 'AB12CD')")" 0
check "forget: AB12CD is nowhere in A's files" absent AB12CD $(files_of $A)
is "forget: the workshop moved on (it travels by merge)" \
	"$(q $A "SELECT updated_at > '2026-11-18T09:00:00.000Z' FROM workshop WHERE id = '$W1'")" 1
on $A forget K7M2QX --yes
is "forget: absent, dropped" "$(q $A "SELECT anonymous, (SELECT count(*) FROM workshop_participant) FROM workshop WHERE id = '$W1'")" "4|0"
on $B merge $A
is "forget, merged: the other desk drops the participant too" "$(q $B "SELECT anonymous FROM workshop WHERE id = '$W1'") $(q $B "SELECT count(*) FROM workshop_participant wp JOIN person p ON p.id = wp.person_id WHERE p.code = 'AB12CD'")" "4 0"

# ---- purge: workshops and times before the day, their participants and versions
on $B purge --before 2026-11-18 --yes
check "purge: done" rc_is 0
check "purge: the line counts workshops and times" out_has "Effacés : 0 passage d'avant le 2026-11-18, 2 ateliers, 1 temps,"
is "purge: no workshop, participant, time or version left" \
	"$(q $B "SELECT (SELECT count(*) FROM workshop) + (SELECT count(*) FROM workshop_participant) + (SELECT count(*) FROM worktime) + (SELECT count(*) FROM record_history)")" 0
check "purge: the workshop's title is nowhere in B's files" absent "Titre de" $(files_of $B)
is "purge: the base is whole" "$(q $B 'PRAGMA integrity_check')" ok
