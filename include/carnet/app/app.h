/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application context shared by the commands and the desk screen: the
 * configuration, the database and where results and messages go. */
#ifndef CARNET_APP_H
#define CARNET_APP_H

#include <stdbool.h>
#include <stdio.h>
#include "carnet/model/config.h"
#include "carnet/store/store.h"

struct app {
	const char *db_opt;      /* --db, or NULL */
	const char *config_opt;  /* --config, or NULL */
	struct config cfg;
	bool cfg_loaded;
	struct store *st;
	FILE *out;               /* results */
	FILE *err;               /* messages */
	FILE *progress;          /* the progress bar: the real stderr */
};

void app_init(struct app *app);
/* From here on, messages (always) and results (when they go to a terminal)
 * pass through escape_stream(): what data or a file holds never reaches a
 * terminal as a control. app_streams_close() flushes and releases them. */
void app_guard_streams(struct app *app);
void app_streams_close(struct app *app);
/* Loads the configuration once; prints warnings; returns an exit status. */
int app_config(struct app *app);
/* Loads the configuration and opens the database; returns an exit status. */
int app_open(struct app *app);
/* The same for the commands that only read: a database that does not
 * exist is "base introuvable" (exit 3), never created. */
int app_open_existing(struct app *app);
void app_close(struct app *app);
/* The desk's name: [desk] name, or its site's label ("" for the site that
 * stands in when the configuration names none). */
const char *app_desk_name(const struct app *app);

/* Prints "carnet: message" on app->err and returns `code`. */
int app_fail(struct app *app, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Prints err's message, prefixed by `option : ` when given; returns the
 * exit status for `status`. */
int app_report(struct app *app, int status, const char *option, const struct cn_err *err);

#endif
