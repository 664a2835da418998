/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Usager field of the visit form: a person code typed, picked among the
 * codes seen lately or created, and what is known of that person (previous
 * visits, posture trend). */
#ifndef CARNET_PERSON_PANEL_H
#define CARNET_PERSON_PANEL_H

#include <stdbool.h>
#include "carnet/model/clock.h"
#include "carnet/model/ids.h"
#include "carnet/model/visit.h"
#include "carnet/screen/ui.h"

#define PANEL_RECENT 8
#define PANEL_HISTORY 6

struct person_panel {
	char input[PCODE_MAX];      /* the code being typed */
	bool typing;
	char code[PCODE_MAX];       /* the person attached, "" when none */
	bool is_new;                /* code is a new person, written with the visit */
	char recent[PANEL_RECENT][PCODE_MAX], recent_date[PANEL_RECENT][DATE_LEN];
	char recent_demand[PANEL_RECENT][CODE_MAX]; /* main demand of that last visit */
	int nrecent;
	int shown[PANEL_RECENT];    /* recent codes starting with the input */
	int nshown, hl;
	char history[PANEL_HISTORY][160];
	int nhistory, visits;
	char trend[160];            /* "pour → devant → avec" */
	/* The follow-through: the person's last referral still open before the
	 * form's date, kept once answered so that the answer can be corrected. */
	char before[DATE_LEN];      /* the form's date; "" for no follow-through */
	char ref_for[PCODE_MAX];    /* the code `ref` was looked up for */
	bool has_ref;
	struct visit ref;
	char ref_place[PLACE_BYTES]; /* its place's name in the directory, or "" */
	char ref_keys[3][16];       /* the answer keys, as shown ("F7") */
};

/* Opens the panel on the code the visit holds ("" for none); is_new when
 * that code is a new person not written yet. `before` (a date, or NULL)
 * shows the person's last referral still open before it. */
void person_panel_open(struct person_panel *pp, struct ui *ui, const char *code, bool is_new,
                       const char *before);
/* Records what came of the open referral shown (an orientation_suite code)
 * in its own transaction, said on the status line; answering again corrects
 * it. False, with a message, when there is none or it is refused. */
bool person_panel_answer(struct person_panel *pp, struct ui *ui, const char *went);
/* Letters and digits build the code, '+' makes a new person of the typed
 * code or of a new one (written only with the visit); false when c is of
 * no use here. */
bool person_panel_char(struct person_panel *pp, struct ui *ui, int c);
void person_panel_erase(struct person_panel *pp, struct ui *ui);
/* Attaches the highlighted recent code. */
void person_panel_pick(struct person_panel *pp, struct ui *ui);
void person_panel_move(struct person_panel *pp, int delta);
/* Reads the attached person's visits again (after a profile change). */
void person_panel_reload(struct person_panel *pp, struct ui *ui);
/* False, with a message, when a code is typed that names no one. */
bool person_panel_valid(const struct person_panel *pp, struct ui *ui);
void person_panel_draw(const struct person_panel *pp, const struct lists *ls, int x, int w);

#endif
