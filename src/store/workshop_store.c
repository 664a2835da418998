/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include "carnet/model/text.h"
#include "carnet/store/person_store.h"
#include "carnet/store/records.h"
#include "carnet/store/workshop_store.h"

/* Columns read by every query; read_row() knows their order. */
#define WORKSHOP_COLUMNS                                                                 \
	"w.id, w.date, w.time, w.duration, w.site, w.mediators, w.title, w.themes, w.level, " \
	"w.place, w.registered, w.anonymous, w.anon_gender, w.anon_age, w.anon_situation, "   \
	"w.equipment, w.note, w.created_at, w.updated_at, w.deleted_at FROM workshop w "

static void column_tally(sqlite3_stmt *stmt, int col, struct tally *t)
{
	const char *text = (const char *)sqlite3_column_text(stmt, col);
	struct cn_err err;

	/* What this carnet wrote reads back; anything else is left out. */
	if (!text || tally_parse(t, text, &err) != CN_OK)
		memset(t, 0, sizeof *t);
}

static int bind_tally(sqlite3_stmt *stmt, int idx, const struct tally *t)
{
	char text[CODESET_MAX * (CODE_MAX + 6)];

	tally_format(t, "|", text, sizeof text);
	return store_bind_text(stmt, idx, text);
}

static void read_row(sqlite3_stmt *stmt, struct workshop *w)
{
	workshop_init(w);
	store_column_copy(stmt, 0, w->id, sizeof w->id);
	store_column_copy(stmt, 1, w->date, sizeof w->date);
	store_column_copy(stmt, 2, w->time, sizeof w->time);
	w->duration = sqlite3_column_int(stmt, 3);
	store_column_copy(stmt, 4, w->site, sizeof w->site);
	store_column_codes(stmt, 5, &w->mediators);
	store_column_copy(stmt, 6, w->title, sizeof w->title);
	store_column_codes(stmt, 7, &w->themes);
	store_column_copy(stmt, 8, w->level, sizeof w->level);
	store_column_copy(stmt, 9, w->place, sizeof w->place);
	w->registered = sqlite3_column_type(stmt, 10) == SQLITE_NULL ? -1
	                                                             : sqlite3_column_int(stmt, 10);
	w->anonymous = sqlite3_column_int(stmt, 11);
	column_tally(stmt, 12, &w->anon_gender);
	column_tally(stmt, 13, &w->anon_age);
	column_tally(stmt, 14, &w->anon_situation);
	store_column_codes(stmt, 15, &w->equipment);
	store_column_copy(stmt, 16, w->note, sizeof w->note);
	store_column_copy(stmt, 17, w->created, sizeof w->created);
	store_column_copy(stmt, 18, w->updated, sizeof w->updated);
	store_column_copy(stmt, 19, w->deleted, sizeof w->deleted);
}

/* The participants of w->id, in their order. */
static int read_participants(struct store *st, struct workshop *w, struct cn_err *err)
{
	sqlite3_stmt *stmt = store_cached(
		st,
		"SELECT p.code, wp.present FROM workshop_participant wp JOIN person p"
		" ON p.id = wp.person_id WHERE wp.workshop_id = ?1 ORDER BY wp.rank",
		err);
	int rc;

	if (!stmt)
		return CN_EDB;
	w->nparticipants = 0;
	sqlite3_bind_text(stmt, 1, w->id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && w->nparticipants < PARTICIPANTS_MAX) {
		struct participant *p = &w->participants[w->nparticipants++];
		store_column_copy(stmt, 0, p->code, sizeof p->code);
		p->present = sqlite3_column_int(stmt, 1) != 0;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "lecture des participants impossible");
	return CN_OK;
}

