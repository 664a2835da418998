/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The directory of places in the database. A place is found by the
 * national standard's id (among live places) or by an unambiguous prefix
 * of carnet's uid (4 characters or more). Each public write is one
 * transaction; the functions named _in and place_put run inside the
 * caller's. */
#ifndef CARNET_PLACE_STORE_H
#define CARNET_PLACE_STORE_H

#include <stdbool.h>
#include "carnet/model/lists.h"
#include "carnet/model/place.h"
#include "carnet/store/store.h"

/* Gives p a new uid and timestamps (and the uid as its standard id when it
 * has none: a place added at the desk), validates and saves it. A standard id
 * another live place has is refused (CN_EINVAL, field PL_ID). */
int place_create(struct store *st, const struct lists *ls, struct place *p, struct cn_err *err);
int place_create_in(struct store *st, const struct lists *ls, struct place *p,
                    struct cn_err *err);
/* Saves p over the stored version of p->uid (p->updated, when set, names
 * the version p was read from; another one is CN_ECONFLICT). */
int place_update(struct store *st, const struct lists *ls, struct place *p, struct cn_err *err);
int place_update_in(struct store *st, const struct lists *ls, struct place *p,
                    struct cn_err *err);
/* Writes p as it is, uid, timestamps and tombstone included; no
 * validation (a place of another desk). */
int place_put(struct store *st, const struct place *p, bool insert, struct cn_err *err);
int place_delete(struct store *st, const char *uid, struct cn_err *err);
int place_undelete(struct store *st, const char *uid, struct cn_err *err);
/* By the standard's id (live places), else by uid or uid prefix. */
int place_get(struct store *st, const char *key, bool with_deleted, struct place *out,
              struct cn_err *err);
/* The live place of a standard id: CN_ENOTFOUND when none. */
int place_get_by_id(struct store *st, const char *id, struct place *out, struct cn_err *err);
/* The place of a standard id, the live one, else the last tombstoned
 * (for a merge: the same place under another desk's uid). */
int place_get_by_id_any(struct store *st, const char *id, struct place *out,
                        struct cn_err *err);
/* The place of a uid, tombstoned or not: CN_ENOTFOUND when none. */
int place_get_by_uid(struct store *st, const char *uid, struct place *out, struct cn_err *err);

struct place_filter {
	const char *service;    /* a value of the services list, or NULL */
	const char *commune;    /* case and accents ignored, or NULL */
	const char *search;     /* in nom, commune, services, adresse, typologie;
	                         * case and accents ignored; or NULL */
	bool with_deleted;
	bool open_at;           /* only the places open at weekday (0 = Monday)
	                         * and minute, by their hours (places whose
	                         * hours were not read are left out) */
	int weekday, minute;
};
/* Whether p passes f (folded: f->search and f->commune as given). */
bool place_matches(const struct place *p, const struct place_filter *f);
/* Each place of the filter, by name then id. fn returning non-zero stops
 * the walk and that value is returned. */
typedef int (*place_fn)(const struct place *p, void *ctx);
int place_each(struct store *st, const struct place_filter *f, place_fn fn, void *ctx,
               struct cn_err *err);

/* The search box of the desk: the live places whose name, commune,
 * services, address or type hold text (as place_filter's search), by name,
 * each read only for uid, nom, commune, services, adresse, typologie and
 * category (the other fields are empty): several times faster than
 * place_each on 10,000 places. */
int place_search(struct store *st, const char *text, place_fn fn, void *ctx,
                 struct cn_err *err);

/* Every place of the attached database schema (a literal), tombstones
 * included, by uid; read each row with place_read_row. */
sqlite3_stmt *place_select_all(struct store *st, const char *schema, struct cn_err *err);
void place_read_row(sqlite3_stmt *stmt, struct place *p);
/* Keeps a version of p that lost in a merge (line: its text) in
 * record_history, kind "lieu", once. */
int place_keep_version(struct store *st, const struct place *p, const char *line,
                       struct cn_err *err);

#endif
