/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The options of "time add" and "time edit", parsed into a time outside
 * accompaniment. */
#ifndef CARNET_WORKTIME_OPTS_H
#define CARNET_WORKTIME_OPTS_H

#include <stdbool.h>
#include "carnet/app/app.h"
#include "carnet/model/worktime.h"

struct worktime_opts {
	struct worktime t;        /* the values given */
	bool set[TF_COUNT];       /* which fields an option gave */
};

/* Parses argv (getopt_long, from optind = 1) into o; syntax errors are
 * reported and their exit status returned. */
int worktime_opts_parse(struct app *app, const char *command, int argc, char **argv,
                        struct worktime_opts *o);
/* Copies the given fields of o onto t. */
void worktime_opts_apply(const struct worktime_opts *o, struct worktime *t);
/* The option that sets field f ("--kind"). */
const char *worktime_opts_name(enum worktime_field f);
/* Reports a model or store error, naming the option of its field. */
int worktime_opts_report(struct app *app, int status, const struct cn_err *err);

#endif
