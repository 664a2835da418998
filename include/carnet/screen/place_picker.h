/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "Lieu d'orientation" field's panel: the places of the directory
 * whose name, commune, services, address or type hold the letters typed,
 * picked with Up/Down and Enter; the place picked, with its hours today and
 * whether it is open now. The search is curses-free (bench/place_search
 * times it). */
#ifndef CARNET_PLACE_PICKER_H
#define CARNET_PLACE_PICKER_H

#include <stdbool.h>
#include "carnet/model/hours.h"
#include "carnet/model/ids.h"
#include "carnet/model/visit.h"
#include "carnet/store/store.h"

#define PICKER_SHOWN 8   /* places listed */
#define PICKER_MIN_CHARS 2 /* letters typed before the directory is searched */

struct place_hit {
	char uid[ID_LEN];
	char nom[PLACE_BYTES];     /* cut to PLACE_MAX_CHARS characters */
	char commune[160];
	char category[CODE_MAX];   /* the place's oriente_vers code, may be empty */
};

struct place_picker {
	struct place_hit hit[PICKER_SHOWN];
	int n;                     /* hits listed */
	int total;                 /* places that match */
	int hl;                    /* the highlighted hit; -1 for none */
	bool searched;             /* the directory was searched for the text */
	/* The place picked (or stored with the visit), to show. */
	bool chosen;
	struct place_hit pick;
	char today[HOURS_DAY_MAX]; /* "9 h–12 h et 14 h–18 h 30", "fermé" */
	char now[HOURS_NEXT_MAX + 32]; /* "ouvert, ferme à 12 h" */
};

/* Lists the places that match text (PICKER_MIN_CHARS characters at
 * least, else none): the first PICKER_SHOWN by name, and how many match.
 * The highlight goes. */
int place_picker_search(struct place_picker *pk, struct store *st, const char *text,
                        struct cn_err *err);
/* Reads the place of uid as the one chosen, with its hours today and now
 * (the clock: CARNET_NOW in tests). CN_ENOTFOUND when the directory no
 * longer has it. */
int place_picker_load(struct place_picker *pk, struct store *st, const char *uid,
                      struct cn_err *err);
void place_picker_move(struct place_picker *pk, int delta);
/* The highlighted hit, or NULL. */
const struct place_hit *place_picker_current(const struct place_picker *pk);
/* The panel from row y. */
void place_picker_draw(const struct place_picker *pk, const struct lists *ls, int y, int x,
                       int w);

#endif
