/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity summary for French spreadsheets: UTF-8 with a BOM, ';'
 * between fields, decimal comma, CRLF; the items of outline.c in order, one
 * table per indicator under its name. Numbers are bare numbers (no
 * thousands separator) so that Calc and Excel read them as numbers. */
#include <string.h>
#include "carnet/model/csv.h"
#include "carnet/model/number.h"
#include "carnet/report/outline.h"
#include "carnet/report/report_write.h"

#define SEP ';'

struct csv_ctx {
	FILE *f;
	const struct lists *ls;
	const struct report *r;
	bool head;     /* the figures' header row is written for this block */
};

static void decimal(FILE *f, double v, int decimals)
{
	char buf[64];
	decimal_fr(v, decimals, buf, sizeof buf);
	csv_field(f, buf, SEP, 0);
}

static long tenths_of(long value, long whole)
{
	return whole ? (value * 1000 + whole / 2) / whole : 0;
}

/* The figure's value cells: a number, then its share when it has one. */
static void value_cells(FILE *f, const struct figure *fig)
{
	switch (fig->unit) {
	case UNIT_COUNT:
	case UNIT_MINUTES:
		csv_field_int(f, fig->value, SEP, 0);
		break;
	case UNIT_MEAN:
		if (fig->defined)
			decimal(f, fig->mean, 1);
		else
			csv_field(f, "", SEP, 0);
		break;
	case UNIT_SHARE:
	case UNIT_TIME_SHARE:
		csv_field_int(f, fig->value, SEP, 0);
		if (fig->defined)
			decimal(f, tenths_of(fig->value, fig->whole) / 10.0, 1);
		else
			csv_field(f, "", SEP, 0);
		break;
	case UNIT_LEVEL:
		if (fig->defined)
			decimal(f, fig->mean, 2);
		else
			csv_field(f, "", SEP, 0);
		csv_field_int(f, fig->value, SEP, 0);
		break;
	}
}

static void titled(FILE *f, const char *title, const char *suffix)
{
	char name[256];
	snprintf(name, sizeof name, "%s%s", title, suffix);
	csv_text(f, name, SEP, 1);
}

static void table(struct csv_ctx *c, const struct report_table *t)
{
	FILE *f = c->f;
	long tenths[1024];
	int n = t->d->n < 1024 ? t->d->n : 1024, ngroups = t->no_groups ? 0 : c->r->ngroups;

	shares_tenths(t->d->count, n, t->d->total, tenths);
	csv_field(f, "Code", SEP, 1);
	csv_field(f, "Libellé", SEP, 0);
	/* Minutes stay numbers for the spreadsheet. */
	csv_field(f, t->minutes ? "Minutes" : "Nombre", SEP, 0);
	csv_field(f, "Part (%)", SEP, 0);
	for (int g = 0; g < ngroups; g++)
		csv_text(f, report_group_label(c->r, c->ls, g), SEP, 0);
	csv_end_row(f);
	for (int i = 0; i < n; i++) {
		char buf[80];
		csv_text(f, t->d->code[i], SEP, 1);
		csv_text(f, report_row_label_at(c->ls, t, i, buf, sizeof buf), SEP, 0);
		csv_field_int(f, t->d->count[i], SEP, 0);
		decimal(f, tenths[i] / 10.0, 1);
		for (int g = 0; g < ngroups; g++)
			csv_field_int(f, report_group_count(c->r, g, t, i), SEP, 0);
		csv_end_row(f);
	}
}

static void cross(struct csv_ctx *c, const struct item *it)
{
	const struct vlist *postures = &c->ls->l[it->columns];
	FILE *f = c->f;

	csv_field(f, "Code", SEP, 1);
	csv_field(f, "Libellé", SEP, 0);
	csv_field(f, it->counted, SEP, 0);
	for (int k = 0; k < postures->n; k++) {
		char head[128];
		snprintf(head, sizeof head, "%s (%%)", postures->e[k].label);
		csv_text(f, head, SEP, 0);
	}
	csv_end_row(f);
	for (int i = 0; i < it->cross->n; i++) {
		const struct dist *row = &it->cross->row[i];
		long tenths[64];
		int n = cross_row_shares(it->cross, i, tenths, 64);
		if (!n)
			continue;
		csv_text(f, it->cross->code[i], SEP, 1);
		csv_text(f, report_cross_label(c->ls, it->list, it->cross, i), SEP, 0);
		csv_field_int(f, row->total, SEP, 0);
		for (int k = 0; k < postures->n && k < n; k++)
			decimal(f, tenths[k] / 10.0, 1);
		csv_end_row(f);
	}
}

