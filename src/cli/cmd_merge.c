/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet merge: the records of other desks' databases, read where they are. */
#define _GNU_SOURCE /* open_memstream */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/progress.h"
#include "carnet/exchange/place_sync.h"
#include "carnet/exchange/sync.h"

const char usage_merge[] =
	"Usage : carnet merge AUTRE.db [AUTRE.db…]\n"
	"\n"
	"Apporte dans cette base les passages, les ateliers, les temps, les lieux de\n"
	"l'annuaire (suppressions comprises) et les usagers des bases d'autres postes,\n"
	"lues sur place et jamais modifiées. Pour un enregistrement présent des deux côtés, la version modifiée le\n"
	"plus tard l'emporte, l'autre est gardée dans l'historique ; les usagers se\n"
	"retrouvent par leur code. Refait, le même apport ne change rien. Une base qui\n"
	"n'est pas une base carnet, d'une autre version ou endommagée est refusée, et rien\n"
	"n'est changé.\n";

#define SOURCE "src"

/* The same file as this desk's database (any path to it). */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Every source is looked at before anything is written; *visits counts
 * their records, for the progress bar. */
static int check_sources(struct app *app, char **paths, int n, long long *visits)
{
	struct cn_err err;
	long count;
	int rc;

	*visits = 0;
	for (int i = 0; i < n; i++) {
		struct stat sb;

		if (stat(paths[i], &sb) != 0 || !S_ISREG(sb.st_mode))
			return app_fail(app, EXIT_DB, "merge : « %s » introuvable ou pas un fichier ; rien "
			                "n'a été changé",
			                paths[i]);
		if (same_file(paths[i], store_path(app->st)))
			return app_fail(app, EXIT_INVALID, "merge : « %s » est la base de ce poste",
			                paths[i]);
		if ((rc = store_attach(app->st, paths[i], SOURCE, &err)) != CN_OK)
			return app_fail(app, EXIT_DB, "merge : %s ; rien n'a été changé", err.msg);
		rc = store_scalar(app->st, "SELECT (SELECT count(*) FROM " SOURCE ".visit) +"
		                           " (SELECT count(*) FROM " SOURCE ".workshop) +"
		                           " (SELECT count(*) FROM " SOURCE ".worktime)",
		                  &count, &err);
		store_detach(app->st, SOURCE);
		if (rc != CN_OK)
			return app_fail(app, EXIT_DB, "merge : %s : %s ; rien n'a été changé", paths[i],
			                err.msg);
		*visits += count;
	}
	return EXIT_OK;
}

/* One run of merge: where sources are read, and how they are written. */
struct merge {
	struct app *app;
	/* A large load (bulk): every source in one transaction, read through a
	 * connection of its own (one that writes could not detach a source
	 * before committing), the visits' secondary indexes built once at the
	 * end, a larger page cache. Otherwise one transaction per source, read
	 * on the same connection, where each record is first compared with the
	 * one held here in SQL. */
	bool bulk;
	struct store *from;
	struct sync s;
	struct progress bar;
	long long done;
};

struct rejects {
	struct app *app;
	const char *path;
};

static void tell_reject(void *ctx, const char *what, const char *column, const char *why)
{
	struct rejects *r = ctx;
	fprintf(r->app->err, "carnet: %s : %s : colonne « %s » : %s\n", r->path, what, column, why);
}

/* The visits of the attached source; with s->compare, those held here as
 * they are are not read, only counted unchanged. */
static int merge_visits(struct merge *m, long visits, struct rejects *rejects,
                        struct cn_err *err)
{
	struct sync *s = &m->s;
	struct record r;
	enum record_col col;
	sqlite3_stmt *stmt = record_select_all(m->from, SOURCE, s->compare, err);
	long read = 0;
	int rc = stmt ? CN_OK : CN_EDB, step = SQLITE_DONE;

