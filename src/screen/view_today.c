/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/store/draft.h"
#include "carnet/screen/hotkeys.h"
#include "carnet/model/text.h"
#include "carnet/screen/view_aside.h"
#include "carnet/screen/view_form.h"
#include "carnet/screen/view_help.h"
#include "carnet/screen/view_report.h"
#include "carnet/screen/view_today.h"
#include "carnet/model/clock.h"
#include "carnet/store/visit_store.h"
#include "carnet/store/place_store.h"
#include "carnet/screen/slip_give.h"
#include "carnet/store/workshop_store.h"
#include "carnet/store/worktime_store.h"

#define UNDO_MAX 32

/* A line of the day's list: a visit, a workshop or a time outside
 * accompaniment (kind: enum draft_kind), i its index in its own array. */
struct item {
	enum draft_kind kind;
	int i;
};

/* A growing array of n records of one size. */
struct rows {
	void *v;
	int n, cap;
};

struct today {
	struct view base;
	char date[DATE_LEN];
	struct rows visits, workshops, times; /* the day's records at this desk */
	struct item *items;           /* all of them, in time order */
	int n, cap;
	int *shown;                   /* indexes of items matching the search */
	int nshown;
	int sel, top;
	char search[64];
	bool searching;
	struct item undo[UNDO_MAX];   /* deleted in this session, newest last (kind) */
	char undo_id[UNDO_MAX][ID_LEN];
	int nundo;
};

/* Appends a record of `size` bytes to r. */
static int push(struct rows *r, const void *rec, size_t size)
{
	if (r->n == r->cap) {
		int cap = r->cap ? r->cap * 2 : 32;
		void *v = realloc(r->v, (size_t)cap * size);
		if (!v)
			return CN_EDB;
		r->v = v;
		r->cap = cap;
	}
	memcpy((char *)r->v + (size_t)r->n++ * size, rec, size);
	return 0;
}

static int collect_visit(const struct visit *v, void *ctx)
{
	return push(&((struct today *)ctx)->visits, v, sizeof *v);
}

static int collect_workshop(const struct workshop *w, void *ctx)
{
	return push(&((struct today *)ctx)->workshops, w, sizeof *w);
}

static int collect_time(const struct worktime *t, void *ctx)
{
	return push(&((struct today *)ctx)->times, t, sizeof *t);
}

static const struct visit *visit_of(const struct today *t, const struct item *it)
{
	return it->kind == DRAFT_VISIT ? &((const struct visit *)t->visits.v)[it->i] : NULL;
}

static const struct workshop *workshop_of(const struct today *t, const struct item *it)
{
	return it->kind == DRAFT_WORKSHOP ? &((const struct workshop *)t->workshops.v)[it->i] : NULL;
}

static const struct worktime *time_of(const struct today *t, const struct item *it)
{
	return it->kind == DRAFT_WORKTIME ? &((const struct worktime *)t->times.v)[it->i] : NULL;
}

static const char *item_id(const struct today *t, const struct item *it)
{
	return it->kind == DRAFT_VISIT      ? visit_of(t, it)->id
	       : it->kind == DRAFT_WORKSHOP ? workshop_of(t, it)->id
	                                    : time_of(t, it)->id;
}

static const char *item_time(const struct today *t, const struct item *it)
{
	return it->kind == DRAFT_VISIT      ? visit_of(t, it)->time
	       : it->kind == DRAFT_WORKSHOP ? workshop_of(t, it)->time
	                                    : time_of(t, it)->time;
}

static int item_duration(const struct today *t, const struct item *it)
{
	return it->kind == DRAFT_VISIT      ? visit_of(t, it)->duration
	       : it->kind == DRAFT_WORKSHOP ? workshop_of(t, it)->duration
	                                    : time_of(t, it)->duration;
}

/* Everything a search can match in a line, folded for accent-blind search. */
static bool matches(const struct lists *ls, const struct today *t, const struct item *it,
                    const char *needle)
{
	char hay[4096] = "", folded[4096];
	size_t used = 0;

#define ADD(s)                                                                         \
	do {                                                                           \
		int k = snprintf(hay + used, sizeof hay - used, "%s ", (s));           \
		if (k > 0 && (size_t)k < sizeof hay - used)                            \
			used += (size_t)k;                                             \
	} while (0)
	if (it->kind == DRAFT_VISIT) {
		const struct visit *v = visit_of(t, it);
		for (int i = 0; i < v->demands.n; i++)
			ADD(lists_label(ls, L_DEMANDE, v->demands.v[i]));
		for (int i = 0; i < v->organisms.n; i++)
			ADD(lists_label(ls, L_ORGANISME, v->organisms.v[i]));
		ADD(lists_label(ls, L_POSTURE, v->posture));
		if (v->outcome[0])
			ADD(lists_label(ls, L_ISSUE, v->outcome));
		ADD(v->person);
		ADD(v->note);
		ADD(v->referred_place);
	} else if (it->kind == DRAFT_WORKSHOP) {
		const struct workshop *w = workshop_of(t, it);
		ADD("atelier");
		for (int i = 0; i < w->themes.n; i++)
			ADD(lists_label(ls, L_THEME_ATELIER, w->themes.v[i]));
		ADD(w->title);
		for (int i = 0; i < w->nparticipants; i++)
			ADD(w->participants[i].code);
		ADD(w->note);
	} else {
		const struct worktime *wt = time_of(t, it);
		ADD("temps");
		ADD(lists_label(ls, L_TEMPS, wt->kind));
		ADD(wt->note);
	}
#undef ADD
	text_fold(hay, folded, sizeof folded);
	return strstr(folded, needle) != NULL;
}

