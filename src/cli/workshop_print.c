/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/cli/sheet.h"
#include "carnet/cli/workshop_print.h"
#include "carnet/model/csv.h"
#include "carnet/model/number.h"
#include "carnet/model/text.h"

#define SHEET_W 22

static const char *plural(long n)
{
	return n > 1 ? "s" : "";
}

void workshop_attendance(const struct workshop *w, char *out, size_t size)
{
	int present = workshop_present(w), reg = w->registered;
	char rate[32];

	out[0] = '\0';
	if (reg < 0)
		return;
	if (present > reg) {
		snprintf(out, size, "%d présent%s pour %d inscrit%s : %d venu%s sans inscription",
		         present, plural(present), reg, plural(reg), present - reg,
		         plural(present - reg));
		return;
	}
	percent_fr((present * 1000L + reg / 2) / reg, rate, sizeof rate);
	snprintf(out, size, "%d présent%s pour %d inscrit%s (%s)", present, plural(present), reg,
	         plural(reg), rate);
}

/* "Femme (3) ; Homme (1)" */
static void tally_labels(const struct lists *ls, enum list_id id, const struct tally *t,
                         const char *sep, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (int i = 0; i < t->n; i++) {
		int n = snprintf(out + used, size - used, "%s%s (%d)", i ? sep : "",
		                 lists_label(ls, id, t->e[i].code), t->e[i].count);
		if (n < 0 || (size_t)n >= size - used)
			return;
		used += (size_t)n;
	}
}

static void line(FILE *f, const char *name, const char *value)
{
	sheet_line(f, SHEET_W, name, value);
}

static void print_participants(FILE *f, const struct workshop *w)
{
	for (int i = 0; i < w->nparticipants; i++) {
		const struct participant *p = &w->participants[i];
		if (i == 0)
			text_put_cell(f, "Participants", SHEET_W);
		else
			fprintf(f, "%*s", SHEET_W, "");
		fprintf(f, " %s %s %s\n", i ? " " : ":", p->code, p->present ? "présent" : "absent");
	}
	if (w->nparticipants == 0)
		line(f, "Participants", "");
}

void workshop_print_sheet(FILE *f, const struct lists *ls, const struct workshop *w)
{
	char buf[2048];
	int with_code = workshop_present(w) - w->anonymous;

	line(f, "Identifiant", w->id);
	line(f, "Date", w->date);
	line(f, "Heure", w->time);
	duration_format(w->duration, buf, sizeof buf);
	line(f, "Durée", buf);
	line(f, "Site", sheet_label(ls, L_SITE, w->site));
	sheet_labels(ls, L_MEDIATEUR, &w->mediators, " ; ", buf, sizeof buf);
	line(f, "Médiateurs", buf);
	line(f, "Titre", w->title);
	sheet_labels(ls, L_THEME_ATELIER, &w->themes, " ; ", buf, sizeof buf);
	line(f, "Thèmes", buf);
	line(f, "Niveau", sheet_label(ls, L_NIVEAU_ATELIER, w->level));
	line(f, "Lieu", sheet_label(ls, L_LIEU_ATELIER, w->place));
	if (w->registered >= 0)
		snprintf(buf, sizeof buf, "%d", w->registered);
	else
		buf[0] = '\0';
	line(f, "Inscrits", buf);
	snprintf(buf, sizeof buf, "%d : %d avec un code, %d anonyme%s", workshop_present(w),
	         with_code, w->anonymous, plural(w->anonymous));
	line(f, "Présents", buf);
	workshop_attendance(w, buf, sizeof buf);
	if (buf[0])
		line(f, "Participation", buf);
	print_participants(f, w);
	snprintf(buf, sizeof buf, "%d", w->anonymous);
	line(f, "Anonymes", buf);
	tally_labels(ls, L_GENRE, &w->anon_gender, " ; ", buf, sizeof buf);
	line(f, "Anonymes par genre", buf);
	tally_labels(ls, L_TRANCHE_AGE, &w->anon_age, " ; ", buf, sizeof buf);
	line(f, "Anonymes par âge", buf);
	tally_labels(ls, L_SITUATION, &w->anon_situation, " ; ", buf, sizeof buf);
	line(f, "Anonymes par situation", buf);
	sheet_labels(ls, L_MATERIEL, &w->equipment, " ; ", buf, sizeof buf);
	line(f, "Matériel", buf);
	line(f, "Note", w->note);
	sheet_stamps(f, SHEET_W, w->created, w->updated, w->deleted);
}

/* The table fits 80 columns: widths of its cells, one space between. */
enum { W_DATE = 10, W_TIME = 5, W_DUR = 7, W_THEMES = 23, W_LEVEL = 13, W_PRESENT = 8,
       W_ID = 8, W_PTHEMES = 45, W_PRESENCE = 8 };

void workshop_table_begin(struct workshop_table *t, FILE *f, const struct lists *ls,
                          const char *person)
{
	*t = (struct workshop_table){.f = f, .ls = ls, .person = person};
}

static void header(const struct workshop_table *t)
{
	static const struct table_col all[] = {
		{"Date", W_DATE}, {"Heure", W_TIME}, {"Durée", W_DUR}, {"Thèmes", W_THEMES},
		{"Niveau", W_LEVEL}, {"Présents", W_PRESENT}, {"Id", W_ID},
	};
	static const struct table_col person[] = {
		{"Date", W_DATE}, {"Heure", W_TIME}, {"Thèmes", W_PTHEMES}, {"Présence", W_PRESENCE},
		{"Id", W_ID},
	};

	if (t->person)
		table_header(t->f, person, sizeof person / sizeof person[0]);
	else
		table_header(t->f, all, sizeof all / sizeof all[0]);
}

