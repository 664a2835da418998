/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/report/referral_place.h"

/* One place (or the unknown ones together, or none) as read. */
struct entry {
	char *uid, *nom, *commune;  /* NULL for the rows that are no place */
	bool known;
	long n;
	struct dist went;
};

struct entries {
	int n;
	struct entry *e;
};

static char *dup(const char *s)
{
	size_t len = strlen(s) + 1;
	char *d = malloc(len);

	if (d)
		memcpy(d, s, len);
	return d;
}

static void entries_free(struct entries *es)
{
	for (int i = 0; i < es->n; i++) {
		free(es->e[i].uid);
		free(es->e[i].nom);
		free(es->e[i].commune);
		dist_free(&es->e[i].went);
	}
	free(es->e);
	memset(es, 0, sizeof *es);
}

static struct entry *entry_new(struct entries *es, const struct lists *ls)
{
	struct entry *more = realloc(es->e, sizeof *more * (size_t)(es->n + 1));

	if (!more)
		return NULL;
	es->e = more;
	memset(&es->e[es->n], 0, sizeof es->e[es->n]);
	dist_init(&es->e[es->n].went, ls, L_ORIENTATION_SUITE);
	return &es->e[es->n++];
}

/* Most referred first, then by name, commune and uid. */
static int by_count(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
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
                   const char *label, struct entry *e)
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
static int entry_merge(struct entry *to, const struct entry *from)
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
static int rows_make(struct report_places *p, const struct lists *ls, struct entries *es,
                     struct entry *unknown, struct entry *none)
{
	struct entry others = {0};
	int rc = CN_OK, nplaces = 0;

	dist_init(&others.went, ls, L_ORIENTATION_SUITE);
	qsort(es->e, (size_t)es->n, sizeof *es->e, by_count);
	for (int i = 0; i < es->n && rc == CN_OK; i++) {
		struct entry *e = &es->e[i];
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
	if (rc == CN_OK && unknown->n)
		rc = row_add(p, ls, "lieu_inconnu", "lieu inconnu de cet annuaire", unknown);
	if (rc == CN_OK && none->n)
		rc = row_add(p, ls, "sans_lieu", "sans lieu de l'annuaire", none);
	dist_free(&others.went);
	return rc;
}

int referral_places_compute(struct store *st, const struct lists *ls, struct report *r,
                            struct cn_err *err)
{
	/* Grouped first, then joined: one look-up in the directory for each
	 * place, not for each visit. */
	sqlite3_stmt *stmt = report_prepare_period(
		st,
		"SELECT g.place, p.uid IS NOT NULL, coalesce(p.nom, ''), coalesce(p.commune, ''),"
		" g.went, g.n FROM (SELECT coalesce(v.referral_place, '') AS place,"
		" coalesce(v.referral_went, '') AS went, count(*) AS n FROM visit v WHERE "
		REPORT_IN_PERIOD " AND coalesce(v.referred_to, '') <> '' GROUP BY 1, 2) g"
		" LEFT JOIN place p ON p.uid = g.place ORDER BY 1",
		&r->f, err);
	struct report_places *p = &r->places;
	struct entries es = {0};
	struct entry unknown = {0}, none = {0};
	int rc, ok = CN_OK;

	dist_init(&unknown.went, ls, L_ORIENTATION_SUITE);
	dist_init(&none.went, ls, L_ORIENTATION_SUITE);
	if (!stmt)
		return CN_EDB;
	while (ok == CN_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *uid = report_column_text(stmt, 0), *went = report_column_text(stmt, 4);
		long n = sqlite3_column_int64(stmt, 5);
		struct entry *e;

		if (!uid[0])
			e = &none;
		else if (!sqlite3_column_int(stmt, 1))
			e = &unknown;
		else if (es.n && strcmp(es.e[es.n - 1].uid, uid) == 0)
			e = &es.e[es.n - 1];
		else if ((e = entry_new(&es, ls)) &&
		         (!(e->uid = dup(uid)) || !(e->nom = dup(report_column_text(stmt, 2))) ||
		          !(e->commune = dup(report_column_text(stmt, 3)))))
			e = NULL;
		if (!e) {
			ok = CN_EDB;
			break;
		}
		e->n += n;
		if (uid[0])
			p->placed += n;
		if (went[0]) {
			e->went.total += n;
			ok = dist_add(&e->went, went, n);
		}
	}
	rc = report_query_done(st, stmt, rc, ok, err);
	p->d.total = report_referrals(r);
	/* Without any place, no row at all: the report stays as it was. */
	if (rc == CN_OK && p->placed && rows_make(p, ls, &es, &unknown, &none) != CN_OK)
		rc = cn_err_set(err, CN_EDB, "mémoire insuffisante");
	entries_free(&es);
	dist_free(&unknown.went);
	dist_free(&none.went);
	if (rc == CN_OK)
		for (int i = 0; i < p->went.n; i++)
			dist_sort(&p->went.row[i], ls->l[L_ORIENTATION_SUITE].n, NULL, NULL);
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
