/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "carnet/model/csv.h"
#include "carnet/model/text.h"
#include "carnet/cli/sheet.h"
#include "carnet/cli/visit_print.h"

#define SHEET_W 18

static void line(FILE *f, const char *name, const char *value)
{
	sheet_line(f, SHEET_W, name, value);
}

void visit_print_sheet(FILE *f, const struct lists *ls, const struct visit *v)
{
	char buf[2048];

	line(f, "Identifiant", v->id);
	line(f, "Date", v->date);
	line(f, "Heure", v->time);
	duration_format(v->duration, buf, sizeof buf);
	line(f, "Durée", buf);
	line(f, "Site", sheet_label(ls, L_SITE, v->site));
	line(f, "Médiateur", sheet_label(ls, L_MEDIATEUR, v->mediator));
	line(f, "Canal", sheet_label(ls, L_CANAL, v->canal));
	sheet_labels(ls, L_DEMANDE, &v->demands, " ; ", buf, sizeof buf);
	line(f, "Demandes", buf);
	sheet_labels(ls, L_ORGANISME, &v->organisms, " ; ", buf, sizeof buf);
	line(f, "Organismes", buf);
	line(f, "Posture", sheet_label(ls, L_POSTURE, v->posture));
	line(f, "Personne présente", v->present ? "oui" : "non");
	line(f, "Issue", sheet_label(ls, L_ISSUE, v->outcome));
	line(f, "Urgent", v->urgent ? "oui" : "non");
	line(f, "Orienté par", sheet_label(ls, L_ORIENTE_PAR, v->referred_by));
	line(f, "Orienté vers", sheet_label(ls, L_ORIENTE_VERS, v->referred_to));
	line(f, "Lieu d'orientation", v->referred_place);
	if (v->referred_to[0]) {
		line(f, "Façon d'orienter", sheet_label(ls, L_ORIENTATION_MODE, v->referral_how));
		if (v->referral_place[0])
			line(f, "Lieu (annuaire)", v->referral_place);
		visit_referral_outcome(ls, v, buf, sizeof buf);
		line(f, "Suite", buf);
	}
	line(f, "Usager", v->person);
	line(f, "Note", v->note);
	sheet_stamps(f, SHEET_W, v->created, v->updated, v->deleted);
}

void visit_referral_outcome(const struct lists *ls, const struct visit *v, char *out,
                            size_t size)
{
	char when[32];

	if (!v->referral_went[0]) {
		snprintf(out, size, "sans réponse");
		return;
	}
	timestamp_local(v->referral_answered, when, sizeof when);
	snprintf(out, size, "%s (réponse du %s)",
	         sheet_label(ls, L_ORIENTATION_SUITE, v->referral_went), when);
}

/* The table fits 80 columns: widths of its cells, one space between. */
enum { W_DATE = 10, W_TIME = 5, W_MIN = 5, W_DEMAND = 11, W_ORG = 10, W_POSTURE = 10,
       W_OUTCOME = 7, W_PERSON = 6, W_ID = 8 };

void visit_table_begin(struct visit_table *t, FILE *f, const struct lists *ls)
{
	*t = (struct visit_table){.f = f, .ls = ls};
}

int visit_table_row(const struct visit *v, void *table)
{
	struct visit_table *t = table;
	FILE *f = t->f;

	if (t->count++ == 0) {
		static const struct table_col cols[] = {
			{"Date", W_DATE}, {"Heure", W_TIME}, {"Durée", W_MIN}, {"Demande", W_DEMAND},
			{"Organisme", W_ORG}, {"Posture", W_POSTURE}, {"Issue", W_OUTCOME},
			{"Usager", W_PERSON}, {"Id", W_ID},
		};
		table_header(f, cols, sizeof cols / sizeof cols[0]);
	}
	t->minutes += v->duration;
	fprintf(f, "%-*s %-*s %*d ", W_DATE, v->date, W_TIME, v->time, W_MIN, v->duration);
	table_first_plus(f, t->ls, L_DEMANDE, &v->demands, W_DEMAND);
	fputc(' ', f);
	table_first_plus(f, t->ls, L_ORGANISME, &v->organisms, W_ORG);
	fputc(' ', f);
	text_put_cell(f, sheet_label(t->ls, L_POSTURE, v->posture), W_POSTURE);
	fputc(' ', f);
	text_put_cell(f, sheet_label(t->ls, L_ISSUE, v->outcome), W_OUTCOME);
	fputc(' ', f);
	text_put_cell(f, v->person, W_PERSON);
	fputc(' ', f);
	table_id(f, v->id);
	fputc('\n', f);
	return 0;
}

void visit_table_end(struct visit_table *t)
{
	char total[32];

	if (t->count == 0)
		return;
	duration_format(t->minutes, total, sizeof total);
	fprintf(t->f, "%d passage%s, durée totale %s\n", t->count, t->count > 1 ? "s" : "", total);
}

/* The columns of a listed visit, for a spreadsheet: labels, not codes. */
static const char *const sheet_cols[] = {
	"id", "date", "heure", "duree", "site", "mediateur", "canal", "demandes",
	"organismes", "posture", "present", "issue", "urgent", "oriente_par",
	"oriente_vers", "lieu_orientation", "usager", "note",
};
#define NSHEET (sizeof sheet_cols / sizeof sheet_cols[0])

