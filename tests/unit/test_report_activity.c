/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's pure pieces for workshops and working time: how often a
 * workshop counts for a mediator filter, the counts by code, the fixed rows
 * of the time table by breakdown group, the shares of working time, and the
 * outline of sections 8 and 9. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/config.h"
#include "carnet/report/activity.h"
#include "carnet/report/dist.h"
#include "carnet/report/outline.h"
#include "carnet/report/report.h"
#include "fixtures.h"
#include "harness.h"

static struct config cfg;

static struct codeset set_of(const char *a, const char *b)
{
	struct codeset s;

	memset(&s, 0, sizeof s);
	if (a)
		codeset_add(&s, a);
	if (b)
		codeset_add(&s, b);
	return s;
}

static void test_led_count(void)
{
	struct codeset none = set_of(NULL, NULL), ab = set_of("ab", NULL),
	               abcd = set_of("ab", "cd"), cd = set_of("cd", NULL),
	               empty = set_of("", NULL), ef = set_of("ef", NULL);

	/* No filter: once per mediator, once without one. */
	CHECK_INT(activity_led_count(&abcd, &none), 2);
	CHECK_INT(activity_led_count(&ab, &none), 1);
	CHECK_INT(activity_led_count(&none, &none), 1);
	/* A filter: only its mediators count. */
	CHECK_INT(activity_led_count(&abcd, &cd), 1);
	CHECK_INT(activity_led_count(&abcd, &abcd), 2);
	CHECK_INT(activity_led_count(&abcd, &ef), 0);
	/* A workshop without a mediator goes with "" only. */
	CHECK_INT(activity_led_count(&none, &cd), 0);
	CHECK_INT(activity_led_count(&none, &empty), 1);
	CHECK_INT(activity_led_count(&ab, &empty), 0);
}

static void test_dist_codes(void)
{
	struct dist d;

	dist_init(&d, &cfg.lists, L_NIVEAU_ATELIER);
	CHECK_INT(d.n, cfg.lists.l[L_NIVEAU_ATELIER].n);
	CHECK_INT(dist_add_codes(&d, "debutant|zz|avance", 2, false), CN_OK);
	CHECK_INT(dist_add_codes(&d, "", 1, true), CN_OK);  /* a row of "" */
	CHECK_INT(dist_add_codes(&d, "", 5, false), CN_OK); /* nothing */
	CHECK_INT(dist_add_codes(&d, "aa", 1, false), CN_OK);
	CHECK_INT(dist_count(&d, "debutant"), 2);
	CHECK_INT(dist_count(&d, "avance"), 2);
	CHECK_INT(dist_count(&d, "zz"), 2);
	CHECK_INT(dist_count(&d, ""), 1);
	CHECK_INT(dist_count(&d, "absent"), 0);
	CHECK_INT(dist_count(NULL, "debutant"), 0);
	/* The unknown codes in order after the list's, "" last. */
	dist_sort(&d, cfg.lists.l[L_NIVEAU_ATELIER].n, NULL, NULL);
	CHECK_STR(d.code[d.n - 3], "aa");
	CHECK_STR(d.code[d.n - 2], "zz");
	CHECK_STR(d.code[d.n - 1], "");
	CHECK_INT(d.count[d.n - 2], 2);
	/* A pushed row even when its code is there; found from a row on. */
	{
		int before = d.n;
		CHECK_INT(dist_push(&d, "debutant", 7), before);
	}
	CHECK_INT(dist_find(&d, "debutant", 0), 0);
	CHECK_INT(dist_find(&d, "debutant", 1), d.n - 1);
	CHECK_INT(dist_find(&d, "nowhere", 0), -1);
	dist_free(&d);
	CHECK_INT(d.n, 0);
}

/* A time table: the fixed rows, then kinds. */
static void work_of(struct report *r, long indiv, long ateliers, const char *kind, long n)
{
	memset(&r->work, 0, sizeof r->work);
	dist_push(&r->work, report_work_codes[0], indiv);
	dist_push(&r->work, report_work_codes[1], ateliers);
	if (kind)
		dist_push(&r->work, kind, n);
	r->work.total = indiv + ateliers + n;
}