	while (rc == CN_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		progress_update(&m->bar, ++m->done);
		read++;
		rc = record_read_checked(stmt, &r, &col, err);
		if (rc == CN_OK)
			rc = sync_apply(s, &r, &col, err);
		if (rc == CN_EINVAL) {
			/* A record this desk cannot take is told and left out. */
			char what[64];
			snprintf(what, sizeof what, "passage %s", r.v.id);
			tell_reject(rejects, what, xrow_column_name(xrow_visit_col(col, err)), err->msg);
			s->n.rejected++;
			rc = CN_OK;
		}
	}
	if (rc == CN_OK && stmt && step != SQLITE_DONE)
		rc = store_fail(m->from, err, "lecture impossible");
	sqlite3_finalize(stmt);
	if (rc == CN_OK && read < visits) {
		s->n.unchanged += visits - read;
		m->done += visits - read;
		progress_update(&m->bar, m->done);
	}
	return rc;
}

/* One source, attached, inside the caller's transaction. */
static int merge_one(struct merge *m, const char *path, struct sync_counts *places,
                     struct cn_err *err)
{
	struct app *app = m->app;
	struct sync *s = &m->s;
	struct rejects rejects = {app, path};
	long rows = 0, visits = 0;
	int rc;

	/* However the source was made, reading it costs in proportion to its
	 * rows: a generous bound, far past any real merge (a few thousand steps
	 * a row), ends a trap that would run forever. */
	rc = store_scalar(m->from, "SELECT (SELECT count(*) FROM " SOURCE ".visit) +"
	                           " (SELECT count(*) FROM " SOURCE ".person) +"
	                           " (SELECT count(*) FROM " SOURCE ".workshop) +"
	                           " (SELECT count(*) FROM " SOURCE ".workshop_participant) +"
	                           " (SELECT count(*) FROM " SOURCE ".worktime) +"
	                           " (SELECT count(*) FROM " SOURCE ".place)",
	                  &rows, err);
	if (rc == CN_OK)
		rc = store_scalar(m->from, "SELECT count(*) FROM " SOURCE ".visit", &visits, err);
	if (rc == CN_OK) {
		store_limit(m->from, 100000 + 2000LL * rows);
		rc = merge_visits(m, visits, &rejects, err);
	}
	if (rc == CN_OK)
		rc = sync_persons(s, SOURCE, tell_reject, &rejects, err);
	/* Workshops after the persons: their participants are persons here. */
	if (rc == CN_OK)
		rc = sync_activity(s, SOURCE, tell_reject, &rejects, err);
	if (rc == CN_OK)
		m->done += s->workshops.added + s->workshops.updated + s->workshops.unchanged +
		           s->workshops.deleted + s->workshops.rejected + s->times.added +
		           s->times.updated + s->times.unchanged + s->times.deleted + s->times.rejected;
	/* The directory's places: no person in them, any order. */
	if (rc == CN_OK)
		rc = place_sync(app->st, m->from, &app->cfg.lists, SOURCE, places, tell_reject,
		                &rejects, err);
	store_limit(m->from, 0);
	return rc;
}

/* " ; lieux : …" after the other records' counts, when places came. */
static void places_summary(const struct sync_counts *n, char *line, size_t size)
{
	char p[128];
	size_t used = strlen(line);

	if (!n->added && !n->updated && !n->unchanged && !n->deleted && !n->rejected)
		return;
	sync_summary(n, p, sizeof p);
	snprintf(line + used, size - used, " ; lieux : %s", p);
}

/* A large load (a first merge, or desks added to few) is written in bulk. */
static int choose_bulk(struct merge *m, long long incoming, struct cn_err *err)
{
	int rc = store_large_load(m->app->st, incoming, &m->bulk, err);

	m->from = m->app->st;
	if (rc != CN_OK || !m->bulk)
		return rc;
	if ((rc = store_open_reader(&m->from, err)) != CN_OK ||
	    (rc = store_bulk(m->app->st, err)) != CN_OK)
		return rc;
	m->s.from = m->from;
	/* Each record is compared with the one here in C, as it comes. */
	m->s.compare = false;
	return CN_OK;
}

/* Every source, in one transaction or one each; the counts of each told
 * once it is written. */
