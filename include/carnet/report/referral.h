/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The referrals' follow-through in the report (section 6): how the
 * period's referrals were made, and what came of those whose person came
 * back and told, by category and by way of referring. */
#ifndef CARNET_REPORT_REFERRAL_H
#define CARNET_REPORT_REFERRAL_H

#include "carnet/model/err.h"
#include "carnet/model/lists.h"
#include "carnet/report/report.h"
#include "carnet/store/store.h"

/* Fills r->referral_how, r->referral_went, r->referrals_answered,
 * r->went_by_to, r->went_by_how and r->places for r->f, inside the
 * caller's read transaction: one query. */
int referral_compute(struct store *st, const struct lists *ls, struct report *r,
                     struct cn_err *err);

#endif
