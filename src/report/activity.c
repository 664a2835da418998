/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include "carnet/model/workshop.h"
#include "carnet/report/activity.h"
#include "carnet/report/profile.h"
#include "carnet/store/records.h"
#include "carnet/store/visit_store.h"

/* The workshops of the filter's dates and sites, not deleted, as a
 * condition on a workshop row aliased w (?1 to ?3); their mediators are
 * several codes in one column, matched in C (activity_led_count). */
#define WORKSHOP_PERIOD                                                                    \
	"(w.date >= ?1 AND w.date <= ?2 AND (?3 IS NULL OR instr(?3, ',' || w.site || ',') > 0)" \
	" AND w.deleted_at IS NULL)"

int activity_led_count(const struct codeset *mediators, const struct codeset *filter)
{
	int n = 0;

	if (!mediators->n)
		return !filter->n || codeset_has(filter, "") ? 1 : 0;
	if (!filter->n)
		return mediators->n;
	for (int i = 0; i < mediators->n; i++)
		n += codeset_has(filter, mediators->v[i]);
	return n;
}

static sqlite3_stmt *prepare_workshops(struct store *st, const char *sql, const char *from,
                                       const char *to, const struct codeset *sites,
                                       struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);

	if (!stmt)
		return NULL;
	sqlite3_bind_text(stmt, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, to, -1, SQLITE_TRANSIENT);
	records_bind_set(stmt, 3, sites);
	return stmt;
}


/* The anonymous attendees of a session by the codes of one profile list
 * ("femme=3|homme=2"), those not told as « non renseigné ». */
static int add_tally(struct dist *d, const char *text, long anonymous)
{
	struct tally t;
	struct cn_err err;
	long told = 0;

	/* What this carnet wrote reads back; anything else is not told. */
	if (!*text || tally_parse(&t, text, &err) != CN_OK)
		t.n = 0;
	for (int i = 0; i < t.n && told + t.e[i].count <= anonymous; i++) {
		if (dist_add(d, t.e[i].code, t.e[i].count) != CN_OK)
			return CN_EDB;
		told += t.e[i].count;
	}
	return dist_add(d, "", anonymous - told);
}

/* The workshops' own figures in one pass over them; each workshop of the
 * report goes into temp.rwk for the participants' pass. */
static int workshops_pass(struct store *st, struct report *r, long *led_minutes,
                          struct cn_err *err)
{
	struct report_workshops *ws = &r->ws;
	struct dist *anon[] = {&ws->age, &ws->gender, &ws->situation};
	sqlite3_stmt *stmt, *keep;
	int rc = SQLITE_DONE, ok = CN_OK;

	if (!(keep = store_prepare(st, "INSERT INTO rwk VALUES (?1)", err)))
		return CN_EDB;
	stmt = prepare_workshops(st,
	                         "SELECT w.id, w.duration, w.mediators, w.themes, w.level, w.place,"
	                         " w.registered, w.anonymous, w.anon_age, w.anon_gender,"
	                         " w.anon_situation, (SELECT count(*) FROM workshop_participant wp"
	                         "   WHERE wp.workshop_id = w.id AND wp.present)"
	                         " FROM workshop w WHERE " WORKSHOP_PERIOD,
	                         r->f.from, r->f.to, &r->f.sites, err);
	if (!stmt) {
		sqlite3_finalize(keep);
		return CN_EDB;
	}
	while (ok == CN_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct codeset mediators;
		long minutes = sqlite3_column_int(stmt, 1);
		long anonymous = sqlite3_column_int(stmt, 7);
		long present = sqlite3_column_int(stmt, 11) + anonymous;
		int led;

		store_column_codes(stmt, 2, &mediators);
		if (!(led = activity_led_count(&mediators, &r->f.mediators)))
			continue;
		ws->sessions++;
		ws->minutes += minutes;
		*led_minutes += minutes * led;
		ws->participations += present;
		ws->anonymous += anonymous;
		if (sqlite3_column_type(stmt, 6) != SQLITE_NULL) {
			ws->known++;
			ws->registered += sqlite3_column_int(stmt, 6);
			ws->present += present;
		}
		ok = dist_add_codes(&ws->theme, report_column_text(stmt, 3), 1, false);
		if (ok == CN_OK)
			ok = dist_add(&ws->level, report_column_text(stmt, 4), 1);
		if (ok == CN_OK)
			ok = dist_add(&ws->place, report_column_text(stmt, 5), 1);
		for (int i = 0; i < 3 && ok == CN_OK; i++)
			ok = add_tally(anon[i], report_column_text(stmt, 8 + i), anonymous);
		if (ok == CN_OK) {
			sqlite3_bind_value(keep, 1, sqlite3_column_value(stmt, 0));
			if (sqlite3_step(keep) != SQLITE_DONE)
				ok = CN_EDB;
			sqlite3_reset(keep);
		}
	}
	sqlite3_finalize(keep);
	return report_query_done(st, stmt, rc, ok, err);
}

