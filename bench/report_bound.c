/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_bound: the figures of "carnet report" for one period computed the
 * shortest way SQLite allows, to measure carnet against: one scan of the
 * period's visits for everything counted by a visit's own fields (the
 * referrals included), the trend's other months counted on the date
 * index, the persons sorted in memory, one covering seek in
 * visit_by_person for each person's history and one in person for each
 * profile; for the previous period and the year before, only the key
 * figures of the first page (one scan, and the two ends of each history).
 * The workshops and times are carnet's own activity_compute (small tables,
 * not what is measured). It fills the same struct report and prints it
 * with carnet's writers, so that its output can be compared byte for byte.
 *
 *   report_bound --db FILE --from AAAA-MM-JJ --to AAAA-MM-JJ [--format json|text]
 *
 * No filter, no breakdown: the cases of bench/report.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/app/app.h"
#include "carnet/model/clock.h"
#include "carnet/model/ids.h"
#include "carnet/report/activity.h"
#include "carnet/report/referral_place.h"
#include "carnet/report/report.h"
#include "carnet/report/report_write.h"

#define PERIOD "v.date >= ?1 AND v.date <= ?2 AND v.deleted_at IS NULL"

static sqlite3_stmt *prepare(struct store *st, const char *sql, const char *from, const char *to)
{
	struct cn_err err;
	sqlite3_stmt *stmt = store_prepare(st, sql, &err);

	if (!stmt) {
		fprintf(stderr, "report_bound: %s\n", err.msg);
		exit(1);
	}
	sqlite3_bind_text(stmt, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, to, -1, SQLITE_TRANSIENT);
	return stmt;
}

static void done(sqlite3_stmt *stmt, int rc)
{
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "report_bound: SQLite %d\n", rc);
		exit(1);
	}
	sqlite3_finalize(stmt);
}

static const char *text(sqlite3_stmt *stmt, int col)
{
	const char *s = (const char *)sqlite3_column_text(stmt, col);
	return s ? s : "";
}

/* ------------------------------------------------------------ persons */

struct ids {
	char (*id)[ID_LEN];
	size_t n, cap;
};

static void ids_add(struct ids *s, const char *id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 65536;
		if (!(s->id = realloc(s->id, s->cap * sizeof *s->id)))
			exit(1);
	}
	snprintf(s->id[s->n++], ID_LEN, "%s", id);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void ids_sort(struct ids *s)
{
	size_t kept = 0;

	if (!s->n)
		return;
	qsort(s->id, s->n, sizeof *s->id, by_id);
	for (size_t i = 1; i < s->n; i++)
		if (strcmp(s->id[kept], s->id[i]) != 0)
			memcpy(s->id[++kept], s->id[i], ID_LEN);
	s->n = kept + 1;
}

static int level(const struct lists *ls, const char *code)
{
	const struct vlist *vl = &ls->l[L_POSTURE];
	for (int i = 0; i < vl->n; i++)
		if (strcmp(vl->e[i].code, code) == 0)
			return i + 1;
	return 0;
}

/* ------------------------------------------------------------ tables */

static void swap_rows(void *ctx, int i, int j)
{
	struct cross *c = ctx;
	struct dist t = c->row[i];
	c->row[i] = c->row[j];
	c->row[j] = t;
}

static void cross_grow(struct cross *c, const struct lists *ls, int n, int list)
{
	while (c->n < n) {
		c->row = realloc(c->row, sizeof *c->row * (size_t)(c->n + 1));
		c->code = realloc(c->code, sizeof *c->code * (size_t)(c->n + 1));
		if (!c->row || !c->code)
			exit(1);
		memset(c->code[c->n], 0, CODE_MAX);
		dist_init(&c->row[c->n++], ls, list);
	}
}

/* Codes of "a|b" into d (and the posture of the visit into c's rows). */
static void multi(const struct lists *ls, struct dist *d, struct cross *c, long *none,
                  const char *codes, const char *posture)
{
	const char *p = codes;

	if (!*p && none)
		(*none)++;
	while (*p) {
		size_t len = strcspn(p, "|"), cut = len < CODE_MAX ? len : CODE_MAX - 1;
		char code[CODE_MAX];
		int i;

		memcpy(code, p, cut);
		code[cut] = '\0';
		p += len + (p[len] == '|');
		i = dist_slot(d, code);
		d->count[i]++;
		cross_grow(c, ls, i + 1, L_POSTURE);
		dist_add(&c->row[i], posture, 1);
	}
}

