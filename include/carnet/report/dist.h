/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counts by code, the report's building block: every table of the report
 * is one, held in the order its list gives. */
#ifndef CARNET_DIST_H
#define CARNET_DIST_H

#include "carnet/model/codes.h"
#include "carnet/model/lists.h"

/* Counts by code: the codes of a list in its order, then codes the lists do
 * not know (merged from other desks), then "" for "non renseigné". */
struct dist {
	int n;
	char (*code)[CODE_MAX];
	long *count;
	long total;      /* what shares are taken of (visits or persons) */
};

/* Starts d with every code of list (none when list < 0), each at 0. */
void dist_init(struct dist *d, const struct lists *ls, int list);
void dist_free(struct dist *d);
/* The index of code in d from row `from` on, or -1. */
int dist_find(const struct dist *d, const char *code, int from);
/* The index of code, added at the end with a zero count when it is not
 * there; -1 when out of memory. */
int dist_slot(struct dist *d, const char *code);
/* Adds a row at the end, even when the code is already there (a table
 * whose first rows are fixed); -1 when out of memory. */
int dist_push(struct dist *d, const char *code, long count);
/* Adds count to the row of code (made when new): CN_OK, or CN_EDB when out
 * of memory. */
int dist_add(struct dist *d, const char *code, long count);
/* Adds count to each code of "a|b|c"; a row of "" for an empty text when
 * none is true. */
int dist_add_codes(struct dist *d, const char *codes, long count, bool none);
/* Puts the codes after the first `known` rows (those a list does not know)
 * in order, "" last; swap(ctx, i, j), when given, follows each exchange. */
void dist_sort(struct dist *d, int known, void (*swap)(void *ctx, int i, int j), void *ctx);
/* The count of a code in a distribution (0 when it is not there). */
long dist_count(const struct dist *d, const char *code);

#endif
