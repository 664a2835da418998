/* The activity summary as one self-contained HTML file: no external asset,
 * no script, inline SVG charts, and a print style sheet for A4. */
#include <string.h>
#include "carnet/report/report_write.h"
#include "carnet/model/clock.h"

static void esc(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

static const char style[] =
	"body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;color:#222}"
	"h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #888;margin-top:1.5em}"
	"table{border-collapse:collapse;margin:.5em 0 1em}td,th{padding:.15em .6em;"
	"text-align:left}td.n{text-align:right}th{border-bottom:1px solid #aaa}"
	"p.note{font-size:.9em;color:#555}svg{display:block}"
	"@media print{body{max-width:none;margin:0;font-size:10pt}section{break-inside:avoid}"
	"h2{break-after:avoid}}@page{size:A4;margin:15mm}";

struct html_ctx {
	FILE *f;
	const struct lists *ls;
	const struct report *r;
	const char *section;   /* the section whose title was written last */
};

static void section(struct html_ctx *c, const char *title)
{
	if (c->section && strcmp(c->section, title) == 0)
		return;
	if (c->section)
		fputs("</section>\n", c->f);
	fputs("<section>\n<h2>", c->f);
	esc(c->f, title);
	fputs("</h2>\n", c->f);
	c->section = title;
}

/* A horizontal bar as inline SVG, for a share of the largest count. */
static void bar(FILE *f, long value, long max)
{
	int w = max > 0 ? (int)(value * 200 / max) : 0;
	fprintf(f, "<svg width=\"202\" height=\"12\" role=\"img\" aria-hidden=\"true\">"
	           "<rect x=\"0\" y=\"1\" width=\"%d\" height=\"10\" fill=\"#3465a4\"/></svg>",
	        w);
}

static void table(void *ctx, const struct report_table *t)
{
	struct html_ctx *c = ctx;
	FILE *f = c->f;
	long tenths[1024], max = 0;
	int n = t->d->n < 1024 ? t->d->n : 1024;
	char share[16];

	section(c, t->section);
	shares_tenths(t->d->count, n, t->d->total, tenths);
	for (int i = 0; i < n; i++)
		if (t->d->count[i] > max)
			max = t->d->count[i];
	fputs("<h3>", f);
	esc(f, t->title);
	fputs("</h3>\n<table>\n<tr><th>Valeur</th><th>Nombre</th><th>Part</th><th></th>", f);
	for (int g = 0; g < c->r->ngroups; g++) {
		fputs("<th>", f);
		esc(f, report_group_label(c->r, c->ls, g));
		fputs("</th>", f);
	}
	fputs("</tr>\n", f);
	for (int i = 0; i < n; i++) {
		const char *code = t->d->code[i];
		fputs("<tr><td>", f);
		if (!code[0])
			fputs("non renseigné", f);
		else if (t->list < 0)
			esc(f, code);
		else if (!vlist_find(&c->ls->l[t->list], code))
			esc(f, code), fputs(" (code inconnu)", f);
		else
			esc(f, lists_label(c->ls, t->list, code));
		format_tenths(tenths[i], share, sizeof share);
		fprintf(f, "</td><td class=\"n\">%ld</td><td class=\"n\">%s&#160;%%</td><td>",
		        t->d->count[i], share);
		bar(f, t->d->count[i], max);
		fputs("</td>", f);
		for (int g = 0; g < c->r->ngroups; g++)
			fprintf(f, "<td class=\"n\">%ld</td>", report_group_count(c->r, g, t, i));
		fputs("</tr>\n", f);
	}
	fputs("</table>\n", f);
	if (t->note) {
		fputs("<p class=\"note\">", f);
		esc(f, t->note);
		fputs("</p>\n", f);
	}
}

static void figure(FILE *f, const char *name, const char *value)
{
	fputs("<tr><th>", f);
	esc(f, name);
	fputs("</th><td class=\"n\">", f);
	esc(f, value);
	fputs("</td></tr>\n", f);
}

/* The 12-month trend as SVG columns. */
static void trend(FILE *f, const struct report *r)
{
	long max = 0;

	for (int i = 0; i < REPORT_TREND; i++)
		if (r->trend[i] > max)
			max = r->trend[i];
	fputs("<h3>Les 12 derniers mois</h3>\n<svg width=\"600\" height=\"170\" role=\"img\" "
	      "aria-label=\"Passages par mois\">\n",
	      f);
	for (int i = 0; i < REPORT_TREND; i++) {
		int h = max > 0 ? (int)(r->trend[i] * 120 / max) : 0;
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"36\" height=\"%d\" fill=\"#3465a4\"/>"
		           "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%ld</text>"
		           "<text x=\"%d\" y=\"165\" font-size=\"10\" text-anchor=\"middle\">%s</text>\n",
		        i * 50 + 7, 140 - h, h, i * 50 + 25, 136 - h, r->trend[i], i * 50 + 25,
		        r->trend_month[i]);
	}
	fputs("</svg>\n", f);
}

