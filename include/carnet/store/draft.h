/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The record being typed on the desk screen (a visit, a workshop, a time
 * outside accompaniment), saved after every change so that
 * a closed terminal, a signal or a crash never loses it. Drafts live in
 * their own small file beside the database (FILE.brouillons, 0600): a long
 * import or merge holding the database never makes a key wait. One draft
 * per database. */
#ifndef CARNET_DRAFT_H
#define CARNET_DRAFT_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include "carnet/model/clock.h"
#include "carnet/model/visit.h"
#include "carnet/model/workshop.h"
#include "carnet/model/worktime.h"
#include "carnet/store/store.h"

/* The drafts file of a database: "carnet.db.brouillons". */
#define DRAFTS_SUFFIX ".brouillons"
/* Highest form field index a draft may name (the form checks its own). */
#define DRAFT_FIELD_MAX 64

/* The kind of record a draft holds ("record=" in its text form; a draft
 * without it, from an earlier carnet, is a visit). */
enum draft_kind { DRAFT_VISIT, DRAFT_WORKSHOP, DRAFT_WORKTIME };

struct draft {
	enum draft_kind kind;    /* which of v, w, t is the record */
	struct visit v;          /* v.id set when editing a saved visit, v.updated
	                            the version the edit started from */
	struct workshop w;       /* the same for a workshop */
	struct worktime t;       /* and for a time outside accompaniment */
	int field;               /* the form field that had the cursor */
	bool duration_set;       /* a duration was typed or picked */
	bool time_set;           /* a time was typed (else the timer may set it) */
	bool person_new;         /* v.person is a new person, written with the visit */
	int nnew;                /* w's participants that are new persons, */
	char new_codes[PARTICIPANTS_MAX][PCODE_MAX]; /* written with the workshop */
	long long timer_start;   /* epoch seconds the timer started, 0 if none */
	char saved_at[TS_LEN];   /* filled by draft_load */
};

struct drafts;

/* Opens (creates) the drafts file of st's database, and moves into it a
 * draft an earlier carnet left in the database itself. */
int drafts_open(struct drafts **out, struct store *st, struct cn_err *err);
void drafts_close(struct drafts *ds);
/* The drafts file of a database path. */
void drafts_path(const char *db, char *out, size_t size);

/* A draft of kind k holding nothing yet (visit_init and the like). */
void draft_init(struct draft *d, enum draft_kind k);
/* The id, the date and the time of the draft's record. */
const char *draft_id(const struct draft *d);
const char *draft_date(const struct draft *d);
const char *draft_time(const struct draft *d);

/* Text form of a draft: one "key=value" line per field. */
size_t draft_encode(const struct draft *d, char *out, size_t size);
/* Reads what draft_encode wrote; unknown keys are ignored. A value that
 * draft_encode could not have written (a damaged or hand-edited file) is
 * CN_EINVAL: the draft is unreadable, never half-used. */
int draft_decode(const char *text, struct draft *d, struct cn_err *err);

/* ds may be NULL (no drafts file): nothing is found, nothing can be saved. */
int draft_save(struct drafts *ds, const struct draft *d, struct cn_err *err);
/* *found is false when there is no draft; an unreadable one is CN_EINVAL
 * with *found true and d->saved_at set. */
int draft_load(struct drafts *ds, struct draft *d, bool *found, struct cn_err *err);
int draft_clear(struct drafts *ds, struct cn_err *err);

/* Drafts put aside and forms abandoned: kept (the last DRAFTS_ASIDE_MAX),
 * listed newest first, taken back one by one. No key throws typed work
 * away for good. */
#define DRAFTS_ASIDE_MAX 10
#define DRAFTS_ASIDE_TEXT "10"
int draft_put_aside(struct drafts *ds, const struct draft *d, struct cn_err *err);
/* fn gets each one's number, the draft and when it was put aside (in
 * d->saved_at); a non-zero return stops. */
typedef int (*draft_aside_fn)(void *ctx, long n, const struct draft *d);
int draft_aside_each(struct drafts *ds, draft_aside_fn fn, void *ctx, struct cn_err *err);
/* Removes number n from those kept (it goes back to a form). */
int draft_aside_take(struct drafts *ds, long n, struct cn_err *err);

/* Erasing personal data: the drafts of a database (path) that name a
 * person's code, or that date from before a day. No file, nothing to do. */
int drafts_forget(const char *db, const char *code, struct cn_err *err);
int drafts_purge(const char *db, const char before[DATE_LEN], struct cn_err *err);

#endif