/* A referral group as the scan counts it. */
struct referral {
	char dest[CODE_MAX], how[CODE_MAX], went[CODE_MAX];
	char *place;
	long n;
};

struct referrals {
	struct referral *e;
	int n;
};

static void referral_count(struct referrals *g, const char *dest, const char *how,
                           const char *went, const char *place)
{
	for (int i = g->n - 1; i >= 0; i--) {
		struct referral *e = &g->e[i];
		if (!strcmp(e->dest, dest) && !strcmp(e->how, how) && !strcmp(e->went, went) &&
		    !strcmp(e->place, place)) {
			e->n++;
			return;
		}
	}
	if (!(g->e = realloc(g->e, sizeof *g->e * (size_t)(g->n + 1))))
		exit(1);
	struct referral *e = &g->e[g->n++];
	snprintf(e->dest, sizeof e->dest, "%s", dest);
	snprintf(e->how, sizeof e->how, "%s", how);
	snprintf(e->went, sizeof e->went, "%s", went);
	e->place = strdup(place);
	e->n = 1;
}

/* As the directory's join would give them: by place, then by group. */
static int by_place(const void *a, const void *b)
{
	const struct referral *x = a, *y = b;
	int c;

	if ((c = strcmp(x->place, y->place)) || (c = strcmp(x->dest, y->dest)) ||
	    (c = strcmp(x->how, y->how)))
		return c;
	return strcmp(x->went, y->went);
}

static int cross_row(struct cross *c, const struct lists *ls, const char *code)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->code[i], code) == 0)
			return i;
	cross_grow(c, ls, c->n + 1, L_ORIENTATION_SUITE);
	snprintf(c->code[c->n - 1], CODE_MAX, "%s", code);
	return c->n - 1;
}

static void cross_add(struct cross *c, const struct lists *ls, const char *row,
                      const char *went, long n)
{
	int i = cross_row(c, ls, row);
	dist_add(&c->row[i], went, n);
	c->row[i].total += n;
}

/* The rows of the list's order first, then the other codes as they came. */
static void cross_order(struct cross *c, const struct lists *ls, enum list_id id)
{
	struct cross sorted = {0};
	const struct vlist *vl = &ls->l[id];

	for (int k = 0; k < vl->n; k++)
		cross_row(&sorted, ls, vl->e[k].code);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < c->n; i++) {
			if ((vlist_find(vl, c->code[i]) != NULL) != (pass == 0))
				continue;
			int j = cross_row(&sorted, ls, c->code[i]);
			dist_free(&sorted.row[j]);
			sorted.row[j] = c->row[i];
			memset(&c->row[i], 0, sizeof c->row[i]);
		}
	for (int i = 0; i < c->n; i++)
		dist_free(&c->row[i]);
	free(c->code);
	free(c->row);
	*c = sorted;
	for (int i = 0; i < c->n; i++)
		dist_sort(&c->row[i], ls->l[L_ORIENTATION_SUITE].n, NULL, NULL);
}

static void referrals_finish(struct store *st, const struct lists *ls, struct report *r,
                             struct referrals *g)
{
	sqlite3_stmt *place = prepare(st, "SELECT nom, commune FROM place WHERE uid = ?1", "", "");
	struct place_tally places;

