/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet report: the activity summary of a period. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <getopt.h>
#include <string.h>
#include <unistd.h>
#include "carnet/cli/cli.h"
#include "carnet/app/output.h"
#include "carnet/report/activity.h"
#include "carnet/report/report_write.h"

const char usage_report[] =
	"Usage : carnet report [PÉRIODE] [FILTRES] [--format FORMAT] [-o FICHIER]\n"
	"\n"
	"Le bilan d'activité d'une période : l'essentiel (chiffres clés comparés à la\n"
	"période précédente et à l'année d'avant), volume, demandes et organismes,\n"
	"postures, issues et urgences, autonomie dans le temps, orientations, public,\n"
	"ateliers, temps de travail.\n"
	"\n"
	"Période (défaut : le mois civil précédent) :\n"
	"  --month AAAA-MM        un mois\n"
	"  --year AAAA            une année civile\n"
	"  --from AAAA-MM-JJ --to AAAA-MM-JJ   des dates, incluses\n"
	"Filtres (répétables, ou codes séparés par des virgules) :\n"
	"  --site CODE            seulement ce site\n"
	"  --mediator CODE        seulement ce médiateur\n"
	"  --by site|mediator     ajoute la répartition par site ou par médiateur\n"
	"Sortie :\n"
	"  --format FORMAT        text : pour un terminal de 80 colonnes (défaut) ;\n"
	"                         html : un fichier autonome, imprimable en A4 ;\n"
	"                         csv : pour un tableur (UTF-8, « ; », virgule décimale) ;\n"
	"                         xlsx : un classeur Excel (avec -o) ;\n"
	"                         json : tous les chiffres, pour d'autres outils\n"
	"  -o FICHIER             écrit dans FICHIER (lisible par son seul propriétaire)\n"
	"                         au lieu de la sortie standard\n";

