/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Forms: a visit, a workshop, a time outside accompaniment (new, edited,
 * or taken back from a draft) and a person's profile. Fields are data; one engine draws them and takes the keys. */
#ifndef CARNET_VIEW_FORM_H
#define CARNET_VIEW_FORM_H

#include "carnet/store/draft.h"
#include "carnet/screen/ui.h"
#include "carnet/model/visit.h"

/* A saved visit, to change it. */
void view_form_visit(struct ui *ui, const struct visit *edit);
/* A new visit on `date` at `time_of_day`, with the desk's defaults (site,
 * mediator, canal); a running timer gives its start time. */
void view_form_new(struct ui *ui, const char *date, const char *time_of_day);
/* A saved workshop or time to change it; a new one on `date` at
 * `time_of_day`, with the desk's site and mediator. */
void view_form_workshop(struct ui *ui, const struct workshop *edit);
void view_form_new_workshop(struct ui *ui, const char *date, const char *time_of_day);
void view_form_worktime(struct ui *ui, const struct worktime *edit);
void view_form_new_worktime(struct ui *ui, const char *date, const char *time_of_day);
/* The form as a draft kept it: `waiting` for the draft file's current one
 * (offered at start-up), false for one put aside. */
void view_form_draft(struct ui *ui, const struct draft *d, bool waiting);
/* The coarse profile of the person with that code. */
void view_form_profile(struct ui *ui, const char *code);

#endif
