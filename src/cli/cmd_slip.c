/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet slip: the slip (fiche d'orientation) a person referred to a place
 * of the directory takes away, written out or sent to the desk's printer. */
#define _GNU_SOURCE /* open_memstream */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/output.h"
#include "carnet/cli/printer.h"
#include "carnet/cli/sheet.h"
#include "carnet/model/person.h"
#include "carnet/report/slip.h"
#include "carnet/store/person_store.h"
#include "carnet/store/place_store.h"

const char usage_slip[] =
	"Usage : carnet slip LIEU [--format text|html] [-o FICHIER] [--print]\n"
	"                    [--code CODE] [--date AAAA-MM-JJ]\n"
	"\n"
	"La fiche d'orientation que la personne emporte : le nom et l'adresse du lieu,\n"
	"ses horaires en clair et ceux du jour, son téléphone, ses courriels, son site\n"
	"et sa prise de rendez-vous en ligne, ce qu'il faut apporter, la date et le nom\n"
	"du poste. Jamais de nom de personne ; son code seulement avec --code. LIEU\n"
	"est désigné comme pour « carnet place show ».\n"
	"\n"
	"Options :\n"
	"  --format FORMAT   text : 42 colonnes, pour une imprimante de tickets (défaut) ;\n"
	"                    html : une page A5, à imprimer depuis un navigateur\n"
	"  -o FICHIER        écrit la fiche dans FICHIER au lieu de la sortie standard\n"
	"  --print           envoie la fiche (le texte, ou le HTML avec --format html)\n"
	"                    à la commande de [desk] printer (« lp -d accueil »)\n"
	"  --code CODE       ajoute le code de l'usager, s'il le souhaite\n"
	"  --date DATE       date de la fiche (défaut : aujourd'hui)\n"
	"\n"
	"Le nom du poste est [desk] name, sinon le libellé du site du poste ; [desk]\n"
	"address s'y ajoute (voir carnet.ini(5)).\n";

/* The desk's name: [desk] name, or its site's label ("" for the site that
 * stands in when the configuration names none). */
static const char *desk_name(const struct app *app)
{
	if (app->cfg.desk_name[0])
		return app->cfg.desk_name;
	if (strcmp(app->cfg.site, DEFAULT_SITE_CODE) == 0)
		return "";
	return sheet_label(&app->cfg.lists, L_SITE, app->cfg.site);
}

static void write_slip(FILE *f, const struct slip *s, bool html)
{
	if (html)
		slip_write_html(f, s);
	else
		slip_write_text(f, s);
}

/* The slip sent to [desk] printer. */
static int print_slip(struct app *app, const struct slip *s, bool html)
{
	char *data = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&data, &len);
	int rc;

	if (!mem)
		return app_fail(app, EXIT_DB, "mémoire insuffisante");
	write_slip(mem, s, html);
	if (fclose(mem) != 0) {
		free(data);
		return app_fail(app, EXIT_DB, "mémoire insuffisante");
	}
	rc = printer_send(app, "--print", app->cfg.printer, data, len);
	free(data);
	if (rc == EXIT_OK)
		fprintf(app->out, "Fiche d'orientation envoyée à « %s »\n", app->cfg.printer);
	return rc;
}

int cmd_slip(struct app *app, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'F'}, {"output", required_argument, NULL, 'o'},
		{"print", no_argument, NULL, 'p'},        {"code", required_argument, NULL, 'c'},
		{"date", required_argument, NULL, 'd'},   {NULL, 0, NULL, 0},
	};
	const char *path = NULL, *code_arg = NULL, *key;
	char date[DATE_LEN] = "", code[PCODE_MAX] = "";
	bool html = false, print = false;
	struct place *p = NULL;
	struct person *person = NULL;
	struct output out;
	struct cn_err err;
	struct slip s;
	int opt, rc;

	if ((rc = app_config(app)) != EXIT_OK)
		return rc;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'F':
			if (strcmp(optarg, "text") != 0 && strcmp(optarg, "html") != 0)
				return app_fail(app, EXIT_USAGE,
				                "--format : format inconnu « %s ». Valeurs acceptées : text, "
				                "html",
				                optarg);
			html = optarg[0] == 'h';
			break;
		case 'o': path = optarg; break;
		case 'p': print = true; break;
		case 'c': code_arg = optarg; break;
		case 'd':
			if ((rc = cli_date(app, "--date", optarg, date)) != EXIT_OK)
				return rc;
			break;
		default: return cli_bad_option(app, "slip", "slip", argv[optind - 1]);
		}
	}
	if ((rc = cli_one_argument(app, "slip", "lieu (identifiant)", argc, argv, &key)) != EXIT_OK)
		return rc;
	if (print && path)
		return app_fail(app, EXIT_USAGE,
		                "slip : --print ou -o, pas les deux (la fiche est imprimée ou écrite "
		                "dans un fichier)");
	if (print && !app->cfg.printer[0])
		return app_fail(app, EXIT_CONFIG,
		                "--print : aucune imprimante réglée ; ajoutez à la section [desk] de "
		                "carnet.ini une ligne « printer = lp -d accueil » (la commande qui "
		                "imprime ce qu'elle lit), voir carnet.ini(5)");
	if (code_arg && !person_code_normalize(code_arg, code))
		return app_fail(app, EXIT_INVALID,
		                "--code : code invalide « %s » (4 à 16 lettres ou chiffres)", code_arg);
	if (!date[0] && (rc = cli_date(app, "--date", "aujourd'hui", date)) != EXIT_OK)
		return rc;
	if ((rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if (!(p = malloc(sizeof *p)) || !(person = malloc(sizeof *person))) {
		rc = app_fail(app, EXIT_DB, "mémoire insuffisante");
		goto done;
	}
	if ((rc = place_get(app->st, key, false, p, &err)) != CN_OK) {
		rc = app_report(app, rc, NULL, &err);
		goto done;
	}
	if (code[0] && (rc = person_get(app->st, code, person, &err)) != CN_OK) {
		rc = app_report(app, rc, "--code", &err);
		goto done;
	}
	s = (struct slip){p, date, desk_name(app), app->cfg.desk_address,
	                  code[0] ? person->code : NULL};
	if (print) {
		rc = print_slip(app, &s, html);
	} else if ((rc = output_open(app, &out, path)) == EXIT_OK) {
		write_slip(out.f, &s, html);
		rc = output_close(app, &out, true);
	}
done:
	free(p);
	free(person);
	return rc;
}
