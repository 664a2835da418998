/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity summary as JSON: every figure, for other tools. Shares are
 * percentages with one decimal, as in the other formats; numbers are
 * written the C way whatever the locale. Its keys are in carnet(1). */
#include <string.h>
#include "carnet/report/outline.h"
#include "carnet/report/report_write.h"

/* Raised when a key changes meaning or goes away. */
#define JSON_FORMAT_VERSION 3

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
		{
			struct report_table t = {.list = list, .d = d};
			char buf[80];
			const char *label = report_row_label(ls, &t, d->code[i], buf, sizeof buf);
			/* An unknown code's label is the code itself; code_inconnu says so. */
			str(f, known ? label : d->code[i]);
		}
		fprintf(f, ", \"nombre\": %ld, \"part\": ", d->count[i]);
		share(f, tenths[i]);
		fprintf(f, ", \"code_inconnu\": %s}", known ? "false" : "true");
	}
	fputs("]}", f);
}

static void str_or_null(FILE *f, const char *s)
{
	if (s)
		str(f, s);
	else
		fputs("null", f);
}

/* "orientations_par_lieu": {"base", "lignes": [{"code", "uid", "nom",
 * "commune", "libelle", "nombre", "part"}]}, uid, nom and commune null for
 * the rows that are no place of the directory. */
