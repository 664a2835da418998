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
int person_update(struct store *st, const struct lists *ls, struct person *p,
                  struct cn_err *err);
/* Writes p as it is, id and timestamps included (a profile from another
 * desk). Inside a transaction held by the caller; no validation. */
int person_put(struct store *st, const struct person *p, bool insert, struct cn_err *err);
/* By code, in any letter case. */
int person_get(struct store *st, const char *code, struct person *out,
               struct cn_err *err);

/* The persons seen most recently (by their latest visit), newest first:
 * calls fn with each code and the date of its latest visit. */
typedef int (*person_recent_fn)(const char *code, const char *last_date, void *ctx);
int person_recent(struct store *st, int limit, person_recent_fn fn, void *ctx,
                  struct cn_err *err);

#endif
