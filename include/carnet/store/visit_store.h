/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Visits in the database. Each public write is one transaction. */
#ifndef CARNET_VISIT_STORE_H
#define CARNET_VISIT_STORE_H

#include <stdbool.h>
#include "carnet/model/codes.h"
#include "carnet/model/ids.h"
#include "carnet/model/lists.h"
#include "carnet/store/store.h"
#include "carnet/model/person.h"
#include "carnet/model/visit.h"

struct visit_filter {
	char from[DATE_LEN];          /* inclusive, empty: no bound */
	char to[DATE_LEN];            /* inclusive, empty: no bound */
	struct codeset sites;         /* empty: all */
	struct codeset mediators;     /* empty: all */
	char person[PCODE_MAX];       /* empty: all */
	bool with_deleted;
};

/* The visits of a filter's dates, sites and mediators, as a condition on a
 * visit row aliased v that any query may use; visit_filter_bind() binds its
 * parameters ?1 to ?4 (dates, then sites and mediators as ",a,b,"). The
 * person and the tombstones are the caller's business. The date range uses
 * index visit_by_date, which also holds every column named here. */
#define VISIT_FILTER_WHERE                                                         \
	"v.date >= ?1 AND v.date <= ?2"                                                \
	" AND (?3 IS NULL OR instr(?3, ',' || v.site || ',') > 0)"                     \
	" AND (?4 IS NULL OR instr(?4, ',' || coalesce(v.mediator, '') || ',') > 0)"
void visit_filter_bind(sqlite3_stmt *stmt, const struct visit_filter *f);

/* The desk's own habits: durations recorded more than 5 times at `site`
 * since the day `since`, other than the `fixed` ones; at most max of them,
 * the most frequent, in increasing order. Returns how many (-1 on error). */
int visit_habit_durations(struct store *st, const char *site, const char since[DATE_LEN],
                          const int *fixed, int nfixed, int *out, int max, struct cn_err *err);
/* Whether some visit has this site (f VF_SITE) or mediator (VF_MEDIATOR). */
int visit_code_used(struct store *st, enum visit_field f, const char *code, bool *used,
                    struct cn_err *err);
/* Validates, gives v a new id and timestamps, and saves it. */
int visit_create(struct store *st, const struct lists *ls, struct visit *v,
                 struct cn_err *err);
/* Validates against the stored version and saves v over it, in one
 * transaction. When v->updated is set, it names the version v was read
 * from: if the stored one is another (changed elsewhere meanwhile), nothing
 * is written and the status is CN_ECONFLICT. v->updated is then the new
 * version's, always later than the one it replaces. */
int visit_update(struct store *st, const struct lists *ls, struct visit *v,
                 struct cn_err *err);
/* visit_create and visit_update that also create, in the same transaction,
 * the new person p (whose code is v->person, or generated when empty): a
 * person made on the screen exists only once the visit is saved. */
int visit_create_with(struct store *st, const struct lists *ls, struct visit *v,
                      struct person *p, struct cn_err *err);
int visit_update_with(struct store *st, const struct lists *ls, struct visit *v,
                      struct person *p, struct cn_err *err);
/* The same inside a transaction held by the caller. */
int visit_update_in(struct store *st, const struct lists *ls, struct visit *v,
                    struct cn_err *err);
/* Writes v as it is, id, timestamps and tombstone included (a record from
 * another desk; v->person names a person already here). Inside a
 * transaction held by the caller; no validation. */
int visit_put(struct store *st, const struct visit *v, bool insert, struct cn_err *err);
/* Tombstones the visit (sets deleted). */
int visit_delete(struct store *st, const char *id, struct cn_err *err);
/* Brings back a tombstoned visit (undo of a delete). */
int visit_undelete(struct store *st, const char *id, struct cn_err *err);
/* Finds a visit by id or by an unambiguous id prefix (4 characters or more).
 * Tombstoned visits are found only when with_deleted. */
int visit_get(struct store *st, const char *id_or_prefix, bool with_deleted,
              struct visit *out, struct cn_err *err);
/* Calls fn for each matching visit, by date and time; fn returning non-zero
 * stops the walk and that value is returned. */
typedef int (*visit_fn)(const struct visit *v, void *ctx);
int visit_each(struct store *st, const struct visit_filter *f, visit_fn fn,
               void *ctx, struct cn_err *err);

/* Records what came of the referral of visit id_or_prefix (an
 * orientation_suite code, or "" to take the answer back) and when it was
 * answered, in one transaction; updated_at moves on, so the answer merges
 * like any change. CN_EINVAL when the visit has no referral or the code is
 * not in the list, CN_ENOTFOUND when there is no such visit. */
int visit_answer_referral(struct store *st, const struct lists *ls, const char *id_or_prefix,
                          const char *code, struct cn_err *err);
/* The last open referral of a person (its id or its code): the latest
 * visit of that person dated before `before`, not deleted, with "orienté
 * vers" set and no answer yet. CN_ENOTFOUND when there is none. */
int visit_open_referral(struct store *st, const char *person_id_or_code,
                        const char before[DATE_LEN], struct visit *out, struct cn_err *err);

#endif
