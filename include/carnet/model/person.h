/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The person (l'usager): a pseudonymous code and an optional coarse profile.
 * No name, birth date or address exists anywhere in carnet. */
#ifndef CARNET_PERSON_H
#define CARNET_PERSON_H

#include "carnet/model/clock.h"
#include "carnet/model/codes.h"
#include "carnet/model/err.h"
#include "carnet/model/ids.h"
#include "carnet/model/lists.h"

enum person_field {
	PF_CODE,
	PF_AGE,
	PF_GENDER,
	PF_AREA,
	PF_SITUATION,
	PF_EQUIPMENT,
	PF_COUNT
};

struct person {
	char id[ID_LEN];
	char code[PCODE_MAX];
	char age[CODE_MAX];        /* tranche_age, may be empty */
	char gender[CODE_MAX];     /* genre */
	char area[CODE_MAX];       /* quartier */
	char situation[CODE_MAX];
	struct codeset equipment;  /* equipement, "aucun" stands alone */
	char created[TS_LEN], updated[TS_LEN], deleted[TS_LEN];
};

void person_init(struct person *p);
const char *person_field_label(enum person_field f);
/* The list each profile field takes its codes from (PF_CODE: -1). */
int person_field_list(enum person_field f);
int person_validate(const struct person *p, const struct person *prev,
                    const struct lists *ls, struct cn_err *err);
/* The same rules for a profile from another desk: see visit_validate_foreign. */
int person_validate_foreign(const struct person *p, const struct lists *ls,
                            struct unknown_codes *unknown, struct cn_err *err);

#endif