/* The calendar month before today's. */
static int previous_month(struct app *app, struct report_filter *f)
{
	struct cn_date d;
	struct cn_err err;
	int rc = clock_now(&d, NULL, NULL, &err);

	if (rc != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (--d.month < 1) {
		d.month = 12;
		d.year--;
	}
	d.day = 1;
	date_format(&d, f->from);
	d.day = date_days_in_month(d.year, d.month);
	date_format(&d, f->to);
	return EXIT_OK;
}

/* A --site or --mediator code the lists do not know and no visit, workshop
 * or time has: a typo, said as such rather than an empty report. */
static int known_codes(struct app *app, const char *option, enum list_id list,
                       const struct codeset *set)
{
	struct cn_err err;

	for (int i = 0; i < set->n; i++) {
		bool used;
		char accepted[1024];
		if (vlist_find(&app->cfg.lists.l[list], set->v[i]))
			continue;
		if (activity_code_used(app->st, list, set->v[i], &used, &err) != CN_OK)
			return app_report(app, CN_EDB, NULL, &err);
		if (used)
			continue;
		lists_accepted(&app->cfg.lists, list, accepted, sizeof accepted);
		return app_fail(app, EXIT_INVALID, "%s : code inconnu « %s ». Valeurs acceptées : %s",
		                option, set->v[i], accepted);
	}
	return EXIT_OK;
}

int cmd_report(struct app *app, int argc, char **argv)
{
	static const struct option options[] = {
		{"month", required_argument, NULL, 'M'}, {"year", required_argument, NULL, 'Y'},
		CLI_FILTER_OPTIONS,
		{"format", required_argument, NULL, 'F'}, {"output", required_argument, NULL, 'o'},
		{"by", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	struct report_filter f;
	struct report r;
	struct cn_date d;
	struct cn_err err;
	const char *format = "text", *output = NULL;
	int opt, rc = EXIT_OK, year, month, periods = 0;
	struct output out;

	memset(&f, 0, sizeof f);
	optind = 0;
	opterr = 0;
	while (rc == EXIT_OK && (opt = getopt_long(argc, argv, "o:", options, NULL)) != -1) {
		switch (opt) {
		case 'M':
			periods++;
			if (!month_parse(optarg, &year, &month))
				return app_fail(app, EXIT_INVALID,
				                "--month : mois invalide « %s » (attendu AAAA-MM)", optarg);
			snprintf(f.from, sizeof f.from, "%04u-%02u-01", (unsigned)year % 10000u,
			         (unsigned)month % 100u);
			d = (struct cn_date){year, month, date_days_in_month(year, month)};
			date_format(&d, f.to);
			break;
		case 'Y':
			periods++;
			year = atoi(optarg);
			if (strlen(optarg) != 4 || strspn(optarg, "0123456789") != 4 || year < 1900)
				return app_fail(app, EXIT_INVALID,
				                "--year : année invalide « %s » (attendu AAAA)", optarg);
			snprintf(f.from, sizeof f.from, "%04u-01-01", (unsigned)year % 10000u);
			snprintf(f.to, sizeof f.to, "%04u-12-31", (unsigned)year % 10000u);
			break;
		case 'F':
			if (strcmp(optarg, "text") && strcmp(optarg, "json") && strcmp(optarg, "csv") &&
			    strcmp(optarg, "html") && strcmp(optarg, "xlsx"))
				return app_fail(app, EXIT_INVALID,
				                "--format : format inconnu « %s ». Valeurs acceptées : text, "
				                "html, csv, json, xlsx",
				                optarg);
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'B':
			if (strcmp(optarg, "site") == 0)
				f.by = BY_SITE;
			else if (strcmp(optarg, "mediator") == 0)
				f.by = BY_MEDIATOR;
			else
				return app_fail(app, EXIT_INVALID,
				                "--by : répartition inconnue « %s ». Valeurs acceptées : site, "
				                "mediator",
				                optarg);
			break;
		default:
			rc = cli_filter_option(app, opt, optarg, f.from, f.to, &f.sites, &f.mediators);
			if (rc < 0)
				return cli_bad_option(app, "report", "report", argv[optind - 1]);
		}
	}
	if (rc != EXIT_OK)
		return rc;
	if (optind < argc)
		return app_fail(app, EXIT_USAGE, "report : argument en trop « %s »", argv[optind]);
	if (periods > 1)
		return app_fail(app, EXIT_USAGE, "report : une seule période (--month ou --year)");
	if (!f.from[0] && !f.to[0] && (rc = previous_month(app, &f)) != EXIT_OK)
		return rc;
	if (!f.from[0] || !f.to[0])
		return app_fail(app, EXIT_INVALID, "%s : --from et --to vont ensemble",
		                f.from[0] ? "--to" : "--from");
	if (strcmp(f.from, f.to) > 0)
		return app_fail(app, EXIT_INVALID, "--to : le %s précède le début (%s)", f.to, f.from);
	if (strcmp(format, "xlsx") == 0 && !output)
		return app_fail(app, EXIT_USAGE, "--format xlsx : un classeur s'écrit dans un fichier "
		                                 "(-o bilan.xlsx)");
	if ((rc = app_open_existing(app)) != EXIT_OK ||
	    (rc = known_codes(app, "--site", L_SITE, &f.sites)) != EXIT_OK ||
	    (rc = known_codes(app, "--mediator", L_MEDIATEUR, &f.mediators)) != EXIT_OK)
		return rc;
	if ((rc = report_compute_compared(app->st, &app->cfg.lists, &f, &r, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (!report_has_records(&r))
		fprintf(app->err, "carnet: aucun passage du %s au %s, ni atelier ni temps de travail :"
		                  " le bilan est vide\n",
		        f.from, f.to);
	if ((rc = output_open(app, &out, output)) != EXIT_OK) {
		report_free(&r);
		return rc;
	}
	if (strcmp(format, "xlsx") == 0) {
		int ok = report_write_xlsx(output_file(&out), &r, &app->cfg.lists, &err) == CN_OK;
		report_free(&r);
		if (!ok) {
			output_close(app, &out, false);
			return app_report(app, CN_EINVAL, "-o", &err);
		}
		return output_close(app, &out, true);
	}
	if (strcmp(format, "json") == 0)
		report_write_json(out.f, &r, &app->cfg.lists);
	else if (strcmp(format, "csv") == 0)
		report_write_csv(out.f, &r, &app->cfg.lists);
	else if (strcmp(format, "html") == 0)
		report_write_html(out.f, &r, &app->cfg.lists);
	else
		report_write_text(out.f, &r, &app->cfg.lists);
	report_free(&r);
	return output_close(app, &out, true);
}
