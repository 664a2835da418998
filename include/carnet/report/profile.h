/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The public of a set of persons: their coarse profiles counted, for the
 * visitors of a period (section 7) and the participants of its workshops
 * (section 8). */
#ifndef CARNET_PROFILE_H
#define CARNET_PROFILE_H

#include "carnet/model/err.h"
#include "carnet/model/lists.h"
#include "carnet/report/dist.h"
#include "carnet/store/store.h"

/* The profile's fields, in this order: tranche d'âge, genre, commune ou
 * quartier, situation, équipement à domicile. */
enum { PROFILE_FIELDS = 5 };
extern const int profile_lists[PROFILE_FIELDS];

/* Starts each distribution with its list's codes and its « non renseigné »
 * row (never hidden), `total` as its base. */
void profile_init(struct dist *out[PROFILE_FIELDS], const struct lists *ls, long total);
/* Adds the profiles of the persons whose ids the temporary table `table`
 * holds (a name chosen by the code, never user data), each once: one
 * query grouping them by profile. Several pieces of equipment: a person
 * counts once in each. */
int profile_count(struct store *st, const char *table, struct dist *out[PROFILE_FIELDS],
                  struct cn_err *err);
/* The same for the persons of s (sorted, each once): one seek in the
 * person table for each; an id with no person row counts nowhere. */
struct person_set;
int profile_count_set(struct store *st, const struct person_set *s,
                      struct dist *out[PROFILE_FIELDS], struct cn_err *err);
/* Puts the codes the lists do not know in order, « non renseigné » last. */
void profile_finish(struct dist *out[PROFILE_FIELDS], const struct lists *ls);

#endif
