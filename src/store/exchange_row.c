/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/model/csv.h"
#include "carnet/model/text.h"
#include "carnet/store/exchange_row.h"
#include "carnet/store/records.h"

/* Room for the longest column a row formats: 60 participants, a tally of
 * 32 codes, 32 codes. */
#define XROW_SMALL 2048

static const char *const v2_names[XC_COUNT - RC_COUNT] = {
	[XC_TYPE - RC_COUNT] = "type",
	[XC_TITLE - RC_COUNT] = "titre",
	[XC_THEMES - RC_COUNT] = "themes",
	[XC_LEVEL - RC_COUNT] = "niveau",
	[XC_PLACE - RC_COUNT] = "lieu",
	[XC_REGISTERED - RC_COUNT] = "inscrits",
	[XC_PARTICIPANTS - RC_COUNT] = "participants",
	[XC_ANONYMOUS - RC_COUNT] = "anonymes",
	[XC_ANON_GENDER - RC_COUNT] = "anonymes_genre",
	[XC_ANON_AGE - RC_COUNT] = "anonymes_age",
	[XC_ANON_SITUATION - RC_COUNT] = "anonymes_situation",
	[XC_EQUIPMENT - RC_COUNT] = "materiel",
	[XC_KIND - RC_COUNT] = "nature",
	[XC_REFERRAL_HOW - RC_COUNT] = "orientation_mode",
	[XC_REFERRAL_PLACE - RC_COUNT] = "orientation_lieu",
	[XC_REFERRAL_WENT - RC_COUNT] = "orientation_suite",
	[XC_REFERRAL_ANSWERED - RC_COUNT] = "orientation_reponse",
};

static const char *const kind_names[XK_COUNT] = {
	[XK_VISIT] = "passage",
	[XK_PERSON] = "usager",
	[XK_WORKSHOP] = "atelier",
	[XK_WORKTIME] = "temps",
};

const char *xrow_column_name(int col)
{
	if (col >= RC_COUNT && col < XC_COUNT)
		return v2_names[col - RC_COUNT];
	return record_column_name((enum record_col)col);
}

int xrow_column(const char *name)
{
	int c = record_column(name);

	for (int i = RC_COUNT; c < 0 && i < XC_COUNT; i++)
		if (strcmp(v2_names[i - RC_COUNT], name) == 0)
			c = i;
	return c;
}

bool xrow_column_v2(int col)
{
	return col >= RC_COUNT && col < XC_COUNT;
}

bool xrow_column_v3(int col)
{
	return col >= XC_V2_COUNT && col < XC_COUNT;
}

int xrow_columns(int version)
{
	return version >= 3 ? XC_COUNT : XC_V2_COUNT;
}

bool xrow_needs_v3(const struct visit *v)
{
	return v->referral_how[0] || v->referral_place[0] || v->referral_went[0] ||
	       v->referral_answered[0];
}

const char *xrow_kind_name(enum xrow_kind kind)
{
	return kind >= 0 && kind < XK_COUNT ? kind_names[kind] : "";
}

int xrow_kind_parse(const char *text, enum xrow_kind *kind, struct cn_err *err)
{
	for (int k = 0; k < XK_COUNT; k++)
		if (strcmp(kind_names[k], text) == 0) {
			*kind = (enum xrow_kind)k;
			return CN_OK;
		}
	return cn_err_set(err, CN_EINVAL,
	                  "type invalide « %.40s » (attendu passage, usager, atelier ou temps)",
	                  utf8_valid(text, strlen(text)) ? text : "?");
}

#define KIND(k) (1u << (k))
#define RECORDS (KIND(XK_VISIT) | KIND(XK_WORKSHOP) | KIND(XK_WORKTIME))

