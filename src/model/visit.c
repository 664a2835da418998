/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/model/text.h"
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

/* A single code from list `id`, required or not. */
static int check_code(const struct lists *ls, enum list_id id, enum visit_field f,
                      const char *code, const char *prev_code, bool required,
                      struct unknown_codes *foreign, struct cn_err *err)
{
	if (!code[0]) {
		if (required)
			return cn_err_field(err, CN_EINVAL, f, "%s obligatoire", field_labels[f]);
		return CN_OK;
	}
	if (lists_check_by(ls, id, code, prev_code && strcmp(prev_code, code) == 0, foreign, err) !=
	    CN_OK) {
		err->field = f;
		return CN_EINVAL;
	}
	return CN_OK;
}

static int check_codes(const struct lists *ls, enum list_id id, enum visit_field f,
                       const struct codeset *set, const struct codeset *prev,
                       struct unknown_codes *foreign, struct cn_err *err)
{
	for (int i = 0; i < set->n; i++) {
		if (lists_check_by(ls, id, set->v[i], prev && codeset_has(prev, set->v[i]), foreign,
		                   err) != CN_OK) {
			err->field = f;
			return CN_EINVAL;
		}
	}
	return CN_OK;
}

/* Free text: valid UTF-8, no control characters, at most max characters. */
static int check_text(const char *s, size_t max, enum visit_field f, struct cn_err *err)
{
	if (!utf8_valid(s, strlen(s)))
		return cn_err_field(err, CN_EINVAL, f, "texte invalide (UTF-8 attendu)");
	if (text_has_control(s))
		return cn_err_field(err, CN_EINVAL, f,
		                    "caractère de contrôle, invisible ou de sens d'écriture non accepté");
	if (utf8_length(s) > max)
		return cn_err_field(err, CN_EINVAL, f, "texte trop long (%zu caractères, %zu au plus)",
		                    utf8_length(s), max);
	return CN_OK;
}

static int validate(const struct visit *v, const struct visit *prev, const struct lists *ls,
                    struct unknown_codes *foreign, struct cn_err *err)
{
	struct cn_date d;
	char hhmm[HHMM_LEN], code[PCODE_MAX];
	int rc;

#define PREV(field) (prev ? prev->field : NULL)
	if (!date_parse(v->date, &d))
		return cn_err_field(err, CN_EINVAL, VF_DATE,
		                    "date invalide « %s » (attendu AAAA-MM-JJ, une date réelle)",
		                    v->date);
	if (!time_parse(v->time, hhmm) || strcmp(hhmm, v->time) != 0)
		return cn_err_field(err, CN_EINVAL, VF_TIME, "heure invalide « %s » (attendu HH:MM)",
		                    v->time);
	if (v->duration < DURATION_MIN || v->duration > DURATION_MAX)
		return cn_err_field(err, CN_EINVAL, VF_DURATION,
		                    "durée invalide (%d) : de %d à %d minutes", v->duration,
		                    DURATION_MIN, DURATION_MAX);
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
	if ((rc = check_codes(ls, L_DEMANDE, VF_DEMANDS, &v->demands,
	                      prev ? &prev->demands : NULL, foreign, err)) ||
	    (rc = check_codes(ls, L_ORGANISME, VF_ORGANISMS, &v->organisms,
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
	if ((rc = check_text(v->referred_place, PLACE_MAX_CHARS, VF_REFERRED_PLACE, err)) ||
	    (rc = check_text(v->note, NOTE_MAX_CHARS, VF_NOTE, err)))
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