/* The distinct persons present at the report's workshops, and their
 * profiles. */
static int participants_pass(struct store *st, struct report *r, struct cn_err *err)
{
	struct report_workshops *ws = &r->ws;
	struct dist *out[PROFILE_FIELDS] = {&ws->age, &ws->gender, &ws->area, &ws->situation,
	                                    &ws->equipment};
	int rc;

	if (sqlite3_exec(store_db(st),
	                 "INSERT INTO rwp SELECT DISTINCT wp.person_id FROM rwk CROSS JOIN"
	                 " workshop_participant wp ON wp.workshop_id = rwk.id WHERE wp.present"
	                 " ORDER BY 1",
	                 NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "calcul du bilan impossible");
	if ((rc = store_scalar(st, "SELECT count(*) FROM rwp", &ws->persons, err)) != CN_OK ||
	    (rc = profile_count(st, "rwp", out, err)) != CN_OK)
		return rc;
	/* Persons once each; anonymous attendees at each session. */
	ws->age.total = ws->gender.total = ws->situation.total = ws->persons + ws->anonymous;
	ws->area.total = ws->equipment.total = ws->persons;
	return CN_OK;
}

/* The times outside accompaniment by kind, after the two fixed rows. */
static int times_pass(struct store *st, const struct lists *ls, struct report *r,
                      struct cn_err *err)
{
	sqlite3_stmt *stmt = report_prepare_period(
		st,
		"SELECT v.kind, sum(v.duration), count(*) FROM worktime v WHERE " REPORT_IN_PERIOD
		" GROUP BY 1",
		&r->f, err);
	int rc = SQLITE_DONE, ok = CN_OK;

	if (!stmt)
		return CN_EDB;
	for (int i = 0; i < ls->l[L_TEMPS].n && ok == CN_OK; i++)
		ok = dist_push(&r->work, ls->l[L_TEMPS].e[i].code, 0) < 0 ? CN_EDB : CN_OK;
	while (ok == CN_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *kind = report_column_text(stmt, 0);
		int i = dist_find(&r->work, kind, REPORT_WORK_FIXED);

		if (i < 0 && (i = dist_push(&r->work, kind, 0)) < 0) {
			ok = CN_EDB;
			break;
		}
		r->work.count[i] += (long)sqlite3_column_int64(stmt, 1);
		r->worktimes += (long)sqlite3_column_int64(stmt, 2);
	}
	return report_query_done(st, stmt, rc, ok, err);
}

/* The report's workshops in each month of the trend: one range read. */
static int trend_pass(struct store *st, struct report *r, struct cn_err *err)
{
	char from[DATE_LEN], to[DATE_LEN];
	sqlite3_stmt *stmt;
	int rc;

	snprintf(from, sizeof from, "%.7s-01", r->trend_month[0]);
	snprintf(to, sizeof to, "%.7s-31", r->trend_month[REPORT_TREND - 1]);
	stmt = prepare_workshops(st,
	                         "SELECT substr(w.date, 1, 7), w.mediators FROM workshop w WHERE "
	                         WORKSHOP_PERIOD,
	                         from, to, &r->f.sites, err);
	if (!stmt)
		return CN_EDB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct codeset mediators;
		const char *month = report_column_text(stmt, 0);

		store_column_codes(stmt, 1, &mediators);
		if (!activity_led_count(&mediators, &r->f.mediators))
			continue;
		for (int i = 0; i < REPORT_TREND; i++)
			if (strcmp(r->trend_month[i], month) == 0)
				r->trend_workshops[i]++;
	}
	return report_query_done(st, stmt, rc, CN_OK, err);
}

