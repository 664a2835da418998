/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/rules.h"
#include "carnet/model/text.h"
#include "carnet/model/workshop.h"

static const struct {
	const char *label;
	int list;
} fields[WF_COUNT] = {
	[WF_ID] = {"identifiant", -1},
	[WF_DATE] = {"date", -1},
	[WF_TIME] = {"heure", -1},
	[WF_DURATION] = {"durée", -1},
	[WF_SITE] = {"site", L_SITE},
	[WF_MEDIATORS] = {"médiateurs", L_MEDIATEUR},
	[WF_TITLE] = {"titre", -1},
	[WF_THEMES] = {"thèmes", L_THEME_ATELIER},
	[WF_LEVEL] = {"niveau", L_NIVEAU_ATELIER},
	[WF_PLACE] = {"lieu", L_LIEU_ATELIER},
	[WF_REGISTERED] = {"inscrits", -1},
	[WF_PARTICIPANTS] = {"participants", -1},
	[WF_ANONYMOUS] = {"anonymes", -1},
	[WF_ANON_GENDER] = {"anonymes par genre", L_GENRE},
	[WF_ANON_AGE] = {"anonymes par tranche d'âge", L_TRANCHE_AGE},
	[WF_ANON_SITUATION] = {"anonymes par situation", L_SITUATION},
	[WF_EQUIPMENT] = {"matériel", L_MATERIEL},
	[WF_NOTE] = {"note", -1},
};

void workshop_init(struct workshop *w)
{
	memset(w, 0, sizeof *w);
	w->registered = -1;
}

const char *workshop_field_label(enum workshop_field f)
{
	return f >= 0 && f < WF_COUNT ? fields[f].label : "";
}

int workshop_field_list(enum workshop_field f)
{
	return f >= 0 && f < WF_COUNT ? fields[f].list : -1;
}

int workshop_present(const struct workshop *w)
{
	int n = w->anonymous;

	for (int i = 0; i < w->nparticipants; i++)
		n += w->participants[i].present;
	return n;
}

struct participant *workshop_participant(struct workshop *w, const char *code)
{
	for (int i = 0; i < w->nparticipants; i++)
		if (strcmp(w->participants[i].code, code) == 0)
			return &w->participants[i];
	return NULL;
}

int workshop_add_participant(struct workshop *w, const char *code, bool present,
                             struct cn_err *err)
{
	char norm[PCODE_MAX];
	struct participant *p;

	if (!person_code_normalize(code, norm))
		return cn_err_field(err, CN_EINVAL, WF_PARTICIPANTS,
		                    "code usager invalide « %s » (4 à 16 lettres ou chiffres)", code);
	if ((p = workshop_participant(w, norm))) {
		p->present = present;
		return CN_OK;
	}
	if (w->nparticipants >= PARTICIPANTS_MAX)
		return cn_err_field(err, CN_EINVAL, WF_PARTICIPANTS,
		                    "trop de participants avec un code (%d au plus ; les autres se "
		                    "comptent en anonymes)",
		                    PARTICIPANTS_MAX);
	p = &w->participants[w->nparticipants++];
	memcpy(p->code, norm, sizeof p->code);
	p->present = present;
	return CN_OK;
}

void workshop_remove_participant(struct workshop *w, const char *code)
{
	struct participant *p = workshop_participant(w, code);

	if (!p)
		return;
	memmove(p, p + 1, (size_t)(w->participants + w->nparticipants - (p + 1)) * sizeof *p);
	w->nparticipants--;
}

void participants_format(const struct workshop *w, const char *sep, char *out, size_t size)
{
	size_t used = 0;

	if (size)
		out[0] = '\0';
	for (int i = 0; i < w->nparticipants && used < size; i++) {
		int n = snprintf(out + used, size - used, "%s%s%s", i ? sep : "", w->participants[i].code,
		                 w->participants[i].present ? "" : ":absent");
		used += n > 0 ? (size_t)n : 0;
	}
}

/* Splits text on '|' or ',' and calls fn on each trimmed, non-empty item. */
static int each_item(const char *text, int (*fn)(void *ctx, char *item, struct cn_err *err),
                     void *ctx, struct cn_err *err)
{
	char *copy = strdup(text), *p, *next;
	int rc = CN_OK;

	if (!copy)
		return cn_err_set(err, CN_EINVAL, "mémoire insuffisante");
	for (p = copy; p && rc == CN_OK; p = next) {
		next = strpbrk(p, "|,");
		if (next)
			*next++ = '\0';
		p = text_trim(p);
		if (*p)
			rc = fn(ctx, p, err);
	}
	free(copy);
	return rc;
}

