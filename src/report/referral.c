/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/report/referral.h"
#include "carnet/report/referral_place.h"

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

static unsigned long hash_texts(const char *const text[4])
{
	unsigned long h = 2166136261u;

	for (int k = 0; k < 4; k++) {
		for (const unsigned char *p = (const unsigned char *)text[k]; *p; p++)
			h = (h ^ *p) * 16777619u;
		h = (h ^ 0xffu) * 16777619u;
	}
	return h;
}

static bool same_group(const struct referral_group *g, const char *const text[4])
{
	for (int k = 0; k < 4; k++)
		if (strcmp(g->text[k], text[k]) != 0)
			return false;
	return true;
}

/* Doubles the hash (then holding at most half its slots). */
static int rehash(struct referral_groups *gs)
{
	int slots = gs->slots ? gs->slots * 2 : 64;
	int *slot = calloc((size_t)slots, sizeof *slot);

	if (!slot)
		return CN_EDB;
	for (int i = 0; i < gs->n; i++) {
		unsigned long h = hash_texts((const char *const *)gs->g[i].text);
		while (slot[h % (unsigned long)slots])
			h++;
		slot[h % (unsigned long)slots] = i + 1;
	}
	free(gs->slot);
	gs->slot = slot;
	gs->slots = slots;
	return CN_OK;
}

int referral_count(struct referral_groups *gs, const char *dest, const char *how,
                   const char *went, const char *place)
{
	const char *const text[4] = {dest, how, went, place};
	struct referral_group *g;
	unsigned long h;
	void *more;

	if ((gs->n + 1) * 2 > gs->slots && rehash(gs) != CN_OK)
		return CN_EDB;
	for (h = hash_texts(text); gs->slot[h % (unsigned long)gs->slots]; h++) {
		g = &gs->g[gs->slot[h % (unsigned long)gs->slots] - 1];
		if (same_group(g, text)) {
			g->n++;
			return CN_OK;
		}
	}
	if (!(more = realloc(gs->g, sizeof *gs->g * (size_t)(gs->n + 1))))
		return CN_EDB;
	gs->g = more;
	g = &gs->g[gs->n];
	memset(g, 0, sizeof *g);
	for (int k = 0; k < 4; k++) {
		size_t len = strlen(text[k]) + 1;
		if (!(g->text[k] = malloc(len))) {
			for (int j = 0; j < k; j++)
				free(g->text[j]);
			return CN_EDB;
		}
		memcpy(g->text[k], text[k], len);
	}
	g->n = 1;
	gs->slot[h % (unsigned long)gs->slots] = ++gs->n;
	return CN_OK;
}

void referral_groups_free(struct referral_groups *gs)
{
	for (int i = 0; i < gs->n; i++)
		for (int k = 0; k < 4; k++)
			free(gs->g[i].text[k]);
	free(gs->g);
	free(gs->slot);
	memset(gs, 0, sizeof *gs);
}

/* The groups in temp.rrg, for the directory's join. */
static int groups_table(struct store *st, const struct referral_groups *gs, struct cn_err *err)
{
	sqlite3_stmt *stmt;
	int rc = SQLITE_DONE;

	sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.rrg", NULL, NULL, NULL);
	if (sqlite3_exec(store_db(st),
	                 "CREATE TEMP TABLE rrg (dest TEXT, how TEXT, went TEXT, place TEXT,"
	                 " n INTEGER)",
	                 NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "calcul du bilan impossible");
	if (!(stmt = store_prepare(st, "INSERT INTO temp.rrg VALUES (?1, ?2, ?3, ?4, ?5)", err)))
		return CN_EDB;
	for (int i = 0; i < gs->n && rc == SQLITE_DONE; i++) {
		for (int k = 0; k < 4; k++)
			sqlite3_bind_text(stmt, k + 1, gs->g[i].text[k], -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 5, gs->g[i].n);
		rc = sqlite3_step(stmt);
		sqlite3_reset(stmt);
	}
	return report_query_done(st, stmt, rc, CN_OK, err);
}

int referral_compute(struct store *st, const struct lists *ls, struct report *r,
                     const struct referral_groups *gs, struct cn_err *err)
{
	/* Grouped first, then joined to the directory: one look-up for each
	 * place, not for each visit; a place's rows one after the other. The
	 * groups go through the same grouping and order as when this query
	 * read the visits themselves. */
	sqlite3_stmt *stmt = NULL;
	struct place_tally places;
	int rc, ok = CN_OK;

	dist_init(&r->referral_how, ls, L_ORIENTATION_MODE);
	dist_init(&r->referral_went, ls, L_ORIENTATION_SUITE);
	place_tally_init(&places, ls);
	if (groups_table(st, gs, err) == CN_OK)
		stmt = store_prepare(
			st,
			"SELECT g.dest, g.how, g.went, g.n, g.place, p.uid IS NOT NULL,"
			" coalesce(p.nom, ''), coalesce(p.commune, '') FROM (SELECT dest, how, went,"
			" place, sum(n) AS n FROM temp.rrg GROUP BY 1, 2, 3, 4) g"
			" LEFT JOIN place p ON p.uid = g.place ORDER BY g.place",
			err);
	if (!stmt) {
		sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.rrg", NULL, NULL, NULL);
		place_tally_free(&places);
		return CN_EDB;
	}
	while (ok == CN_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *to = report_column_text(stmt, 0), *how = report_column_text(stmt, 1),
		           *went = report_column_text(stmt, 2);
		long n = sqlite3_column_int64(stmt, 3);

		if ((ok = place_tally_add(&places, report_column_text(stmt, 4),
		                          sqlite3_column_int(stmt, 5) != 0,
		                          report_column_text(stmt, 6), report_column_text(stmt, 7),
		                          went, n)) != CN_OK ||
		    (ok = dist_add(&r->referral_how, how, n)) != CN_OK)
			break;
		r->referral_how.total += n;
		if (!went[0])
			continue;
		r->referrals_answered += n;
		r->referral_went.total += n;
		if ((ok = dist_add(&r->referral_went, went, n)) == CN_OK &&
		    (ok = cross_add(&r->went_by_to, ls, to, went, n)) == CN_OK && how[0])
			ok = cross_add(&r->went_by_how, ls, how, went, n);
	}
	rc = report_query_done(st, stmt, rc, ok, err);
	sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.rrg", NULL, NULL, NULL);
	if (rc != CN_OK) {
		place_tally_free(&places);
		return rc;
	}
	dist_sort(&r->referral_how, ls->l[L_ORIENTATION_MODE].n, NULL, NULL);
	dist_sort(&r->referral_went, ls->l[L_ORIENTATION_SUITE].n, NULL, NULL);
	if ((rc = place_tally_finish(&places, &r->places, report_referrals(r))) != CN_OK ||
	    (rc = cross_order(&r->went_by_to, ls, L_ORIENTE_VERS)) != CN_OK ||
	    (rc = cross_order(&r->went_by_how, ls, L_ORIENTATION_MODE)) != CN_OK)
		return cn_err_set(err, rc, "mémoire insuffisante");
	return CN_OK;
}
