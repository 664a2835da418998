/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet time add | list | show | edit | delete: time outside accompaniment. */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/list_opts.h"
#include "carnet/cli/worktime_opts.h"
#include "carnet/cli/worktime_print.h"
#include "carnet/store/worktime_store.h"

#define TIME_OPTIONS_HELP                                                                \
	"  --date AAAA-MM-JJ         date (défaut : aujourd'hui)\n"                         \
	"  --time HH:MM              heure de début (défaut : maintenant)\n"                \
	"  --duration DURÉE          durée, de 1 à 720 minutes (45, 1h30, 1 h 30)\n"       \
	"  --kind CODE               nature du temps (liste temps)\n"                      \
	"  --site CODE               site (défaut : [desk] site)\n"                         \
	"  --mediator CODE           médiateur (défaut : [desk] mediator)\n"                \
	"  --note TEXTE              note courte : ni nom, ni donnée de santé\n"

const char usage_time[] =
	"Usage : carnet time add --duration DURÉE --kind CODE [OPTIONS]\n"
	"        carnet time list [--from DATE] [--to DATE] [--site CODE]\n"
	"                         [--mediator CODE] [--format table|csv] [-o FICHIER]\n"
	"        carnet time show ID\n"
	"        carnet time edit ID [OPTIONS]\n"
	"        carnet time delete ID\n"
	"\n"
	"Enregistre le temps de travail hors accompagnement : préparation,\n"
	"coordination, réunions, formation des agents…\n"
	"« carnet time SOUS-COMMANDE --help » détaille chaque sous-commande.\n";

static const char usage_time_add[] =
	"Usage : carnet time add --duration DURÉE --kind CODE [OPTIONS]\n"
	"\n"
	"Enregistre un temps hors accompagnement et affiche son identifiant.\n"
	"« carnet lists » donne les codes de la liste temps.\n"
	"\n"
	"Options :\n" TIME_OPTIONS_HELP
	"\n"
	"Exemple :\n"
	"  carnet time add --duration 30 --kind coordination\n";

static const char usage_time_edit[] =
	"Usage : carnet time edit ID [OPTIONS]\n"
	"\n"
	"Modifie les champs donnés d'un temps ; les autres ne changent pas.\n"
	"ID est l'identifiant complet ou son début (8 caractères, comme dans la liste).\n"
	"Une valeur vide efface un champ facultatif : --mediator \"\", --note \"\".\n"
	"\n"
	"Options : celles de « carnet time add ».\n"
	"\n" TIME_OPTIONS_HELP;

static const char usage_time_list[] =
	"Usage : carnet time list [OPTIONS]\n"
	"\n"
	"Liste les temps hors accompagnement d'une période (défaut : le mois en cours),\n"
	"avec le total.\n"
	"\n"
	"Options :\n"
	"  --from AAAA-MM-JJ      premier jour\n"
	"  --to AAAA-MM-JJ        dernier jour\n"
	"  --site CODE[,CODE…]    sites\n"
	"  --mediator CODE[,…]    médiateurs\n"
	"  --format FORMAT        table (défaut) ou csv : tableur français (« ; », BOM)\n"
	"  -o FICHIER             écrire dans FICHIER\n";

static const char usage_time_show[] =
	"Usage : carnet time show ID\n"
	"\n"
	"Affiche tous les champs d'un temps hors accompagnement, avec leurs libellés.\n";

static const char usage_time_delete[] =
	"Usage : carnet time delete ID\n"
	"\n"
	"Supprime un temps hors accompagnement. Il n'apparaît plus nulle part, mais sa\n"
	"suppression est conservée pour être transmise aux autres postes lors d'une\n"
	"fusion.\n";

/* What "show", "delete"… without their argument lack. */
#define NO_ID "identifiant du temps"

