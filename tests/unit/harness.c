/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness.h"

static const char *current = "";
static int failures;
static int checks;
static char tmpdir[256];

int harness_check(bool cond, const char *expr, const char *file, int line)
{
	checks++;
	if (cond)
		return 1;
	failures++;
	printf("not ok - %s: %s (%s:%d)\n", current, expr, file, line);
	return 0;
}

int harness_check_str(const char *got, const char *want, const char *expr,
                      const char *file, int line)
{
	checks++;
	if (got && want && strcmp(got, want) == 0)
		return 1;
	failures++;
	printf("not ok - %s: %s is \"%s\", expected \"%s\" (%s:%d)\n", current, expr,
	       got ? got : "(null)", want ? want : "(null)", file, line);
	return 0;
}

int harness_check_int(long got, long want, const char *expr, const char *file, int line)
{
	checks++;
	if (got == want)
		return 1;
	failures++;
	printf("not ok - %s: %s is %ld, expected %ld (%s:%d)\n", current, expr, got, want,
	       file, line);
	return 0;
}

void harness_run(const char *name, void (*fn)(void))
{
	int before = failures, nchecks = checks;
	current = name;
	fn();
	if (checks == nchecks) {
		failures++;
		printf("not ok - %s: no check ran\n", name);
	} else if (failures == before) {
		printf("ok - %s\n", name);
	}
}

static void remove_tmpdir(void)
{
	char cmd[300];
	if (tmpdir[0]) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
	}
}

const char *harness_tmpdir(void)
{
	if (!tmpdir[0]) {
		const char *base = getenv("TMPDIR");
		snprintf(tmpdir, sizeof tmpdir, "%s/carnet-unit.XXXXXX", base ? base : "/tmp");
		if (!mkdtemp(tmpdir)) {
			perror("mkdtemp");
			exit(2);
		}
		atexit(remove_tmpdir);
	}
	return tmpdir;
}

int harness_finish(void)
{
	return failures ? 1 : 0;
}