int activity_compute(struct store *st, const struct lists *ls, struct report *r,
                     struct cn_err *err)
{
	struct report_workshops *ws = &r->ws;
	struct dist *public[PROFILE_FIELDS] = {&ws->age, &ws->gender, &ws->area, &ws->situation,
	                                       &ws->equipment};
	long led_minutes = 0;
	int rc;

	dist_init(&ws->theme, ls, L_THEME_ATELIER);
	dist_init(&ws->level, ls, L_NIVEAU_ATELIER);
	dist_init(&ws->place, ls, L_LIEU_ATELIER);
	/* Optional fields: their « non renseigné » row is always there. */
	dist_add(&ws->level, "", 0);
	dist_add(&ws->place, "", 0);
	profile_init(public, ls, 0);
	memset(&r->work, 0, sizeof r->work);
	sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.rwk; DROP TABLE IF EXISTS temp.rwp",
	             NULL, NULL, NULL);
	if (sqlite3_exec(store_db(st), "CREATE TEMP TABLE rwk (id TEXT); CREATE TEMP TABLE rwp (id TEXT)",
	                 NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "calcul du bilan impossible");
	rc = workshops_pass(st, r, &led_minutes, err);
	if (!rc)
		rc = participants_pass(st, r, err);
	sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.rwk; DROP TABLE IF EXISTS temp.rwp",
	             NULL, NULL, NULL);
	if (!rc && (dist_push(&r->work, report_work_codes[0], r->minutes) < 0 ||
	            dist_push(&r->work, report_work_codes[1], led_minutes) < 0))
		rc = cn_err_set(err, CN_EDB, "mémoire insuffisante");
	if (!rc)
		rc = times_pass(st, ls, r, err);
	if (!rc)
		rc = trend_pass(st, r, err);
	if (rc)
		return rc;
	ws->theme.total = ws->level.total = ws->place.total = ws->sessions;
	dist_sort(&ws->theme, ls->l[L_THEME_ATELIER].n, NULL, NULL);
	dist_sort(&ws->level, ls->l[L_NIVEAU_ATELIER].n, NULL, NULL);
	dist_sort(&ws->place, ls->l[L_LIEU_ATELIER].n, NULL, NULL);
	profile_finish(public, ls);
	dist_sort(&r->work, REPORT_WORK_FIXED + ls->l[L_TEMPS].n, NULL, NULL);
	for (int i = 0; i < r->work.n; i++)
		r->work.total += r->work.count[i];
	return CN_OK;
}

