/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include "carnet/model/clock.h"
#include "carnet/model/text.h"
#include "carnet/store/records.h"

static bool id_prefix_valid(const char *s)
{
	size_t len = strlen(s);

	if (len < 4 || len > 36)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') || *s == '-'))
			return false;
	return true;
}

int records_find(struct store *st, const char *table, const char *what, int id_field,
                 const char *id_or_prefix, bool with_deleted, char out[ID_LEN],
                 struct cn_err *err)
{
	return records_find_key(st, table, "id", what, id_field, id_or_prefix, with_deleted, out,
	                        err);
}

int records_find_key(struct store *st, const char *table, const char *key, const char *what,
                     int id_field, const char *id_or_prefix, bool with_deleted,
                     char out[ID_LEN], struct cn_err *err)
{
	char prefix[ID_LEN], upper[ID_LEN + 1], sql[160];
	sqlite3_stmt *stmt;
	int rc, found = 0;

	text_copy(prefix, sizeof prefix, id_or_prefix);
	text_lower_ascii(prefix);
	if (!id_prefix_valid(prefix))
		return cn_err_field(err, CN_ENOTFOUND, id_field,
		                    "%s introuvable : « %s » (identifiant ou début d'identifiant de 4 "
		                    "caractères au moins attendu)",
		                    what, id_or_prefix);
	/* Every id character sorts below 'g': [prefix, prefix+"g") is the range. */
	snprintf(upper, sizeof upper, "%sg", prefix);
	snprintf(sql, sizeof sql,
	         "SELECT %s FROM %s WHERE %s >= ?1 AND %s < ?2 AND (?3 OR deleted_at IS NULL) LIMIT 2",
	         key, table, key, key);
	/* Run once per record in an import or a merge: kept prepared. */
	if (!(stmt = store_cached(st, sql, err)))
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, upper, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, with_deleted);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if (found++ == 0)
			store_column_copy(stmt, 0, out, ID_LEN);
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "lecture impossible");
	if (found == 0)
		return cn_err_field(err, CN_ENOTFOUND, id_field, "%s introuvable : « %s »", what,
		                    id_or_prefix);
	if (found > 1)
		return cn_err_field(err, CN_EINVAL, id_field,
		                    "identifiant ambigu « %s » : plusieurs enregistrements commencent "
		                    "ainsi, donnez plus de caractères",
		                    id_or_prefix);
	return CN_OK;
}

int records_set_deleted(struct store *st, const char *table, const char *what, int id_field,
                        const char *id, bool deleted, struct cn_err *err)
{
	return records_set_deleted_key(st, table, "id", what, id_field, id, deleted, err);
}

int records_set_deleted_key(struct store *st, const char *table, const char *key,
                            const char *what, int id_field, const char *id, bool deleted,
                            struct cn_err *err)
{
	char now[TS_LEN], prev[TS_LEN] = "", sql[2][200];
	sqlite3_stmt *stmt;
	int rc = store_begin(st, err);

	if (rc != CN_OK)
		return rc;
	snprintf(sql[0], sizeof sql[0], "SELECT updated_at FROM %s WHERE %s = ?1", table, key);
	snprintf(sql[1], sizeof sql[1],
	         deleted ? "UPDATE %s SET deleted_at = ?1, updated_at = ?1"
	                   " WHERE %s = ?2 AND deleted_at IS NULL"
	                 : "UPDATE %s SET deleted_at = NULL, updated_at = ?1"
	                   " WHERE %s = ?2 AND deleted_at IS NOT NULL",
	         table, key);
	if (!(stmt = store_prepare(st, sql[0], err)))
		return store_end(st, CN_EDB, err);
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		store_column_copy(stmt, 0, prev, sizeof prev);
	sqlite3_finalize(stmt);
	if ((rc = clock_timestamp_after(prev, now, err)) != CN_OK)
		return store_end(st, rc, err);
	if (!(stmt = store_prepare(st, sql[1], err)))
		return store_end(st, CN_EDB, err);
	sqlite3_bind_text(stmt, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, id, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		rc = store_fail(st, err, deleted ? "suppression impossible" : "restauration impossible");
	else if (sqlite3_changes(store_db(st)) == 0)
		rc = cn_err_field(err, CN_ENOTFOUND, id_field, "%s %sintrouvable : « %s »", what,
		                  deleted ? "" : "supprimé ", id);
	sqlite3_finalize(stmt);
	return store_end(st, rc, err);
}

void records_bind_set(sqlite3_stmt *stmt, int idx, const struct codeset *set)
{
	char joined[CODESET_MAX * CODE_MAX + 2] = ",";

	if (!set->n) {
		sqlite3_bind_null(stmt, idx);
		return;
	}
	codeset_join(set, ",", joined + 1, sizeof joined - 2);
	strcat(joined, ",");
	sqlite3_bind_text(stmt, idx, joined, -1, SQLITE_TRANSIENT);
}

int records_edit_check(const char *what, const char *which, int id_field, const char *prev_id,
                       const char *prev_updated, const char *id, const char *updated,
                       struct cn_err *err)
{
	if (strcmp(prev_id, id) != 0)
		return cn_err_field(err, CN_ENOTFOUND, id_field, "%s introuvable : « %s »", what, id);
	if (updated[0] && strcmp(prev_updated, updated) != 0)
		return cn_err_set(err, CN_ECONFLICT,
		                  "%s a été modifié ailleurs depuis qu'il a été ouvert "
		                  "(version du %s) ; rien n'a été enregistré",
		                  which, prev_updated);
	return CN_OK;
}

int records_edit_stamp(const char *prev_created, const char *prev_updated,
                       char created[TS_LEN], char updated[TS_LEN], char deleted[TS_LEN],
                       struct cn_err *err)
{
	snprintf(created, TS_LEN, "%s", prev_created);
	deleted[0] = '\0';
	return clock_timestamp_after(prev_updated, updated, err);
}

int records_keep_version(struct store *st, const char *kind, const char *id,
                         const char *updated, const char *line, struct cn_err *err)
{
	char now[TS_LEN];
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = clock_timestamp(now, err)) != CN_OK)
		return rc;
	stmt = store_cached(st,
	                    "INSERT OR IGNORE INTO record_history (kind, record_id, updated_at,"
	                    " version, kept_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	                    err);
	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, updated, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, line, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? CN_OK
	                                       : store_fail(st, err, "enregistrement impossible");
	sqlite3_reset(stmt);
	return rc;
}
