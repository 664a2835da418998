/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* open_memstream */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/csv.h"
#include "carnet/store/record.h"
#include "carnet/model/text.h"

static const char *const names[RC_COUNT] = {
	[RC_ID] = "id",
	[RC_DATE] = "date",
	[RC_TIME] = "heure",
	[RC_DURATION] = "duree",
	[RC_SITE] = "site",
	[RC_MEDIATOR] = "mediateur",
	[RC_CANAL] = "canal",
	[RC_DEMANDS] = "demandes",
	[RC_ORGANISMS] = "organismes",
	[RC_POSTURE] = "posture",
	[RC_PRESENT] = "present",
	[RC_OUTCOME] = "issue",
	[RC_URGENT] = "urgent",
	[RC_REFERRED_BY] = "oriente_par",
	[RC_REFERRED_TO] = "oriente_vers",
	[RC_REFERRED_PLACE] = "lieu_orientation",
	[RC_NOTE] = "note",
	[RC_CREATED] = "cree",
	[RC_UPDATED] = "modifie",
	[RC_DELETED] = "supprime",
	[RC_PERSON] = "usager",
	[RC_PERSON_ID] = "usager_id",
	[RC_AGE] = "tranche_age",
	[RC_GENDER] = "genre",
	[RC_AREA] = "quartier",
	[RC_SITUATION] = "situation",
	[RC_EQUIPMENT] = "equipement",
	[RC_PERSON_CREATED] = "usager_cree",
	[RC_PERSON_UPDATED] = "usager_modifie",
};

const char *record_column_name(enum record_col col)
{
	return col >= 0 && col < RC_COUNT ? names[col] : "";
}