static void apply_search(struct ui *ui, struct today *t)
{
	char needle[64];

	text_fold(t->search, needle, sizeof needle);
	t->nshown = 0;
	for (int i = 0; i < t->n; i++)
		if (!needle[0] || matches(&ui->app->cfg.lists, t, &t->items[i], needle))
			t->shown[t->nshown++] = i;
	if (t->sel >= t->nshown)
		t->sel = t->nshown - 1;
	if (t->sel < 0)
		t->sel = 0;
}

/* The three kinds merged by time; at the same time, visits first. */
static bool merge(struct today *t)
{
	int need = t->visits.n + t->workshops.n + t->times.n, k = 0;
	int iv = 0, iw = 0, it = 0;

	if (need > t->cap) {
		struct item *items = realloc(t->items, (size_t)need * sizeof *items);
		int *shown = realloc(t->shown, (size_t)need * sizeof *shown);
		if (items)
			t->items = items;
		if (shown)
			t->shown = shown;
		if (!items || !shown)
			return false;
		t->cap = need;
	}
	while (k < need) {
		struct item c[3] = {{DRAFT_VISIT, iv}, {DRAFT_WORKSHOP, iw}, {DRAFT_WORKTIME, it}};
		bool left[3] = {iv < t->visits.n, iw < t->workshops.n, it < t->times.n};
		int best = -1;
		for (int j = 0; j < 3; j++)
			if (left[j] && (best < 0 || strcmp(item_time(t, &c[j]), item_time(t, &c[best])) < 0))
				best = j;
		t->items[k++] = c[best];
		if (best == 0)
			iv++;
		else if (best == 1)
			iw++;
		else
			it++;
	}
	t->n = need;
	return true;
}

static void reload(struct ui *ui, struct today *t)
{
	struct visit_filter f = {0};
	struct cn_err err;

	memcpy(f.from, t->date, sizeof f.from);
	memcpy(f.to, t->date, sizeof f.to);
	if (ui->app->cfg.site[0])
		codeset_add(&f.sites, ui->app->cfg.site);
	t->visits.n = t->workshops.n = t->times.n = 0;
	if (visit_each(ui->app->st, &f, collect_visit, t, &err) != CN_OK ||
	    workshop_each(ui->app->st, &f, collect_workshop, t, &err) != CN_OK ||
	    worktime_each(ui->app->st, &f, collect_time, t, &err) != CN_OK)
		ui_status(ui, true, "%s", err.msg);
	if (!merge(t)) {
		t->n = 0;
		ui_status(ui, true, "Mémoire insuffisante pour la liste du jour");
	}
	apply_search(ui, t);
	/* Select the line just saved, if it is on this day. */
	if (ui->focus_id[0]) {
		for (int i = 0; i < t->nshown; i++)
			if (strcmp(item_id(t, &t->items[t->shown[i]]), ui->focus_id) == 0)
				t->sel = i;
		ui->focus_id[0] = '\0';
	}
}

/* The totals of what the list shows: the day, or what the search keeps of
 * it ("5 passages sur 12"). A day with workshops or other times splits the
 * time: accompaniment, workshops, the rest. */
static void draw_totals(struct today *t, int y)
{
	char line[256], total[32], of[32] = "";
	bool filtered = t->search[0] != '\0';
	int n = filtered ? t->nshown : t->n, pour = 0, count[3] = {0, 0, 0};
	long minutes[3] = {0, 0, 0};
	bool split = false;

	for (int i = 0; i < n; i++) {
		const struct item *it = &t->items[filtered ? t->shown[i] : i];
		count[it->kind]++;
		minutes[it->kind] += item_duration(t, it);
		if (it->kind == DRAFT_VISIT)
			pour += strcmp(visit_of(t, it)->posture, "pour") == 0;
	}
	if (filtered)
		snprintf(of, sizeof of, " sur %d", t->n);
	if (t->n == 0) {
		snprintf(line, sizeof line, "Aucun passage ce jour.");
	} else if (n == 0) {
		snprintf(line, sizeof line, "0 passage%s", of);
	} else if (t->workshops.n == 0 && t->times.n == 0) {
		duration_format(minutes[DRAFT_VISIT], total, sizeof total);
		snprintf(line, sizeof line, "%d passage%s%s · %s · faire pour : %d %%", n,
		         n > 1 ? "s" : "", of, total, (pour * 100 + n / 2) / n);
	} else {
		char part[3][32];
		for (int k = 0; k < 3; k++)
			duration_format(minutes[k], part[k], sizeof part[k]);
		/* The number of lines of each kind in brackets. */
		snprintf(line, sizeof line, "Accompagnement %s (%d) · Ateliers %s (%d) · Autres %s (%d)",
		         part[DRAFT_VISIT], count[DRAFT_VISIT], part[DRAFT_WORKSHOP],
		         count[DRAFT_WORKSHOP], part[DRAFT_WORKTIME], count[DRAFT_WORKTIME]);
		split = true;
	}
	ui_put(y, 1, line, COLS - 2, false, A_BOLD);
	if (t->searching || t->search[0]) {
		/* After the totals; on the line above, left of "↓ N de plus", when
		 * the split totals leave no room. */
		int x = split ? 1 : 1 + utf8_width(line) + 3;
		int at = split ? y - 1 : y, w = split ? COLS - 18 : COLS - x - 1;
		snprintf(line, sizeof line, "Recherche : %s%s (%d)", t->search,
		         t->searching ? "_" : "", t->nshown);
		ui_put(at, x, line, w, false, 0);
	}
}

