/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A tiny unit test harness: each check prints "ok - …" or "not ok - …",
 * which tests/run.sh counts. */
#ifndef CARNET_TEST_HARNESS_H
#define CARNET_TEST_HARNESS_H

#include <stdbool.h>
#include <string.h>

int harness_check(bool cond, const char *expr, const char *file, int line);
int harness_check_str(const char *got, const char *want, const char *expr,
                      const char *file, int line);
int harness_check_int(long got, long want, const char *expr, const char *file, int line);
/* Runs fn under the name `name`; returns the number of failed checks. */
void harness_run(const char *name, void (*fn)(void));
int harness_finish(void);
/* A fresh temporary directory, removed at exit. */
const char *harness_tmpdir(void);

#define CHECK(c) harness_check((c), #c, __FILE__, __LINE__)
#define CHECK_STR(got, want) harness_check_str((got), (want), #got, __FILE__, __LINE__)
#define CHECK_INT(got, want) harness_check_int((long)(got), (long)(want), #got, __FILE__, __LINE__)
#define RUN(fn) harness_run(#fn, fn)

#endif
