/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/fold.h"
#include "carnet/model/hours.h"
#include "carnet/model/text.h"
#include "carnet/store/place_store.h"
#include "carnet/store/records.h"

/* The columns of the table in the order read_row() and bind_row() use:
 * uid, the standard's columns, category, bring, the timestamps. */
static void column_list(char *out, size_t size)
{
	size_t used = (size_t)snprintf(out, size, "uid");

	for (int f = 0; f < PL_NCOLUMNS; f++)
		used += (size_t)snprintf(out + used, size - used, ", %s", place_column(f)->name);
	snprintf(out + used, size - used, ", category, bring, created_at, updated_at, deleted_at");
}

#define NBOUND (PL_NCOLUMNS + 6)

static void select_sql(char *out, size_t size, const char *where)
{
	char cols[1200];

	column_list(cols, sizeof cols);
	snprintf(out, size, "SELECT %s FROM place %s", cols, where);
}

void place_read_row(sqlite3_stmt *stmt, struct place *p)
{
	/* Every field is written (NULL as ""): no need to clear ~45 KB a row. */
	store_column_copy(stmt, 0, p->uid, sizeof p->uid);
	for (int f = 0; f < PL_NCOLUMNS; f++) {
		size_t size;
		char *dst = place_field(p, f, &size);
		store_column_copy(stmt, 1 + f, dst, size);
	}
	store_column_copy(stmt, PL_NCOLUMNS + 1, p->category, sizeof p->category);
	store_column_copy(stmt, PL_NCOLUMNS + 2, p->bring, sizeof p->bring);
	store_column_copy(stmt, PL_NCOLUMNS + 3, p->created, sizeof p->created);
	store_column_copy(stmt, PL_NCOLUMNS + 4, p->updated, sizeof p->updated);
	store_column_copy(stmt, PL_NCOLUMNS + 5, p->deleted, sizeof p->deleted);
}

/* Binds p in the order of column_list(), from ?1. Required columns are
 * never NULL (an empty text when a place of another desk lacks one). */
static void bind_row(sqlite3_stmt *stmt, const struct place *p)
{
	sqlite3_bind_text(stmt, 1, p->uid, -1, SQLITE_STATIC);
	for (int f = 0; f < PL_NCOLUMNS; f++) {
		const char *v = place_field_c(p, f);
		if (place_column(f)->required)
			sqlite3_bind_text(stmt, 2 + f, v, -1, SQLITE_STATIC);
		else
			store_bind_text(stmt, 2 + f, v);
	}
	store_bind_text(stmt, PL_NCOLUMNS + 2, p->category);
	store_bind_text(stmt, PL_NCOLUMNS + 3, p->bring);
	sqlite3_bind_text(stmt, PL_NCOLUMNS + 4, p->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, PL_NCOLUMNS + 5, p->updated, -1, SQLITE_STATIC);
	store_bind_text(stmt, PL_NCOLUMNS + 6, p->deleted);
}

int place_put(struct store *st, const struct place *p, bool insert, struct cn_err *err)
{
	char cols[1200], sql[4000], marks[NBOUND * 5], sets[2000];
	size_t used = 0, sused = 0;
	sqlite3_stmt *stmt;
	int rc;

	column_list(cols, sizeof cols);
	for (int i = 1; i <= NBOUND; i++)
		used += (size_t)snprintf(marks + used, sizeof marks - used, "%s?%d", i > 1 ? "," : "",
		                         i);
	/* An update sets every column but uid; never REPLACE, which would
	 * delete another place whose live id this one takes. */
	for (const char *c = strchr(cols, ',') + 2; *c;) {
		size_t n = strcspn(c, ",");
		sused += (size_t)snprintf(sets + sused, sizeof sets - sused, "%s%.*s = excluded.%.*s",
		                          sused ? ", " : "", (int)n, c, (int)n, c);
		c += n;
		c += strspn(c, ", ");
	}
	if (insert)
		snprintf(sql, sizeof sql, "INSERT INTO place (%s) VALUES (%s)", cols, marks);
	else
		snprintf(sql, sizeof sql, "INSERT INTO place (%s) VALUES (%s) ON CONFLICT (uid) DO "
		         "UPDATE SET %s", cols, marks, sets);
	if (!(stmt = store_cached(st, sql, err)))
		return CN_EDB;
	bind_row(stmt, p);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return cn_err_field(err, CN_EINVAL, PL_ID,
		                    "identifiant « %s » déjà pris par un autre lieu", p->id);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "enregistrement du lieu impossible");
	return CN_OK;
}

