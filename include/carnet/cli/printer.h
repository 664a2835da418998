/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a command sends to the desk's printer: the command of [desk]
 * printer ("lp -d accueil"), cut at its spaces and run without a shell,
 * reads the document on its standard input; its standard output and error
 * are carnet's. */
#ifndef CARNET_PRINTER_H
#define CARNET_PRINTER_H

#include <stddef.h>
#include "carnet/app/app.h"

/* Words of a command line at most. */
#define PRINTER_MAX_ARGS 32

/* Sends data[0..len) to command and waits for it. Prints the French message
 * (naming `option`) and returns an exit status: EXIT_OK when the command
 * read it all and ended with status 0; EXIT_CONFIG when it cannot be run
 * (not found, not executable, too many words); EXIT_INVALID when it failed
 * (its status or signal said). */
int printer_send(struct app *app, const char *option, const char *command, const char *data,
                 size_t len);

#endif
