/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/clock.h"
#include "carnet/model/ids.h"
#include "carnet/report/activity.h"
#include "carnet/report/person_set.h"
#include "carnet/report/referral.h"
#include "carnet/report/referral_place.h"
#include "carnet/report/profile.h"
#include "carnet/report/report.h"
#include "carnet/store/visit_store.h"

const char *const report_bin_codes[REPORT_BINS] = {
	"moins_15", "15_29", "30_59", "60_120", "plus_120",
};

const char *const report_bin_labels[REPORT_BINS] = {
	"moins de 15 min", "15 à 29 min", "30 à 59 min", "1 h à 2 h", "plus de 2 h",
};

const char *const report_work_codes[REPORT_WORK_FIXED] = {
	"accompagnement_individuel", "ateliers",
};

const char *const report_work_labels[REPORT_WORK_FIXED] = {
	"Accompagnement individuel", "Ateliers",
};

const char *const report_work_short[REPORT_WORK_FIXED] = {
	"individuel", "ateliers",
};

const char *const report_weekdays[7] = {
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};

/* ------------------------------------------------------------ shares */

void shares_tenths(const long *counts, int n, long total, long *tenths)
{
	long sum = 0, whole = 0;
	double *rem = malloc(sizeof *rem * (size_t)(n > 0 ? n : 1));

	for (int i = 0; i < n; i++)
		whole += counts[i];
	if (!rem || total <= 0) {
		for (int i = 0; i < n; i++)
			tenths[i] = 0;
		free(rem);
		return;
	}
	for (int i = 0; i < n; i++) {
		double exact = (double)counts[i] * 1000.0 / (double)total;
		tenths[i] = (long)exact;
		rem[i] = exact - (double)tenths[i];
		/* Shares that are not parts of one whole are simply rounded. */
		if (whole != total && rem[i] >= 0.5)
			tenths[i]++;
		sum += tenths[i];
	}
	/* Parts of a whole add up to 100 %: each missing tenth goes to the
	 * largest remainder, the first on ties. */
	while (whole == total && sum < 1000) {
		int best = -1;
		for (int i = 0; i < n; i++)
			if (counts[i] > 0 && rem[i] >= 0 && (best < 0 || rem[i] > rem[best] + 1e-12))
				best = i;
		if (best < 0)
			break;
		tenths[best]++;
		rem[best] = -1;
		sum++;
	}
	free(rem);
}

void report_rank_text(const struct report *r, int k, char *out, size_t size)
{
	long hundredths;

	if (!r->rank_visits[k]) {
		snprintf(out, size, "— (0 passage)");
		return;
	}
	/* The French way whatever the locale: "2,50". */
	hundredths = (long)(r->rank_mean[k] * 100 + 0.5);
	snprintf(out, size, "%ld,%02ld (%ld passage%s)", hundredths / 100, hundredths % 100,
	         r->rank_visits[k], r->rank_visits[k] > 1 ? "s" : "");
}

void format_tenths(long tenths, char *out, size_t size)
{
	snprintf(out, size, "%ld,%ld", tenths / 10, tenths % 10);
}

/* ------------------------------------------------------------ distributions */

static void swap_bytes(void *a, void *b, size_t size)
{
	unsigned char *x = a, *y = b;

	for (size_t i = 0; i < size; i++) {
		unsigned char t = x[i];
		x[i] = y[i];
		y[i] = t;
	}
}

static void swap_rows(void *ctx, int i, int j)
{
	struct cross *c = ctx;
	swap_bytes(&c->row[i], &c->row[j], sizeof c->row[i]);
}

/* Puts the codes d's list does not know (after its first `known` entries)
 * in order, "" last; the rows of c (when given) follow their codes. */
static void dist_finish(struct dist *d, int known, struct cross *c)
{
	dist_sort(d, known, c ? swap_rows : NULL, c);
	if (c)
		for (int i = 0; i < c->n; i++) {
			memcpy(c->code[i], d->code[i], CODE_MAX);
			c->row[i].total = d->count[i];
		}
}

/* ------------------------------------------------------------ queries */

sqlite3_stmt *report_prepare_period(struct store *st, const char *sql,
                                    const struct report_filter *f, struct cn_err *err)
{
	struct visit_filter period;
	sqlite3_stmt *stmt = store_prepare(st, sql, err);

	if (!stmt)
		return NULL;
	memset(&period, 0, sizeof period);
	memcpy(period.from, f->from, sizeof period.from);
	memcpy(period.to, f->to, sizeof period.to);
	period.sites = f->sites;
	period.mediators = f->mediators;
	visit_filter_bind(stmt, &period);
	return stmt;
}

int report_query_done(struct store *st, sqlite3_stmt *stmt, int rc, int ok, struct cn_err *err)
{
	sqlite3_finalize(stmt);
	if (ok != CN_OK)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "calcul du bilan impossible");
	return CN_OK;
}

