/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/model/clock.h"
#include "carnet/model/rules.h"
#include "carnet/model/text.h"

int rule_code(const struct lists *ls, enum list_id id, int field, const char *label,
              const char *code, const char *prev_code, bool required,
              struct unknown_codes *foreign, struct cn_err *err)
{
	if (!code[0]) {
		char accepted[512];
		if (!required)
			return CN_OK;
		lists_accepted(ls, id, accepted, sizeof accepted);
		return cn_err_field(err, CN_EINVAL, field, "%s obligatoire. Valeurs acceptées : %s",
		                    label, accepted);
	}
	if (lists_check_by(ls, id, code, prev_code && strcmp(prev_code, code) == 0, foreign, err) !=
	    CN_OK) {
		err->field = field;
		return CN_EINVAL;
	}
	return CN_OK;
}

int rule_codes(const struct lists *ls, enum list_id id, int field, const struct codeset *set,
               const struct codeset *prev, struct unknown_codes *foreign, struct cn_err *err)
{
	for (int i = 0; i < set->n; i++) {
		if (lists_check_by(ls, id, set->v[i], prev && codeset_has(prev, set->v[i]), foreign,
		                   err) != CN_OK) {
			err->field = field;
			return CN_EINVAL;
		}
	}
	return CN_OK;
}

int rule_text(const char *s, size_t max, int field, struct cn_err *err)
{
	if (!utf8_valid(s, strlen(s)))
		return cn_err_field(err, CN_EINVAL, field, "texte invalide (UTF-8 attendu)");
	if (text_has_control(s))
		return cn_err_field(err, CN_EINVAL, field,
		                    "caractère de contrôle, invisible ou de sens d'écriture non accepté");
	if (utf8_length(s) > max)
		return cn_err_field(err, CN_EINVAL, field, "texte trop long (%zu caractères, %zu au plus)",
		                    utf8_length(s), max);
	return CN_OK;
}

int rule_date(const char *date, int field, struct cn_err *err)
{
	struct cn_date d;

	if (!date_parse(date, &d))
		return cn_err_field(err, CN_EINVAL, field,
		                    "date invalide « %s » (attendu AAAA-MM-JJ, une date réelle)", date);
	return CN_OK;
}

int rule_time(const char *time, int field, struct cn_err *err)
{
	char hhmm[HHMM_LEN];

	if (!time_parse(time, hhmm) || strcmp(hhmm, time) != 0)
		return cn_err_field(err, CN_EINVAL, field, "heure invalide « %s » (attendu HH:MM)", time);
	return CN_OK;
}

int rule_minutes(int minutes, int min, int max, int field, struct cn_err *err)
{
	if (minutes < min || minutes > max)
		return cn_err_field(err, CN_EINVAL, field, "durée invalide (%d) : de %d à %d minutes",
		                    minutes, min, max);
	return CN_OK;
}