int record_column(const char *name)
{
	for (int i = 0; i < RC_COUNT; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

void record_init(struct record *r)
{
	visit_init(&r->v);
	person_init(&r->p);
}

/* ------------------------------------------------------------ one column */

/* Eight bytes at a time while they are ASCII, the last eight overlapping. */
bool record_utf8(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t other = 0, w;

	if (n >= 8) {
		for (size_t i = 0; i + 8 <= n; i += 8) {
			memcpy(&w, s + i, 8);
			other |= (w | ((w - ones) & ~w)) & high;
		}
		memcpy(&w, s + n - 8, 8);
		other |= (w | ((w - ones) & ~w)) & high;
	} else {
		for (size_t i = 0; i < n; i++)
			other |= (uint64_t)((unsigned char)((unsigned char)s[i] - 1u) >= 0x7f);
	}
	return !other || (!memchr(s, 0, n) && utf8_valid(s, n));
}


/* Where a text column lives, and its size. */
static char *text_slot(struct record *r, enum record_col col, size_t *size)
{
#define SLOT(field) (*size = sizeof(field), (field))
	switch (col) {
	case RC_ID: return SLOT(r->v.id);
	case RC_SITE: return SLOT(r->v.site);
	case RC_MEDIATOR: return SLOT(r->v.mediator);
	case RC_CANAL: return SLOT(r->v.canal);
	case RC_POSTURE: return SLOT(r->v.posture);
	case RC_OUTCOME: return SLOT(r->v.outcome);
	case RC_REFERRED_BY: return SLOT(r->v.referred_by);
	case RC_REFERRED_TO: return SLOT(r->v.referred_to);
	case RC_REFERRED_PLACE: return SLOT(r->v.referred_place);
	case RC_NOTE: return SLOT(r->v.note);
	case RC_PERSON: return SLOT(r->p.code);
	case RC_PERSON_ID: return SLOT(r->p.id);
	case RC_AGE: return SLOT(r->p.age);
	case RC_GENDER: return SLOT(r->p.gender);
	case RC_AREA: return SLOT(r->p.area);
	case RC_SITUATION: return SLOT(r->p.situation);
	default: return NULL;
	}
#undef SLOT
}

static char *time_slot(struct record *r, enum record_col col)
{
	switch (col) {
	case RC_CREATED: return r->v.created;
	case RC_UPDATED: return r->v.updated;
	case RC_DELETED: return r->v.deleted;
	case RC_PERSON_CREATED: return r->p.created;
	case RC_PERSON_UPDATED: return r->p.updated;
	default: return NULL;
	}
}

int record_set_codes(struct codeset *set, const char *text, struct cn_err *err)
{
	const char *p = text;

	set->n = 0;
	while (*p) {
		size_t len = strcspn(p, "|");
		if (len == 0 || len >= CODE_MAX)
			return cn_err_set(err, CN_EINVAL, "code invalide « %.*s » dans « %s »",
			                  (int)(len < 40 ? len : 40), p, text);
		if (set->n == CODESET_MAX)
			return cn_err_set(err, CN_EINVAL, "plus de %d codes", CODESET_MAX);
		memcpy(set->v[set->n], p, len);
		set->v[set->n][len] = '\0';
		for (int i = 0; i < set->n; i++)
			if (strcmp(set->v[i], set->v[set->n]) == 0)
				return cn_err_set(err, CN_EINVAL, "code « %s » en double", set->v[i]);
		set->n++;
		p += len;
		if (*p == '|' && !*++p)
			return cn_err_set(err, CN_EINVAL, "« | » en fin de liste dans « %s »", text);
	}
	return CN_OK;
}

static int set_flag(bool *flag, const char *text, struct cn_err *err)
{
	if (strcmp(text, "0") && strcmp(text, "1"))
		return cn_err_set(err, CN_EINVAL, "valeur invalide « %s » (attendu 1 ou 0)", text);
	*flag = text[0] == '1';
	return CN_OK;
}

int record_set_text(char *slot, size_t size, const char *text, struct cn_err *err)
{
	size_t len = strlen(text);

	if (len >= size)
		return cn_err_set(err, CN_EINVAL, "valeur trop longue (%zu octets, %zu au plus)", len,
		                  size - 1);
	memcpy(slot, text, len + 1);
	return CN_OK;
}

int record_set_timestamp(char slot[TS_LEN], const char *text, struct cn_err *err)
{
	if (!*text) {
		slot[0] = '\0';
		return CN_OK;
	}
	if (!timestamp_parse(text, slot))
		return cn_err_set(err, CN_EINVAL,
		                  "horodatage invalide « %s » (attendu AAAA-MM-JJTHH:MM:SS.mmmZ)", text);
	return CN_OK;
}

int record_set_date(char out[DATE_LEN], const char *text, struct cn_err *err)
{
	size_t len = strlen(text);

	if (len >= DATE_LEN)
		return cn_err_set(err, CN_EINVAL, "date invalide « %s » (attendu AAAA-MM-JJ)", text);
	memcpy(out, text, len + 1);
	return CN_OK;
}

int record_set_hhmm(char out[HHMM_LEN], const char *text, struct cn_err *err)
{
	size_t len = strlen(text);

	if (len >= HHMM_LEN)
		return cn_err_set(err, CN_EINVAL, "heure invalide « %s » (attendu HH:MM)", text);
	memcpy(out, text, len + 1);
	return CN_OK;
}

int record_set_minutes(int *minutes, const char *text, int max, struct cn_err *err)
{
	char *end;
	long n = strtol(text, &end, 10);

	if (!*text || *end || n < DURATION_MIN || n > max)
		return cn_err_set(err, CN_EINVAL, "durée invalide « %s » : de %d à %d minutes", text,
		                  DURATION_MIN, max);
	*minutes = (int)n;
	return CN_OK;
}

int record_set(struct record *r, enum record_col col, const char *text, struct cn_err *err)
{
	size_t len = strlen(text);

	if (!record_utf8(text, len))
		return cn_err_set(err, CN_EINVAL, "texte invalide (UTF-8 attendu)");
	return record_set_utf8(r, col, text, len, err);
}

int record_set_utf8(struct record *r, enum record_col col, const char *text, size_t len,
                    struct cn_err *err)
{
	size_t size;
	char *slot;

	if ((slot = text_slot(r, col, &size))) {
		/* record_set_text, the length known. */
		if (len >= size)
			return cn_err_set(err, CN_EINVAL, "valeur trop longue (%zu octets, %zu au plus)",
			                  len, size - 1);
		memcpy(slot, text, len + 1);
		if (col == RC_PERSON)
			memcpy(r->v.person, text, len + 1);
		return CN_OK;
	}
	if ((slot = time_slot(r, col)))
		return record_set_timestamp(slot, text, err);
	switch (col) {
	case RC_DATE:
	case RC_TIME:
		/* record_set_date and record_set_hhmm, the length known. */
		if (len >= (col == RC_DATE ? DATE_LEN : HHMM_LEN))
			return col == RC_DATE ? cn_err_set(err, CN_EINVAL, "date invalide « %s » (attendu "
			                                                   "AAAA-MM-JJ)", text)
			                      : cn_err_set(err, CN_EINVAL, "heure invalide « %s » (attendu "
			                                                   "HH:MM)", text);
		memcpy(col == RC_DATE ? r->v.date : r->v.time, text, len + 1);
		return CN_OK;
	case RC_DURATION: return record_set_minutes(&r->v.duration, text, DURATION_MAX, err);
	case RC_DEMANDS: return record_set_codes(&r->v.demands, text, err);
	case RC_ORGANISMS: return record_set_codes(&r->v.organisms, text, err);
	case RC_EQUIPMENT: return record_set_codes(&r->p.equipment, text, err);
	case RC_PRESENT: return set_flag(&r->v.present, text, err);
	case RC_URGENT: return set_flag(&r->v.urgent, text, err);
	default: return cn_err_set(err, CN_EINVAL, "colonne inconnue");
	}
}

const char *record_sheet_value(enum record_col col, const char *text, char norm[16])
{
	int h, m, sec, d, mo, y, used = 0;
	size_t len;

	if (col != RC_TIME && col != RC_DATE)
		return text;
	len = strlen(text);

	/* Calc and Excel write times with seconds: "09:05:00". */
	if (col == RC_TIME && len == 8 && sscanf(text, "%2d:%2d:%2d%n", &h, &m, &sec, &used) == 3 &&
	    used == 8 && h >= 0 && h < 24 && m >= 0 && m < 60 && sec >= 0 && sec < 60) {
		snprintf(norm, 16, "%02d:%02d", h, m);
		return norm;
	}
	/* And dates the French way: "30/11/2026". */
	if (col == RC_DATE && len == 10 && text[2] == '/' && text[5] == '/' &&
	    sscanf(text, "%2d/%2d/%4d%n", &d, &mo, &y, &used) == 3 && used == 10 && y >= 1000 &&
	    y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
		snprintf(norm, 16, "%04d-%02d-%02d", y, mo, d);
		return norm;
	}
	return text;
}

int record_set_sheet(struct record *r, enum record_col col, const char *text,
                     struct cn_err *err)
{
	char norm[16];

	return record_set(r, col, record_sheet_value(col, text, norm), err);
}

const char *record_column_text(const struct record *r, enum record_col col,
                               char small[RECORD_SMALL])
{
	size_t size;
	const char *slot = text_slot((struct record *)r, col, &size);

	if (slot || (slot = time_slot((struct record *)r, col)))
		return slot;
	small[0] = '\0';
	switch (col) {
	case RC_DATE: return r->v.date;
	case RC_TIME: return r->v.time;
	case RC_DURATION: snprintf(small, RECORD_SMALL, "%d", r->v.duration); break;
	case RC_DEMANDS: codeset_join(&r->v.demands, "|", small, RECORD_SMALL); break;
	case RC_ORGANISMS: codeset_join(&r->v.organisms, "|", small, RECORD_SMALL); break;
	case RC_EQUIPMENT: codeset_join(&r->p.equipment, "|", small, RECORD_SMALL); break;
	case RC_PRESENT: small[0] = r->v.present ? '1' : '0', small[1] = '\0'; break;
	case RC_URGENT: small[0] = r->v.urgent ? '1' : '0', small[1] = '\0'; break;
	default: break;
	}
	return small;
}

/* The visit's field at fault, as a column. */
static enum record_col visit_col(int field)
{
	static const enum record_col cols[VF_COUNT] = {
		[VF_ID] = RC_ID, [VF_DATE] = RC_DATE, [VF_TIME] = RC_TIME,
		[VF_DURATION] = RC_DURATION, [VF_SITE] = RC_SITE, [VF_MEDIATOR] = RC_MEDIATOR,
		[VF_CANAL] = RC_CANAL, [VF_DEMANDS] = RC_DEMANDS, [VF_ORGANISMS] = RC_ORGANISMS,
		[VF_POSTURE] = RC_POSTURE, [VF_PRESENT] = RC_PRESENT, [VF_OUTCOME] = RC_OUTCOME,
		[VF_URGENT] = RC_URGENT, [VF_REFERRED_BY] = RC_REFERRED_BY,
		[VF_REFERRED_TO] = RC_REFERRED_TO, [VF_REFERRED_PLACE] = RC_REFERRED_PLACE,
		[VF_PERSON] = RC_PERSON, [VF_NOTE] = RC_NOTE,
		/* Columns of version 3 (store/exchange_row.h), shown as the
		 * referral's column of version 1. */
		[VF_REFERRAL_HOW] = RC_REFERRED_TO, [VF_REFERRAL_PLACE] = RC_REFERRED_TO,
		[VF_REFERRAL_WENT] = RC_REFERRED_TO,
	};
	return field >= 0 && field < VF_COUNT ? cols[field] : RC_ID;
}

static enum record_col person_col(int field)
{
	static const enum record_col cols[PF_COUNT] = {
		[PF_CODE] = RC_PERSON, [PF_AGE] = RC_AGE, [PF_GENDER] = RC_GENDER,
		[PF_AREA] = RC_AREA, [PF_SITUATION] = RC_SITUATION, [PF_EQUIPMENT] = RC_EQUIPMENT,
	};
	return field >= 0 && field < PF_COUNT ? cols[field] : RC_PERSON;
}

static int required(enum record_col c, enum record_col *col, struct cn_err *err)
{
	*col = c;
	return cn_err_set(err, CN_EINVAL, "valeur obligatoire");
}

static int bad_id(enum record_col c, const char *id, enum record_col *col, struct cn_err *err)
{
	*col = c;
	return cn_err_set(err, CN_EINVAL, "identifiant invalide « %s » (un UUID attendu)", id);
}

int record_check_identity(const char *id, const char *created, const char *updated,
                          enum record_col *col, struct cn_err *err)
{
	if (!id_valid(id))
		return bad_id(RC_ID, id, col, err);
	if (!created[0])
		return required(RC_CREATED, col, err);
	if (!updated[0])
		return required(RC_UPDATED, col, err);
	return CN_OK;
}

int record_validate(const struct record *r, const struct lists *ls, struct unknown_codes *u,
                    enum record_col *col, struct cn_err *err)
{
	int rc;

	if ((rc = record_check_identity(r->v.id, r->v.created, r->v.updated, col, err)) != CN_OK)
		return rc;
	if ((rc = visit_validate_foreign(&r->v, ls, u, err)) != CN_OK) {
		*col = visit_col(err->field);
		return rc;
	}
	if (!r->p.code[0]) {
		/* An anonymous visit has no profile. */
		for (enum record_col c = RC_PERSON_ID; c < RC_COUNT; c++) {
			char small[RECORD_SMALL];
			if (record_column_text(r, c, small)[0]) {
				*col = c;
				return cn_err_set(err, CN_EINVAL, "sans usager, cette colonne reste vide");
			}
		}
		return CN_OK;
	}
	return record_validate_person(&r->p, ls, u, col, err);
}

int record_validate_person(const struct person *p, const struct lists *ls,
                           struct unknown_codes *u, enum record_col *col, struct cn_err *err)
{
	int rc;

	if (p->id[0] && !id_valid(p->id))
		return bad_id(RC_PERSON_ID, p->id, col, err);
	if (!p->created[0])
		return required(RC_PERSON_CREATED, col, err);
	if (!p->updated[0])
		return required(RC_PERSON_UPDATED, col, err);
	if ((rc = person_validate_foreign(p, ls, u, err)) != CN_OK) {
		*col = person_col(err->field);
		return rc;
	}
	return CN_OK;
}

/* ------------------------------------------------------------ CSV */

void record_write_header(FILE *f)
{
	for (int c = 0; c < RC_COUNT; c++)
		csv_field(f, names[c], ',', c == 0);
	csv_end_row(f);
}

bool record_value_column(enum record_col c)
{
	switch (c) {
	case RC_ID: case RC_DATE: case RC_TIME: case RC_DURATION: case RC_PRESENT: case RC_URGENT:
	case RC_CREATED: case RC_UPDATED: case RC_DELETED: case RC_PERSON_ID:
	case RC_PERSON_CREATED: case RC_PERSON_UPDATED:
		return true;
	default:
		return false;
	}
}

static void write_columns(FILE *f, const struct record *r, enum record_col last)
{
	char small[RECORD_SMALL];

	/* A note "=1+1" stays text in a spreadsheet, and a code "0123" a code;
	 * import takes the guard off. Ids, dates, times, numbers and flags are
	 * what they look like. */
	for (enum record_col c = 0; c <= last; c++) {
		if (record_value_column(c))
			csv_field(f, record_column_text(r, c, small), ',', c == 0);
		else
			csv_text(f, record_column_text(r, c, small), ',', c == 0);
	}
}

void record_write(FILE *f, const struct record *r, int eol)
{
	write_columns(f, r, RC_COUNT - 1);
	if (eol)
		csv_end_row(f);
}

char *record_line_of(void (*write)(FILE *f, const void *arg), const void *arg)
{
	char *line = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&line, &size);

	if (!f)
		return NULL;
	write(f, arg);
	if (fclose(f) != 0) {
		free(line);
		return NULL;
	}
	return line;
}

static void write_visit_part(FILE *f, const void *arg)
{
	const struct record *r = arg;
	const struct visit *v = &r->v;

	write_columns(f, r, RC_PERSON);
	/* The referral's way, place and answer, when there are: the line of a
	 * visit without them is what it always was. */
	if (v->referral_how[0] || v->referral_place[0] || v->referral_went[0] ||
	    v->referral_answered[0]) {
		csv_text(f, v->referral_how, ',', 0);
		csv_field(f, v->referral_place, ',', 0);
		csv_text(f, v->referral_went, ',', 0);
		csv_field(f, v->referral_answered, ',', 0);
	}
}

char *record_visit_line(const struct record *r)
{
	return record_line_of(write_visit_part, r);
}

/* ------------------------------------------------------------ database */

/* The columns in enum order: record_read() sets each from its text. */
#define RECORD_COLUMNS                                                                      \
	"SELECT v.id, v.date, v.time, v.duration, v.site, v.mediator, v.canal, v.demands,"     \
	" v.organisms, v.posture, v.present, v.outcome, v.urgent, v.referred_by, v.referred_to," \
	" v.referred_place, v.note, v.created_at, v.updated_at, v.deleted_at, p.code, p.id,"   \
	" p.age, p.gender, p.area, p.situation, p.equipment, p.created_at, p.updated_at"
#define RECORD_SELECT                                                                       \
	RECORD_COLUMNS ", v.person_id, v.referral_how, v.referral_place, v.referral_went,"     \
	" v.referral_answered"

sqlite3_stmt *record_select(struct store *st, const char *schema, const struct visit_filter *f,
                            bool referral, struct cn_err *err)
{
	char sql[1024];
	sqlite3_stmt *stmt;

	/* schema is a literal ("main", "src"), never user data. */
	snprintf(sql, sizeof sql,
	         "%s FROM %s.visit v LEFT JOIN %s.person p ON p.id = v.person_id"
	         " WHERE " VISIT_FILTER_WHERE " ORDER BY v.date, v.time, v.created_at, v.id",
	         referral ? RECORD_SELECT : RECORD_COLUMNS, schema, schema);
	if ((stmt = store_prepare(st, sql, err)))
		visit_filter_bind(stmt, f);
	return stmt;
}

#define HAS_REFERRAL                                                                    \
	"length(CAST(v.referral_how AS TEXT)) > 0 OR length(CAST(v.referral_place AS TEXT)) > 0" \
	" OR length(CAST(v.referral_went AS TEXT)) > 0"                                      \
	" OR length(CAST(v.referral_answered AS TEXT)) > 0"

int record_select_has_referral(struct store *st, const struct visit_filter *f, bool *has,
                               struct cn_err *err)
{
	/* The visits whose referral's columns are not empty (length() stops
	 * at a NUL as C does); each then read as visit_each reads it, for what
	 * xrow_needs_v3 says of it. All the dates: one pass over the table,
	 * not a seek into it for every entry of the date index. */
	static const char *const sql[] = {
		"SELECT v.referral_how, v.referral_place, v.referral_went, v.referral_answered"
		" FROM visit v WHERE " VISIT_FILTER_WHERE " AND (" HAS_REFERRAL ")",
		"SELECT v.referral_how, v.referral_place, v.referral_went, v.referral_answered"
		" FROM visit v NOT INDEXED WHERE " VISIT_FILTER_WHERE " AND (" HAS_REFERRAL ")",
	};
	sqlite3_stmt *stmt = store_prepare(st, sql[!f->from[0] && !f->to[0]], err);
	int rc;

	if (!stmt)
		return CN_EDB;
	visit_filter_bind(stmt, f);
	*has = false;
	while (!*has && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct visit v;
		store_column_copy(stmt, 0, v.referral_how, sizeof v.referral_how);
		store_column_copy(stmt, 1, v.referral_place, sizeof v.referral_place);
		store_column_copy(stmt, 2, v.referral_went, sizeof v.referral_went);
		store_column_copy(stmt, 3, v.referral_answered, sizeof v.referral_answered);
		*has = v.referral_how[0] || v.referral_place[0] || v.referral_went[0] ||
		       v.referral_answered[0];
	}
	sqlite3_finalize(stmt);
	return *has || rc == SQLITE_DONE ? CN_OK : store_fail(st, err, "lecture impossible");
}

/* The same row in main: every column IS the same (NULL and type included,
 * a stricter test than the records' comparison), and a person, when there
 * is one, found in the source and holding the same code here. */
#define SAME_HERE                                                                             \
	"EXISTS (SELECT 1 FROM main.visit m LEFT JOIN main.person mp"                         \
	" ON mp.id = m.person_id WHERE m.id = v.id AND m.updated_at IS v.updated_at"            \
	" AND m.date IS v.date AND m.time IS v.time AND m.duration IS v.duration"               \
	" AND m.site IS v.site AND m.mediator IS v.mediator AND m.canal IS v.canal"             \
	" AND m.demands IS v.demands AND m.organisms IS v.organisms"                            \
	" AND m.posture IS v.posture AND m.present IS v.present"                                \
	" AND m.outcome IS v.outcome AND m.urgent IS v.urgent"                                  \
	" AND m.referred_by IS v.referred_by AND m.referred_to IS v.referred_to"                \
	" AND m.referred_place IS v.referred_place AND m.note IS v.note"                        \
	" AND m.created_at IS v.created_at AND m.deleted_at IS v.deleted_at"                    \
	" AND m.referral_how IS v.referral_how AND m.referral_place IS v.referral_place"        \
	" AND m.referral_went IS v.referral_went"                                               \
	" AND m.referral_answered IS v.referral_answered"                                       \
	" AND mp.code IS p.code AND (v.person_id IS NULL) = (p.id IS NULL))"

sqlite3_stmt *record_select_all(struct store *st, const char *schema, bool compare,
                                struct cn_err *err)
{
	char sql[2048];

	/* Every row, even one whose date no filter would match (NULL, garbage);
	 * with compare, only those main does not hold as they are. */
	snprintf(sql, sizeof sql, "%s FROM %s.visit v LEFT JOIN %s.person p ON p.id = v.person_id%s",
	         RECORD_SELECT, schema, schema, compare ? " WHERE NOT " SAME_HERE : "");
	return store_prepare(st, sql, err);
}

int record_get(struct store *st, const char *schema, const char *id, struct record *out,
               struct cn_err *err)
{
	char sql[512];
	sqlite3_stmt *stmt;
	int rc;

	snprintf(sql, sizeof sql,
	         RECORD_SELECT " FROM %s.visit v LEFT JOIN %s.person p ON p.id = v.person_id"
	         " WHERE v.id = ?1",
	         schema, schema);
	if (!(stmt = store_cached(st, sql, err)))
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		record_read(stmt, out);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return CN_OK;
	if (rc == SQLITE_DONE)
		return CN_ENOTFOUND;
	return store_fail(st, err, "lecture impossible");
}

/* The referral's columns, after v.person_id (RC_COUNT) in RECORD_SELECT. */
#define REFERRAL_FIRST (RC_COUNT + 1)

/* The referral's columns of a row, each read as an import reads it: a
 * NUL, bad UTF-8 or an over-long value is CN_EINVAL with its reason. */
static int read_referral(sqlite3_stmt *stmt, struct visit *v, struct cn_err *err)
{
	static const char *const referral_names[] = {"orientation_mode", "orientation_lieu",
	                                             "orientation_suite", "orientation_reponse"};
	struct {
		char *slot;
		size_t size;
	} cols[] = {
		{v->referral_how, sizeof v->referral_how},
		{v->referral_place, sizeof v->referral_place},
		{v->referral_went, sizeof v->referral_went},
		{v->referral_answered, sizeof v->referral_answered},
	};

	for (int i = 0; i < 4; i++) {
		const char *text = (const char *)sqlite3_column_text(stmt, REFERRAL_FIRST + i);
		int rc;

		if (!text)
			text = "";
		if ((size_t)sqlite3_column_bytes(stmt, REFERRAL_FIRST + i) != strlen(text))
			return cn_err_set(err, CN_EINVAL, "%s : texte invalide (caractère NUL)", referral_names[i]);
		if (!utf8_valid(text, strlen(text)))
			return cn_err_set(err, CN_EINVAL, "%s : texte invalide (UTF-8 attendu)", referral_names[i]);
		rc = i == 3 ? record_set_timestamp(cols[i].slot, text, err)
		            : record_set_text(cols[i].slot, cols[i].size, text, err);
		if (rc != CN_OK) {
			char reason[sizeof err->msg];
			snprintf(reason, sizeof reason, "%s", err->msg);
			return cn_err_set(err, rc, "%s : %s", referral_names[i], reason);
		}
	}
	return CN_OK;
}

void record_read(sqlite3_stmt *stmt, struct record *r)
{
	struct cn_err ignored;

	record_init(r);
	for (int c = 0; c < RC_COUNT; c++) {
		const char *text = (const char *)sqlite3_column_text(stmt, c);
		/* Stored codes are '|'-joined like the exchange format. */
		record_set(r, (enum record_col)c, text ? text : "", &ignored);
	}
	if (sqlite3_column_count(stmt) > REFERRAL_FIRST + 3)
		read_referral(stmt, &r->v, &ignored);
}

int record_read_columns(sqlite3_stmt *stmt, int first, enum record_col from, enum record_col to,
                        struct record *r, enum record_col *col, struct cn_err *err)
{
	for (enum record_col c = from; c <= to; c++) {
		int i = first + (int)(c - from);
		const char *text = (const char *)sqlite3_column_text(stmt, i);
		int rc;

		*col = c;
		/* A NUL inside a value: SQLite's length says more than C's. */
		if (text && (size_t)sqlite3_column_bytes(stmt, i) != strlen(text))
			return cn_err_set(err, CN_EINVAL, "texte invalide (caractère NUL)");
		if ((rc = record_set(r, c, text ? text : "", err)) != CN_OK)
			return rc;
	}
	return CN_OK;
}

int record_read_checked(sqlite3_stmt *stmt, struct record *r, enum record_col *col,
                        struct cn_err *err)
{
	int rc;

	record_init(r);
	if ((rc = record_read_columns(stmt, 0, 0, RC_COUNT - 1, r, col, err)) != CN_OK)
		return rc;
	/* A visit naming a person the database does not hold. */
	if (sqlite3_column_type(stmt, RC_COUNT) != SQLITE_NULL && !r->p.id[0]) {
		*col = RC_PERSON;
		return cn_err_set(err, CN_EINVAL, "usager absent de la base (le passage renvoie à un "
		                                  "usager qu'elle ne contient pas)");
	}
	if ((rc = read_referral(stmt, &r->v, err)) != CN_OK) {
		*col = RC_REFERRED_TO;
		return rc;
	}
	return CN_OK;
}

/* ------------------------------------------------------------ export's trusted path */

/* What this carnet stores is already spelt as the exchange format writes
 * it (timestamps with milliseconds, codes joined by '|', numbers in
 * decimal): a value that reads back through record_set as the same text
 * is written as it is. Each test below is record_set's, and "as it is". */

static bool stored_timestamp(const char *s, size_t n)
{
	char ts[TS_LEN];

	return n == 0 || (n == 24 && timestamp_parse(s, ts));
}

/* A number of minutes as "%d" writes it. */
static bool stored_minutes(const char *s, size_t n, int max)
{
	int v = 0;

	if (n < 1 || n > 4 || s[0] < '1' || s[0] > '9')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	return v <= max;
}

/* Codes joined by '|', each well-formed and once, as codeset_join joins
 * them again. */
static bool stored_codes(const char *s, size_t n)
{
	const char *seg[CODESET_MAX], *p = s, *end = s + n;
	size_t len[CODESET_MAX];
	int k = 0;

	if (n == 0)
		return true;
	for (;;) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		size_t l = (size_t)((bar ? bar : end) - p);
		if (l == 0 || l >= CODE_MAX || k == CODESET_MAX)
			return false;
		for (int i = 0; i < k; i++)
			if (len[i] == l && memcmp(seg[i], p, l) == 0)
				return false;
		seg[k] = p;
		len[k++] = l;
		if (!bar)
			return true;
		p = bar + 1;
	}
}

