/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet keys: the keys of the desk screen, from the action table. */
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/screen/keymap.h"
#include "carnet/model/text.h"

const char usage_keys[] =
	"Usage : carnet keys [--roff]\n"
	"\n"
	"Affiche les touches de l'écran de saisie, par contexte, avec les changements de la\n"
	"section [keys] de la configuration. Le nom à gauche de chaque action est celui\n"
	"à utiliser dans [keys], par exemple « new = n F2 ».\n"
	"--roff écrit la section TOUCHES du manuel (sans la configuration).\n";

int cmd_keys(struct app *app, int argc, char **argv)
{
	struct keymap km;
	int rc;

	if (argc == 2 && strcmp(argv[1], "--roff") == 0) {
		actions_print_roff(app->out);
		return EXIT_OK;
	}
	if (argc > 1)
		return app_fail(app, EXIT_USAGE, "keys : argument inconnu « %s »", argv[1]);
	if ((rc = app_config(app)) != EXIT_OK)
		return rc;
	keymap_init(&km, &app->cfg);
	for (int ctx = 0; ctx < CTX_COUNT; ctx++) {
		fprintf(app->out, "%s%s\n", ctx ? "\n" : "", action_context_title(ctx));
		for (int a = 0; a < ACT_COUNT; a++) {
			if (!km.names[a][ctx][0])
				continue;
			fprintf(app->out, "  %-12s ", action_table[a].name);
			text_put_cell(app->out, km.names[a][ctx], 22);
			fprintf(app->out, " %s\n", action_table[a].help);
		}
	}
	return EXIT_OK;
}
