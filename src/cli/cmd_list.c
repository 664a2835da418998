/* carnet list, and what carnet shows without a command. */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/visit_print.h"
#include "carnet/store/visit_store.h"

const char usage_list[] =
	"Usage : carnet list [OPTIONS]\n"
	"\n"
	"Liste les passages d'une période, du plus ancien au plus récent.\n"
	"\n"
	"Options :\n"
	"  --from AAAA-MM-JJ      premier jour (défaut : le 1er du mois en cours)\n"
	"  --to AAAA-MM-JJ        dernier jour (défaut : le dernier jour du mois en cours)\n"
	"                         une seule borne donnée : l'autre n'est pas limitée\n"
	"  --site CODE[,CODE…]    seulement ces sites\n"
	"  --mediator CODE[,CODE…] seulement ces médiateurs\n"
	"  --person CODE          seulement les passages de cet usager\n"
	"  --format table|csv     tableau lisible (défaut) ou CSV pour un tableur\n";

enum list_format { FORMAT_TABLE, FORMAT_CSV };

static int print_visits(struct app *app, const struct visit_filter *f, enum list_format format)
{
	struct visit_table t;
	struct cn_err err;
	int rc;

	visit_table_begin(&t, app->out, &app->cfg.lists);
	if (format == FORMAT_CSV)
		visit_csv_header(app->out);
	rc = visit_each(app->st, f, format == FORMAT_CSV ? visit_csv_row : visit_table_row, &t,
	                &err);
	if (rc != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (format == FORMAT_CSV)
		return EXIT_OK;
	if (t.count == 0) {
		if (f->from[0] && f->to[0] && strcmp(f->from, f->to) == 0)
			fprintf(app->out, "Aucun passage le %s.\n", f->from);
		else if (f->from[0] && f->to[0])
			fprintf(app->out, "Aucun passage du %s au %s.\n", f->from, f->to);
		else
			fprintf(app->out, "Aucun passage pour ces critères.\n");
	}
	visit_table_end(&t);
	return EXIT_OK;
}

int cmd_list(struct app *app, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_FILTER_OPTIONS,
		{"person", required_argument, NULL, 'p'},
		{"format", required_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	struct visit_filter f = {0};
	enum list_format format = FORMAT_TABLE;
	struct cn_date today;
	struct cn_err err;
	int opt, rc = EXIT_OK;

	optind = 0;
	opterr = 0;
	while (rc == EXIT_OK && (opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'p':
			if (!person_code_normalize(optarg, f.person))
				rc = app_fail(app, EXIT_INVALID,
				              "--person : code usager invalide « %s » (4 à 16 lettres ou "
				              "chiffres)",
				              optarg);
			break;
		case 'F':
			if (strcmp(optarg, "table") == 0)
				format = FORMAT_TABLE;
			else if (strcmp(optarg, "csv") == 0)
				format = FORMAT_CSV;
			else
				rc = app_fail(app, EXIT_INVALID,
				              "--format : format inconnu « %s ». Valeurs acceptées : table, csv",
				              optarg);
			break;
		default:
			rc = cli_filter_option(app, opt, optarg, f.from, f.to, &f.sites, &f.mediators);
			if (rc < 0)
				return cli_bad_option(app, "list", "list", argv[optind - 1]);
		}
	}
	if (rc != EXIT_OK)
		return rc;
	if (optind < argc)
		return app_fail(app, EXIT_USAGE, "list : argument en trop « %s »", argv[optind]);
	if (f.from[0] && f.to[0] && strcmp(f.from, f.to) > 0)
		return app_fail(app, EXIT_INVALID, "--to : le %s précède --from (%s)", f.to, f.from);
	if (!f.from[0] && !f.to[0]) {
		if ((rc = clock_now(&today, NULL, NULL, &err)) != CN_OK)
			return app_report(app, rc, NULL, &err);
		today.day = 1;
		date_format(&today, f.from);
		today.day = date_days_in_month(today.year, today.month);
		date_format(&today, f.to);
	}
	if ((rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	return print_visits(app, &f, format);
}

int cmd_default(struct app *app)
{
	struct visit_filter f = {0};
	struct cn_date today;
	struct cn_err err;
	int rc;

	if ((rc = clock_now(&today, NULL, NULL, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	if ((rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	date_format(&today, f.from);
	strcpy(f.to, f.from);
	if (app->cfg.site[0])
		codeset_add(&f.sites, app->cfg.site);
	fprintf(app->out, "Base : %s\n\n", store_path(app->st));
	rc = print_visits(app, &f, FORMAT_TABLE);
	fputs("\nSaisir un passage : carnet add …  —  aide : carnet --help\n", app->out);
	return rc;
}