static int merge_all(struct merge *m, char **paths, int n, FILE *out)
{
	struct app *app = m->app;
	struct sync_counts total = {0}, total_w = {0}, total_t = {0}, places, total_p = {0};
	struct sync *s = &m->s;
	struct cn_err err;
	char line[512];
	int rc = CN_OK;

	if (m->bulk && ((rc = store_begin(app->st, &err)) != CN_OK ||
	                (rc = store_indexes_defer(app->st, "visit", &err)) != CN_OK)) {
		store_rollback(app->st);
		return app_report(app, rc, NULL, &err);
	}
	for (int i = 0; i < n; i++) {
		s->n = s->workshops = s->times = places = (struct sync_counts){0};
		sync_forget_seen(s);
		/* A database attached to the connection that writes is detached
		 * once the transaction is over. */
		if ((rc = store_attach_again(m->from, paths[i], SOURCE, &err)) == CN_OK) {
			if (m->bulk || (rc = store_begin(app->st, &err)) == CN_OK)
				rc = merge_one(m, paths[i], &places, &err);
			if (!m->bulk)
				rc = store_end(app->st, rc, &err);
			store_detach(m->from, SOURCE);
		}
		if (rc != CN_OK) {
			store_rollback(app->st);
			progress_end(&m->bar);
			return app_fail(app, cn_exit_status(rc), "merge : %s : %s%s", paths[i], err.msg,
			                m->bulk ? " ; rien n'a été changé" : "");
		}
		sync_add_counts(&total, &s->n);
		sync_add_counts(&total_w, &s->workshops);
		sync_add_counts(&total_t, &s->times);
		sync_add_counts(&total_p, &places);
		sync_summary_kinds(&s->n, &s->workshops, &s->times, line, sizeof line);
		places_summary(&places, line, sizeof line);
		progress_end(&m->bar);
		fprintf(out, "%s : %s\n", paths[i], line);
	}
	/* The indexes are built again here, before the commit. */
	if (m->bulk && (rc = progress_commit(app->st, app->progress, &err)) != CN_OK)
		return app_fail(app, cn_exit_status(rc), "merge : %s ; rien n'a été changé", err.msg);
	if (n > 1) {
		sync_summary_kinds(&total, &total_w, &total_t, line, sizeof line);
		places_summary(&total_p, line, sizeof line);
		fprintf(out, "total : %s\n", line);
	}
	return EXIT_OK;
}

int cmd_merge(struct app *app, int argc, char **argv)
{
	struct merge m = {.app = app};
	struct cn_err err;
	long long visits;
	char *told = NULL;
	size_t told_size = 0;
	FILE *out;
	int rc, n;

	optind = 0;
	opterr = 0;
	if (getopt_long(argc, argv, "", (struct option[]){{NULL, 0, NULL, 0}}, NULL) != -1)
		return cli_bad_option(app, "merge", "merge", argv[optind - 1]);
	if ((n = argc - optind) < 1) {
		app_fail(app, EXIT_USAGE, "merge : la base à apporter manque");
		return cli_usage_error(app, "merge");
	}
	if ((rc = app_open(app)) != EXIT_OK ||
	    (rc = check_sources(app, argv + optind, n, &visits)) != EXIT_OK)
		return rc;
	/* One set of rules for every source; counts told source by source. */
	if ((rc = sync_init(&m.s, app->st, &app->cfg.lists, &err)) != CN_OK ||
	    (rc = choose_bulk(&m, visits, &err)) != CN_OK) {
		if (m.from != app->st)
			store_close(m.from);
		sync_free(&m.s);
		return app_report(app, rc, NULL, &err);
	}
	/* In one transaction, nothing is told before it is written. */
	out = m.bulk ? open_memstream(&told, &told_size) : app->out;
	if (!out) {
		store_close(m.from);
		sync_free(&m.s);
		return app_fail(app, EXIT_DB, "mémoire insuffisante");
	}
	progress_start(&m.bar, app->progress, "Fusion", visits);
	rc = merge_all(&m, argv + optind, n, out);
	if (m.bulk) {
		fclose(out);
		if (rc == EXIT_OK)
			fputs(told, app->out);
		free(told);
		store_close(m.from);
	}
	if (rc == EXIT_OK)
		sync_tell_unknown(&m.s.unknown, app->err);
	sync_free(&m.s);
	return rc;
}