static int time_add(struct app *app, int argc, char **argv)
{
	static const enum worktime_field required[] = {TF_DURATION, TF_KIND};
	struct worktime_opts o;
	struct worktime t;
	struct cn_date today;
	struct cn_err err;
	int hour, minute, rc;

	if ((rc = app_config(app)) != EXIT_OK ||
	    (rc = worktime_opts_parse(app, "time add", argc, argv, &o)) != EXIT_OK)
		return rc;
	if (optind < argc)
		return app_fail(app, EXIT_USAGE, "time add : argument en trop « %s »", argv[optind]);
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!o.set[required[i]]) {
			char accepted[512] = "";
			if (required[i] == TF_KIND)
				lists_accepted(&app->cfg.lists, L_TEMPS, accepted, sizeof accepted);
			return app_fail(app, EXIT_INVALID, "%s : obligatoire (%s)%s%s",
			                worktime_opts_name(required[i]),
			                worktime_field_label(required[i]),
			                accepted[0] ? ". Valeurs acceptées : " : "", accepted);
		}
	if ((rc = clock_now(&today, &hour, &minute, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	worktime_init(&t);
	date_format(&today, t.date);
	time_format(hour, minute, t.time);
	strcpy(t.site, app->cfg.site);
	strcpy(t.mediator, app->cfg.mediator);
	worktime_opts_apply(&o, &t);
	if ((rc = cli_site_required(app, t.site)) != EXIT_OK)
		return rc;
	if ((rc = worktime_validate(&t, NULL, &app->cfg.lists, &err)) != CN_OK)
		return worktime_opts_report(app, rc, &err);
	if ((rc = app_open(app)) != EXIT_OK)
		return rc;
	if ((rc = worktime_create(app->st, &app->cfg.lists, &t, &err)) != CN_OK)
		return worktime_opts_report(app, rc, &err);
	fprintf(app->out, "%s\n", t.id);
	fflush(app->out);
	return EXIT_OK;
}

static int time_edit(struct app *app, int argc, char **argv)
{
	struct worktime_opts o;
	struct worktime t;
	struct cn_err err;
	const char *id;
	int rc;

	if ((rc = app_config(app)) != EXIT_OK ||
	    (rc = worktime_opts_parse(app, "time edit", argc, argv, &o)) != EXIT_OK ||
	    (rc = cli_one_argument(app, "time edit", NO_ID, argc, argv, &id)) != EXIT_OK)
		return rc;
	if (memchr(o.set, true, sizeof o.set) == NULL)
		return app_fail(app, EXIT_USAGE, "time edit : aucun champ à modifier. Voir « carnet "
		                "time edit --help ».");
	if ((rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if ((rc = worktime_get(app->st, id, false, &t, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	worktime_opts_apply(&o, &t);
	if ((rc = worktime_update(app->st, &app->cfg.lists, &t, &err)) != CN_OK)
		return worktime_opts_report(app, rc, &err);
	fprintf(app->out, "%s\n", t.id);
	return EXIT_OK;
}

static int time_delete(struct app *app, int argc, char **argv)
{
	struct worktime t;
	struct cn_err err;
	const char *id;
	int rc;

	if ((rc = cli_open_with_id(app, "time delete", NO_ID, argc, argv, &id)) != EXIT_OK)
		return rc;
	if ((rc = worktime_get(app->st, id, false, &t, &err)) != CN_OK ||
	    (rc = worktime_delete(app->st, t.id, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	fprintf(app->out, "Temps supprimé : %s\n", t.id);
	return EXIT_OK;
}

static int time_show(struct app *app, int argc, char **argv)
{
	struct worktime t;
	struct cn_err err;
	const char *id;
	int rc;

	if ((rc = cli_open_with_id(app, "time show", NO_ID, argc, argv, &id)) != EXIT_OK)
		return rc;
	if ((rc = worktime_get(app->st, id, false, &t, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	worktime_print_sheet(app->out, &app->cfg.lists, &t);
	return EXIT_OK;
}

static int write_list(struct app *app, const struct list_opts *o, struct output *out)
{
	struct worktime_table t;
	struct cn_err err;
	int rc;

	worktime_table_begin(&t, out->f, &app->cfg.lists);
	if (o->format == FORMAT_CSV)
		worktime_csv_header(out->f);
	rc = worktime_each(app->st, &o->f, o->format == FORMAT_CSV ? worktime_csv_row
	                                                             : worktime_table_row,
	                   &t, &err);
	if (rc != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (o->format == FORMAT_CSV)
		return EXIT_OK;
	if (t.count == 0)
		list_none(out->f, &o->f, "Aucun temps hors accompagnement");
	worktime_table_end(&t);
	return EXIT_OK;
}

static int time_list(struct app *app, int argc, char **argv)
{
	struct list_opts o;
	int rc;

	if ((rc = list_opts_parse(app, "time list", 0, argc, argv, &o)) != EXIT_OK)
		return rc;
	return list_opts_write(app, &o, write_list);
}

const struct subcommand time_subs[] = {
	{"add", usage_time_add, time_add},
	{"list", usage_time_list, time_list},
	{"show", usage_time_show, time_show},
	{"edit", usage_time_edit, time_edit},
	{"delete", usage_time_delete, time_delete},
	{NULL, NULL, NULL},
};

int cmd_time(struct app *app, int argc, char **argv)
{
	return cli_run_sub(app, "time", time_subs, argc, argv);
}