/* The text of column i of v (the duration is col 3, a number). */
static const char *sheet_text(const struct lists *ls, const struct visit *v, size_t i, char *buf,
                              size_t size)
{
	switch (i) {
	case 0: return v->id;
	case 1: return v->date;
	case 2: return v->time;
	case 4: return sheet_label(ls, L_SITE, v->site);
	case 5: return sheet_label(ls, L_MEDIATEUR, v->mediator);
	case 6: return sheet_label(ls, L_CANAL, v->canal);
	case 7: sheet_labels(ls, L_DEMANDE, &v->demands, " | ", buf, size); return buf;
	case 8: sheet_labels(ls, L_ORGANISME, &v->organisms, " | ", buf, size); return buf;
	case 9: return sheet_label(ls, L_POSTURE, v->posture);
	case 10: return v->present ? "oui" : "non";
	case 11: return sheet_label(ls, L_ISSUE, v->outcome);
	case 12: return v->urgent ? "oui" : "non";
	case 13: return sheet_label(ls, L_ORIENTE_PAR, v->referred_by);
	case 14: return sheet_label(ls, L_ORIENTE_VERS, v->referred_to);
	case 15: return v->referred_place;
	case 16: return v->person;
	case 17: return v->note;
	default: return "";
	}
}

/* The spreadsheet CSV: the French dialect of the report's CSV (a BOM, ';',
 * CRLF), texts that look like formulas kept as text. */
void visit_csv_header(FILE *f)
{
	sheet_csv_header(f, sheet_cols, NSHEET);
}

int visit_csv_row(const struct visit *v, void *table)
{
	struct visit_table *t = table;
	char buf[2048];

	t->count++;
	t->minutes += v->duration;
	for (size_t i = 0; i < NSHEET; i++) {
		if (i == 3)
			csv_field_int(t->f, v->duration, ';', 0);
		else if (i < 3) /* the id, the date and the time, as they are */
			csv_field(t->f, sheet_text(t->ls, v, i, buf, sizeof buf), ';', i == 0);
		else
			csv_text(t->f, sheet_text(t->ls, v, i, buf, sizeof buf), ';', 0);
	}
	csv_end_row(t->f);
	return 0;
}

struct sheet {
	lxw_worksheet *ws;
	lxw_format *date, *time, *head;
	const struct lists *ls;
	lxw_row_t row;
};

static int sheet_row(const struct visit *v, void *ctx)
{
	struct sheet *s = ctx;
	struct cn_date d;
	char buf[2048];

	s->row++;
	for (size_t i = 0; i < NSHEET; i++) {
		lxw_col_t col = (lxw_col_t)i;
		if (i == 1 && date_parse(v->date, &d)) {
			lxw_datetime dt = {d.year, d.month, d.day, 0, 0, 0};
			worksheet_write_datetime(s->ws, s->row, col, &dt, s->date);
		} else if (i == 2 && strlen(v->time) == 5) {
			lxw_datetime dt = {0, 0, 0, atoi(v->time), atoi(v->time + 3), 0};
			worksheet_write_datetime(s->ws, s->row, col, &dt, s->time);
		} else if (i == 3) {
			worksheet_write_number(s->ws, s->row, col, v->duration, NULL);
		} else {
			worksheet_write_string(s->ws, s->row, col, sheet_text(s->ls, v, i, buf, sizeof buf),
			                       NULL);
		}
	}
	return 0;
}

int visit_xlsx(struct store *st, const struct visit_filter *filter, const struct lists *ls,
               const char *path, long *count, struct cn_err *err)
{
	lxw_workbook *wb = workbook_new(path);
	struct sheet s = {.ls = ls};
	static const double widths[NSHEET] = {10, 11, 7, 7, 18, 12, 18, 40, 30, 18, 8, 20, 8, 20, 20,
	                                      24, 10, 40};
	lxw_error e;
	int rc;

	if (!wb)
		return cn_err_set(err, CN_EINVAL, "%s : classeur impossible à créer", path);
	s.ws = workbook_add_worksheet(wb, "Passages");
	s.date = workbook_add_format(wb);
	format_set_num_format(s.date, "dd/mm/yyyy");
	s.time = workbook_add_format(wb);
	format_set_num_format(s.time, "hh:mm");
	s.head = workbook_add_format(wb);
	format_set_bold(s.head);
	for (size_t i = 0; i < NSHEET; i++) {
		worksheet_write_string(s.ws, 0, (lxw_col_t)i, sheet_cols[i], s.head);
		worksheet_set_column(s.ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
	}
	worksheet_freeze_panes(s.ws, 1, 0);
	rc = visit_each(st, filter, sheet_row, &s, err);
	*count = (long)s.row;
	if ((e = workbook_close(wb)) != LXW_NO_ERROR && rc == CN_OK)
		rc = cn_err_set(err, CN_EINVAL, "%s : écriture du classeur impossible : %s", path,
		                lxw_strerror(e));
	return rc;
}
