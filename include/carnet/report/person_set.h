/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The distinct persons of a report's period, in memory and in order: the
 * ids of the visits as they are read, sorted and made unique whenever the
 * array fills, so that it holds about twice the distinct persons at most,
 * whatever the number of visits. */
#ifndef CARNET_PERSON_SET_H
#define CARNET_PERSON_SET_H

#include <stddef.h>
#include "carnet/model/ids.h"

struct person_set {
	char (*id)[ID_LEN];
	size_t n, cap;
};

/* Adds an id (a text of at most ID_LEN - 1 bytes; longer ones are cut):
 * 0, or -1 when out of memory. */
int person_set_add(struct person_set *s, const char *id, size_t len);
/* Sorts the ids and keeps each once; s->n is then the count. */
void person_set_finish(struct person_set *s);
void person_set_free(struct person_set *s);

#endif