/* The types of row that have each column. */
static unsigned column_kinds(int col)
{
	switch (col) {
	case XC_TYPE:
		return RECORDS | KIND(XK_PERSON);
	case RC_ID: case RC_DATE: case RC_TIME: case RC_DURATION: case RC_SITE: case RC_MEDIATOR:
	case RC_NOTE: case RC_CREATED: case RC_UPDATED: case RC_DELETED:
		return RECORDS;
	case RC_PERSON: case RC_PERSON_ID: case RC_AGE: case RC_GENDER: case RC_AREA:
	case RC_SITUATION: case RC_EQUIPMENT: case RC_PERSON_CREATED: case RC_PERSON_UPDATED:
		return KIND(XK_VISIT) | KIND(XK_PERSON);
	case XC_KIND:
		return KIND(XK_WORKTIME);
	case XC_REFERRAL_HOW: case XC_REFERRAL_PLACE: case XC_REFERRAL_WENT:
	case XC_REFERRAL_ANSWERED:
		return KIND(XK_VISIT);
	default:
		if (col >= 0 && col < RC_COUNT)
			return KIND(XK_VISIT);
		if (col > XC_TYPE && col < XC_COUNT)
			return KIND(XK_WORKSHOP);
		return 0;
	}
}

bool xrow_applies(enum xrow_kind kind, int col)
{
	return (column_kinds(col) & KIND(kind)) != 0;
}

void xrow_init(struct xrow *x, enum xrow_kind kind)
{
	x->kind = kind;
	record_init(&x->r);
	workshop_init(&x->w);
	worktime_init(&x->t);
}

/* ------------------------------------------------------------ one column */

/* A count from min to ATTENDEES_MAX. */
static int set_count(int *out, const char *text, int min, struct cn_err *err)
{
	char *end;
	long n = strtol(text, &end, 10);

	if (!*text || *end || n < min || n > ATTENDEES_MAX)
		return cn_err_set(err, CN_EINVAL, "nombre invalide « %s » (de %d à %d)", text, min,
		                  ATTENDEES_MAX);
	*out = (int)n;
	return CN_OK;
}

#define TEXT(field) record_set_text(field, sizeof field, text, err)

static int set_workshop(struct workshop *w, int col, const char *text, struct cn_err *err)
{
	switch (col) {
	case RC_ID: return TEXT(w->id);
	case RC_DATE: return record_set_date(w->date, text, err);
	case RC_TIME: return record_set_hhmm(w->time, text, err);
	case RC_DURATION: return record_set_minutes(&w->duration, text, WORKSHOP_DURATION_MAX, err);
	case RC_SITE: return TEXT(w->site);
	case RC_MEDIATOR: return record_set_codes(&w->mediators, text, err);
	case RC_NOTE: return TEXT(w->note);
	case RC_CREATED: return record_set_timestamp(w->created, text, err);
	case RC_UPDATED: return record_set_timestamp(w->updated, text, err);
	case RC_DELETED: return record_set_timestamp(w->deleted, text, err);
	case XC_TITLE: return TEXT(w->title);
	case XC_THEMES: return record_set_codes(&w->themes, text, err);
	case XC_LEVEL: return TEXT(w->level);
	case XC_PLACE: return TEXT(w->place);
	case XC_REGISTERED:
		w->registered = -1;
		return *text ? set_count(&w->registered, text, 0, err) : CN_OK;
	case XC_PARTICIPANTS: return participants_parse(w, text, err);
	case XC_ANONYMOUS:
		w->anonymous = 0;
		return *text ? set_count(&w->anonymous, text, 0, err) : CN_OK;
	case XC_ANON_GENDER: return tally_parse(&w->anon_gender, text, err);
	case XC_ANON_AGE: return tally_parse(&w->anon_age, text, err);
	case XC_ANON_SITUATION: return tally_parse(&w->anon_situation, text, err);
	case XC_EQUIPMENT: return record_set_codes(&w->equipment, text, err);
	default: return cn_err_set(err, CN_EINVAL, "colonne inconnue");
	}
}

static int set_worktime(struct worktime *t, int col, const char *text, struct cn_err *err)
{
	switch (col) {
	case RC_ID: return TEXT(t->id);
	case RC_DATE: return record_set_date(t->date, text, err);
	case RC_TIME: return record_set_hhmm(t->time, text, err);
	case RC_DURATION: return record_set_minutes(&t->duration, text, WORKTIME_DURATION_MAX, err);
	case RC_SITE: return TEXT(t->site);
	case RC_MEDIATOR: return TEXT(t->mediator);
	case RC_NOTE: return TEXT(t->note);
	case RC_CREATED: return record_set_timestamp(t->created, text, err);
	case RC_UPDATED: return record_set_timestamp(t->updated, text, err);
	case RC_DELETED: return record_set_timestamp(t->deleted, text, err);
	case XC_KIND: return TEXT(t->kind);
	default: return cn_err_set(err, CN_EINVAL, "colonne inconnue");
	}
}

