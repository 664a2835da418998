/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "carnet/model/escape.h"
#include "carnet/app/app.h"

void app_init(struct app *app)
{
	*app = (struct app){.out = stdout, .err = stderr, .progress = stderr};
}

void app_guard_streams(struct app *app)
{
	FILE *f;

	if ((f = escape_stream(stderr))) {
		setvbuf(f, NULL, _IONBF, 0);
		app->err = f;
	}
	if (isatty(STDOUT_FILENO) && (f = escape_stream(stdout)))
		app->out = f;
}

void app_streams_close(struct app *app)
{
	if (app->out != stdout)
		fclose(app->out);
	if (app->err != stderr)
		fclose(app->err);
	app->out = stdout;
	app->err = stderr;
}

static void print_warning(void *ctx, const char *msg)
{
	struct app *app = ctx;
	fprintf(app->err, "carnet: avertissement : %s\n", msg);
}

int app_config(struct app *app)
{
	struct cn_err err;
	const char *path = app->config_opt;
	int rc;

	if (app->cfg_loaded)
		return EXIT_OK;
	if (!path || !*path)
		path = getenv("CARNET_CONFIG");
	rc = config_load(&app->cfg, path, print_warning, app, &err);
	if (rc != CN_OK)
		return app_report(app, rc, NULL, &err);
	app->cfg_loaded = true;
	return EXIT_OK;
}

/* A folder others may write to lets them plant the database's side files
 * (a "carnet.db-wal" link, say) and lock the desk out, or worse. */
static void warn_open_folder(struct app *app, const char *db)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(db, '/');
	struct stat sb;

	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == db ? 1 : (int)(slash - db), db);
	if (stat(dir, &sb) == 0 && (sb.st_mode & (S_IWGRP | S_IWOTH)))
		fprintf(app->err,
		        "carnet: attention : le dossier %s de la base est modifiable par d'autres comptes "
		        "(droits %04o) : ils peuvent y remplacer ou bloquer les fichiers de la base ; "
		        "chmod 700 %s, ou placez la base dans un dossier à vous\n",
		        dir, (unsigned)(sb.st_mode & 07777), dir);
}

static int open_store(struct app *app, bool create)
{
	char path[PATH_MAX];
	const char *db = app->db_opt;
	struct cn_err err;
	int rc = app_config(app);

	if (rc != EXIT_OK || app->st)
		return rc;
	if (!db || !*db)
		db = getenv("CARNET_DB");
	if (!db || !*db) {
		if ((rc = store_default_path(path, sizeof path, &err)) != CN_OK)
			return app_report(app, rc, NULL, &err);
		db = path;
	}
	rc = create ? store_open(&app->st, db, &err) : store_open_existing(&app->st, db, &err);
	if (rc != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (store_file_mode(app->st) & 077)
		fprintf(app->err,
		        "carnet: attention : la base %s est lisible par d'autres comptes que le vôtre "
		        "(droits %04o) ; elle contient des données personnelles : chmod 600 %s\n",
		        db, store_file_mode(app->st), db);
	warn_open_folder(app, db);
	return EXIT_OK;
}

int app_open(struct app *app)
{
	return open_store(app, true);
}

int app_open_existing(struct app *app)
{
	return open_store(app, false);
}

void app_close(struct app *app)
{
	store_close(app->st);
	app->st = NULL;
	if (app->cfg_loaded)
		config_free(&app->cfg);
	app->cfg_loaded = false;
}

int app_fail(struct app *app, int code, const char *fmt, ...)
{
	va_list ap;

	fputs("carnet: ", app->err);
	va_start(ap, fmt);
	vfprintf(app->err, fmt, ap);
	va_end(ap);
	fputc('\n', app->err);
	return code;
}

int app_report(struct app *app, int status, const char *option, const struct cn_err *err)
{
	if (option)
		return app_fail(app, cn_exit_status(status), "%s : %s", option, err->msg);
	return app_fail(app, cn_exit_status(status), "%s", err->msg);
}

const char *app_desk_name(const struct app *app)
{
	if (app->cfg.desk_name[0])
		return app->cfg.desk_name;
	if (!app->cfg.site[0] || strcmp(app->cfg.site, DEFAULT_SITE_CODE) == 0)
		return "";
	return lists_label(&app->cfg.lists, L_SITE, app->cfg.site);
}
