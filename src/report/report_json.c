/* The activity summary as JSON: every figure, for other tools. Shares are
 * percentages with one decimal, as in the other formats. */
#include <string.h>
#include "carnet/report/report_write.h"

static void str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void share(FILE *f, long tenths)
{
	fprintf(f, "%ld.%ld", tenths / 10, tenths % 10);
}

static void dist(FILE *f, const char *name, const struct lists *ls, int list,
                 const struct dist *d)
{
	long tenths[1024];
	int n = d->n < 1024 ? d->n : 1024;

	shares_tenths(d->count, n, d->total, tenths);
	fprintf(f, ",\n  ");
	str(f, name);
	fprintf(f, ": {\"base\": %ld, \"lignes\": [", d->total);
	for (int i = 0; i < n; i++) {
		bool known = list < 0 || !d->code[i][0] || vlist_find(&ls->l[list], d->code[i]);
		fprintf(f, "%s\n    {\"code\": ", i ? "," : "");
		str(f, d->code[i]);
		fputs(", \"libelle\": ", f);
		str(f, !d->code[i][0] ? "non renseigné" : list < 0 ? d->code[i]
		                                                   : lists_label(ls, list, d->code[i]));
		fprintf(f, ", \"nombre\": %ld, \"part\": ", d->count[i]);
		share(f, tenths[i]);
		fprintf(f, ", \"code_inconnu\": %s}", known ? "false" : "true");
	}
	fputs("]}", f);
}

static void cross(FILE *f, const char *name, const struct lists *ls, int list,
                  const struct cross *c)
{
	fprintf(f, ",\n  ");
	str(f, name);
	fputs(": [", f);
	for (int i = 0; i < c->n; i++) {
		long tenths[64];
		int n = c->row[i].n < 64 ? c->row[i].n : 64;
		shares_tenths(c->row[i].count, n, c->row[i].total, tenths);
		fprintf(f, "%s\n    {\"code\": ", i ? "," : "");
		str(f, c->code[i]);
		fputs(", \"libelle\": ", f);
		str(f, lists_label(ls, list, c->code[i]));
		fprintf(f, ", \"passages\": %ld, \"postures\": {", c->row[i].total);
		for (int k = 0; k < n; k++) {
			fprintf(f, "%s", k ? ", " : "");
			str(f, c->row[i].code[k][0] ? c->row[i].code[k] : "non_renseigne");
			fprintf(f, ": {\"nombre\": %ld, \"part\": ", c->row[i].count[k]);
			share(f, tenths[k]);
			fputc('}', f);
		}
		fputs("}}", f);
	}
	fputs("]", f);
}

static void codes(FILE *f, const struct codeset *set)
{
	fputc('[', f);
	for (int i = 0; i < set->n; i++) {
		if (i)
			fputs(", ", f);
		str(f, set->v[i]);
	}
	fputc(']', f);
}

struct tables {
	FILE *f;
	const struct lists *ls;
};

static void table(void *ctx, const struct report_table *t)
{
	const struct tables *c = ctx;
	dist(c->f, t->name, c->ls, t->list, t->d);
}

void report_write_json(FILE *f, const struct report *r, const struct lists *ls)
{
	char bin_codes[REPORT_BINS][CODE_MAX];
	long bin_counts[REPORT_BINS];
	struct dist bins = {.code = bin_codes, .count = bin_counts};
	struct tables ctx = {f, ls};

	fputs("{\n  \"periode\": {\"du\": ", f);
	str(f, r->f.from);
	fputs(", \"au\": ", f);
	str(f, r->f.to);
	fputs("},\n  \"filtres\": {\"sites\": ", f);
	codes(f, &r->f.sites);
	fputs(", \"mediateurs\": ", f);
	codes(f, &r->f.mediators);
	fprintf(f, "},\n  \"volume\": {\"passages\": %ld, \"personnes\": %ld,"
	           " \"premieres_venues\": %ld, \"minutes\": %ld, \"duree_moyenne\": %.1f,"
	           " \"duree_mediane\": %.1f, \"sans_organisme\": %ld, \"absents\": %ld,"
	           " \"urgents\": %ld}",
	        r->visits, r->persons, r->first_visits, r->minutes, r->mean_minutes,
	        r->median_minutes, r->no_organism, r->absent, r->urgent);
	/* Every distribution under its machine name, as the other formats list them. */
	report_each_table(r, &bins, table, &ctx);
	fputs(",\n  \"tendance\": [", f);
	for (int i = 0; i < REPORT_TREND; i++) {
		fprintf(f, "%s{\"mois\": ", i ? ", " : "");
		str(f, r->trend_month[i]);
		fprintf(f, ", \"passages\": %ld}", r->trend[i]);
	}
	fputc(']', f);
	cross(f, "posture_par_demande", ls, L_DEMANDE, &r->posture_by_demand);
	cross(f, "posture_par_organisme", ls, L_ORGANISME, &r->posture_by_organism);
	fprintf(f, ",\n  \"autonomie\": {\"personnes\": %ld, \"plus_autonome\": %ld,"
	           " \"meme_posture\": %ld, \"moins_autonome\": %ld, \"par_rang\": [",
	        r->returning, r->towards_autonomy, r->same, r->backwards);
	for (int k = 0; k < REPORT_RANKS; k++)
		fprintf(f, "%s{\"rang\": %d, \"passages\": %ld, \"posture_moyenne\": %.2f}",
		        k ? ", " : "", k + 1, r->rank_visits[k], r->rank_mean[k]);
	fputs("]}", f);
	if (r->f.by != BY_NONE) {
		fprintf(f, ",\n  \"repartition\": {\"par\": \"%s\", \"groupes\": [",
		        r->f.by == BY_SITE ? "site" : "mediateur");
		for (int g = 0; g < r->ngroups; g++) {
			fprintf(f, "%s\n  {\"code\": ", g ? "," : "");
			str(f, report_group_code(r, g));
			fputs(", \"libelle\": ", f);
			str(f, report_group_label(r, ls, g));
			fputs(", \"bilan\": ", f);
			report_write_json(f, &r->groups[g], ls);
			fputc('}', f);
		}
		fputs("]}", f);
	}
	fputs("\n}\n", f);
}
