/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/model/rules.h"
#include "carnet/model/worktime.h"

static const char *const labels[TF_COUNT] = {
	[TF_ID] = "identifiant", [TF_DATE] = "date",      [TF_TIME] = "heure",
	[TF_DURATION] = "durée", [TF_SITE] = "site",      [TF_MEDIATOR] = "médiateur",
	[TF_KIND] = "nature",    [TF_NOTE] = "note",
};

void worktime_init(struct worktime *t)
{
	memset(t, 0, sizeof *t);
}

const char *worktime_field_label(enum worktime_field f)
{
	return f >= 0 && f < TF_COUNT ? labels[f] : "";
}

static int validate(const struct worktime *t, const struct worktime *prev,
                    const struct lists *ls, struct unknown_codes *foreign, struct cn_err *err)
{
	int rc;

#define PREV(field) (prev ? prev->field : NULL)
	if ((rc = rule_date(t->date, TF_DATE, err)) || (rc = rule_time(t->time, TF_TIME, err)) ||
	    (rc = rule_minutes(t->duration, DURATION_MIN, WORKTIME_DURATION_MAX, TF_DURATION, err)) ||
	    (rc = rule_code(ls, L_SITE, TF_SITE, labels[TF_SITE], t->site, PREV(site), true, foreign,
	                    err)) ||
	    (rc = rule_code(ls, L_MEDIATEUR, TF_MEDIATOR, labels[TF_MEDIATOR], t->mediator,
	                    PREV(mediator), false, foreign, err)) ||
	    (rc = rule_code(ls, L_TEMPS, TF_KIND, labels[TF_KIND], t->kind, PREV(kind), true, foreign,
	                    err)) ||
	    (rc = rule_text(t->note, NOTE_MAX_CHARS, TF_NOTE, err)))
		return rc;
#undef PREV
	return CN_OK;
}

int worktime_validate(const struct worktime *t, const struct worktime *prev,
                      const struct lists *ls, struct cn_err *err)
{
	return validate(t, prev, ls, NULL, err);
}

int worktime_validate_foreign(const struct worktime *t, const struct lists *ls,
                              struct unknown_codes *unknown, struct cn_err *err)
{
	return validate(t, NULL, ls, unknown, err);
}
