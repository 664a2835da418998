/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "carnet/cli/cli.h"

const struct command cli_commands[] = {
	{"add", "enregistrer un passage", usage_add, cmd_add},
	{"list", "lister les passages d'une période", usage_list, cmd_list},
	{"show", "afficher un passage", usage_show, cmd_show},
	{"edit", "modifier un passage", usage_edit, cmd_edit},
	{"delete", "supprimer un passage", usage_delete, cmd_delete},
	{"person", "créer, modifier ou afficher un usager (code pseudonyme)", usage_person,
	 cmd_person},
	{"lists", "afficher les listes de valeurs (codes et libellés)", usage_lists, cmd_lists},
	{"report", "bilan d'activité d'une période (texte, HTML, CSV, xlsx, JSON)", usage_report, cmd_report},
	{"export", "écrire les passages au format d'échange (CSV)", usage_export, cmd_export},
	{"import", "lire des passages au format d'échange (CSV)", usage_import, cmd_import},
	{"merge", "apporter les passages des bases d'autres postes", usage_merge, cmd_merge},
	{"backup", "écrire une copie cohérente de la base", usage_backup, cmd_backup},
	{"check", "vérifier l'intégrité de la base", usage_check, cmd_check},
	{"purge", "effacer les passages d'avant une date (durée de conservation)", usage_purge,
	 cmd_purge},
	{"forget", "effacer un usager (droit à l'effacement)", usage_forget, cmd_forget},
	{"keys", "afficher les touches de l'écran de saisie", usage_keys, cmd_keys},
	{"help", "afficher l'aide d'une commande", NULL, NULL},
	{NULL, NULL, NULL, NULL},
};

const struct command *cli_find(const char *name)
{
	for (const struct command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int cli_usage_error(struct app *app, const char *command)
{
	fprintf(app->err, "Voir « carnet %s --help ».\n", command);
	return EXIT_USAGE;
}

int cli_bad_option(struct app *app, const char *command, const char *help, const char *arg)
{
	app_fail(app, EXIT_USAGE, "%s : option inconnue ou sans sa valeur « %s »", command, arg);
	return cli_usage_error(app, help);
}

int cli_wants_help(struct app *app, const struct command *cmd, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(cmd->usage, app->out);
			return 1;
		}
	}
	return 0;
}

int cli_add_codes(struct app *app, const char *option, const char *arg, struct codeset *set)
{
	struct codeset more;
	struct cn_err err;

	if (codeset_parse(&more, arg, &err) != CN_OK)
		return app_report(app, CN_EINVAL, option, &err);
	for (int i = 0; i < more.n; i++)
		if (codeset_add(set, more.v[i]) != CN_OK)
			return app_fail(app, EXIT_INVALID, "%s : trop de codes", option);
	return EXIT_OK;
}

int cli_date(struct app *app, const char *option, const char *arg, char out[DATE_LEN])
{
	struct cn_date d, today;
	struct cn_err err;

	if (clock_now(&today, NULL, NULL, &err) != CN_OK)
		return app_report(app, CN_EINVAL, NULL, &err);
	if (!date_parse_typed(arg, &today, &d))
		return app_fail(app, EXIT_INVALID,
		                "%s : date invalide « %s » (attendu AAAA-MM-JJ, JJ/MM/AAAA, JJ/MM, hier "
		                "ou avant-hier ; une date réelle)",
		                option, arg);
	date_format(&d, out);
	return EXIT_OK;
}

int cli_filter_option(struct app *app, int opt, const char *arg, char from[DATE_LEN],
                      char to[DATE_LEN], struct codeset *sites, struct codeset *mediators)
{
	switch (opt) {
	case 'f': return cli_date(app, "--from", arg, from);
	case 't': return cli_date(app, "--to", arg, to);
	case 's': return cli_add_codes(app, "--site", arg, sites);
	case 'm': return cli_add_codes(app, "--mediator", arg, mediators);
	default: return -1;
	}
}
