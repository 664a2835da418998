/* The activity summary as text for an 80-column terminal, with bar charts
 * in Unicode block characters. */
#include <string.h>
#include "carnet/report/report_write.h"
#include "carnet/model/text.h"
#include "carnet/model/clock.h"

#define BAR_WIDTH 22
#define LABEL_WIDTH 34

/* A bar of `value` out of `max`, in eighths of a cell. */
static void bar(FILE *f, double value, double max)
{
	static const char *const eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	long units = max > 0 ? (long)(value / max * BAR_WIDTH * 8 + 0.5) : 0;

	for (long i = 0; i < units / 8; i++)
		fputs("█", f);
	fputs(eighths[units % 8], f);
}

static const char *label(const struct lists *ls, int list, const char *code, char *buf,
                         size_t size)
{
	if (!code[0])
		return "non renseigné";
	if (list < 0)
		return code;
	if (!vlist_find(&ls->l[list], code)) {
		snprintf(buf, size, "%s (code inconnu)", code);
		return buf;
	}
	return lists_label(ls, list, code);
}

/* One line per code: label, count, share of d->total, bar. Rows with no
 * count are left out, except "non renseigné" rows the caller keeps. */
static void dist_lines(FILE *f, const struct lists *ls, int list, const struct dist *d,
                       bool keep_empty)
{
	long tenths[256 * 4];
	long max = 0;
	int n = d->n < (int)(sizeof tenths / sizeof tenths[0]) ? d->n : 0;

	shares_tenths(d->count, n, d->total, tenths);
	for (int i = 0; i < n; i++)
		if (d->count[i] > max)
			max = d->count[i];
	for (int i = 0; i < n; i++) {
		char buf[80], share[16];
		if (d->count[i] == 0 && !keep_empty)
			continue;
		fputs("    ", f);
		text_put_cell(f, label(ls, list, d->code[i], buf, sizeof buf), LABEL_WIDTH);
		format_tenths(tenths[i], share, sizeof share);
		fprintf(f, " %6ld %6s %% ", d->count[i], share);
		bar(f, (double)d->count[i], (double)max);
		fputc('\n', f);
	}
}

static void heading(FILE *f, const char *title)
{
	fprintf(f, "\n%s\n", title);
	for (int i = utf8_width(title); i > 0; i--)
		fputs("─", f);
	fputc('\n', f);
}

static void figure(FILE *f, const char *name, const char *value)
{
	fputs("  ", f);
	text_put_cell(f, name, 36);
	fprintf(f, " %s\n", value);
}

static void percent_of(long part, long whole, char *out, size_t size)
{
	long tenths = whole ? (part * 1000 + whole / 2) / whole : 0;
	char share[16];
	format_tenths(tenths, share, sizeof share);
	snprintf(out, size, "%ld (%s %%)", part, share);
}

static void cross_lines(FILE *f, const struct lists *ls, int list, const struct cross *c)
{
	const struct vlist *postures = &ls->l[L_POSTURE];

	fputs("    ", f);
	text_put_cell(f, "", 30);
	for (int k = 0; k < postures->n && k < 4; k++) {
		fputc(' ', f);
		text_put_cell(f, postures->e[k].code, 9);
	}
	fputc('\n', f);
	for (int i = 0; i < c->n; i++) {
		long tenths[64];
		char buf[80], share[16];
		if (c->row[i].total == 0)
			continue;
		shares_tenths(c->row[i].count, c->row[i].n < 64 ? c->row[i].n : 64, c->row[i].total,
		              tenths);
		fputs("    ", f);
		text_put_cell(f, label(ls, list, c->code[i], buf, sizeof buf), 30);
		for (int k = 0; k < postures->n && k < 4 && k < c->row[i].n; k++) {
			format_tenths(tenths[k], share, sizeof share);
			fprintf(f, " %7s %%", share);
		}
		fputc('\n', f);
	}
}

