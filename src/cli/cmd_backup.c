/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet backup and carnet check: a consistent copy, and SQLite's
 * integrity check. */
#include <string.h>
#include "carnet/cli/cli.h"

const char usage_backup[] =
	"Usage : carnet backup FICHIER\n"
	"\n"
	"Écrit une copie cohérente de la base dans FICHIER (nouveau, lisible par son seul\n"
	"propriétaire), par la sauvegarde en ligne de SQLite : l'écran de saisie peut\n"
	"continuer d'enregistrer pendant la copie. La copie est une base carnet complète\n"
	"(carnet --db FICHIER l'ouvre). Elle contient des données personnelles : gardez-la\n"
	"comme la base.\n";

const char usage_check[] =
	"Usage : carnet check\n"
	"\n"
	"Vérifie l'intégrité de la base (PRAGMA integrity_check de SQLite) et le dit.\n"
	"Code de retour 0 si la base est intègre, 5 sinon.\n";

static int one_argument(struct app *app, const char *command, int argc, char **argv, int want)
{
	if (argc - 1 == want)
		return EXIT_OK;
	if (argc > 1 && argv[1][0] == '-' && argv[1][1])
		return cli_bad_option(app, command, command, argv[1]);
	app_fail(app, EXIT_USAGE, argc - 1 < want ? "%s : le fichier de la copie manque"
	                                          : "%s : argument en trop",
	         command);
	return cli_usage_error(app, command);
}

int cmd_backup(struct app *app, int argc, char **argv)
{
	struct cn_err err;
	long visits = 0;
	int rc;

	if ((rc = one_argument(app, "backup", argc, argv, 1)) != EXIT_OK ||
	    (rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if ((rc = store_backup(app->st, argv[1], &err)) != CN_OK)
		return app_report(app, rc, "backup", &err);
	store_scalar(app->st, "SELECT count(*) FROM visit WHERE deleted_at IS NULL", &visits, &err);
	fprintf(app->out, "Copie écrite : %s (%ld passage%s)\n", argv[1], visits,
	        visits > 1 ? "s" : "");
	return EXIT_OK;
}

static void tell(void *ctx, const char *problem)
{
	struct app *app = ctx;
	fprintf(app->out, "  %s\n", problem);
}

int cmd_check(struct app *app, int argc, char **argv)
{
	struct cn_err err;
	int rc;

	if ((rc = one_argument(app, "check", argc, argv, 0)) != EXIT_OK ||
	    (rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	rc = store_check(app->st, tell, app, &err);
	if (rc != CN_OK)
		return app_fail(app, EXIT_DB, "%s : base endommagée : %s ; restaurez une copie "
		                              "(carnet backup) ou demandez de l'aide",
		                store_path(app->st), err.msg);
	fprintf(app->out, "Base intègre : %s\n", store_path(app->st));
	return EXIT_OK;
}
