/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every table of records (visit, workshop, worktime) shares in the
 * database: finding a record by its id or an unambiguous prefix of it, and
 * tombstones. `table` is a literal chosen by the caller, never user data;
 * `what` names one record in messages ("passage", "atelier", "temps"), and
 * `id_field` is the record's id field, to place errors. */
#ifndef CARNET_RECORDS_H
#define CARNET_RECORDS_H

#include <stdbool.h>
#include "carnet/model/ids.h"
#include "carnet/store/store.h"

/* The full id of the record whose id is id_or_prefix or starts with it (4
 * characters or more): CN_ENOTFOUND when none, CN_EINVAL when several.
 * Tombstoned records count only when with_deleted. */
int records_find(struct store *st, const char *table, const char *what, int id_field,
                 const char *id_or_prefix, bool with_deleted, char out[ID_LEN],
                 struct cn_err *err);
/* The same for a table whose record id is the column `key` (a literal):
 * the places, whose column id is the national standard's. */
int records_find_key(struct store *st, const char *table, const char *key, const char *what,
                     int id_field, const char *id_or_prefix, bool with_deleted,
                     char out[ID_LEN], struct cn_err *err);
/* Sets (deleted) or clears the tombstone of a record, in one transaction;
 * updated_at moves on past the record's previous version. */
int records_set_deleted(struct store *st, const char *table, const char *what, int id_field,
                        const char *id, bool deleted, struct cn_err *err);
int records_set_deleted_key(struct store *st, const char *table, const char *key,
                            const char *what, int id_field, const char *id, bool deleted,
                            struct cn_err *err);
/* Keeps a version of a record that lost in an import or a merge in
 * record_history (kind: "atelier", "temps", "lieu"), once. */
int records_keep_version(struct store *st, const char *kind, const char *id,
                         const char *updated, const char *line, struct cn_err *err);
/* ",a,b," for a set, NULL when it is empty (no condition): what the
 * instr() filters of VISIT_FILTER_WHERE take. */
void records_bind_set(sqlite3_stmt *stmt, int idx, const struct codeset *set);

/* An edit saved over prev, the stored version: the same record (else
 * CN_ENOTFOUND) and, when the edit knows the version it was read from
 * (updated set), that version still (else CN_ECONFLICT: nothing is
 * saved). `which` names it in the message ("ce passage", "cet atelier"). */
int records_edit_check(const char *what, const char *which, int id_field, const char *prev_id,
                       const char *prev_updated, const char *id, const char *updated,
                       struct cn_err *err);
/* Once valid, the edit keeps prev's creation, loses any tombstone, and its
 * updated moves past prev's. */
int records_edit_stamp(const char *prev_created, const char *prev_updated,
                       char created[TS_LEN], char updated[TS_LEN], char deleted[TS_LEN],
                       struct cn_err *err);

#endif