#undef TEXT

int xrow_set(struct xrow *x, int col, const char *text, struct cn_err *err)
{
	size_t len = strlen(text);

	if (!record_utf8(text, len))
		return cn_err_set(err, CN_EINVAL, "texte invalide (UTF-8 attendu)");
	if (col == XC_TYPE) {
		enum xrow_kind kind;
		int rc = xrow_kind_parse(text, &kind, err);
		if (rc == CN_OK && kind != x->kind)
			rc = cn_err_set(err, CN_EINVAL, "type « %s » au lieu de « %s »", text,
			                kind_names[x->kind]);
		return rc;
	}
	if (!xrow_applies(x->kind, col)) {
		if (!*text)
			return CN_OK;
		return cn_err_set(err, CN_EINVAL, "cette colonne reste vide dans une ligne « %s »",
		                  kind_names[x->kind]);
	}
	switch (x->kind) {
	case XK_WORKSHOP: return set_workshop(&x->w, col, text, err);
	case XK_WORKTIME: return set_worktime(&x->t, col, text, err);
	default: break;
	}
	switch (col) {
	case XC_REFERRAL_HOW:
		return record_set_text(x->r.v.referral_how, sizeof x->r.v.referral_how, text, err);
	case XC_REFERRAL_PLACE:
		return record_set_text(x->r.v.referral_place, sizeof x->r.v.referral_place, text, err);
	case XC_REFERRAL_WENT:
		return record_set_text(x->r.v.referral_went, sizeof x->r.v.referral_went, text, err);
	case XC_REFERRAL_ANSWERED:
		return record_set_timestamp(x->r.v.referral_answered, text, err);
	default: return record_set_utf8(&x->r, (enum record_col)col, text, len, err);
	}
}

int xrow_set_sheet(struct xrow *x, int col, const char *text, struct cn_err *err)
{
	char norm[16];

	if (col < RC_COUNT)
		text = record_sheet_value((enum record_col)col, text, norm);
	return xrow_set(x, col, text, err);
}

/* ------------------------------------------------------------ rules */

static int workshop_col(int field)
{
	static const int cols[WF_COUNT] = {
		[WF_ID] = RC_ID, [WF_DATE] = RC_DATE, [WF_TIME] = RC_TIME,
		[WF_DURATION] = RC_DURATION, [WF_SITE] = RC_SITE, [WF_MEDIATORS] = RC_MEDIATOR,
		[WF_TITLE] = XC_TITLE, [WF_THEMES] = XC_THEMES, [WF_LEVEL] = XC_LEVEL,
		[WF_PLACE] = XC_PLACE, [WF_REGISTERED] = XC_REGISTERED,
		[WF_PARTICIPANTS] = XC_PARTICIPANTS, [WF_ANONYMOUS] = XC_ANONYMOUS,
		[WF_ANON_GENDER] = XC_ANON_GENDER, [WF_ANON_AGE] = XC_ANON_AGE,
		[WF_ANON_SITUATION] = XC_ANON_SITUATION, [WF_EQUIPMENT] = XC_EQUIPMENT,
		[WF_NOTE] = RC_NOTE,
	};
	return field >= 0 && field < WF_COUNT ? cols[field] : RC_ID;
}

static int worktime_col(int field)
{
	static const int cols[TF_COUNT] = {
		[TF_ID] = RC_ID, [TF_DATE] = RC_DATE, [TF_TIME] = RC_TIME,
		[TF_DURATION] = RC_DURATION, [TF_SITE] = RC_SITE, [TF_MEDIATOR] = RC_MEDIATOR,
		[TF_KIND] = XC_KIND, [TF_NOTE] = RC_NOTE,
	};
	return field >= 0 && field < TF_COUNT ? cols[field] : RC_ID;
}

int xrow_visit_col(enum record_col col, const struct cn_err *err)
{
	/* record.c names a referral's field by the column of version 1. */
	if (col == RC_REFERRED_TO && err->field >= VF_REFERRAL_HOW && err->field <= VF_REFERRAL_WENT)
		return XC_REFERRAL_HOW + (err->field - VF_REFERRAL_HOW);
	return (int)col;
}

