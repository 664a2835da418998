/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A progress bar on the terminal for long work ("Import [#####     ] 45 %"),
 * drawn only when the stream is a terminal, at most ten times a second. */
#ifndef CARNET_PROGRESS_H
#define CARNET_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>
#include "carnet/store/store.h"

struct progress {
	FILE *out;          /* NULL: not a terminal, nothing drawn */
	const char *label;
	long long total;
	double last;        /* when it was last drawn, in seconds */
	bool drawn;
};

void progress_start(struct progress *p, FILE *out, const char *label, long long total);
void progress_update(struct progress *p, long long done);
/* Clears the bar's line. */
void progress_end(struct progress *p);
/* store_commit(), with a bar « Index des passages » on out while the
 * indexes of a large load are built again. */
int progress_commit(struct store *st, FILE *out, struct cn_err *err);

#endif
