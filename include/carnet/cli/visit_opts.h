/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The options of "add" and "edit", parsed into a visit. */
#ifndef CARNET_VISIT_OPTS_H
#define CARNET_VISIT_OPTS_H

#include <stdbool.h>
#include "carnet/app/app.h"
#include "carnet/model/visit.h"

struct visit_opts {
	struct visit v;          /* the values given */
	bool set[VF_COUNT];      /* which fields an option gave */
	char place_key[404];     /* --referral-place: a place of the directory */
};

/* Parses argv (getopt_long, from optind = 1) into o. Syntax errors (a bad
 * date, a malformed code) are reported and their exit status returned;
 * EXIT_OK otherwise. For "edit", the remaining argument is the id. */
int visit_opts_parse(struct app *app, const char *command, int argc, char **argv,
                     struct visit_opts *o);
/* Copies the given fields of o onto v. */
void visit_opts_apply(const struct visit_opts *o, struct visit *v);
/* With --referral-place, finds the place in the directory of the open base
 * (its standard id, or the start of carnet's id, as "carnet place show"
 * takes it) and puts its id in v, and its category in an empty "orienté
 * vers"; an empty value takes the place away. Reported, with its exit
 * status, when there is no such place. */
int visit_opts_place(struct app *app, const struct visit_opts *o, struct visit *v);
/* The option that sets field f ("--organism"). */
const char *visit_opts_name(enum visit_field f);

#endif
