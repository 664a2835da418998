/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet workshop add | list | show | edit | delete: collective workshops. */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/list_opts.h"
#include "carnet/cli/workshop_opts.h"
#include "carnet/cli/workshop_print.h"
#include "carnet/store/workshop_store.h"

#define WORKSHOP_OPTIONS_HELP                                                             \
	"  --date AAAA-MM-JJ          date de l'atelier (défaut : aujourd'hui)\n"            \
	"  --time HH:MM               heure de début (défaut : maintenant)\n"                \
	"  --duration DURÉE           durée, de 1 à 480 minutes (90, 1h30, 1 h 30)\n"        \
	"  --site CODE                site (défaut : [desk] site)\n"                          \
	"  --mediator CODE[,CODE…]    animateurs, répétable (défaut : [desk] mediator)\n"    \
	"  --title TEXTE              intitulé de l'atelier\n"                                \
	"  --theme CODE[,CODE…]       thèmes (liste theme_atelier, au moins un)\n"            \
	"  --level CODE               niveau (liste niveau_atelier)\n"                        \
	"  --place CODE               lieu (liste lieu_atelier)\n"                            \
	"  --registered N             nombre d'inscrits, de 0 à 999 (\"\" : inconnu)\n"       \
	"  --participant CODE[:absent]  usager inscrit, présent sauf « :absent » ;\n"        \
	"                             répétable, ou CODE,CODE:absent…\n"                      \
	"  --anonymous N              participants sans code, de 0 à 999\n"                   \
	"  --anonymous-gender CODE=N,…     anonymes par genre (femme=3,homme=2)\n"           \
	"  --anonymous-age CODE=N,…        anonymes par tranche d'âge (25_39=2)\n"           \
	"  --anonymous-situation CODE=N,…  anonymes par situation (retraite=2)\n"            \
	"  --equipment CODE[,CODE…]   matériel utilisé (liste materiel)\n"                    \
	"  --note TEXTE               note courte : ni nom, ni donnée de santé\n"

const char usage_workshop[] =
	"Usage : carnet workshop add --duration DURÉE --theme CODE [OPTIONS]\n"
	"        carnet workshop list [--from DATE] [--to DATE] [--site CODE]\n"
	"                             [--mediator CODE] [--person CODE]\n"
	"                             [--format table|csv] [-o FICHIER]\n"
	"        carnet workshop show ID\n"
	"        carnet workshop edit ID [OPTIONS]\n"
	"        carnet workshop delete ID\n"
	"\n"
	"Enregistre les ateliers collectifs : leurs participants avec un code usager\n"
	"(présents ou absents) et les participants anonymes, comptés.\n"
	"« carnet workshop SOUS-COMMANDE --help » détaille chaque sous-commande.\n";

static const char usage_workshop_add[] =
	"Usage : carnet workshop add --duration DURÉE --theme CODE[,CODE…] [OPTIONS]\n"
	"\n"
	"Enregistre un atelier collectif et affiche son identifiant. Il faut au moins\n"
	"une personne présente : --participant CODE ou --anonymous N. Moins d'inscrits\n"
	"que de présents est accepté (venus sans inscription).\n"
	"\n"
	"Options :\n" WORKSHOP_OPTIONS_HELP
	"\n"
	"Exemple :\n"
	"  carnet workshop add --duration 1h30 --theme mail --level debutant \\\n"
	"                      --anonymous 6 --participant K7M2QX\n";

static const char usage_workshop_edit[] =
	"Usage : carnet workshop edit ID [OPTIONS]\n"
	"\n"
	"Modifie les champs donnés d'un atelier ; les autres ne changent pas.\n"
	"ID est l'identifiant complet ou son début (8 caractères, comme dans la liste).\n"
	"Une valeur vide efface un champ facultatif : --level \"\", --registered \"\"…\n"
	"--participant ajoute un usager ou change sa présence : CODE:absent,\n"
	"CODE:present. --no-participant CODE le retire des participants.\n"
	"\n"
	"Options : celles de « carnet workshop add », et aussi\n"
	"  --no-participant CODE      retire un usager des participants\n"
	"\n" WORKSHOP_OPTIONS_HELP;

static const char usage_workshop_list[] =
	"Usage : carnet workshop list [OPTIONS]\n"
	"\n"
	"Liste les ateliers d'une période (défaut : le mois en cours), avec le total.\n"
	"\n"
	"Options :\n"
	"  --from AAAA-MM-JJ      premier jour\n"
	"  --to AAAA-MM-JJ        dernier jour\n"
	"  --site CODE[,CODE…]    sites\n"
	"  --mediator CODE[,…]    ateliers animés par l'un de ces médiateurs\n"
	"  --person CODE          ateliers où cet usager était inscrit, avec sa présence\n"
	"  --format FORMAT        table (défaut) ou csv : tableur français (« ; », BOM)\n"
	"  -o FICHIER             écrire dans FICHIER\n";

static const char usage_workshop_show[] =
	"Usage : carnet workshop show ID\n"
	"\n"
	"Affiche tous les champs d'un atelier, avec leurs libellés, ses participants et\n"
	"leur présence, les anonymes et la participation (présents pour inscrits).\n";

static const char usage_workshop_delete[] =
	"Usage : carnet workshop delete ID\n"
	"\n"
	"Supprime un atelier. Il n'apparaît plus nulle part, mais sa suppression est\n"
	"conservée pour être transmise aux autres postes lors d'une fusion.\n";