/* Columns of the list. At more than 80 columns the extra width goes to the
 * labels: demand, organism and outcome (the longest short posture fits). */
enum { COL_MARK, COL_TIME, COL_DURATION, COL_DEMAND, COL_ORG, COL_POSTURE, COL_OUTCOME,
       COL_CANAL, COL_SIGNS, COL_PERSON, NCOLS };

static void layout(int x[NCOLS + 1])
{
	int w[NCOLS] = {1, 6, 8, 14, 11, 14, 10, 6, 4, 6};
	int extra = COLS - UI_MIN_COLS;

	w[COL_DEMAND] += extra * 45 / 100;
	w[COL_ORG] += extra * 35 / 100;
	w[COL_OUTCOME] += extra - extra * 45 / 100 - extra * 35 / 100;
	x[0] = 0;
	for (int i = 0; i < NCOLS; i++)
		x[i + 1] = x[i] + w[i];
}

static int width_of(const int x[NCOLS + 1], int col)
{
	return x[col + 1] - x[col] - (col > COL_MARK && col < NCOLS - 1);
}

static void cell(const int x[NCOLS + 1], int y, int col, const char *s, attr_t a)
{
	/* One blank column between cells, inside the cell's width. */
	ui_put(y, x[col], s, width_of(x, col), true, a);
	if (col > COL_MARK && col < NCOLS - 1)
		ui_put(y, x[col + 1] - 1, " ", 1, false, a);
}

/* "Label +N" for a multi-valued field in `width` columns: the label is
 * shortened, never the "+N". */
static void first_of(const struct lists *ls, enum list_id id, const struct codeset *set,
                     int width, char *out, size_t size)
{
	char more[16], label[256];

	if (set->n == 0) {
		snprintf(out, size, "—");
		return;
	}
	if (set->n == 1) {
		ui_fit_label(lists_label(ls, id, set->v[0]), width, out, size);
		return;
	}
	snprintf(more, sizeof more, " +%d", set->n - 1);
	ui_fit_label(lists_label(ls, id, set->v[0]), width - (int)strlen(more), label, sizeof label);
	snprintf(out, size, "%s%s", label, more);
}

/* A few letters for how the contact happened; nothing for a walk-in, the
 * common case. */
static void canal_mark(const struct lists *ls, const char *code, char *out, size_t size)
{
	static const struct {
		const char *code, *mark;
	} marks[] = {{"libre", ""}, {"rdv", "rdv"}, {"tel", "tél"}, {"distance", "dist"},
	             {"domicile", "dom"}, {"exterieur", "ext"}};

	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (strcmp(code, marks[i].code) == 0) {
			snprintf(out, size, "%s", marks[i].mark);
			return;
		}
	/* A canal of this desk's own: the start of its label. */
	snprintf(out, size, "%.*s", (int)text_fit(lists_label(ls, L_CANAL, code), 4, NULL),
	         lists_label(ls, L_CANAL, code));
}

static void row_cells(struct ui *ui, const int x[NCOLS + 1], const struct visit *v, int y,
                      bool selected)
{
	const struct lists *ls = &ui->app->cfg.lists;
	attr_t a = selected ? A_REVERSE : 0;
	char buf[256];

	cell(x, y, COL_MARK, selected ? ">" : " ", a);
	cell(x, y, COL_TIME, v->time, a);
	{
		char d[32];
		duration_format(v->duration, d, sizeof d);
		snprintf(buf, sizeof buf, "%7s", d); /* aligned to the right: "  5 min", " 1 h 30" */
	}
	cell(x, y, COL_DURATION, buf, a);
	first_of(ls, L_DEMANDE, &v->demands, width_of(x, COL_DEMAND), buf, sizeof buf);
	cell(x, y, COL_DEMAND, buf, a);
	first_of(ls, L_ORGANISME, &v->organisms, width_of(x, COL_ORG), buf, sizeof buf);
	cell(x, y, COL_ORG, buf, a);
	ui_fit_label(lists_label(ls, L_POSTURE, v->posture), width_of(x, COL_POSTURE), buf, sizeof buf);
	cell(x, y, COL_POSTURE, buf, a);
	ui_fit_label(v->outcome[0] ? lists_label(ls, L_ISSUE, v->outcome) : "—", width_of(x, COL_OUTCOME),
	          buf, sizeof buf);
	cell(x, y, COL_OUTCOME, buf, a);
	canal_mark(ls, v->canal, buf, sizeof buf);
	cell(x, y, COL_CANAL, buf, a);
	/* ! urgent, a: the person was absent, → referred elsewhere. */
	snprintf(buf, sizeof buf, "%s%s%s", v->urgent ? "!" : " ", v->present ? " " : "a",
	         v->referred_to[0] ? "→" : " ");
	cell(x, y, COL_SIGNS, buf, a | A_BOLD);
	cell(x, y, COL_PERSON, v->person, a);
}