/* What record_set does with each column of record_select, then the
 * referral's four (read_referral): a text of fewer than size bytes, a
 * timestamp… (v.person_id, between them, is not read). */
enum stored_kind { SK_TEXT, SK_TIMESTAMP, SK_MINUTES, SK_CODES, SK_FLAG, SK_SKIP };
#define FIELD_SIZE(type, field) sizeof(((type *)0)->field)
static const struct {
	unsigned char kind;
	unsigned short size;
} stored_cols[RC_COUNT + 5] = {
	[RC_ID] = {SK_TEXT, FIELD_SIZE(struct visit, id)},
	[RC_DATE] = {SK_TEXT, DATE_LEN},
	[RC_TIME] = {SK_TEXT, HHMM_LEN},
	[RC_DURATION] = {SK_MINUTES, 0},
	[RC_SITE] = {SK_TEXT, FIELD_SIZE(struct visit, site)},
	[RC_MEDIATOR] = {SK_TEXT, FIELD_SIZE(struct visit, mediator)},
	[RC_CANAL] = {SK_TEXT, FIELD_SIZE(struct visit, canal)},
	[RC_DEMANDS] = {SK_CODES, 0},
	[RC_ORGANISMS] = {SK_CODES, 0},
	[RC_POSTURE] = {SK_TEXT, FIELD_SIZE(struct visit, posture)},
	[RC_PRESENT] = {SK_FLAG, 0},
	[RC_OUTCOME] = {SK_TEXT, FIELD_SIZE(struct visit, outcome)},
	[RC_URGENT] = {SK_FLAG, 0},
	[RC_REFERRED_BY] = {SK_TEXT, FIELD_SIZE(struct visit, referred_by)},
	[RC_REFERRED_TO] = {SK_TEXT, FIELD_SIZE(struct visit, referred_to)},
	[RC_REFERRED_PLACE] = {SK_TEXT, FIELD_SIZE(struct visit, referred_place)},
	[RC_NOTE] = {SK_TEXT, FIELD_SIZE(struct visit, note)},
	[RC_CREATED] = {SK_TIMESTAMP, 0},
	[RC_UPDATED] = {SK_TIMESTAMP, 0},
	[RC_DELETED] = {SK_TIMESTAMP, 0},
	[RC_PERSON] = {SK_TEXT, FIELD_SIZE(struct person, code)},
	[RC_PERSON_ID] = {SK_TEXT, FIELD_SIZE(struct person, id)},
	[RC_AGE] = {SK_TEXT, FIELD_SIZE(struct person, age)},
	[RC_GENDER] = {SK_TEXT, FIELD_SIZE(struct person, gender)},
	[RC_AREA] = {SK_TEXT, FIELD_SIZE(struct person, area)},
	[RC_SITUATION] = {SK_TEXT, FIELD_SIZE(struct person, situation)},
	[RC_EQUIPMENT] = {SK_CODES, 0},
	[RC_PERSON_CREATED] = {SK_TIMESTAMP, 0},
	[RC_PERSON_UPDATED] = {SK_TIMESTAMP, 0},
	[RC_COUNT] = {SK_SKIP, 0},
	[REFERRAL_FIRST] = {SK_TEXT, FIELD_SIZE(struct visit, referral_how)},
	[REFERRAL_FIRST + 1] = {SK_TEXT, FIELD_SIZE(struct visit, referral_place)},
	[REFERRAL_FIRST + 2] = {SK_TEXT, FIELD_SIZE(struct visit, referral_went)},
	[REFERRAL_FIRST + 3] = {SK_TIMESTAMP, 0},
};
#undef FIELD_SIZE