static int get_where(struct store *st, const char *where, const char *key, struct place *out,
                     struct cn_err *err)
{
	char sql[1600];
	sqlite3_stmt *stmt;
	int rc;

	select_sql(sql, sizeof sql, where);
	if (!(stmt = store_cached(st, sql, err)))
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		place_read_row(stmt, out);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return CN_OK;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "lecture du lieu impossible");
	return cn_err_field(err, CN_ENOTFOUND, PL_ID, "lieu introuvable : « %s »", key);
}

int place_get_by_id(struct store *st, const char *id, struct place *out, struct cn_err *err)
{
	return get_where(st, "WHERE id = ?1 AND deleted_at IS NULL", id, out, err);
}

int place_get_by_id_any(struct store *st, const char *id, struct place *out,
                        struct cn_err *err)
{
	return get_where(st, "WHERE id = ?1 ORDER BY deleted_at IS NOT NULL, deleted_at DESC LIMIT 1",
	                 id, out, err);
}

int place_get_by_uid(struct store *st, const char *uid, struct place *out, struct cn_err *err)
{
	return get_where(st, "WHERE uid = ?1", uid, out, err);
}

int place_get(struct store *st, const char *key, bool with_deleted, struct place *out,
              struct cn_err *err)
{
	char uid[ID_LEN];
	int rc = place_get_by_id(st, key, out, err);

	if (rc != CN_ENOTFOUND)
		return rc;
	if ((rc = records_find_key(st, "place", "uid", "lieu", PL_ID, key, with_deleted, uid,
	                           err)) != CN_OK) {
		if (rc == CN_ENOTFOUND)
			cn_err_field(err, CN_ENOTFOUND, PL_ID,
			             "lieu introuvable : « %s » (identifiant du lieu, ou début de "
			             "l'identifiant carnet, 4 caractères au moins)",
			             key);
		return rc;
	}
	return place_get_by_uid(st, uid, out, err);
}

int place_create_in(struct store *st, const struct lists *ls, struct place *p,
                    struct cn_err *err)
{
	int rc;

	if ((rc = id_new_record(p->uid, p->created, p->updated, p->deleted, err)) != CN_OK)
		return rc;
	if (!p->id[0])
		memcpy(p->id, p->uid, sizeof p->uid);
	if ((rc = place_validate(p, NULL, ls, err)) != CN_OK)
		return rc;
	return place_put(st, p, true, err);
}

int place_create(struct store *st, const struct lists *ls, struct place *p, struct cn_err *err)
{
	int rc = store_begin(st, err);

	if (rc != CN_OK)
		return rc;
	return store_end(st, place_create_in(st, ls, p, err), err);
}

int place_update_in(struct store *st, const struct lists *ls, struct place *p,
                    struct cn_err *err)
{
	struct place *prev = malloc(sizeof *prev);
	int rc;

	if (!prev)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	if ((rc = place_get_by_uid(st, p->uid, prev, err)) == CN_OK &&
	    (rc = records_edit_check("lieu", "ce lieu", PL_ID, prev->uid, prev->updated, p->uid,
	                             p->updated, err)) == CN_OK &&
	    (rc = place_validate(p, prev->category, ls, err)) == CN_OK &&
	    (rc = records_edit_stamp(prev->created, prev->updated, p->created, p->updated,
	                             p->deleted, err)) == CN_OK)
		rc = place_put(st, p, false, err);
	free(prev);
	return rc;
}

int place_update(struct store *st, const struct lists *ls, struct place *p, struct cn_err *err)
{
	int rc = store_begin(st, err);

	if (rc != CN_OK)
		return rc;
	return store_end(st, place_update_in(st, ls, p, err), err);
}

int place_delete(struct store *st, const char *uid, struct cn_err *err)
{
	return records_set_deleted_key(st, "place", "uid", "lieu", PL_ID, uid, true, err);
}

int place_undelete(struct store *st, const char *uid, struct cn_err *err)
{
	return records_set_deleted_key(st, "place", "uid", "lieu", PL_ID, uid, false, err);
}

