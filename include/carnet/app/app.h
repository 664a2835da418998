/* The application context shared by the commands (and later the screens). */
#ifndef CARNET_APP_H
#define CARNET_APP_H

#include <stdbool.h>
#include <stdio.h>
#include "carnet/config.h"
#include "carnet/store.h"

struct app {
	const char *db_opt;      /* --db, or NULL */
	const char *config_opt;  /* --config, or NULL */
	struct config cfg;
	bool cfg_loaded;
	struct store *st;
	FILE *out;               /* results */
	FILE *err;               /* messages */
};

void app_init(struct app *app);
/* Loads the configuration once; prints warnings; returns an exit status. */
int app_config(struct app *app);
/* Loads the configuration and opens the database; returns an exit status. */
int app_open(struct app *app);
void app_close(struct app *app);

#endif
