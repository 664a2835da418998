/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet import: visits of another desk or tool, in the exchange format. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "carnet/cli/cli.h"
#include "carnet/model/csv.h"
#include "carnet/cli/progress.h"
#include "carnet/exchange/sync.h"
#include "carnet/model/text.h"

const char usage_import[] =
	"Usage : carnet import [--skip-invalid] FICHIER\n"
	"\n"
	"Lit des passages, des ateliers et des temps au format d'échange CSV (celui de\n"
	"carnet export ; voir carnet(1), FORMAT D'ÉCHANGE), « - » pour l'entrée standard.\n"
	"Accepte aussi ce qu'un tableur fait d'un CSV : BOM, fins de ligne CRLF, « ; » au\n"
	"lieu de « , ». Chaque ligne est vérifiée comme par carnet add ; un code inconnu\n"
	"de cette configuration mais bien formé est gardé tel quel, et signalé. Tout ou\n"
	"rien : une ligne invalide et rien n'est importé.\n"
	"\n"
	"  --skip-invalid   importe les lignes valides et liste les autres\n"
	"\n"
	"Une même ligne importée deux fois ne change rien ; pour un enregistrement déjà\n"
	"là, la version modifiée le plus tard l'emporte, l'autre est gardée dans\n"
	"l'historique.\n";

/* At most this many refused rows are told; the count covers them all. */
#define TOLD_MAX 50
/* About the bytes of one row of the exchange format (two ids, four
 * timestamps, codes): how a file's size tells its rows. */
#define ROW_BYTES 256

struct import {
	struct app *app;
	const char *name;          /* file name in messages */
	struct csv_reader csv;
	int col[CSV_FIELDS_MAX];   /* column (enum xrow_col) of each field of the file */
	int ncols;
	int type_field;            /* the field of the column type; -1: version 1 */
	long refused;
	long refused_kind[XK_COUNT];
	bool seen_utf8;            /* a field had UTF-8 beyond ASCII */
	bool cp1252;               /* the file is read as Windows-1252 */
	long converted;            /* fields converted from it */
	enum xrow_kind kind;       /* of the row being read */
	char *scratch;             /* a converted field */
};

static void refuse(struct import *im, long line, int col, const char *reason)
{
	im->refused_kind[im->kind]++;
	if (++im->refused > TOLD_MAX)
		return;
	if (col >= 0)
		fprintf(im->app->err, "carnet: %s:%ld: colonne « %s » : %s\n", im->name, line,
		        xrow_column_name(col), reason);
	else
		fprintf(im->app->err, "carnet: %s:%ld: %s\n", im->name, line, reason);
}

/* The header names the columns, in any order, each once, all of them: those
 * of version 1, or with the column type those of version 2, or those of
 * version 2 and the referral's columns of version 3. */
static int read_header(struct import *im)
{
	bool seen[XC_COUNT] = {false};
	char missing[XC_COUNT * 24] = "";
	struct cn_err err;
	int rc = csv_read(&im->csv, &err), ncols = RC_COUNT;

	if (rc == 0)
		return app_fail(im->app, EXIT_INVALID, "%s:1: fichier vide", im->name);
	if (rc != 1)
		return app_fail(im->app, EXIT_INVALID, "%s:%ld: ce fichier n'est pas un export carnet : %s",
		                im->name, im->csv.record_line, err.msg);
	im->ncols = im->csv.n;
	im->type_field = -1;
	for (int i = 0; i < im->csv.n; i++)
		if (strcmp(im->csv.field[i], xrow_column_name(XC_TYPE)) == 0) {
			im->type_field = i;
			ncols = XC_COUNT;
		}
	for (int i = 0; i < im->csv.n; i++) {
		const char *name = im->csv.field[i];
		int c = ncols == XC_COUNT ? xrow_column(name) : record_column(name);

		if (c < 0)
			return app_fail(im->app, EXIT_INVALID,
			                "%s:1: ce fichier n'est pas un export carnet : colonne inconnue "
			                "« %.40s » (voir carnet(1), FORMAT D'ÉCHANGE)",
			                im->name, utf8_valid(name, strlen(name)) ? name : "?");
		if (seen[c])
			return app_fail(im->app, EXIT_INVALID, "%s:1: colonne « %s » en double", im->name,
			                name);
		seen[c] = true;
		im->col[i] = c;
	}
	/* Version 3 when one of its columns is there: then all of them. */
	if (ncols == XC_COUNT) {
		ncols = XC_V2_COUNT;
		for (int c = XC_V2_COUNT; c < XC_COUNT; c++)
			if (seen[c])
				ncols = XC_COUNT;
	}
	for (int c = 0; c < ncols; c++)
		if (!seen[c]) {
			strcat(missing, missing[0] ? ", " : "");
			strcat(missing, xrow_column_name(c));
		}
	if (missing[0])
		return app_fail(im->app, EXIT_INVALID,
		                "%s:1: ce fichier n'est pas un export carnet complet : colonnes "
		                "manquantes : %s",
		                im->name, missing);
	return EXIT_OK;
}

