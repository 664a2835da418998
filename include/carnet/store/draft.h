/* The visit being typed on the desk screen, saved after every change so that
 * a closed terminal, a signal or a crash never loses it. One per database. */
#ifndef CARNET_DRAFT_H
#define CARNET_DRAFT_H

#include <stdbool.h>
#include <stddef.h>
#include "carnet/store/store.h"
#include "carnet/model/visit.h"

struct draft {
	struct visit v;          /* v.id set when editing a saved visit */
	int field;               /* the form field that had the cursor */
	bool duration_set;       /* a duration was typed or picked */
	long long timer_start;   /* epoch seconds the timer started, 0 if none */
	char saved_at[TS_LEN];   /* filled by draft_load */
};

/* Text form of a draft: one "key=value" line per field. */
size_t draft_encode(const struct draft *d, char *out, size_t size);
/* Reads what draft_encode wrote; unknown keys are ignored. */
int draft_decode(const char *text, struct draft *d);

int draft_save(struct store *st, const struct draft *d, struct cn_err *err);
/* *found is false when there is no draft. */
int draft_load(struct store *st, struct draft *d, bool *found, struct cn_err *err);
int draft_clear(struct store *st, struct cn_err *err);

#endif
