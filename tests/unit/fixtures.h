/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the unit tests: temporary files and the shipped lists. */
#ifndef CARNET_TEST_FIXTURES_H
#define CARNET_TEST_FIXTURES_H

#include <stdio.h>
#include <stdlib.h>
#include "carnet/model/config.h"
#include "harness.h"

/* Writes text to a new file in the test's temporary directory. */
static inline const char *write_file(const char *name, const char *text)
{
	static char paths[8][512];
	static int next;
	char *path = paths[next++ % 8];
	FILE *f;

	snprintf(path, sizeof paths[0], "%s/%s", harness_tmpdir(), name);
	f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
	return path;
}

/* The shipped default lists of the source tree. */
static inline const char *shipped_ini(void)
{
	static char path[512];
	const char *top = getenv("TESTS_DIR");
	snprintf(path, sizeof path, "%s/../share/carnet/carnet.ini", top ? top : "tests");
	return path;
}

#endif