static int step_failed(struct store *st, sqlite3_stmt *stmt, int rc, struct cn_err *err)
{
	return report_query_done(st, stmt, rc, CN_OK, err);
}

const char *report_column_text(sqlite3_stmt *stmt, int col)
{
	const char *s = (const char *)sqlite3_column_text(stmt, col);
	return s ? s : "";
}

/* A multi-valued field while the period is read: the visits holding each
 * code, and for each code the posture distribution of those visits. */
struct multi {
	int list;
	struct dist *d;
	struct cross *c;
	long *none;       /* visits with no code at all, or NULL */
};

/* Gives c at least n rows, each a posture distribution. */
static int cross_grow(struct cross *c, const struct lists *ls, int n)
{
	while (c->n < n) {
		struct dist *rows = realloc(c->row, sizeof *rows * (size_t)(c->n + 1));
		char (*codes)[CODE_MAX] = realloc(c->code, sizeof *codes * (size_t)(c->n + 1));

		if (rows)
			c->row = rows;
		if (codes)
			c->code = codes;
		if (!rows || !codes)
			return CN_EDB;
		dist_init(&c->row[c->n++], ls, L_POSTURE);
	}
	return CN_OK;
}

static int multi_add(const struct lists *ls, struct multi *m, const char *codes,
                     const char *posture)
{
	const char *p = codes;

	if (!*p && m->none)
		(*m->none)++;
	while (*p) {
		size_t len = strcspn(p, "|");
		size_t cut = len < CODE_MAX ? len : CODE_MAX - 1;
		char code[CODE_MAX];
		int i;

		memcpy(code, p, cut);
		code[cut] = '\0';
		p += len + (p[len] == '|');
		if ((i = dist_slot(m->d, code)) < 0)
			return CN_EDB;
		m->d->count[i]++;
		if (cross_grow(m->c, ls, i + 1) != CN_OK || dist_add(&m->c->row[i], posture, 1) != CN_OK)
			return CN_EDB;
	}
	return CN_OK;
}

/* The twelve months of the trend, the last one that of the period's end,
 * and their visits counted while the period is read. */
struct trend_scan {
	char from[REPORT_TREND][DATE_LEN], to[REPORT_TREND][DATE_LEN];
	long count[REPORT_TREND];
	int first;       /* the first month as year * 12 + month - 1 */
};

static int trend_months(struct report *r, struct trend_scan *t, struct cn_err *err)
{
	struct cn_date month;

	memset(t, 0, sizeof *t);
	if (!date_parse(r->f.to, &month))
		return cn_err_set(err, CN_EINVAL, "date de fin invalide");
	for (int i = REPORT_TREND - 1; i >= 0; i--) {
		month.day = 1;
		date_format(&month, t->from[i]);
		month.day = date_days_in_month(month.year, month.month);
		date_format(&month, t->to[i]);
		snprintf(r->trend_month[i], sizeof r->trend_month[i], "%.7s", t->from[i]);
		t->first = month.year * 12 + month.month - 1;
		if (--month.month < 1) {
			month.month = 12;
			month.year--;
		}
	}
	return CN_OK;
}

/* Counts a visit of the period in the month of the trend whose dates hold
 * its date as text, as the query would (day: the date read, or NULL). */
static void trend_count(struct trend_scan *t, const char *date, const struct cn_date *day)
{
	int i = day ? day->year * 12 + day->month - 1 - t->first : -1;

	if (i >= 0 && i < REPORT_TREND && strcmp(date, t->from[i]) >= 0 &&
	    strcmp(date, t->to[i]) <= 0) {
		t->count[i]++;
		return;
	}
	for (i = 0; i < REPORT_TREND; i++)
		if (strcmp(date, t->from[i]) >= 0 && strcmp(date, t->to[i]) <= 0) {
			t->count[i]++;
			return;
		}
}

/* One pass over the period's visits for everything that is a count of
 * visits by their own fields, the months of the trend it covers, and its
 * persons (sorted in memory, each once, at the end). Durations are 1 to
 * 480 minutes: a count per minute gives the exact median in bounded
 * memory. */
static int visits_pass(struct store *st, const struct lists *ls, struct report *r,
                       struct person_set *persons, struct trend_scan *months,
                       struct referral_groups *referrals, struct cn_err *err)
{
	struct {
		int list;
		struct dist *d;
		bool optional;   /* a visit may leave it unset: "non renseigné" */
	} fields[] = {
		{L_CANAL, &r->canal, false},           {L_POSTURE, &r->posture, false},
		{L_ISSUE, &r->outcome, true},          {L_ORIENTE_PAR, &r->referred_by, true},
		{L_ORIENTE_VERS, &r->referred_to, true},
	};
	enum { NFIELDS = sizeof fields / sizeof fields[0] };
	struct multi multis[] = {
		{L_DEMANDE, &r->demand, &r->posture_by_demand, NULL},
		{L_ORGANISME, &r->organism, &r->posture_by_organism, &r->no_organism},
	};
	long by_minute[DURATION_MAX + 1] = {0};
	sqlite3_stmt *stmt;
	long below = 0;
	int rc, ok = CN_OK;

