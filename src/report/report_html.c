/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity summary as one self-contained HTML file: no external asset,
 * no script, inline SVG charts, and a print style sheet for A4 (headers
 * repeated on every page, rows never split, a title kept with its table,
 * landscape for a wide breakdown); the items of outline.c in order. */
#include <string.h>
#include "carnet/model/clock.h"
#include "carnet/model/number.h"
#include "carnet/model/text.h"
#include "carnet/report/html.h"
#include "carnet/report/outline.h"
#include "carnet/report/report_write.h"

/* Room for the breakdown's group columns beside a table's own columns, in
 * characters of the print font: in portrait, in landscape. Wider, the page
 * turns; wider than landscape, the group columns go on in further tables. */
#define PORTRAIT_CHARS 50
#define LANDSCAPE_CHARS 110

static const char style[] =
	"body{font-family:sans-serif;max-width:62em;margin:1em auto;padding:0 1em;color:#222}"
	"h1{font-size:1.5em;margin-bottom:.2em}p.scope{margin-top:0;color:#444}"
	"h2{font-size:1.2em;border-bottom:1px solid #888;margin-top:1.5em}"
	"h3{font-size:1em;margin:1em 0 .3em}"
	"table{border-collapse:collapse;margin:.3em 0 .8em}td,th{padding:.15em .6em;"
	"text-align:left;vertical-align:top}td.n,th.n{text-align:right;white-space:nowrap}"
	"th{border-bottom:1px solid #aaa}th.g{text-align:right;vertical-align:bottom}"
	"td.l{min-width:12em}"
	"p.note{font-size:.9em;color:#555;margin:.2em 0 .8em}svg{display:block}"
	"table.key td.change{color:#444;font-size:.95em}"
	"@media print{body{max-width:none;margin:0;font-size:9.5pt}"
	"h2,h3{break-after:avoid}tr,table.figures,div.small{break-inside:avoid}"
	"thead{display:table-header-group}svg.bar{width:100px}}"
	"@page{size:A4;margin:14mm}";

struct html_ctx {
	FILE *f;
	const struct lists *ls;
	const struct report *r;
	int room;          /* characters for group columns on the page */
	bool in_section;
	bool in_figures;   /* a <table class="figures"> is open */
};

static void close_figures(struct html_ctx *c)
{
	if (c->in_figures)
		fputs("</tbody></table>\n", c->f);
	c->in_figures = false;
}

/* A horizontal bar as inline SVG, for a share of the largest count. */
static void bar(FILE *f, long value, long max)
{
	int w = max > 0 ? (int)(value * 200 / max) : 0;
	fprintf(f, "<svg class=\"bar\" width=\"202\" height=\"12\" viewBox=\"0 0 202 12\" "
	           "preserveAspectRatio=\"none\" role=\"img\" aria-hidden=\"true\">"
	           "<rect x=\"0\" y=\"1\" width=\"%d\" height=\"10\" fill=\"#3465a4\"/></svg>",
	        w);
}

static long tenths_of(long value, long whole)
{
	return whole ? (value * 1000 + whole / 2) / whole : 0;
}

static void value_html(FILE *f, const struct figure *fig)
{
	char a[48], b[48];

	switch (fig->unit) {
	case UNIT_COUNT:
		number_fr(fig->value, a, sizeof a);
		fputs(a, f);
		break;
	case UNIT_MINUTES:
		duration_format(fig->value, a, sizeof a);
		fputs(a, f);
		break;
	case UNIT_MEAN:
		if (!fig->defined) {
			fputs("—", f);
		} else {
			decimal_fr(fig->mean, 1, a, sizeof a);
			fprintf(f, "%s" NNBSP "min", a);
		}
		break;
	case UNIT_SHARE:
	case UNIT_TIME_SHARE:
		if (!fig->defined) {
			fputs("—", f);
			break;
		}
		if (fig->unit == UNIT_SHARE)
			number_fr(fig->value, a, sizeof a);
		else
			duration_format(fig->value, a, sizeof a);
		percent_fr(tenths_of(fig->value, fig->whole), b, sizeof b);
		fprintf(f, "%s (%s)", a, b);
		break;
	case UNIT_LEVEL:
		if (!fig->defined) {
			fputs("— (0 passage)", f);
		} else {
			decimal_fr(fig->mean, 2, a, sizeof a);
			number_fr(fig->value, b, sizeof b);
			fprintf(f, "%s (%s passage%s)", a, b, fig->value > 1 ? "s" : "");
		}
		break;
	}
}