/* place_matches with f->search already folded into needle ("" for none). */
static bool matches(const struct place *p, const struct place_filter *f, const char *needle)
{
	char all[8192], hay[8192];

	if (f->service && !place_has_value(p->services, f->service))
		return false;
	if (f->commune && !fold_equal(p->commune, f->commune))
		return false;
	if (f->open_at) {
		struct hours h;
		char next[HOURS_NEXT_MAX];
		hours_parse(p->horaires, &h);
		if (hours_at(&h, f->weekday, f->minute, next, sizeof next) != HOURS_OPEN)
			return false;
	}
	if (needle[0]) {
		snprintf(all, sizeof all, "%s | %s | %s | %s | %s", p->nom, p->commune, p->services,
		         p->adresse, p->typologie);
		fold_text(all, hay, sizeof hay);
		if (!strstr(hay, needle))
			return false;
	}
	return true;
}

bool place_matches(const struct place *p, const struct place_filter *f)
{
	char needle[512] = "";

	if (f->search)
		fold_text(f->search, needle, sizeof needle);
	return matches(p, f, needle);
}

/* The search box's columns, in place_search's SELECT order. */
static void read_brief(sqlite3_stmt *stmt, struct place *p)
{
	store_column_copy(stmt, 0, p->uid, sizeof p->uid);
	store_column_copy(stmt, 1, p->nom, sizeof p->nom);
	store_column_copy(stmt, 2, p->commune, sizeof p->commune);
	store_column_copy(stmt, 3, p->services, sizeof p->services);
	store_column_copy(stmt, 4, p->adresse, sizeof p->adresse);
	store_column_copy(stmt, 5, p->typologie, sizeof p->typologie);
	store_column_copy(stmt, 6, p->category, sizeof p->category);
}

/* Each row of sql (?1: with_deleted) read by `read` that passes f. The
 * place is cleared once: the fields `read` does not write stay empty. */
static int walk(struct store *st, const char *sql, const struct place_filter *f,
                void (*read)(sqlite3_stmt *, struct place *), place_fn fn, void *ctx,
                struct cn_err *err)
{
	char needle[512] = "";
	sqlite3_stmt *stmt;
	struct place *p = malloc(sizeof *p);
	int rc, status = CN_OK;

	if (!p)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	if (!(stmt = store_prepare(st, sql, err))) {
		free(p);
		return CN_EDB;
	}
	place_init(p);
	if (f->search)
		fold_text(f->search, needle, sizeof needle);
	sqlite3_bind_int(stmt, 1, f->with_deleted);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read(stmt, p);
		if (!matches(p, f, needle))
			continue;
		if ((status = fn(p, ctx)) != 0)
			break;
	}
	if (status == 0 && rc != SQLITE_DONE)
		status = store_fail(st, err, "lecture des lieux impossible");
	sqlite3_finalize(stmt);
	free(p);
	return status;
}

int place_each(struct store *st, const struct place_filter *f, place_fn fn, void *ctx,
               struct cn_err *err)
{
	char sql[1600];

	select_sql(sql, sizeof sql,
	           "WHERE (?1 OR deleted_at IS NULL) ORDER BY nom COLLATE NOCASE, id, uid");
	return walk(st, sql, f, place_read_row, fn, ctx, err);
}

int place_search(struct store *st, const char *text, place_fn fn, void *ctx,
                 struct cn_err *err)
{
	static const char sql[] =
		"SELECT uid, nom, commune, services, adresse, typologie, category FROM place"
		" WHERE (?1 OR deleted_at IS NULL) ORDER BY nom COLLATE NOCASE, id, uid";
	const struct place_filter f = {.search = text};

	return walk(st, sql, &f, read_brief, fn, ctx, err);
}

sqlite3_stmt *place_select_all(struct store *st, const char *schema, struct cn_err *err)
{
	char cols[1200], sql[1600];

	column_list(cols, sizeof cols);
	snprintf(sql, sizeof sql, "SELECT %s FROM %s.place ORDER BY uid", cols, schema);
	return store_prepare(st, sql, err);
}

int place_keep_version(struct store *st, const struct place *p, const char *line,
                       struct cn_err *err)
{
	return records_keep_version(st, "lieu", p->uid, p->updated, line, err);
}