/* Columns c0 to c1 as one cell. */
static void span(const int x[NCOLS + 1], int y, int c0, int c1, const char *s, attr_t a)
{
	int last = c1 < NCOLS - 1;

	ui_put(y, x[c0], s, x[c1 + 1] - x[c0] - last, true, a);
	if (last)
		ui_put(y, x[c1 + 1] - 1, " ", 1, false, a);
}

static void time_cells(const int x[NCOLS + 1], int y, const char *at, int duration, attr_t a,
                       bool selected)
{
	char d[32], buf[32];

	cell(x, y, COL_MARK, selected ? ">" : " ", a);
	cell(x, y, COL_TIME, at, a);
	duration_format(duration, d, sizeof d);
	snprintf(buf, sizeof buf, "%7s", d);
	cell(x, y, COL_DURATION, buf, a);
}

/* A workshop: its kind and first theme where a visit has its demand and
 * organism, its level under the posture, who came, the first code. */
static void workshop_cells(struct ui *ui, const int x[NCOLS + 1], const struct workshop *w, int y,
                           bool selected)
{
	const struct lists *ls = &ui->app->cfg.lists;
	attr_t a = selected ? A_REVERSE : 0;
	char buf[512], theme[256];
	int present = workshop_present(w), width = x[COL_OUTCOME] - x[COL_DEMAND] - 1;
	size_t used;

	/* "Atelier · theme" over the demand, organism and posture. */
	time_cells(x, y, w->time, w->duration, a, selected);
	first_of(ls, L_THEME_ATELIER, &w->themes, width - utf8_width("Atelier · "), theme,
	         sizeof theme);
	snprintf(buf, sizeof buf, "Atelier · %s", theme);
	span(x, y, COL_DEMAND, COL_POSTURE, buf, a | A_BOLD);
	/* Who came, the level, the first code, over the outcome to the person. */
	if (w->registered >= 0)
		snprintf(buf, sizeof buf, "%d présent%s sur %d", present, present > 1 ? "s" : "",
		         w->registered);
	else
		snprintf(buf, sizeof buf, "%d présent%s", present, present > 1 ? "s" : "");
	used = strlen(buf);
	if (w->level[0])
		snprintf(buf + used, sizeof buf - used, " · %s",
		         lists_label(ls, L_NIVEAU_ATELIER, w->level));
	if (w->nparticipants > 0) {
		used = strlen(buf);
		snprintf(buf + used, sizeof buf - used, " · %s%s", w->participants[0].code,
		         w->nparticipants > 1 ? "…" : "");
	}
	span(x, y, COL_OUTCOME, COL_PERSON, buf, a);
}

/* A time outside accompaniment: its kind, then its note. */
static void worktime_cells(struct ui *ui, const int x[NCOLS + 1], const struct worktime *t, int y,
                           bool selected)
{
	const struct lists *ls = &ui->app->cfg.lists;
	attr_t a = selected ? A_REVERSE : 0;
	char buf[512];

	time_cells(x, y, t->time, t->duration, a, selected);
	snprintf(buf, sizeof buf, "Temps · %s", lists_label(ls, L_TEMPS, t->kind));
	span(x, y, COL_DEMAND, COL_POSTURE, buf, a | A_BOLD);
	span(x, y, COL_OUTCOME, COL_PERSON, t->note[0] ? t->note : "", a);
}

static void item_cells(struct ui *ui, const int x[NCOLS + 1], const struct today *t,
                       const struct item *it, int y, bool selected)
{
	if (it->kind == DRAFT_WORKSHOP)
		workshop_cells(ui, x, workshop_of(t, it), y, selected);
	else if (it->kind == DRAFT_WORKTIME)
		worktime_cells(ui, x, time_of(t, it), y, selected);
	else
		row_cells(ui, x, visit_of(t, it), y, selected);
}