int xrow_validate(const struct xrow *x, const struct lists *ls, struct unknown_codes *u,
                  int *col, struct cn_err *err)
{
	enum record_col rcol = RC_ID;
	int rc;

	switch (x->kind) {
	case XK_VISIT:
		rc = record_validate(&x->r, ls, u, &rcol, err);
		if (rc != CN_OK) {
			*col = xrow_visit_col(rcol, err);
			return rc;
		}
		break;
	case XK_PERSON:
		if (!x->r.p.code[0]) {
			rcol = RC_PERSON;
			rc = cn_err_set(err, CN_EINVAL, "valeur obligatoire");
		} else {
			rc = record_validate_person(&x->r.p, ls, u, &rcol, err);
		}
		break;
	case XK_WORKSHOP:
		rc = record_check_identity(x->w.id, x->w.created, x->w.updated, &rcol, err);
		if (rc == CN_OK && (rc = workshop_validate_foreign(&x->w, ls, u, err)) != CN_OK) {
			*col = workshop_col(err->field);
			return rc;
		}
		break;
	case XK_WORKTIME:
		rc = record_check_identity(x->t.id, x->t.created, x->t.updated, &rcol, err);
		if (rc == CN_OK && (rc = worktime_validate_foreign(&x->t, ls, u, err)) != CN_OK) {
			*col = worktime_col(err->field);
			return rc;
		}
		break;
	default:
		rc = cn_err_set(err, CN_EINVAL, "type de ligne inconnu");
		rcol = (enum record_col)XC_TYPE;
	}
	*col = (int)rcol;
	return rc;
}

/* ------------------------------------------------------------ from records */

struct xrow_stamps xrow_stamps(const struct xrow *x)
{
	switch (x->kind) {
	case XK_VISIT:
		return (struct xrow_stamps){x->r.v.id, x->r.v.created, x->r.v.updated, x->r.v.deleted};
	case XK_PERSON:
		return (struct xrow_stamps){x->r.p.id, x->r.p.created, x->r.p.updated, x->r.p.deleted};
	case XK_WORKSHOP:
		return (struct xrow_stamps){x->w.id, x->w.created, x->w.updated, x->w.deleted};
	default:
		return (struct xrow_stamps){x->t.id, x->t.created, x->t.updated, x->t.deleted};
	}
}

void xrow_from_person(struct xrow *x, const struct person *p)
{
	xrow_init(x, XK_PERSON);
	x->r.p = *p;
	memcpy(x->r.v.person, p->code, sizeof x->r.v.person);
}

void xrow_from_record(struct xrow *x, const struct record *r)
{
	xrow_init(x, XK_VISIT);
	x->r = *r;
}

void xrow_from_workshop(struct xrow *x, const struct workshop *w)
{
	xrow_init(x, XK_WORKSHOP);
	x->w = *w;
}

void xrow_from_worktime(struct xrow *x, const struct worktime *t)
{
	xrow_init(x, XK_WORKTIME);
	x->t = *t;
}

/* ------------------------------------------------------------ CSV */

/* The column written at position i of a row: type first. */
static int column_at(int i)
{
	if (i == 0)
		return XC_TYPE;
	return i <= RC_COUNT ? i - 1 : i;
}

static const char *number(int n, char *small)
{
	snprintf(small, XROW_SMALL, "%d", n);
	return small;
}

static const char *codes(const struct codeset *set, char *small)
{
	codeset_join(set, "|", small, XROW_SMALL);
	return small;
}

static const char *workshop_text(const struct workshop *w, int col, char *small)
{
	switch (col) {
	case RC_ID: return w->id;
	case RC_DATE: return w->date;
	case RC_TIME: return w->time;
	case RC_DURATION: return number(w->duration, small);
	case RC_SITE: return w->site;
	case RC_MEDIATOR: return codes(&w->mediators, small);
	case RC_NOTE: return w->note;
	case RC_CREATED: return w->created;
	case RC_UPDATED: return w->updated;
	case RC_DELETED: return w->deleted;
	case XC_TITLE: return w->title;
	case XC_THEMES: return codes(&w->themes, small);
	case XC_LEVEL: return w->level;
	case XC_PLACE: return w->place;
	case XC_REGISTERED: return w->registered < 0 ? "" : number(w->registered, small);
	case XC_PARTICIPANTS: participants_format(w, "|", small, XROW_SMALL); return small;
	case XC_ANONYMOUS: return number(w->anonymous, small);
	case XC_ANON_GENDER: tally_format(&w->anon_gender, "|", small, XROW_SMALL); return small;
	case XC_ANON_AGE: tally_format(&w->anon_age, "|", small, XROW_SMALL); return small;
	case XC_ANON_SITUATION:
		tally_format(&w->anon_situation, "|", small, XROW_SMALL);
		return small;
	case XC_EQUIPMENT: return codes(&w->equipment, small);
	default: return "";
	}
}

