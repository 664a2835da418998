/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The referrals by place in the report (section 6): the places of the
 * directory the period's referrals went to, most referred first, and what
 * came of them. */
#ifndef CARNET_REPORT_REFERRAL_PLACE_H
#define CARNET_REPORT_REFERRAL_PLACE_H

#include "carnet/model/err.h"
#include "carnet/model/lists.h"
#include "carnet/report/report.h"
#include "carnet/store/store.h"

/* Fills r->places for r->f, inside the caller's read transaction: one
 * query, the visits grouped by place and follow-through, then joined to
 * the directory (deleted places still name their referrals). */
int referral_places_compute(struct store *st, const struct lists *ls, struct report *r,
                            struct cn_err *err);
void referral_places_free(struct report_places *p);

#endif
