/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The values a form field offers from one list: their one-key answers, a
 * filter typed over the labels and a highlighted entry. No curses here. */
#ifndef CARNET_CHOICES_H
#define CARNET_CHOICES_H

#include <stdbool.h>
#include "carnet/model/config.h"
#include "carnet/model/lists.h"

/* As many values as a configuration can give a list. */
#define CHOICES_MAX CONFIG_MAX_LINES

struct choices {
	const struct vlist *vl;
	int ent[CHOICES_MAX];     /* list entries offered, in list order */
	char key[CHOICES_MAX];    /* their one-key answers (0: none left) */
	int nent;
	int shown[CHOICES_MAX];   /* indexes into ent whose label matches the filter */
	int nshown;
	int hl;                   /* highlighted, an index into shown */
	char filter[48];
	bool filtering;
};

/* Tells whether the record holds a code (a retired code is offered only then). */
typedef bool (*choices_held_fn)(const char *code, void *ctx);

/* Offers the active entries of vl and the retired ones the record holds;
 * keys are digits 1-9 for an ordered scale (numbered), mnemonics otherwise. */
void choices_load(struct choices *c, const struct vlist *vl, bool numbered,
                  choices_held_fn held, void *ctx);
/* The entry (index into ent) answered by key, or -1. */
int choices_by_key(const struct choices *c, int key);
/* The highlighted entry (index into ent), or -1 when nothing is shown. */
int choices_current(const struct choices *c);
void choices_move(struct choices *c, int delta);
/* Starts, edits or ends the filter; the shown entries follow. */
void choices_filter_start(struct choices *c);
void choices_filter_type(struct choices *c, const char *utf8);
void choices_filter_erase(struct choices *c);
void choices_filter_stop(struct choices *c);
const struct list_entry *choices_entry(const struct choices *c, int ent);

#endif
