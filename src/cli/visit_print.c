#include <string.h>
#include "carnet/model/csv.h"
#include "carnet/model/text.h"
#include "carnet/cli/visit_print.h"

/* Labels of a multi-valued field joined by sep, or "" when empty. */
static void join_labels(const struct lists *ls, enum list_id id, const struct codeset *set,
                        const char *sep, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (int i = 0; i < set->n; i++) {
		int n = snprintf(out + used, size - used, "%s%s", i ? sep : "",
		                 lists_label(ls, id, set->v[i]));
		if (n < 0 || (size_t)n >= size - used)
			return;
		used += (size_t)n;
	}
}

static const char *label_or_empty(const struct lists *ls, enum list_id id, const char *code)
{
	return code[0] ? lists_label(ls, id, code) : "";
}

static void sheet_line(FILE *f, const char *name, const char *value)
{
	text_put_cell(f, name, 18);
	fprintf(f, " : %s\n", value[0] ? value : "—");
}

void visit_print_sheet(FILE *f, const struct lists *ls, const struct visit *v)
{
	char buf[2048];

	sheet_line(f, "Identifiant", v->id);
	sheet_line(f, "Date", v->date);
	sheet_line(f, "Heure", v->time);
	duration_format(v->duration, buf, sizeof buf);
	sheet_line(f, "Durée", buf);
	sheet_line(f, "Site", label_or_empty(ls, L_SITE, v->site));
	sheet_line(f, "Médiateur", label_or_empty(ls, L_MEDIATEUR, v->mediator));
	sheet_line(f, "Canal", label_or_empty(ls, L_CANAL, v->canal));
	join_labels(ls, L_DEMANDE, &v->demands, " ; ", buf, sizeof buf);
	sheet_line(f, "Demandes", buf);
	join_labels(ls, L_ORGANISME, &v->organisms, " ; ", buf, sizeof buf);
	sheet_line(f, "Organismes", buf);
	sheet_line(f, "Posture", label_or_empty(ls, L_POSTURE, v->posture));
	sheet_line(f, "Personne présente", v->present ? "oui" : "non");
	sheet_line(f, "Issue", label_or_empty(ls, L_ISSUE, v->outcome));
	sheet_line(f, "Urgent", v->urgent ? "oui" : "non");
	sheet_line(f, "Orienté par", label_or_empty(ls, L_ORIENTE_PAR, v->referred_by));
	sheet_line(f, "Orienté vers", label_or_empty(ls, L_ORIENTE_VERS, v->referred_to));
	sheet_line(f, "Lieu d'orientation", v->referred_place);
	sheet_line(f, "Usager", v->person);
	sheet_line(f, "Note", v->note);
	timestamp_local(v->created, buf, sizeof buf);
	sheet_line(f, "Créé le", buf);
	timestamp_local(v->updated, buf, sizeof buf);
	sheet_line(f, "Modifié le", buf);
	if (v->deleted[0]) {
		timestamp_local(v->deleted, buf, sizeof buf);
		sheet_line(f, "Supprimé le", buf);
	}
}

/* The table fits 80 columns: widths of its cells, one space between. */
enum { W_DATE = 10, W_TIME = 5, W_MIN = 5, W_DEMAND = 11, W_ORG = 10, W_POSTURE = 10,
       W_OUTCOME = 7, W_PERSON = 6, W_ID = 8 };

void visit_table_begin(struct visit_table *t, FILE *f, const struct lists *ls)
{
	*t = (struct visit_table){.f = f, .ls = ls};
}

/* First label of a set, followed by "+N" when there are more. */
static void first_plus(FILE *f, const struct lists *ls, enum list_id id,
                       const struct codeset *set, int width)
{
	char more[16] = "";
	int w = width;

	if (set->n > 1) {
		snprintf(more, sizeof more, "+%d", set->n - 1);
		w -= (int)strlen(more);
	}
	text_put_cell(f, set->n ? lists_label(ls, id, set->v[0]) : "", w);
	fputs(more, f);
}