static int write_participants(struct store *st, const struct workshop *w, struct cn_err *err)
{
	sqlite3_stmt *del = store_cached(
		st, "DELETE FROM workshop_participant WHERE workshop_id = ?1", err);
	sqlite3_stmt *ins;
	int rc = CN_OK;

	if (!del)
		return CN_EDB;
	sqlite3_bind_text(del, 1, w->id, -1, SQLITE_STATIC);
	rc = sqlite3_step(del) == SQLITE_DONE ? CN_OK
	                                      : store_fail(st, err, "enregistrement impossible");
	sqlite3_reset(del);
	if (rc != CN_OK)
		return rc;
	ins = store_cached(st,
	                   "INSERT INTO workshop_participant (workshop_id, rank, person_id, present)"
	                   " VALUES (?1, ?2, ?3, ?4)",
	                   err);
	if (!ins)
		return CN_EDB;
	for (int i = 0; i < w->nparticipants && rc == CN_OK; i++) {
		char person_id[ID_LEN];
		if ((rc = person_id_of(st, w->participants[i].code, person_id, err)) != CN_OK) {
			err->field = WF_PARTICIPANTS;
			break;
		}
		sqlite3_bind_text(ins, 1, w->id, -1, SQLITE_STATIC);
		sqlite3_bind_int(ins, 2, i);
		sqlite3_bind_text(ins, 3, person_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(ins, 4, w->participants[i].present);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = store_fail(st, err, "enregistrement impossible");
		sqlite3_reset(ins);
	}
	return rc;
}

/* Inserts or replaces the workshop row and its participants; inside a
 * transaction. */
static int write_workshop(struct store *st, const struct workshop *w, bool insert,
                          struct cn_err *err)
{
	static const char *const insert_sql =
		"INSERT INTO workshop (date, time, duration, site, mediators, title, themes, level,"
		" place, registered, anonymous, anon_gender, anon_age, anon_situation, equipment,"
		" note, created_at, updated_at, deleted_at, id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
		" ?17, ?18, ?19, ?20)";
	static const char *const update_sql =
		"UPDATE workshop SET date = ?1, time = ?2, duration = ?3, site = ?4, mediators = ?5,"
		" title = ?6, themes = ?7, level = ?8, place = ?9, registered = ?10, anonymous = ?11,"
		" anon_gender = ?12, anon_age = ?13, anon_situation = ?14, equipment = ?15,"
		" note = ?16, created_at = ?17, updated_at = ?18, deleted_at = ?19 WHERE id = ?20";
	sqlite3_stmt *stmt = store_cached(st, insert ? insert_sql : update_sql, err);
	int rc;

	if (!stmt)
		return CN_EDB;
	store_bind_text(stmt, 1, w->date);
	store_bind_text(stmt, 2, w->time);
	sqlite3_bind_int(stmt, 3, w->duration);
	store_bind_text(stmt, 4, w->site);
	store_bind_codes(stmt, 5, &w->mediators);
	store_bind_text(stmt, 6, w->title);
	store_bind_codes(stmt, 7, &w->themes);
	store_bind_text(stmt, 8, w->level);
	store_bind_text(stmt, 9, w->place);
	if (w->registered < 0)
		sqlite3_bind_null(stmt, 10);
	else
		sqlite3_bind_int(stmt, 10, w->registered);
	sqlite3_bind_int(stmt, 11, w->anonymous);
	bind_tally(stmt, 12, &w->anon_gender);
	bind_tally(stmt, 13, &w->anon_age);
	bind_tally(stmt, 14, &w->anon_situation);
	store_bind_codes(stmt, 15, &w->equipment);
	store_bind_text(stmt, 16, w->note);
	store_bind_text(stmt, 17, w->created);
	store_bind_text(stmt, 18, w->updated);
	store_bind_text(stmt, 19, w->deleted);
	store_bind_text(stmt, 20, w->id);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? CN_OK
	                                       : store_fail(st, err, "enregistrement impossible");
	sqlite3_reset(stmt);
	if (rc == CN_OK && !insert && sqlite3_changes(store_db(st)) == 0)
		rc = cn_err_field(err, CN_ENOTFOUND, WF_ID, "atelier introuvable : « %s »", w->id);
	if (rc == CN_OK)
		rc = write_participants(st, w, err);
	return rc;
}

int workshop_put(struct store *st, const struct workshop *w, bool insert, struct cn_err *err)
{
	return write_workshop(st, w, insert, err);
}

/* The persons made on the screen for w: those of `fresh` still among its
 * participants, created inside the caller's transaction. */
static int new_persons(struct store *st, const struct lists *ls, struct workshop *w,
                       const char (*fresh)[PCODE_MAX], int nfresh, struct cn_err *err)
{
	for (int i = 0; i < nfresh; i++) {
		struct person p;
		int rc;

		if (!workshop_participant(w, fresh[i]))
			continue;
		person_init(&p);
		text_copy(p.code, sizeof p.code, fresh[i]);
		if ((rc = person_create_in(st, ls, &p, err)) != CN_OK) {
			err->field = WF_PARTICIPANTS;
			return rc;
		}
	}
	return CN_OK;
}

int workshop_create_with(struct store *st, const struct lists *ls, struct workshop *w,
                         const char (*fresh)[PCODE_MAX], int nfresh, struct cn_err *err)
{
	int rc = workshop_validate(w, NULL, ls, err);

	if (rc != CN_OK)
		return rc;
	if ((rc = id_new_record(w->id, w->created, w->updated, w->deleted, err)) != CN_OK ||
	    (rc = store_begin(st, err)) != CN_OK)
		return rc;
	rc = new_persons(st, ls, w, fresh, nfresh, err);
	if (rc == CN_OK)
		rc = write_workshop(st, w, true, err);
	return store_end(st, rc, err);
}

int workshop_create(struct store *st, const struct lists *ls, struct workshop *w,
                    struct cn_err *err)
{
	return workshop_create_with(st, ls, w, NULL, 0, err);
}

int workshop_update_in(struct store *st, const struct lists *ls, struct workshop *w,
                       struct cn_err *err)
{
	struct workshop prev;
	int rc = workshop_get(st, w->id, false, &prev, err);

	/* Saved over the version it was read from, or not at all. */
	if (rc == CN_OK)
		rc = records_edit_check("atelier", "cet atelier", WF_ID, prev.id, prev.updated, w->id,
		                        w->updated, err);
	if (rc == CN_OK)
		rc = workshop_validate(w, &prev, ls, err);
	if (rc == CN_OK)
		rc = records_edit_stamp(prev.created, prev.updated, w->created, w->updated,
		                        w->deleted, err);
	if (rc == CN_OK)
		rc = write_workshop(st, w, false, err);
	return rc;
}

int workshop_update_with(struct store *st, const struct lists *ls, struct workshop *w,
                         const char (*fresh)[PCODE_MAX], int nfresh, struct cn_err *err)
{
	int rc = store_begin(st, err);

	if (rc != CN_OK)
		return rc;
	rc = new_persons(st, ls, w, fresh, nfresh, err);
	if (rc == CN_OK)
		rc = workshop_update_in(st, ls, w, err);
	return store_end(st, rc, err);
}

int workshop_update(struct store *st, const struct lists *ls, struct workshop *w,
                    struct cn_err *err)
{
	return workshop_update_with(st, ls, w, NULL, 0, err);
}

int workshop_delete(struct store *st, const char *id, struct cn_err *err)
{
	return records_set_deleted(st, "workshop", "atelier", WF_ID, id, true, err);
}

int workshop_undelete(struct store *st, const char *id, struct cn_err *err)
{
	return records_set_deleted(st, "workshop", "atelier", WF_ID, id, false, err);
}

int workshop_get(struct store *st, const char *id_or_prefix, bool with_deleted,
                 struct workshop *out, struct cn_err *err)
{
	char id[ID_LEN];
	sqlite3_stmt *stmt;
	int rc = records_find(st, "workshop", "atelier", WF_ID, id_or_prefix, with_deleted, id, err);

	if (rc != CN_OK)
		return rc;
	/* Once per record in an import or a merge: kept prepared. */
	if (!(stmt = store_cached(st, "SELECT " WORKSHOP_COLUMNS "WHERE w.id = ?1", err)))
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		read_row(stmt, out);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, err, "lecture impossible");
	return read_participants(st, out, err);
}

