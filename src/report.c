#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/clock.h"
#include "carnet/ids.h"
#include "carnet/report.h"

const char *const report_bin_labels[REPORT_BINS] = {
	"moins de 15 min", "15 à 29 min", "30 à 59 min", "1 h à 2 h", "plus de 2 h",
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

void format_tenths(long tenths, char *out, size_t size)
{
	snprintf(out, size, "%ld,%ld", tenths / 10, tenths % 10);
}

/* ------------------------------------------------------------ distributions */

static int dist_find(const struct dist *d, const char *code)
{
	for (int i = 0; i < d->n; i++)
		if (strcmp(d->code[i], code) == 0)
			return i;
	return -1;
}

static int dist_add(struct dist *d, const char *code, long count)
{
	int i = dist_find(d, code);

	if (i < 0) {
		char (*codes)[CODE_MAX] = realloc(d->code, sizeof *codes * (size_t)(d->n + 1));
		long *counts = realloc(d->count, sizeof *counts * (size_t)(d->n + 1));
		if (codes)
			d->code = codes;
		if (counts)
			d->count = counts;
		if (!codes || !counts)
			return CN_EDB;
		i = d->n++;
		snprintf(d->code[i], CODE_MAX, "%s", code);
		d->count[i] = 0;
	}
	d->count[i] += count;
	return CN_OK;
}

/* Starts a distribution with every code of a list, in its order. */
static void dist_init(struct dist *d, const struct lists *ls, int list)
{
	memset(d, 0, sizeof *d);
	if (list < 0)
		return;
	for (int i = 0; i < ls->l[list].n; i++)
		dist_add(d, ls->l[list].e[i].code, 0);
}

static void dist_free(struct dist *d)
{
	free(d->code);
	free(d->count);
	memset(d, 0, sizeof *d);
}

/* Runs sql (rows: code or NULL, count) into d; NULL codes count as "". */
static int dist_query(struct store *st, struct dist *d, const char *sql, struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int rc;

	if (!stmt)
		return CN_EDB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(stmt, 0);
		if (dist_add(d, code ? code : "", sqlite3_column_int64(stmt, 1)) != CN_OK)
			break;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "calcul du bilan impossible");
	return CN_OK;
}

static int list_dist(struct store *st, const struct lists *ls, int list, struct dist *d,
                     long total, const char *sql, struct cn_err *err)
{
	dist_init(d, ls, list);
	d->total = total;
	return dist_query(st, d, sql, err);
}

/* ------------------------------------------------------------ queries */

/* The period's visits go to a temporary table that every indicator reads. */
static int select_period(struct store *st, const struct report_filter *f, struct cn_err *err)
{
	char sql[1024] = "CREATE TEMP TABLE rp AS SELECT id, date, time, created_at, duration, site,"
	                 " mediator, canal, posture, present, outcome, urgent, referred_by,"
	                 " referred_to, person_id FROM visit"
	                 " WHERE deleted_at IS NULL AND date >= ?1 AND date <= ?2";
	char sites[CODESET_MAX * CODE_MAX + 2] = ",", meds[CODESET_MAX * CODE_MAX + 2] = ",";
	sqlite3_stmt *stmt;
	int rc;

	sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.rp", NULL, NULL, NULL);
	if (f->sites.n)
		strcat(sql, " AND instr(?3, ',' || site || ',') > 0");
	if (f->mediators.n)
		strcat(sql, " AND instr(?4, ',' || mediator || ',') > 0");
	if (!(stmt = store_prepare(st, sql, err)))
		return CN_EDB;
	codeset_join(&f->sites, ",", sites + 1, sizeof sites - 2);
	codeset_join(&f->mediators, ",", meds + 1, sizeof meds - 2);
	strcat(sites, ",");
	strcat(meds, ",");
	sqlite3_bind_text(stmt, 1, f->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, f->to, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, sites, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, meds, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? CN_OK : store_fail(st, err, "calcul impossible");
	sqlite3_finalize(stmt);
	return rc;
}

static int volume(struct store *st, struct report *r, struct cn_err *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = store_scalar(st, "SELECT count(*) FROM rp", &r->visits, err)) ||
	    (rc = store_scalar(st, "SELECT count(DISTINCT person_id) FROM rp", &r->persons, err)) ||
	    (rc = store_scalar(st, "SELECT coalesce(sum(duration), 0) FROM rp", &r->minutes, err)))
		return rc;
	r->mean_minutes = r->visits ? (double)r->minutes / (double)r->visits : 0;
	if (r->visits) {
		/* The middle value, or the mean of the two middle ones. */
		stmt = store_prepare(st, "SELECT avg(duration) FROM (SELECT duration FROM rp"
		                         " ORDER BY duration LIMIT ?1 OFFSET ?2)", err);
		if (!stmt)
			return CN_EDB;
		sqlite3_bind_int64(stmt, 1, 2 - r->visits % 2);
		sqlite3_bind_int64(stmt, 2, (r->visits - 1) / 2);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			r->median_minutes = sqlite3_column_double(stmt, 0);
		sqlite3_finalize(stmt);
	}
	stmt = store_prepare(st,
	                     "SELECT coalesce(sum(duration < 15), 0),"
	                     " coalesce(sum(duration >= 15 AND duration < 30), 0),"
	                     " coalesce(sum(duration >= 30 AND duration < 60), 0),"
	                     " coalesce(sum(duration >= 60 AND duration <= 120), 0),"
	                     " coalesce(sum(duration > 120), 0) FROM rp",
	                     err);
	if (!stmt)
		return CN_EDB;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		for (int i = 0; i < REPORT_BINS; i++)
			r->bins[i] = (long)sqlite3_column_int64(stmt, i);
	sqlite3_finalize(stmt);
	if ((rc = store_scalar(st, "SELECT count(*) FROM rp WHERE present = 0", &r->absent, err)) ||
	    (rc = store_scalar(st, "SELECT count(*) FROM rp WHERE urgent = 1", &r->urgent, err)))
		return rc;
	return store_scalar(st,
	                    "SELECT count(*) FROM rp WHERE NOT EXISTS (SELECT 1 FROM"
	                    " visit_organism o WHERE o.visit_id = rp.id)",
	                    &r->no_organism, err);
}