int visit_table_row(const struct visit *v, void *table)
{
	struct visit_table *t = table;
	FILE *f = t->f;
	char id[W_ID + 1];

	if (t->count++ == 0) {
		static const struct { const char *name; int width; } cols[] = {
			{"Date", W_DATE}, {"Heure", W_TIME}, {"Durée", W_MIN}, {"Demande", W_DEMAND},
			{"Organisme", W_ORG}, {"Posture", W_POSTURE}, {"Issue", W_OUTCOME},
			{"Usager", W_PERSON}, {"Id", W_ID},
		};
		for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
			if (i)
				fputc(' ', f);
			if (i + 1 < sizeof cols / sizeof cols[0])
				text_put_cell(f, cols[i].name, cols[i].width);
			else
				fputs(cols[i].name, f);
		}
		fputc('\n', f);
	}
	t->minutes += v->duration;
	fprintf(f, "%-*s %-*s %*d ", W_DATE, v->date, W_TIME, v->time, W_MIN, v->duration);
	first_plus(f, t->ls, L_DEMANDE, &v->demands, W_DEMAND);
	fputc(' ', f);
	first_plus(f, t->ls, L_ORGANISME, &v->organisms, W_ORG);
	fputc(' ', f);
	text_put_cell(f, label_or_empty(t->ls, L_POSTURE, v->posture), W_POSTURE);
	fputc(' ', f);
	text_put_cell(f, label_or_empty(t->ls, L_ISSUE, v->outcome), W_OUTCOME);
	fputc(' ', f);
	text_put_cell(f, v->person, W_PERSON);
	memcpy(id, v->id, W_ID);
	id[W_ID] = '\0';
	fprintf(f, " %s\n", id);
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

void visit_csv_header(FILE *f)
{
	static const char *const cols[] = {
		"id", "date", "heure", "duree", "site", "mediateur", "canal", "demandes",
		"organismes", "posture", "present", "issue", "urgent", "oriente_par",
		"oriente_vers", "lieu_orientation", "usager", "note",
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		csv_field(f, cols[i], ',', i == 0);
	csv_end_row(f);
}

int visit_csv_row(const struct visit *v, void *table)
{
	struct visit_table *t = table;
	const struct lists *ls = t->ls;
	FILE *f = t->f;
	char buf[2048];

	t->count++;
	t->minutes += v->duration;
	csv_field(f, v->id, ',', 1);
	csv_field(f, v->date, ',', 0);
	csv_field(f, v->time, ',', 0);
	csv_field_int(f, v->duration, ',', 0);
	csv_field(f, label_or_empty(ls, L_SITE, v->site), ',', 0);
	csv_field(f, label_or_empty(ls, L_MEDIATEUR, v->mediator), ',', 0);
	csv_field(f, label_or_empty(ls, L_CANAL, v->canal), ',', 0);
	join_labels(ls, L_DEMANDE, &v->demands, " | ", buf, sizeof buf);
	csv_field(f, buf, ',', 0);
	join_labels(ls, L_ORGANISME, &v->organisms, " | ", buf, sizeof buf);
	csv_field(f, buf, ',', 0);
	csv_field(f, label_or_empty(ls, L_POSTURE, v->posture), ',', 0);
	csv_field(f, v->present ? "oui" : "non", ',', 0);
	csv_field(f, label_or_empty(ls, L_ISSUE, v->outcome), ',', 0);
	csv_field(f, v->urgent ? "oui" : "non", ',', 0);
	csv_field(f, label_or_empty(ls, L_ORIENTE_PAR, v->referred_by), ',', 0);
	csv_field(f, label_or_empty(ls, L_ORIENTE_VERS, v->referred_to), ',', 0);
	csv_field(f, v->referred_place, ',', 0);
	csv_field(f, v->person, ',', 0);
	csv_field(f, v->note, ',', 0);
	csv_end_row(f);
	return 0;
}