	dist_init(&r->referral_how, ls, L_ORIENTATION_MODE);
	dist_init(&r->referral_went, ls, L_ORIENTATION_SUITE);
	place_tally_init(&places, ls);
	qsort(g->e, (size_t)g->n, sizeof *g->e, by_place);
	for (int i = 0; i < g->n; i++) {
		struct referral *e = &g->e[i];
		char nom[512] = "", commune[512] = "";
		bool known = false;

		if (e->place[0]) {
			sqlite3_bind_text(place, 1, e->place, -1, SQLITE_STATIC);
			if (sqlite3_step(place) == SQLITE_ROW) {
				known = true;
				snprintf(nom, sizeof nom, "%s", text(place, 0));
				snprintf(commune, sizeof commune, "%s", text(place, 1));
			}
			sqlite3_reset(place);
		}
		place_tally_add(&places, e->place, known, nom, commune, e->went, e->n);
		dist_add(&r->referral_how, e->how, e->n);
		r->referral_how.total += e->n;
		if (!e->went[0])
			continue;
		r->referrals_answered += e->n;
		r->referral_went.total += e->n;
		dist_add(&r->referral_went, e->went, e->n);
		cross_add(&r->went_by_to, ls, e->dest, e->went, e->n);
		if (e->how[0])
			cross_add(&r->went_by_how, ls, e->how, e->went, e->n);
	}
	sqlite3_finalize(place);
	dist_sort(&r->referral_how, ls->l[L_ORIENTATION_MODE].n, NULL, NULL);
	dist_sort(&r->referral_went, ls->l[L_ORIENTATION_SUITE].n, NULL, NULL);
	place_tally_finish(&places, &r->places, report_referrals(r));
	cross_order(&r->went_by_to, ls, L_ORIENTE_VERS);
	cross_order(&r->went_by_how, ls, L_ORIENTATION_MODE);
	for (int i = 0; i < g->n; i++)
		free(g->e[i].place);
	free(g->e);
}

/* ------------------------------------------------------------ the period */

static void finish_dist(struct dist *d, int known, struct cross *c)
{
	dist_sort(d, known, c ? swap_rows : NULL, c);
	if (c)
		for (int i = 0; i < c->n; i++) {
			memcpy(c->code[i], d->code[i], CODE_MAX);
			c->row[i].total = d->count[i];
		}
}

