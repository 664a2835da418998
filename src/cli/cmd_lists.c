/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet lists: the value lists in force, with their codes and labels. */
#include <string.h>
#include "carnet/cli/cli.h"

const char usage_lists[] =
	"Usage : carnet lists [LISTE]\n"
	"\n"
	"Affiche les listes de valeurs en vigueur (ou une seule), avec pour chaque entrée\n"
	"le code à saisir et son libellé. Les codes retirés sont marqués « (retiré) ».\n"
	"Listes : posture, canal, demande, organisme, issue, oriente_par, oriente_vers,\n"
	"tranche_age, genre, quartier, situation, equipement, site, mediateur.\n"
	"Elles se modifient dans la configuration : voir carnet.ini(5).\n";

static void print_list(FILE *f, const struct lists *ls, enum list_id id)
{
	const struct vlist *vl = &ls->l[id];
	int width = 4;

	fprintf(f, "%s [%s]\n", list_title(id), list_section(id));
	if (vl->n == 0)
		fputs("  (vide)\n", f);
	for (int i = 0; i < vl->n; i++)
		if ((int)strlen(vl->e[i].code) > width)
			width = (int)strlen(vl->e[i].code);
	for (int i = 0; i < vl->n; i++)
		fprintf(f, "  %-*s  %s%s\n", width, vl->e[i].code, vl->e[i].label,
		        vl->e[i].retired ? " (retiré)" : "");
}

int cmd_lists(struct app *app, int argc, char **argv)
{
	int rc, only = -1;

	if (argc > 2)
		return app_fail(app, EXIT_USAGE, "lists : argument en trop « %s »", argv[2]);
	if (argc == 2) {
		only = list_by_section(argv[1]);
		if (only < 0) {
			char names[512] = "";
			for (int i = 0; i < L_COUNT; i++) {
				strcat(names, i ? ", " : "");
				strcat(names, list_section(i));
			}
			return app_fail(app, EXIT_INVALID, "lists : liste inconnue « %s ». Valeurs "
			                "acceptées : %s", argv[1], names);
		}
	}
	if ((rc = app_config(app)) != EXIT_OK)
		return rc;
	for (int i = 0; i < L_COUNT; i++) {
		if (only >= 0 && i != only)
			continue;
		if (only < 0 && i > 0)
			fputc('\n', app->out);
		print_list(app->out, &app->cfg.lists, i);
	}
	if (only < 0) {
		fputs("\nFichiers de configuration lus (le premier l'emporte) :\n", app->out);
		for (int i = 0; i < app->cfg.nfiles; i++)
			fprintf(app->out, "  %s\n", app->cfg.files[i]);
	}
	return EXIT_OK;
}
