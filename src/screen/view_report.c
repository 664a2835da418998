/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/report/report_write.h"
#include "carnet/screen/view_report.h"

struct report_view {
	struct view base;
	int year, month;
	char *text;          /* the text report, lines cut at '\n' */
	char **lines;
	int nlines, top;
};

static void load(struct ui *ui, struct report_view *rv)
{
	struct report_filter f;
	struct report r;
	struct cn_err err;
	struct cn_date d = {rv->year, rv->month, 1};
	size_t size = 0;
	FILE *mem;

	free(rv->text);
	free(rv->lines);
	rv->text = NULL;
	rv->lines = NULL;
	rv->nlines = rv->top = 0;
	memset(&f, 0, sizeof f);
	date_format(&d, f.from);
	d.day = date_days_in_month(d.year, d.month);
	date_format(&d, f.to);
	if (ui->app->cfg.site[0])
		codeset_add(&f.sites, ui->app->cfg.site);
	if (report_compute_compared(ui->app->st, &ui->app->cfg.lists, &f, &r, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	mem = open_memstream(&rv->text, &size);
	if (mem) {
		report_write_text(mem, &r, &ui->app->cfg.lists);
		fclose(mem);
	}
	report_free(&r);
	if (!rv->text)
		return;
	for (char *p = rv->text; *p; p++)
		rv->nlines += *p == '\n';
	rv->lines = calloc((size_t)rv->nlines + 1, sizeof *rv->lines);
	if (!rv->lines)
		return;
	rv->nlines = 0;
	for (char *p = rv->text, *eol; *p; p = eol + 1) {
		eol = strchr(p, '\n');
		if (!eol)
			eol = p + strlen(p) - 1;
		else
			*eol = '\0';
		rv->lines[rv->nlines++] = p;
	}
}

static void report_draw(struct ui *ui, struct view *v)
{
	struct report_view *rv = (struct report_view *)v;
	char title[128];
	int rows = LINES - 5;

	snprintf(title, sizeof title, "Bilan d'activité · %s %d · %s", clock_month_name(rv->month), rv->year,
	         ui->app->cfg.site[0] ? lists_label(&ui->app->cfg.lists, L_SITE, ui->app->cfg.site)
	                              : "tous les sites");
	ui_title(ui, title);
	for (int i = 0; i < rows && rv->top + i < rv->nlines; i++)
		ui_put(2 + i, 0, rv->lines[rv->top + i], COLS, false, 0);
	ui_more(1, COLS - 16, rv->top, false);
	ui_more(2 + rows, COLS - 16, rv->nlines - rv->top - rows, true);
	ui_footer(ui, CTX_FORM, NULL, 0);
	ui_put(LINES - 2, 0, "[ mois précédent  ] mois suivant  Haut/Bas défiler  Échap fermer",
	       COLS, true, A_DIM);
}

static void shift_month(struct ui *ui, struct report_view *rv, int delta)
{
	rv->month += delta;
	if (rv->month < 1) {
		rv->month = 12;
		rv->year--;
	} else if (rv->month > 12) {
		rv->month = 1;
		rv->year++;
	}
	load(ui, rv);
}

static void report_key(struct ui *ui, struct view *v, int code, bool is_char, enum action act)
{
	struct report_view *rv = (struct report_view *)v;
	int page = LINES - 5;

	(void)act;
	if ((!is_char && code == KEY_DOWN) || (is_char && code == 'j')) {
		if (rv->top + 1 < rv->nlines)
			rv->top++;
	} else if ((!is_char && code == KEY_UP) || (is_char && code == 'k')) {
		if (rv->top > 0)
			rv->top--;
	} else if (!is_char && code == KEY_NPAGE) {
		rv->top = rv->top + page < rv->nlines ? rv->top + page : rv->top;
	} else if (!is_char && code == KEY_PPAGE) {
		rv->top = rv->top > page ? rv->top - page : 0;
	} else if (is_char && (code == '[' || code == 'h')) {
		shift_month(ui, rv, -1);
	} else if (is_char && (code == ']' || code == 'l')) {
		shift_month(ui, rv, 1);
	} else if (is_char && (code == 27 || code == 'q')) {
		ui_pop(ui);
	}
}

static void report_close(struct ui *ui, struct view *v)
{
	struct report_view *rv = (struct report_view *)v;

	(void)ui;
	free(rv->text);
	free(rv->lines);
	free(rv);
}

static const struct view_ops report_ops = {
	.ctx = CTX_FORM,
	.draw = report_draw,
	.key = report_key,
	.close = report_close,
};

void view_report_open(struct ui *ui, const char *date)
{
	struct report_view *rv = calloc(1, sizeof *rv);
	struct cn_date d;

	if (!rv || !date_parse(date, &d)) {
		free(rv);
		return;
	}
	rv->base.ops = &report_ops;
	rv->year = d.year;
	rv->month = d.month;
	ui_push(ui, &rv->base);
	load(ui, rv);
}