static void whole(struct store *st, const struct lists *ls, struct report *r)
{
	struct dist *fields[] = {&r->canal, &r->posture, &r->outcome, &r->referred_by,
	                         &r->referred_to};
	const int lists[] = {L_CANAL, L_POSTURE, L_ISSUE, L_ORIENTE_PAR, L_ORIENTE_VERS};
	const bool optional[] = {false, false, true, true, true};
	char tfrom[REPORT_TREND][DATE_LEN], tto[REPORT_TREND][DATE_LEN];
	long by_minute[DURATION_MAX + 1] = {0}, tcount[REPORT_TREND] = {0}, below = 0;
	double sum[REPORT_RANKS] = {0};
	struct referrals groups = {0};
	struct ids persons = {0};
	struct cn_date month;
	sqlite3_stmt *stmt;
	int rc, first_month = 0;

	for (int i = 0; i < 5; i++) {
		dist_init(fields[i], ls, lists[i]);
		if (optional[i])
			dist_add(fields[i], "", 0);
	}
	dist_init(&r->demand, ls, L_DEMANDE);
	dist_init(&r->organism, ls, L_ORGANISME);
	dist_init(&r->urgent_outcome, ls, L_ISSUE);
	dist_add(&r->urgent_outcome, "", 0);
	for (int i = 0; i < 7; i++)
		dist_add(&r->weekday, report_weekdays[i], 0);
	date_parse(r->f.to, &month);
	for (int i = REPORT_TREND - 1; i >= 0; i--) {
		month.day = 1;
		date_format(&month, tfrom[i]);
		month.day = date_days_in_month(month.year, month.month);
		date_format(&month, tto[i]);
		snprintf(r->trend_month[i], sizeof r->trend_month[i], "%.7s", tfrom[i]);
		first_month = month.year * 12 + month.month - 1;
		if (--month.month < 1) {
			month.month = 12;
			month.year--;
		}
	}

	/* One scan of the period. */
	stmt = prepare(st,
	               "SELECT v.date, v.duration, v.present, v.urgent, v.canal, v.posture,"
	               " v.outcome, v.referred_by, v.referred_to, v.demands, v.organisms,"
	               " v.person_id, v.referral_how, v.referral_went, v.referral_place"
	               " FROM visit v WHERE " PERIOD,
	               r->f.from, r->f.to);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *date = text(stmt, 0), *posture = text(stmt, 5);
		int minutes = sqlite3_column_int(stmt, 1);
		struct cn_date day;

		r->visits++;
		r->minutes += minutes;
		if (minutes >= 0 && minutes <= DURATION_MAX)
			by_minute[minutes]++;
		r->bins[minutes < 15 ? 0 : minutes < 30 ? 1 : minutes < 60 ? 2 : minutes <= 120 ? 3 : 4]++;
		if (date_parse(date, &day)) {
			int i = day.year * 12 + day.month - 1 - first_month;

			r->weekday.count[date_weekday(&day)]++;
			if (i >= 0 && i < REPORT_TREND && strcmp(date, tto[i]) <= 0)
				tcount[i]++;
		}
		if (!sqlite3_column_int(stmt, 2))
			r->absent++;
		for (int i = 0; i < 5; i++)
			dist_add(fields[i], text(stmt, 4 + i), 1);
		if (sqlite3_column_int(stmt, 3)) {
			r->urgent++;
			dist_add(&r->urgent_outcome, text(stmt, 6), 1);
		}
		multi(ls, &r->demand, &r->posture_by_demand, NULL, text(stmt, 9), posture);
		multi(ls, &r->organism, &r->posture_by_organism, &r->no_organism, text(stmt, 10),
		      posture);
		if (sqlite3_column_type(stmt, 11) != SQLITE_NULL)
			ids_add(&persons, text(stmt, 11));
		if (*text(stmt, 8))
			referral_count(&groups, text(stmt, 8), text(stmt, 12), text(stmt, 13),
			               text(stmt, 14));
	}
	done(stmt, rc);
	for (int i = 0; i < 5; i++) {
		fields[i]->total = r->visits;
		finish_dist(fields[i], ls->l[lists[i]].n, NULL);
	}
	cross_grow(&r->posture_by_demand, ls, r->demand.n, L_POSTURE);
	cross_grow(&r->posture_by_organism, ls, r->organism.n, L_POSTURE);
	r->demand.total = r->organism.total = r->visits;
	finish_dist(&r->demand, ls->l[L_DEMANDE].n, &r->posture_by_demand);
	finish_dist(&r->organism, ls->l[L_ORGANISME].n, &r->posture_by_organism);
	for (int k = 0; k < r->posture_by_demand.n; k++)
		finish_dist(&r->posture_by_demand.row[k], ls->l[L_POSTURE].n, NULL);
	for (int k = 0; k < r->posture_by_organism.n; k++)
		finish_dist(&r->posture_by_organism.row[k], ls->l[L_POSTURE].n, NULL);
	r->urgent_outcome.total = r->urgent;
	finish_dist(&r->urgent_outcome, ls->l[L_ISSUE].n, NULL);
	r->weekday.total = r->visits;
	r->mean_minutes = r->visits ? (double)r->minutes / (double)r->visits : 0;
	for (int m = 0, lo = -1; r->visits && m <= DURATION_MAX; m++) {
		below += by_minute[m];
		if (lo < 0 && below > (r->visits - 1) / 2)
			lo = m;
		if (lo >= 0 && below > r->visits / 2) {
			r->median_minutes = (lo + m) / 2.0;
			break;
		}
	}
	for (int i = 0; i < REPORT_BINS; i++)
		dist_add(&r->durations, report_bin_codes[i], r->bins[i]);
	r->durations.total = r->visits;

	/* The trend's months outside the period, on the date index. */
	stmt = prepare(st, "SELECT count(*) FROM visit v WHERE " PERIOD, "", "");
	for (int i = 0; i < REPORT_TREND; i++) {
		if (strcmp(tfrom[i], r->f.from) >= 0 && strcmp(tto[i], r->f.to) <= 0) {
			r->trend[i] = tcount[i];
			continue;
		}
		sqlite3_bind_text(stmt, 1, tfrom[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, tto[i], -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			r->trend[i] = (long)sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);

	/* Each person's history: one covering seek. */
	ids_sort(&persons);
	r->persons = (long)persons.n;
	stmt = prepare(st,
	               "SELECT v.posture, v.date >= ?1 FROM visit v WHERE v.person_id = ?3"
	               " AND v.deleted_at IS NULL AND v.date <= ?2"
	               " ORDER BY v.date, v.time, v.created_at, v.id",
	               r->f.from, r->f.to);
	for (size_t p = 0; p < persons.n; p++) {
		long rank = 0;
		int first = 0, last = 0;

		sqlite3_bind_text(stmt, 3, persons.id[p], -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			int lv = level(ls, text(stmt, 0));
			int in = sqlite3_column_int(stmt, 1), k;

			if (!rank) {
				first = lv;
				r->first_visits += in;
			}
			last = lv;
			k = ++rank >= REPORT_RANKS ? REPORT_RANKS - 1 : (int)rank - 1;
			if (in && lv > 0) {
				sum[k] += lv;
				r->rank_visits[k]++;
			}
		}
		sqlite3_reset(stmt);
		if (rank >= 2) {
			r->returning++;
			if (last > first)
				r->towards_autonomy++;
			else if (last < first)
				r->backwards++;
			else
				r->same++;
		}
	}
	sqlite3_finalize(stmt);
	for (int i = 0; i < REPORT_RANKS; i++)
		r->rank_mean[i] = r->rank_visits[i] ? sum[i] / (double)r->rank_visits[i] : 0;

	/* Each person's profile: one seek. */
	{
		struct dist *out[] = {&r->age, &r->gender, &r->area, &r->situation, &r->equipment};
		const int plists[] = {L_TRANCHE_AGE, L_GENRE, L_QUARTIER, L_SITUATION, L_EQUIPEMENT};

		for (int i = 0; i < 5; i++) {
			dist_init(out[i], ls, plists[i]);
			out[i]->total = r->persons;
			dist_add(out[i], "", 0);
		}
		stmt = prepare(st,
		               "SELECT p.age, p.gender, p.area, p.situation, p.equipment FROM person p"
		               " WHERE p.id = ?3",
		               "", "");
		for (size_t p = 0; p < persons.n; p++) {
			sqlite3_bind_text(stmt, 3, persons.id[p], -1, SQLITE_STATIC);
			if (sqlite3_step(stmt) == SQLITE_ROW) {
				struct codeset equipment;
				for (int i = 0; i < 4; i++)
					dist_add(out[i], text(stmt, i), 1);
				store_column_codes(stmt, 4, &equipment);
				if (!equipment.n)
					dist_add(out[4], "", 1);
				for (int k = 0; k < equipment.n; k++)
					dist_add(out[4], equipment.v[k], 1);
			}
			sqlite3_reset(stmt);
		}
		sqlite3_finalize(stmt);
		for (int i = 0; i < 5; i++)
			dist_sort(out[i], ls->l[plists[i]].n, NULL, NULL);
	}
	free(persons.id);
	referrals_finish(st, ls, r, &groups);
}

/* The key figures of the first page only. */
static void key(struct store *st, const struct lists *ls, struct report *r)
{
	struct ids persons = {0};
	sqlite3_stmt *stmt, *ends[2];
	long pours = 0, referred = 0;
	int rc;

	stmt = prepare(st,
	               "SELECT v.duration, v.posture, v.urgent, coalesce(v.referred_to, '') <> '',"
	               " v.person_id FROM visit v WHERE " PERIOD,
	               r->f.from, r->f.to);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r->visits++;
		r->minutes += sqlite3_column_int(stmt, 0);
		pours += level(ls, text(stmt, 1)) == 1;
		r->urgent += sqlite3_column_int(stmt, 2) != 0;
		referred += sqlite3_column_int(stmt, 3);
		if (sqlite3_column_type(stmt, 4) != SQLITE_NULL)
			ids_add(&persons, text(stmt, 4));
	}
	done(stmt, rc);
	ids_sort(&persons);
	r->persons = (long)persons.n;
	dist_init(&r->posture, ls, L_POSTURE);
	r->posture.count[0] = pours;
	dist_add(&r->referred_to, "", r->visits - referred);
	r->referred_to.total = r->posture.total = r->visits;
	ends[0] = prepare(st,
	                  "SELECT v.posture FROM visit v WHERE v.person_id = ?1"
	                  " AND v.deleted_at IS NULL AND v.date <= ?2"
	                  " ORDER BY v.date, v.time, v.created_at, v.id LIMIT 2",
	                  "", r->f.to);
	ends[1] = prepare(st,
	                  "SELECT v.posture FROM visit v WHERE v.person_id = ?1"
	                  " AND v.deleted_at IS NULL AND v.date <= ?2 ORDER BY v.date DESC,"
	                  " v.time DESC, v.created_at DESC, v.id DESC LIMIT 1",
	                  "", r->f.to);
	for (size_t p = 0; p < persons.n; p++) {
		int first = 0, last = 0;

		sqlite3_bind_text(ends[0], 1, persons.id[p], -1, SQLITE_STATIC);
		if (sqlite3_step(ends[0]) == SQLITE_ROW)
			first = level(ls, text(ends[0], 0));
		rc = sqlite3_step(ends[0]);
		sqlite3_reset(ends[0]);
		if (rc != SQLITE_ROW)
			continue;
		sqlite3_bind_text(ends[1], 1, persons.id[p], -1, SQLITE_STATIC);
		if (sqlite3_step(ends[1]) == SQLITE_ROW)
			last = level(ls, text(ends[1], 0));
		sqlite3_reset(ends[1]);
		r->returning++;
		r->towards_autonomy += last > first;
	}
	sqlite3_finalize(ends[0]);
	sqlite3_finalize(ends[1]);
	free(persons.id);
}

