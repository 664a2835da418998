/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity summary as text for an 80-column terminal, with bar charts
 * in Unicode block characters; items in the order of outline.c. */
#include <string.h>
#include "carnet/model/clock.h"
#include "carnet/model/number.h"
#include "carnet/model/text.h"
#include "carnet/report/outline.h"
#include "carnet/report/report_write.h"

#define BAR_WIDTH 20
#define LABEL_WIDTH 34
#define NAME_WIDTH 40

struct text_ctx {
	FILE *f;
	const struct lists *ls;
	const struct report *r;
};

/* A bar of `value` out of `max`, in eighths of a cell. */
static void bar(FILE *f, double value, double max)
{
	static const char *const eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	long units = max > 0 ? (long)(value / max * BAR_WIDTH * 8 + 0.5) : 0;

	for (long i = 0; i < units / 8; i++)
		fputs("█", f);
	fputs(eighths[units % 8], f);
}

/* s in `width` columns, aligned to the right. */
static void right(FILE *f, const char *s, int width)
{
	for (int i = utf8_width(s); i < width; i++)
		fputc(' ', f);
	fputs(s, f);
}

static void heading(FILE *f, const char *title)
{
	fprintf(f, "\n%s\n", title);
	for (int i = utf8_width(title); i > 0; i--)
		fputs("─", f);
	fputc('\n', f);
}

/* A figure's value in words: "28 310", "7 h 35", "26,1 min", "12 (25,0 %)". */
static void value_text(const struct figure *fig, char *out, size_t size)
{
	char a[48], b[48];

	switch (fig->unit) {
	case UNIT_COUNT:
		number_fr(fig->value, out, size);
		break;
	case UNIT_MINUTES:
		duration_format(fig->value, out, size);
		break;
	case UNIT_MEAN:
		if (!fig->defined) {
			snprintf(out, size, "—");
		} else {
			decimal_fr(fig->mean, 1, a, sizeof a);
			snprintf(out, size, "%s min", a);
		}
		break;
	case UNIT_SHARE:
	case UNIT_TIME_SHARE:
		if (!fig->defined) {
			snprintf(out, size, "—");
			break;
		}
		if (fig->unit == UNIT_SHARE)
			number_fr(fig->value, a, sizeof a);
		else
			duration_format(fig->value, a, sizeof a);
		percent_fr(fig->whole ? (fig->value * 1000 + fig->whole / 2) / fig->whole : 0, b,
		           sizeof b);
		snprintf(out, size, "%s (%s)", a, b);
		break;
	case UNIT_LEVEL:
		if (!fig->defined) {
			snprintf(out, size, "— (0 passage)");
		} else {
			decimal_fr(fig->mean, 2, a, sizeof a);
			number_fr(fig->value, b, sizeof b);
			snprintf(out, size, "%s (%s passage%s)", a, b, fig->value > 1 ? "s" : "");
		}
		break;
	}
}

static void figure_line(FILE *f, const char *name, const char *value)
{
	fputs("  ", f);
	text_put_cell(f, name, NAME_WIDTH);
	fprintf(f, " %s\n", value);
}

/* Words cut to lines of `width` columns, each starting with `indent`. */
static void wrapped(FILE *f, const char *indent, const char *s, int width)
{
	text_put_wrapped(f, indent, s, width, NULL);
}

/* One line per code: label, count (or time), share of d->total, bar; rows
 * of 0 count only where the table shows them all, and the fixed rows. */
static void table_lines(struct text_ctx *c, const struct report_table *t)
{
	const struct dist *d = t->d;
	long tenths[1024], max = 0;
	int n = d->n < 1024 ? d->n : 1024;

	shares_tenths(d->count, n, d->total, tenths);
	for (int i = 0; i < n; i++)
		if (d->count[i] > max)
			max = d->count[i];
	for (int i = 0; i < n; i++) {
		char buf[80], count[32], share[32];
		if (d->count[i] == 0 && !t->all_rows && i >= t->fixed_rows)
			continue;
		fputs("    ", c->f);
		text_put_cell(c->f, report_row_label_at(c->ls, t, i, buf, sizeof buf),
		              LABEL_WIDTH);
		if (t->minutes)
			duration_format(d->count[i], count, sizeof count);
		else
			number_fr(d->count[i], count, sizeof count);
		percent_fr(tenths[i], share, sizeof share);
		fputc(' ', c->f);
		right(c->f, count, t->minutes ? 9 : 7);
		fputc(' ', c->f);
		right(c->f, share, 8);
		fputc(' ', c->f);
		bar(c->f, (double)d->count[i], (double)max);
		fputc('\n', c->f);
	}
}

/* With a breakdown, a table of minutes with fixed rows gets one line per
 * group: each fixed row, the other rows together, the whole (the text has
 * no room for a column per group). */
static void group_minutes_lines(struct text_ctx *c, const struct report_table *t)
{
	const struct report *r = c->r;
	char cell[32];

	if (!r->ngroups || !t->minutes || !t->fixed_rows || !t->fixed_short)
		return;
	fputs("    ", c->f);
	text_put_cell(c->f, r->f.by == BY_SITE ? "Par site" : "Par médiateur", LABEL_WIDTH - 1);
	fputc(' ', c->f);
	for (int i = 0; i < t->fixed_rows; i++)
		right(c->f, t->fixed_short[i], 10);
	right(c->f, "autres", 10);
	right(c->f, "total", 10);
	fputc('\n', c->f);
	for (int g = 0; g < r->ngroups; g++) {
		const struct dist *d = report_dist(&r->groups[g], t->name);
		long whole = d ? d->total : 0, rest = whole;

		fputs("    ", c->f);
		text_put_cell(c->f, report_group_label(r, c->ls, g), LABEL_WIDTH - 1);
		fputc(' ', c->f);
		for (int i = 0; i < t->fixed_rows; i++) {
			long n = report_group_count(r, g, t, i);
			rest -= n;
			duration_format(n, cell, sizeof cell);
			right(c->f, cell, 10);
		}
		duration_format(rest, cell, sizeof cell);
		right(c->f, cell, 10);
		duration_format(whole, cell, sizeof cell);
		right(c->f, cell, 10);
		fputc('\n', c->f);
	}
}

