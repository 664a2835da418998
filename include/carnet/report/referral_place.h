/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The referrals by place in the report (section 6): the places of the
 * directory the period's referrals went to, most referred first, and what
 * came of them. Fed by the rows of referral_compute's one query (the
 * visits grouped, then joined to the directory: one look-up for each place,
 * not for each visit). */
#ifndef CARNET_REPORT_REFERRAL_PLACE_H
#define CARNET_REPORT_REFERRAL_PLACE_H

#include <stdbool.h>
#include "carnet/model/lists.h"
#include "carnet/report/dist.h"
#include "carnet/report/report.h"

/* One place as read (or the unknown ones together, or none). */
struct place_entry {
	char *uid, *nom, *commune;  /* NULL for the rows that are no place */
	long n;
	struct dist went;
};

/* The referrals counted by place while the rows come, in the order of
 * their place (a place's rows one after the other). */
struct place_tally {
	const struct lists *ls;
	int n;
	struct place_entry *e;
	struct place_entry unknown, none;
	long placed;
};

void place_tally_init(struct place_tally *t, const struct lists *ls);
/* n referrals to place uid ("" for none; known false when the directory
 * does not have it: nom and commune are then not used) that got answer
 * went ("" when not known): CN_OK, or CN_EDB when out of memory. */
int place_tally_add(struct place_tally *t, const char *uid, bool known, const char *nom,
                    const char *commune, const char *went, long n);
/* Makes p's rows from t (none when no referral has a place), its shares of
 * `referrals`, and frees t: CN_OK or CN_EDB. */
int place_tally_finish(struct place_tally *t, struct report_places *p, long referrals);
void place_tally_free(struct place_tally *t);
void referral_places_free(struct report_places *p);

#endif