int activity_key(struct store *st, struct report *r, struct cn_err *err)
{
	sqlite3_stmt *stmt = prepare_workshops(st,
	                                       "SELECT w.duration, w.mediators FROM workshop w WHERE "
	                                       WORKSHOP_PERIOD,
	                                       r->f.from, r->f.to, &r->f.sites, err);
	long led_minutes = 0, other = 0;
	int rc;

	memset(&r->work, 0, sizeof r->work);
	if (!stmt)
		return CN_EDB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct codeset mediators;
		long minutes = sqlite3_column_int(stmt, 0);
		int led;

		store_column_codes(stmt, 1, &mediators);
		if (!(led = activity_led_count(&mediators, &r->f.mediators)))
			continue;
		r->ws.sessions++;
		r->ws.minutes += minutes;
		led_minutes += minutes * led;
	}
	if ((rc = report_query_done(st, stmt, rc, CN_OK, err)) != CN_OK)
		return rc;
	stmt = report_prepare_period(st,
	                             "SELECT coalesce(sum(v.duration), 0), count(*) FROM worktime v"
	                             " WHERE " REPORT_IN_PERIOD,
	                             &r->f, err);
	if (!stmt)
		return CN_EDB;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		other = (long)sqlite3_column_int64(stmt, 0);
		r->worktimes = (long)sqlite3_column_int64(stmt, 1);
		rc = sqlite3_step(stmt);
	}
	if ((rc = report_query_done(st, stmt, rc, CN_OK, err)) != CN_OK)
		return rc;
	if (dist_push(&r->work, report_work_codes[0], r->minutes) < 0 ||
	    dist_push(&r->work, report_work_codes[1], led_minutes) < 0 ||
	    dist_push(&r->work, "", other) < 0)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	r->work.total = r->minutes + led_minutes + other;
	return CN_OK;
}

int activity_group_codes(struct store *st, const struct report_filter *f, struct codeset *out,
                         struct cn_err *err)
{
	bool by_site = f->by == BY_SITE;
	sqlite3_stmt *stmt = prepare_workshops(
		st, "SELECT w.site, w.mediators FROM workshop w WHERE " WORKSHOP_PERIOD, f->from,
		f->to, &f->sites, err);
	int rc;

	if (!stmt)
		return CN_EDB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct codeset mediators;

		store_column_codes(stmt, 1, &mediators);
		if (!activity_led_count(&mediators, &f->mediators))
			continue;
		if (by_site)
			codeset_add(out, report_column_text(stmt, 0));
		else if (!mediators.n)
			codeset_add(out, "");
		/* Only the mediators the report counts: a co-led workshop goes to
		 * each of them. */
		for (int i = 0; !by_site && i < mediators.n; i++)
			if (!f->mediators.n || codeset_has(&f->mediators, mediators.v[i]))
				codeset_add(out, mediators.v[i]);
	}
	if ((rc = report_query_done(st, stmt, rc, CN_OK, err)) != CN_OK)
		return rc;
	stmt = report_prepare_period(st,
	                             by_site ? "SELECT DISTINCT v.site FROM worktime v WHERE "
	                                       REPORT_IN_PERIOD
	                                     : "SELECT DISTINCT coalesce(v.mediator, '') FROM"
	                                       " worktime v WHERE " REPORT_IN_PERIOD,
	                             f, err);
	if (!stmt)
		return CN_EDB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		codeset_add(out, report_column_text(stmt, 0));
	return report_query_done(st, stmt, rc, CN_OK, err);
}

int activity_code_used(struct store *st, enum list_id list, const char *code, bool *used,
                       struct cn_err *err)
{
	sqlite3_stmt *stmt;
	int rc = visit_code_used(st, list == L_SITE ? VF_SITE : VF_MEDIATOR, code, used, err);

	if (rc != CN_OK || *used)
		return rc;
	/* The columns are literals chosen here, the code is bound. */
	stmt = store_prepare(st,
	                     list == L_SITE
	                         ? "SELECT EXISTS (SELECT 1 FROM workshop WHERE site = ?1)"
	                           " OR EXISTS (SELECT 1 FROM worktime WHERE site = ?1)"
	                         : "SELECT EXISTS (SELECT 1 FROM workshop"
	                           "   WHERE instr('|' || mediators || '|', '|' || ?1 || '|') > 0)"
	                           " OR EXISTS (SELECT 1 FROM worktime WHERE mediator = ?1)",
	                     err);
	if (!stmt)
		return CN_EDB;
	store_bind_text(stmt, 1, code);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*used = sqlite3_column_int(stmt, 0) != 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return store_fail(st, err, "lecture impossible");
	return CN_OK;
}