static void item(void *ctx, const struct item *it)
{
	struct csv_ctx *c = ctx;
	FILE *f = c->f;
	char change[160];

	switch (it->kind) {
	case ITEM_SECTION:
		csv_end_row(f);
		csv_text(f, it->title, SEP, 1);
		csv_end_row(f);
		c->head = false;
		break;
	case ITEM_KEY:
		if (!c->head) {
			csv_field(f, "Indicateur", SEP, 1);
			csv_field(f, "Valeur", SEP, 0);
			csv_field(f, "Part (%)", SEP, 0);
			csv_field(f, "Période précédente", SEP, 0);
			csv_field(f, "Évolution", SEP, 0);
			csv_field(f, "Un an avant", SEP, 0);
			csv_field(f, "Évolution sur un an", SEP, 0);
			csv_end_row(f);
			c->head = true;
		}
		titled(f, it->title, figure_unit_words(&it->key.now));
		csv_field_int(f, it->key.now.value, SEP, 0);
		if (it->key.now.unit == UNIT_SHARE)
			decimal(f, tenths_of(it->key.now.value, it->key.now.whole) / 10.0, 1);
		else
			csv_field(f, "", SEP, 0);
		if (it->key.has_prev)
			csv_field_int(f, it->key.prev.value, SEP, 0);
		else
			csv_field(f, "", SEP, 0);
		key_change_words(&it->key, false, CHANGE_SPELLED, c->r, change, sizeof change);
		csv_text(f, change, SEP, 0);
		if (it->key.has_year)
			csv_field_int(f, it->key.year.value, SEP, 0);
		else
			csv_field(f, "", SEP, 0);
		key_change_words(&it->key, true, CHANGE_SPELLED, c->r, change, sizeof change);
		csv_text(f, change, SEP, 0);
		csv_end_row(f);
		break;
	case ITEM_FIGURE:
		if (!c->head) {
			csv_field(f, "Indicateur", SEP, 1);
			csv_field(f, "Valeur", SEP, 0);
			csv_end_row(f);
			c->head = true;
		}
		titled(f, it->title, figure_unit_words(&it->fig));
		value_cells(f, &it->fig);
		csv_end_row(f);
		if (it->note) {
			csv_text(f, it->note, SEP, 1);
			csv_end_row(f);
		}
		break;
	case ITEM_TABLE:
	case ITEM_CROSS:
	case ITEM_TREND:
	case ITEM_GROUPS:
		csv_end_row(f);
		csv_text(f, it->title, SEP, 1);
		csv_end_row(f);
		if (it->note) {
			csv_text(f, it->note, SEP, 1);
			csv_end_row(f);
		}
		if (it->kind == ITEM_TABLE) {
			table(c, it->table);
		} else if (it->kind == ITEM_CROSS) {
			cross(c, it);
		} else if (it->kind == ITEM_TREND) {
			csv_field(f, "Mois", SEP, 1);
			csv_field(f, "Passages", SEP, 0);
			csv_field(f, "Séances d'atelier", SEP, 0);
			csv_end_row(f);
			for (int i = 0; i < REPORT_TREND; i++) {
				csv_field(f, c->r->trend_month[i], SEP, 1);
				csv_field_int(f, c->r->trend[i], SEP, 0);
				csv_field_int(f, c->r->trend_workshops[i], SEP, 0);
				csv_end_row(f);
			}
		} else {
			csv_field(f, c->r->f.by == BY_SITE ? "Site" : "Médiateur", SEP, 1);
			csv_field(f, "Passages", SEP, 0);
			csv_field(f, "Personnes distinctes", SEP, 0);
			csv_field(f, "Temps total (minutes)", SEP, 0);
			csv_end_row(f);
			for (int g = 0; g < c->r->ngroups; g++) {
				csv_text(f, report_group_label(c->r, c->ls, g), SEP, 1);
				csv_field_int(f, c->r->groups[g].visits, SEP, 0);
				csv_field_int(f, c->r->groups[g].persons, SEP, 0);
				csv_field_int(f, c->r->groups[g].minutes, SEP, 0);
				csv_end_row(f);
			}
		}
		/* Figures after a table start a block of their own. */
		csv_end_row(f);
		c->head = false;
		break;
	}
}

void report_write_csv(FILE *f, const struct report *r, const struct lists *ls)
{
	struct csv_ctx c = {f, ls, r, false};

	struct report_heading h;
	const char *lines[] = {h.title, h.dates, h.scope, h.progress};

	report_heading(r, ls, &h);
	fputs("\xEF\xBB\xBF", f); /* the BOM tells spreadsheets it is UTF-8 */
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		if (lines[i][0]) {
			csv_text(f, lines[i], SEP, 1);
			csv_end_row(f);
		}
	}
	if (h.empty) {
		csv_text(f, h.empty, SEP, 1);
		csv_end_row(f);
	}
	report_each_item(r, item, &c);
}