/* A field as read: converted from Windows-1252 when the file is, the guard
 * of export taken off. */
static char *field_text(struct import *im, int i)
{
	char *text = im->csv.field[i];

	/* Not UTF-8, in a file that has had none beyond ASCII so far: a
	 * spreadsheet saved it in Windows-1252. */
	if (!utf8_valid(text, strlen(text)) && (im->cp1252 || !im->seen_utf8) &&
	    cp1252_to_utf8(text, im->scratch, CSV_FIELD_MAX * 3 + 1)) {
		im->cp1252 = true;
		im->converted++;
		text = im->scratch;
	} else if (!im->cp1252 && text_has_non_ascii(text)) {
		im->seen_utf8 = true;
	}
	/* The guard export put on texts a spreadsheet would take for formulas. */
	csv_untext(text);
	return text;
}

/* One row; false (told) when a field cannot be read. */
static bool read_row(struct import *im, struct xrow *x)
{
	struct csv_reader *csv = &im->csv;
	enum xrow_kind kind = XK_VISIT;
	struct cn_err err;

	if (csv->n < im->ncols) {
		snprintf(err.msg, sizeof err.msg, "colonnes manquantes (%d au lieu de %d)", csv->n,
		         im->ncols);
		refuse(im, csv->record_line, im->col[csv->n], err.msg);
		return false;
	}
	if (csv->n > im->ncols) {
		snprintf(err.msg, sizeof err.msg, "colonne en trop (%d au lieu de %d)", csv->n,
		         im->ncols);
		refuse(im, csv->record_line, -1, err.msg);
		return false;
	}
	/* The type first: it says which columns the row has. */
	if (im->type_field >= 0 &&
	    xrow_kind_parse(field_text(im, im->type_field), &kind, &err) != CN_OK) {
		refuse(im, csv->record_line, XC_TYPE, err.msg);
		return false;
	}
	xrow_init(x, kind);
	im->kind = kind;
	for (int i = 0; i < csv->n; i++) {
		if (i == im->type_field)
			continue;
		if (xrow_set_sheet(x, im->col[i], field_text(im, i), &err) != CN_OK) {
			refuse(im, csv->record_line, im->col[i], err.msg);
			return false;
		}
	}
	return true;
}

/* A large file (more than twice as many rows as the base holds records,
 * by its size): a larger page cache, and the visits' secondary indexes
 * built once at the commit instead of row after row. Inside the
 * transaction: a failure brings them back as they were. */
static int prepare_bulk(struct app *app, FILE *in, struct cn_err *err)
{
	struct stat sb;
	bool large = false;
	int rc;

	if (fstat(fileno(in), &sb) != 0 || !S_ISREG(sb.st_mode))
		return CN_OK;
	if ((rc = store_large_load(app->st, sb.st_size / ROW_BYTES, &large, err)) != CN_OK ||
	    !large)
		return rc;
	if ((rc = store_bulk(app->st, err)) != CN_OK)
		return rc;
	return store_indexes_defer(app->st, "visit", err);
}

static int run(struct import *im, struct sync *s, bool skip_invalid, FILE *in)
{
	struct progress bar;
	struct stat sb;
	struct xrow x;
	struct cn_err err;
	int col, rc;

	progress_start(&bar, im->app->progress, "Import",
	               fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode) ? sb.st_size : 0);
	for (;;) {
		rc = csv_read(&im->csv, &err);
		progress_update(&bar, im->csv.bytes);
		if (rc == 0)
			break;
		im->kind = XK_VISIT;
		if (rc != 1) {
			refuse(im, im->csv.record_line, -1, err.msg);
			continue;
		}
		if (!read_row(im, &x))
			continue;
		/* All or nothing: after a refused row, the others are only checked. */
		if (im->refused && !skip_invalid)
			rc = sync_check_row(s, &x, &col, &err);
		else
			rc = sync_apply_row(s, &x, &col, &err);
		if (rc == CN_EINVAL) {
			refuse(im, im->csv.record_line, col, err.msg);
		} else if (rc != CN_OK) {
			progress_end(&bar);
			return app_report(im->app, rc, NULL, &err);
		}
	}
	progress_end(&bar);
	if (im->refused > TOLD_MAX)
		fprintf(im->app->err, "carnet: %s : %ld lignes refusées en tout (%d montrées)\n",
		        im->name, im->refused, TOLD_MAX);
	return EXIT_OK;
}