static const char *worktime_text(const struct worktime *t, int col, char *small)
{
	switch (col) {
	case RC_ID: return t->id;
	case RC_DATE: return t->date;
	case RC_TIME: return t->time;
	case RC_DURATION: return number(t->duration, small);
	case RC_SITE: return t->site;
	case RC_MEDIATOR: return t->mediator;
	case RC_NOTE: return t->note;
	case RC_CREATED: return t->created;
	case RC_UPDATED: return t->updated;
	case RC_DELETED: return t->deleted;
	case XC_KIND: return t->kind;
	default: return "";
	}
}

static const char *column_text(const struct xrow *x, int col, char *small)
{
	if (col == XC_TYPE)
		return kind_names[x->kind];
	if (!xrow_applies(x->kind, col))
		return "";
	switch (x->kind) {
	case XK_WORKSHOP: return workshop_text(&x->w, col, small);
	case XK_WORKTIME: return worktime_text(&x->t, col, small);
	default: break;
	}
	switch (col) {
	case XC_REFERRAL_HOW: return x->r.v.referral_how;
	case XC_REFERRAL_PLACE: return x->r.v.referral_place;
	case XC_REFERRAL_WENT: return x->r.v.referral_went;
	case XC_REFERRAL_ANSWERED: return x->r.v.referral_answered;
	default: return record_column_text(&x->r, (enum record_col)col, small);
	}
}

static bool value_column(int col)
{
	if (col < RC_COUNT)
		return record_value_column((enum record_col)col);
	return col == XC_TYPE || col == XC_REGISTERED || col == XC_ANONYMOUS ||
	       col == XC_REFERRAL_PLACE || col == XC_REFERRAL_ANSWERED;
}

void xrow_write_header(FILE *f, int ncols)
{
	for (int i = 0; i < ncols; i++)
		csv_field(f, xrow_column_name(column_at(i)), ',', i == 0);
	csv_end_row(f);
}

static void write_columns(FILE *f, const struct xrow *x, int ncols)
{
	char small[XROW_SMALL];

	/* The guard of record_write: texts a spreadsheet would change are
	 * written as texts; import takes it off. */
	for (int i = 0; i < ncols; i++) {
		int c = column_at(i);
		if (value_column(c))
			csv_field(f, column_text(x, c, small), ',', i == 0);
		else
			csv_text(f, column_text(x, c, small), ',', i == 0);
	}
}

void xrow_write(FILE *f, const struct xrow *x, int ncols)
{
	write_columns(f, x, ncols);
	csv_end_row(f);
}

static void write_row(FILE *f, const void *x)
{
	write_columns(f, x, XC_V2_COUNT);
}

char *xrow_line(const struct xrow *x)
{
	return record_line_of(write_row, x);
}

bool xrow_write_stored(struct csv_out *o, sqlite3_stmt *stmt, int ncols)
{
	static const char empty[] = ",,,,,,,,,,,,";
	_Static_assert(sizeof empty - 1 == XC_V2_COUNT - XC_TITLE, "one ',' per empty column");
	bool v3 = ncols > XC_V2_COUNT;
	struct record_stored rs;

	if (!record_stored(stmt, v3, &rs))
		return false;
	/* The row of write_columns for a passage: the type, the record, the
	 * columns of workshops and times left empty, the referral's. */
	csv_out_raw(o, "passage", 7);
	record_stored_write(o, &rs, 0);
	csv_out_raw(o, empty, sizeof empty - 1);
	if (v3) {
		csv_out_text(o, rs.s[RC_COUNT], rs.n[RC_COUNT], ',', 0);
		csv_out_field(o, rs.s[RC_COUNT + 1], rs.n[RC_COUNT + 1], ',', 0);
		csv_out_text(o, rs.s[RC_COUNT + 2], rs.n[RC_COUNT + 2], ',', 0);
		csv_out_field(o, rs.s[RC_COUNT + 3], rs.n[RC_COUNT + 3], ',', 0);
	}
	csv_out_end_row(o);
	return true;
}

