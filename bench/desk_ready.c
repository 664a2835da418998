/* SPDX-License-Identifier: GPL-3.0-or-later */
/* desk_ready: how long the desk screen takes to be ready — configuration,
 * database, the day's visits and the first drawing — on a database of many
 * visits, against an empty one, in the same run.
 *
 *   desk_ready BIG.db EMPTY.db [RUNS]
 *
 * The screen is drawn into /dev/null through curses with TERM as set. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "bench_time.h"
#include "carnet/app/app.h"
#include "carnet/screen/screen.h"

/* Median time of `runs` cold starts of the screen on db; -1 on failure. */
static double measure(const char *db, int runs, double *min, double *max)
{
	double *t = calloc((size_t)runs, sizeof *t), median;

	for (int i = 0; i < runs; i++) {
		FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
		struct app app;
		struct ui ui;
		double start;
		int rc;

		app_init(&app);
		app.db_opt = db;
		start = bench_now_ms();
		rc = screen_start(&ui, &app, out, in);
		t[i] = bench_now_ms() - start;
		ui_finish(&ui, rc);
		app_close(&app);
		fclose(out);
		fclose(in);
		if (rc != 0) {
			free(t);
			return -1;
		}
	}
	qsort(t, (size_t)runs, sizeof *t, bench_cmp_ms);
	*min = t[0];
	*max = t[runs - 1];
	median = t[runs / 2];
	free(t);
	return median;
}

int main(int argc, char **argv)
{
	int runs = argc > 3 ? atoi(argv[3]) : 21;
	double bmin, bmax, emin, emax, big, empty;

	if (argc < 3 || runs < 1) {
		fprintf(stderr, "usage: desk_ready BIG.db EMPTY.db [RUNS]\n");
		return 2;
	}
	big = measure(argv[1], runs, &bmin, &bmax);
	empty = measure(argv[2], runs, &emin, &emax);
	if (big < 0 || empty < 0) {
		fprintf(stderr, "desk_ready: the screen could not start\n");
		return 1;
	}
	printf("desk screen ready, median of %d runs (min–max):\n", runs);
	printf("  %-28s %7.2f ms (%.2f–%.2f)\n", argv[1], big, bmin, bmax);
	printf("  %-28s %7.2f ms (%.2f–%.2f)\n", argv[2], empty, emin, emax);
	printf("  ratio big / empty: %.2f\n", big / empty);
	return 0;
}
