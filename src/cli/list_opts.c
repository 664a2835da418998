/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/list_opts.h"

static int parse_format(struct app *app, int accepts, const char *arg, enum list_format *out)
{
	if (strcmp(arg, "table") == 0)
		*out = FORMAT_TABLE;
	else if (strcmp(arg, "csv") == 0)
		*out = FORMAT_CSV;
	else if (strcmp(arg, "xlsx") == 0 && (accepts & LIST_XLSX))
		*out = FORMAT_XLSX;
	else
		return app_fail(app, EXIT_INVALID,
		                "--format : format inconnu « %s ». Valeurs acceptées : table, csv%s", arg,
		                accepts & LIST_XLSX ? ", xlsx" : "");
	return EXIT_OK;
}

int list_opts_parse(struct app *app, const char *command, int accepts, int argc, char **argv,
                    struct list_opts *o)
{
	static const struct option options[] = {
		CLI_FILTER_OPTIONS,
		{"person", required_argument, NULL, 'p'},
		{"format", required_argument, NULL, 'F'},
		{"output", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	struct visit_filter *f = &o->f;
	struct cn_date today;
	struct cn_err err;
	int opt, rc = EXIT_OK;

	memset(o, 0, sizeof *o);
	o->format = FORMAT_TABLE;
	optind = 0;
	opterr = 0;
	while (rc == EXIT_OK && (opt = getopt_long(argc, argv, "o:", options, NULL)) != -1) {
		switch (opt) {
		case 'o':
			o->output = optarg;
			break;
		case 'p':
			if (!(accepts & LIST_PERSON))
				return cli_bad_option(app, command, command, "--person");
			if (!person_code_normalize(optarg, f->person))
				rc = app_fail(app, EXIT_INVALID,
				              "--person : code usager invalide « %s » (4 à 16 lettres ou "
				              "chiffres)",
				              optarg);
			break;
		case 'F':
			rc = parse_format(app, accepts, optarg, &o->format);
			break;
		default:
			rc = cli_filter_option(app, opt, optarg, f->from, f->to, &f->sites, &f->mediators);
			if (rc < 0)
				return cli_bad_option(app, command, command, argv[optind - 1]);
		}
	}
	if (rc != EXIT_OK)
		return rc;
	if (optind < argc)
		return app_fail(app, EXIT_USAGE, "%s : argument en trop « %s »", command, argv[optind]);
	if (f->from[0] && f->to[0] && strcmp(f->from, f->to) > 0)
		return app_fail(app, EXIT_INVALID, "--to : le %s précède --from (%s)", f->to, f->from);
	if (!f->from[0] && !f->to[0]) {
		if ((rc = clock_now(&today, NULL, NULL, &err)) != CN_OK)
			return app_report(app, rc, NULL, &err);
		today.day = 1;
		date_format(&today, f->from);
		today.day = date_days_in_month(today.year, today.month);
		date_format(&today, f->to);
	}
	return EXIT_OK;
}

int list_opts_write(struct app *app, const struct list_opts *o, list_write_fn write)
{
	struct output out;
	int rc, rc2;

	if ((rc = app_open_existing(app)) != EXIT_OK ||
	    (rc = output_open(app, &out, o->output)) != EXIT_OK)
		return rc;
	rc = write(app, o, &out);
	rc2 = output_close(app, &out, rc == EXIT_OK);
	return rc != EXIT_OK ? rc : rc2;
}

void list_none(FILE *f, const struct visit_filter *filter, const char *none)
{
	if (filter->from[0] && filter->to[0] && strcmp(filter->from, filter->to) == 0)
		fprintf(f, "%s le %s.\n", none, filter->from);
	else if (filter->from[0] && filter->to[0])
		fprintf(f, "%s du %s au %s.\n", none, filter->from, filter->to);
	else
		fprintf(f, "%s pour ces critères.\n", none);
}
