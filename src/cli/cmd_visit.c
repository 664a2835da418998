/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet add, edit, delete, show: one visit at a time. */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/visit_opts.h"
#include "carnet/cli/visit_print.h"
#include "carnet/store/visit_store.h"

#define VISIT_OPTIONS_HELP                                                                  \
	"  --date AAAA-MM-JJ         date du passage (défaut : aujourd'hui)\n"                 \
	"  --time HH:MM              heure de début (défaut : maintenant ; 14h30 accepté)\n"  \
	"  --duration MIN            durée en minutes, de 1 à 480 (1h30 accepté)\n"          \
	"  --canal CODE              canal du contact (défaut : libre)\n"                     \
	"  --demand CODE[,CODE…]     demandes ; la première est la demande principale\n"      \
	"  --organism CODE[,CODE…]   organismes concernés (aucun possible)\n"                 \
	"  --posture CODE            posture : pour, devant, avec, faire\n"                   \
	"  --outcome CODE            issue du passage\n"                                       \
	"  --urgent                  urgence (risque de rupture de droits)\n"                  \
	"  --absent                  demande traitée en l'absence de la personne\n"            \
	"  --referred-by CODE        orienté par\n"                                            \
	"  --referred-to CODE        orienté vers\n"                                           \
	"  --referred-place TEXTE    nom du lieu vers lequel la personne est orientée\n"       \
	"  --referral-place LIEU     lieu de l'annuaire (carnet place) ; remplit\n"            \
	"                            --referred-to par sa catégorie s'il manque\n"            \
	"  --referral-how CODE       façon d'orienter : explique, rdv, accompagne\n"          \
	"  --person CODE             code pseudonyme de l'usager (voir carnet person)\n"      \
	"  --note TEXTE              note courte : ni nom, ni donnée de santé ou d'identité\n" \
	"  --site CODE               site (défaut : [desk] site de la configuration)\n"       \
	"  --mediator CODE           médiateur (défaut : [desk] mediator)\n"

const char usage_add[] =
	"Usage : carnet add --duration MIN --demand CODE[,CODE…] --posture CODE [OPTIONS]\n"
	"\n"
	"Enregistre un passage et affiche son identifiant.\n"
	"Les codes s'écrivent en minuscules ou en majuscules ; « carnet lists » les donne tous.\n"
	"\n"
	"Options :\n" VISIT_OPTIONS_HELP
	"\n"
	"Exemple :\n"
	"  carnet add --duration 20 --demand suivi --organism caf --posture avec \\\n"
	"             --outcome aboutie\n";

const char usage_edit[] =
	"Usage : carnet edit ID [OPTIONS]\n"
	"\n"
	"Modifie les champs donnés d'un passage ; les autres ne changent pas.\n"
	"ID est l'identifiant complet ou son début (8 caractères, comme dans « carnet list »).\n"
	"Une valeur vide efface un champ facultatif : --organism \"\", --note \"\"…\n"
	"\n"
	"Options : celles de « carnet add », et aussi\n"
	"  --not-urgent              retire l'urgence\n"
	"  --present                 la personne était présente\n"
	"\n" VISIT_OPTIONS_HELP;

const char usage_delete[] =
	"Usage : carnet delete ID\n"
	"\n"
	"Supprime un passage. Il n'apparaît plus nulle part, mais sa suppression est\n"
	"conservée pour être transmise aux autres postes lors d'une fusion.\n";

const char usage_show[] =
	"Usage : carnet show ID\n"
	"\n"
	"Affiche tous les champs d'un passage, avec leurs libellés.\n";

/* What "show", "delete"… without their argument lack. */
#define NO_ID "identifiant du passage"

/* Reports a model error, naming the option of the field it is about. */
static int report(struct app *app, int status, const struct cn_err *err)
{
	return app_report(app, status, err->field >= 0 ? visit_opts_name(err->field) : NULL, err);
}

