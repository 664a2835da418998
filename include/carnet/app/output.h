/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The files that commands write with -o (export, report, list). Such a file
 * is never the database, one of its side files or any SQLite database, never
 * anything but a regular file (a link, a device, a pipe or a folder is
 * refused), and is written under a temporary name in its folder (0600),
 * then renamed over the old one once complete: a failed or killed write
 * leaves what was there as it was, and an existing file is never chmod'ed. */
#ifndef CARNET_OUTPUT_H
#define CARNET_OUTPUT_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include "carnet/app/app.h"

struct output {
	FILE *f;                      /* where to write */
	char path[PATH_MAX];          /* -o FILE, "" for app->out */
	char tmp[PATH_MAX + 16];
};

/* path NULL: the results go to app->out. Otherwise checks path (after
 * app_open: the database must be known) and opens the temporary file.
 * Prints the French message and returns an exit status. */
int output_open(struct app *app, struct output *o, const char *path);
/* Ends the output: when ok, completes the file and gives it its name;
 * otherwise removes what was written. Returns an exit status (EXIT_INVALID
 * when the file could not be completed). */
int output_close(struct app *app, struct output *o, bool ok);
/* The temporary file's path, for a writer that writes files itself (xlsx);
 * NULL without -o. */
const char *output_file(const struct output *o);

#endif
