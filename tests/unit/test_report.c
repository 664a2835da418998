/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/config.h"
#include "carnet/model/lists.h"
#include "carnet/model/number.h"
#include "carnet/report/outline.h"
#include "carnet/report/report.h"
#include "carnet/store/store.h"
#include "carnet/store/visit_store.h"
#include "fixtures.h"
#include "harness.h"

#define MINUS "\u2212"

static struct config cfg;

static struct report_filter period(const char *from, const char *to)
{
	struct report_filter f;

	memset(&f, 0, sizeof f);
	snprintf(f.from, sizeof f.from, "%s", from);
	snprintf(f.to, sizeof f.to, "%s", to);
	return f;
}

static const char *words(const char *from, const char *to)
{
	static char out[160];
	struct report_filter f = period(from, to);

	memset(out, 'x', sizeof out);
	report_period_words(&f, out, sizeof out);
	return out;
}

static void test_period_words(void)
{
	CHECK_STR(words("2026-10-01", "2026-10-31"), "octobre 2026");
	CHECK_STR(words("2026-11-01", "2026-11-30"), "novembre 2026");
	CHECK_STR(words("2024-02-01", "2024-02-29"), "février 2024");
	CHECK_STR(words("2026-02-01", "2026-02-28"), "février 2026");
	CHECK_STR(words("2026-01-01", "2026-12-31"), "2026");
	CHECK_STR(words("2026-10-03", "2026-10-17"), "du 3 au 17 octobre 2026");
	CHECK_STR(words("2026-10-01", "2026-10-20"), "du 1er au 20 octobre 2026");
	CHECK_STR(words("2026-10-02", "2026-10-31"), "du 2 au 31 octobre 2026");
	CHECK_STR(words("2024-02-01", "2024-02-28"), "du 1er au 28 février 2024");
	CHECK_STR(words("2026-10-28", "2026-11-03"), "du 28 octobre 2026 au 3 novembre 2026");
	CHECK_STR(words("2026-10-01", "2026-11-30"), "du 1er octobre 2026 au 30 novembre 2026");
	CHECK_STR(words("2026-12-28", "2027-01-03"), "du 28 décembre 2026 au 3 janvier 2027");
	/* Not a whole year: from January to December of two years. */
	CHECK_STR(words("2025-01-01", "2026-12-31"), "du 1er janvier 2025 au 31 décembre 2026");
	/* The same month of another year is not that month. */
	CHECK_STR(words("2025-10-01", "2026-10-31"), "du 1er octobre 2025 au 31 octobre 2026");
}

/* One day (carnet report --from D --to D): "du 18 au 18 novembre 2026" is no
 * French. */
static void test_period_words_one_day(void)
{
	CHECK_STR(words("2026-11-18", "2026-11-18"), "18 novembre 2026");
	CHECK_STR(words("2026-11-01", "2026-11-01"), "1er novembre 2026");
}

static void previous(const char *from, const char *to, const char *want_from,
                     const char *want_to)
{
	struct report_filter f = period(from, to), out;

	f.by = BY_SITE;
	codeset_add(&f.sites, "blosne");
	memset(&out, 'x', sizeof out);
	report_previous_period(&f, &out);
	CHECK_STR(out.from, want_from);
	CHECK_STR(out.to, want_to);
	/* The scope is kept, the breakdown is not. */
	CHECK_INT(out.by, BY_NONE);
	CHECK_INT(out.sites.n, 1);
	CHECK_STR(out.sites.v[0], "blosne");
}

static void test_previous_period(void)
{
	previous("2026-01-01", "2026-01-31", "2025-12-01", "2025-12-31");
	previous("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28");
	previous("2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29");
	previous("2026-12-01", "2026-12-31", "2026-11-01", "2026-11-30");
	previous("2026-01-01", "2026-12-31", "2025-01-01", "2025-12-31");
	/* As many days just before: 15 days. */
	previous("2026-11-10", "2026-11-24", "2026-10-26", "2026-11-09");
	/* One day: the day before. */
	previous("2026-11-18", "2026-11-18", "2026-11-17", "2026-11-17");
	previous("2027-01-01", "2027-01-01", "2026-12-31", "2026-12-31");
	/* 20 days of a month. */
	previous("2026-10-01", "2026-10-20", "2026-09-11", "2026-09-30");
	/* Across a leap day: 2024-03-01..2024-03-10 is 10 days. */
	previous("2024-03-01", "2024-03-10", "2024-02-20", "2024-02-29");
}