void report_write_text(FILE *f, const struct report *r, const struct lists *ls)
{
	char buf[128], total[32];
	long max_trend = 0;

	fprintf(f, "Bilan d'activité du %s au %s\n", r->f.from, r->f.to);
	if (r->f.sites.n) {
		fputs(r->f.sites.n > 1 ? "Sites : " : "Site : ", f);
		for (int i = 0; i < r->f.sites.n; i++)
			fprintf(f, "%s%s", i ? ", " : "", lists_label(ls, L_SITE, r->f.sites.v[i]));
		fputc('\n', f);
	}
	if (r->f.mediators.n) {
		fputs(r->f.mediators.n > 1 ? "Médiateurs : " : "Médiateur : ", f);
		for (int i = 0; i < r->f.mediators.n; i++)
			fprintf(f, "%s%s", i ? ", " : "", lists_label(ls, L_MEDIATEUR, r->f.mediators.v[i]));
		fputc('\n', f);
	}
	if (r->visits == 0)
		fputs("\nAucun passage sur cette période : le bilan est vide.\n", f);

	heading(f, "1. Volume");
	snprintf(buf, sizeof buf, "%ld", r->visits);
	figure(f, "Passages", buf);
	snprintf(buf, sizeof buf, "%ld", r->persons);
	figure(f, "Personnes distinctes (avec un code)", buf);
	snprintf(buf, sizeof buf, "%ld", r->first_visits);
	figure(f, "Premières venues", buf);
	duration_format(r->minutes, total, sizeof total);
	figure(f, "Temps total", total);
	snprintf(buf, sizeof buf, "%.0f min (médiane %.0f min)", r->mean_minutes, r->median_minutes);
	figure(f, "Durée moyenne", buf);
	{
		struct dist bins = {.n = REPORT_BINS, .total = r->visits};
		char codes[REPORT_BINS][CODE_MAX];
		long counts[REPORT_BINS];
		for (int i = 0; i < REPORT_BINS; i++) {
			snprintf(codes[i], CODE_MAX, "%s", report_bin_labels[i]);
			counts[i] = r->bins[i];
		}
		bins.code = codes;
		bins.count = counts;
		fputs("  Durées\n", f);
		dist_lines(f, ls, -1, &bins, true);
	}
	if (r->ngroups) {
		fprintf(f, "  %s\n", r->f.by == BY_SITE ? "Par site (passages, personnes, temps)"
		                                        : "Par médiateur (passages, personnes, temps)");
		for (int g = 0; g < r->ngroups; g++) {
			duration_format(r->groups[g].minutes, total, sizeof total);
			fputs("    ", f);
			text_put_cell(f, report_group_label(r, ls, g), LABEL_WIDTH);
			fprintf(f, " %6ld %6ld  %s\n", r->groups[g].visits, r->groups[g].persons, total);
		}
	}
	fputs("  Canal\n", f);
	dist_lines(f, ls, L_CANAL, &r->canal, false);
	fputs("  Jour de la semaine\n", f);
	dist_lines(f, ls, -1, &r->weekday, true);
	fputs("  Les 12 derniers mois\n", f);
	for (int i = 0; i < REPORT_TREND; i++)
		if (r->trend[i] > max_trend)
			max_trend = r->trend[i];
	for (int i = 0; i < REPORT_TREND; i++) {
		fprintf(f, "    %s %6ld ", r->trend_month[i], r->trend[i]);
		bar(f, (double)r->trend[i], (double)max_trend);
		fputc('\n', f);
	}

	heading(f, "2. Demandes et organismes");
	fputs("  Un passage à plusieurs demandes ou organismes compte dans chacun :\n"
	      "  les parts sont celles des passages et ne s'additionnent pas à 100 %.\n",
	      f);
	fputs("  Demandes\n", f);
	dist_lines(f, ls, L_DEMANDE, &r->demand, false);
	fputs("  Organismes\n", f);
	dist_lines(f, ls, L_ORGANISME, &r->organism, false);
	percent_of(r->no_organism, r->visits, buf, sizeof buf);
	figure(f, "Sans organisme", buf);

	heading(f, "3. Posture");
	dist_lines(f, ls, L_POSTURE, &r->posture, true);
	{
		/* The same rounded share as in the table above. */
		long tenths[64];
		char share[16];
		shares_tenths(r->posture.count, r->posture.n < 64 ? r->posture.n : 64, r->visits,
		              tenths);
		format_tenths(r->posture.n ? tenths[0] : 0, share, sizeof share);
		snprintf(buf, sizeof buf, "%ld (%s %%)", r->posture.n ? r->posture.count[0] : 0, share);
		figure(f, "Part « faire pour »", buf);
	}
	percent_of(r->absent, r->visits, buf, sizeof buf);
	figure(f, "En l'absence de la personne", buf);
	fputs("  Posture par demande (parts des passages de chaque demande)\n", f);
	cross_lines(f, ls, L_DEMANDE, &r->posture_by_demand);
	fputs("  Posture par organisme\n", f);
	cross_lines(f, ls, L_ORGANISME, &r->posture_by_organism);

	heading(f, "4. Issues et urgences");
	dist_lines(f, ls, L_ISSUE, &r->outcome, false);
	percent_of(r->urgent, r->visits, buf, sizeof buf);
	figure(f, "Passages urgents (risque de rupture)", buf);
	if (r->urgent) {
		fputs("  Issue des passages urgents\n", f);
		dist_lines(f, ls, L_ISSUE, &r->urgent_outcome, false);
	}

	heading(f, "5. Autonomie dans le temps");
	snprintf(buf, sizeof buf, "%ld", r->returning);
	figure(f, "Personnes venues deux fois ou plus", buf);
	percent_of(r->towards_autonomy, r->returning, buf, sizeof buf);
	figure(f, "  plus autonome qu'à la 1re venue", buf);
	percent_of(r->same, r->returning, buf, sizeof buf);
	figure(f, "  même posture qu'à la 1re venue", buf);
	percent_of(r->backwards, r->returning, buf, sizeof buf);
	figure(f, "  moins autonome qu'à la 1re venue", buf);
	fputs("  Posture moyenne selon le rang de la venue (1 = faire pour, 4 = laisser faire)\n", f);
	for (int k = 0; k < REPORT_RANKS; k++) {
		char name[40];
		snprintf(name, sizeof name, "%d%s venue%s", k + 1, k ? "e" : "re",
		         k == REPORT_RANKS - 1 ? " et suivantes" : "");
		report_rank_text(r, k, buf, sizeof buf);
		figure(f, name, buf);
	}

	heading(f, "6. Orientations");
	fputs("  Orienté par\n", f);
	dist_lines(f, ls, L_ORIENTE_PAR, &r->referred_by, false);
	fputs("  Orienté vers\n", f);
	dist_lines(f, ls, L_ORIENTE_VERS, &r->referred_to, false);

	heading(f, "7. Public");
	if (r->persons == 1)
		fputs("  Parts de la personne distincte venue sur la période\n", f);
	else
		fprintf(f, "  Parts des %ld personnes distinctes venues sur la période\n", r->persons);
	fputs("  Tranche d'âge\n", f);
	dist_lines(f, ls, L_TRANCHE_AGE, &r->age, true);
	fputs("  Genre\n", f);
	dist_lines(f, ls, L_GENRE, &r->gender, true);
	fputs("  Commune ou quartier\n", f);
	dist_lines(f, ls, L_QUARTIER, &r->area, true);
	fputs("  Situation\n", f);
	dist_lines(f, ls, L_SITUATION, &r->situation, true);
	fputs("  Équipement à domicile (plusieurs réponses possibles)\n", f);
	dist_lines(f, ls, L_EQUIPEMENT, &r->equipment, true);
}