static int weekdays(struct store *st, struct report *r, struct cn_err *err)
{
	struct dist raw;
	int rc;

	memset(&raw, 0, sizeof raw);
	memset(&r->weekday, 0, sizeof r->weekday);
	for (int i = 0; i < 7; i++)
		dist_add(&r->weekday, report_weekdays[i], 0);
	r->weekday.total = r->visits;
	/* strftime %w: 0 is Sunday. */
	rc = dist_query(st, &raw, "SELECT strftime('%w', date), count(*) FROM rp GROUP BY 1", err);
	for (int i = 0; rc == CN_OK && i < raw.n; i++)
		r->weekday.count[(atoi(raw.code[i]) + 6) % 7] = raw.count[i];
	dist_free(&raw);
	return rc;
}

static int trend(struct store *st, struct report *r, struct cn_err *err)
{
	struct cn_date end, start;
	char from[DATE_LEN], to[DATE_LEN];
	char sql[512] = "SELECT substr(date, 1, 7), count(*) FROM visit WHERE deleted_at IS NULL"
	                " AND date >= ?1 AND date <= ?2";
	char sites[CODESET_MAX * CODE_MAX + 2] = ",", meds[CODESET_MAX * CODE_MAX + 2] = ",";
	sqlite3_stmt *stmt;
	int rc;

	if (!date_parse(r->f.to, &end))
		return cn_err_set(err, CN_EINVAL, "date de fin invalide");
	start = end;
	start.day = 1;
	for (int i = REPORT_TREND - 1; i >= 0; i--) {
		snprintf(r->trend_month[i], sizeof r->trend_month[i], "%04u-%02u",
		         (unsigned)start.year % 10000u, (unsigned)start.month % 100u);
		r->trend[i] = 0;
		if (i > 0 && --start.month < 1) {
			start.month = 12;
			start.year--;
		}
	}
	date_format(&start, from);
	end.day = date_days_in_month(end.year, end.month);
	date_format(&end, to);
	if (r->f.sites.n)
		strcat(sql, " AND instr(?3, ',' || site || ',') > 0");
	if (r->f.mediators.n)
		strcat(sql, " AND instr(?4, ',' || mediator || ',') > 0");
	strcat(sql, " GROUP BY 1");
	if (!(stmt = store_prepare(st, sql, err)))
		return CN_EDB;
	codeset_join(&r->f.sites, ",", sites + 1, sizeof sites - 2);
	codeset_join(&r->f.mediators, ",", meds + 1, sizeof meds - 2);
	strcat(sites, ",");
	strcat(meds, ",");
	sqlite3_bind_text(stmt, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, sites, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, meds, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *month = (const char *)sqlite3_column_text(stmt, 0);
		for (int i = 0; i < REPORT_TREND; i++)
			if (month && strcmp(r->trend_month[i], month) == 0)
				r->trend[i] = (long)sqlite3_column_int64(stmt, 1);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? CN_OK : store_fail(st, err, "calcul du bilan impossible");
}

/* For each code of a multi-valued field, the posture distribution of the
 * visits that hold it. */
static int cross(struct store *st, const struct lists *ls, const struct dist *rows,
                 const char *table, struct cross *c, struct cn_err *err)
{
	char sql[256];
	sqlite3_stmt *stmt;
	int rc;

	memset(c, 0, sizeof *c);
	c->n = rows->n;
	c->code = calloc((size_t)(rows->n ? rows->n : 1), sizeof *c->code);
	c->row = calloc((size_t)(rows->n ? rows->n : 1), sizeof *c->row);
	if (!c->code || !c->row)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	for (int i = 0; i < rows->n; i++) {
		memcpy(c->code[i], rows->code[i], CODE_MAX);
		dist_init(&c->row[i], ls, L_POSTURE);
		c->row[i].total = rows->count[i];
	}
	/* table is one of two literals, never user data. */
	snprintf(sql, sizeof sql,
	         "SELECT x.code, rp.posture, count(*) FROM rp CROSS JOIN %s x ON x.visit_id = rp.id"
	         " GROUP BY 1, 2",
	         table);
	if (!(stmt = store_prepare(st, sql, err)))
		return CN_EDB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int i = dist_find(rows, (const char *)sqlite3_column_text(stmt, 0));
		const char *posture = (const char *)sqlite3_column_text(stmt, 1);
		if (i >= 0)
			dist_add(&c->row[i], posture ? posture : "", sqlite3_column_int64(stmt, 2));
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? CN_OK : store_fail(st, err, "calcul du bilan impossible");
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

/* One pass over the histories of the persons seen in the period, up to its
 * end, person by person and in order (index visit_by_person): first visits,
 * first against latest posture, and the posture by rank of the visit. */
static int histories(struct store *st, const struct lists *ls, struct report *r,
                     struct cn_err *err)
{
	sqlite3_stmt *stmt;
	double sum[REPORT_RANKS] = {0};
	char person[ID_LEN] = "";
	long rank = 0;
	int first = 0, last = 0, rc;

	if (sqlite3_exec(store_db(st), "CREATE INDEX temp.rp_id ON rp(id)", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return store_fail(st, err, "calcul du bilan impossible");
	stmt = store_prepare(st,
	                     "SELECT w.person_id, w.posture, w.date, w.id IN (SELECT id FROM rp)"
	                     " FROM visit w WHERE w.person_id IN (SELECT DISTINCT person_id FROM rp"
	                     "  WHERE person_id IS NOT NULL)"
	                     " AND w.deleted_at IS NULL AND w.date <= ?1"
	                     " ORDER BY w.person_id, w.date, w.time, w.created_at, w.id",
	                     err);
	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, r->f.to, -1, SQLITE_STATIC);
	for (;;) {
		const char *who;
		int lv, k;

		rc = sqlite3_step(stmt);
		who = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(stmt, 0) : "";
		if (person[0] && strcmp(person, who) != 0 && rank >= 2) {
			/* The end of a person with two visits or more. */
			r->returning++;
			if (last > first)
				r->towards_autonomy++;
			else if (last < first)
				r->backwards++;
			else
				r->same++;
		}
		if (rc != SQLITE_ROW)
			break;
		lv = level(ls, (const char *)sqlite3_column_text(stmt, 1));
		if (strcmp(person, who) != 0) {
			snprintf(person, sizeof person, "%s", who);
			rank = 0;
			first = lv;
			/* The person's first visit ever falls in the period. */
			if (strcmp((const char *)sqlite3_column_text(stmt, 2), r->f.from) >= 0)
				r->first_visits++;
		}
		rank++;
		last = lv;
		k = rank >= REPORT_RANKS ? REPORT_RANKS - 1 : (int)rank - 1;
		if (sqlite3_column_int(stmt, 3) && lv > 0) {
			sum[k] += lv;
			r->rank_visits[k]++;
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "calcul du bilan impossible");
	for (int i = 0; i < REPORT_RANKS; i++)
		r->rank_mean[i] = r->rank_visits[i] ? sum[i] / (double)r->rank_visits[i] : 0;
	return CN_OK;
}

#define PERSONS_IN "(SELECT DISTINCT person_id FROM rp WHERE person_id IS NOT NULL)"

static int public_profile(struct store *st, const struct lists *ls, struct report *r,
                          struct cn_err *err)
{
	static const struct {
		int list;
		const char *sql;
	} fields[] = {
		{L_TRANCHE_AGE, "SELECT age, count(*) FROM person WHERE id IN " PERSONS_IN " GROUP BY 1"},
		{L_GENRE, "SELECT gender, count(*) FROM person WHERE id IN " PERSONS_IN " GROUP BY 1"},
		{L_QUARTIER, "SELECT area, count(*) FROM person WHERE id IN " PERSONS_IN " GROUP BY 1"},
		{L_SITUATION,
		 "SELECT situation, count(*) FROM person WHERE id IN " PERSONS_IN " GROUP BY 1"},
	};
	struct dist *out[] = {&r->age, &r->gender, &r->area, &r->situation};
	long with_equipment;
	int rc;

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if ((rc = list_dist(st, ls, fields[i].list, out[i], r->persons, fields[i].sql, err)))
			return rc;
		/* "Non renseigné" is always shown, never hidden. */
		dist_add(out[i], "", 0);
	}
	if ((rc = list_dist(st, ls, L_EQUIPEMENT, &r->equipment, r->persons,
	                    "SELECT code, count(DISTINCT person_id) FROM person_equipment"
	                    " WHERE person_id IN " PERSONS_IN " GROUP BY 1",
	                    err)) ||
	    (rc = store_scalar(st,
	                 "SELECT count(DISTINCT person_id) FROM person_equipment"
	                 " WHERE person_id IN " PERSONS_IN,
	                 &with_equipment, err)))
		return rc;
	return dist_add(&r->equipment, "", r->persons - with_equipment);
}

/* The sites or mediators that have visits in the period. */
static int group_codes(struct store *st, enum report_by by, struct codeset *out,
                       struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(st,
	                                   by == BY_SITE
	                                       ? "SELECT DISTINCT site FROM rp ORDER BY 1"
	                                       : "SELECT DISTINCT coalesce(mediator, '') FROM rp"
	                                         " ORDER BY 1",
	                                   err);
	int rc;

	out->n = 0;
	if (!stmt)
		return CN_EDB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && out->n < CODESET_MAX)
		snprintf(out->v[out->n++], CODE_MAX, "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? CN_OK
	                                             : store_fail(st, err, "calcul impossible");
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
	int rc;

	memset(r, 0, sizeof *r);
	r->f = *f;
	/* One read transaction: every figure comes from the same state. */
	if ((rc = store_begin_read(st, err)) != CN_OK)
		return rc;
	rc = select_period(st, f, err);
	if (!rc)
		rc = volume(st, r, err);
	if (!rc)
		rc = list_dist(st, ls, L_CANAL, &r->canal, r->visits,
		               "SELECT canal, count(*) FROM rp GROUP BY 1", err);
	if (!rc)
		rc = weekdays(st, r, err);
	if (!rc)
		rc = trend(st, r, err);
	if (!rc)
		rc = list_dist(st, ls, L_DEMANDE, &r->demand, r->visits,
		               "SELECT d.code, count(*) FROM rp CROSS JOIN visit_demand d"
		               " ON d.visit_id = rp.id GROUP BY 1",
		               err);
	if (!rc)
		rc = list_dist(st, ls, L_ORGANISME, &r->organism, r->visits,
		               "SELECT o.code, count(*) FROM rp CROSS JOIN visit_organism o"
		               " ON o.visit_id = rp.id GROUP BY 1",
		               err);
	if (!rc)
		rc = list_dist(st, ls, L_POSTURE, &r->posture, r->visits,
		               "SELECT posture, count(*) FROM rp GROUP BY 1", err);
	if (!rc)
		rc = list_dist(st, ls, L_ISSUE, &r->outcome, r->visits,
		               "SELECT outcome, count(*) FROM rp GROUP BY 1", err);
	if (!rc)
		rc = list_dist(st, ls, L_ISSUE, &r->urgent_outcome, r->urgent,
		               "SELECT outcome, count(*) FROM rp WHERE urgent = 1 GROUP BY 1", err);
	if (!rc)
		rc = list_dist(st, ls, L_ORIENTE_PAR, &r->referred_by, r->visits,
		               "SELECT referred_by, count(*) FROM rp GROUP BY 1", err);
	if (!rc)
		rc = list_dist(st, ls, L_ORIENTE_VERS, &r->referred_to, r->visits,
		               "SELECT referred_to, count(*) FROM rp GROUP BY 1", err);
	if (!rc)
		rc = cross(st, ls, &r->demand, "visit_demand", &r->posture_by_demand, err);
	if (!rc)
		rc = cross(st, ls, &r->organism, "visit_organism", &r->posture_by_organism, err);
	if (!rc)
		rc = histories(st, ls, r, err);
	if (!rc)
		rc = public_profile(st, ls, r, err);
	if (!rc && f->by != BY_NONE)
		rc = group_codes(st, f->by, &groups, err);
	sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.rp", NULL, NULL, NULL);
	/* Nothing was written: end the read transaction either way. */
	store_rollback(st);
	if (!rc && f->by != BY_NONE)
		rc = compute_groups(st, ls, r, &groups, err);
	if (rc != CN_OK)
		report_free(r);
	return rc;
}

long dist_count(const struct dist *d, const char *code)
{
	int i = d ? dist_find(d, code) : -1;
	return i >= 0 ? d->count[i] : 0;
}

const struct dist *report_dist(const struct report *r, const char *name)
{
	static const struct {
		const char *name;
		size_t off;
	} names[] = {
		{"canal", offsetof(struct report, canal)},
		{"jours", offsetof(struct report, weekday)},
		{"demandes", offsetof(struct report, demand)},
		{"organismes", offsetof(struct report, organism)},
		{"postures", offsetof(struct report, posture)},
		{"issues", offsetof(struct report, outcome)},
		{"issues_urgentes", offsetof(struct report, urgent_outcome)},
		{"oriente_par", offsetof(struct report, referred_by)},
		{"oriente_vers", offsetof(struct report, referred_to)},
		{"tranche_age", offsetof(struct report, age)},
		{"genre", offsetof(struct report, gender)},
		{"quartier", offsetof(struct report, area)},
		{"situation", offsetof(struct report, situation)},
		{"equipement", offsetof(struct report, equipment)},
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
	struct dist *all[] = {&r->canal,       &r->weekday,    &r->demand,      &r->organism,
	                      &r->posture,     &r->outcome,    &r->urgent_outcome,
	                      &r->referred_by, &r->referred_to, &r->age,        &r->gender,
	                      &r->area,        &r->situation,  &r->equipment};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		dist_free(all[i]);
	cross_free(&r->posture_by_demand);
	cross_free(&r->posture_by_organism);
}

void report_each_table(const struct report *r, struct dist *bins, report_table_fn fn, void *ctx)
{
	static const char multi[] = "Un passage à plusieurs valeurs compte dans chacune : les parts "
	                            "sont celles des passages et ne s'additionnent pas à 100 %.";
	static const char persons[] = "Parts des personnes distinctes venues sur la période, "
	                              "« non renseigné » compris.";
	const struct report_table tables[] = {
		{"1. Volume", "Durées", "durees", -1, bins, NULL},
		{"1. Volume", "Canal", "canal", L_CANAL, &r->canal, NULL},
		{"1. Volume", "Jour de la semaine", "jours", -1, &r->weekday, NULL},
		{"2. Demandes et organismes", "Demandes", "demandes", L_DEMANDE, &r->demand, multi},
		{"2. Demandes et organismes", "Organismes", "organismes", L_ORGANISME, &r->organism,
		 multi},
		{"3. Posture", "Posture", "postures", L_POSTURE, &r->posture, NULL},
		{"4. Issues et urgences", "Issues", "issues", L_ISSUE, &r->outcome, NULL},
		{"4. Issues et urgences", "Issues des passages urgents", "issues_urgentes", L_ISSUE,
		 &r->urgent_outcome, NULL},
		{"6. Orientations", "Orienté par", "oriente_par", L_ORIENTE_PAR, &r->referred_by, NULL},
		{"6. Orientations", "Orienté vers", "oriente_vers", L_ORIENTE_VERS, &r->referred_to,
		 NULL},
		{"7. Public", "Tranche d'âge", "tranche_age", L_TRANCHE_AGE, &r->age, persons},
		{"7. Public", "Genre", "genre", L_GENRE, &r->gender, persons},
		{"7. Public", "Commune ou quartier", "quartier", L_QUARTIER, &r->area, persons},
		{"7. Public", "Situation", "situation", L_SITUATION, &r->situation, persons},
		{"7. Public", "Équipement à domicile", "equipement", L_EQUIPEMENT, &r->equipment,
		 "Plusieurs réponses possibles : les parts ne s'additionnent pas à 100 %."},
	};

	bins->n = REPORT_BINS;
	bins->total = r->visits;
	for (int i = 0; i < REPORT_BINS; i++) {
		snprintf(bins->code[i], CODE_MAX, "%s", report_bin_labels[i]);
		bins->count[i] = r->bins[i];
	}
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		fn(ctx, &tables[i]);
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
	const struct report *gr = &r->groups[g];

	if (strcmp(t->name, "durees") == 0)
		return row < REPORT_BINS ? gr->bins[row] : 0;
	return dist_count(report_dist(gr, t->name), t->d->code[row]);
}