static void year_before(const char *from, const char *to, const char *want_from,
                        const char *want_to)
{
	struct report_filter f = period(from, to), out;

	f.by = BY_MEDIATOR;
	report_year_before(&f, &out);
	CHECK_STR(out.from, want_from);
	CHECK_STR(out.to, want_to);
	CHECK_INT(out.by, BY_NONE);
}

static void test_year_before(void)
{
	year_before("2024-02-29", "2024-02-29", "2023-02-28", "2023-02-28");
	year_before("2026-10-01", "2026-10-31", "2025-10-01", "2025-10-31");
	year_before("2026-01-01", "2026-12-31", "2025-01-01", "2025-12-31");
	year_before("2024-02-01", "2024-02-29", "2023-02-01", "2023-02-28");
	year_before("2026-11-10", "2026-11-24", "2025-11-10", "2025-11-24");
}

/* The whole of February 2025 beside the whole of February 2024, as the
 * previous period takes whole months: the 29th belongs to it. */
static void test_year_before_whole_february(void)
{
	year_before("2025-02-01", "2025-02-28", "2024-02-01", "2024-02-29");
}

/* ------------------------------------------------------------ changes */

static struct report cur, before, year_ago;

static void setup(const char *prev_from, const char *prev_to)
{
	memset(&cur, 0, sizeof cur);
	memset(&before, 0, sizeof before);
	memset(&year_ago, 0, sizeof year_ago);
	cur.f = period("2026-10-01", "2026-10-31");
	before.f = period(prev_from, prev_to);
	year_ago.f = period("2025-10-01", "2025-10-31");
	cur.prev = &before;
	cur.year_ago = &year_ago;
}

static struct key_figure count(long now, long prev)
{
	struct key_figure k;

	memset(&k, 0, sizeof k);
	k.now = (struct figure){.unit = UNIT_COUNT, .value = now, .defined = true};
	k.prev = (struct figure){.unit = UNIT_COUNT, .value = prev, .defined = true};
	k.has_prev = true;
	return k;
}

static struct key_figure share(long now, long now_whole, long prev, long prev_whole)
{
	struct key_figure k;

	memset(&k, 0, sizeof k);
	k.now = (struct figure){.unit = UNIT_SHARE, .value = now, .whole = now_whole,
	                        .defined = true};
	k.prev = (struct figure){.unit = UNIT_SHARE, .value = prev, .whole = prev_whole,
	                         .defined = true};
	k.has_prev = true;
	k.points = true;
	return k;
}

static const char *change(struct key_figure k, enum change_style style)
{
	static char out[256];

	memset(out, 'x', sizeof out);
	key_change_words(&k, false, style, &cur, out, sizeof out);
	return out;
}

static void test_change_counts(void)
{
	setup("2026-09-01", "2026-09-30");
	CHECK_STR(change(count(112, 100), CHANGE_SIGNED),
	          "+12" NNBSP "% par rapport à septembre 2026");
	CHECK_STR(change(count(88, 100), CHANGE_SIGNED),
	          MINUS "12" NNBSP "% par rapport à septembre 2026");
	CHECK_STR(change(count(100, 100), CHANGE_SIGNED), "stable par rapport à septembre 2026");
	CHECK_STR(change(count(5, 0), CHANGE_SIGNED), "contre 0 en septembre 2026");
	CHECK_STR(change(count(0, 0), CHANGE_SIGNED), "stable par rapport à septembre 2026");
	CHECK_STR(change(count(0, 40), CHANGE_SIGNED),
	          MINUS "100" NNBSP "% par rapport à septembre 2026");
	CHECK_STR(change(count(30, 10), CHANGE_SIGNED),
	          "+200" NNBSP "% par rapport à septembre 2026");
	/* Rounded to the nearest whole percent, half away from zero. */
	CHECK_STR(change(count(1004, 1000), CHANGE_SIGNED), "stable par rapport à septembre 2026");
	CHECK_STR(change(count(1005, 1000), CHANGE_SIGNED),
	          "+1" NNBSP "% par rapport à septembre 2026");
	CHECK_STR(change(count(995, 1000), CHANGE_SIGNED),
	          MINUS "1" NNBSP "% par rapport à septembre 2026");
	CHECK_STR(change(count(996, 1000), CHANGE_SIGNED), "stable par rapport à septembre 2026");
	CHECK_STR(change(count(2, 3), CHANGE_SIGNED),
	          MINUS "33" NNBSP "% par rapport à septembre 2026");
	/* Spelled out, for a spreadsheet cell (no leading "+"). */
	CHECK_STR(change(count(112, 100), CHANGE_SPELLED),
	          "hausse de 12" NNBSP "% par rapport à septembre 2026");
	CHECK_STR(change(count(88, 100), CHANGE_SPELLED),
	          "baisse de 12" NNBSP "% par rapport à septembre 2026");
	CHECK_STR(change(count(100, 100), CHANGE_SPELLED), "stable par rapport à septembre 2026");
	/* No base: nothing said. */
	{
		struct key_figure k = count(112, 100);
		k.has_prev = false;
		CHECK_STR(change(k, CHANGE_SIGNED), "");
		k.has_prev = true;
		cur.prev = NULL;
		CHECK_STR(change(k, CHANGE_SIGNED), "");
	}
}

