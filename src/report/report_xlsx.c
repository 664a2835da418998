/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity summary as an Excel workbook (libxlsxwriter): one sheet with
 * the sections of outline.c in order, real numbers and percentages with
 * their number formats, column widths, the title, period and scope on top
 * and those rows frozen. Formula-looking texts are kept as text. */
#include <string.h>
#include <xlsxwriter.h>
#include "carnet/model/clock.h"
#include "carnet/report/outline.h"
#include "carnet/report/report_write.h"

struct xlsx_ctx {
	lxw_worksheet *ws;
	const struct lists *ls;
	const struct report *r;
	lxw_row_t row;
	lxw_format *title, *section, *head, *count, *share, *decimal, *level, *note;
	bool head_done;
};

static void text(struct xlsx_ctx *c, lxw_col_t col, const char *s, lxw_format *fmt)
{
	/* Strings are strings in xlsx: a leading "=" is never a formula. */
	worksheet_write_string(c->ws, c->row, col, s, fmt);
}

static void number(struct xlsx_ctx *c, lxw_col_t col, double v, lxw_format *fmt)
{
	worksheet_write_number(c->ws, c->row, col, v, fmt);
}

static double share_of(long value, long whole)
{
	return whole ? (double)((value * 1000 + whole / 2) / whole) / 1000.0 : 0.0;
}

static void figure_cells(struct xlsx_ctx *c, const struct figure *fig)
{
	switch (fig->unit) {
	case UNIT_COUNT:
	case UNIT_MINUTES:
		number(c, 1, (double)fig->value, c->count);
		break;
	case UNIT_MEAN:
		if (fig->defined)
			number(c, 1, fig->mean, c->decimal);
		break;
	case UNIT_SHARE:
	case UNIT_TIME_SHARE:
		number(c, 1, (double)fig->value, c->count);
		if (fig->defined)
			number(c, 2, share_of(fig->value, fig->whole), c->share);
		break;
	case UNIT_LEVEL:
		if (fig->defined)
			number(c, 1, fig->mean, c->level);
		number(c, 2, (double)fig->value, c->count);
		break;
	}
}

static void heads(struct xlsx_ctx *c, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		text(c, (lxw_col_t)i, names[i], c->head);
	c->row++;
}

static void table(struct xlsx_ctx *c, const struct report_table *t)
{
	/* Minutes stay numbers for the spreadsheet. */
	const char *const names[] = {"Libellé", t->minutes ? "Minutes" : "Nombre", "Part", "Code"};
	long tenths[1024];
	int n = t->d->n < 1024 ? t->d->n : 1024, ngroups = t->no_groups ? 0 : c->r->ngroups;

	shares_tenths(t->d->count, n, t->d->total, tenths);
	heads(c, names, 4);
	for (int g = 0; g < ngroups; g++) {
		c->row--;
		text(c, (lxw_col_t)(4 + g), report_group_label(c->r, c->ls, g), c->head);
		c->row++;
	}
	for (int i = 0; i < n; i++) {
		char buf[80];
		text(c, 0, report_row_label_at(c->ls, t, i, buf, sizeof buf), NULL);
		number(c, 1, (double)t->d->count[i], c->count);
		number(c, 2, tenths[i] / 1000.0, c->share);
		text(c, 3, t->d->code[i], NULL);
		for (int g = 0; g < ngroups; g++)
			number(c, (lxw_col_t)(4 + g), (double)report_group_count(c->r, g, t, i), c->count);
		c->row++;
	}
}

static void cross(struct xlsx_ctx *c, const struct item *it)
{
	const struct vlist *postures = &c->ls->l[it->columns];

	text(c, 0, "Libellé", c->head);
	text(c, 1, it->counted, c->head);
	for (int k = 0; k < postures->n; k++)
		text(c, (lxw_col_t)(2 + k), postures->e[k].label, c->head);
	c->row++;
	for (int i = 0; i < it->cross->n; i++) {
		const struct dist *row = &it->cross->row[i];
		long tenths[64];
		int n = cross_row_shares(it->cross, i, tenths, 64);
		if (!n)
			continue;
		text(c, 0, report_cross_label(c->ls, it->list, it->cross, i), NULL);
		number(c, 1, (double)row->total, c->count);
		for (int k = 0; k < postures->n && k < n; k++)
			number(c, (lxw_col_t)(2 + k), tenths[k] / 1000.0, c->share);
		c->row++;
	}
}

/* The title with what its cells hold: "Temps total (minutes)". */
static void titled(struct xlsx_ctx *c, const char *title, const struct figure *fig)
{
	char name[256];
	snprintf(name, sizeof name, "%s%s", title, figure_unit_words(fig));
	text(c, 0, name, NULL);
}

