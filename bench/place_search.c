/* SPDX-License-Identifier: GPL-3.0-or-later */
/* place_search: the time of one keystroke in the "Lieu d'orientation"
 * field of the visit form — place_picker_search, the function the screen
 * calls after each letter — on a database of places, for texts growing one
 * letter at a time as a mediator types them. Prints the median, min and
 * max of RUNS calls per text, in milliseconds; the target is under 50 ms.
 *
 *   place_search DB [RUNS] [TEXT…]
 *
 * (bench/places.sh makes a database of 10,000 places; make bench-places
 * runs both.) A benchmark, not a test: it asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bench_time.h"
#include "carnet/screen/place_picker.h"

int main(int argc, char **argv)
{
	static const char *const typed[] = {"me",        "med",         "medi",       "media",
	                                    "mediat",    "mediath",     "mediathe",   "mediatheq",
	                                    "mediatheque", "Rennes",    "bres",       "aide aux",
	                                    "zzzz"};
	const char *const *texts = typed;
	int ntexts = (int)(sizeof typed / sizeof typed[0]), runs = argc > 2 ? atoi(argv[2]) : 11;
	struct place_picker *pk = calloc(1, sizeof *pk);
	struct store *st;
	struct cn_err err;
	double worst = 0;

	if (argc < 2 || runs < 1 || !pk) {
		fprintf(stderr, "usage: place_search DB [RUNS] [TEXT…]\n");
		return 2;
	}
	if (argc > 3) {
		texts = (const char *const *)argv + 3;
		ntexts = argc - 3;
	}
	if (store_open_existing(&st, argv[1], &err) != CN_OK) {
		fprintf(stderr, "place_search: %s\n", err.msg);
		return 1;
	}
	printf("place_picker_search on %s, %d calls per text (ms)\n", argv[1], runs);
	printf("  %-14s %8s %8s %8s %8s\n", "text", "median", "min", "max", "matches");
	for (int k = 0; k < ntexts; k++) {
		double *t = calloc((size_t)runs, sizeof *t);
		if (!t)
			return 1;
		for (int i = 0; i < runs; i++) {
			double start = bench_now_ms();
			if (place_picker_search(pk, st, texts[k], &err) != CN_OK) {
				fprintf(stderr, "place_search: %s\n", err.msg);
				return 1;
			}
			t[i] = bench_now_ms() - start;
		}
		qsort(t, (size_t)runs, sizeof *t, bench_cmp_ms);
		printf("  %-14s %8.2f %8.2f %8.2f %8d\n", texts[k], t[runs / 2], t[0], t[runs - 1],
		       pk->total);
		if (t[runs / 2] > worst)
			worst = t[runs / 2];
		free(t);
	}
	printf("  worst median: %.2f ms (target: under 50 ms a keystroke)\n", worst);
	store_close(st);
	free(pk);
	return 0;
}