int workshop_table_row(const struct workshop *w, void *table)
{
	struct workshop_table *t = table;
	FILE *f = t->f;
	char dur[32];

	if (t->count++ == 0)
		header(t);
	t->minutes += w->duration;
	fprintf(f, "%-*s %-*s ", W_DATE, w->date, W_TIME, w->time);
	if (t->person) {
		struct participant *p = workshop_participant((struct workshop *)w, t->person);
		bool present = p && p->present;
		t->present += present;
		table_first_plus(f, t->ls, L_THEME_ATELIER, &w->themes, W_PTHEMES);
		fputc(' ', f);
		text_put_cell(f, present ? "présent" : "absent", W_PRESENCE);
	} else {
		t->present += workshop_present(w);
		duration_format(w->duration, dur, sizeof dur);
		fprintf(f, "%*s ", W_DUR, dur);
		table_first_plus(f, t->ls, L_THEME_ATELIER, &w->themes, W_THEMES);
		fputc(' ', f);
		text_put_cell(f, sheet_label(t->ls, L_NIVEAU_ATELIER, w->level), W_LEVEL);
		fprintf(f, " %*d", W_PRESENT, workshop_present(w));
	}
	fputc(' ', f);
	table_id(f, w->id);
	fputc('\n', f);
	return 0;
}

void workshop_table_end(struct workshop_table *t)
{
	char total[32];

	if (t->count == 0)
		return;
	if (t->person) {
		fprintf(t->f, "%d atelier%s, %ld présence%s\n", t->count, plural(t->count), t->present,
		        plural(t->present));
		return;
	}
	duration_format(t->minutes, total, sizeof total);
	fprintf(t->f, "%d atelier%s, %s, %ld présent%s\n", t->count, plural(t->count), total,
	        t->present, plural(t->present));
}

/* The columns of a listed workshop, for a spreadsheet: labels, not codes. */
static const char *const csv_cols[] = {
	"id", "date", "heure", "duree", "site", "mediateurs", "titre", "themes", "niveau", "lieu",
	"inscrits", "presents", "participants", "anonymes", "anonymes_genre", "anonymes_age",
	"anonymes_situation", "materiel", "note",
};
#define NCSV (sizeof csv_cols / sizeof csv_cols[0])

void workshop_csv_header(FILE *f)
{
	sheet_csv_header(f, csv_cols, NCSV);
}

/* "K7M2QX | AB12CD (absent)" */
static void participant_codes(const struct workshop *w, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (int i = 0; i < w->nparticipants; i++) {
		int n = snprintf(out + used, size - used, "%s%s%s", i ? " | " : "",
		                 w->participants[i].code, w->participants[i].present ? "" : " (absent)");
		if (n < 0 || (size_t)n >= size - used)
			return;
		used += (size_t)n;
	}
}

int workshop_csv_row(const struct workshop *w, void *table)
{
	struct workshop_table *t = table;
	const struct lists *ls = t->ls;
	FILE *f = t->f;
	char buf[4096];

	t->count++;
	t->minutes += w->duration;
	t->present += workshop_present(w);
	/* the id, the date and the time, as they are */
	csv_field(f, w->id, ';', 1);
	csv_field(f, w->date, ';', 0);
	csv_field(f, w->time, ';', 0);
	csv_field_int(f, w->duration, ';', 0);
	csv_text(f, sheet_label(ls, L_SITE, w->site), ';', 0);
	sheet_labels(ls, L_MEDIATEUR, &w->mediators, " | ", buf, sizeof buf);
	csv_text(f, buf, ';', 0);
	csv_text(f, w->title, ';', 0);
	sheet_labels(ls, L_THEME_ATELIER, &w->themes, " | ", buf, sizeof buf);
	csv_text(f, buf, ';', 0);
	csv_text(f, sheet_label(ls, L_NIVEAU_ATELIER, w->level), ';', 0);
	csv_text(f, sheet_label(ls, L_LIEU_ATELIER, w->place), ';', 0);
	if (w->registered >= 0)
		csv_field_int(f, w->registered, ';', 0);
	else
		csv_field(f, "", ';', 0);
	csv_field_int(f, workshop_present(w), ';', 0);
	participant_codes(w, buf, sizeof buf);
	csv_text(f, buf, ';', 0);
	csv_field_int(f, w->anonymous, ';', 0);
	tally_labels(ls, L_GENRE, &w->anon_gender, " | ", buf, sizeof buf);
	csv_text(f, buf, ';', 0);
	tally_labels(ls, L_TRANCHE_AGE, &w->anon_age, " | ", buf, sizeof buf);
	csv_text(f, buf, ';', 0);
	tally_labels(ls, L_SITUATION, &w->anon_situation, " | ", buf, sizeof buf);
	csv_text(f, buf, ';', 0);
	sheet_labels(ls, L_MATERIEL, &w->equipment, " | ", buf, sizeof buf);
	csv_text(f, buf, ';', 0);
	csv_text(f, w->note, ';', 0);
	csv_end_row(f);
	return 0;
}
