/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include "carnet/report/person_set.h"
#include "carnet/report/profile.h"
#include "carnet/report/report.h"

const int profile_lists[PROFILE_FIELDS] = {L_TRANCHE_AGE, L_GENRE, L_QUARTIER, L_SITUATION,
                                           L_EQUIPEMENT};

void profile_init(struct dist *out[PROFILE_FIELDS], const struct lists *ls, long total)
{
	for (int i = 0; i < PROFILE_FIELDS; i++) {
		dist_init(out[i], ls, profile_lists[i]);
		out[i]->total = total;
		dist_add(out[i], "", 0);
	}
}

/* Adds the profile of the row stmt is on (columns 0 to 4), n times. */
static int profile_add(sqlite3_stmt *stmt, struct dist *out[PROFILE_FIELDS], long n)
{
	struct codeset equipment;
	int ok = CN_OK;

	for (int i = 0; i < PROFILE_FIELDS - 1 && ok == CN_OK; i++)
		ok = dist_add(out[i], report_column_text(stmt, i), n);
	store_column_codes(stmt, 4, &equipment);
	if (!equipment.n && ok == CN_OK)
		ok = dist_add(out[PROFILE_FIELDS - 1], "", n);
	for (int k = 0; k < equipment.n && ok == CN_OK; k++)
		ok = dist_add(out[PROFILE_FIELDS - 1], equipment.v[k], n);
	return ok;
}

int profile_count_set(struct store *st, const struct person_set *s,
                      struct dist *out[PROFILE_FIELDS], struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
	                                   "SELECT p.age, p.gender, p.area, p.situation, p.equipment"
	                                   " FROM person p WHERE p.id = ?1",
	                                   err);
	int rc = SQLITE_DONE, ok = CN_OK;

	if (!stmt)
		return CN_EDB;
	for (size_t i = 0; i < s->n && ok == CN_OK; i++) {
		sqlite3_bind_text(stmt, 1, s->id[i], -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			ok = profile_add(stmt, out, 1);
			rc = sqlite3_step(stmt);
		}
		if (rc != SQLITE_DONE)
			break;
		sqlite3_reset(stmt);
	}
	return report_query_done(st, stmt, rc, ok, err);
}

int profile_count(struct store *st, const char *table, struct dist *out[PROFILE_FIELDS],
                  struct cn_err *err)
{
	char sql[256];
	sqlite3_stmt *stmt;
	int rc = SQLITE_DONE, ok = CN_OK;

	snprintf(sql, sizeof sql,
	         "SELECT p.age, p.gender, p.area, p.situation, p.equipment, count(*)"
	         " FROM %s t CROSS JOIN person p ON p.id = t.id GROUP BY 1, 2, 3, 4, 5",
	         table);
	if (!(stmt = store_prepare(st, sql, err)))
		return CN_EDB;
	while (ok == CN_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		ok = profile_add(stmt, out, (long)sqlite3_column_int64(stmt, 5));
	}
	return report_query_done(st, stmt, rc, ok, err);
}

void profile_finish(struct dist *out[PROFILE_FIELDS], const struct lists *ls)
{
	for (int i = 0; i < PROFILE_FIELDS; i++)
		dist_sort(out[i], ls->l[profile_lists[i]].n, NULL, NULL);
}
