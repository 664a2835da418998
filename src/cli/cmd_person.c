/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet person new | edit | show: pseudonymous persons and their profile. */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/sheet.h"
#include "carnet/store/person_store.h"
#include "carnet/model/text.h"
#include "carnet/cli/visit_print.h"
#include "carnet/cli/workshop_print.h"
#include "carnet/store/visit_store.h"
#include "carnet/store/workshop_store.h"

const char usage_person[] =
	"Usage : carnet person new [--code CODE] [PROFIL]\n"
	"        carnet person edit CODE [PROFIL]\n"
	"        carnet person show CODE\n"
	"\n"
	"Un usager est un code pseudonyme (par exemple K7M2QX) que la personne garde sur\n"
	"une carte : il relie ses passages sans qu'aucun nom ne soit enregistré.\n"
	"« person new » crée un code et l'affiche ; --code enregistre celui d'une carte\n"
	"remise par un autre lieu. Le profil est facultatif et grossier :\n"
	"\n"
	"  --age CODE                 tranche d'âge\n"
	"  --gender CODE              genre\n"
	"  --area CODE                commune ou quartier\n"
	"  --situation CODE           situation\n"
	"  --equipment CODE[,CODE…]   équipement à domicile (« aucun » seul)\n"
	"\n"
	"Une valeur vide efface le champ avec « person edit ». « carnet lists » donne les codes.\n"
	"« person show » affiche le profil, puis les passages et les ateliers auxquels\n"
	"l'usager était inscrit (présent ou absent), du plus ancien au plus récent ;\n"
	"s'il a été orienté ailleurs, ses orientations et leur suite (« s'y est\n"
	"rendue », « sans réponse »… ; voir « carnet referral »).\n";

struct profile_opts {
	struct person p;
	bool set[PF_COUNT];
};

static const struct {
	const char *name;
	enum person_field field;
} profile_table[] = {
	{"--code", PF_CODE},
	{"--age", PF_AGE},
	{"--gender", PF_GENDER},
	{"--area", PF_AREA},
	{"--situation", PF_SITUATION},
	{"--equipment", PF_EQUIPMENT},
};

#define NPROFILE ((int)(sizeof profile_table / sizeof profile_table[0]))

static const char *option_of(int field)
{
	for (int i = 0; i < NPROFILE; i++)
		if ((int)profile_table[i].field == field)
			return profile_table[i].name;
	return NULL;
}

static char *slot(struct person *p, enum person_field f)
{
	switch (f) {
	case PF_AGE: return p->age;
	case PF_GENDER: return p->gender;
	case PF_AREA: return p->area;
	case PF_SITUATION: return p->situation;
	default: return NULL;
	}
}

static int parse_profile(struct app *app, const char *command, int argc, char **argv,
                         bool allow_code, struct profile_opts *o)
{
	struct option longopts[NPROFILE + 1];
	struct cn_err err;
	int opt;

	memset(o, 0, sizeof *o);
	person_init(&o->p);
	for (int i = 0; i < NPROFILE; i++)
		longopts[i] = (struct option){profile_table[i].name + 2, required_argument, NULL, i};
	longopts[NPROFILE] = (struct option){NULL, 0, NULL, 0};
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		enum person_field f;
		if (opt < 0 || opt >= NPROFILE || (profile_table[opt].field == PF_CODE && !allow_code)) {
			return cli_bad_option(app, command, "person", argv[optind - 1]);
		}
		f = profile_table[opt].field;
		o->set[f] = true;
		if (f == PF_CODE) {
			if (!person_code_normalize(optarg, o->p.code))
				return app_fail(app, EXIT_INVALID,
				                "--code : code usager invalide « %s » (4 à 16 lettres ou "
				                "chiffres)",
				                optarg);
		} else if (f == PF_EQUIPMENT) {
			if (codeset_parse(&o->p.equipment, optarg, &err) != CN_OK) {
				char accepted[512];
				lists_accepted(&app->cfg.lists, L_EQUIPEMENT, accepted, sizeof accepted);
				return app_fail(app, EXIT_INVALID, "--equipment : %s. Valeurs acceptées : %s",
				                err.msg, accepted);
			}
		} else if (optarg[0] && !code_normalize(optarg, slot(&o->p, f))) {
			lists_check(&app->cfg.lists, person_field_list(f), optarg, false, &err);
			return app_report(app, CN_EINVAL, profile_table[opt].name, &err);
		}
	}
	return EXIT_OK;
}