/* The characters a group's column takes: its label on two lines (never
 * less than its longest word), or a count. */
static int group_chars(const struct report *r, const struct lists *ls, int g)
{
	const char *label = report_group_label(r, ls, g);
	int w = (utf8_width(label) + 1) / 2, word = 0;

	for (const char *p = label; *p; p++) {
		word = *p == ' ' ? 0 : word + ((*p & 0xC0) != 0x80);
		if (word > w)
			w = word;
	}
	return (w > 7 ? w : 7) + 2;
}

/* The groups from `from` that fit in `room` characters (one at least). */
static int groups_fitting(const struct html_ctx *c, int from)
{
	int g = from, used = 0;

	while (g < c->r->ngroups && (g == from || used + group_chars(c->r, c->ls, g) <= c->room))
		used += group_chars(c->r, c->ls, g++);
	return g;
}

/* A count of a table, or its minutes in hours and minutes. */
static void amount(const struct report_table *t, long n, char *out, size_t size)
{
	if (t->minutes)
		duration_format(n, out, size);
	else
		number_fr(n, out, size);
}

static void table_html(struct html_ctx *c, const struct item *it)
{
	const struct report_table *t = it->table;
	FILE *f = c->f;
	long tenths[1024], max = 0;
	int n = t->d->n < 1024 ? t->d->n : 1024;
	char buf[80], s[48];
	int from = 0;

	shares_tenths(t->d->count, n, t->d->total, tenths);
	for (int i = 0; i < n; i++)
		if (t->d->count[i] > max)
			max = t->d->count[i];
	/* One table, or more when the groups' columns do not fit across the
	 * page: the first with the totals, the next ones with the groups that
	 * follow. A short table stays whole on its page, with its title. */
	do {
		int to = t->no_groups ? 0 : groups_fitting(c, from);
		fprintf(f, "<div class=\"%s\">\n<h3>", n <= 20 ? "small" : "long");
		html_escape(f, t->title);
		if (from)
			fputs(" (suite)</h3>\n<table>\n<thead><tr><th>Valeur</th>", f);
		else
			fprintf(f, "</h3>\n<table>\n<thead><tr><th>Valeur</th><th class=\"n\">%s</th>"
			           "<th class=\"n\">Part</th><th></th>",
			        t->minutes ? "Temps" : "Nombre");
		for (int g = from; g < to; g++) {
			/* Long names wrap only where the columns are many. */
			fputs(c->room == LANDSCAPE_CHARS ? "<th class=\"g\">" : "<th class=\"n\">", f);
			html_escape(f, report_group_label(c->r, c->ls, g));
			fputs("</th>", f);
		}
		fputs("</tr></thead>\n<tbody>\n", f);
		for (int i = 0; i < n; i++) {
			fputs("<tr><td class=\"l\">", f);
			html_escape(f, report_row_label_at(c->ls, t, i, buf, sizeof buf));
			fputs("</td>", f);
			if (!from) {
				amount(t, t->d->count[i], s, sizeof s);
				fprintf(f, "<td class=\"n\">%s</td>", s);
				percent_fr(tenths[i], s, sizeof s);
				fprintf(f, "<td class=\"n\">%s</td><td>", s);
				bar(f, t->d->count[i], max);
				fputs("</td>", f);
			}
			for (int g = from; g < to; g++) {
				amount(t, report_group_count(c->r, g, t, i), s, sizeof s);
				fprintf(f, "<td class=\"n\">%s</td>", s);
			}
			fputs("</tr>\n", f);
		}
		fputs("</tbody></table>\n", f);
		if (to < c->r->ngroups)
			fputs("</div>\n", f);
		from = to;
	} while (!t->no_groups && from < c->r->ngroups);
	if (t->note) {
		fputs("<p class=\"note\">", f);
		html_escape(f, t->note);
		fputs("</p>\n", f);
	}
	fputs("</div>\n", f);
}

