/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The visit (un passage): one accompaniment at the desk, and its rules. */
#ifndef CARNET_VISIT_H
#define CARNET_VISIT_H

#include <stdbool.h>
#include "carnet/model/clock.h"
#include "carnet/model/codes.h"
#include "carnet/model/err.h"
#include "carnet/model/ids.h"
#include "carnet/model/lists.h"

#define NOTE_MAX_CHARS 500
#define NOTE_BYTES (NOTE_MAX_CHARS * 4 + 1)
#define PLACE_MAX_CHARS 120
#define PLACE_BYTES (PLACE_MAX_CHARS * 4 + 1)

enum visit_field {
	VF_ID,
	VF_DATE,
	VF_TIME,
	VF_DURATION,
	VF_SITE,
	VF_MEDIATOR,
	VF_CANAL,
	VF_DEMANDS,
	VF_ORGANISMS,
	VF_POSTURE,
	VF_PRESENT,
	VF_OUTCOME,
	VF_URGENT,
	VF_REFERRED_BY,
	VF_REFERRED_TO,
	VF_REFERRED_PLACE,
	VF_PERSON,
	VF_NOTE,
	VF_REFERRAL_HOW,     /* how the person was referred */
	VF_REFERRAL_PLACE,   /* the place of the directory */
	VF_REFERRAL_WENT,    /* whether they got there */
	VF_COUNT
};

struct visit {
	char id[ID_LEN];
	char date[DATE_LEN];
	char time[HHMM_LEN];
	int duration;                 /* minutes, 1 to 480 */
	char site[CODE_MAX];
	char mediator[CODE_MAX];      /* may be empty */
	char canal[CODE_MAX];
	struct codeset demands;       /* at least one; the first is the main one */
	struct codeset organisms;     /* zero or more */
	char posture[CODE_MAX];
	bool present;                 /* false: handled in the person's absence */
	char outcome[CODE_MAX];       /* may be empty */
	bool urgent;                  /* risk of a break in rights */
	char referred_by[CODE_MAX];   /* may be empty */
	char referred_to[CODE_MAX];   /* may be empty */
	char referred_place[PLACE_BYTES];
	char person[PCODE_MAX];       /* pseudonymous person code, may be empty */
	char note[NOTE_BYTES];
	/* The referral (with referred_to only): how, to which place of the
	 * directory (its id), and the answer given when the person came back,
	 * with the time it was recorded (both empty: no answer yet). */
	char referral_how[CODE_MAX];      /* orientation_mode code, may be empty */
	char referral_place[ID_LEN];      /* a place's id, may be empty */
	char referral_went[CODE_MAX];     /* orientation_suite code, may be empty */
	char referral_answered[TS_LEN];   /* when referral_went was recorded */
	char created[TS_LEN], updated[TS_LEN], deleted[TS_LEN];
};

/* Empty visit: person present, not urgent, everything else unset. */
void visit_init(struct visit *v);
/* French name of a field, as shown in messages ("durée"). */
const char *visit_field_label(enum visit_field f);
/* Checks every field against the rules and the value lists. `prev` is the
 * stored version when editing (its retired codes stay accepted), else NULL.
 * On failure err->field names the first bad field. */
int visit_validate(const struct visit *v, const struct visit *prev,
                   const struct lists *ls, struct cn_err *err);
/* The same rules for a record from another desk (import, merge): codes this
 * desk's lists do not know are accepted when well-formed, and noted. */
int visit_validate_foreign(const struct visit *v, const struct lists *ls,
                           struct unknown_codes *unknown, struct cn_err *err);

#endif
