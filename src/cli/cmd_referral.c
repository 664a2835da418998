/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet referral answer | open: what came of a referral, told when the
 * person comes back. */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/visit_print.h"
#include "carnet/store/visit_store.h"

static const char usage_referral_answer[] =
	"Usage : carnet referral answer ID_PASSAGE CODE\n"
	"\n"
	"Enregistre ce qu'est devenue l'orientation d'un passage (« orienté vers »),\n"
	"quand la personne revient : CODE est oui (s'y est rendue), non (ne s'y est\n"
	"pas rendue) ou nsp (ne sait pas), liste orientation_suite. La date de la\n"
	"réponse est gardée avec le passage. Une nouvelle réponse remplace l'ancienne ;\n"
	"un CODE vide (\"\") retire la réponse.\n"
	"« carnet referral open CODE_USAGER » ou « carnet person show » donnent\n"
	"l'identifiant du passage.\n";

static const char usage_referral_open[] =
	"Usage : carnet referral open CODE_USAGER [--before AAAA-MM-JJ]\n"
	"\n"
	"Affiche la dernière orientation sans réponse de l'usager : le dernier passage\n"
	"avant la date donnée (défaut : aujourd'hui) dont « orienté vers » est rempli\n"
	"et dont on ne sait pas encore si la personne s'y est rendue. Code de retour 3\n"
	"quand il n'y en a pas.\n";

const char usage_referral[] =
	"Usage : carnet referral answer ID_PASSAGE oui|non|nsp\n"
	"        carnet referral open CODE_USAGER [--before AAAA-MM-JJ]\n"
	"\n"
	"Le suivi des orientations : quand une personne orientée ailleurs revient,\n"
	"« referral open » retrouve sa dernière orientation sans réponse, et\n"
	"« referral answer » enregistre si elle s'y est rendue. « carnet person show »\n"
	"liste les orientations d'un usager et leur suite.\n";

static int referral_answer(struct app *app, int argc, char **argv)
{
	struct cn_err err;
	const char *id, *code;
	int rc;

	if ((rc = app_config(app)) != EXIT_OK ||
	    (rc = cli_no_options(app, "referral answer", argc, argv)) != EXIT_OK)
		return rc;
	if (argc - optind < 2)
		return app_fail(app, EXIT_USAGE,
		                "referral answer : %s manquant. Voir « carnet referral answer --help ».",
		                argc - optind < 1 ? "identifiant du passage" : "code de la réponse");
	if (argc - optind > 2)
		return app_fail(app, EXIT_USAGE, "referral answer : argument en trop « %s »",
		                argv[optind + 2]);
	id = argv[optind];
	code = argv[optind + 1];
	/* "" takes the answer back. */
	if (code[0] && lists_check(&app->cfg.lists, L_ORIENTATION_SUITE, code, false, &err) != CN_OK)
		return app_report(app, CN_EINVAL, "referral answer", &err);
	if ((rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if ((rc = visit_answer_referral(app->st, &app->cfg.lists, id, code, &err)) != CN_OK)
		return app_report(app, rc, "referral answer", &err);
	return EXIT_OK;
}

static int referral_open(struct app *app, int argc, char **argv)
{
	static const struct option longopts[] = {{"before", required_argument, NULL, 'b'},
	                                         {NULL, 0, NULL, 0}};
	char before[DATE_LEN] = "", code[PCODE_MAX], when[DATE_LEN + 8];
	struct cn_err err;
	struct visit v;
	int opt, rc;

	if ((rc = app_config(app)) != EXIT_OK)
		return rc;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (opt != 'b')
			return cli_bad_option(app, "referral open", "referral open", argv[optind - 1]);
		if ((rc = cli_date(app, "--before", optarg, before)) != EXIT_OK)
			return rc;
	}
	if (optind >= argc)
		return app_fail(app, EXIT_USAGE, "referral open : code usager manquant. Voir « carnet "
		                "referral open --help ».");
	if (optind + 1 < argc)
		return app_fail(app, EXIT_USAGE, "referral open : argument en trop « %s »",
		                argv[optind + 1]);
	if (!person_code_normalize(argv[optind], code))
		return app_fail(app, EXIT_INVALID,
		                "referral open : code usager invalide « %s » (4 à 16 lettres ou chiffres)",
		                argv[optind]);
	if (!before[0]) {
		struct cn_date today;
		int hour, minute;
		if ((rc = clock_now(&today, &hour, &minute, &err)) != CN_OK)
			return app_report(app, rc, NULL, &err);
		date_format(&today, before);
	}
	if ((rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if ((rc = visit_open_referral(app->st, code, before, &v, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	snprintf(when, sizeof when, "%.2s/%.2s/%.4s", v.date + 8, v.date + 5, v.date);
	fprintf(app->out, "Orientée vers %s le %s%s%s\n",
	        lists_label(&app->cfg.lists, L_ORIENTE_VERS, v.referred_to), when,
	        v.referral_how[0] ? ", " : "",
	        v.referral_how[0] ? lists_label(&app->cfg.lists, L_ORIENTATION_MODE, v.referral_how)
	                          : "");
	if (v.referred_place[0])
		fprintf(app->out, "Lieu : %s\n", v.referred_place);
	fprintf(app->out, "Passage %s\n", v.id);
	return EXIT_OK;
}

const struct subcommand referral_subs[] = {
	{"answer", usage_referral_answer, referral_answer},
	{"open", usage_referral_open, referral_open},
	{NULL, NULL, NULL},
};

int cmd_referral(struct app *app, int argc, char **argv)
{
	return cli_run_sub(app, "referral", referral_subs, argc, argv);
}