static bool stored_value(int col, const char *s, size_t n)
{
	switch (stored_cols[col].kind) {
	case SK_TEXT: return n < stored_cols[col].size;
	case SK_TIMESTAMP: return stored_timestamp(s, n);
	case SK_MINUTES: return stored_minutes(s, n, DURATION_MAX);
	case SK_CODES: return stored_codes(s, n);
	case SK_FLAG: return n == 1 && (s[0] == '0' || s[0] == '1');
	default: return false;
	}
}

bool record_stored(sqlite3_stmt *stmt, bool referral, struct record_stored *out)
{
	int last = referral ? REFERRAL_FIRST + 3 : RC_COUNT - 1;

	for (int i = 0, k = 0; i <= last; i++) {
		const char *s;
		size_t n;

		if (i == RC_COUNT)
			continue; /* v.person_id */
		s = (const char *)sqlite3_column_text(stmt, i);
		n = (size_t)sqlite3_column_bytes(stmt, i);
		if (!s)
			s = "", n = 0;
		if (!record_utf8(s, n) || !stored_value(i, s, n))
			return false;
		out->s[k] = s;
		out->n[k++] = n;
	}
	return true;
}

void record_stored_write(struct csv_out *o, const struct record_stored *rs, int first)
{
	/* The guard of write_columns. */
	for (int c = 0; c < RC_COUNT; c++) {
		if (record_value_column((enum record_col)c))
			csv_out_field(o, rs->s[c], rs->n[c], ',', first && c == 0);
		else
			csv_out_text(o, rs->s[c], rs->n[c], ',', first && c == 0);
	}
}

