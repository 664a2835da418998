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

/* The period's referrals counted while its visits are read: one group for
 * each destination, way, follow-through and place ("" when not told). */
struct referral_group {
	char *text[4];     /* dest, how, went, place */
	long n;
};

struct referral_groups {
	struct referral_group *g;
	int n;
	int *slot;         /* a hash of the groups: index + 1, 0 for none */
	int slots;
};

/* Counts one visit sent to dest (not empty): CN_OK, or CN_EDB when out of
 * memory. */
int referral_count(struct referral_groups *gs, const char *dest, const char *how,
                   const char *went, const char *place);
void referral_groups_free(struct referral_groups *gs);

/* Fills r->referral_how, r->referral_went, r->referrals_answered,
 * r->went_by_to, r->went_by_how and r->places from the groups, inside the
 * caller's read transaction: the groups go through the directory's join in
 * one query, in the order it gives. */
int referral_compute(struct store *st, const struct lists *ls, struct report *r,
                     const struct referral_groups *gs, struct cn_err *err);

#endif
