/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bringing records of other desks into this database (import and merge),
 * by the rules of carnet(1), FORMAT D'ÉCHANGE: the id of a visit, workshop
 * or time is its identity, the later version wins, the other one is kept in
 * visit_history (visits) or record_history (workshops, times), persons and
 * participants follow their code. Applying the same records twice changes
 * nothing. */
#ifndef CARNET_SYNC_H
#define CARNET_SYNC_H

#include <stddef.h>
#include <stdio.h>
#include "carnet/model/lists.h"
#include "carnet/store/exchange_row.h"
#include "carnet/store/record.h"
#include "carnet/store/store.h"

struct sync_counts {
	long added, updated, unchanged, deleted, rejected;
};

/* Persons brought already, each with the version that came. */
struct sync_seen {
	struct sync_seen_entry *v;
	size_t cap, n;
};

struct sync {
	struct store *st;
	/* Where the rows of other databases are read (sync_persons,
	 * sync_activity): st itself by default; and whether they may be
	 * compared there with st's (the same connection). */
	struct store *from;
	bool compare;
	const struct lists *ls;
	struct sync_counts n;           /* visits (and usager rows refused) */
	struct sync_counts workshops, times;
	struct unknown_codes unknown;
	char latest[TS_LEN];   /* a day from now: later timestamps are refused */
	struct sync_seen seen; /* the same person again changes nothing more */
	const char *origin;    /* where else a participant may come from, in
	                        * messages: "le fichier" (the default) */
};

int sync_init(struct sync *s, struct store *st, const struct lists *ls, struct cn_err *err);
void sync_free(struct sync *s);
/* Before another source (another transaction): the persons brought so far
 * are read again when they come again. */
void sync_forget_seen(struct sync *s);
/* Validates r (codes unknown to ls kept and noted; a timestamp more than a
 * day ahead of now refused: a wrong clock would win every later change)
 * and applies it, inside a transaction held by the caller. An invalid
 * record is CN_EINVAL with *col the column at fault, and nothing written. */
int sync_apply(struct sync *s, const struct record *r, enum record_col *col,
               struct cn_err *err);
/* The same for any row of the exchange format, version 2: a passage as
 * sync_apply; a usager row creates the person or replaces an older profile;
 * a workshop or a time by the rules of visits (kept in record_history), a
 * workshop's participants being persons of this base ("usager inconnu"
 * otherwise). Counted in n, workshops or times. */
int sync_apply_row(struct sync *s, const struct xrow *x, int *col, struct cn_err *err);
/* What sync_apply_row checks, without writing, but a usager row, applied
 * (inside the caller's transaction) so that later rows may name the person. */
int sync_check_row(struct sync *s, const struct xrow *x, int *col, struct cn_err *err);
/* The counts of a row's kind (usager rows: n). */
struct sync_counts *sync_counts_of(struct sync *s, enum xrow_kind kind);
/* Told of each record left out: what it is ("passage ID", "usager CODE"),
 * the column at fault and why. */
typedef void (*sync_reject_fn)(void *ctx, const char *what, const char *column,
                               const char *why);
/* Every person of an attached carnet database (schema, a literal), visits
 * or not, by the same rules, every value checked as in an import; inside the
 * caller's transaction. A profile refused goes to reject and is counted. */
int sync_persons(struct sync *s, const char *schema, sync_reject_fn reject, void *ctx,
                 struct cn_err *err);
/* Every workshop and time of an attached database (schema, a literal),
 * after its persons (sync_persons), each row checked as in an import; a
 * row refused goes to reject and is counted. */
int sync_activity(struct sync *s, const char *schema, sync_reject_fn reject, void *ctx,
                  struct cn_err *err);
/* "2 nouveaux, 1 modifié, 0 inchangé, 1 supprimé, 0 rejeté" */
void sync_summary(const struct sync_counts *n, char *out, size_t size);
/* The same for visits alone, or "passages : … ; ateliers : … ; temps : …"
 * when workshops or times came in. */
void sync_summary_kinds(const struct sync_counts *visits, const struct sync_counts *workshops,
                        const struct sync_counts *times, char *out, size_t size);
/* "carnet: codes inconnus de cette configuration, gardés tels quels : …" */
void sync_tell_unknown(const struct unknown_codes *u, FILE *out);
void sync_add_counts(struct sync_counts *total, const struct sync_counts *n);

#endif