static void test_change_points(void)
{
	setup("2026-09-01", "2026-09-30");
	/* 40,0 % now, 36,8 % before. */
	CHECK_STR(change(share(40, 100, 368, 1000), CHANGE_SIGNED),
	          "+3,2 points par rapport à septembre 2026");
	CHECK_STR(change(share(45, 100, 455, 1000), CHANGE_SIGNED),
	          MINUS "0,5 point par rapport à septembre 2026");
	/* Singular under 2. */
	CHECK_STR(change(share(119, 1000, 100, 1000), CHANGE_SIGNED),
	          "+1,9 point par rapport à septembre 2026");
	CHECK_STR(change(share(120, 1000, 100, 1000), CHANGE_SIGNED),
	          "+2,0 points par rapport à septembre 2026");
	CHECK_STR(change(share(10, 100, 20, 100), CHANGE_SIGNED),
	          MINUS "10,0 points par rapport à septembre 2026");
	CHECK_STR(change(share(1, 4, 2, 8), CHANGE_SIGNED), "stable par rapport à septembre 2026");
	CHECK_STR(change(share(40, 100, 368, 1000), CHANGE_SPELLED),
	          "hausse de 3,2 points par rapport à septembre 2026");
	CHECK_STR(change(share(45, 100, 455, 1000), CHANGE_SPELLED),
	          "baisse de 0,5 point par rapport à septembre 2026");
}

static void test_change_against_a_range(void)
{
	setup("2026-10-01", "2026-10-20");
	CHECK_STR(change(count(112, 100), CHANGE_SIGNED),
	          "+12" NNBSP "% par rapport à la période du 1er au 20 octobre 2026");
	CHECK_STR(change(share(40, 100, 368, 1000), CHANGE_SIGNED),
	          "+3,2 points par rapport à la période du 1er au 20 octobre 2026");
	CHECK_STR(change(count(7, 7), CHANGE_SIGNED),
	          "stable par rapport à la période du 1er au 20 octobre 2026");
	setup("2026-01-01", "2026-12-31");
	CHECK_STR(change(count(88, 100), CHANGE_SIGNED),
	          MINUS "12" NNBSP "% par rapport à 2026");
	CHECK_STR(change(count(5, 0), CHANGE_SIGNED), "contre 0 en 2026");
}

/* "aucun en la période du …" is no French, and "aucun" no word for
 * persons: the count it was, in each kind of period. */
static void test_change_none_against_a_range(void)
{
	setup("2026-10-01", "2026-10-20");
	CHECK_STR(change(count(5, 0), CHANGE_SIGNED), "contre 0 sur la période du 1er au 20 octobre 2026");
	setup("2025-11-18", "2025-11-18");
	CHECK_STR(change(count(5, 0), CHANGE_SIGNED), "contre 0 le 18 novembre 2025");
	CHECK_STR(change(count(6, 3), CHANGE_SIGNED), "+100\u202f% par rapport au 18 novembre 2025");
}