static void places(FILE *f, const struct report_places *p)
{
	long tenths[REPORT_TOP_PLACES + 3];
	int n = p->d.n < REPORT_TOP_PLACES + 3 ? p->d.n : REPORT_TOP_PLACES + 3;

	shares_tenths(p->d.count, n, p->d.total, tenths);
	fprintf(f, ",\n  \"orientations_par_lieu\": {\"base\": %ld, \"lignes\": [", p->d.total);
	for (int i = 0; i < n; i++) {
		fprintf(f, "%s\n    {\"code\": ", i ? "," : "");
		str(f, p->d.code[i]);
		fputs(", \"uid\": ", f);
		str_or_null(f, p->uid[i]);
		fputs(", \"nom\": ", f);
		str_or_null(f, p->nom[i]);
		fputs(", \"commune\": ", f);
		str_or_null(f, p->commune[i]);
		fputs(", \"libelle\": ", f);
		str(f, p->label[i]);
		fprintf(f, ", \"nombre\": %ld, \"part\": ", p->d.count[i]);
		share(f, tenths[i]);
		fputc('}', f);
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
	const struct report *r;
	bool keys;        /* writing the key figures (else the tables) */
	int nkeys;
};

static void number_or_null(FILE *f, bool defined, double v, int decimals)
{
	if (defined)
		fprintf(f, "%.*f", decimals, v);
	else
		fputs("null", f);
}

static void figure_value(FILE *f, const struct figure *fig)
{
	fprintf(f, "%ld", fig->value);
	if (fig->unit == UNIT_SHARE || fig->unit == UNIT_TIME_SHARE) {
		fprintf(f, ", \"sur\": %ld, \"part\": ", fig->whole);
		if (fig->whole)
			share(f, (fig->value * 1000 + fig->whole / 2) / fig->whole);
		else
			fputs("null", f);
	}
}

/* A compared period's value under name (null without one), and for a share
 * its part under "part_" name. */
static void compared(FILE *f, const char *name, bool has, const struct figure *fig)
{
	fprintf(f, ", \"%s\": ", name);
	if (has)
		fprintf(f, "%ld", fig->value);
	else
		fputs("null", f);
	if (fig->unit != UNIT_SHARE)
		return;
	fprintf(f, ", \"part_%s\": ", name);
	if (has && fig->whole)
		share(f, (fig->value * 1000 + fig->whole / 2) / fig->whole);
	else
		fputs("null", f);
}

/* Sections 8 and 9, written as objects of their own. */
static bool is_activity(const char *section)
{
	return section && (strncmp(section, "8.", 2) == 0 || strncmp(section, "9.", 2) == 0);
}

/* A share in percent, or null for a share of nothing. */
static void share_or_null(FILE *f, long value, long whole)
{
	if (whole > 0)
		share(f, (value * 1000 + whole / 2) / whole);
	else
		fputs("null", f);
}

/* "name": {"base": N, "valeurs": {"code": {"libelle", count_key, "part"}}},
 * "" as "non_renseigne"; the first t->fixed_rows rows by their own codes. */
static void by_code(FILE *f, const char *name, const struct lists *ls,
                    const struct report_table *t, const char *count_key)
{
	const struct dist *d = t->d;

	fputs("\"", f);
	fputs(name, f);
	fprintf(f, "\": {\"base\": %ld, \"valeurs\": {", d->total);
	for (int i = 0; i < d->n; i++) {
		bool known = i < t->fixed_rows || !d->code[i][0] || vlist_find(&ls->l[t->list], d->code[i]);
		char buf[80];
		fputs(i ? ", " : "", f);
		str(f, d->code[i][0] ? d->code[i] : "non_renseigne");
		fputs(": {\"libelle\": ", f);
		/* An unknown code's label is the code itself; code_inconnu says so. */
		str(f, known ? report_row_label_at(ls, t, i, buf, sizeof buf) : d->code[i]);
		fprintf(f, ", \"%s\": %ld, \"part\": ", count_key, d->count[i]);
		share_or_null(f, d->count[i], d->total);
		fprintf(f, ", \"code_inconnu\": %s}", known ? "false" : "true");
	}
	fputs("}}", f);
}

/* "name": [{"code", "libelle", "suites_connues", "suite": {"oui": {"nombre",
 * "part"}…}}], one element for each row of c. */
static void went_rows(FILE *f, const char *name, const struct lists *ls, int list,
                      const struct cross *c)
{
	fprintf(f, ",\n    \"%s\": [", name);
	for (int i = 0; i < c->n; i++) {
		const struct dist *row = &c->row[i];
		fputs(i ? ",\n      {\"code\": " : "\n      {\"code\": ", f);
		str(f, c->code[i]);
		fputs(", \"libelle\": ", f);
		str(f, report_cross_label(ls, list, c, i));
		fprintf(f, ", \"suites_connues\": %ld, \"suite\": {", row->total);
		for (int k = 0; k < row->n; k++) {
			fputs(k ? ", " : "", f);
			str(f, row->code[k]);
			fprintf(f, ": {\"nombre\": %ld, \"part\": ", row->count[k]);
			share_or_null(f, row->count[k], row->total);
			fputc('}', f);
		}
		fputs("}}", f);
	}
	fputs("]", f);
}

/* Section 6's follow-through: how many referrals, how many answered, and
 * what came of them by category and by way. */
static void followup_json(FILE *f, const struct report *r, const struct lists *ls)
{
	fprintf(f, ",\n  \"suivi_orientations\": {\"orientations\": %ld, \"suite_connue\": %ld,"
	           " \"part_suite_connue\": ",
	        report_referrals(r), r->referrals_answered);
	share_or_null(f, r->referrals_answered, report_referrals(r));
	went_rows(f, "par_oriente_vers", ls, L_ORIENTE_VERS, &r->went_by_to);
	went_rows(f, "par_orientation_mode", ls, L_ORIENTATION_MODE, &r->went_by_how);
	went_rows(f, "par_lieu", ls, -1, &r->places.went);
	fputs("}", f);
}

static void workshops_json(FILE *f, const struct report *r, const struct lists *ls)
{
	const struct report_workshops *ws = &r->ws;
	struct {
		const char *key;
		int list;
		const struct dist *d;
	} tables[] = {
		{"themes", L_THEME_ATELIER, &ws->theme},     {"niveaux", L_NIVEAU_ATELIER, &ws->level},
		{"lieux", L_LIEU_ATELIER, &ws->place},       {"tranche_age", L_TRANCHE_AGE, &ws->age},
		{"genre", L_GENRE, &ws->gender},             {"quartier", L_QUARTIER, &ws->area},
		{"situation", L_SITUATION, &ws->situation}, {"equipement", L_EQUIPEMENT, &ws->equipment},
	};

	fprintf(f, ",\n  \"ateliers\": {\"seances\": %ld, \"minutes\": %ld,"
	           " \"participations\": %ld, \"personnes\": %ld, \"anonymes\": %ld,"
	           " \"presence\": {\"ateliers_inscriptions_connues\": %ld, \"inscrits\": %ld,"
	           " \"presents\": %ld, \"taux\": ",
	        ws->sessions, ws->minutes, ws->participations, ws->persons, ws->anonymous,
	        ws->known, ws->registered, ws->present);
	share_or_null(f, ws->present, ws->registered);
	fputc('}', f);
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		struct report_table t = {.list = tables[i].list, .d = tables[i].d};
		fputs(i == 3 ? ",\n    \"public\": {" : i > 3 ? ",\n      " : ",\n    ", f);
		by_code(f, tables[i].key, ls, &t, i < 3 ? "seances" : "participants");
	}
	fputs("}}", f);
}

static void work_json(FILE *f, const struct report *r, const struct lists *ls)
{
	struct report_table t = {.list = L_TEMPS, .d = &r->work, .fixed_rows = REPORT_WORK_FIXED,
	                         .fixed_labels = report_work_labels};

	fprintf(f, ",\n  \"temps_de_travail\": {\"minutes\": %ld, \"temps_hors_accompagnement\":"
	           " {\"minutes\": %ld, \"part\": ",
	        report_work_minutes(r), report_outside_minutes(r));
	share_or_null(f, report_outside_minutes(r), report_work_minutes(r));
	fprintf(f, "}, \"entrees_autres_temps\": %ld,\n    ", r->worktimes);
	by_code(f, "par_nature", ls, &t, "minutes");
	fputc('}', f);
}