int cmd_import(struct app *app, int argc, char **argv)
{
	static const struct option options[] = {
		{"skip-invalid", no_argument, NULL, 'k'},
		{NULL, 0, NULL, 0},
	};
	struct import im = {.app = app};
	struct sync s = {0};
	struct cn_err err;
	bool skip_invalid = false;
	char line[512];
	int opt, rc;
	FILE *in;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (opt != 'k') {
			return cli_bad_option(app, "import", "import", argv[optind - 1]);
		}
		skip_invalid = true;
	}
	if (optind != argc - 1) {
		app_fail(app, EXIT_USAGE, optind < argc ? "import : un seul fichier à la fois"
		                                        : "import : le fichier à lire manque");
		return cli_usage_error(app, "import");
	}
	im.name = argv[optind];
	{
		struct stat sb;
		if (stat(im.name, &sb) == 0 && S_ISDIR(sb.st_mode))
			return app_fail(app, EXIT_INVALID,
			                "import : « %s » est un dossier ; donnez le fichier CSV à lire",
			                im.name);
	}
	in = strcmp(im.name, "-") == 0 ? stdin : fopen(im.name, "r");
	if (!in)
		return app_fail(app, errno == ENOENT ? EXIT_NOTFOUND : EXIT_INVALID,
		                "import : impossible de lire « %s » : %s", im.name, strerror(errno));
	if ((rc = app_open(app)) == EXIT_OK && !(im.scratch = malloc(CSV_FIELD_MAX * 3 + 1)))
		rc = app_fail(app, EXIT_DB, "mémoire insuffisante");
	if (rc == EXIT_OK) {
		csv_reader_init(&im.csv, in);
		rc = read_header(&im);
	}
	if (rc == EXIT_OK && (rc = store_begin(app->st, &err)) != CN_OK)
		rc = app_report(app, rc, NULL, &err);
	if (rc == EXIT_OK && (rc = prepare_bulk(app, in, &err)) != CN_OK) {
		store_rollback(app->st);
		rc = app_report(app, rc, NULL, &err);
	}
	if (rc == EXIT_OK && (rc = sync_init(&s, app->st, &app->cfg.lists, &err)) != CN_OK) {
		store_rollback(app->st);
		rc = app_report(app, rc, NULL, &err);
	}
	if (rc == EXIT_OK) {
		rc = run(&im, &s, skip_invalid, in);
		s.n.rejected = im.refused_kind[XK_VISIT] + im.refused_kind[XK_PERSON];
		s.workshops.rejected = im.refused_kind[XK_WORKSHOP];
		s.times.rejected = im.refused_kind[XK_WORKTIME];
		if (rc == EXIT_OK && im.refused && !skip_invalid) {
			store_rollback(app->st);
			rc = app_fail(app, EXIT_INVALID,
			              "%s : %ld ligne%s refusée%s, rien n'a été importé (--skip-invalid "
			              "importe les lignes valides)",
			              im.name, im.refused, im.refused > 1 ? "s" : "",
			              im.refused > 1 ? "s" : "");
		} else if (rc == EXIT_OK && (rc = progress_commit(app->st, app->progress, &err)) != CN_OK) {
			rc = app_report(app, rc, NULL, &err);
		} else if (rc != EXIT_OK) {
			store_rollback(app->st);
		}
	}
	if (rc == EXIT_OK) {
		sync_summary_kinds(&s.n, &s.workshops, &s.times, line, sizeof line);
		fprintf(app->out, "%s\n", line);
		if (im.cp1252)
			fprintf(app->out, "Fichier lu en Windows-1252 (enregistré ainsi par un tableur) : "
			                  "%ld champ%s converti%s en UTF-8\n",
			        im.converted, im.converted > 1 ? "s" : "", im.converted > 1 ? "s" : "");
		sync_tell_unknown(&s.unknown, app->err);
	}
	sync_free(&s);
	csv_reader_free(&im.csv);
	free(im.scratch);
	if (in != stdin)
		fclose(in);
	return rc;
}