	/* The "non renseigné" row of an optional field is always there, 0 or
	 * not: the same rows in every period, for the tools that read them. */
	for (int i = 0; i < NFIELDS; i++) {
		dist_init(fields[i].d, ls, fields[i].list);
		if (fields[i].optional)
			dist_add(fields[i].d, "", 0);
	}
	for (int i = 0; i < 2; i++) {
		dist_init(multis[i].d, ls, multis[i].list);
		memset(multis[i].c, 0, sizeof *multis[i].c);
	}
	dist_init(&r->urgent_outcome, ls, L_ISSUE);
	dist_add(&r->urgent_outcome, "", 0);
	memset(&r->weekday, 0, sizeof r->weekday);
	for (int i = 0; i < 7; i++)
		dist_add(&r->weekday, report_weekdays[i], 0);
	stmt = report_prepare_period(st,
	                      "SELECT v.date, v.duration, v.present, v.urgent, v.canal, v.posture,"
	                      " v.outcome, v.referred_by, v.referred_to, v.demands, v.organisms,"
	                      " v.person_id, v.referral_how, v.referral_went, v.referral_place"
	                      " FROM visit v WHERE " REPORT_IN_PERIOD,
	                      &r->f, err);
	if (!stmt)
		return CN_EDB;
	while (ok == CN_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct cn_date day;
		int minutes = sqlite3_column_int(stmt, 1);

		r->visits++;
		r->minutes += minutes;
		if (minutes >= 0 && minutes <= DURATION_MAX)
			by_minute[minutes]++;
		r->bins[minutes < 15 ? 0 : minutes < 30 ? 1 : minutes < 60 ? 2 : minutes <= 120 ? 3 : 4]++;
		if (date_parse(report_column_text(stmt, 0), &day)) {
			r->weekday.count[date_weekday(&day)]++;
			trend_count(months, report_column_text(stmt, 0), &day);
		} else {
			trend_count(months, report_column_text(stmt, 0), NULL);
		}
		if (!sqlite3_column_int(stmt, 2))
			r->absent++;
		for (int i = 0; i < NFIELDS && ok == CN_OK; i++)
			ok = dist_add(fields[i].d, report_column_text(stmt, 4 + i), 1);
		if (ok == CN_OK && sqlite3_column_int(stmt, 3)) {
			r->urgent++;
			ok = dist_add(&r->urgent_outcome, report_column_text(stmt, 6), 1);
		}
		for (int i = 0; i < 2 && ok == CN_OK; i++)
			ok = multi_add(ls, &multis[i], report_column_text(stmt, 9 + i), report_column_text(stmt, 5));
		if (ok == CN_OK && sqlite3_column_type(stmt, 11) != SQLITE_NULL &&
		    person_set_add(persons, (const char *)sqlite3_column_text(stmt, 11),
		                   (size_t)sqlite3_column_bytes(stmt, 11)) != 0)
			ok = CN_EDB;
		if (ok == CN_OK && *report_column_text(stmt, 8))
			ok = referral_count(referrals, report_column_text(stmt, 8),
			                    report_column_text(stmt, 12), report_column_text(stmt, 13),
			                    report_column_text(stmt, 14));
	}
	if (ok != CN_OK) {
		sqlite3_finalize(stmt);
		return cn_err_set(err, CN_EDB, "calcul du bilan impossible");
	}
	if ((rc = step_failed(st, stmt, rc, err)) != CN_OK)
		return rc;
	for (int i = 0; i < NFIELDS; i++) {
		fields[i].d->total = r->visits;
		dist_finish(fields[i].d, ls->l[fields[i].list].n, NULL);
	}
	for (int i = 0; i < 2; i++) {
		struct multi *m = &multis[i];

		/* Every code of the list has its row, held by a visit or not. */
		if (cross_grow(m->c, ls, m->d->n) != CN_OK)
			return cn_err_set(err, CN_EDB, "mémoire insuffisante");
		m->d->total = r->visits;
		dist_finish(m->d, ls->l[m->list].n, m->c);
		for (int k = 0; k < m->c->n; k++)
			dist_finish(&m->c->row[k], ls->l[L_POSTURE].n, NULL);
	}
	r->urgent_outcome.total = r->urgent;
	dist_finish(&r->urgent_outcome, ls->l[L_ISSUE].n, NULL);
	r->weekday.total = r->visits;
	r->mean_minutes = r->visits ? (double)r->minutes / (double)r->visits : 0;
	/* The middle value, or the mean of the two middle ones. */
	for (int m = 0, lo = -1; r->visits && m <= DURATION_MAX; m++) {
		below += by_minute[m];
		if (lo < 0 && below > (r->visits - 1) / 2)
			lo = m;
		if (lo >= 0 && below > r->visits / 2) {
			r->median_minutes = (lo + m) / 2.0;
			break;
		}
	}
	person_set_finish(persons);
	r->persons = (long)persons->n;
	return CN_OK;
}