/* ------------------------------------------------------------ database */

/* The columns of xrow_select_all, in its order. */
static const int workshop_cols[] = {
	RC_ID, RC_DATE, RC_TIME, RC_DURATION, RC_SITE, RC_MEDIATOR, XC_TITLE, XC_THEMES,
	XC_LEVEL, XC_PLACE, XC_REGISTERED, XC_PARTICIPANTS, XC_ANONYMOUS, XC_ANON_GENDER,
	XC_ANON_AGE, XC_ANON_SITUATION, XC_EQUIPMENT, RC_NOTE, RC_CREATED, RC_UPDATED, RC_DELETED,
};
static const int worktime_cols[] = {
	RC_ID, RC_DATE, RC_TIME, RC_DURATION, RC_SITE, RC_MEDIATOR, XC_KIND, RC_NOTE,
	RC_CREATED, RC_UPDATED, RC_DELETED,
};
#define NCOLS(a) ((int)(sizeof a / sizeof a[0]))

/* After the workshop's columns: its participants whose person row is
 * missing, whose presence is not 0 or 1, whose code is not a person code
 * (a '|' or a ':' in it would read as other participants). */
#define PARTICIPANTS_OF(s)                                                                    \
	"(SELECT group_concat(c, '|') FROM (SELECT p.code || CASE wp.present WHEN 0 THEN"       \
	" ':absent' ELSE '' END AS c FROM " s ".workshop_participant wp JOIN " s ".person p"    \
	" ON p.id = wp.person_id WHERE wp.workshop_id = w.id ORDER BY wp.rank))"
#define BAD_PARTICIPANTS(s, cond)                                                             \
	"(SELECT count(*) FROM " s ".workshop_participant wp LEFT JOIN " s ".person p"          \
	" ON p.id = wp.person_id WHERE wp.workshop_id = w.id AND (" cond "))"

/* The same record in main, every column IS the same (NULL and type
 * included), a workshop's participants the same codes in the same order. */
#define WORKSHOP_SAME_HERE                                                                    \
	", EXISTS (SELECT 1 FROM main.workshop m WHERE m.id = w.id"                              \
	" AND m.updated_at IS w.updated_at AND m.date IS w.date AND m.time IS w.time"            \
	" AND m.duration IS w.duration AND m.site IS w.site AND m.mediators IS w.mediators"      \
	" AND m.title IS w.title AND m.themes IS w.themes AND m.level IS w.level"                \
	" AND m.place IS w.place AND m.registered IS w.registered"                               \
	" AND m.anonymous IS w.anonymous AND m.anon_gender IS w.anon_gender"                     \
	" AND m.anon_age IS w.anon_age AND m.anon_situation IS w.anon_situation"                 \
	" AND m.equipment IS w.equipment AND m.note IS w.note"                                   \
	" AND m.created_at IS w.created_at AND m.deleted_at IS w.deleted_at"                     \
	" AND (SELECT group_concat(c, '|') FROM (SELECT p.code || CASE wp.present WHEN 0 THEN"   \
	" ':absent' ELSE '' END AS c FROM main.workshop_participant wp JOIN main.person p"       \
	" ON p.id = wp.person_id WHERE wp.workshop_id = m.id ORDER BY wp.rank)) IS "
#define WORKTIME_SAME_HERE                                                                    \
	", EXISTS (SELECT 1 FROM main.worktime m WHERE m.id = t.id"                              \
	" AND m.updated_at IS t.updated_at AND m.date IS t.date AND m.time IS t.time"            \
	" AND m.duration IS t.duration AND m.site IS t.site AND m.mediator IS t.mediator"        \
	" AND m.kind IS t.kind AND m.note IS t.note AND m.created_at IS t.created_at"            \
	" AND m.deleted_at IS t.deleted_at)"

