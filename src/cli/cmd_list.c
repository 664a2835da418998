/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet list, and what carnet shows without a command. */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/output.h"
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
	"  --format table|csv|xlsx  tableau lisible (défaut), CSV pour un tableur en\n"
	"                         français (« ; », BOM) ou classeur Excel (avec -o)\n"
	"  -o FICHIER             écrire dans FICHIER (obligatoire pour xlsx)\n";

enum list_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_XLSX };

static int print_visits(struct app *app, const struct visit_filter *f, enum list_format format,
                        FILE *to)
{
	struct visit_table t;
	struct cn_err err;
	int rc;

	visit_table_begin(&t, to, &app->cfg.lists);
	if (format == FORMAT_CSV)
		visit_csv_header(to);
	rc = visit_each(app->st, f, format == FORMAT_CSV ? visit_csv_row : visit_table_row, &t,
	                &err);
	if (rc != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (format == FORMAT_CSV)
		return EXIT_OK;
	if (t.count == 0) {
		if (f->from[0] && f->to[0] && strcmp(f->from, f->to) == 0)
			fprintf(to, "Aucun passage le %s.\n", f->from);
		else if (f->from[0] && f->to[0])
			fprintf(to, "Aucun passage du %s au %s.\n", f->from, f->to);
		else
			fprintf(to, "Aucun passage pour ces critères.\n");
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
		{"output", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	struct visit_filter f = {0};
	enum list_format format = FORMAT_TABLE;
	const char *output = NULL;
	struct output out;
	struct cn_date today;
	struct cn_err err;
	int opt, rc = EXIT_OK;

	optind = 0;
	opterr = 0;
	while (rc == EXIT_OK && (opt = getopt_long(argc, argv, "o:", options, NULL)) != -1) {
		switch (opt) {
		case 'o':
			output = optarg;
			break;
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
			else if (strcmp(optarg, "xlsx") == 0)
				format = FORMAT_XLSX;
			else
				rc = app_fail(app, EXIT_INVALID,
				              "--format : format inconnu « %s ». Valeurs acceptées : table, csv, "
				              "xlsx",
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
	if (format == FORMAT_XLSX && !output)
		return app_fail(app, EXIT_USAGE, "--format xlsx : un classeur s'écrit dans un fichier "
		                                 "(-o passages.xlsx)");
	if ((rc = app_open_existing(app)) != EXIT_OK || (rc = output_open(app, &out, output)) != EXIT_OK)
		return rc;
	if (format == FORMAT_XLSX) {
		long n;
		if (visit_xlsx(app->st, &f, &app->cfg.lists, output_file(&out), &n, &err) != CN_OK) {
			output_close(app, &out, false);
			return app_report(app, CN_EINVAL, "-o", &err);
		}
		return output_close(app, &out, true);
	}
	rc = print_visits(app, &f, format, out.f);
	{
		int rc2 = output_close(app, &out, rc == EXIT_OK);
		return rc != EXIT_OK ? rc : rc2;
	}
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
	rc = print_visits(app, &f, FORMAT_TABLE, app->out);
	fputs("\nSaisir un passage : carnet add …  —  aide : carnet --help\n", app->out);
	return rc;
}
