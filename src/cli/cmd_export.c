/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet export: every visit of a selection in the exchange format. */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/output.h"
#include "carnet/store/record.h"

const char usage_export[] =
	"Usage : carnet export [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] [--site CODE]…\n"
	"                      [--mediator CODE]… [-o FICHIER]\n"
	"\n"
	"Écrit les passages, suppressions comprises, au format d'échange CSV (voir\n"
	"carnet(1), FORMAT D'ÉCHANGE) : tous les champs, l'usager et son profil, les\n"
	"identifiants et les horodatages. Pour un autre poste (carnet import) ou un autre\n"
	"outil.\n"
	"\n"
	"  --from, --to AAAA-MM-JJ   dates des passages, incluses (défaut : toutes)\n"
	"  --site CODE               seulement ce site (répétable, ou codes séparés par des\n"
	"                            virgules)\n"
	"  --mediator CODE           seulement ce médiateur (répétable)\n"
	"  -o FICHIER                écrit dans FICHIER (lisible par son seul propriétaire)\n"
	"                            au lieu de la sortie standard\n";

int cmd_export(struct app *app, int argc, char **argv)
{
	static const struct option options[] = {
		CLI_FILTER_OPTIONS,
		{"output", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	struct visit_filter f;
	struct record r;
	struct cn_err err;
	const char *output = NULL;
	sqlite3_stmt *stmt;
	int opt, rc = EXIT_OK, rc2, step;
	struct output out;

	memset(&f, 0, sizeof f);
	optind = 0;
	opterr = 0;
	while (rc == EXIT_OK && (opt = getopt_long(argc, argv, "o:", options, NULL)) != -1) {
		switch (opt) {
		case 'o': output = optarg; break;
		default:
			rc = cli_filter_option(app, opt, optarg, f.from, f.to, &f.sites, &f.mediators);
			if (rc < 0)
				return cli_bad_option(app, "export", "export", argv[optind - 1]);
		}
	}
	if (rc != EXIT_OK)
		return rc;
	if (optind < argc)
		return app_fail(app, EXIT_USAGE, "export : argument en trop « %s »", argv[optind]);
	if (f.from[0] && f.to[0] && strcmp(f.from, f.to) > 0)
		return app_fail(app, EXIT_INVALID, "--to : le %s précède le début (%s)", f.to, f.from);
	if ((rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	/* One read transaction: the export is one state of the database. */
	if ((rc = store_begin_read(app->st, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (!(stmt = record_select(app->st, "main", &f, &err))) {
		store_rollback(app->st);
		return app_report(app, CN_EDB, NULL, &err);
	}
	if ((rc = output_open(app, &out, output)) != EXIT_OK) {
		sqlite3_finalize(stmt);
		store_rollback(app->st);
		return rc;
	}
	record_write_header(out.f);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		record_read(stmt, &r);
		record_write(out.f, &r, 1);
	}
	sqlite3_finalize(stmt);
	store_rollback(app->st);
	if (step != SQLITE_DONE)
		rc = app_fail(app, EXIT_DB, "%s : lecture impossible", store_path(app->st));
	rc2 = output_close(app, &out, rc == EXIT_OK);
	return rc != EXIT_OK ? rc : rc2;
}
