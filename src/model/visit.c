/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/model/rules.h"
#include "carnet/model/visit.h"

static const char *const field_labels[VF_COUNT] = {
	[VF_ID] = "identifiant",
	[VF_DATE] = "date",
	[VF_TIME] = "heure",
	[VF_DURATION] = "durée",
	[VF_SITE] = "site",
	[VF_MEDIATOR] = "médiateur",
	[VF_CANAL] = "canal",
	[VF_DEMANDS] = "demandes",
	[VF_ORGANISMS] = "organismes",
	[VF_POSTURE] = "posture",
	[VF_PRESENT] = "présence",
	[VF_OUTCOME] = "issue",
	[VF_URGENT] = "urgence",
	[VF_REFERRED_BY] = "orienté par",
	[VF_REFERRED_TO] = "orienté vers",
	[VF_REFERRED_PLACE] = "lieu d'orientation",
	[VF_PERSON] = "usager",
	[VF_NOTE] = "note",
	[VF_REFERRAL_HOW] = "façon d'orienter",
	[VF_REFERRAL_PLACE] = "lieu de l'annuaire",
	[VF_REFERRAL_WENT] = "suite de l'orientation",
};

void visit_init(struct visit *v)
{
	memset(v, 0, sizeof *v);
	v->present = true;
}

const char *visit_field_label(enum visit_field f)
{
	return f >= 0 && f < VF_COUNT ? field_labels[f] : "";
}

/* The shared rules, with this record's field labels. */
static int check_code(const struct lists *ls, enum list_id id, enum visit_field f,
                      const char *code, const char *prev_code, bool required,
                      struct unknown_codes *foreign, struct cn_err *err)
{
	return rule_code(ls, id, (int)f, field_labels[f], code, prev_code, required, foreign, err);
}

/* How, where and what came of a referral: only with "orienté vers"; an
 * answer has its time, and a time its answer. */
static int validate_referral(const struct visit *v, const struct visit *prev,
                             const struct lists *ls, struct unknown_codes *foreign,
                             struct cn_err *err)
{
	static const enum visit_field fields[] = {VF_REFERRAL_HOW, VF_REFERRAL_PLACE,
	                                          VF_REFERRAL_WENT};
	const char *values[] = {v->referral_how, v->referral_place, v->referral_went};
	int rc;

	if (!v->referred_to[0])
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
			if (values[i][0])
				return cn_err_field(err, CN_EINVAL, fields[i],
				                    "%s : sans « orienté vers », ce champ reste vide",
				                    field_labels[fields[i]]);
	if ((rc = check_code(ls, L_ORIENTATION_MODE, VF_REFERRAL_HOW, v->referral_how,
	                     prev ? prev->referral_how : NULL, false, foreign, err)) ||
	    (rc = check_code(ls, L_ORIENTATION_SUITE, VF_REFERRAL_WENT, v->referral_went,
	                     prev ? prev->referral_went : NULL, false, foreign, err)))
		return rc;
	if (v->referral_place[0] && !id_valid(v->referral_place))
		return cn_err_field(err, CN_EINVAL, VF_REFERRAL_PLACE,
		                    "%s : identifiant invalide « %.40s » (un UUID attendu)",
		                    field_labels[VF_REFERRAL_PLACE], v->referral_place);
	if (!v->referral_went[0] != !v->referral_answered[0])
		return cn_err_field(err, CN_EINVAL, VF_REFERRAL_WENT,
		                    v->referral_went[0]
		                        ? "%s : la réponse n'a pas de date"
		                        : "%s : une date de réponse sans réponse",
		                    field_labels[VF_REFERRAL_WENT]);
	return CN_OK;
}

static int validate(const struct visit *v, const struct visit *prev, const struct lists *ls,
                    struct unknown_codes *foreign, struct cn_err *err)
{
	char code[PCODE_MAX];
	int rc;

#define PREV(field) (prev ? prev->field : NULL)
	if ((rc = rule_date(v->date, VF_DATE, err)) || (rc = rule_time(v->time, VF_TIME, err)) ||
	    (rc = rule_minutes(v->duration, DURATION_MIN, DURATION_MAX, VF_DURATION, err)))
		return rc;
	if ((rc = check_code(ls, L_SITE, VF_SITE, v->site, PREV(site), true, foreign, err)) ||
	    (rc = check_code(ls, L_MEDIATEUR, VF_MEDIATOR, v->mediator, PREV(mediator), false,
	                     foreign, err)) ||
	    (rc = check_code(ls, L_CANAL, VF_CANAL, v->canal, PREV(canal), true, foreign, err)))
		return rc;
	if (v->demands.n == 0) {
		char accepted[512];
		lists_accepted(ls, L_DEMANDE, accepted, sizeof accepted);
		return cn_err_field(err, CN_EINVAL, VF_DEMANDS,
		                    "au moins une demande est obligatoire. Valeurs acceptées : %s",
		                    accepted);
	}
	if ((rc = rule_codes(ls, L_DEMANDE, VF_DEMANDS, &v->demands, prev ? &prev->demands : NULL,
	                     foreign, err)) ||
	    (rc = rule_codes(ls, L_ORGANISME, VF_ORGANISMS, &v->organisms,
	                     prev ? &prev->organisms : NULL, foreign, err)) ||
	    (rc = check_code(ls, L_POSTURE, VF_POSTURE, v->posture, PREV(posture), true, foreign,
	                     err)) ||
	    (rc = check_code(ls, L_ISSUE, VF_OUTCOME, v->outcome, PREV(outcome), false, foreign,
	                     err)) ||
	    (rc = check_code(ls, L_ORIENTE_PAR, VF_REFERRED_BY, v->referred_by, PREV(referred_by),
	                     false, foreign, err)) ||
	    (rc = check_code(ls, L_ORIENTE_VERS, VF_REFERRED_TO, v->referred_to, PREV(referred_to),
	                     false, foreign, err)))
		return rc;
#undef PREV
	if ((rc = rule_text(v->referred_place, PLACE_MAX_CHARS, VF_REFERRED_PLACE, err)) ||
	    (rc = rule_text(v->note, NOTE_MAX_CHARS, VF_NOTE, err)))
		return rc;
	if ((rc = validate_referral(v, prev, ls, foreign, err)))
		return rc;
	if (v->person[0] && (!person_code_normalize(v->person, code) || strcmp(code, v->person)))
		return cn_err_field(err, CN_EINVAL, VF_PERSON,
		                    "code usager invalide « %s » (4 à 16 lettres ou chiffres)",
		                    v->person);
	return CN_OK;
}

int visit_validate(const struct visit *v, const struct visit *prev, const struct lists *ls,
                   struct cn_err *err)
{
	return validate(v, prev, ls, NULL, err);
}

int visit_validate_foreign(const struct visit *v, const struct lists *ls,
                           struct unknown_codes *unknown, struct cn_err *err)
{
	return validate(v, NULL, ls, unknown, err);
}
