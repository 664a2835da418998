/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet export: every visit, workshop and time of a selection in the
 * exchange format (version 1 when the selection has visits only, version 3
 * when a visit has a referral's way, place or answer, else version 2). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/app/output.h"
#include "carnet/store/exchange_row.h"
#include "carnet/store/person_store.h"
#include "carnet/store/record.h"
#include "carnet/store/workshop_store.h"
#include "carnet/store/worktime_store.h"

const char usage_export[] =
	"Usage : carnet export [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] [--site CODE]…\n"
	"                      [--mediator CODE]… [-o FICHIER]\n"
	"\n"
	"Écrit les passages, les ateliers et leurs participants, les temps hors\n"
	"accompagnement, suppressions comprises, au format d'échange CSV (voir carnet(1),\n"
	"FORMAT D'ÉCHANGE) : tous les champs, les usagers et leur profil, les\n"
	"identifiants et les horodatages. Pour un autre poste (carnet import) ou un autre\n"
	"outil.\n"
	"\n"
	"  --from, --to AAAA-MM-JJ   dates, incluses (défaut : toutes)\n"
	"  --site CODE               seulement ce site (répétable, ou codes séparés par des\n"
	"                            virgules)\n"
	"  --mediator CODE           seulement ce médiateur (répétable)\n"
	"  -o FICHIER                écrit dans FICHIER (lisible par son seul propriétaire)\n"
	"                            au lieu de la sortie standard\n";

/* The workshops and times of the selection, walked twice: once to count
 * them and gather their participants, once to write them. */
struct activity {
	FILE *f;                   /* NULL: counting */
	struct xrow *x;
	long n;
	char (*codes)[PCODE_MAX];  /* the participants (each once once counted) */
	int ncodes, cap;
	int ncols;                 /* of the rows of version 2 or 3 */
};

static int by_code(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The participants' codes sorted, each once. */
static void unique_codes(struct activity *a)
{
	int n = 1;

	if (a->ncodes < 2)
		return;
	qsort(a->codes, (size_t)a->ncodes, sizeof *a->codes, by_code);
	for (int i = 1; i < a->ncodes; i++)
		if (strcmp(a->codes[i], a->codes[n - 1]) != 0)
			memcpy(a->codes[n++], a->codes[i], PCODE_MAX);
	a->ncodes = n;
}

static int on_workshop(const struct workshop *w, void *ctx)
{
	struct activity *a = ctx;

	a->n++;
	if (a->f) {
		xrow_from_workshop(a->x, w);
		xrow_write(a->f, a->x, a->ncols);
		return 0;
	}
	/* Every code as it comes; when the room is full, each kept once, and
	 * twice the room if it is still more than half full. */
	if (a->ncodes + w->nparticipants > a->cap) {
		unique_codes(a);
		if (a->ncodes + w->nparticipants > a->cap / 2) {
			int cap = a->cap ? a->cap : 64;
			void *more;
			while (cap / 2 < a->ncodes + w->nparticipants)
				cap *= 2;
			if (!(more = realloc(a->codes, (size_t)cap * sizeof *a->codes)))
				return CN_EDB;
			a->codes = more;
			a->cap = cap;
		}
	}
	for (int i = 0; i < w->nparticipants; i++)
		memcpy(a->codes[a->ncodes++], w->participants[i].code, PCODE_MAX);
	return 0;
}

static int on_time(const struct worktime *t, void *ctx)
{
	struct activity *a = ctx;

	a->n++;
	if (a->f) {
		xrow_from_worktime(a->x, t);
		xrow_write(a->f, a->x, a->ncols);
	}
	return 0;
}

/* Counts the selection's workshops and times and gathers their participants. */
static int count_activity(struct app *app, const struct visit_filter *f, struct activity *a,
                          struct cn_err *err)
{
	int rc;

	a->f = NULL;
	a->n = 0;
	err->msg[0] = '\0';
	if ((rc = workshop_each(app->st, f, on_workshop, a, err)) == CN_OK)
		rc = worktime_each(app->st, f, on_time, a, err);
	if (rc == CN_OK)
		unique_codes(a);
	else if (rc == CN_EDB && !err->msg[0])
		cn_err_set(err, CN_EDB, "mémoire insuffisante");
	return rc;
}

/* Version 2 or 3: the participants' usager rows, the visits, the workshops, the
 * times. */
static int write_v2(struct app *app, const struct visit_filter *f, sqlite3_stmt *visits,
                    struct activity *a, struct csv_out *o, struct cn_err *err)
{
	FILE *out = o->f;
	struct record r;
	int rc = CN_OK, step;

	xrow_write_header(out, a->ncols);
	for (int i = 0; i < a->ncodes && rc == CN_OK; i++) {
		struct person p;
		if ((rc = person_get(app->st, a->codes[i], &p, err)) == CN_OK) {
			xrow_from_person(a->x, &p);
			xrow_write(out, a->x, a->ncols);
		} else if (rc == CN_ENOTFOUND) {
			rc = CN_OK; /* a person deleted since: the workshop still names them */
		}
	}
	while (rc == CN_OK && (step = sqlite3_step(visits)) == SQLITE_ROW) {
		/* What this carnet stored is written as it is; anything else as
		 * record_read makes it. */
		if (xrow_write_stored(o, visits, a->ncols))
			continue;
		csv_out_flush(o);
		record_read(visits, &r);
		xrow_from_record(a->x, &r);
		xrow_write(out, a->x, a->ncols);
	}
	csv_out_flush(o);
	if (rc == CN_OK && step != SQLITE_DONE)
		rc = store_fail(app->st, err, "lecture impossible");
	a->f = out;
	if (rc == CN_OK)
		rc = workshop_each(app->st, f, on_workshop, a, err);
	if (rc == CN_OK)
		rc = worktime_each(app->st, f, on_time, a, err);
	return rc;
}

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
	struct activity a = {0};
	struct csv_out *o;
	bool v3;

	memset(&f, 0, sizeof f);
	f.with_deleted = true;
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
	a.x = malloc(sizeof *a.x);
	o = malloc(sizeof *o);
	if (!a.x || !o) {
		store_rollback(app->st);
		free(a.x);
		free(o);
		return app_fail(app, EXIT_DB, "mémoire insuffisante");
	}
	rc = record_select_has_referral(app->st, &f, &v3, &err);
	a.ncols = xrow_columns(v3 ? 3 : 2);
	if (rc != CN_OK || (rc = count_activity(app, &f, &a, &err)) != CN_OK ||
	    !(stmt = record_select(app->st, "main", &f, v3, &err))) {
		store_rollback(app->st);
		free(a.x);
		free(a.codes);
		free(o);
		return app_report(app, rc != CN_OK ? rc : CN_EDB, NULL, &err);
	}
	if ((rc = output_open(app, &out, output)) != EXIT_OK) {
		sqlite3_finalize(stmt);
		store_rollback(app->st);
		free(a.x);
		free(a.codes);
		free(o);
		return rc;
	}
	csv_out_init(o, out.f);
	if (a.n || a.ncols == xrow_columns(3)) {
		if ((rc2 = write_v2(app, &f, stmt, &a, o, &err)) != CN_OK)
			rc = app_report(app, rc2, NULL, &err);
	} else {
		/* Visits only: version 1, which every carnet reads. */
		record_write_header(out.f);
		while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
			struct record_stored rs;
			if (record_stored(stmt, false, &rs)) {
				record_stored_write(o, &rs, 1);
				csv_out_end_row(o);
				continue;
			}
			csv_out_flush(o);
			record_read(stmt, &r);
			record_write(out.f, &r, 1);
		}
		csv_out_flush(o);
		if (step != SQLITE_DONE)
			rc = app_fail(app, EXIT_DB, "%s : lecture impossible", store_path(app->st));
	}
	sqlite3_finalize(stmt);
	store_rollback(app->st);
	free(a.x);
	free(a.codes);
	free(o);
	rc2 = output_close(app, &out, rc == EXIT_OK);
	return rc != EXIT_OK ? rc : rc2;
}
