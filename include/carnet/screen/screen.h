/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The desk screen as a whole: the terminal (ui) with the day's list as its
 * first view. The command line enters the screen through this header only. */
#ifndef CARNET_SCREEN_H
#define CARNET_SCREEN_H

#include <stdio.h>
#include "carnet/app/app.h"
#include "carnet/screen/ui.h"

/* Runs the desk screen on the terminal; returns the exit status. */
int screen_run(struct app *app);
/* Opens the database and the terminal (out, in), then the day's list, and
 * draws it: what screen_run does before the first key (the benchmark times
 * it). Close with ui_finish() whatever it returns. */
int screen_start(struct ui *ui, struct app *app, FILE *out, FILE *in);

#endif