static void item(void *ctx, const struct item *it)
{
	struct tables *c = ctx;
	char change[160];

	if (c->keys && it->kind == ITEM_KEY) {
		fprintf(c->f, "%s\n    ", c->nkeys++ ? "," : "");
		str(c->f, it->name);
		fputs(": {\"valeur\": ", c->f);
		figure_value(c->f, &it->key.now);
		compared(c->f, "periode_precedente", it->key.has_prev, &it->key.prev);
		fputs(", \"evolution\": ", c->f);
		key_change_words(&it->key, false, CHANGE_SIGNED, c->r, change, sizeof change);
		if (change[0])
			str(c->f, change);
		else
			fputs("null", c->f);
		compared(c->f, "un_an_avant", it->key.has_year, &it->key.year);
		fputs(", \"evolution_sur_un_an\": ", c->f);
		key_change_words(&it->key, true, CHANGE_SIGNED, c->r, change, sizeof change);
		if (change[0])
			str(c->f, change);
		else
			fputs("null", c->f);
		fputc('}', c->f);
	} else if (!c->keys && it->kind == ITEM_TABLE && !is_activity(it->section)) {
		/* The workshops' and the time's tables are in "ateliers" and
		 * "temps_de_travail". */
		if (it->table->d == &c->r->places.d)
			places(c->f, &c->r->places);
		else
			dist(c->f, it->table->name, c->ls, it->table->list, it->table->d);
	}
}

/* The dates a compared report covers, or null. */
static void span(FILE *f, const struct report *o)
{
	if (!o) {
		fputs("null", f);
		return;
	}
	fputs("{\"du\": ", f);
	str(f, o->f.from);
	fputs(", \"au\": ", f);
	str(f, o->f.to);
	fputc('}', f);
}

void report_write_json(FILE *f, const struct report *r, const struct lists *ls)
{
	struct tables ctx = {f, ls, r, true, 0};
	char period[64];

	report_period_words(&r->f, period, sizeof period);
	fprintf(f, "{\n  \"format_version\": %d,\n  \"periode\": {\"du\": ", JSON_FORMAT_VERSION);
	str(f, r->f.from);
	fputs(", \"au\": ", f);
	str(f, r->f.to);
	fputs(", \"en_mots\": ", f);
	str(f, period);
	fputs(", \"en_cours_au\": ", f);
	if (r->today[0])
		str(f, r->today);
	else
		fputs("null", f);
	fputs(", \"precedente\": ", f);
	span(f, r->prev);
	fputs(", \"un_an_avant\": ", f);
	span(f, r->year_ago);
	fputs("},\n  \"filtres\": {\"sites\": ", f);
	codes(f, &r->f.sites);
	fputs(", \"mediateurs\": ", f);
	codes(f, &r->f.mediators);
	fputs("},\n  \"essentiel\": {", f);
	report_each_item(r, item, &ctx);
	fprintf(f, "},\n  \"volume\": {\"passages\": %ld, \"personnes\": %ld,"
	           " \"premieres_venues\": %ld, \"minutes\": %ld, \"duree_moyenne\": ",
	        r->visits, r->persons, r->first_visits, r->minutes);
	number_or_null(f, r->visits > 0, r->mean_minutes, 1);
	fputs(", \"duree_mediane\": ", f);
	number_or_null(f, r->visits > 0, r->median_minutes, 1);
	fprintf(f, ", \"sans_organisme\": %ld, \"absents\": %ld, \"urgents\": %ld,"
	           " \"faire_pour\": %ld, \"orientations\": %ld}",
	        r->no_organism, r->absent, r->urgent, r->posture.n ? r->posture.count[0] : 0,
	        report_referrals(r));
	/* Every distribution under its machine name, in the order of the others. */
	ctx.keys = false;
	report_each_item(r, item, &ctx);
	fputs(",\n  \"tendance\": [", f);
	for (int i = 0; i < REPORT_TREND; i++) {
		fprintf(f, "%s{\"mois\": ", i ? ", " : "");
		str(f, r->trend_month[i]);
		fprintf(f, ", \"passages\": %ld, \"ateliers\": %ld}", r->trend[i],
		        r->trend_workshops[i]);
	}
	fputc(']', f);
	workshops_json(f, r, ls);
	work_json(f, r, ls);
	cross(f, "posture_par_demande", ls, L_DEMANDE, &r->posture_by_demand);
	cross(f, "posture_par_organisme", ls, L_ORGANISME, &r->posture_by_organism);
	followup_json(f, r, ls);
	fprintf(f, ",\n  \"autonomie\": {\"personnes\": %ld, \"plus_autonome\": %ld,"
	           " \"meme_posture\": %ld, \"moins_autonome\": %ld, \"par_rang\": [",
	        r->returning, r->towards_autonomy, r->same, r->backwards);
	for (int k = 0; k < REPORT_RANKS; k++) {
		fprintf(f, "%s{\"rang\": %d, \"passages\": %ld, \"posture_moyenne\": ", k ? ", " : "",
		        k + 1, r->rank_visits[k]);
		number_or_null(f, r->rank_visits[k] > 0, r->rank_mean[k], 2);
		fputc('}', f);
	}
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