static void cross_html(struct html_ctx *c, const struct item *it)
{
	const struct vlist *postures = &c->ls->l[it->columns];
	FILE *f = c->f;
	char s[48];

	fputs("<div class=\"small\">\n<h3>", f);
	html_escape(f, it->title);
	fputs("</h3>\n<table>\n<thead><tr><th></th><th class=\"n\">", f);
	html_escape(f, it->counted);
	fputs("</th>", f);
	for (int k = 0; k < postures->n; k++) {
		fputs("<th class=\"n\">", f);
		html_escape(f, postures->e[k].label);
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int i = 0; i < it->cross->n; i++) {
		const struct dist *row = &it->cross->row[i];
		long tenths[64];
		int n = cross_row_shares(it->cross, i, tenths, 64);
		if (!n)
			continue;
		fputs("<tr><td class=\"l\">", f);
		html_escape(f, report_cross_label(c->ls, it->list, it->cross, i));
		number_fr(row->total, s, sizeof s);
		fprintf(f, "</td><td class=\"n\">%s</td>", s);
		for (int k = 0; k < postures->n && k < n; k++) {
			percent_fr(tenths[k], s, sizeof s);
			fprintf(f, "<td class=\"n\">%s</td>", s);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
	if (it->note) {
		fputs("<p class=\"note\">", f);
		html_escape(f, it->note);
		fputs("</p>\n", f);
	}
	fputs("</div>\n", f);
}

/* The 12-month trend as SVG columns: the visits, and beside them the
 * workshop sessions, each series on its own scale (the values are written
 * on the columns), with a legend. */
static void trend_html(struct html_ctx *c, const struct item *it)
{
	const struct report *r = c->r;
	FILE *f = c->f;
	long max = 0, wmax = 0;

	for (int i = 0; i < REPORT_TREND; i++) {
		if (r->trend[i] > max)
			max = r->trend[i];
		if (r->trend_workshops[i] > wmax)
			wmax = r->trend_workshops[i];
	}
	fputs("<div class=\"small\">\n<h3>", f);
	html_escape(f, it->title);
	fputs("</h3>\n<svg width=\"600\" height=\"190\" viewBox=\"0 0 600 190\" role=\"img\" "
	      "aria-label=\"Passages et séances d'atelier par mois\">\n"
	      "<rect x=\"7\" y=\"2\" width=\"10\" height=\"10\" fill=\"#3465a4\"/>"
	      "<text x=\"21\" y=\"11\" font-size=\"10\">Passages</text>"
	      "<rect x=\"97\" y=\"2\" width=\"10\" height=\"10\" fill=\"#e07b00\"/>"
	      "<text x=\"111\" y=\"11\" font-size=\"10\">Séances d'atelier (chaque série à son "
	      "échelle)</text>\n",
	      f);
	for (int i = 0; i < REPORT_TREND; i++) {
		int h = max > 0 ? (int)(r->trend[i] * 120 / max) : 0;
		int wh = wmax > 0 ? (int)(r->trend_workshops[i] * 120 / wmax) : 0;
		char s[48], w[48];
		number_fr(r->trend[i], s, sizeof s);
		number_fr(r->trend_workshops[i], w, sizeof w);
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"26\" height=\"%d\" fill=\"#3465a4\"/>"
		           "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%s</text>"
		           "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"%d\" fill=\"#e07b00\"/>"
		           "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%s</text>"
		           "<text x=\"%d\" y=\"185\" font-size=\"10\" text-anchor=\"middle\">%s</text>\n",
		        i * 50 + 4, 160 - h, h, i * 50 + 17, 156 - h, s, i * 50 + 31, 160 - wh, wh,
		        i * 50 + 38, 156 - wh, w, i * 50 + 25, r->trend_month[i]);
	}
	fputs("</svg>\n</div>\n", f);
}

static void groups_html(struct html_ctx *c, const struct item *it)
{
	const struct report *r = c->r;
	FILE *f = c->f;

	fputs("<div class=\"small\">\n<h3>", f);
	html_escape(f, it->title);
	fprintf(f, "</h3>\n<table>\n<thead><tr><th>%s</th><th class=\"n\">Passages</th>"
	           "<th class=\"n\">Personnes distinctes</th><th class=\"n\">Temps total</th></tr>"
	           "</thead>\n<tbody>\n",
	        r->f.by == BY_SITE ? "Site" : "Médiateur");
	for (int g = 0; g < r->ngroups; g++) {
		char v[48], p[48], m[48];
		number_fr(r->groups[g].visits, v, sizeof v);
		number_fr(r->groups[g].persons, p, sizeof p);
		duration_format(r->groups[g].minutes, m, sizeof m);
		fputs("<tr><td class=\"l\">", f);
		html_escape(f, report_group_label(r, c->ls, g));
		fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		           "</tr>\n",
		        v, p, m);
	}
	fputs("</tbody></table>\n</div>\n", f);
}

