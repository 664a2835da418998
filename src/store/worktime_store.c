/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include "carnet/store/records.h"
#include "carnet/store/worktime_store.h"

/* Columns read by every query; read_row() knows their order. */
#define WORKTIME_COLUMNS                                                              \
	"t.id, t.date, t.time, t.duration, t.site, t.mediator, t.kind, t.note, t.created_at, " \
	"t.updated_at, t.deleted_at FROM worktime t "

static void read_row(sqlite3_stmt *stmt, struct worktime *t)
{
	worktime_init(t);
	store_column_copy(stmt, 0, t->id, sizeof t->id);
	store_column_copy(stmt, 1, t->date, sizeof t->date);
	store_column_copy(stmt, 2, t->time, sizeof t->time);
	t->duration = sqlite3_column_int(stmt, 3);
	store_column_copy(stmt, 4, t->site, sizeof t->site);
	store_column_copy(stmt, 5, t->mediator, sizeof t->mediator);
	store_column_copy(stmt, 6, t->kind, sizeof t->kind);
	store_column_copy(stmt, 7, t->note, sizeof t->note);
	store_column_copy(stmt, 8, t->created, sizeof t->created);
	store_column_copy(stmt, 9, t->updated, sizeof t->updated);
	store_column_copy(stmt, 10, t->deleted, sizeof t->deleted);
}

static int write_worktime(struct store *st, const struct worktime *t, bool insert,
                          struct cn_err *err)
{
	static const char *const insert_sql =
		"INSERT INTO worktime (date, time, duration, site, mediator, kind, note, created_at,"
		" updated_at, deleted_at, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	static const char *const update_sql =
		"UPDATE worktime SET date = ?1, time = ?2, duration = ?3, site = ?4, mediator = ?5,"
		" kind = ?6, note = ?7, created_at = ?8, updated_at = ?9, deleted_at = ?10"
		" WHERE id = ?11";
	sqlite3_stmt *stmt = store_cached(st, insert ? insert_sql : update_sql, err);
	int rc;

	if (!stmt)
		return CN_EDB;
	store_bind_text(stmt, 1, t->date);
	store_bind_text(stmt, 2, t->time);
	sqlite3_bind_int(stmt, 3, t->duration);
	store_bind_text(stmt, 4, t->site);
	store_bind_text(stmt, 5, t->mediator);
	store_bind_text(stmt, 6, t->kind);
	store_bind_text(stmt, 7, t->note);
	store_bind_text(stmt, 8, t->created);
	store_bind_text(stmt, 9, t->updated);
	store_bind_text(stmt, 10, t->deleted);
	store_bind_text(stmt, 11, t->id);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? CN_OK
	                                       : store_fail(st, err, "enregistrement impossible");
	sqlite3_reset(stmt);
	if (rc == CN_OK && !insert && sqlite3_changes(store_db(st)) == 0)
		rc = cn_err_field(err, CN_ENOTFOUND, TF_ID, "temps introuvable : « %s »", t->id);
	return rc;
}

int worktime_put(struct store *st, const struct worktime *t, bool insert, struct cn_err *err)
{
	return write_worktime(st, t, insert, err);
}

int worktime_create(struct store *st, const struct lists *ls, struct worktime *t,
                    struct cn_err *err)
{
	int rc = worktime_validate(t, NULL, ls, err);

	if (rc != CN_OK)
		return rc;
	if ((rc = id_new_record(t->id, t->created, t->updated, t->deleted, err)) != CN_OK ||
	    (rc = store_begin(st, err)) != CN_OK)
		return rc;
	return store_end(st, write_worktime(st, t, true, err), err);
}

int worktime_update_in(struct store *st, const struct lists *ls, struct worktime *t,
                       struct cn_err *err)
{
	struct worktime prev;
	int rc = worktime_get(st, t->id, false, &prev, err);

	/* Saved over the version it was read from, or not at all. */
	if (rc == CN_OK)
		rc = records_edit_check("temps", "ce temps", TF_ID, prev.id, prev.updated, t->id,
		                        t->updated, err);
	if (rc == CN_OK)
		rc = worktime_validate(t, &prev, ls, err);
	if (rc == CN_OK)
		rc = records_edit_stamp(prev.created, prev.updated, t->created, t->updated,
		                        t->deleted, err);
	if (rc == CN_OK)
		rc = write_worktime(st, t, false, err);
	return rc;
}

int worktime_update(struct store *st, const struct lists *ls, struct worktime *t,
                    struct cn_err *err)
{
	int rc = store_begin(st, err);

	if (rc != CN_OK)
		return rc;
	return store_end(st, worktime_update_in(st, ls, t, err), err);
}

int worktime_delete(struct store *st, const char *id, struct cn_err *err)
{
	return records_set_deleted(st, "worktime", "temps", TF_ID, id, true, err);
}

int worktime_undelete(struct store *st, const char *id, struct cn_err *err)
{
	return records_set_deleted(st, "worktime", "temps", TF_ID, id, false, err);
}

int worktime_get(struct store *st, const char *id_or_prefix, bool with_deleted,
                 struct worktime *out, struct cn_err *err)
{
	char id[ID_LEN];
	sqlite3_stmt *stmt;
	int rc = records_find(st, "worktime", "temps", TF_ID, id_or_prefix, with_deleted, id, err);

	if (rc != CN_OK)
		return rc;
	/* Once per record in an import or a merge: kept prepared. */
	if (!(stmt = store_cached(st, "SELECT " WORKTIME_COLUMNS "WHERE t.id = ?1", err)))
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		read_row(stmt, out);
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? CN_OK : store_fail(st, err, "lecture impossible");
}

int worktime_each(struct store *st, const struct visit_filter *f, worktime_fn fn, void *ctx,
                  struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(
		st,
		"SELECT " WORKTIME_COLUMNS "WHERE t.date >= ?1 AND t.date <= ?2"
		" AND (?3 IS NULL OR instr(?3, ',' || t.site || ',') > 0)"
		" AND (?4 IS NULL OR instr(?4, ',' || coalesce(t.mediator, '') || ',') > 0)"
		" AND (?5 OR t.deleted_at IS NULL)"
		" ORDER BY t.date, t.time, t.created_at, t.id",
		err);
	int rc, stop = 0;

	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, f->from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, f->to[0] ? f->to : "9999-12-31", -1, SQLITE_TRANSIENT);
	records_bind_set(stmt, 3, &f->sites);
	records_bind_set(stmt, 4, &f->mediators);
	sqlite3_bind_int(stmt, 5, f->with_deleted);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct worktime t;
		read_row(stmt, &t);
		if ((stop = fn(&t, ctx)) != 0)
			break;
	}
	sqlite3_finalize(stmt);
	if (stop)
		return stop;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "lecture impossible");
	return CN_OK;
}
