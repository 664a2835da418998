/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time outside accompaniment in the database. Each public write is one
 * transaction; _in and _put run inside the caller's. */
#ifndef CARNET_WORKTIME_STORE_H
#define CARNET_WORKTIME_STORE_H

#include <stdbool.h>
#include "carnet/model/lists.h"
#include "carnet/model/worktime.h"
#include "carnet/store/store.h"
#include "carnet/store/visit_store.h"

int worktime_create(struct store *st, const struct lists *ls, struct worktime *t,
                    struct cn_err *err);
/* See visit_update: t->updated names the version t was read from. */
int worktime_update(struct store *st, const struct lists *ls, struct worktime *t,
                    struct cn_err *err);
int worktime_update_in(struct store *st, const struct lists *ls, struct worktime *t,
                       struct cn_err *err);
int worktime_put(struct store *st, const struct worktime *t, bool insert, struct cn_err *err);
int worktime_delete(struct store *st, const char *id, struct cn_err *err);
int worktime_undelete(struct store *st, const char *id, struct cn_err *err);
int worktime_get(struct store *st, const char *id_or_prefix, bool with_deleted,
                 struct worktime *out, struct cn_err *err);
/* Each time of the filter's dates, sites and mediators (f->person is not
 * used), by date and time. */
typedef int (*worktime_fn)(const struct worktime *t, void *ctx);
int worktime_each(struct store *st, const struct visit_filter *f, worktime_fn fn, void *ctx,
                  struct cn_err *err);

#endif
