/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What carnet sends to the desk's printer: the command of [desk]
 * printer ("lp -d accueil"), cut at its spaces and run without a shell,
 * reads the document on its standard input. For a command, its standard
 * output and error are carnet's; for the desk screen, they go to /dev/null
 * (nothing scribbles on the screen) and a command that does not end in
 * time is killed. */
#ifndef CARNET_PRINTER_H
#define CARNET_PRINTER_H

#include <stdbool.h>
#include <stddef.h>
#include "carnet/app/app.h"

/* Words of a command line at most. */
#define PRINTER_MAX_ARGS 32

struct printer_opts {
	int timeout_s; /* > 0: killed after that many seconds */
	bool quiet;    /* its standard output and error go to /dev/null */
};

/* Sends data[0..len) to command and waits for it. Returns an exit status:
 * EXIT_OK when the command read it all and ended with status 0;
 * EXIT_CONFIG when it cannot be run (not found, not executable, too many
 * words); EXIT_INVALID when it failed (its status or signal said) or did
 * not end in time. Otherwise msg holds the French message. */
int printer_run(const char *command, const char *data, size_t len,
                const struct printer_opts *opts, char *msg, size_t size);

/* The same for a command: no time limit, the command's streams are
 * carnet's; prints the French message (naming `option`). */
int printer_send(struct app *app, const char *option, const char *command, const char *data,
                 size_t len);

#endif
