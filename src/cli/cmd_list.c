/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet list, and what carnet shows without a command. */
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/list_opts.h"
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
	if (t.count == 0)
		list_none(to, f, "Aucun passage");
	visit_table_end(&t);
	return EXIT_OK;
}

static int write_list(struct app *app, const struct list_opts *o, struct output *out)
{
	struct cn_err err;
	long n;

	if (o->format != FORMAT_XLSX)
		return print_visits(app, &o->f, o->format, out->f);
	if (visit_xlsx(app->st, &o->f, &app->cfg.lists, output_file(out), &n, &err) != CN_OK)
		return app_report(app, CN_EINVAL, "-o", &err);
	return EXIT_OK;
}

int cmd_list(struct app *app, int argc, char **argv)
{
	struct list_opts o;
	int rc;

	if ((rc = list_opts_parse(app, "list", LIST_PERSON | LIST_XLSX, argc, argv, &o)) != EXIT_OK)
		return rc;
	if (o.format == FORMAT_XLSX && !o.output)
		return app_fail(app, EXIT_USAGE, "--format xlsx : un classeur s'écrit dans un fichier "
		                                 "(-o passages.xlsx)");
	return list_opts_write(app, &o, write_list);
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