static void test_change_year_ago(void)
{
	struct key_figure k = count(110, 50);
	char out[200];

	setup("2026-09-01", "2026-09-30");
	k.year = (struct figure){.unit = UNIT_COUNT, .value = 100, .defined = true};
	k.has_year = true;
	key_change_words(&k, true, CHANGE_SIGNED, &cur, out, sizeof out);
	CHECK_STR(out, "+10" NNBSP "% par rapport à octobre 2025");
	key_change_words(&k, false, CHANGE_SIGNED, &cur, out, sizeof out);
	CHECK_STR(out, "+120" NNBSP "% par rapport à septembre 2026");
	k.has_year = false;
	key_change_words(&k, true, CHANGE_SIGNED, &cur, out, sizeof out);
	CHECK_STR(out, "");
	k.has_year = true;
	cur.year_ago = NULL;
	key_change_words(&k, true, CHANGE_SIGNED, &cur, out, sizeof out);
	CHECK_STR(out, "");
}

/* ------------------------------------------------------------ heading */

static void test_heading(void)
{
	struct report r;
	struct report_heading h;

	memset(&r, 0, sizeof r);
	r.f = period("2026-10-01", "2026-10-31");
	r.visits = 12;
	memset(&h, 'x', sizeof h);
	report_heading(&r, &cfg.lists, &h);
	CHECK_STR(h.title, "Bilan d'activité — octobre 2026");
	CHECK_STR(h.dates, "Du 1er au 31 octobre 2026");
	CHECK_STR(h.scope, "");
	CHECK_STR(h.progress, "");
	CHECK(h.empty == NULL);

	r.visits = 0;
	report_heading(&r, &cfg.lists, &h);
	CHECK(h.empty != NULL);
	CHECK(h.empty && strstr(h.empty, "Aucun passage") != NULL);

	r.f = period("2026-11-01", "2026-11-30");
	r.visits = 3;
	strcpy(r.today, "2026-11-20");
	report_heading(&r, &cfg.lists, &h);
	CHECK_STR(h.title, "Bilan d'activité — novembre 2026");
	CHECK_STR(h.dates, "Du 1er au 30 novembre 2026");
	CHECK_STR(h.progress, "Période en cours : passages enregistrés jusqu'au 20 novembre 2026 ; "
	                      "les comparaisons portent sur autant de jours.");
	strcpy(r.today, "2026-11-01");
	report_heading(&r, &cfg.lists, &h);
	CHECK(strstr(h.progress, "jusqu'au 1er novembre 2026 ;") != NULL);

	r.today[0] = '\0';
	r.f = period("2026-01-01", "2026-12-31");
	report_heading(&r, &cfg.lists, &h);
	CHECK_STR(h.title, "Bilan d'activité — 2026");
	CHECK_STR(h.dates, "Du 1er janvier 2026 au 31 décembre 2026");
	r.f = period("2026-10-28", "2026-11-03");
	report_heading(&r, &cfg.lists, &h);
	CHECK_STR(h.title, "Bilan d'activité — du 28 octobre 2026 au 3 novembre 2026");
	CHECK_STR(h.dates, "Du 28 octobre 2026 au 3 novembre 2026");
	r.f = period("2026-10-03", "2026-10-17");
	report_heading(&r, &cfg.lists, &h);
	CHECK_STR(h.dates, "Du 3 au 17 octobre 2026");
}

static void test_scope(void)
{
	struct lists ls;
	struct report_filter f = period("2026-10-01", "2026-10-31");
	char out[256];

	lists_init(&ls);
	CHECK_INT(vlist_set(&ls.l[L_SITE], "blosne", "ESC Le Blosne"), CN_OK);
	CHECK_INT(vlist_set(&ls.l[L_SITE], "maurepas", "ESC Maurepas"), CN_OK);
	CHECK_INT(vlist_set(&ls.l[L_MEDIATEUR], "cl", "Camille L."), CN_OK);
	report_scope_words(&f, &ls, out, sizeof out);
	CHECK_STR(out, "");
	codeset_add(&f.sites, "blosne");
	report_scope_words(&f, &ls, out, sizeof out);
	CHECK_STR(out, "Site : ESC Le Blosne");
	codeset_add(&f.sites, "maurepas");
	report_scope_words(&f, &ls, out, sizeof out);
	CHECK_STR(out, "Sites : ESC Le Blosne, ESC Maurepas");
	codeset_add(&f.mediators, "cl");
	report_scope_words(&f, &ls, out, sizeof out);
	CHECK_STR(out, "Sites : ESC Le Blosne, ESC Maurepas · Médiateur : Camille L.");
	f.sites.n = 0;
	codeset_add(&f.mediators, "zz");  /* unknown: shown as its code */
	report_scope_words(&f, &ls, out, sizeof out);
	CHECK_STR(out, "Médiateurs : Camille L., zz");
	lists_free(&ls);
}

