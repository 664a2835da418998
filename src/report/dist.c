/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/err.h"
#include "carnet/report/dist.h"

int dist_find(const struct dist *d, const char *code, int from)
{
	for (int i = from; i < d->n; i++)
		if (strcmp(d->code[i], code) == 0)
			return i;
	return -1;
}

int dist_push(struct dist *d, const char *code, long count)
{
	char (*codes)[CODE_MAX] = realloc(d->code, sizeof *codes * (size_t)(d->n + 1));
	long *counts = realloc(d->count, sizeof *counts * (size_t)(d->n + 1));

	if (codes)
		d->code = codes;
	if (counts)
		d->count = counts;
	if (!codes || !counts)
		return -1;
	snprintf(d->code[d->n], CODE_MAX, "%s", code);
	d->count[d->n] = count;
	return d->n++;
}

int dist_slot(struct dist *d, const char *code)
{
	int i = dist_find(d, code, 0);

	return i >= 0 ? i : dist_push(d, code, 0);
}

int dist_add(struct dist *d, const char *code, long count)
{
	int i = dist_slot(d, code);

	if (i < 0)
		return CN_EDB;
	d->count[i] += count;
	return CN_OK;
}

int dist_add_codes(struct dist *d, const char *codes, long count, bool none)
{
	const char *p = codes;

	if (!*p && none)
		return dist_add(d, "", count);
	while (*p) {
		size_t len = strcspn(p, "|");
		char code[CODE_MAX];

		snprintf(code, sizeof code, "%.*s", (int)(len < CODE_MAX ? len : CODE_MAX - 1), p);
		p += len + (p[len] == '|');
		if (dist_add(d, code, count) != CN_OK)
			return CN_EDB;
	}
	return CN_OK;
}

void dist_init(struct dist *d, const struct lists *ls, int list)
{
	memset(d, 0, sizeof *d);
	if (list < 0)
		return;
	for (int i = 0; i < ls->l[list].n; i++)
		dist_add(d, ls->l[list].e[i].code, 0);
}

void dist_free(struct dist *d)
{
	free(d->code);
	free(d->count);
	memset(d, 0, sizeof *d);
}

/* The codes a list does not know by code, with "" ("non renseigné") last. */
static int extra_cmp(const char *x, const char *y)
{
	if (!*x || !*y)
		return !*x - !*y;
	return strcmp(x, y);
}

void dist_sort(struct dist *d, int known, void (*swap)(void *ctx, int i, int j), void *ctx)
{
	for (int i = known; i < d->n; i++)
		for (int j = i + 1; j < d->n; j++)
			if (extra_cmp(d->code[j], d->code[i]) < 0) {
				char code[CODE_MAX];
				long count = d->count[i];
				memcpy(code, d->code[i], CODE_MAX);
				memcpy(d->code[i], d->code[j], CODE_MAX);
				memcpy(d->code[j], code, CODE_MAX);
				d->count[i] = d->count[j];
				d->count[j] = count;
				if (swap)
					swap(ctx, i, j);
			}
}

long dist_count(const struct dist *d, const char *code)
{
	int i = d ? dist_find(d, code, 0) : -1;
	return i >= 0 ? d->count[i] : 0;
}