static void apply_profile(const struct profile_opts *o, struct person *p)
{
	for (int f = PF_AGE; f < PF_COUNT; f++) {
		if (!o->set[f])
			continue;
		if (f == PF_EQUIPMENT)
			p->equipment = o->p.equipment;
		else
			strcpy(slot(p, f), slot((struct person *)&o->p, f));
	}
}

static int report(struct app *app, int status, const struct cn_err *err)
{
	return app_report(app, status, err->field >= 0 ? option_of(err->field) : NULL, err);
}

static int person_new(struct app *app, int argc, char **argv)
{
	struct profile_opts o;
	struct cn_err err;
	int rc;

	if ((rc = parse_profile(app, "person new", argc, argv, true, &o)) != EXIT_OK)
		return rc;
	if (optind < argc)
		return app_fail(app, EXIT_USAGE, "person new : argument en trop « %s »", argv[optind]);
	/* Check everything before touching the database. */
	if (o.p.code[0] && (rc = person_validate(&o.p, NULL, &app->cfg.lists, &err)) != CN_OK)
		return report(app, rc, &err);
	if ((rc = app_open(app)) != EXIT_OK)
		return rc;
	if ((rc = person_create(app->st, &app->cfg.lists, &o.p, &err)) != CN_OK)
		return report(app, rc, &err);
	fprintf(app->out, "%s\n", o.p.code);
	return EXIT_OK;
}

static int code_argument(struct app *app, const char *command, int argc, char **argv,
                         const char **code)
{
	if (optind >= argc)
		return app_fail(app, EXIT_USAGE, "%s : code usager manquant. Voir « carnet person "
		                "--help ».", command);
	if (optind + 1 < argc)
		return app_fail(app, EXIT_USAGE, "%s : argument en trop « %s »", command,
		                argv[optind + 1]);
	*code = argv[optind];
	return EXIT_OK;
}