/* ------------------------------------------------------------ outline */

#define MAX_ITEMS 128

struct seen {
	int n;
	struct item it[MAX_ITEMS];
	char section[MAX_ITEMS][64];
	char name[MAX_ITEMS][64];
};

static void collect(void *ctx, const struct item *it)
{
	struct seen *s = ctx;

	if (s->n >= MAX_ITEMS)
		return;
	s->it[s->n] = *it;
	/* The item and what it points to live only during the call. */
	snprintf(s->section[s->n], sizeof s->section[0], "%s", it->section ? it->section : "");
	snprintf(s->name[s->n], sizeof s->name[0], "%s", it->name ? it->name : "");
	s->it[s->n].table = NULL;
	s->n++;
}

static void test_outline_order(void)
{
	static const char *const sections[] = {
		"L'essentiel", "1. Volume", "2. Demandes et organismes", "3. Posture",
		"4. Issues et urgences", "5. Autonomie dans le temps", "6. Orientations", "7. Public",
		"8. Ateliers", "9. Temps de travail"};
	static const char *const keys[] = {"passages", "personnes", "minutes", "faire_pour",
	                                   "plus_autonome", "urgents", "orientations",
	                                   "seances_atelier", "minutes_hors_accompagnement"};
	static struct seen s;
	struct report r;
	int nsec = 0, nkey = 0, ntrend = 0, ngroups = 0;
	const char *last_section = NULL;

	memset(&r, 0, sizeof r);
	r.f = period("2026-10-01", "2026-10-31");
	memset(&s, 0, sizeof s);
	report_each_item(&r, collect, &s);
	CHECK(s.n > 20 && s.n < MAX_ITEMS);
	CHECK_INT(s.it[0].kind, ITEM_SECTION);
	for (int i = 0; i < s.n; i++) {
		const struct item *it = &s.it[i];
		if (it->kind == ITEM_SECTION) {
			if (nsec < 10)
				CHECK_STR(s.section[i], sections[nsec]);
			nsec++;
			last_section = s.section[i];
			continue;
		}
		/* Every item is in the section announced just before it. */
		if (!CHECK(last_section && strcmp(s.section[i], last_section) == 0))
			printf("#   item %d (%s) in \"%s\"\n", i, s.name[i], s.section[i]);
		if (it->kind == ITEM_KEY) {
			CHECK_STR(s.section[i], "L'essentiel");
			if (nkey < 9)
				CHECK_STR(s.name[i], keys[nkey]);
			nkey++;
		} else {
			CHECK(strcmp(s.section[i], "L'essentiel") != 0);
		}
		ntrend += it->kind == ITEM_TREND;
		ngroups += it->kind == ITEM_GROUPS;
	}
	CHECK_INT(nsec, 10);
	CHECK_INT(nkey, 9);
	CHECK_INT(ntrend, 1);
	CHECK_INT(ngroups, 0); /* no breakdown asked */
	/* The 9 key figures come right after the first section. */
	for (int i = 1; i <= 9 && i < s.n; i++)
		CHECK_INT(s.it[i].kind, ITEM_KEY);
}

