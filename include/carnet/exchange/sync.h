/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bringing records of other desks into this database (import and merge),
 * by the rules of carnet(1), FORMAT D'ÉCHANGE: the visit id is the identity,
 * the later version wins, the other one is kept in visit_history, persons
 * follow their code. Applying the same records twice changes nothing. */
#ifndef CARNET_SYNC_H
#define CARNET_SYNC_H

#include <stddef.h>
#include <stdio.h>
#include "carnet/model/lists.h"
#include "carnet/store/record.h"
#include "carnet/store/store.h"

struct sync_counts {
	long added, updated, unchanged, deleted, rejected;
};

struct sync {
	struct store *st;
	const struct lists *ls;
	struct sync_counts n;
	struct unknown_codes unknown;
	char latest[TS_LEN];   /* a day from now: later timestamps are refused */
};

int sync_init(struct sync *s, struct store *st, const struct lists *ls, struct cn_err *err);
/* Validates r (codes unknown to ls kept and noted; a timestamp more than a
 * day ahead of now refused: a wrong clock would win every later change)
 * and applies it, inside a transaction held by the caller. An invalid
 * record is CN_EINVAL with *col the column at fault, and nothing written. */
int sync_apply(struct sync *s, const struct record *r, enum record_col *col,
               struct cn_err *err);
/* Told of each record left out: what it is ("passage ID", "usager CODE"),
 * the column at fault and why. */
typedef void (*sync_reject_fn)(void *ctx, const char *what, const char *column,
                               const char *why);
/* Every person of an attached carnet database (schema, a literal), visits
 * or not, by the same rules, every value checked as in an import; inside the
 * caller's transaction. A profile refused goes to reject and is counted. */
int sync_persons(struct sync *s, const char *schema, sync_reject_fn reject, void *ctx,
                 struct cn_err *err);
/* "2 nouveaux, 1 modifié, 0 inchangé, 1 supprimé, 0 rejeté" */
void sync_summary(const struct sync_counts *n, char *out, size_t size);
/* "carnet: codes inconnus de cette configuration, gardés tels quels : …" */
void sync_tell_unknown(const struct unknown_codes *u, FILE *out);
void sync_add_counts(struct sync_counts *total, const struct sync_counts *n);

#endif