/* One count per month over the date index: twelve short range scans cost
 * less than grouping a year of visits by month. The months that lie whole
 * in the period come from its pass (by_month). */
static int trend(struct store *st, struct report *r, const struct trend_scan *t,
                 struct cn_err *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = SQLITE_DONE;

	for (int i = REPORT_TREND - 1; i >= 0 && rc == SQLITE_DONE; i--) {
		const char *from = t->from[i], *to = t->to[i];

		if (strcmp(from, r->f.from) >= 0 && strcmp(to, r->f.to) <= 0) {
			r->trend[i] = t->count[i];
			continue;
		}
		if (!stmt && !(stmt = report_prepare_period(
		                     st, "SELECT count(*) FROM visit v WHERE " REPORT_IN_PERIOD,
		                     &r->f, err)))
			return CN_EDB;
		sqlite3_bind_text(stmt, 1, from, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(stmt, 2, to, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(stmt);
		r->trend[i] = rc == SQLITE_ROW ? (long)sqlite3_column_int64(stmt, 0) : 0;
		if (rc == SQLITE_ROW)
			rc = sqlite3_reset(stmt) == SQLITE_OK ? SQLITE_DONE : SQLITE_ERROR;
	}
	return step_failed(st, stmt, rc, err);
}

/* Posture level: 1 for the first code of the posture list ("faire pour"). */
static int level(const struct lists *ls, const char *code)
{
	const struct vlist *vl = &ls->l[L_POSTURE];
	for (int i = 0; i < vl->n; i++)
		if (strcmp(vl->e[i].code, code) == 0)
			return i + 1;
	return 0;
}

/* The histories of the persons seen in the period, up to its end, person by
 * person in order: one seek in index visit_by_person each, which covers
 * it. First visits, first against latest posture, and the posture by rank
 * of the visit. */
/* A returning person, by the posture of their first and latest visit. */
static void count_returning(struct report *r, int first, int last)
{
	r->returning++;
	if (last > first)
		r->towards_autonomy++;
	else if (last < first)
		r->backwards++;
	else
		r->same++;
}

static int histories(struct store *st, const struct lists *ls, struct report *r,
                     const struct person_set *persons, struct cn_err *err)
{
	sqlite3_stmt *stmt;
	double sum[REPORT_RANKS] = {0};
	/* Without a site or mediator, a visit of the history is one of the
	 * period when it is not before it (column 1). */
	bool filtered = r->f.sites.n || r->f.mediators.n;
	int in_period = filtered ? 2 : 1, rc = SQLITE_DONE;

	stmt = report_prepare_period(st,
	                      filtered ? "SELECT v.posture, v.date >= ?1, " REPORT_IN_PERIOD
	                                 " FROM visit v WHERE v.person_id = ?5"
	                                 " AND v.deleted_at IS NULL AND v.date <= ?2"
	                                 " ORDER BY v.date, v.time, v.created_at, v.id"
	                               : "SELECT v.posture, v.date >= ?1"
	                                 " FROM visit v WHERE v.person_id = ?5"
	                                 " AND v.deleted_at IS NULL AND v.date <= ?2"
	                                 " AND ?3 IS NULL AND ?4 IS NULL"
	                                 " ORDER BY v.date, v.time, v.created_at, v.id",
	                      &r->f, err);
	if (!stmt)
		return CN_EDB;
	for (size_t p = 0; p < persons->n && rc == SQLITE_DONE; p++) {
		long rank = 0;
		int first = 0, last = 0;

		sqlite3_bind_text(stmt, 5, persons->id[p], -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			int lv = level(ls, report_column_text(stmt, 0)), k;

			/* The person's first visit ever falls in the period. */
			if (!rank) {
				first = lv;
				r->first_visits += sqlite3_column_int(stmt, 1) != 0;
			}
			rank++;
			last = lv;
			k = rank >= REPORT_RANKS ? REPORT_RANKS - 1 : (int)rank - 1;
			if (sqlite3_column_int(stmt, in_period) && lv > 0) {
				sum[k] += lv;
				r->rank_visits[k]++;
			}
		}
		if (rc == SQLITE_DONE && sqlite3_reset(stmt) != SQLITE_OK)
			rc = SQLITE_ERROR;
		/* A person with two visits or more. */
		if (rank >= 2)
			count_returning(r, first, last);
	}
	if ((rc = step_failed(st, stmt, rc, err)) != CN_OK)
		return rc;
	for (int i = 0; i < REPORT_RANKS; i++)
		r->rank_mean[i] = r->rank_visits[i] ? sum[i] / (double)r->rank_visits[i] : 0;
	return CN_OK;
}

/* Steps stmt, bound to one person, to its first row: the posture level
 * there (0 without a row); *more tells whether a second row follows. */
static int first_level(const struct lists *ls, sqlite3_stmt *stmt, int *lv, bool *more)
{
	int rc = sqlite3_step(stmt);

	*lv = 0;
	*more = false;
	if (rc == SQLITE_ROW) {
		*lv = level(ls, report_column_text(stmt, 0));
		rc = sqlite3_step(stmt);
		*more = rc == SQLITE_ROW;
		if (*more)
			rc = SQLITE_DONE;
	}
	if (rc == SQLITE_DONE && sqlite3_reset(stmt) != SQLITE_OK)
		rc = SQLITE_ERROR;
	return rc;
}

/* For the key figures only: the persons of the period with two visits or
 * more up to its end, and their first against latest posture, from the
 * two ends of each history (two short seeks in visit_by_person). */
static int history_ends(struct store *st, const struct lists *ls, struct report *r,
                        const struct person_set *persons, struct cn_err *err)
{
	static const char *const sql[2] = {
		"SELECT v.posture FROM visit v WHERE v.person_id = ?1 AND v.deleted_at IS NULL"
		" AND v.date <= ?2 ORDER BY v.date, v.time, v.created_at, v.id LIMIT 2",
		"SELECT v.posture FROM visit v WHERE v.person_id = ?1 AND v.deleted_at IS NULL"
		" AND v.date <= ?2 ORDER BY v.date DESC, v.time DESC, v.created_at DESC, v.id DESC"
		" LIMIT 1",
	};
	sqlite3_stmt *stmt[2] = {NULL, NULL};
	int rc = SQLITE_DONE;

	for (int i = 0; i < 2; i++) {
		if (!(stmt[i] = store_prepare(st, sql[i], err))) {
			sqlite3_finalize(stmt[0]);
			return CN_EDB;
		}
		sqlite3_bind_text(stmt[i], 2, r->f.to[0] ? r->f.to : "9999-12-31", -1,
		                  SQLITE_TRANSIENT);
	}
	for (size_t p = 0; p < persons->n && rc == SQLITE_DONE; p++) {
		int first, last;
		bool more;

		sqlite3_bind_text(stmt[0], 1, persons->id[p], -1, SQLITE_STATIC);
		if ((rc = first_level(ls, stmt[0], &first, &more)) != SQLITE_DONE || !more)
			continue;
		sqlite3_bind_text(stmt[1], 1, persons->id[p], -1, SQLITE_STATIC);
		if ((rc = first_level(ls, stmt[1], &last, &more)) != SQLITE_DONE)
			break;
		count_returning(r, first, last);
	}
	sqlite3_finalize(stmt[1]);
	return step_failed(st, stmt[0], rc, err);
}

/* The public as shares of the period's distinct persons, in one pass over
 * their profiles. */
static int public_profile(struct store *st, const struct lists *ls, struct report *r,
                          const struct person_set *persons, struct cn_err *err)
{
	struct dist *out[PROFILE_FIELDS] = {&r->age, &r->gender, &r->area, &r->situation,
	                                    &r->equipment};
	int rc;

	profile_init(out, ls, r->persons);
	if ((rc = profile_count_set(st, persons, out, err)) != CN_OK)
		return rc;
	profile_finish(out, ls);
	return CN_OK;
}

/* The sites or mediators that have visits, workshops or times in the
 * period, in order. */
static int group_codes(struct store *st, const struct report_filter *f, struct codeset *out,
                       struct cn_err *err)
{
	sqlite3_stmt *stmt = report_prepare_period(
		st,
		f->by == BY_SITE ? "SELECT DISTINCT v.site FROM visit v WHERE " REPORT_IN_PERIOD
		                 : "SELECT DISTINCT coalesce(v.mediator, '') FROM visit v WHERE "
		                   REPORT_IN_PERIOD,
		f, err);
	int rc;

	out->n = 0;
	if (!stmt)
		return CN_EDB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		codeset_add(out, report_column_text(stmt, 0));
	if ((rc = step_failed(st, stmt, rc, err)) != CN_OK ||
	    (rc = activity_group_codes(st, f, out, err)) != CN_OK)
		return rc;
	for (int i = 1; i < out->n; i++)
		for (int j = i; j > 0 && strcmp(out->v[j - 1], out->v[j]) > 0; j--)
			swap_bytes(out->v[j - 1], out->v[j], CODE_MAX);
	return CN_OK;
}

static int compute_groups(struct store *st, const struct lists *ls, struct report *r,
                          const struct codeset *codes, struct cn_err *err)
{
	r->groups = calloc((size_t)(codes->n ? codes->n : 1), sizeof *r->groups);
	if (!r->groups)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	for (int i = 0; i < codes->n; i++) {
		struct report_filter g = r->f;
		struct codeset *set = r->f.by == BY_SITE ? &g.sites : &g.mediators;
		int rc;

		g.by = BY_NONE;
		set->n = 0;
		codeset_add(set, codes->v[i]);
		if ((rc = report_compute(st, ls, &g, &r->groups[i], err)) != CN_OK)
			return rc;
		r->ngroups++;
	}
	return CN_OK;
}

int report_compute(struct store *st, const struct lists *ls, const struct report_filter *f,
                   struct report *r, struct cn_err *err)
{
	struct codeset groups = {0};
	struct person_set persons = {0};
	struct referral_groups referrals = {0};
	struct trend_scan months;
	int rc;

	memset(r, 0, sizeof *r);
	r->f = *f;
	/* One read transaction: every figure comes from the same state. */
	if ((rc = store_begin_read(st, err)) != CN_OK)
		return rc;
	rc = trend_months(r, &months, err);
	if (!rc)
		rc = visits_pass(st, ls, r, &persons, &months, &referrals, err);
	if (!rc)
		rc = trend(st, r, &months, err);
	if (!rc)
		rc = histories(st, ls, r, &persons, err);
	if (!rc)
		rc = public_profile(st, ls, r, &persons, err);
	person_set_free(&persons);
	if (!rc)
		rc = activity_compute(st, ls, r, err);
	if (!rc)
		rc = referral_compute(st, ls, r, &referrals, err);
	referral_groups_free(&referrals);
	if (!rc && f->by != BY_NONE)
		rc = group_codes(st, f, &groups, err);
	/* Nothing was written: end the read transaction either way. */
	store_rollback(st);
	if (!rc) {
		memset(&r->durations, 0, sizeof r->durations);
		for (int i = 0; i < REPORT_BINS && !rc; i++)
			rc = dist_add(&r->durations, report_bin_codes[i], r->bins[i]);
		r->durations.total = r->visits;
	}
	if (!rc && f->by != BY_NONE)
		rc = compute_groups(st, ls, r, &groups, err);
	if (rc != CN_OK)
		report_free(r);
	return rc;
}

/* The last day of a month. */
static void month_end(int year, int month, char out[DATE_LEN])
{
	struct cn_date d = {year, month, date_days_in_month(year, month)};
	date_format(&d, out);
}

static bool whole_month(const struct report_filter *f, int *year, int *month)
{
	struct cn_date d;
	char end[DATE_LEN];

	if (!date_parse(f->from, &d) || d.day != 1)
		return false;
	*year = d.year;
	*month = d.month;
	month_end(*year, *month, end);
	return strcmp(end, f->to) == 0;
}

static bool whole_year(const struct report_filter *f)
{
	return strlen(f->from) == 10 && strcmp(f->from + 4, "-01-01") == 0 &&
	       strncmp(f->from, f->to, 4) == 0 && strcmp(f->to + 4, "-12-31") == 0;
}

void report_previous_period(const struct report_filter *f, struct report_filter *out)
{
	struct cn_date from, to;
	int year, month;

	*out = *f;
	out->by = BY_NONE;
	if (whole_month(f, &year, &month)) {
		if (--month < 1) {
			month = 12;
			year--;
		}
		struct cn_date first = {year, month, 1};
		date_format(&first, out->from);
		month_end(year, month, out->to);
	} else if (whole_year(f)) {
		struct cn_date first = {atoi(f->from) - 1, 1, 1}, last = {atoi(f->from) - 1, 12, 31};
		date_format(&first, out->from);
		date_format(&last, out->to);
	} else if (date_parse(f->from, &from) && date_parse(f->to, &to)) {
		/* As many days, just before. */
		struct cn_date end = from, start;
		long days = date_days_between(&from, &to) + 1;
		date_add_days(&end, -1);
		start = end;
		date_add_days(&start, (int)-(days - 1));
		date_format(&start, out->from);
		date_format(&end, out->to);
	}
}

void report_year_before(const struct report_filter *f, struct report_filter *out)
{
	struct cn_date d;

	*out = *f;
	out->by = BY_NONE;
	if (date_parse(f->from, &d)) {
		d.year--;
		if (d.day > date_days_in_month(d.year, d.month))
			d.day = date_days_in_month(d.year, d.month);
		date_format(&d, out->from);
	}
	if (date_parse(f->to, &d)) {
		/* The end of a month stays the end of its month: February 2025
		 * a year before is the whole of February 2024. */
		bool month_end = d.day == date_days_in_month(d.year, d.month);
		d.year--;
		if (month_end || d.day > date_days_in_month(d.year, d.month))
			d.day = date_days_in_month(d.year, d.month);
		date_format(&d, out->to);
	}
}

/* The key figures of the visits of r->f in one pass: visits, minutes,
 * « faire pour », urgent, referred, and the persons. */
static int key_visits(struct store *st, const struct lists *ls, struct report *r,
                      struct person_set *persons, struct cn_err *err)
{
	const char *pour = ls->l[L_POSTURE].e[0].code;
	sqlite3_stmt *stmt = report_prepare_period(
		st,
		"SELECT v.duration, v.posture, v.urgent, coalesce(v.referred_to, '') <> '',"
		" v.person_id FROM visit v WHERE " REPORT_IN_PERIOD,
		&r->f, err);
	long pours = 0, referred = 0;
	int rc, ok = CN_OK;

	if (!stmt)
		return CN_EDB;
	while (ok == CN_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r->visits++;
		r->minutes += sqlite3_column_int(stmt, 0);
		if (strcmp(report_column_text(stmt, 1), pour) == 0)
			pours++;
		r->urgent += sqlite3_column_int(stmt, 2) != 0;
		referred += sqlite3_column_int(stmt, 3);
		if (sqlite3_column_type(stmt, 4) != SQLITE_NULL &&
		    person_set_add(persons, (const char *)sqlite3_column_text(stmt, 4),
		                   (size_t)sqlite3_column_bytes(stmt, 4)) != 0)
			ok = CN_EDB;
	}
	if ((rc = report_query_done(st, stmt, rc, ok, err)) != CN_OK)
		return rc;
	person_set_finish(persons);
	r->persons = (long)persons->n;
	/* The same distributions as a whole report would give those figures. */
	dist_init(&r->posture, ls, L_POSTURE);
	r->posture.count[0] = pours;
	r->posture.total = r->visits;
	if (dist_add(&r->referred_to, "", r->visits - referred) != CN_OK)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	r->referred_to.total = r->visits;
	return CN_OK;
}

/* Only what the first page compares of a period (outline.c's key
 * figures), for r->prev and r->year_ago. */
static int report_compute_key(struct store *st, const struct lists *ls,
                              const struct report_filter *f, struct report *r,
                              struct cn_err *err)
{
	struct person_set persons = {0};
	int rc;

	memset(r, 0, sizeof *r);
	r->f = *f;
	if ((rc = store_begin_read(st, err)) != CN_OK)
		return rc;
	rc = key_visits(st, ls, r, &persons, err);
	if (!rc)
		rc = history_ends(st, ls, r, &persons, err);
	person_set_free(&persons);
	if (!rc)
		rc = activity_key(st, r, err);
	store_rollback(st);
	if (rc != CN_OK)
		report_free(r);
	return rc;
}

/* Another report of f beside r, kept only when the base has visits,
 * workshops or times there. */
static int beside(struct store *st, const struct lists *ls, const struct report_filter *f,
                  struct report **out, struct cn_err *err)
{
	struct report *o = calloc(1, sizeof *o);
	int rc;

	*out = NULL;
	if (!o)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	/* Without a posture list, « faire pour » would be another code: the
	 * whole report then. */
	rc = ls->l[L_POSTURE].n ? report_compute_key(st, ls, f, o, err)
	                        : report_compute(st, ls, f, o, err);
	if (rc != CN_OK) {
		free(o);
		return rc;
	}
	if (!report_has_records(o)) {
		report_free(o);
		free(o);
		return CN_OK;
	}
	*out = o;
	return CN_OK;
}

/* Cuts the compared period c to `days` days from its start (never longer). */
static void cut_to_days(struct report_filter *c, long days)
{
	struct cn_date d;

	if (!date_parse(c->from, &d))
		return;
	date_add_days(&d, (int)(days - 1));
	char end[DATE_LEN];
	date_format(&d, end);
	if (strcmp(end, c->to) < 0)
		memcpy(c->to, end, DATE_LEN);
}

int report_compute_compared(struct store *st, const struct lists *ls,
                            const struct report_filter *f, struct report *r, struct cn_err *err)
{
	struct report_filter p, y;
	struct cn_date today, from;
	int hour, minute;
	int rc = report_compute(st, ls, f, r, err);

	if (rc != CN_OK)
		return rc;
	report_previous_period(f, &p);
	report_year_before(f, &y);
	if ((rc = clock_now(&today, &hour, &minute, err)) != CN_OK) {
		report_free(r);
		return rc;
	}
	date_format(&today, r->today);
	if (strcmp(r->today, f->from) >= 0 && strcmp(r->today, f->to) <= 0 &&
	    date_parse(f->from, &from)) {
		/* A month not over beside whole months would read as a fall. */
		long days = date_days_between(&from, &today) + 1;
		cut_to_days(&p, days);
		cut_to_days(&y, days);
	} else {
		r->today[0] = '\0';
	}
	if ((rc = beside(st, ls, &p, &r->prev, err)) == CN_OK)
		rc = beside(st, ls, &y, &r->year_ago, err);
	if (rc != CN_OK)
		report_free(r);
	return rc;
}

int cross_row_shares(const struct cross *c, int i, long *tenths, int max)
{
	const struct dist *row = &c->row[i];
	int n = row->n < max ? row->n : max;

	if (row->total == 0)
		return 0;
	shares_tenths(row->count, n, row->total, tenths);
	return n;
}

long report_referrals(const struct report *r)
{
	return r->referred_to.total - dist_count(&r->referred_to, "");
}

bool report_referrals_followed(const struct report *r)
{
	return r->referral_how.total > dist_count(&r->referral_how, "") || r->referrals_answered > 0;
}

long report_work_minutes(const struct report *r)
{
	return r->work.total;
}

long report_outside_minutes(const struct report *r)
{
	return r->work.total - (r->work.n ? r->work.count[0] : 0);
}

bool report_has_records(const struct report *r)
{
	return r->visits > 0 || r->ws.sessions > 0 || r->worktimes > 0;
}

const struct dist *report_dist(const struct report *r, const char *name)
{
	static const struct {
		const char *name;
		size_t off;
	} names[] = {
		{"durees", offsetof(struct report, durations)},
		{"canal", offsetof(struct report, canal)},
		{"jours", offsetof(struct report, weekday)},
		{"demandes", offsetof(struct report, demand)},
		{"organismes", offsetof(struct report, organism)},
		{"postures", offsetof(struct report, posture)},
		{"issues", offsetof(struct report, outcome)},
		{"issues_urgentes", offsetof(struct report, urgent_outcome)},
		{"oriente_par", offsetof(struct report, referred_by)},
		{"oriente_vers", offsetof(struct report, referred_to)},
		{"orientation_mode", offsetof(struct report, referral_how)},
		{"orientation_suite", offsetof(struct report, referral_went)},
		{"tranche_age", offsetof(struct report, age)},
		{"genre", offsetof(struct report, gender)},
		{"quartier", offsetof(struct report, area)},
		{"situation", offsetof(struct report, situation)},
		{"equipement", offsetof(struct report, equipment)},
		{"themes_atelier", offsetof(struct report, ws.theme)},
		{"niveaux_atelier", offsetof(struct report, ws.level)},
		{"lieux_atelier", offsetof(struct report, ws.place)},
		{"participants_tranche_age", offsetof(struct report, ws.age)},
		{"participants_genre", offsetof(struct report, ws.gender)},
		{"participants_quartier", offsetof(struct report, ws.area)},
		{"participants_situation", offsetof(struct report, ws.situation)},
		{"participants_equipement", offsetof(struct report, ws.equipment)},
		{"temps_de_travail", offsetof(struct report, work)},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].name, name) == 0)
			return (const struct dist *)((const char *)r + names[i].off);
	return NULL;
}

