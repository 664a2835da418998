/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/report/referral.h"

/* The row of code in c (made, with a dist of orientation_suite, when new):
 * its index, or -1 when out of memory. */
static int cross_row(struct cross *c, const struct lists *ls, const char *code)
{
	void *more;

	for (int i = 0; i < c->n; i++)
		if (strcmp(c->code[i], code) == 0)
			return i;
	if (!(more = realloc(c->code, (size_t)(c->n + 1) * sizeof *c->code)))
		return -1;
	c->code = more;
	if (!(more = realloc(c->row, (size_t)(c->n + 1) * sizeof *c->row)))
		return -1;
	c->row = more;
	memset(c->code[c->n], 0, CODE_MAX);
	strncpy(c->code[c->n], code, CODE_MAX - 1);
	dist_init(&c->row[c->n], ls, L_ORIENTATION_SUITE);
	return c->n++;
}

static int cross_add(struct cross *c, const struct lists *ls, const char *row, const char *went,
                     long n)
{
	int i = cross_row(c, ls, row);

	if (i < 0 || dist_add(&c->row[i], went, n) != CN_OK)
		return CN_EDB;
	c->row[i].total += n;
	return CN_OK;
}

/* The rows in the order of their list (every code of it first, with its
 * row even when empty), then the codes it does not know, in order. */
static int cross_order(struct cross *c, const struct lists *ls, enum list_id id)
{
	struct cross sorted = {0};
	const struct vlist *vl = &ls->l[id];
	int rc = CN_OK;

	for (int k = 0; k < vl->n && rc == CN_OK; k++)
		if (cross_row(&sorted, ls, vl->e[k].code) < 0)
			rc = CN_EDB;
	for (int pass = 0; pass < 2 && rc == CN_OK; pass++)
		for (int i = 0; i < c->n && rc == CN_OK; i++) {
			bool known = vlist_find(vl, c->code[i]) != NULL;
			if (known != (pass == 0))
				continue;
			int j = cross_row(&sorted, ls, c->code[i]);
			if (j < 0) {
				rc = CN_EDB;
				break;
			}
			dist_free(&sorted.row[j]);
			sorted.row[j] = c->row[i];
			memset(&c->row[i], 0, sizeof c->row[i]);
		}
	for (int i = 0; i < c->n; i++)
		dist_free(&c->row[i]);
	free(c->code);
	free(c->row);
	*c = sorted;
	if (rc == CN_OK)
		for (int i = 0; i < c->n; i++)
			dist_sort(&c->row[i], ls->l[L_ORIENTATION_SUITE].n, NULL, NULL);
	return rc;
}

int referral_compute(struct store *st, const struct lists *ls, struct report *r,
                     struct cn_err *err)
{
	sqlite3_stmt *stmt = report_prepare_period(
		st,
		"SELECT v.referred_to, coalesce(v.referral_how, ''), coalesce(v.referral_went, ''),"
		" count(*) FROM visit v WHERE " REPORT_IN_PERIOD
		" AND coalesce(v.referred_to, '') <> '' GROUP BY 1, 2, 3",
		&r->f, err);
	int rc, ok = CN_OK;

	dist_init(&r->referral_how, ls, L_ORIENTATION_MODE);
	dist_init(&r->referral_went, ls, L_ORIENTATION_SUITE);
	if (!stmt)
		return CN_EDB;
	while (ok == CN_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *to = report_column_text(stmt, 0), *how = report_column_text(stmt, 1),
		           *went = report_column_text(stmt, 2);
		long n = sqlite3_column_int64(stmt, 3);

		ok = dist_add(&r->referral_how, how, n);
		r->referral_how.total += n;
		if (ok != CN_OK || !went[0])
			continue;
		r->referrals_answered += n;
		r->referral_went.total += n;
		if ((ok = dist_add(&r->referral_went, went, n)) == CN_OK &&
		    (ok = cross_add(&r->went_by_to, ls, to, went, n)) == CN_OK && how[0])
			ok = cross_add(&r->went_by_how, ls, how, went, n);
	}
	if ((rc = report_query_done(st, stmt, rc, ok, err)) != CN_OK)
		return rc;
	dist_sort(&r->referral_how, ls->l[L_ORIENTATION_MODE].n, NULL, NULL);
	dist_sort(&r->referral_went, ls->l[L_ORIENTATION_SUITE].n, NULL, NULL);
	if ((rc = cross_order(&r->went_by_to, ls, L_ORIENTE_VERS)) != CN_OK ||
	    (rc = cross_order(&r->went_by_how, ls, L_ORIENTATION_MODE)) != CN_OK)
		return cn_err_set(err, rc, "mémoire insuffisante");
	return CN_OK;
}