static void today_draw(struct ui *ui, struct view *v)
{
	static const enum action hints[] = {ACT_NEW,    ACT_WORKSHOP, ACT_WORKTIME, ACT_EDIT,
	                                    ACT_DELETE, ACT_HELP,     ACT_QUIT,     ACT_TIMER};
	static const char *const heads[NCOLS] = {"", "Heure", "Durée", "Demande", "Organisme",
	                                         "Posture", "Issue", "Canal", "", "Usager"};
	struct today *t = (struct today *)v;
	int x[NCOLS + 1], rows = LINES - 6;
	char title[128], day[64];

	layout(x);
	ui_long_date(t->date, day, sizeof day);
	snprintf(title, sizeof title, "%s · %s", lists_label(&ui->app->cfg.lists, L_SITE,
	         ui->app->cfg.site[0] ? ui->app->cfg.site : "—"), day);
	ui_title(ui, title);
	for (int c = 0; c < NCOLS; c++)
		cell(x, 1, c, heads[c], A_BOLD);
	if (t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + rows)
		t->top = t->sel - rows + 1;
	for (int i = 0; i < rows && t->top + i < t->nshown; i++)
		item_cells(ui, x, t, &t->items[t->shown[t->top + i]], 2 + i, t->top + i == t->sel);
	ui_more(2 + rows, COLS - 16, t->nshown - t->top - rows, true);
	ui_more(1, COLS - 16, t->top, false);
	if (t->nshown == 0 && t->n > 0)
		ui_put(3, 2, "Aucun passage ne correspond à la recherche.", COLS - 4, false, 0);
	else if (t->n == 0)
		ui_put(3, 2, "Aucun passage enregistré ce jour : n pour en saisir un.", COLS - 4, false,
		       0);
	draw_totals(t, LINES - 3);
	ui_footer(ui, CTX_LIST, hints, (int)(sizeof hints / sizeof hints[0]));
}

static void shift_day(struct ui *ui, struct today *t, int days)
{
	struct cn_date d;

	if (!date_parse(t->date, &d))
		return;
	d.day += days;
	if (d.day < 1) {
		if (--d.month < 1) {
			d.month = 12;
			d.year--;
		}
		d.day = date_days_in_month(d.year, d.month);
	} else if (d.day > date_days_in_month(d.year, d.month)) {
		d.day = 1;
		if (++d.month > 12) {
			d.month = 1;
			d.year++;
		}
	}
	date_format(&d, t->date);
	t->sel = t->top = 0;
	reload(ui, t);
}

static void go_today(struct ui *ui, struct today *t)
{
	struct cn_date d;
	struct cn_err err;

	if (clock_now(&d, NULL, NULL, &err) == CN_OK)
		date_format(&d, t->date);
	t->sel = t->top = 0;
	reload(ui, t);
}

static const struct item *selected(struct today *t)
{
	return t->nshown ? &t->items[t->shown[t->sel]] : NULL;
}

/* "le passage de 10:30 (Naviguer)", "l'atelier de 14:00 (…)", "le temps de 9:00 (…)". */
static void describe(struct ui *ui, const struct today *t, const struct item *it, char *out,
                     size_t size)
{
	const struct lists *ls = &ui->app->cfg.lists;

	if (it->kind == DRAFT_WORKSHOP)
		snprintf(out, size, "l'atelier de %s (%s)", workshop_of(t, it)->time,
		         lists_label(ls, L_THEME_ATELIER, workshop_of(t, it)->themes.v[0]));
	else if (it->kind == DRAFT_WORKTIME)
		snprintf(out, size, "le temps de %s (%s)", time_of(t, it)->time,
		         lists_label(ls, L_TEMPS, time_of(t, it)->kind));
	else
		snprintf(out, size, "le passage de %s (%s)", visit_of(t, it)->time,
		         lists_label(ls, L_DEMANDE, visit_of(t, it)->demands.v[0]));
}

static const char *kind_name(enum draft_kind kind)
{
	return kind == DRAFT_WORKSHOP ? "Atelier" : kind == DRAFT_WORKTIME ? "Temps" : "Passage";
}

