/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Codes of the value lists, single and multi-valued. */
#ifndef CARNET_CODES_H
#define CARNET_CODES_H

#include <stdbool.h>
#include <stddef.h>
#include "carnet/model/err.h"

#define CODE_MAX 32     /* 31 characters + NUL */
#define CODESET_MAX 32  /* values of one multi-valued field */

struct codeset {
	int n;
	char v[CODESET_MAX][CODE_MAX];
};

/* Lower-cases and checks a code: letters a-z, digits, '_' or '-', at most 31. */
bool code_normalize(const char *in, char out[CODE_MAX]);
/* Parses "a,b , C": trimmed, lower-cased, duplicates dropped, order kept.
 * An empty text gives an empty set. */
int codeset_parse(struct codeset *set, const char *text, struct cn_err *err);
/* The same codes in the same order. */
bool codeset_equal(const struct codeset *a, const struct codeset *b);
bool codeset_has(const struct codeset *set, const char *code);
int codeset_add(struct codeset *set, const char *code);
/* Joins with sep ("," or "|"); returns false when out is too small. */
bool codeset_join(const struct codeset *set, const char *sep, char *out, size_t size);

#endif
