/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The compared periods of the first page hold only their key figures
 * (report_compute_compared): each must be the figure a whole report of
 * that period gives. And the persons' set the report sorts in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/config.h"
#include "carnet/report/person_set.h"
#include "carnet/report/report.h"
#include "carnet/store/person_store.h"
#include "carnet/store/store.h"
#include "carnet/store/visit_store.h"
#include "fixtures.h"
#include "harness.h"

static struct config cfg;

static void test_person_set(void)
{
	struct person_set s = {0};
	char id[ID_LEN];
	int ok = 0;

	/* 30 000 ids, 1 000 distinct, out of order: the set grows and shrinks
	 * again on the way. */
	for (int i = 0; i < 30000; i++) {
		snprintf(id, sizeof id, "p%04d", (i * 7919) % 1000);
		ok |= person_set_add(&s, id, strlen(id));
	}
	CHECK_INT(ok, 0);
	person_set_finish(&s);
	CHECK_INT(s.n, 1000);
	CHECK(s.cap < 30000);
	CHECK_STR(s.id[0], "p0000");
	CHECK_STR(s.id[999], "p0999");
	for (size_t i = 1; i < s.n; i++)
		if (!CHECK(strcmp(s.id[i - 1], s.id[i]) < 0))
			break;
	person_set_free(&s);
	person_set_finish(&s);
	CHECK_INT(s.n, 0);
}

static void add(struct store *st, const char *date, unsigned hour, unsigned minute, int duration,
                const char *posture, const char *person, const char *site, bool urgent,
                const char *to, bool deleted)
{
	struct visit v;
	struct cn_err err;

	visit_init(&v);
	snprintf(v.date, sizeof v.date, "%s", date);
	snprintf(v.time, sizeof v.time, "%02u:%02u", hour % 24u, minute % 60u);
	v.duration = duration;
	snprintf(v.site, sizeof v.site, "%s", site);
	strcpy(v.canal, "libre");
	codeset_add(&v.demands, "suivi");
	snprintf(v.posture, sizeof v.posture, "%s", posture);
	snprintf(v.person, sizeof v.person, "%s", person);
	v.urgent = urgent;
	snprintf(v.referred_to, sizeof v.referred_to, "%s", to);
	if (!CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_OK)) {
		printf("#   %s\n", err.msg);
		return;
	}
	if (deleted)
		CHECK_INT(visit_delete(st, v.id, &err), CN_OK);
}

/* What the comparisons met, so that they compare something. */
static long met_returning, met_towards, met_urgent, met_referred;

/* o's key figures against a whole report of o's period. */
static void same_keys(struct store *st, const struct report *o)
{
	struct report w;
	struct cn_err err;

	if (!o || !CHECK_INT(report_compute(st, &cfg.lists, &o->f, &w, &err), CN_OK))
		return;
	CHECK_INT(o->visits, w.visits);
	CHECK_INT(o->persons, w.persons);
	CHECK_INT(o->minutes, w.minutes);
	CHECK_INT(o->posture.count[0], w.posture.count[0]);
	CHECK_INT(o->posture.total, w.posture.total);
	CHECK_INT(o->towards_autonomy, w.towards_autonomy);
	CHECK_INT(o->returning, w.returning);
	CHECK_INT(o->urgent, w.urgent);
	CHECK_INT(report_referrals(o), report_referrals(&w));
	CHECK_INT(o->ws.sessions, w.ws.sessions);
	CHECK_INT(report_outside_minutes(o), report_outside_minutes(&w));
	CHECK_INT(o->worktimes, w.worktimes);
	CHECK_INT(report_has_records(o), report_has_records(&w));
	met_returning += o->returning;
	met_towards += o->towards_autonomy;
	met_urgent += o->urgent;
	met_referred += report_referrals(o);
	report_free(&w);
}

static void test_compared_keys(void)
{
	static const char *const postures[] = {"pour", "devant", "avec", "faire"};
	static const char *const sites[] = {"site1", "site2"};
	static const char *const tos[] = {"", "", "social", "mediation", ""};
	char path[512], code[PCODE_MAX];
	struct store *st;
	struct cn_err err;

	snprintf(path, sizeof path, "%s/keys.db", harness_tmpdir());
	setenv("CARNET_NOW", "2026-12-01T10:00", 1);
	if (!CHECK_INT(store_open(&st, path, &err), CN_OK))
		return;
	for (int p = 0; p < 6; p++) {
		struct person pe;
		person_init(&pe);
		snprintf(pe.code, sizeof pe.code, "PERS%02d", p);
		CHECK_INT(person_create(st, &cfg.lists, &pe, &err), CN_OK);
	}
	/* 400 visits over two years: persons coming back with postures going
	 * up and down, anonymous ones, urgent, referred, a few deleted. */
	for (int i = 0; i < 400; i++) {
		char date[DATE_LEN];
		int day = (i * 37) % 700;
		struct cn_date d = {2025, 1, 1};

		date_add_days(&d, day);
		date_format(&d, date);
		snprintf(code, sizeof code, "PERS%02d", i % 9);
		add(st, date, 9u + (unsigned)i % 8u, (unsigned)i * 13u, 5 + (i * 11) % 200,
		    postures[(i / 3 + i % 5) % 4], i % 9 < 6 ? code : "", sites[i % 2], i % 7 == 0, tos[i % 5], i % 23 == 0);
	}
	const char *periods[][2] = {
		{"2026-10-01", "2026-10-31"}, {"2026-01-01", "2026-12-31"},
		{"2025-03-01", "2025-03-31"}, {"2026-02-10", "2026-04-20"},
		{"2026-11-20", "2026-12-10"},
	};
	for (size_t k = 0; k < sizeof periods / sizeof periods[0]; k++)
		for (int filtered = 0; filtered < 2; filtered++) {
			struct report_filter f;
			struct report r;

			memset(&f, 0, sizeof f);
			snprintf(f.from, sizeof f.from, "%s", periods[k][0]);
			snprintf(f.to, sizeof f.to, "%s", periods[k][1]);
			if (filtered)
				codeset_add(&f.sites, "site2");
			if (!CHECK_INT(report_compute_compared(st, &cfg.lists, &f, &r, &err), CN_OK))
				continue;
			CHECK(r.prev != NULL);
			same_keys(st, r.prev);
			same_keys(st, r.year_ago);
			report_free(&r);
		}
	CHECK(met_returning > met_towards);
	CHECK(met_towards > 0);
	CHECK(met_urgent > 0);
	CHECK(met_referred > 0);
	unsetenv("CARNET_NOW");
	store_close(st);
}

int main(void)
{
	const char *paths[] = {shipped_ini(), write_file("sites.ini", "[site]\nsite1 = Un\nsite2 = Deux\n")};
	struct cn_err err;

	setenv("TZ", "Europe/Paris", 1);
	if (config_load_files(&cfg, paths, 2, NULL, NULL, &err) != CN_OK) {
		printf("not ok - loading %s: %s\n", paths[0], err.msg);
		return 1;
	}
	RUN(test_person_set);
	RUN(test_compared_keys);
	config_free(&cfg);
	return harness_finish();
}
