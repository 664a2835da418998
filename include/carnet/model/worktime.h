/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time outside accompaniment (un temps): preparing, coordinating, training
 * the structure's agents… what a mediator does when nobody is at the desk,
 * and its rules. */
#ifndef CARNET_WORKTIME_H
#define CARNET_WORKTIME_H

#include <stdbool.h>
#include "carnet/model/clock.h"
#include "carnet/model/codes.h"
#include "carnet/model/err.h"
#include "carnet/model/ids.h"
#include "carnet/model/lists.h"
#include "carnet/model/visit.h"

#define WORKTIME_DURATION_MAX 720   /* a whole day out (12 h) */

enum worktime_field {
	TF_ID,
	TF_DATE,
	TF_TIME,
	TF_DURATION,
	TF_SITE,
	TF_MEDIATOR,
	TF_KIND,
	TF_NOTE,
	TF_COUNT
};

struct worktime {
	char id[ID_LEN];
	char date[DATE_LEN];
	char time[HHMM_LEN];          /* when it started */
	int duration;                 /* minutes, 1 to WORKTIME_DURATION_MAX */
	char site[CODE_MAX];
	char mediator[CODE_MAX];      /* may be empty */
	char kind[CODE_MAX];          /* temps, required */
	char note[NOTE_BYTES];
	char created[TS_LEN], updated[TS_LEN], deleted[TS_LEN];
};

void worktime_init(struct worktime *t);
const char *worktime_field_label(enum worktime_field f);
int worktime_validate(const struct worktime *t, const struct worktime *prev,
                      const struct lists *ls, struct cn_err *err);
int worktime_validate_foreign(const struct worktime *t, const struct lists *ls,
                              struct unknown_codes *unknown, struct cn_err *err);

#endif
