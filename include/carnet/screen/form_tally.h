/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A tally field of a form: the anonymous attendees of a workshop counted
 * by the values of one profile list (genre, tranche d'âge, situation).
 * Each value shows with its count; its digit counts one more, Space one
 * more of the highlighted value, Backspace one less. The counts never add
 * up to more than the total they break down. */
#ifndef CARNET_FORM_TALLY_H
#define CARNET_FORM_TALLY_H

#include <stdbool.h>
#include <stddef.h>
#include "carnet/model/workshop.h"
#include "carnet/screen/choices.h"
#include "carnet/screen/ui.h"

struct form_tally {
	struct choices ch;   /* the list's values, keys 1 to 9 */
	int top;             /* first value shown when they do not all fit */
};

/* Offers the active values of vl and the retired ones t counts. */
void form_tally_open(struct form_tally *ft, const struct vlist *vl, const struct tally *t);
/* A key of a value: one more of it (at most total in all, else a message
 * naming the field `label`); false when c answers no value. */
bool form_tally_key(struct form_tally *ft, struct ui *ui, struct tally *t, int total,
                    const char *label, int c);
/* One more, or one less, of the highlighted value; true when t changed. */
bool form_tally_raise(struct form_tally *ft, struct ui *ui, struct tally *t, int total,
                      const char *label);
bool form_tally_lower(struct form_tally *ft, struct tally *t);
void form_tally_move(struct form_tally *ft, int delta);
/* The panel, at column x, w wide, from line 3 down. */
void form_tally_draw(struct form_tally *ft, const struct tally *t, int total, int x, int w);
/* "Femme 3, Homme 2", "—" for none. */
void form_tally_text(const struct vlist *vl, const struct tally *t, char *out, size_t size);

#endif
