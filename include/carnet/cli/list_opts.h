/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The options of the commands that list the records of a period ("list",
 * "workshop list", "time list"): --from, --to, --site, --mediator, --person,
 * --format, -o; and how such a list is written. */
#ifndef CARNET_LIST_OPTS_H
#define CARNET_LIST_OPTS_H

#include <stdbool.h>
#include <stdio.h>
#include "carnet/app/app.h"
#include "carnet/app/output.h"
#include "carnet/store/visit_store.h"

enum list_format { FORMAT_TABLE, FORMAT_CSV, FORMAT_XLSX };

struct list_opts {
	struct visit_filter f;
	enum list_format format;
	const char *output;        /* -o FILE, or NULL */
};

/* What a command accepts besides the period, the sites and the mediators. */
enum { LIST_PERSON = 1, LIST_XLSX = 2 };

/* Parses argv (from optind = 1) into o: without --from and --to, the
 * current month; --to before --from is refused. Prints the French message
 * and returns an exit status. */
int list_opts_parse(struct app *app, const char *command, int accepts, int argc, char **argv,
                    struct list_opts *o);
/* Opens the database (it must exist) and the output, calls write, then
 * completes the output (or removes it when write failed). */
typedef int (*list_write_fn)(struct app *app, const struct list_opts *o, struct output *out);
int list_opts_write(struct app *app, const struct list_opts *o, list_write_fn write);
/* "Aucun atelier le 2026-11-18." / "… du … au … ." / "… pour ces critères.",
 * none being "Aucun atelier". */
void list_none(FILE *f, const struct visit_filter *filter, const char *none);

#endif