static void item(void *ctx, const struct item *it)
{
	struct html_ctx *c = ctx;
	FILE *f = c->f;
	char change[160];

	if (it->kind != ITEM_FIGURE && it->kind != ITEM_KEY)
		close_figures(c);
	switch (it->kind) {
	case ITEM_SECTION:
		close_figures(c);
		if (c->in_section)
			fputs("</section>\n", f);
		fputs("<section>\n<h2>", f);
		html_escape(f, it->title);
		fputs("</h2>\n", f);
		c->in_section = true;
		break;
	case ITEM_KEY:
		if (!c->in_figures) {
			fputs("<table class=\"figures key\">\n<thead><tr><th>Indicateur</th>"
			      "<th class=\"n\">Valeur</th><th>Par rapport à la période précédente</th>"
			      "<th>Sur un an</th></tr></thead>\n<tbody>\n",
			      f);
			c->in_figures = true;
		}
		fputs("<tr><th>", f);
		html_escape(f, it->title);
		fputs("</th><td class=\"n\">", f);
		value_html(f, &it->key.now);
		fputs("</td><td class=\"change\">", f);
		key_change_words(&it->key, false, CHANGE_SIGNED, c->r, change, sizeof change);
		html_escape(f, change[0] ? change : "—");
		fputs("</td><td class=\"change\">", f);
		key_change_words(&it->key, true, CHANGE_SIGNED, c->r, change, sizeof change);
		html_escape(f, change[0] ? change : "—");
		fputs("</td></tr>\n", f);
		break;
	case ITEM_FIGURE:
		if (!c->in_figures) {
			fputs("<table class=\"figures\">\n<tbody>\n", f);
			c->in_figures = true;
		}
		fputs("<tr><th>", f);
		html_escape(f, it->title);
		fputs("</th><td class=\"n\">", f);
		value_html(f, &it->fig);
		fputs("</td></tr>\n", f);
		if (it->note) {
			fputs("<tr><td colspan=\"2\" class=\"note\">", f);
			html_escape(f, it->note);
			fputs("</td></tr>\n", f);
		}
		break;
	case ITEM_TABLE:
		table_html(c, it);
		break;
	case ITEM_CROSS:
		cross_html(c, it);
		break;
	case ITEM_TREND:
		trend_html(c, it);
		break;
	case ITEM_GROUPS:
		groups_html(c, it);
		break;
	}
}

void report_write_html(FILE *f, const struct report *r, const struct lists *ls)
{
	struct html_ctx c = {.f = f, .ls = ls, .r = r, .room = PORTRAIT_CHARS};
	struct report_heading h;
	int wide = 0;

	report_heading(r, ls, &h);
	for (int g = 0; g < r->ngroups; g++)
		wide += group_chars(r, ls, g);
	if (wide > PORTRAIT_CHARS)
		c.room = LANDSCAPE_CHARS;
	fputs("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>", f);
	html_escape(f, h.title);
	fprintf(f, "</title>\n<style>%s%s</style>\n</head>\n<body>\n", style,
	        c.room == LANDSCAPE_CHARS ? "@page{size:A4 landscape}" : "");
	fputs("<header>\n<h1>", f);
	html_escape(f, h.title);
	fputs("</h1>\n<p class=\"scope\">", f);
	html_escape(f, h.dates);
	if (h.scope[0]) {
		fputs(" · ", f);
		html_escape(f, h.scope);
	}
	fputs("</p>\n", f);
	if (h.progress[0]) {
		fputs("<p class=\"scope\">", f);
		html_escape(f, h.progress);
		fputs("</p>\n", f);
	}
	fputs("</header>\n", f);
	if (h.empty) {
		fputs("<p><strong>", f);
		html_escape(f, h.empty);
		fputs("</strong></p>\n", f);
	}
	report_each_item(r, item, &c);
	close_figures(&c);
	if (c.in_section)
		fputs("</section>\n", f);
	fputs("</body>\n</html>\n", f);
}