/* ------------------------------------------------------------ history */

int record_keep_line(struct store *st, const char *id, const char *updated, const char *line,
                     struct cn_err *err)
{
	char now[TS_LEN];
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = clock_timestamp(now, err)) != CN_OK)
		return rc;
	stmt = store_cached(st,
	                    "INSERT OR IGNORE INTO visit_history (visit_id, updated_at, version,"
	                    " kept_at) VALUES (?1, ?2, ?3, ?4)",
	                    err);
	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, updated, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, line, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? CN_OK : store_fail(st, err, "enregistrement impossible");
	sqlite3_reset(stmt);
	return rc;
}

int record_keep(struct store *st, const struct record *r, struct cn_err *err)
{
	char *line = record_visit_line(r);
	int rc;

	if (!line)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	rc = record_keep_line(st, r->v.id, r->v.updated, line, err);
	free(line);
	return rc;
}

int record_save_over(struct store *st, const struct lists *ls, struct visit *v,
                     const struct record *theirs, struct cn_err *err)
{
	int rc = store_begin(st, err);

	if (rc != CN_OK)
		return rc;
	rc = record_keep(st, theirs, err);
	if (rc == CN_OK) {
		memcpy(v->updated, theirs->v.updated, sizeof v->updated);
		rc = visit_update_in(st, ls, v, err);
	}
	return store_end(st, rc, err);
}

int record_keep_unsaved(struct store *st, const struct visit *v, struct cn_err *err)
{
	struct record r;
	int rc;

	record_init(&r);
	r.v = *v;
	memcpy(r.p.code, v->person, sizeof v->person);
	if ((rc = clock_timestamp(r.v.updated, err)) != CN_OK)
		return rc;
	return record_keep(st, &r, err);
}