static struct report *beside(struct store *st, const struct lists *ls,
                             const struct report_filter *f)
{
	struct report *o = calloc(1, sizeof *o);
	struct cn_err err;

	o->f = *f;
	key(st, ls, o);
	if (activity_key(st, o, &err) != CN_OK)
		exit(1);
	if (!report_has_records(o)) {
		report_free(o);
		free(o);
		return NULL;
	}
	return o;
}

static void cut_to_days(struct report_filter *c, long days)
{
	struct cn_date d;
	char end[DATE_LEN];

	if (!date_parse(c->from, &d))
		return;
	date_add_days(&d, (int)(days - 1));
	date_format(&d, end);
	if (strcmp(end, c->to) < 0)
		memcpy(c->to, end, DATE_LEN);
}

int main(int argc, char **argv)
{
	const char *db = NULL, *from = NULL, *to = NULL, *format = "json";
	struct report_filter f, p, y;
	struct report r;
	struct cn_date today, start;
	struct cn_err err;
	struct app app;
	int hour, minute;

	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--db"))
			db = argv[i + 1];
		else if (!strcmp(argv[i], "--from"))
			from = argv[i + 1];
		else if (!strcmp(argv[i], "--to"))
			to = argv[i + 1];
		else if (!strcmp(argv[i], "--format"))
			format = argv[i + 1];
	}
	if (!db || !from || !to) {
		fprintf(stderr, "usage: report_bound --db FILE --from DATE --to DATE"
		                " [--format json|text]\n");
		return 2;
	}
	app_init(&app);
	app.db_opt = db;
	if (app_open_existing(&app) != 0)
		return 1;
	memset(&f, 0, sizeof f);
	snprintf(f.from, sizeof f.from, "%s", from);
	snprintf(f.to, sizeof f.to, "%s", to);
	memset(&r, 0, sizeof r);
	r.f = f;
	if (store_begin_read(app.st, &err) != CN_OK)
		return 1;
	whole(app.st, &app.cfg.lists, &r);
	if (activity_compute(app.st, &app.cfg.lists, &r, &err) != CN_OK)
		return 1;
	report_previous_period(&f, &p);
	report_year_before(&f, &y);
	clock_now(&today, &hour, &minute, &err);
	date_format(&today, r.today);
	if (strcmp(r.today, f.from) >= 0 && strcmp(r.today, f.to) <= 0 &&
	    date_parse(f.from, &start)) {
		long days = date_days_between(&start, &today) + 1;
		cut_to_days(&p, days);
		cut_to_days(&y, days);
	} else {
		r.today[0] = '\0';
	}
	r.prev = beside(app.st, &app.cfg.lists, &p);
	r.year_ago = beside(app.st, &app.cfg.lists, &y);
	store_rollback(app.st);
	if (!strcmp(format, "text"))
		report_write_text(stdout, &r, &app.cfg.lists);
	else
		report_write_json(stdout, &r, &app.cfg.lists);
	report_free(&r);
	app_close(&app);
	return 0;
}
