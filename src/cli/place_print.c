/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/cli/place_print.h"
#include "carnet/cli/sheet.h"
#include "carnet/model/csv.h"
#include "carnet/model/hours.h"
#include "carnet/model/text.h"

#define SHEET_W 24

/* "a|b" as "a, b". */
static void joined(const char *list, const char *sep, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (const char *s = list; *s && used + 1 < size; s++) {
		if (*s == '|') {
			int n = snprintf(out + used, size - used, "%s", sep);
			if (n < 0 || (size_t)n >= size - used)
				break;
			used += (size_t)n;
		} else {
			out[used++] = *s;
		}
	}
	out[used < size ? used : size - 1] = '\0';
}

static void field_line(FILE *f, const struct place *p, enum place_field fl, bool always)
{
	char buf[9000];
	const char *v = place_field_c(p, fl);

	if (!v[0] && !always)
		return;
	if (fl == PL_TELEPHONE) {
		place_phone_display(v, buf, sizeof buf);
		v = buf;
	} else if (fl < PL_NCOLUMNS && place_column(fl)->multiple) {
		joined(v, ", ", buf, sizeof buf);
		v = buf;
	}
	sheet_line(f, SHEET_W, place_field_label(fl), v);
}

/* The hours in French, whether the place is open now, and the text as
 * written when it was read. */
static void print_hours(FILE *f, const struct place *p)
{
	struct hours h;
	char text[HOURS_TEXT_MAX], next[HOURS_NEXT_MAX], now[HOURS_NEXT_MAX + 16];
	struct cn_err err;
	int weekday, minute;

	hours_parse(p->horaires, &h);
	hours_describe(&h, text, sizeof text);
	sheet_line(f, SHEET_W, "Horaires", text);
	if (h.kind != HOURS_PARSED)
		return;
	if (hours_now(&weekday, &minute, &err) == CN_OK) {
		enum hours_state state = hours_at(&h, weekday, minute, next, sizeof next);
		snprintf(now, sizeof now, "%s, %s", state == HOURS_OPEN ? "ouvert" : "fermé", next);
		sheet_line(f, SHEET_W, "En ce moment", state == HOURS_UNKNOWN ? next : now);
	}
	sheet_line(f, SHEET_W, "Horaires (OpenStreetMap)", p->horaires);
}

void place_print_sheet(FILE *f, const struct lists *ls, const struct place *p)
{
	static const enum place_field main_fields[] = {
		PL_NOM, PL_ID, PL_PIVOT, PL_ADRESSE, PL_COMPLEMENT_ADRESSE, PL_CODE_POSTAL,
		PL_COMMUNE, PL_TELEPHONE, PL_COURRIELS, PL_SITE_WEB, PL_PRISE_RDV, PL_HORAIRES,
		PL_SERVICES,
	};
	char buf[256];
	bool shown[PL_NCOLUMNS] = {false};

	for (size_t i = 0; i < sizeof main_fields / sizeof main_fields[0]; i++) {
		if (main_fields[i] == PL_HORAIRES)
			print_hours(f, p);
		else
			field_line(f, p, main_fields[i], main_fields[i] != PL_COMPLEMENT_ADRESSE &&
			                                     main_fields[i] != PL_PRISE_RDV);
		shown[main_fields[i]] = true;
	}
	sheet_line(f, SHEET_W, "Catégorie", sheet_label(ls, L_ORIENTE_VERS, p->category));
	sheet_line(f, SHEET_W, "À apporter", p->bring);
	for (int fl = 0; fl < PL_NCOLUMNS; fl++)
		if (!shown[fl])
			field_line(f, p, fl, false);
	snprintf(buf, sizeof buf, "%s", p->uid);
	sheet_line(f, SHEET_W, "Identifiant carnet", buf);
	sheet_stamps(f, SHEET_W, p->created, p->updated, p->deleted);
}

static const struct table_col cols[] = {
	{"Id", 8}, {"Nom", 25}, {"Commune", 14}, {"Téléphone", 14}, {"Services", 15},
};

static const char *const csv_cols[] = {
	"identifiant", "identifiant carnet", "nom", "adresse", "complément", "code postal",
	"commune", "téléphone", "courriels", "site web", "horaires", "services", "catégorie",
	"à apporter", "mise à jour",
};

void place_table_begin(struct place_table *t, FILE *f, const struct lists *ls, bool csv)
{
	t->f = f;
	t->ls = ls;
	t->count = 0;
	if (csv)
		sheet_csv_header(f, csv_cols, sizeof csv_cols / sizeof csv_cols[0]);
	else
		table_header(f, cols, sizeof cols / sizeof cols[0]);
}

int place_table_row(const struct place *p, void *table)
{
	struct place_table *t = table;
	FILE *f = t->f;
	char first[600], more[16] = "", phone[64];
	size_t n = strcspn(p->services, "|");
	int extra = 0;

	t->count++;
	table_id(f, p->uid);
	fputc(' ', f);
	text_put_cell(f, p->nom, cols[1].width);
	fputc(' ', f);
	text_put_cell(f, p->commune, cols[2].width);
	fputc(' ', f);
	place_phone_display(p->telephone, phone, sizeof phone);
	text_put_cell(f, phone, cols[3].width);
	fputc(' ', f);
	snprintf(first, sizeof first, "%.*s", (int)(n < 599 ? n : 599), p->services);
	for (const char *s = p->services; *s; s++)
		extra += *s == '|';
	if (extra)
		snprintf(more, sizeof more, "+%d", extra);
	text_put_cell(f, first, cols[4].width - (int)strlen(more));
	fprintf(f, "%s\n", more);
	return 0;
}

void place_table_end(struct place_table *t)
{
	if (t->count == 0)
		fputs("Aucun lieu\n", t->f);
	else
		fprintf(t->f, "%ld lieu%s\n", t->count, t->count > 1 ? "x" : "");
}

int place_csv_list_row(const struct place *p, void *table)
{
	struct place_table *t = table;
	FILE *f = t->f;
	char buf[4100];

	t->count++;
	csv_text(f, p->id, ';', 1);
	csv_field(f, p->uid, ';', 0);
	csv_text(f, p->nom, ';', 0);
	csv_text(f, p->adresse, ';', 0);
	csv_text(f, p->complement_adresse, ';', 0);
	csv_text(f, p->code_postal, ';', 0);
	csv_text(f, p->commune, ';', 0);
	csv_text(f, p->telephone, ';', 0);
	joined(p->courriels, " | ", buf, sizeof buf);
	csv_text(f, buf, ';', 0);
	joined(p->site_web, " | ", buf, sizeof buf);
	csv_text(f, buf, ';', 0);
	csv_text(f, p->horaires, ';', 0);
	joined(p->services, " | ", buf, sizeof buf);
	csv_text(f, buf, ';', 0);
	csv_text(f, sheet_label(t->ls, L_ORIENTE_VERS, p->category), ';', 0);
	csv_text(f, p->bring, ';', 0);
	csv_field(f, p->date_maj, ';', 0);
	csv_end_row(f);
	return 0;
}
