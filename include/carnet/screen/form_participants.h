/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Participants field of the workshop form: persons by code, found like
 * the visit's Usager (a code typed, or one of the recent codes), each
 * present or absent; '+' makes a new person, written only with the
 * workshop. */
#ifndef CARNET_FORM_PARTICIPANTS_H
#define CARNET_FORM_PARTICIPANTS_H

#include <stdbool.h>
#include "carnet/model/workshop.h"
#include "carnet/screen/person_panel.h"
#include "carnet/screen/ui.h"

struct form_participants {
	struct person_panel pp;      /* the code being typed, the recent codes */
	int cur;                     /* the participant highlighted, then the
	                                recent codes (cur - nparticipants) */
	struct workshop *w;          /* the form's record */
	char (*fresh)[PCODE_MAX];    /* its participants that are new persons */
	int *nfresh;
	bool changed;                /* set when w or fresh changed */
};

/* Opens the field on w, whose new persons are the *nfresh codes of fresh
 * (PARTICIPANTS_MAX of room). */
void form_participants_open(struct form_participants *fp, struct ui *ui, struct workshop *w,
                            char (*fresh)[PCODE_MAX], int *nfresh);
/* A typed character: a letter or digit of a code, '+'; false when of no
 * use here. */
bool form_participants_char(struct form_participants *fp, struct ui *ui, int c);
/* Space: adds what is typed or the highlighted recent code, or turns the
 * highlighted participant absent (and back). */
void form_participants_toggle(struct form_participants *fp, struct ui *ui);
/* Backspace: a character of the code typed, or the highlighted participant. */
void form_participants_erase(struct form_participants *fp, struct ui *ui);
void form_participants_move(struct form_participants *fp, int delta);
/* What is typed, when the field is left or the form saved: false, with a
 * message, for a code that names no one. */
bool form_participants_commit(struct form_participants *fp, struct ui *ui);
/* The highlighted participant's code, or NULL; whether a code is a new
 * person of this form. */
const char *form_participants_current(const struct form_participants *fp);
bool form_participants_is_new(const struct form_participants *fp, const char *code);
void form_participants_reload(struct form_participants *fp, struct ui *ui);
void form_participants_draw(const struct form_participants *fp, struct ui *ui, int x, int w);
/* "3 (1 absent)", "—" for none: the field's value in the form. */
void form_participants_text(const struct workshop *w, char *out, size_t size);

#endif
