/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "carnet/cli/sheet.h"
#include "carnet/cli/worktime_print.h"
#include "carnet/model/csv.h"
#include "carnet/model/text.h"

#define SHEET_W 18

void worktime_print_sheet(FILE *f, const struct lists *ls, const struct worktime *t)
{
	char buf[64];

	sheet_line(f, SHEET_W, "Identifiant", t->id);
	sheet_line(f, SHEET_W, "Date", t->date);
	sheet_line(f, SHEET_W, "Heure", t->time);
	duration_format(t->duration, buf, sizeof buf);
	sheet_line(f, SHEET_W, "Durée", buf);
	sheet_line(f, SHEET_W, "Site", sheet_label(ls, L_SITE, t->site));
	sheet_line(f, SHEET_W, "Médiateur", sheet_label(ls, L_MEDIATEUR, t->mediator));
	sheet_line(f, SHEET_W, "Nature", sheet_label(ls, L_TEMPS, t->kind));
	sheet_line(f, SHEET_W, "Note", t->note);
	sheet_stamps(f, SHEET_W, t->created, t->updated, t->deleted);
}

/* The table fits 80 columns: widths of its cells, one space between. */
enum { W_DATE = 10, W_TIME = 5, W_DUR = 7, W_KIND = 33, W_MEDIATOR = 12, W_ID = 8 };

void worktime_table_begin(struct worktime_table *t, FILE *f, const struct lists *ls)
{
	*t = (struct worktime_table){.f = f, .ls = ls};
}

int worktime_table_row(const struct worktime *w, void *table)
{
	static const struct table_col cols[] = {
		{"Date", W_DATE}, {"Heure", W_TIME}, {"Durée", W_DUR}, {"Nature", W_KIND},
		{"Médiateur", W_MEDIATOR}, {"Id", W_ID},
	};
	struct worktime_table *t = table;
	char dur[32];

	if (t->count++ == 0)
		table_header(t->f, cols, sizeof cols / sizeof cols[0]);
	t->minutes += w->duration;
	duration_format(w->duration, dur, sizeof dur);
	fprintf(t->f, "%-*s %-*s %*s ", W_DATE, w->date, W_TIME, w->time, W_DUR, dur);
	text_put_cell(t->f, sheet_label(t->ls, L_TEMPS, w->kind), W_KIND);
	fputc(' ', t->f);
	text_put_cell(t->f, sheet_label(t->ls, L_MEDIATEUR, w->mediator), W_MEDIATOR);
	fputc(' ', t->f);
	table_id(t->f, w->id);
	fputc('\n', t->f);
	return 0;
}

void worktime_table_end(struct worktime_table *t)
{
	char total[32];

	if (t->count == 0)
		return;
	duration_format(t->minutes, total, sizeof total);
	fprintf(t->f, "%d temps, %s\n", t->count, total);
}

static const char *const csv_cols[] = {
	"id", "date", "heure", "duree", "site", "mediateur", "nature", "note",
};

void worktime_csv_header(FILE *f)
{
	sheet_csv_header(f, csv_cols, sizeof csv_cols / sizeof csv_cols[0]);
}

int worktime_csv_row(const struct worktime *w, void *table)
{
	struct worktime_table *t = table;

	t->count++;
	t->minutes += w->duration;
	csv_field(t->f, w->id, ';', 1);
	csv_field(t->f, w->date, ';', 0);
	csv_field(t->f, w->time, ';', 0);
	csv_field_int(t->f, w->duration, ';', 0);
	csv_text(t->f, sheet_label(t->ls, L_SITE, w->site), ';', 0);
	csv_text(t->f, sheet_label(t->ls, L_MEDIATEUR, w->mediator), ';', 0);
	csv_text(t->f, sheet_label(t->ls, L_TEMPS, w->kind), ';', 0);
	csv_text(t->f, w->note, ';', 0);
	csv_end_row(t->f);
	return 0;
}
