/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Persons in the database. Each public write is one transaction. */
#ifndef CARNET_PERSON_STORE_H
#define CARNET_PERSON_STORE_H

#include "carnet/model/lists.h"
#include "carnet/model/person.h"
#include "carnet/store/store.h"

/* Validates and saves a new person; generates p->code when it is empty.
 * An existing code is refused. */
int person_create(struct store *st, const struct lists *ls, struct person *p,
                  struct cn_err *err);
/* The same inside a transaction held by the caller (a new person saved
 * with the visit that brings them). */
int person_create_in(struct store *st, const struct lists *ls, struct person *p,
                     struct cn_err *err);
/* A generated code no person has yet (nothing is written). */
int person_free_code(struct store *st, char code[PCODE_MAX], struct cn_err *err);
int person_update(struct store *st, const struct lists *ls, struct person *p,
                  struct cn_err *err);
/* Writes p as it is, id and timestamps included (a profile from another
 * desk). Inside a transaction held by the caller; no validation. */
int person_put(struct store *st, const struct person *p, bool insert, struct cn_err *err);
/* The id of the live person with that code, or CN_ENOTFOUND ("usager
 * inconnu", with how to create them). */
int person_id_of(struct store *st, const char *code, char out[ID_LEN], struct cn_err *err);
/* By code, in any letter case. */
int person_get(struct store *st, const char *code, struct person *out,
               struct cn_err *err);

/* The persons seen most recently (by their latest visit), newest first:
 * calls fn with each code, the date of its latest visit and that visit's
 * demands (codes joined by '|', may be NULL). */
typedef int (*person_recent_fn)(const char *code, const char *last_date,
                                const char *last_demands, void *ctx);
int person_recent(struct store *st, int limit, person_recent_fn fn, void *ctx,
                  struct cn_err *err);

#endif
