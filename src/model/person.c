/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/model/person.h"

static const struct {
	const char *label;
	int list;
} fields[PF_COUNT] = {
	[PF_CODE] = {"code usager", -1},
	[PF_AGE] = {"tranche d'âge", L_TRANCHE_AGE},
	[PF_GENDER] = {"genre", L_GENRE},
	[PF_AREA] = {"commune ou quartier", L_QUARTIER},
	[PF_SITUATION] = {"situation", L_SITUATION},
	[PF_EQUIPMENT] = {"équipement", L_EQUIPEMENT},
};

/* The equipment code that means "no equipment at all". */
#define EQUIPMENT_NONE "aucun"

void person_init(struct person *p)
{
	memset(p, 0, sizeof *p);
}

const char *person_field_label(enum person_field f)
{
	return f >= 0 && f < PF_COUNT ? fields[f].label : "";
}

int person_field_list(enum person_field f)
{
	return f >= 0 && f < PF_COUNT ? fields[f].list : -1;
}

static int check_one(const struct lists *ls, enum person_field f, const char *code,
                     const char *prev, struct unknown_codes *foreign, struct cn_err *err)
{
	if (!code[0])
		return CN_OK;
	if (lists_check_by(ls, fields[f].list, code, prev && strcmp(prev, code) == 0, foreign,
	                   err) != CN_OK) {
		err->field = f;
		return CN_EINVAL;
	}
	return CN_OK;
}

static int validate(const struct person *p, const struct person *prev, const struct lists *ls,
                    struct unknown_codes *foreign, struct cn_err *err)
{
	char code[PCODE_MAX];
	int rc;

	if (!person_code_normalize(p->code, code) || strcmp(code, p->code) != 0)
		return cn_err_field(err, CN_EINVAL, PF_CODE,
		                    "code usager invalide « %s » (4 à 16 lettres ou chiffres)",
		                    p->code);
	if ((rc = check_one(ls, PF_AGE, p->age, prev ? prev->age : NULL, foreign, err)) ||
	    (rc = check_one(ls, PF_GENDER, p->gender, prev ? prev->gender : NULL, foreign, err)) ||
	    (rc = check_one(ls, PF_AREA, p->area, prev ? prev->area : NULL, foreign, err)) ||
	    (rc = check_one(ls, PF_SITUATION, p->situation, prev ? prev->situation : NULL, foreign, err)))
		return rc;
	for (int i = 0; i < p->equipment.n; i++) {
		const char *c = p->equipment.v[i];
		if ((rc = lists_check_by(ls, L_EQUIPEMENT, c, prev && codeset_has(&prev->equipment, c),
		                         foreign, err)) != CN_OK) {
			err->field = PF_EQUIPMENT;
			return rc;
		}
	}
	if (p->equipment.n > 1 && codeset_has(&p->equipment, EQUIPMENT_NONE))
		return cn_err_field(err, CN_EINVAL, PF_EQUIPMENT,
		                    "« %s » ne se combine pas avec un autre équipement", EQUIPMENT_NONE);
	return CN_OK;
}

int person_validate(const struct person *p, const struct person *prev, const struct lists *ls,
                    struct cn_err *err)
{
	return validate(p, prev, ls, NULL, err);
}

int person_validate_foreign(const struct person *p, const struct lists *ls,
                            struct unknown_codes *unknown, struct cn_err *err)
{
	return validate(p, NULL, ls, unknown, err);
}