int cmd_add(struct app *app, int argc, char **argv)
{
	static const enum visit_field required[] = {VF_DURATION, VF_DEMANDS, VF_POSTURE};
	struct visit_opts o;
	struct visit v;
	struct cn_date today;
	struct cn_err err;
	int hour, minute, rc;

	if ((rc = app_config(app)) != EXIT_OK ||
	    (rc = visit_opts_parse(app, "add", argc, argv, &o)) != EXIT_OK)
		return rc;
	if (optind < argc)
		return app_fail(app, EXIT_USAGE, "add : argument en trop « %s »", argv[optind]);
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!o.set[required[i]])
			return app_fail(app, EXIT_INVALID, "%s : obligatoire (%s du passage)",
			                visit_opts_name(required[i]), visit_field_label(required[i]));
	if ((rc = clock_now(&today, &hour, &minute, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	visit_init(&v);
	date_format(&today, v.date);
	time_format(hour, minute, v.time);
	strcpy(v.canal, "libre");
	strcpy(v.site, app->cfg.site);
	strcpy(v.mediator, app->cfg.mediator);
	visit_opts_apply(&o, &v);
	if ((rc = cli_site_required(app, v.site)) != EXIT_OK)
		return rc;
	/* A place of the directory is looked up in the base. */
	if (o.set[VF_REFERRAL_PLACE] &&
	    ((rc = app_open(app)) != EXIT_OK || (rc = visit_opts_place(app, &o, &v)) != EXIT_OK))
		return rc;
	/* Check everything before writing to the database. */
	if ((rc = visit_validate(&v, NULL, &app->cfg.lists, &err)) != CN_OK)
		return report(app, rc, &err);
	if ((rc = app_open(app)) != EXIT_OK)
		return rc;
	if ((rc = visit_create(app->st, &app->cfg.lists, &v, &err)) != CN_OK)
		return report(app, rc, &err);
	/* Saved: say so at once, not when the program ends. */
	fprintf(app->out, "%s\n", v.id);
	fflush(app->out);
	return EXIT_OK;
}

int cmd_edit(struct app *app, int argc, char **argv)
{
	struct visit_opts o;
	struct visit v;
	struct cn_err err;
	const char *id;
	int rc;

	if ((rc = app_config(app)) != EXIT_OK ||
	    (rc = visit_opts_parse(app, "edit", argc, argv, &o)) != EXIT_OK ||
	    (rc = cli_one_argument(app, "edit", NO_ID, argc, argv, &id)) != EXIT_OK)
		return rc;
	if (memchr(o.set, true, sizeof o.set) == NULL)
		return app_fail(app, EXIT_USAGE, "edit : aucun champ à modifier. Voir « carnet edit "
		                "--help ».");
	if ((rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if ((rc = visit_get(app->st, id, false, &v, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	visit_opts_apply(&o, &v);
	if ((rc = visit_opts_place(app, &o, &v)) != EXIT_OK)
		return rc;
	if ((rc = visit_update(app->st, &app->cfg.lists, &v, &err)) != CN_OK)
		return report(app, rc, &err);
	fprintf(app->out, "%s\n", v.id);
	return EXIT_OK;
}

int cmd_delete(struct app *app, int argc, char **argv)
{
	struct visit v;
	struct cn_err err;
	const char *id;
	int rc;

	if ((rc = cli_open_with_id(app, "delete", NO_ID, argc, argv, &id)) != EXIT_OK)
		return rc;
	if ((rc = visit_get(app->st, id, false, &v, &err)) != CN_OK ||
	    (rc = visit_delete(app->st, v.id, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	fprintf(app->out, "Passage supprimé : %s\n", v.id);
	return EXIT_OK;
}

int cmd_show(struct app *app, int argc, char **argv)
{
	struct visit v;
	struct cn_err err;
	const char *id;
	int rc;

	if ((rc = cli_open_with_id(app, "show", NO_ID, argc, argv, &id)) != EXIT_OK)
		return rc;
	if ((rc = visit_get(app->st, id, false, &v, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	visit_print_sheet(app->out, &app->cfg.lists, &v);
	return EXIT_OK;
}
