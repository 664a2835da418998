/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keeping personal data no longer than needed: removing old visits for a
 * retention policy, and erasing one person (right to erasure, RGPD). Both
 * leave nothing readable in the file: SQLite's secure delete, then a
 * vacuum and a truncated journal. */
#ifndef CARNET_RETENTION_H
#define CARNET_RETENTION_H

#include <stdbool.h>
#include "carnet/model/clock.h"
#include "carnet/model/lists.h"
#include "carnet/store/store.h"

struct purge_counts {
	long visits;     /* visits dated before the day, deleted or not */
	long persons;    /* persons left without any visit or workshop, registered before the day */
	long workshops;  /* workshops dated before the day, with their participants */
	long times;      /* times outside accompaniment dated before the day */
};

struct forget_counts {
	long visits;     /* visits that become anonymous */
	long workshops;  /* workshops where the person becomes an anonymous attendee (or,
	                  * absent, goes) */
};

/* What retention_purge would remove (apply false), or removes it (true). */
int retention_purge(struct store *st, const char before[DATE_LEN], bool apply,
                    struct purge_counts *n, struct cn_err *err);
/* Erases a person's code and profile and unlinks their visits (which stay,
 * anonymous, and count in reports) and their participations (present: one
 * more anonymous attendee; absent: dropped), with every kept version that
 * names them; n says how many (apply false: only counts). CN_ENOTFOUND for
 * an unknown code. */
int retention_forget(struct store *st, const char *code, bool apply, struct forget_counts *n,
                     struct cn_err *err);

/* Both return CN_EBUSY, once the erase is committed, when another program's
 * read keeps the former state in the files (told in err: it goes when that
 * program closes the base). */

/* Removes the copies made before schema upgrades (FILE.vN.bak), which hold
 * what was erased since; told gets each one removed. */
int retention_remove_copies(struct store *st, store_path_fn told, void *ctx, struct cn_err *err);

#endif
