/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/report/referral_place.h"

static char *dup(const char *s)
{
	size_t len = strlen(s) + 1;
	char *d = malloc(len);

	if (d)
		memcpy(d, s, len);
	return d;
}

void place_tally_init(struct place_tally *t, const struct lists *ls)
{
	memset(t, 0, sizeof *t);
	t->ls = ls;
	dist_init(&t->unknown.went, ls, L_ORIENTATION_SUITE);
	dist_init(&t->none.went, ls, L_ORIENTATION_SUITE);
}

static void entry_free(struct place_entry *e)
{
	free(e->uid);
	free(e->nom);
	free(e->commune);
	dist_free(&e->went);
}

void place_tally_free(struct place_tally *t)
{
	for (int i = 0; i < t->n; i++)
		entry_free(&t->e[i]);
	free(t->e);
	entry_free(&t->unknown);
	entry_free(&t->none);
	memset(t, 0, sizeof *t);
}

static struct place_entry *entry_new(struct place_tally *t)
{
	struct place_entry *more = realloc(t->e, sizeof *more * (size_t)(t->n + 1));

	if (!more)
		return NULL;
	t->e = more;
	memset(&t->e[t->n], 0, sizeof t->e[t->n]);
	dist_init(&t->e[t->n].went, t->ls, L_ORIENTATION_SUITE);
	return &t->e[t->n++];
}

int place_tally_add(struct place_tally *t, const char *uid, bool known, const char *nom,
                    const char *commune, const char *went, long n)
{
	struct place_entry *e;

	if (!uid[0])
		e = &t->none;
	else if (!known)
		e = &t->unknown;
	else if (t->n && strcmp(t->e[t->n - 1].uid, uid) == 0)
		e = &t->e[t->n - 1];
	else if (!(e = entry_new(t)) || !(e->uid = dup(uid)) || !(e->nom = dup(nom)) ||
	         !(e->commune = dup(commune)))
		return CN_EDB;
	e->n += n;
	if (uid[0])
		t->placed += n;
	if (!went[0])
		return CN_OK;
	e->went.total += n;
	return dist_add(&e->went, went, n);
}

/* Most referred first, then by name, commune and uid. */
static int by_count(const void *a, const void *b)
{
	const struct place_entry *x = a, *y = b;
	int c;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if ((c = strcmp(x->nom, y->nom)) || (c = strcmp(x->commune, y->commune)))
		return c;
	return strcmp(x->uid, y->uid);
}

/* Adds a row to p: label (copied), the place's texts (taken, NULL for no
 * place), its count and follow-through (added to the row's). */
static int row_add(struct report_places *p, const struct lists *ls, const char *code,
                   const char *label, struct place_entry *e)
{
	int i = p->d.n;
	void *more;

	if (!(more = realloc(p->label, sizeof *p->label * (size_t)(i + 1))))
		return CN_EDB;
	p->label = more;
	if (!(more = realloc(p->uid, sizeof *p->uid * (size_t)(i + 1))))
		return CN_EDB;
	p->uid = more;
	if (!(more = realloc(p->nom, sizeof *p->nom * (size_t)(i + 1))))
		return CN_EDB;
	p->nom = more;
	if (!(more = realloc(p->commune, sizeof *p->commune * (size_t)(i + 1))))
		return CN_EDB;
	p->commune = more;
	if (!(more = realloc(p->went.row, sizeof *p->went.row * (size_t)(i + 1))))
		return CN_EDB;
	p->went.row = more;
	if (!(more = realloc(p->went.code, sizeof *p->went.code * (size_t)(i + 1))))
		return CN_EDB;
	p->went.code = more;
	p->label[i] = dup(label);
	p->uid[i] = e->uid;
	p->nom[i] = e->nom;
	p->commune[i] = e->commune;
	e->uid = e->nom = e->commune = NULL;
	dist_init(&p->went.row[i], ls, L_ORIENTATION_SUITE);
	snprintf(p->went.code[i], CODE_MAX, "%s", code);
	p->went.n = i + 1;
	if (!p->label[i] || dist_push(&p->d, code, e->n) < 0)
		return CN_EDB;
	for (int k = 0; k < e->went.n; k++)
		if (dist_add(&p->went.row[i], e->went.code[k], e->went.count[k]) != CN_OK)
			return CN_EDB;
	p->went.row[i].total = e->went.total;
	p->went.labels = (const char *const *)p->label;
	return CN_OK;
}

/* Adds `from` into `to` (the rows put together as « autres lieux »). */
static int entry_merge(struct place_entry *to, const struct place_entry *from)
{
	to->n += from->n;
	to->went.total += from->went.total;
	for (int k = 0; k < from->went.n; k++)
		if (dist_add(&to->went, from->went.code[k], from->went.count[k]) != CN_OK)
			return CN_EDB;
	return CN_OK;
}

/* The rows of p from the entries read: the places, the others together,
 * the unknown ones, the referrals without a place. */
static int rows_make(struct report_places *p, struct place_tally *t)
{
	const struct lists *ls = t->ls;
	struct place_entry others = {0};
	int rc = CN_OK, nplaces = 0;

	dist_init(&others.went, ls, L_ORIENTATION_SUITE);
	qsort(t->e, (size_t)t->n, sizeof *t->e, by_count);
	for (int i = 0; i < t->n && rc == CN_OK; i++) {
		struct place_entry *e = &t->e[i];
		char code[CODE_MAX], label[512];
		if (i >= REPORT_TOP_PLACES) {
			rc = entry_merge(&others, e);
			continue;
		}
		snprintf(code, sizeof code, "lieu_%d", ++nplaces);
		snprintf(label, sizeof label, e->commune[0] ? "%s (%s)" : "%s", e->nom, e->commune);
		rc = row_add(p, ls, code, label, e);
	}
	if (rc == CN_OK && others.n)
		rc = row_add(p, ls, "autres_lieux", "autres lieux", &others);
	if (rc == CN_OK && t->unknown.n)
		rc = row_add(p, ls, "lieu_inconnu", "lieu inconnu de cet annuaire", &t->unknown);
	if (rc == CN_OK && t->none.n)
		rc = row_add(p, ls, "sans_lieu", "sans lieu de l'annuaire", &t->none);
	dist_free(&others.went);
	return rc;
}

int place_tally_finish(struct place_tally *t, struct report_places *p, long referrals)
{
	int rc = CN_OK, known = t->ls->l[L_ORIENTATION_SUITE].n;

	p->placed = t->placed;
	p->d.total = referrals;
	/* Without any place, no row at all: the report stays as it was. */
	if (t->placed)
		rc = rows_make(p, t);
	place_tally_free(t);
	if (rc == CN_OK)
		for (int i = 0; i < p->went.n; i++)
			dist_sort(&p->went.row[i], known, NULL, NULL);
	return rc;
}

void referral_places_free(struct report_places *p)
{
	for (int i = 0; i < p->d.n || i < p->went.n; i++) {
		if (p->label)
			free(p->label[i]);
		if (p->uid) {
			free(p->uid[i]);
			free(p->nom[i]);
			free(p->commune[i]);
		}
		if (i < p->went.n)
			dist_free(&p->went.row[i]);
	}
	free(p->label);
	free(p->uid);
	free(p->nom);
	free(p->commune);
	free(p->went.row);
	free(p->went.code);
	dist_free(&p->d);
	memset(p, 0, sizeof *p);
}