static int person_edit(struct app *app, int argc, char **argv)
{
	struct profile_opts o;
	struct person p;
	struct cn_err err;
	const char *code;
	int rc;

	if ((rc = parse_profile(app, "person edit", argc, argv, false, &o)) != EXIT_OK ||
	    (rc = code_argument(app, "person edit", argc, argv, &code)) != EXIT_OK ||
	    (rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if ((rc = person_get(app->st, code, &p, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	apply_profile(&o, &p);
	if ((rc = person_update(app->st, &app->cfg.lists, &p, &err)) != CN_OK)
		return report(app, rc, &err);
	fprintf(app->out, "%s\n", p.code);
	return EXIT_OK;
}

static void profile_line(FILE *f, const struct lists *ls, const char *name, int list,
                         const char *code)
{
	fputs("  ", f);
	text_put_cell(f, name, 20);
	fprintf(f, " : %s\n", code[0] ? lists_label(ls, list, code) : "non renseigné");
}

/* The person's referrals: one row each, with what came of it. */
struct referral_table {
	FILE *f;
	const struct lists *ls;
	int count;
};

enum { WR_DATE = 10, WR_TO = 16, WR_HOW = 20, WR_WENT = 21, WR_ID = 8 };

static int referral_row(const struct visit *v, void *ctx)
{
	struct referral_table *t = ctx;
	char went[128];

	if (!v->referred_to[0] || v->deleted[0])
		return 0;
	if (t->count++ == 0) {
		static const struct table_col cols[] = {
			{"Date", WR_DATE}, {"Orienté vers", WR_TO}, {"Comment", WR_HOW},
			{"Suite", WR_WENT}, {"Id", WR_ID},
		};
		fputs("\nOrientations\n", t->f);
		table_header(t->f, cols, sizeof cols / sizeof cols[0]);
	}
	snprintf(went, sizeof went, "%s",
	         v->referral_went[0] ? lists_label(t->ls, L_ORIENTATION_SUITE, v->referral_went)
	                             : "sans réponse");
	fprintf(t->f, "%-*s ", WR_DATE, v->date);
	text_put_cell(t->f, lists_label(t->ls, L_ORIENTE_VERS, v->referred_to), WR_TO);
	fputc(' ', t->f);
	text_put_cell(t->f, v->referral_how[0] ? lists_label(t->ls, L_ORIENTATION_MODE,
	                                                     v->referral_how) : "",
	              WR_HOW);
	fputc(' ', t->f);
	text_put_cell(t->f, went, WR_WENT);
	fputc(' ', t->f);
	table_id(t->f, v->id);
	fputc('\n', t->f);
	return 0;
}

static int person_show(struct app *app, int argc, char **argv)
{
	struct visit_filter filter = {0};
	struct visit_table t;
	struct workshop_table wt;
	struct person p;
	struct cn_err err;
	const struct lists *ls;
	const char *code;
	char equipment[1024] = "", created[32];
	int rc;

	optind = 1;
	if (argc > 1 && argv[1][0] == '-') {
		app_fail(app, EXIT_USAGE, "person show : option inconnue « %s »", argv[1]);
		return cli_usage_error(app, "person");
	}
	if ((rc = code_argument(app, "person show", argc, argv, &code)) != EXIT_OK ||
	    (rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if ((rc = person_get(app->st, code, &p, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	ls = &app->cfg.lists;
	timestamp_local(p.created, created, sizeof created);
	fprintf(app->out, "Usager %s (créé le %.10s)\n", p.code, created);
	profile_line(app->out, ls, "Tranche d'âge", L_TRANCHE_AGE, p.age);
	profile_line(app->out, ls, "Genre", L_GENRE, p.gender);
	profile_line(app->out, ls, "Commune ou quartier", L_QUARTIER, p.area);
	profile_line(app->out, ls, "Situation", L_SITUATION, p.situation);
	for (int i = 0; i < p.equipment.n; i++) {
		size_t used = strlen(equipment);
		snprintf(equipment + used, sizeof equipment - used, "%s%s", i ? ", " : "",
		         lists_label(ls, L_EQUIPEMENT, p.equipment.v[i]));
	}
	fputs("  ", app->out);
	text_put_cell(app->out, "Équipement", 20);
	fprintf(app->out, " : %s\n\n", equipment[0] ? equipment : "non renseigné");

	strcpy(filter.person, p.code);
	visit_table_begin(&t, app->out, ls);
	if ((rc = visit_each(app->st, &filter, visit_table_row, &t, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (t.count == 0)
		fputs("Aucun passage.\n", app->out);
	visit_table_end(&t);

	{
		struct referral_table rt = {.f = app->out, .ls = ls};
		if ((rc = visit_each(app->st, &filter, referral_row, &rt, &err)) != CN_OK)
			return app_report(app, rc, NULL, &err);
	}

	fputs("\nAteliers\n", app->out);
	workshop_table_begin(&wt, app->out, ls, p.code);
	if ((rc = workshop_each(app->st, &filter, workshop_table_row, &wt, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (wt.count == 0)
		fputs("Aucun atelier.\n", app->out);
	workshop_table_end(&wt);
	return EXIT_OK;
}

int cmd_person(struct app *app, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(struct app *, int, char **);
	} subs[] = {{"new", person_new}, {"edit", person_edit}, {"show", person_show}};
	int rc;

	if (argc < 2)
		return app_fail(app, EXIT_USAGE,
		                "person : sous-commande manquante (new, edit ou show). Voir « carnet "
		                "person --help ».");
	if ((rc = app_config(app)) != EXIT_OK)
		return rc;
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(app, argc - 1, argv + 1);
	return app_fail(app, EXIT_USAGE,
	                "person : sous-commande inconnue « %s » (new, edit ou show). Voir « carnet "
	                "person --help ».",
	                argv[1]);
}