static void delete_selected(struct ui *ui, struct today *t)
{
	const struct item *it = selected(t);
	struct cn_err err;
	char question[300], what[256], id[ID_LEN], at[HHMM_LEN];
	enum draft_kind kind;
	int rc;

	if (!it) {
		ui_status(ui, true, "Aucune ligne sélectionnée");
		return;
	}
	/* Copied: the list may be read again while the question waits. */
	kind = it->kind;
	memcpy(id, item_id(t, it), ID_LEN);
	memcpy(at, item_time(t, it), HHMM_LEN);
	describe(ui, t, it, what, sizeof what);
	snprintf(question, sizeof question, "Supprimer %s ?", what);
	if (!ui_confirm(ui, question)) {
		ui_status(ui, false, "Suppression annulée");
		return;
	}
	rc = kind == DRAFT_WORKSHOP   ? workshop_delete(ui->app->st, id, &err)
	     : kind == DRAFT_WORKTIME ? worktime_delete(ui->app->st, id, &err)
	                              : visit_delete(ui->app->st, id, &err);
	if (rc != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	if (t->nundo == UNDO_MAX) {
		memmove(t->undo, t->undo + 1, sizeof t->undo[0] * (UNDO_MAX - 1));
		memmove(t->undo_id[0], t->undo_id[1], sizeof t->undo_id[0] * (UNDO_MAX - 1));
		t->nundo--;
	}
	t->undo[t->nundo].kind = kind;
	memcpy(t->undo_id[t->nundo++], id, ID_LEN);
	ui_status(ui, false, "%s de %s supprimé — u pour l'annuler", kind_name(kind), at);
	reload(ui, t);
}

static void undo_delete(struct ui *ui, struct today *t)
{
	struct cn_err err;
	struct draft d;
	const char *id;
	enum draft_kind kind;
	int rc;

	if (t->nundo == 0) {
		ui_status(ui, true, "Aucune suppression à annuler");
		return;
	}
	t->nundo--;
	id = t->undo_id[t->nundo];
	kind = t->undo[t->nundo].kind;
	rc = kind == DRAFT_WORKSHOP   ? workshop_undelete(ui->app->st, id, &err)
	     : kind == DRAFT_WORKTIME ? worktime_undelete(ui->app->st, id, &err)
	                              : visit_undelete(ui->app->st, id, &err);
	if (rc != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	draft_init(&d, kind);
	rc = kind == DRAFT_WORKSHOP   ? workshop_get(ui->app->st, id, false, &d.w, &err)
	     : kind == DRAFT_WORKTIME ? worktime_get(ui->app->st, id, false, &d.t, &err)
	                              : visit_get(ui->app->st, id, false, &d.v, &err);
	if (rc == CN_OK) {
		memcpy(t->date, draft_date(&d), sizeof t->date);
		memcpy(ui->focus_id, id, ID_LEN);
		ui_status(ui, false, "%s de %s rétabli", kind_name(kind), draft_time(&d));
	}
	reload(ui, t);
}

/* A new record on the day shown: today at the present time, another day
 * after the last line of that day (9:00 when there is none). */
static void new_record(struct ui *ui, struct today *t, enum draft_kind kind)
{
	struct cn_date d;
	struct cn_err err;
	char today[DATE_LEN], at[HHMM_LEN] = "09:00";
	int hour, minute;

	if (clock_now(&d, &hour, &minute, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	date_format(&d, today);
	if (strcmp(today, t->date) == 0) {
		time_format(hour, minute, at);
	} else {
		for (int i = 0; i < t->n; i++) {
			char end[HHMM_LEN];
			time_minus(item_time(t, &t->items[i]), -item_duration(t, &t->items[i]), end);
			if (strcmp(end, at) > 0)
				memcpy(at, end, sizeof at);
		}
	}
	if (kind == DRAFT_WORKSHOP)
		view_form_new_workshop(ui, t->date, at);
	else if (kind == DRAFT_WORKTIME)
		view_form_new_worktime(ui, t->date, at);
	else
		view_form_new(ui, t->date, at);
}

static void edit_selected(struct ui *ui, struct today *t)
{
	const struct item *it = selected(t);

	if (!it)
		ui_status(ui, true, "Aucune ligne sélectionnée");
	else if (it->kind == DRAFT_WORKSHOP)
		view_form_workshop(ui, workshop_of(t, it));
	else if (it->kind == DRAFT_WORKTIME)
		view_form_worktime(ui, time_of(t, it));
	else
		view_form_visit(ui, visit_of(t, it));
}

/* The slip of the selected visit's place of the directory, dated the
 * visit's day; the person's code on it only when they want it. */
static void slip_selected(struct ui *ui, struct today *t)
{
	const struct item *it = selected(t);
	char date[DATE_LEN], code[PCODE_MAX], uid[ID_LEN], msg[1600];
	struct place *p;
	struct cn_err err;
	int rc;

	if (!it) {
		ui_status(ui, true, "Aucune ligne sélectionnée");
		return;
	}
	if (it->kind != DRAFT_VISIT) {
		ui_status(ui, true, "La fiche d'orientation est celle d'un passage : sélectionnez un "
		                    "passage orienté vers un lieu de l'annuaire");
		return;
	}
	/* Copied: the list may be read again while the question waits. */
	memcpy(date, visit_of(t, it)->date, sizeof date);
	memcpy(code, visit_of(t, it)->person, sizeof code);
	memcpy(uid, visit_of(t, it)->referral_place, sizeof uid);
	if (!(p = malloc(sizeof *p))) {
		ui_status(ui, true, "mémoire insuffisante");
		return;
	}
	if (!uid[0] || place_get_by_uid(ui->app->st, uid, p, &err) != CN_OK || p->deleted[0]) {
		ui_status(ui, true, "Ce passage n'a pas de lieu de l'annuaire : choisissez-le dans "
		                    "Lieu d'orientation");
		free(p);
		return;
	}
	if (code[0] && !ui_confirm(ui, "Ajouter le code de l'usager sur la fiche ?"))
		code[0] = '\0';
	if (ui->app->cfg.printer[0]) {
		ui_status(ui, false, "Envoi de la fiche à « %s »…", ui->app->cfg.printer);
		ui_draw(ui);
	}
	rc = slip_give(ui->app, p, date, code, msg, sizeof msg);
	free(p);
	ui_status(ui, rc != EXIT_OK, "%s", msg);
}

static void search_key(struct ui *ui, struct today *t, int code, bool is_char)
{
	size_t len = strlen(t->search);

	if (is_char && (code == '\r' || code == '\n')) {
		t->searching = false;
	} else if (is_char && code == 27) {
		t->searching = false;
		t->search[0] = '\0';
	} else if ((!is_char && code == KEY_BACKSPACE) || (is_char && (code == 127 || code == 8))) {
		while (len > 0 && ((unsigned char)t->search[len - 1] & 0xc0) == 0x80)
			len--;
		if (len > 0)
			t->search[len - 1] = '\0';
	} else if (is_char && code >= ' ') {
		char mb[8];
		int n = wctomb(mb, (wchar_t)code);
		if (n > 0 && len + (size_t)n < sizeof t->search) {
			memcpy(t->search + len, mb, (size_t)n);
			t->search[len + (size_t)n] = '\0';
		}
	}
	apply_search(ui, t);
}

static void today_key(struct ui *ui, struct view *v, int code, bool is_char, enum action act)
{
	struct today *t = (struct today *)v;

	if (t->searching) {
		search_key(ui, t, code, is_char);
		return;
	}
	/* Escape clears a search kept with Enter. */
	if (is_char && code == 27 && t->search[0]) {
		t->search[0] = '\0';
		apply_search(ui, t);
		return;
	}
	switch (act) {
	case ACT_QUIT:
		ui->quit = true;
		break;
	case ACT_HELP:
		view_help_open(ui, CTX_LIST);
		break;
	case ACT_NEW:
		new_record(ui, t, DRAFT_VISIT);
		break;
	case ACT_WORKSHOP:
		new_record(ui, t, DRAFT_WORKSHOP);
		break;
	case ACT_WORKTIME:
		new_record(ui, t, DRAFT_WORKTIME);
		break;
	case ACT_EDIT:
		edit_selected(ui, t);
		break;
	case ACT_DELETE:
		delete_selected(ui, t);
		break;
	case ACT_UNDO:
		undo_delete(ui, t);
		break;
	case ACT_UP:
		if (t->sel > 0)
			t->sel--;
		break;
	case ACT_DOWN:
		if (t->sel + 1 < t->nshown)
			t->sel++;
		break;
	case ACT_FIRST:
		t->sel = 0;
		break;
	case ACT_LAST:
		t->sel = t->nshown > 0 ? t->nshown - 1 : 0;
		break;
	case ACT_PREV_DAY:
		shift_day(ui, t, -1);
		break;
	case ACT_NEXT_DAY:
		shift_day(ui, t, 1);
		break;
	case ACT_TODAY:
		go_today(ui, t);
		break;
	case ACT_SEARCH:
		t->searching = true;
		t->search[0] = '\0';
		apply_search(ui, t);
		break;
	case ACT_TIMER:
		ui_timer_toggle(ui);
		break;
	case ACT_REPORT:
		view_report_open(ui, t->date);
		break;
	case ACT_ASIDE:
		view_aside_open(ui);
		break;
	case ACT_SLIP:
		slip_selected(ui, t);
		break;
	default:
		break;
	}
}

static void today_resume(struct ui *ui, struct view *v)
{
	struct today *t = (struct today *)v;
	struct draft saved;
	struct cn_err err;

	/* Show the day of the line just saved, whatever its kind. */
	if (ui->focus_id[0]) {
		if (visit_get(ui->app->st, ui->focus_id, false, &saved.v, &err) == CN_OK)
			memcpy(t->date, saved.v.date, sizeof t->date);
		else if (workshop_get(ui->app->st, ui->focus_id, false, &saved.w, &err) == CN_OK)
			memcpy(t->date, saved.w.date, sizeof t->date);
		else if (worktime_get(ui->app->st, ui->focus_id, false, &saved.t, &err) == CN_OK)
			memcpy(t->date, saved.t.date, sizeof t->date);
	}
	reload(ui, t);
}

/* Another program changed the base: the list follows it within a second. */
static void today_tick(struct ui *ui, struct view *v, bool changed)
{
	struct today *t = (struct today *)v;
	char id[ID_LEN] = "";

	if (!changed)
		return;
	if (selected(t))
		memcpy(id, item_id(t, selected(t)), ID_LEN);
	memcpy(ui->focus_id, id, ID_LEN);
	reload(ui, t);
}

static void today_close(struct ui *ui, struct view *v)
{
	struct today *t = (struct today *)v;

	(void)ui;
	free(t->visits.v);
	free(t->workshops.v);
	free(t->times.v);
	free(t->items);
	free(t->shown);
	free(t);
}

static const struct view_ops today_ops = {
	.ctx = CTX_LIST,
	.draw = today_draw,
	.key = today_key,
	.resume = today_resume,
	.tick = today_tick,
	.close = today_close,
};

/* Enter (or o) takes the draft back, Escape leaves it for the next start,
 * Suppr puts it aside (r brings it back): no reflex key throws it away. */
static int draft_answer(int code, bool is_char)
{
	if (is_char && (code == '\r' || code == '\n' || code == 'o' || code == 'O'))
		return 1;
	if (is_char && code == 27)
		return 2;
	if (!is_char && code == KEY_DC)
		return 3;
	return 0;
}

/* The fields a draft of an edit changes in the saved visit ("durée, posture"). */
static void changed_fields(struct ui *ui, const struct visit *d, char *out, size_t size)
{
	struct visit saved;
	struct cn_err err;
	size_t used = 0;

	out[0] = '\0';
	if (visit_get(ui->app->st, d->id, false, &saved, &err) != CN_OK)
		return;
	/* Changed elsewhere since: the differences are not all this draft's;
	 * the save will show both versions. */
	if (d->updated[0] && strcmp(d->updated, saved.updated) != 0) {
		out[0] = '\0';
		return;
	}
#define CHANGED(cond, f)                                                                    \
	do {                                                                                \
		if (cond) {                                                                 \
			int k = snprintf(out + used, size - used, "%s%s", used ? ", " : "",  \
			                 visit_field_label(f));                                     \
			if (k > 0 && (size_t)k < size - used)                               \
				used += (size_t)k;                                          \
		}                                                                           \
	} while (0)
	CHANGED(strcmp(d->date, saved.date), VF_DATE);
	CHANGED(strcmp(d->time, saved.time), VF_TIME);
	CHANGED(d->duration != saved.duration, VF_DURATION);
	CHANGED(strcmp(d->site, saved.site), VF_SITE);
	CHANGED(strcmp(d->mediator, saved.mediator), VF_MEDIATOR);
	CHANGED(strcmp(d->canal, saved.canal), VF_CANAL);
	CHANGED(!codeset_equal(&d->demands, &saved.demands), VF_DEMANDS);
	CHANGED(!codeset_equal(&d->organisms, &saved.organisms), VF_ORGANISMS);
	CHANGED(strcmp(d->posture, saved.posture), VF_POSTURE);
	CHANGED(d->present != saved.present, VF_PRESENT);
	CHANGED(strcmp(d->outcome, saved.outcome), VF_OUTCOME);
	CHANGED(d->urgent != saved.urgent, VF_URGENT);
	CHANGED(strcmp(d->referred_by, saved.referred_by), VF_REFERRED_BY);
	CHANGED(strcmp(d->referred_to, saved.referred_to), VF_REFERRED_TO);
	CHANGED(strcmp(d->referral_how, saved.referral_how), VF_REFERRAL_HOW);
	CHANGED(strcmp(d->referred_place, saved.referred_place), VF_REFERRED_PLACE);
	CHANGED(strcmp(d->person, saved.person), VF_PERSON);
	CHANGED(strcmp(d->note, saved.note), VF_NOTE);
#undef CHANGED
	if (!used)
		snprintf(out, size, "aucun champ encore");
}

static void offer_draft(struct ui *ui, struct draft *d)
{
	char question[400], changed[300];
	struct cn_err err;
	int answer;

	if (d->kind != DRAFT_VISIT) {
		const char *name = d->kind == DRAFT_WORKSHOP ? "Atelier" : "Temps";
		char day[16];
		date_short(draft_date(d), day, sizeof day);
		if (draft_id(d)[0])
			snprintf(question, sizeof question,
			         "%s de %s le %.5s, enregistré ; modification en cours. Reprendre ?", name,
			         draft_time(d), day);
		else
			snprintf(question, sizeof question,
			         "%s commencé le %s à %s, non enregistré : le reprendre ?", name,
			         draft_date(d), draft_time(d));
	} else if (d->v.id[0]) {
		changed_fields(ui, &d->v, changed, sizeof changed);
		char day[16];
		date_short(d->v.date, day, sizeof day);
		if (changed[0])
			snprintf(question, sizeof question,
			         "Passage de %s le %.5s, enregistré ; en cours : %s. Reprendre ?", d->v.time,
			         day, changed);
		else
			snprintf(question, sizeof question,
			         "Passage de %s le %.5s, modifié ailleurs depuis votre changement. Reprendre ?",
			         d->v.time, day);
	} else {
		snprintf(question, sizeof question,
		         "Passage commencé le %s à %s, non enregistré : le reprendre ?", d->v.date,
		         d->v.time);
	}
	answer = ui_ask(ui, question, "Entrée oui · Échap plus tard · Suppr de côté", draft_answer);
	if (answer == 1) {
		view_form_draft(ui, d, true);
	} else if (answer == 3) {
		if (draft_put_aside(ui->drafts, d, &err) == CN_OK && draft_clear(ui->drafts, &err) == CN_OK)
			ui_status(ui, false, "Brouillon mis de côté : r pour le reprendre");
		else
			ui_status(ui, true, "%s", err.msg);
	} else if (answer == 2) {
		ui_status(ui, false, "Brouillon gardé : il sera proposé au prochain démarrage");
	}
}

int view_today_open(struct ui *ui)
{
	struct today *t = calloc(1, sizeof *t);
	struct draft d;
	struct cn_err err;
	bool found;
	int rc;

	if (!t)
		return EXIT_FAILURE;
	t->base.ops = &today_ops;
	ui_push(ui, &t->base);
	go_today(ui, t);
	rc = draft_load(ui->drafts, &d, &found, &err);
	if (rc == CN_EINVAL) {
		/* Damaged or hand-edited: never used half, never a crash. */
		char question[200];
		snprintf(question, sizeof question,
		         "Brouillon illisible (enregistré le %.10s, fichier endommagé ?) : l'effacer ?",
		         d.saved_at[0] ? d.saved_at : "?");
		if (ui_confirm(ui, question)) {
			draft_clear(ui->drafts, &err);
			ui_status(ui, false, "Brouillon illisible effacé");
		} else {
			ui_status(ui, false, "Brouillon illisible gardé : il sera proposé au prochain "
			                     "démarrage");
		}
	} else if (rc != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
	} else if (found) {
		offer_draft(ui, &d);
	}
	return 0;
}
