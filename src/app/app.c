#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include "carnet/app/app.h"

void app_init(struct app *app)
{
	*app = (struct app){.out = stdout, .err = stderr};
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

int app_open(struct app *app)
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
	rc = store_open(&app->st, db, &err);
	if (rc != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (store_file_mode(app->st) & 077)
		fprintf(app->err,
		        "carnet: attention : la base %s est lisible par d'autres comptes que le vôtre "
		        "(droits %04o) ; elle contient des données personnelles : chmod 600 %s\n",
		        db, store_file_mode(app->st), db);
	return EXIT_OK;
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