#define WORKSHOP_SELECT                                                                       \
	"SELECT w.id, w.date, w.time, w.duration, w.site, w.mediators, w.title,"                \
	" w.themes, w.level, w.place, w.registered, " PARTICIPANTS_OF("%1$s") ","               \
	" w.anonymous, w.anon_gender, w.anon_age, w.anon_situation, w.equipment,"               \
	" w.note, w.created_at, w.updated_at, w.deleted_at,"                                    \
	" " BAD_PARTICIPANTS("%1$s", "p.id IS NULL") ","                                         \
	" " BAD_PARTICIPANTS("%1$s", "coalesce(wp.present, -1) NOT IN (0, 1)") ","               \
	" " BAD_PARTICIPANTS("%1$s", "p.code GLOB '*[^0-9A-Z]*' OR p.code = ''")

sqlite3_stmt *xrow_select_all(struct store *st, const char *schema, enum xrow_kind kind,
                              bool compare, struct cn_err *err)
{
	char sql[4096];

	/* schema is a literal ("main", "src"), never user data. */
	if (kind == XK_WORKSHOP && compare)
		snprintf(sql, sizeof sql,
		         WORKSHOP_SELECT WORKSHOP_SAME_HERE PARTICIPANTS_OF("%1$s")
		         ") FROM %1$s.workshop w ORDER BY w.id",
		         schema);
	else if (kind == XK_WORKSHOP)
		snprintf(sql, sizeof sql, WORKSHOP_SELECT " FROM %1$s.workshop w ORDER BY w.id",
		         schema);
	else
		snprintf(sql, sizeof sql,
		         "SELECT t.id, t.date, t.time, t.duration, t.site, t.mediator, t.kind, t.note,"
		         " t.created_at, t.updated_at, t.deleted_at%s FROM %s.worktime t ORDER BY t.id",
		         compare ? WORKTIME_SAME_HERE : "", schema);
	return store_prepare(st, sql, err);
}

bool xrow_same_here(sqlite3_stmt *stmt, enum xrow_kind kind)
{
	int n = kind == XK_WORKSHOP ? NCOLS(workshop_cols) + 3 : NCOLS(worktime_cols);

	if (sqlite3_column_count(stmt) <= n || !sqlite3_column_int(stmt, n))
		return false;
	/* A workshop whose participants the source spells wrong is read, and
	 * refused, whatever the list here. */
	return kind != XK_WORKSHOP || (!sqlite3_column_int(stmt, n - 3) &&
	                               !sqlite3_column_int(stmt, n - 2) &&
	                               !sqlite3_column_int(stmt, n - 1));
}

int xrow_read_checked(sqlite3_stmt *stmt, enum xrow_kind kind, struct xrow *x, int *col,
                      struct cn_err *err)
{
	const int *cols = kind == XK_WORKSHOP ? workshop_cols : worktime_cols;
	int n = kind == XK_WORKSHOP ? NCOLS(workshop_cols) : NCOLS(worktime_cols), rc;

	xrow_init(x, kind);
	for (int i = 0; i < n; i++) {
		const char *text = (const char *)sqlite3_column_text(stmt, i);

		*col = cols[i];
		/* A NUL inside a value: SQLite's length says more than C's. */
		if (text && (size_t)sqlite3_column_bytes(stmt, i) != strlen(text))
			return cn_err_set(err, CN_EINVAL, "texte invalide (caractère NUL)");
		if ((rc = xrow_set(x, cols[i], text ? text : "", err)) != CN_OK)
			return rc;
	}
	if (kind != XK_WORKSHOP)
		return CN_OK;
	*col = XC_PARTICIPANTS;
	if (sqlite3_column_int(stmt, n) > 0)
		return cn_err_set(err, CN_EINVAL, "usager absent de la base (l'atelier renvoie à un "
		                                  "usager qu'elle ne contient pas)");
	if (sqlite3_column_int(stmt, n + 1) > 0)
		return cn_err_set(err, CN_EINVAL, "présence invalide (attendu 1 ou 0)");
	if (sqlite3_column_int(stmt, n + 2) > 0)
		return cn_err_set(err, CN_EINVAL, "code usager invalide (4 à 16 lettres ou chiffres)");
	return CN_OK;
}

/* ------------------------------------------------------------ history */

int xrow_keep_line(struct store *st, const struct xrow *x, const char *line,
                   struct cn_err *err)
{
	struct xrow_stamps stamps = xrow_stamps(x);

	return records_keep_version(st, kind_names[x->kind], stamps.id, stamps.updated, line, err);
}