static void test_outline_keys(void)
{
	static struct seen s;
	struct report r, p;
	long pour_now[4] = {3, 1, 4, 2}, pour_prev[4] = {2, 2, 2, 2};

	memset(&r, 0, sizeof r);
	memset(&p, 0, sizeof p);
	r.f = period("2026-10-01", "2026-10-31");
	p.f = period("2026-09-01", "2026-09-30");
	r.visits = 10;
	r.persons = 7;
	r.minutes = 300;
	r.posture.n = 4;
	r.posture.count = pour_now;
	r.returning = 4;
	r.towards_autonomy = 1;
	r.urgent = 2;
	p.visits = 8;
	p.persons = 7;
	p.minutes = 200;
	p.posture.n = 4;
	p.posture.count = pour_prev;
	p.urgent = 0;
	r.prev = &p;
	memset(&s, 0, sizeof s);
	report_each_item(&r, collect, &s);
	CHECK(s.n > 8);
	if (s.n <= 8)
		return;
	/* passages */
	CHECK(s.it[1].key.has_prev);
	CHECK(!s.it[1].key.has_year);
	CHECK(!s.it[1].key.points);
	CHECK_INT(s.it[1].key.now.value, 10);
	CHECK_INT(s.it[1].key.prev.value, 8);
	CHECK_INT(s.it[1].fig.value, 10);
	/* minutes */
	CHECK_INT(s.it[3].key.now.unit, UNIT_MINUTES);
	CHECK_INT(s.it[3].key.prev.value, 200);
	/* « faire pour »: a share, in points; the first posture row of the visits. */
	CHECK(s.it[4].key.points);
	CHECK_INT(s.it[4].key.now.unit, UNIT_SHARE);
	CHECK_INT(s.it[4].key.now.value, 3);
	CHECK_INT(s.it[4].key.now.whole, 10);
	CHECK_INT(s.it[4].key.prev.value, 2);
	CHECK_INT(s.it[4].key.prev.whole, 8);
	/* plus autonomes: out of the returning persons */
	CHECK(s.it[5].key.points);
	CHECK_INT(s.it[5].key.now.value, 1);
	CHECK_INT(s.it[5].key.now.whole, 4);
	/* urgents */
	CHECK_INT(s.it[6].key.now.value, 2);
	CHECK_INT(s.it[6].key.prev.value, 0);
	{
		char out[200];
		key_change_words(&s.it[1].key, false, CHANGE_SIGNED, &r, out, sizeof out);
		CHECK_STR(out, "+25" NNBSP "% par rapport à septembre 2026");
		key_change_words(&s.it[4].key, false, CHANGE_SIGNED, &r, out, sizeof out);
		CHECK_STR(out, "+5,0 points par rapport à septembre 2026");
		key_change_words(&s.it[6].key, false, CHANGE_SIGNED, &r, out, sizeof out);
		CHECK_STR(out, "contre 0 en septembre 2026");
		key_change_words(&s.it[1].key, true, CHANGE_SIGNED, &r, out, sizeof out);
		CHECK_STR(out, "");
		/* Nobody came back in September: no share then, no comparison
		 * (not "+25,0 points" as if it had been 0 %). */
		CHECK(!s.it[5].key.has_prev);
		key_change_words(&s.it[5].key, false, CHANGE_SIGNED, &r, out, sizeof out);
		CHECK_STR(out, "");
	}
}

/* ------------------------------------------------------------ with a base */

static void add_visit(struct store *st, const char *date, int duration, const char *posture)
{
	struct visit v;
	struct cn_err err;

	visit_init(&v);
	snprintf(v.date, sizeof v.date, "%s", date);
	strcpy(v.time, "10:30");
	v.duration = duration;
	strcpy(v.site, DEFAULT_SITE_CODE);
	strcpy(v.canal, "libre");
	codeset_add(&v.demands, "suivi");
	codeset_add(&v.organisms, "caf");
	strcpy(v.posture, posture);
	strcpy(v.outcome, "aboutie");
	if (!CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_OK))
		printf("#   %s\n", err.msg);
}