bool workshop_led_by(const struct workshop *w, const struct codeset *set)
{
	if (!set->n)
		return true;
	if (!w->mediators.n)
		return codeset_has(set, "");
	for (int i = 0; i < w->mediators.n; i++)
		if (codeset_has(set, w->mediators.v[i]))
			return true;
	return false;
}

int workshop_each(struct store *st, const struct visit_filter *f, workshop_fn fn, void *ctx,
                  struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(
		st,
		"SELECT " WORKSHOP_COLUMNS "WHERE w.date >= ?1 AND w.date <= ?2"
		" AND (?3 IS NULL OR instr(?3, ',' || w.site || ',') > 0)"
		" AND (?4 OR w.deleted_at IS NULL)"
		" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM workshop_participant wp JOIN person p"
		"   ON p.id = wp.person_id WHERE wp.workshop_id = w.id AND p.code = ?5))"
		" ORDER BY w.date, w.time, w.created_at, w.id",
		err);
	int rc, stop = 0;

	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, f->from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, f->to[0] ? f->to : "9999-12-31", -1, SQLITE_TRANSIENT);
	records_bind_set(stmt, 3, &f->sites);
	sqlite3_bind_int(stmt, 4, f->with_deleted);
	store_bind_text(stmt, 5, f->person);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct workshop w;
		read_row(stmt, &w);
		/* Several mediators in one column: the filter is applied here. */
		if (!workshop_led_by(&w, &f->mediators))
			continue;
		if ((stop = read_participants(st, &w, err)) != CN_OK ||
		    (stop = fn(&w, ctx)) != 0)
			break;
	}
	sqlite3_finalize(stmt);
	if (stop)
		return stop;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "lecture impossible");
	return CN_OK;
}