static void cross_free(struct cross *c)
{
	for (int i = 0; i < c->n; i++)
		dist_free(&c->row[i]);
	free(c->code);
	free(c->row);
	memset(c, 0, sizeof *c);
}

void report_free(struct report *r)
{
	for (int i = 0; i < r->ngroups; i++)
		report_free(&r->groups[i]);
	free(r->groups);
	r->groups = NULL;
	r->ngroups = 0;
	if (r->prev) {
		report_free(r->prev);
		free(r->prev);
		r->prev = NULL;
	}
	if (r->year_ago) {
		report_free(r->year_ago);
		free(r->year_ago);
		r->year_ago = NULL;
	}
	struct dist *all[] = {&r->durations,   &r->canal,      &r->weekday,    &r->demand,      &r->organism,
	                      &r->posture,     &r->outcome,    &r->urgent_outcome,
	                      &r->referred_by, &r->referred_to, &r->age,        &r->gender,
	                      &r->area,        &r->situation,  &r->equipment,  &r->ws.theme,
	                      &r->ws.level,    &r->ws.place,   &r->ws.age,     &r->ws.gender,
	                      &r->ws.area,     &r->ws.situation, &r->ws.equipment, &r->work,
	                      &r->referral_how, &r->referral_went};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		dist_free(all[i]);
	cross_free(&r->posture_by_demand);
	cross_free(&r->posture_by_organism);
	cross_free(&r->went_by_to);
	cross_free(&r->went_by_how);
	referral_places_free(&r->places);
}

const char *report_group_code(const struct report *r, int g)
{
	const struct codeset *set =
		r->f.by == BY_SITE ? &r->groups[g].f.sites : &r->groups[g].f.mediators;
	return set->n ? set->v[0] : "";
}

const char *report_group_label(const struct report *r, const struct lists *ls, int g)
{
	const char *code = report_group_code(r, g);

	if (!code[0])
		return "sans médiateur";
	return lists_label(ls, r->f.by == BY_SITE ? L_SITE : L_MEDIATEUR, code);
}

long report_group_count(const struct report *r, int g, const struct report_table *t, int row)
{
	const struct dist *d = report_dist(&r->groups[g], t->name);
	int i;

	if (!d)
		return 0;
	if (row < t->fixed_rows)
		return row < d->n ? d->count[row] : 0;
	i = dist_find(d, t->d->code[row], t->fixed_rows);
	return i >= 0 ? d->count[i] : 0;
}
