/* The activity summary for French spreadsheets: UTF-8 with a BOM, ';'
 * between fields, decimal comma, one table per indicator under its name. */
#include <string.h>
#include "carnet/model/csv.h"
#include "carnet/report/report_write.h"

#define SEP ';'

static void decimal(FILE *f, double v, int decimals)
{
	char buf[64], *dot;
	snprintf(buf, sizeof buf, "%.*f", decimals, v);
	if ((dot = strchr(buf, '.')))
		*dot = ',';
	fputc(SEP, f);
	fputs(buf, f);
}

static void pair(FILE *f, const char *name, long value)
{
	csv_field(f, name, SEP, 1);
	csv_field_int(f, value, SEP, 0);
	csv_end_row(f);
}

struct csv_ctx {
	FILE *f;
	const struct lists *ls;
	const struct report *r;
};

static void table(void *ctx, const struct report_table *t)
{
	struct csv_ctx *c = ctx;
	FILE *f = c->f;
	long tenths[1024];
	int n = t->d->n < 1024 ? t->d->n : 1024;
	char share[16];

	shares_tenths(t->d->count, n, t->d->total, tenths);
	csv_end_row(f);
	csv_field(f, t->title, SEP, 1);
	csv_end_row(f);
	if (t->note) {
		csv_field(f, t->note, SEP, 1);
		csv_end_row(f);
	}
	csv_field(f, "Code", SEP, 1);
	csv_field(f, "Libellé", SEP, 0);
	csv_field(f, "Nombre", SEP, 0);
	csv_field(f, "Part (%)", SEP, 0);
	for (int g = 0; g < c->r->ngroups; g++)
		csv_field(f, report_group_label(c->r, c->ls, g), SEP, 0);
	csv_end_row(f);
	for (int i = 0; i < n; i++) {
		const char *code = t->d->code[i];
		csv_field(f, code, SEP, 1);
		csv_field(f, !code[0] ? "non renseigné" : t->list < 0 ? code
		              : vlist_find(&c->ls->l[t->list], code) ? lists_label(c->ls, t->list, code)
		                                                     : "(code inconnu)",
		          SEP, 0);
		csv_field_int(f, t->d->count[i], SEP, 0);
		format_tenths(tenths[i], share, sizeof share);
		csv_field(f, share, SEP, 0);
		for (int g = 0; g < c->r->ngroups; g++)
			csv_field_int(f, report_group_count(c->r, g, t, i), SEP, 0);
		csv_end_row(f);
	}
}

void report_write_csv(FILE *f, const struct report *r, const struct lists *ls)
{
	struct csv_ctx ctx = {f, ls, r};
	char codes[REPORT_BINS][CODE_MAX];
	long counts[REPORT_BINS];
	struct dist bins = {.code = codes, .count = counts};

	fputs("\xEF\xBB\xBF", f); /* the BOM tells spreadsheets it is UTF-8 */
	csv_field(f, "Bilan d'activité", SEP, 1);
	csv_field(f, r->f.from, SEP, 0);
	csv_field(f, r->f.to, SEP, 0);
	csv_end_row(f);
	csv_end_row(f);
	csv_field(f, "Volume", SEP, 1);
	csv_end_row(f);
	csv_field(f, "Indicateur", SEP, 1);
	csv_field(f, "Valeur", SEP, 0);
	csv_end_row(f);
	pair(f, "Passages", r->visits);
	pair(f, "Personnes distinctes", r->persons);
	pair(f, "Premières venues", r->first_visits);
	pair(f, "Temps total (minutes)", r->minutes);
	csv_field(f, "Temps total (heures)", SEP, 1);
	decimal(f, (double)r->minutes / 60.0, 1);
	csv_end_row(f);
	csv_field(f, "Durée moyenne (minutes)", SEP, 1);
	decimal(f, r->mean_minutes, 1);
	csv_end_row(f);
	csv_field(f, "Durée médiane (minutes)", SEP, 1);
	decimal(f, r->median_minutes, 1);
	csv_end_row(f);
	pair(f, "Passages sans organisme", r->no_organism);
	pair(f, "Passages en l'absence de la personne", r->absent);
	pair(f, "Passages urgents", r->urgent);
	pair(f, "Personnes venues deux fois ou plus", r->returning);
	pair(f, "Plus autonomes qu'à la 1re venue", r->towards_autonomy);
	pair(f, "Même posture qu'à la 1re venue", r->same);
	pair(f, "Moins autonomes qu'à la 1re venue", r->backwards);
	for (int k = 0; k < REPORT_RANKS; k++) {
		char name[64];
		snprintf(name, sizeof name, "Posture moyenne, venue de rang %d%s", k + 1,
		         k == REPORT_RANKS - 1 ? " et plus" : "");
		csv_field(f, name, SEP, 1);
		decimal(f, r->rank_mean[k], 2);
		csv_end_row(f);
	}
	if (r->ngroups) {
		csv_end_row(f);
		csv_field(f, r->f.by == BY_SITE ? "Par site" : "Par médiateur", SEP, 1);
		csv_end_row(f);
		csv_field(f, r->f.by == BY_SITE ? "Site" : "Médiateur", SEP, 1);
		csv_field(f, "Passages", SEP, 0);
		csv_field(f, "Personnes distinctes", SEP, 0);
		csv_field(f, "Temps total (minutes)", SEP, 0);
		csv_end_row(f);
		for (int g = 0; g < r->ngroups; g++) {
			csv_field(f, report_group_label(r, ls, g), SEP, 1);
			csv_field_int(f, r->groups[g].visits, SEP, 0);
			csv_field_int(f, r->groups[g].persons, SEP, 0);
			csv_field_int(f, r->groups[g].minutes, SEP, 0);
			csv_end_row(f);
		}
	}
	csv_end_row(f);
	csv_field(f, "Les 12 derniers mois", SEP, 1);
	csv_end_row(f);
	csv_field(f, "Mois", SEP, 1);
	csv_field(f, "Passages", SEP, 0);
	csv_end_row(f);
	for (int i = 0; i < REPORT_TREND; i++)
		pair(f, r->trend_month[i], r->trend[i]);
	report_each_table(r, &bins, table, &ctx);
}
