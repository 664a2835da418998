/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet: the logbook of a médiateur socio-numérique. */
#include <getopt.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include "carnet/cli/cli.h"
#include "carnet/screen/screen.h"

static const char usage_main[] =
	"Usage : carnet [--db FICHIER] [--config FICHIER] COMMANDE [OPTIONS]\n"
	"\n"
	"Le carnet de bord du médiateur numérique : chaque accompagnement en quelques\n"
	"touches, et les bilans d'activité qui en découlent. Aucun nom n'est enregistré.\n"
	"\n"
	"Commandes :\n"
	"%s"
	"\n"
	"Options générales :\n"
	"  --db FICHIER       base de données (défaut : $CARNET_DB, sinon\n"
	"                     $XDG_DATA_HOME/carnet/carnet.db)\n"
	"  --config FICHIER   configuration prioritaire (défaut : $CARNET_CONFIG)\n"
	"  -h, --help         cette aide ; « carnet COMMANDE --help » pour une commande\n"
	"  -V, --version      version de carnet\n"
	"\n"
	"Sans commande, carnet ouvre l'écran de saisie du poste sur la base (hors\n"
	"terminal, il affiche les passages du jour).\n"
	"Voir carnet(1) et carnet.ini(5).\n";


static void print_main_usage(FILE *f)
{
	char list[2048] = "";
	size_t used = 0;

	for (const struct command *c = cli_commands; c->name; c++) {
		int n = snprintf(list + used, sizeof list - used, "  %-9s %s\n", c->name, c->summary);
		if (n > 0 && (size_t)n < sizeof list - used)
			used += (size_t)n;
	}
	fprintf(f, usage_main, list);
}

static int help_command(struct app *app, int argc, char **argv)
{
	const struct command *cmd;

	if (argc < 2) {
		print_main_usage(app->out);
		return EXIT_OK;
	}
	cmd = cli_find(argv[1]);
	if (!cmd || !cmd->usage)
		return app_fail(app, EXIT_USAGE, "commande inconnue « %s ». Voir « carnet --help ».",
		                argv[1]);
	fputs(cli_usage(cmd, argc > 2 ? argv[2] : NULL), app->out);
	return EXIT_OK;
}

static int run(struct app *app, int argc, char **argv);

int main(int argc, char **argv)
{
	struct app app;
	int rc;

	setlocale(LC_ALL, "");
	/* Numbers the program writes for machines (JSON, the exchange format,
	 * SQL) never depend on the locale; the French way is written by hand
	 * where people read (number.h). */
	setlocale(LC_NUMERIC, "C");
	store_library_init();
	app_init(&app);
	app_guard_streams(&app);
	rc = run(&app, argc, argv);
	app_close(&app);
	app_streams_close(&app);
	return rc;
}

static int run(struct app *app, int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'd'},
		{"config", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const struct command *cmd;
	int opt;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
		switch (opt) {
		case 'd':
			app->db_opt = optarg;
			break;
		case 'c':
			app->config_opt = optarg;
			break;
		case 'h':
			print_main_usage(app->out);
			return EXIT_OK;
		case 'V':
			fprintf(app->out, "carnet %s\n", CARNET_VERSION);
			return EXIT_OK;
		default:
			if (optopt)
				app_fail(app, EXIT_USAGE, "option inconnue ou incomplète « -%c »", optopt);
			else
				app_fail(app, EXIT_USAGE, "option inconnue ou incomplète « %s »",
				         argv[optind - 1]);
			fputs("Voir « carnet --help ».\n", app->err);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) ? screen_run(app) : cmd_default(app);
	cmd = cli_find(argv[optind]);
	if (!cmd)
		return app_fail(app, EXIT_USAGE, "commande inconnue « %s ». Voir « carnet --help ».",
		                argv[optind]);
	argc -= optind;
	argv += optind;
	if (!cmd->run)
		return help_command(app, argc, argv);
	if (cli_wants_help(app, cmd, argc, argv))
		return EXIT_OK;
	return cmd->run(app, argc, argv);
}
