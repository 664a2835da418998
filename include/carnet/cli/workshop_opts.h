/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The options of "workshop add" and "workshop edit", parsed into a
 * workshop. */
#ifndef CARNET_WORKSHOP_OPTS_H
#define CARNET_WORKSHOP_OPTS_H

#include <stdbool.h>
#include "carnet/app/app.h"
#include "carnet/model/workshop.h"

/* --participant CODE[:absent] adds a participant or sets its presence;
 * --no-participant CODE (edit) takes one away. */
struct participant_change {
	char code[PCODE_MAX];
	bool present;
	bool remove;
};

struct workshop_opts {
	struct workshop w;                /* the values given */
	bool set[WF_COUNT];               /* which fields an option gave */
	int nchanges;
	struct participant_change changes[2 * PARTICIPANTS_MAX];
};

/* Parses argv (getopt_long, from optind = 1) into o; --no-participant only
 * when edit. Syntax errors are reported and their exit status returned. */
int workshop_opts_parse(struct app *app, const char *command, bool edit, int argc, char **argv,
                        struct workshop_opts *o);
/* Copies the given fields of o onto w and makes the participants' changes
 * in their order; returns an exit status (a participant taken away who
 * was not one, too many participants). */
int workshop_opts_apply(struct app *app, const struct workshop_opts *o, struct workshop *w);
/* The option that sets field f ("--theme"). */
const char *workshop_opts_name(enum workshop_field f);
/* Reports a model or store error, naming the option of its field. */
int workshop_opts_report(struct app *app, int status, const struct cn_err *err);

#endif