void report_write_html(FILE *f, const struct report *r, const struct lists *ls)
{
	struct html_ctx c = {.f = f, .ls = ls, .r = r};
	char codes[REPORT_BINS][CODE_MAX], buf[128], minutes[32];
	long counts[REPORT_BINS];
	struct dist bins = {.code = codes, .count = counts};

	fputs("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>", f);
	fprintf(f, "Bilan d'activité du %s au %s</title>\n<style>%s</style>\n</head>\n<body>\n",
	        r->f.from, r->f.to, style);
	fprintf(f, "<h1>Bilan d'activité du %s au %s</h1>\n", r->f.from, r->f.to);
	if (r->visits == 0)
		fputs("<p><strong>Aucun passage sur cette période : le bilan est vide.</strong></p>\n", f);
	section(&c, "1. Volume");
	fputs("<table>\n", f);
	snprintf(buf, sizeof buf, "%ld", r->visits);
	figure(f, "Passages", buf);
	snprintf(buf, sizeof buf, "%ld", r->persons);
	figure(f, "Personnes distinctes", buf);
	snprintf(buf, sizeof buf, "%ld", r->first_visits);
	figure(f, "Premières venues", buf);
	duration_format(r->minutes, minutes, sizeof minutes);
	figure(f, "Temps total", minutes);
	snprintf(buf, sizeof buf, "%.0f min (médiane %.0f min)", r->mean_minutes, r->median_minutes);
	figure(f, "Durée moyenne", buf);
	snprintf(buf, sizeof buf, "%ld", r->urgent);
	figure(f, "Passages urgents", buf);
	snprintf(buf, sizeof buf, "%ld", r->absent);
	figure(f, "En l'absence de la personne", buf);
	fputs("</table>\n", f);
	trend(f, r);
	report_each_table(r, &bins, table, &c);
	section(&c, "5. Autonomie dans le temps");
	fputs("<table>\n", f);
	snprintf(buf, sizeof buf, "%ld", r->returning);
	figure(f, "Personnes venues deux fois ou plus", buf);
	snprintf(buf, sizeof buf, "%ld", r->towards_autonomy);
	figure(f, "Plus autonomes qu'à la 1re venue", buf);
	snprintf(buf, sizeof buf, "%ld", r->same);
	figure(f, "Même posture", buf);
	snprintf(buf, sizeof buf, "%ld", r->backwards);
	figure(f, "Moins autonomes", buf);
	for (int k = 0; k < REPORT_RANKS; k++) {
		char name[64];
		snprintf(name, sizeof name, "Posture moyenne, %d%s venue%s", k + 1, k ? "e" : "re",
		         k == REPORT_RANKS - 1 ? " et suivantes" : "");
		report_rank_text(r, k, buf, sizeof buf);
		figure(f, name, buf);
	}
	fputs("</table>\n</section>\n</body>\n</html>\n", f);
}
