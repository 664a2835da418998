/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <time.h>
#include <unistd.h>
#include "carnet/cli/progress.h"

#define WIDTH 30

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(struct progress *p, FILE *out, const char *label, long long total)
{
	p->out = out && total > 0 && isatty(fileno(out)) ? out : NULL;
	p->label = label;
	p->total = total;
	p->last = 0;
	p->drawn = false;
}

void progress_update(struct progress *p, long long done)
{
	double now;
	int filled, percent;

	if (!p->out || (now = seconds()) - p->last < 0.1)
		return;
	p->last = now;
	if (done > p->total)
		done = p->total;
	filled = (int)(done * WIDTH / p->total);
	percent = (int)(done * 100 / p->total);
	fprintf(p->out, "\r%s [", p->label);
	for (int i = 0; i < WIDTH; i++)
		fputc(i < filled ? '#' : ' ', p->out);
	fprintf(p->out, "] %3d %%", percent);
	fflush(p->out);
	p->drawn = true;
}

/* A store_build_fn: the bar takes the total it is told. */
static void building(void *ctx, long long done, long long total)
{
	struct progress *p = ctx;

	if (total > 0) {
		p->total = total;
		progress_update(p, done);
	}
}

int progress_commit(struct store *st, FILE *out, struct cn_err *err)
{
	struct progress bar;
	int rc;

	progress_start(&bar, out, "Index des passages", 1);
	store_on_build(st, building, &bar);
	rc = store_commit(st, err);
	store_on_build(st, NULL, NULL);
	progress_end(&bar);
	return rc;
}

void progress_end(struct progress *p)
{
	if (p->out && p->drawn) {
		fputs("\r\033[K", p->out);
		fflush(p->out);
	}
	p->drawn = false;
}