static void test_work_by_group(void)
{
	struct report r, groups[2];
	struct report_table t = {.name = "temps_de_travail", .list = L_TEMPS, .d = &r.work,
	                         .minutes = true, .fixed_rows = REPORT_WORK_FIXED,
	                         .fixed_labels = report_work_labels};
	char buf[80];

	memset(&r, 0, sizeof r);
	memset(groups, 0, sizeof groups);
	work_of(&r, 75, 270, "coordination", 45);
	work_of(&groups[0], 30, 90, NULL, 0);
	work_of(&groups[1], 45, 180, "coordination", 45);
	r.groups = groups;
	r.ngroups = 2;
	CHECK_INT(report_work_minutes(&r), 390);
	CHECK_INT(report_outside_minutes(&r), 315);
	CHECK_INT(report_group_count(&r, 0, &t, 0), 30);
	CHECK_INT(report_group_count(&r, 1, &t, 1), 180);
	CHECK_INT(report_group_count(&r, 0, &t, 2), 0); /* no coordination there */
	CHECK_INT(report_group_count(&r, 1, &t, 2), 45);
	CHECK_STR(report_row_label_at(&cfg.lists, &t, 0, buf, sizeof buf), "Accompagnement individuel");
	CHECK_STR(report_row_label_at(&cfg.lists, &t, 1, buf, sizeof buf), "Ateliers");
	CHECK_STR(report_row_label_at(&cfg.lists, &t, 2, buf, sizeof buf),
	          "Coordination, réunions d'équipe");
	for (int i = 0; i < 2; i++)
		dist_free(&groups[i].work);
	dist_free(&r.work);
	/* Nothing recorded: nothing outside accompaniment either. */
	memset(&r, 0, sizeof r);
	CHECK_INT(report_outside_minutes(&r), 0);
	CHECK(!report_has_records(&r));
	r.worktimes = 1;
	CHECK(report_has_records(&r));
}

struct seen {
	int items, tables;
	char note[320];
	bool outside_defined;
	long outside;
};

static void collect(void *ctx, const struct item *it)
{
	struct seen *s = ctx;

	if (!it->section || strncmp(it->section, "8.", 2) != 0) {
		if (it->name && strcmp(it->name, "hors_accompagnement") == 0) {
			s->outside_defined = it->fig.defined;
			s->outside = it->fig.value;
		}
		return;
	}
	if (it->kind == ITEM_SECTION)
		return;
	s->items++;
	s->tables += it->kind == ITEM_TABLE;
	if (it->name && strcmp(it->name, "taux_presence") == 0)
		snprintf(s->note, sizeof s->note, "%s", it->note ? it->note : "");
}

static void test_outline_workshops(void)
{
	struct report r;
	struct seen s;

	memset(&r, 0, sizeof r);
	memset(&s, 0, sizeof s);
	report_each_item(&r, collect, &s);
	/* No workshop: one line, no table of zeros; no share of no time. */
	CHECK_INT(s.items, 1);
	CHECK_INT(s.tables, 0);
	CHECK(!s.outside_defined);

	r.ws.sessions = 2;
	r.ws.known = 1;
	r.ws.registered = 4;
	r.ws.present = 6;
	work_of(&r, 60, 30, NULL, 0);
	memset(&s, 0, sizeof s);
	report_each_item(&r, collect, &s);
	CHECK_INT(s.tables, 8);
	CHECK(strstr(s.note, "sur le seul atelier dont les inscriptions sont connues (4 inscrits)") != NULL);
	CHECK(strstr(s.note, "Plus de présents que d'inscrits") != NULL);
	CHECK(s.outside_defined);
	CHECK_INT(s.outside, 30);
	r.ws.known = 0;
	memset(&s, 0, sizeof s);
	report_each_item(&r, collect, &s);
	CHECK_STR(s.note, "Aucun atelier de la période n'a ses inscriptions connues.");
	dist_free(&r.work);
}

int main(void)
{
	const char *paths[] = {shipped_ini()};
	struct cn_err err;

	if (config_load_files(&cfg, paths, 1, NULL, NULL, &err) != CN_OK) {
		printf("not ok - loading %s: %s\n", paths[0], err.msg);
		return 1;
	}
	RUN(test_led_count);
	RUN(test_dist_codes);
	RUN(test_work_by_group);
	RUN(test_outline_workshops);
	config_free(&cfg);
	return harness_finish();
}