static void test_computed(void)
{
	char path[512];
	struct store *st;
	struct cn_err err;
	struct report r;
	struct report_filter f = period("2026-10-01", "2026-10-31");
	struct report_heading h;
	char out[200];
	static struct seen s;

	snprintf(path, sizeof path, "%s/report.db", harness_tmpdir());
	setenv("CARNET_NOW", "2026-12-01T10:00", 1);
	if (!CHECK_INT(store_open(&st, path, &err), CN_OK))
		return;
	/* September: 4 visits, 110 min, 1 « faire pour »; October: 5, 120 min, 2. */
	add_visit(st, "2026-09-02", 20, "pour");
	add_visit(st, "2026-09-10", 30, "avec");
	add_visit(st, "2026-09-21", 15, "avec");
	add_visit(st, "2026-09-29", 45, "faire");
	add_visit(st, "2026-10-01", 20, "pour");
	add_visit(st, "2026-10-05", 20, "pour");
	add_visit(st, "2026-10-12", 30, "avec");
	add_visit(st, "2026-10-19", 40, "devant");
	add_visit(st, "2026-10-28", 10, "faire");

	/* The period is over. */
	memset(&r, 0, sizeof r);
	if (CHECK_INT(report_compute_compared(st, &cfg.lists, &f, &r, &err), CN_OK)) {
		CHECK_INT(r.visits, 5);
		CHECK_INT(r.minutes, 120);
		CHECK_STR(r.today, "");
		CHECK(r.prev != NULL);
		CHECK(r.year_ago == NULL);
		if (r.prev) {
			CHECK_STR(r.prev->f.from, "2026-09-01");
			CHECK_STR(r.prev->f.to, "2026-09-30");
			CHECK_INT(r.prev->visits, 4);
		}
		report_heading(&r, &cfg.lists, &h);
		CHECK_STR(h.title, "Bilan d'activité — octobre 2026");
		CHECK_STR(h.progress, "");
		CHECK(h.empty == NULL);
		memset(&s, 0, sizeof s);
		report_each_item(&r, collect, &s);
		if (CHECK(s.n > 8)) {
			CHECK_STR(s.name[1], "passages");
			key_change_words(&s.it[1].key, false, CHANGE_SIGNED, &r, out, sizeof out);
			CHECK_STR(out, "+25" NNBSP "% par rapport à septembre 2026");
			CHECK_STR(s.name[3], "minutes");
			key_change_words(&s.it[3].key, false, CHANGE_SPELLED, &r, out, sizeof out);
			CHECK_STR(out, "hausse de 9" NNBSP "% par rapport à septembre 2026");
			CHECK_STR(s.name[4], "faire_pour");
			/* 40,0 % against 25,0 % */
			key_change_words(&s.it[4].key, false, CHANGE_SIGNED, &r, out, sizeof out);
			CHECK_STR(out, "+15,0 points par rapport à septembre 2026");
			key_change_words(&s.it[1].key, true, CHANGE_SIGNED, &r, out, sizeof out);
			CHECK_STR(out, "");
		}
		report_free(&r);
	}

	/* The period is going on: compared with as many days of September. */
	setenv("CARNET_NOW", "2026-10-20T18:00", 1);
	memset(&r, 0, sizeof r);
	if (CHECK_INT(report_compute_compared(st, &cfg.lists, &f, &r, &err), CN_OK)) {
		CHECK_STR(r.today, "2026-10-20");
		CHECK(r.prev != NULL);
		if (r.prev) {
			CHECK_STR(r.prev->f.from, "2026-09-01");
			CHECK_STR(r.prev->f.to, "2026-09-20");
			CHECK_INT(r.prev->visits, 2);
		}
		report_heading(&r, &cfg.lists, &h);
		CHECK_STR(h.progress, "Période en cours : passages enregistrés jusqu'au 20 octobre "
		                      "2026 ; les comparaisons portent sur autant de jours.");
		memset(&s, 0, sizeof s);
		report_each_item(&r, collect, &s);
		if (CHECK(s.n > 8)) {
			key_change_words(&s.it[1].key, false, CHANGE_SIGNED, &r, out, sizeof out);
			CHECK_STR(out, "+150" NNBSP "% par rapport à la période du 1er au 20 septembre 2026");
		}
		report_free(&r);
	}

	/* A month without visits. */
	f = period("2026-06-01", "2026-06-30");
	memset(&r, 0, sizeof r);
	if (CHECK_INT(report_compute_compared(st, &cfg.lists, &f, &r, &err), CN_OK)) {
		CHECK_INT(r.visits, 0);
		CHECK(r.prev == NULL);
		report_heading(&r, &cfg.lists, &h);
		CHECK(h.empty != NULL);
		report_free(&r);
	}
	unsetenv("CARNET_NOW");
	store_close(st);
}

int main(void)
{
	const char *paths[] = {shipped_ini()};
	struct cn_err err;

	setenv("TZ", "Europe/Paris", 1);
	if (config_load_files(&cfg, paths, 1, NULL, NULL, &err) != CN_OK) {
		printf("not ok - loading %s: %s\n", paths[0], err.msg);
		return 1;
	}
	RUN(test_period_words);
	RUN(test_period_words_one_day);
	RUN(test_previous_period);
	RUN(test_year_before);
	RUN(test_year_before_whole_february);
	RUN(test_change_counts);
	RUN(test_change_points);
	RUN(test_change_against_a_range);
	RUN(test_change_none_against_a_range);
	RUN(test_change_year_ago);
	RUN(test_heading);
	RUN(test_scope);
	RUN(test_outline_order);
	RUN(test_outline_keys);
	RUN(test_computed);
	config_free(&cfg);
	return harness_finish();
}
