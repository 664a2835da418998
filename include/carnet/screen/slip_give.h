/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Giving a slip (fiche d'orientation) from the desk screen: the slip
 * sent to [desk] printer (the 42-column text) or, without a printer,
 * written as an A5 HTML page to $XDG_DATA_HOME/carnet/fiches/. */
#ifndef CARNET_SLIP_GIVE_H
#define CARNET_SLIP_GIVE_H

#include <stdbool.h>
#include <stddef.h>
#include "carnet/app/app.h"
#include "carnet/report/slip.h"

/* Seconds the desk screen waits for the printer command. */
#define SLIP_PRINTER_TIMEOUT 10

/* From the desk screen: the slip of place p dated `date` (AAAA-MM-JJ),
 * with the person's code when code is neither NULL nor "", sent to
 * [desk] printer (killed after SLIP_PRINTER_TIMEOUT s, its output to
 * /dev/null) or written to $XDG_DATA_HOME/carnet/fiches/AAAA-MM-JJ-ID.html
 * (0600, the folders 0700; never onto the database). msg gets the French
 * message for the status line, success or failure; returns an exit
 * status. Nothing is printed on app->err. */
int slip_give(struct app *app, const struct place *p, const char *date, const char *code,
                 char *msg, size_t size);

#endif
