/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/lists.h"

static const struct {
	const char *section;
	const char *title;
} list_names[L_COUNT] = {
	[L_POSTURE] = {"posture", "Posture"},
	[L_CANAL] = {"canal", "Canal"},
	[L_DEMANDE] = {"demande", "Demande"},
	[L_ORGANISME] = {"organisme", "Organisme"},
	[L_ISSUE] = {"issue", "Issue"},
	[L_ORIENTE_PAR] = {"oriente_par", "Orienté par"},
	[L_ORIENTE_VERS] = {"oriente_vers", "Orienté vers"},
	[L_TRANCHE_AGE] = {"tranche_age", "Tranche d'âge"},
	[L_GENRE] = {"genre", "Genre"},
	[L_QUARTIER] = {"quartier", "Commune ou quartier"},
	[L_SITUATION] = {"situation", "Situation"},
	[L_EQUIPEMENT] = {"equipement", "Équipement à domicile"},
	[L_SITE] = {"site", "Site"},
	[L_MEDIATEUR] = {"mediateur", "Médiateur"},
	[L_THEME_ATELIER] = {"theme_atelier", "Thème d'atelier"},
	[L_NIVEAU_ATELIER] = {"niveau_atelier", "Niveau d'atelier"},
	[L_LIEU_ATELIER] = {"lieu_atelier", "Lieu d'atelier"},
	[L_MATERIEL] = {"materiel", "Matériel utilisé en atelier"},
	[L_TEMPS] = {"temps", "Temps hors accompagnement"},
	[L_ORIENTATION_MODE] = {"orientation_mode", "Façon d'orienter"},
	[L_ORIENTATION_SUITE] = {"orientation_suite", "Suite de l'orientation"},
};

const char *list_section(enum list_id id)
{
	return list_names[id].section;
}

const char *list_title(enum list_id id)
{
	return list_names[id].title;
}

int list_by_section(const char *name)
{
	for (int i = 0; i < L_COUNT; i++)
		if (strcmp(list_names[i].section, name) == 0)
			return i;
	return -1;
}

void lists_init(struct lists *ls)
{
	memset(ls, 0, sizeof *ls);
}

void lists_free(struct lists *ls)
{
	for (int i = 0; i < L_COUNT; i++) {
		for (int k = 0; k < ls->l[i].n; k++)
			free(ls->l[i].e[k].label);
		free(ls->l[i].e);
	}
	memset(ls, 0, sizeof *ls);
}

const struct list_entry *vlist_find(const struct vlist *vl, const char *code)
{
	for (int i = 0; i < vl->n; i++)
		if (strcmp(vl->e[i].code, code) == 0)
			return &vl->e[i];
	return NULL;
}

int vlist_set(struct vlist *vl, const char *code, const char *label)
{
	struct list_entry *e = (struct list_entry *)vlist_find(vl, code);
	char *copy;

	if (strlen(code) >= CODE_MAX)
		return CN_EINVAL;
	copy = strdup(label);
	if (!copy)
		return CN_EINVAL;
	if (e) {
		free(e->label);
		e->label = copy;
		return CN_OK;
	}
	if (vl->n == vl->cap) {
		int cap = vl->cap ? vl->cap * 2 : 16;
		struct list_entry *grown = realloc(vl->e, (size_t)cap * sizeof *grown);
		if (!grown) {
			free(copy);
			return CN_EINVAL;
		}
		vl->e = grown;
		vl->cap = cap;
	}
	e = &vl->e[vl->n++];
	strcpy(e->code, code);
	e->label = copy;
	e->retired = false;
	return CN_OK;
}

int vlist_active_count(const struct vlist *vl)
{
	int n = 0;
	for (int i = 0; i < vl->n; i++)
		n += !vl->e[i].retired;
	return n;
}

const char *lists_label(const struct lists *ls, enum list_id id, const char *code)
{
	const struct list_entry *e = vlist_find(&ls->l[id], code);
	return e ? e->label : code;
}

void lists_accepted(const struct lists *ls, enum list_id id, char *out, size_t size)
{
	const struct vlist *vl = &ls->l[id];
	size_t used = 0;

	if (size == 0)
		return;
	out[0] = '\0';
	for (int i = 0; i < vl->n; i++) {
		int k;
		if (vl->e[i].retired)
			continue;
		k = snprintf(out + used, size - used, "%s%s", used ? ", " : "", vl->e[i].code);
		if (k < 0 || (size_t)k >= size - used) {
			/* Keep the message readable when a list is huge. */
			if (size > 5)
				strcpy(out + size - 5, "…");
			return;
		}
		used += (size_t)k;
	}
	if (used == 0)
		snprintf(out, size, "aucune (à définir dans la section [%s] de carnet.ini)",
		         list_section(id));
}

int lists_check(const struct lists *ls, enum list_id id, const char *code, bool kept,
                struct cn_err *err)
{
	const struct list_entry *e = vlist_find(&ls->l[id], code);
	char accepted[512];

	if (e && (!e->retired || kept))
		return CN_OK;
	lists_accepted(ls, id, accepted, sizeof accepted);
	if (e)
		return cn_err_set(err, CN_EINVAL,
		                  "code retiré « %s », plus proposé pour les nouvelles saisies. "
		                  "Valeurs acceptées : %s",
		                  code, accepted);
	return cn_err_set(err, CN_EINVAL, "code inconnu « %s ». Valeurs acceptées : %s", code,
	                  accepted);
}

int lists_check_foreign(const struct lists *ls, enum list_id id, const char *code,
                        struct unknown_codes *u, struct cn_err *err)
{
	char normal[CODE_MAX];

	if (vlist_find(&ls->l[id], code))
		return CN_OK;
	if (!code_normalize(code, normal) || strcmp(normal, code) != 0)
		return cn_err_set(err, CN_EINVAL,
		                  "code invalide « %s » (lettres minuscules sans accent, chiffres, _ ou"
		                  " -, 31 au plus)",
		                  code);
	for (int i = 0; i < u->n; i++)
		if (u->e[i].list == id && strcmp(u->e[i].code, code) == 0)
			return CN_OK;
	if (u->n == UNKNOWN_MAX) {
		u->more = true;
		return CN_OK;
	}
	u->e[u->n].list = id;
	snprintf(u->e[u->n++].code, CODE_MAX, "%s", code);
	return CN_OK;
}

int lists_check_by(const struct lists *ls, enum list_id id, const char *code, bool kept,
                   struct unknown_codes *foreign, struct cn_err *err)
{
	return foreign ? lists_check_foreign(ls, id, code, foreign, err)
	               : lists_check(ls, id, code, kept, err);
}

void unknown_codes_format(const struct unknown_codes *u, char *out, size_t size)
{
	size_t used = 0;

	if (size)
		out[0] = '\0';
	for (int i = 0; i < u->n && used < size; i++) {
		int k = snprintf(out + used, size - used, "%s%s %s", i ? ", " : "",
		                 list_section(u->e[i].list), u->e[i].code);
		if (k < 0)
			break;
		used += (size_t)k;
	}
	if (u->more && used < size)
		snprintf(out + used, size - used, "…");
}
