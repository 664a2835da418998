/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "carnet/model/lists.h"
#include "carnet/cli/cli.h"

const struct command cli_commands[] = {
	{"add", "enregistrer un passage", usage_add, cmd_add, NULL},
	{"list", "lister les passages d'une période", usage_list, cmd_list, NULL},
	{"show", "afficher un passage", usage_show, cmd_show, NULL},
	{"edit", "modifier un passage", usage_edit, cmd_edit, NULL},
	{"delete", "supprimer un passage", usage_delete, cmd_delete, NULL},
	{"person", "créer, modifier ou afficher un usager (code pseudonyme)", usage_person,
	 cmd_person, NULL},
	{"referral", "suivi des orientations : la personne s'y est-elle rendue ?", usage_referral,
	 cmd_referral, referral_subs},
	{"workshop", "enregistrer, lister, modifier les ateliers collectifs", usage_workshop,
	 cmd_workshop, workshop_subs},
	{"time", "enregistrer, lister, modifier le temps hors accompagnement", usage_time,
	 cmd_time, time_subs},
	{"place", "gérer l'annuaire des lieux d'orientation (standard national, CSV)",
	 usage_place, cmd_place, place_subs},
	{"slip", "fiche d'orientation à remettre (texte 42 colonnes, HTML A5, imprimante)",
	 usage_slip, cmd_slip, NULL},
	{"lists", "afficher les listes de valeurs (codes et libellés)", usage_lists, cmd_lists, NULL},
	{"report", "bilan d'activité d'une période (texte, HTML, CSV, xlsx, JSON)", usage_report,
	 cmd_report, NULL},
	{"export", "écrire passages, ateliers et temps au format d'échange (CSV)", usage_export, cmd_export, NULL},
	{"import", "lire un fichier au format d'échange (CSV)", usage_import, cmd_import, NULL},
	{"merge", "apporter passages, ateliers et temps d'autres postes", usage_merge, cmd_merge, NULL},
	{"backup", "écrire une copie cohérente de la base", usage_backup, cmd_backup, NULL},
	{"check", "vérifier l'intégrité de la base", usage_check, cmd_check, NULL},
	{"purge", "effacer ce qui précède une date (durée de conservation)", usage_purge,
	 cmd_purge, NULL},
	{"forget", "effacer un usager (droit à l'effacement)", usage_forget, cmd_forget, NULL},
	{"keys", "afficher les touches de l'écran de saisie", usage_keys, cmd_keys, NULL},
	{"help", "afficher l'aide d'une commande", NULL, NULL, NULL},
	{NULL, NULL, NULL, NULL, NULL},
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

const char *cli_usage(const struct command *cmd, const char *sub)
{
	if (sub && cmd->subs)
		for (const struct subcommand *s = cmd->subs; s->name; s++)
			if (strcmp(s->name, sub) == 0 && s->usage)
				return s->usage;
	return cmd->usage;
}

int cli_wants_help(struct app *app, const struct command *cmd, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(cli_usage(cmd, argc > 1 ? argv[1] : NULL), app->out);
			return 1;
		}
	}
	return 0;
}

/* "add, list, show, edit ou delete" */
static void sub_names(const struct subcommand *subs, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (const struct subcommand *s = subs; s->name; s++) {
		int n = snprintf(out + used, size - used, "%s%s", s == subs ? "" : s[1].name ? ", " : " ou ",
		                 s->name);
		if (n < 0 || (size_t)n >= size - used)
			return;
		used += (size_t)n;
	}
}

int cli_run_sub(struct app *app, const char *command, const struct subcommand *subs, int argc,
                char **argv)
{
	char names[256];

	sub_names(subs, names, sizeof names);
	if (argc < 2)
		return app_fail(app, EXIT_USAGE,
		                "%s : sous-commande manquante (%s). Voir « carnet %s --help ».", command,
		                names, command);
	for (const struct subcommand *s = subs; s->name; s++)
		if (strcmp(argv[1], s->name) == 0)
			return s->run(app, argc - 1, argv + 1);
	return app_fail(app, EXIT_USAGE,
	                "%s : sous-commande inconnue « %s » (%s). Voir « carnet %s --help ».", command,
	                argv[1], names, command);
}

