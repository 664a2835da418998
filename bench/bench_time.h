/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The clock and the sort of the benchmarks' timings (milliseconds). */
#ifndef CARNET_BENCH_TIME_H
#define CARNET_BENCH_TIME_H

#include <time.h>

static inline double bench_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* For qsort of doubles, ascending. */
static inline int bench_cmp_ms(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

#endif