static void cross_lines(struct text_ctx *c, const struct item *it)
{
	const struct vlist *postures = &c->ls->l[it->columns];
	const struct cross *x = it->cross;

	fputs("    ", c->f);
	text_put_cell(c->f, "", 30);
	for (int k = 0; k < postures->n && k < 4; k++) {
		fputc(' ', c->f);
		text_put_cell(c->f, postures->e[k].code, 9);
	}
	fputc('\n', c->f);
	for (int i = 0; i < x->n; i++) {
		long tenths[64];
		char buf[80], share[32];
		if (x->row[i].total == 0)
			continue;
		shares_tenths(x->row[i].count, x->row[i].n < 64 ? x->row[i].n : 64, x->row[i].total,
		              tenths);
		fputs("    ", c->f);
		text_put_cell(c->f, report_cross_label(c->ls, it->list, x, i), 30);
		(void)buf;
		for (int k = 0; k < postures->n && k < 4 && k < x->row[i].n; k++) {
			percent_fr(tenths[k], share, sizeof share);
			fputc(' ', c->f);
			right(c->f, share, 9);
		}
		fputc('\n', c->f);
	}
}

/* Month, visits, workshops, and a bar of the visits. */
static void trend_lines(struct text_ctx *c)
{
	const struct report *r = c->r;
	long max = 0;

	for (int i = 0; i < REPORT_TREND; i++)
		if (r->trend[i] > max)
			max = r->trend[i];
	fputs("             passages  ateliers\n", c->f);
	for (int i = 0; i < REPORT_TREND; i++) {
		char count[32], sessions[32];
		number_fr(r->trend[i], count, sizeof count);
		number_fr(r->trend_workshops[i], sessions, sizeof sessions);
		fprintf(c->f, "    %s ", r->trend_month[i]);
		right(c->f, count, 9);
		fputc(' ', c->f);
		right(c->f, sessions, 9);
		fputs("  ", c->f);
		bar(c->f, (double)r->trend[i], (double)max);
		fputc('\n', c->f);
	}
}

static void group_lines(struct text_ctx *c)
{
	const struct report *r = c->r;

	fputs("    ", c->f);
	text_put_cell(c->f, "", LABEL_WIDTH);
	fputs("  passages personnes  temps\n", c->f);
	for (int g = 0; g < r->ngroups; g++) {
		char visits[32], persons[32], total[32];
		number_fr(r->groups[g].visits, visits, sizeof visits);
		number_fr(r->groups[g].persons, persons, sizeof persons);
		duration_format(r->groups[g].minutes, total, sizeof total);
		fputs("    ", c->f);
		text_put_cell(c->f, report_group_label(r, c->ls, g), LABEL_WIDTH);
		fputc(' ', c->f);
		right(c->f, visits, 9);
		fputc(' ', c->f);
		right(c->f, persons, 9);
		fprintf(c->f, "  %s\n", total);
	}
}

static void item(void *ctx, const struct item *it)
{
	struct text_ctx *c = ctx;
	char value[160], change[160];

	switch (it->kind) {
	case ITEM_SECTION:
		heading(c->f, it->title);
		break;
	case ITEM_KEY:
		value_text(&it->key.now, value, sizeof value);
		figure_line(c->f, it->title, value);
		key_change_words(&it->key, false, CHANGE_SIGNED, c->r, change, sizeof change);
		if (change[0])
			wrapped(c->f, "      ", change, 72);
		key_change_words(&it->key, true, CHANGE_SIGNED, c->r, change, sizeof change);
		if (change[0])
			wrapped(c->f, "      ", change, 72);
		break;
	case ITEM_FIGURE:
		value_text(&it->fig, value, sizeof value);
		figure_line(c->f, it->title, value);
		if (it->note)
			wrapped(c->f, "  ", it->note, 76);
		break;
	case ITEM_TABLE:
		fprintf(c->f, "  %s\n", it->title);
		if (it->note)
			wrapped(c->f, "  ", it->note, 76);
		table_lines(c, it->table);
		group_minutes_lines(c, it->table);
		break;
	case ITEM_CROSS:
		fprintf(c->f, "  %s\n", it->title);
		if (it->note)
			wrapped(c->f, "  ", it->note, 76);
		cross_lines(c, it);
		break;
	case ITEM_TREND:
		fprintf(c->f, "  %s\n", it->title);
		trend_lines(c);
		break;
	case ITEM_GROUPS:
		fprintf(c->f, "  %s\n", it->title);
		group_lines(c);
		break;
	}
}

void report_write_text(FILE *f, const struct report *r, const struct lists *ls)
{
	struct text_ctx c = {f, ls, r};
	struct report_heading h;

	report_heading(r, ls, &h);
	fprintf(f, "%s\n%s\n", h.title, h.dates);
	if (h.scope[0])
		wrapped(f, "", h.scope, 78);
	if (h.progress[0])
		wrapped(f, "", h.progress, 78);
	if (h.empty)
		fprintf(f, "%s\n", h.empty);
	report_each_item(r, item, &c);
}
