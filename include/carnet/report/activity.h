/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rest of a mediator's work in the report: the period's workshops
 * (section 8), the working time (section 9) and the workshops month by
 * month beside the visits' trend. */
#ifndef CARNET_ACTIVITY_H
#define CARNET_ACTIVITY_H

#include <stdbool.h>
#include "carnet/model/codes.h"
#include "carnet/model/err.h"
#include "carnet/model/lists.h"
#include "carnet/report/report.h"
#include "carnet/store/store.h"

/* Fills r->ws, r->work, r->worktimes and r->trend_workshops for r->f,
 * inside the caller's read transaction, once r->minutes and
 * r->trend_month are known. One query per family of figures: the
 * workshops, their participants' profiles, the times, the trend. */
int activity_compute(struct store *st, const struct lists *ls, struct report *r,
                     struct cn_err *err);

/* Only the key figures of r->f's workshops and times: r->ws.sessions and
 * minutes, r->worktimes, and r->work's two fixed rows then one of all the
 * other time (report_outside_minutes gives the same as in a whole
 * report). Inside the caller's read transaction, once r->minutes is known. */
int activity_key(struct store *st, struct report *r, struct cn_err *err);

/* How many times a workshop led by `mediators` counts for the mediators
 * of `filter` (empty: all of them): one for each of its mediators the
 * filter holds; a workshop without a mediator counts once, when the filter
 * is empty or holds "". 0: the workshop is not the filter's. */
int activity_led_count(const struct codeset *mediators, const struct codeset *filter);

/* Adds to out the sites (by == BY_SITE) or mediators ("" for none) of the
 * period's workshops and times, for a breakdown. */
int activity_group_codes(struct store *st, const struct report_filter *f, struct codeset *out,
                         struct cn_err *err);

/* Whether a visit, a workshop or a time of the base, deleted or not, has
 * this site (list L_SITE) or mediator (L_MEDIATEUR). */
int activity_code_used(struct store *st, enum list_id list, const char *code, bool *used,
                       struct cn_err *err);

#endif