int cli_no_options(struct app *app, const char *command, int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1] != '\0' && strcmp(argv[i], "--") != 0) {
			app_fail(app, EXIT_USAGE, "%s : option inconnue « %s »", command, argv[i]);
			return cli_usage_error(app, command);
		}
	optind = 1;
	if (argc > 1 && strcmp(argv[1], "--") == 0)
		optind = 2;
	return EXIT_OK;
}

int cli_one_argument(struct app *app, const char *command, const char *missing, int argc,
                     char **argv, const char **arg)
{
	if (optind >= argc)
		return app_fail(app, EXIT_USAGE, "%s : %s manquant. Voir « carnet %s --help ».", command,
		                missing, command);
	if (optind + 1 < argc)
		return app_fail(app, EXIT_USAGE, "%s : argument en trop « %s »", command,
		                argv[optind + 1]);
	*arg = argv[optind];
	return EXIT_OK;
}

int cli_open_with_id(struct app *app, const char *command, const char *missing, int argc,
                     char **argv, const char **id)
{
	int rc;

	if ((rc = cli_no_options(app, command, argc, argv)) != EXIT_OK ||
	    (rc = cli_one_argument(app, command, missing, argc, argv, id)) != EXIT_OK)
		return rc;
	return app_open_existing(app);
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

int cli_time(struct app *app, const char *option, const char *arg, char out[HHMM_LEN])
{
	if (!time_parse(arg, out))
		return app_fail(app, EXIT_INVALID,
		                "%s : heure invalide « %s » (attendu HH:MM, de 00:00 à 23:59)", option, arg);
	return EXIT_OK;
}

int cli_duration(struct app *app, const char *option, const char *arg, int max, int *out)
{
	if (!duration_parse_upto(arg, max, out))
		return app_fail(app, EXIT_INVALID,
		                "%s : durée invalide « %s » : de 1 à %d minutes (45, 90, 1h30…)", option,
		                arg, max);
	return EXIT_OK;
}

int cli_code(struct app *app, const char *option, int list, const char *arg,
             char out[CODE_MAX])
{
	struct cn_err err;

	if (!arg[0]) {
		out[0] = '\0';
		return EXIT_OK;
	}
	if (!code_normalize(arg, out)) {
		/* Not even the shape of a code: report it with the accepted values. */
		lists_check(&app->cfg.lists, (enum list_id)list, arg, false, &err);
		return app_report(app, CN_EINVAL, option, &err);
	}
	return EXIT_OK;
}

int cli_codes(struct app *app, const char *option, int list, const char *arg,
              struct codeset *set)
{
	struct codeset more;
	struct cn_err err;

	if (codeset_parse(&more, arg, &err) != CN_OK) {
		char accepted[512];
		lists_accepted(&app->cfg.lists, (enum list_id)list, accepted, sizeof accepted);
		return app_fail(app, EXIT_INVALID, "%s : %s. Valeurs acceptées : %s", option, err.msg,
		                accepted);
	}
	for (int i = 0; i < more.n; i++)
		if (!codeset_has(set, more.v[i]) && codeset_add(set, more.v[i]) != CN_OK)
			return app_fail(app, EXIT_INVALID, "%s : trop de codes (%d au plus)", option,
			                CODESET_MAX);
	return EXIT_OK;
}

int cli_text(struct app *app, const char *option, const char *arg, char *dst, size_t size,
             size_t max)
{
	if (strlen(arg) >= size)
		return app_fail(app, EXIT_INVALID, "%s : texte trop long (%zu caractères au plus)",
		                option, max);
	memcpy(dst, arg, strlen(arg) + 1);
	return EXIT_OK;
}

int cli_count(struct app *app, const char *option, const char *arg, int max, int *out)
{
	char *end;
	long n;

	if (!arg[0]) {
		*out = -1;
		return EXIT_OK;
	}
	n = strtol(arg, &end, 10);
	if (*end || arg[0] < '0' || arg[0] > '9' || n > max)
		return app_fail(app, EXIT_INVALID, "%s : nombre invalide « %s » : de 0 à %d", option,
		                arg, max);
	*out = (int)n;
	return EXIT_OK;
}

int cli_site_required(struct app *app, const char *site)
{
	char accepted[512];

	if (site[0])
		return EXIT_OK;
	lists_accepted(&app->cfg.lists, L_SITE, accepted, sizeof accepted);
	return app_fail(app, EXIT_INVALID,
	                "--site : obligatoire, aucun site par défaut dans [desk] de la "
	                "configuration. Valeurs acceptées : %s",
	                accepted);
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