static void item(void *ctx, const struct item *it)
{
	static const char *const key_heads[] = {"Indicateur", "Valeur", "Part",
	                                        "Période précédente", "Évolution", "Un an avant",
	                                        "Évolution sur un an"};
	static const char *const fig_heads[] = {"Indicateur", "Valeur", "Part"};
	struct xlsx_ctx *c = ctx;
	char change[160];

	switch (it->kind) {
	case ITEM_SECTION:
		c->row++;
		text(c, 0, it->title, c->section);
		c->row++;
		c->head_done = false;
		break;
	case ITEM_KEY:
		if (!c->head_done) {
			heads(c, key_heads, 7);
			c->head_done = true;
		}
		titled(c, it->title, &it->key.now);
		figure_cells(c, &it->key.now);
		if (it->key.has_prev)
			number(c, 3, (double)it->key.prev.value, c->count);
		key_change_words(&it->key, false, CHANGE_SPELLED, c->r, change, sizeof change);
		text(c, 4, change, NULL);
		if (it->key.has_year)
			number(c, 5, (double)it->key.year.value, c->count);
		key_change_words(&it->key, true, CHANGE_SPELLED, c->r, change, sizeof change);
		text(c, 6, change, NULL);
		c->row++;
		break;
	case ITEM_FIGURE:
		if (!c->head_done) {
			heads(c, fig_heads, 3);
			c->head_done = true;
		}
		titled(c, it->title, &it->fig);
		figure_cells(c, &it->fig);
		c->row++;
		if (it->note) {
			text(c, 0, it->note, c->note);
			c->row++;
		}
		break;
	default:
		c->row++;
		text(c, 0, it->title, c->title);
		c->row++;
		if (it->note) {
			text(c, 0, it->note, c->note);
			c->row++;
		}
		if (it->kind == ITEM_TABLE) {
			table(c, it->table);
		} else if (it->kind == ITEM_CROSS) {
			cross(c, it);
		} else if (it->kind == ITEM_TREND) {
			static const char *const names[] = {"Mois", "Passages", "Séances d'atelier"};
			heads(c, names, 3);
			for (int i = 0; i < REPORT_TREND; i++) {
				text(c, 0, c->r->trend_month[i], NULL);
				number(c, 1, (double)c->r->trend[i], c->count);
				number(c, 2, (double)c->r->trend_workshops[i], c->count);
				c->row++;
			}
		} else {
			const char *names[] = {c->r->f.by == BY_SITE ? "Site" : "Médiateur", "Passages",
			                       "Personnes distinctes", "Temps total (minutes)"};
			heads(c, names, 4);
			for (int g = 0; g < c->r->ngroups; g++) {
				text(c, 0, report_group_label(c->r, c->ls, g), NULL);
				number(c, 1, (double)c->r->groups[g].visits, c->count);
				number(c, 2, (double)c->r->groups[g].persons, c->count);
				number(c, 3, (double)c->r->groups[g].minutes, c->count);
				c->row++;
			}
		}
		c->head_done = false;
		break;
	}
}

int report_write_xlsx(const char *path, const struct report *r, const struct lists *ls,
                      struct cn_err *err)
{
	lxw_workbook *wb = workbook_new(path);
	struct xlsx_ctx c = {.ls = ls, .r = r};
	struct report_heading h;
	lxw_error e;

	if (!wb)
		return cn_err_set(err, CN_EINVAL, "%s : classeur impossible à créer", path);
	c.ws = workbook_add_worksheet(wb, "Bilan");
	c.title = workbook_add_format(wb);
	format_set_bold(c.title);
	c.section = workbook_add_format(wb);
	format_set_bold(c.section);
	format_set_font_size(c.section, 13);
	c.head = workbook_add_format(wb);
	format_set_bold(c.head);
	format_set_bottom(c.head, LXW_BORDER_THIN);
	c.count = workbook_add_format(wb);
	format_set_num_format(c.count, "#,##0");
	c.share = workbook_add_format(wb);
	format_set_num_format(c.share, "0.0%");
	c.decimal = workbook_add_format(wb);
	format_set_num_format(c.decimal, "0.0");
	c.level = workbook_add_format(wb);
	format_set_num_format(c.level, "0.00");
	c.note = workbook_add_format(wb);
	format_set_italic(c.note);
	worksheet_set_column(c.ws, 0, 0, 46, NULL);
	worksheet_set_column(c.ws, 1, 3, 14, NULL);
	worksheet_set_column(c.ws, 4, 4, 34, NULL);
	worksheet_set_column(c.ws, 5, 5, 14, NULL);
	worksheet_set_column(c.ws, 6, 6, 34, NULL);
	worksheet_set_column(c.ws, 7, (lxw_col_t)(7 + (r->ngroups > 0 ? r->ngroups : 0)), 14, NULL);

	report_heading(r, ls, &h);
	text(&c, 0, h.title, c.section);
	c.row++;
	text(&c, 0, h.dates, NULL);
	c.row++;
	text(&c, 0, h.scope[0] ? h.scope : "Tous les sites et médiateurs", NULL);
	c.row++;
	if (h.progress[0]) {
		text(&c, 0, h.progress, NULL);
		c.row++;
	}
	/* The title, period and scope stay in sight. */
	worksheet_freeze_panes(c.ws, (lxw_row_t)c.row, 0);
	if (h.empty) {
		text(&c, 0, h.empty, c.title);
		c.row++;
	}
	report_each_item(r, item, &c);
	if ((e = workbook_close(wb)) != LXW_NO_ERROR)
		return cn_err_set(err, CN_EINVAL, "%s : écriture du classeur impossible : %s", path,
		                  lxw_strerror(e));
	return CN_OK;
}