/* What "show", "delete"… without their argument lack. */
#define NO_ID "identifiant de l'atelier"

static int workshop_add(struct app *app, int argc, char **argv)
{
	struct workshop_opts o;
	struct workshop w;
	struct cn_date today;
	struct cn_err err;
	int hour, minute, rc;

	if ((rc = app_config(app)) != EXIT_OK ||
	    (rc = workshop_opts_parse(app, "workshop add", false, argc, argv, &o)) != EXIT_OK)
		return rc;
	if (optind < argc)
		return app_fail(app, EXIT_USAGE, "workshop add : argument en trop « %s »", argv[optind]);
	if (!o.set[WF_DURATION])
		return app_fail(app, EXIT_INVALID, "--duration : obligatoire (durée de l'atelier)");
	if ((rc = clock_now(&today, &hour, &minute, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	workshop_init(&w);
	date_format(&today, w.date);
	time_format(hour, minute, w.time);
	strcpy(w.site, app->cfg.site);
	if (app->cfg.mediator[0])
		codeset_add(&w.mediators, app->cfg.mediator);
	if ((rc = workshop_opts_apply(app, &o, &w)) != EXIT_OK ||
	    (rc = cli_site_required(app, w.site)) != EXIT_OK)
		return rc;
	/* Check everything before touching the database. */
	if ((rc = workshop_validate(&w, NULL, &app->cfg.lists, &err)) != CN_OK)
		return workshop_opts_report(app, rc, &err);
	if ((rc = app_open(app)) != EXIT_OK)
		return rc;
	if ((rc = workshop_create(app->st, &app->cfg.lists, &w, &err)) != CN_OK)
		return workshop_opts_report(app, rc, &err);
	fprintf(app->out, "%s\n", w.id);
	fflush(app->out);
	return EXIT_OK;
}

static int workshop_edit(struct app *app, int argc, char **argv)
{
	struct workshop_opts o;
	struct workshop w;
	struct cn_err err;
	const char *id;
	int rc;

	if ((rc = app_config(app)) != EXIT_OK ||
	    (rc = workshop_opts_parse(app, "workshop edit", true, argc, argv, &o)) != EXIT_OK ||
	    (rc = cli_one_argument(app, "workshop edit", NO_ID, argc, argv, &id)) != EXIT_OK)
		return rc;
	if (memchr(o.set, true, sizeof o.set) == NULL)
		return app_fail(app, EXIT_USAGE, "workshop edit : aucun champ à modifier. Voir "
		                "« carnet workshop edit --help ».");
	if ((rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if ((rc = workshop_get(app->st, id, false, &w, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	if ((rc = workshop_opts_apply(app, &o, &w)) != EXIT_OK)
		return rc;
	if ((rc = workshop_update(app->st, &app->cfg.lists, &w, &err)) != CN_OK)
		return workshop_opts_report(app, rc, &err);
	fprintf(app->out, "%s\n", w.id);
	return EXIT_OK;
}

static int workshop_delete_cmd(struct app *app, int argc, char **argv)
{
	struct workshop w;
	struct cn_err err;
	const char *id;
	int rc;

	if ((rc = cli_open_with_id(app, "workshop delete", NO_ID, argc, argv, &id)) != EXIT_OK)
		return rc;
	if ((rc = workshop_get(app->st, id, false, &w, &err)) != CN_OK ||
	    (rc = workshop_delete(app->st, w.id, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	fprintf(app->out, "Atelier supprimé : %s\n", w.id);
	return EXIT_OK;
}

static int workshop_show(struct app *app, int argc, char **argv)
{
	struct workshop w;
	struct cn_err err;
	const char *id;
	int rc;

	if ((rc = cli_open_with_id(app, "workshop show", NO_ID, argc, argv, &id)) != EXIT_OK)
		return rc;
	if ((rc = workshop_get(app->st, id, false, &w, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	workshop_print_sheet(app->out, &app->cfg.lists, &w);
	return EXIT_OK;
}

static int write_list(struct app *app, const struct list_opts *o, struct output *out)
{
	struct workshop_table t;
	struct cn_err err;
	int rc;

	workshop_table_begin(&t, out->f, &app->cfg.lists, o->f.person[0] ? o->f.person : NULL);
	if (o->format == FORMAT_CSV)
		workshop_csv_header(out->f);
	rc = workshop_each(app->st, &o->f, o->format == FORMAT_CSV ? workshop_csv_row
	                                                             : workshop_table_row,
	                   &t, &err);
	if (rc != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (o->format == FORMAT_CSV)
		return EXIT_OK;
	if (t.count == 0)
		list_none(out->f, &o->f, "Aucun atelier");
	workshop_table_end(&t);
	return EXIT_OK;
}

static int workshop_list(struct app *app, int argc, char **argv)
{
	struct list_opts o;
	int rc;

	if ((rc = list_opts_parse(app, "workshop list", LIST_PERSON, argc, argv, &o)) != EXIT_OK)
		return rc;
	return list_opts_write(app, &o, write_list);
}

const struct subcommand workshop_subs[] = {
	{"add", usage_workshop_add, workshop_add},
	{"list", usage_workshop_list, workshop_list},
	{"show", usage_workshop_show, workshop_show},
	{"edit", usage_workshop_edit, workshop_edit},
	{"delete", usage_workshop_delete, workshop_delete_cmd},
	{NULL, NULL, NULL},
};

int cmd_workshop(struct app *app, int argc, char **argv)
{
	return cli_run_sub(app, "workshop", workshop_subs, argc, argv);
}
