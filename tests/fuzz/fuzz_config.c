/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the configuration and list loader (config_load_files).
 *
 * The input is written to a scratch file and loaded twice: alone, then as the
 * most specific layer above the shipped share/carnet/carnet.ini, as carnet
 * does with /etc/carnet/carnet.ini or ~/.config/carnet/carnet.ini. What the
 * desk then does with the lists (one-key answers, filters over the labels,
 * "valeurs acceptées" messages) runs on the result. Everything is freed:
 * under AddressSanitizer a leak is a finding. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "carnet/screen/choices.h"
#include "carnet/model/config.h"
#include "carnet/model/text.h"

#ifndef FUZZ_TOP
#define FUZZ_TOP "."
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char input_path[PATH_MAX];
static const char shipped[] = FUZZ_TOP "/share/carnet/carnet.ini";

static void scratch_remove(void)
{
	if (input_path[0])
		unlink(input_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	int fd;

	(void)argc;
	(void)argv;
	snprintf(input_path, sizeof input_path, "%s/carnet-fuzz-config-XXXXXX", dir);
	fd = mkstemp(input_path);
	if (fd < 0) {
		perror(input_path);
		abort();
	}
	close(fd);
	atexit(scratch_remove);
	if (access(shipped, R_OK) != 0) {
		fprintf(stderr, "fuzz_config: %s introuvable\n", shipped);
		abort();
	}
	return 0;
}

/* The warnings are formatted text: read them whole. */
static void warn(void *ctx, const char *msg)
{
	size_t *total = ctx;
	*total += strlen(msg);
}

static void use(const struct config *cfg)
{
	static struct choices c;   /* large: off the stack */
	char accepted[4096];
	struct cn_err err;

	for (int id = 0; id < L_COUNT; id++) {
		const struct vlist *vl = &cfg->lists.l[id];

		lists_accepted(&cfg->lists, (enum list_id)id, accepted, sizeof accepted);
		for (int i = 0; i < vl->n; i++) {
			const struct list_entry *e = &vl->e[i];
			if (vlist_find(vl, e->code) != e)
				abort(); /* a code present twice in one list */
			(void)lists_check(&cfg->lists, (enum list_id)id, e->code, false, &err);
			(void)utf8_width(lists_label(&cfg->lists, (enum list_id)id, e->code));
		}
		choices_load(&c, vl, id == L_POSTURE, NULL, NULL);
		choices_filter_start(&c);
		choices_filter_type(&c, "a");
		choices_filter_type(&c, "é");
		choices_filter_erase(&c);
		choices_filter_stop(&c);
	}
	(void)vlist_active_count(&cfg->lists.l[L_SITE]);
}

static void load(const char *const *paths, int n)
{
	struct config cfg;
	struct cn_err err;
	size_t total = 0;

	if (config_load_files(&cfg, paths, n, warn, &total, &err) == CN_OK) {
		use(&cfg);
		config_free(&cfg);
	} else {
		(void)strlen(err.msg);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(input_path, "w");

	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	{
		const char *alone[] = {input_path};
		const char *layered[] = {shipped, input_path};
		load(alone, 1);
		load(layered, 2);
	}
	return 0;
}