static int one_participant(void *ctx, char *item, struct cn_err *err)
{
	struct workshop *w = ctx;
	char *colon = strchr(item, ':'), norm[PCODE_MAX];
	bool present = true;

	if (colon) {
		*colon++ = '\0';
		colon = text_trim(colon);
		if (strcmp(colon, "absent") == 0 || strcmp(colon, "absente") == 0)
			present = false;
		else if (strcmp(colon, "present") != 0 && strcmp(colon, "présent") != 0 &&
		         strcmp(colon, "présente") != 0)
			return cn_err_field(err, CN_EINVAL, WF_PARTICIPANTS,
			                    "présence invalide « %s » pour « %s » (attendu absent, ou rien "
			                    "pour présent)",
			                    colon, text_trim(item));
	}
	item = text_trim(item);
	/* The same code in another letter case is the same person. */
	if (person_code_normalize(item, norm) && workshop_participant(w, norm))
		return cn_err_field(err, CN_EINVAL, WF_PARTICIPANTS, "participant « %s » en double",
		                    norm);
	return workshop_add_participant(w, item, present, err);
}

int participants_parse(struct workshop *w, const char *text, struct cn_err *err)
{
	w->nparticipants = 0;
	return each_item(text, one_participant, w, err);
}

static int one_tally(void *ctx, char *item, struct cn_err *err)
{
	struct tally *t = ctx;
	char *eq = strchr(item, '='), code[CODE_MAX], *end;
	long n;

	if (!eq)
		return cn_err_set(err, CN_EINVAL, "« %s » : attendu code=nombre (femme=3)", item);
	*eq++ = '\0';
	n = strtol(text_trim(eq), &end, 10);
	if (!code_normalize(text_trim(item), code))
		return cn_err_set(err, CN_EINVAL, "code invalide « %s »", text_trim(item));
	if (end == text_trim(eq) || *end || n < 1 || n > ATTENDEES_MAX)
		return cn_err_set(err, CN_EINVAL, "nombre invalide « %s » pour %s (de 1 à %d)", eq, code,
		                  ATTENDEES_MAX);
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->e[i].code, code) == 0)
			return cn_err_set(err, CN_EINVAL, "« %s » compté deux fois", code);
	if (t->n >= CODESET_MAX)
		return cn_err_set(err, CN_EINVAL, "trop de valeurs (%d au plus)", CODESET_MAX);
	memcpy(t->e[t->n].code, code, CODE_MAX);
	t->e[t->n++].count = (int)n;
	return CN_OK;
}

int tally_parse(struct tally *t, const char *text, struct cn_err *err)
{
	memset(t, 0, sizeof *t);
	return each_item(text, one_tally, t, err);
}

void tally_format(const struct tally *t, const char *sep, char *out, size_t size)
{
	size_t used = 0;

	if (size)
		out[0] = '\0';
	for (int i = 0; i < t->n && used < size; i++) {
		int n = snprintf(out + used, size - used, "%s%s=%d", i ? sep : "", t->e[i].code,
		                 t->e[i].count);
		used += n > 0 ? (size_t)n : 0;
	}
}

int tally_sum(const struct tally *t)
{
	int n = 0;

	for (int i = 0; i < t->n; i++)
		n += t->e[i].count;
	return n;
}

int tally_count(const struct tally *t, const char *code)
{
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->e[i].code, code) == 0)
			return t->e[i].count;
	return 0;
}

int tally_add(struct tally *t, const char *code, int delta)
{
	int i = 0;

	while (i < t->n && strcmp(t->e[i].code, code) != 0)
		i++;
	if (i == t->n) {
		if (delta <= 0 || t->n >= CODESET_MAX || strlen(code) >= CODE_MAX)
			return 0;
		memcpy(t->e[t->n].code, code, strlen(code) + 1);
		t->e[t->n++].count = 0;
	}
	t->e[i].count += delta;
	if (t->e[i].count > ATTENDEES_MAX)
		t->e[i].count = ATTENDEES_MAX;
	if (t->e[i].count > 0)
		return t->e[i].count;
	/* Counted no more: the code leaves the tally. */
	memmove(&t->e[i], &t->e[i + 1], sizeof t->e[0] * (size_t)(t->n - i - 1));
	t->n--;
	return 0;
}

static int check_code(const struct lists *ls, enum workshop_field f, const char *code,
                      const char *prev, bool required, struct unknown_codes *foreign,
                      struct cn_err *err)
{
	return rule_code(ls, (enum list_id)fields[f].list, (int)f, fields[f].label, code, prev,
	                 required, foreign, err);
}

static int check_tally(const struct lists *ls, enum workshop_field f, const struct tally *t,
                       const struct tally *prev, int anonymous, struct unknown_codes *foreign,
                       struct cn_err *err)
{
	for (int i = 0; i < t->n; i++) {
		bool kept = prev && tally_count(prev, t->e[i].code) > 0;
		if (lists_check_by(ls, (enum list_id)fields[f].list, t->e[i].code, kept, foreign, err) !=
		    CN_OK) {
			err->field = f;
			return CN_EINVAL;
		}
	}
	if (tally_sum(t) > anonymous)
		return cn_err_field(err, CN_EINVAL, f,
		                    "%s : %d en tout, plus que les %d anonymes de l'atelier",
		                    fields[f].label, tally_sum(t), anonymous);
	return CN_OK;
}

