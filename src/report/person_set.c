/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/report/person_set.h"

static int by_id(const void *a, const void *b)
{
	return strcmp(a, b);
}

void person_set_finish(struct person_set *s)
{
	size_t kept = 0;

	if (!s->n)
		return;
	qsort(s->id, s->n, sizeof *s->id, by_id);
	for (size_t i = 1; i < s->n; i++)
		if (strcmp(s->id[kept], s->id[i]) != 0 && ++kept != i)
			memcpy(s->id[kept], s->id[i], ID_LEN);
	s->n = kept + 1;
}

int person_set_add(struct person_set *s, const char *id, size_t len)
{
	if (s->n == s->cap) {
		person_set_finish(s);
		/* Still half full once unique: room for as many again. */
		if (s->n >= s->cap / 2) {
			size_t cap = s->cap ? s->cap * 2 : 4096;
			char (*more)[ID_LEN] = realloc(s->id, cap * sizeof *more);

			if (!more)
				return -1;
			s->id = more;
			s->cap = cap;
		}
	}
	if (len >= ID_LEN)
		len = ID_LEN - 1;
	memcpy(s->id[s->n], id, len);
	s->id[s->n][len] = '\0';
	s->n++;
	return 0;
}

void person_set_free(struct person_set *s)
{
	free(s->id);
	memset(s, 0, sizeof *s);
}