static int validate(const struct workshop *w, const struct workshop *prev,
                    const struct lists *ls, struct unknown_codes *foreign, struct cn_err *err)
{
	int rc;

#define PREV(field) (prev ? prev->field : NULL)
	if ((rc = rule_date(w->date, WF_DATE, err)) || (rc = rule_time(w->time, WF_TIME, err)) ||
	    (rc = rule_minutes(w->duration, DURATION_MIN, WORKSHOP_DURATION_MAX, WF_DURATION, err)) ||
	    (rc = check_code(ls, WF_SITE, w->site, PREV(site), true, foreign, err)) ||
	    (rc = rule_codes(ls, L_MEDIATEUR, WF_MEDIATORS, &w->mediators,
	                     prev ? &prev->mediators : NULL, foreign, err)))
		return rc;
	if (w->themes.n == 0) {
		char accepted[512];
		lists_accepted(ls, L_THEME_ATELIER, accepted, sizeof accepted);
		return cn_err_field(err, CN_EINVAL, WF_THEMES,
		                    "au moins un thème est obligatoire. Valeurs acceptées : %s",
		                    accepted);
	}
	if ((rc = rule_codes(ls, L_THEME_ATELIER, WF_THEMES, &w->themes, prev ? &prev->themes : NULL,
	                     foreign, err)) ||
	    (rc = check_code(ls, WF_LEVEL, w->level, PREV(level), false, foreign, err)) ||
	    (rc = check_code(ls, WF_PLACE, w->place, PREV(place), false, foreign, err)) ||
	    (rc = rule_codes(ls, L_MATERIEL, WF_EQUIPMENT, &w->equipment,
	                     prev ? &prev->equipment : NULL, foreign, err)))
		return rc;
#undef PREV
	if (w->equipment.n > 1 && codeset_has(&w->equipment, "aucun"))
		return cn_err_field(err, CN_EINVAL, WF_EQUIPMENT,
		                    "« aucun » ne se combine pas avec un autre matériel");
	if (w->registered < -1 || w->registered > ATTENDEES_MAX)
		return cn_err_field(err, CN_EINVAL, WF_REGISTERED,
		                    "nombre d'inscrits invalide (%d) : de 0 à %d", w->registered,
		                    ATTENDEES_MAX);
	if (w->anonymous < 0 || w->anonymous > ATTENDEES_MAX)
		return cn_err_field(err, CN_EINVAL, WF_ANONYMOUS,
		                    "nombre d'anonymes invalide (%d) : de 0 à %d", w->anonymous,
		                    ATTENDEES_MAX);
	if (w->nparticipants < 0 || w->nparticipants > PARTICIPANTS_MAX)
		return cn_err_field(err, CN_EINVAL, WF_PARTICIPANTS, "trop de participants");
	for (int i = 0; i < w->nparticipants; i++) {
		char code[PCODE_MAX];
		if (!person_code_normalize(w->participants[i].code, code) ||
		    strcmp(code, w->participants[i].code))
			return cn_err_field(err, CN_EINVAL, WF_PARTICIPANTS,
			                    "code usager invalide « %s » (4 à 16 lettres ou chiffres)",
			                    w->participants[i].code);
		for (int k = 0; k < i; k++)
			if (strcmp(w->participants[k].code, code) == 0)
				return cn_err_field(err, CN_EINVAL, WF_PARTICIPANTS,
				                    "participant « %s » en double", code);
	}
	if ((rc = check_tally(ls, WF_ANON_GENDER, &w->anon_gender, prev ? &prev->anon_gender : NULL,
	                      w->anonymous, foreign, err)) ||
	    (rc = check_tally(ls, WF_ANON_AGE, &w->anon_age, prev ? &prev->anon_age : NULL,
	                      w->anonymous, foreign, err)) ||
	    (rc = check_tally(ls, WF_ANON_SITUATION, &w->anon_situation,
	                      prev ? &prev->anon_situation : NULL, w->anonymous, foreign, err)))
		return rc;
	if (workshop_present(w) == 0)
		return cn_err_field(err, CN_EINVAL, w->nparticipants ? WF_PARTICIPANTS : WF_ANONYMOUS,
		                    "aucun participant présent : un atelier compte au moins une "
		                    "personne (--participant CODE ou --anonymous N)");
	if ((rc = rule_text(w->title, TITLE_MAX_CHARS, WF_TITLE, err)) ||
	    (rc = rule_text(w->note, NOTE_MAX_CHARS, WF_NOTE, err)))
		return rc;
	return CN_OK;
}

int workshop_validate(const struct workshop *w, const struct workshop *prev,
                      const struct lists *ls, struct cn_err *err)
{
	return validate(w, prev, ls, NULL, err);
}

int workshop_validate_foreign(const struct workshop *w, const struct lists *ls,
                              struct unknown_codes *unknown, struct cn_err *err)
{
	return validate(w, NULL, ls, unknown, err);
}
