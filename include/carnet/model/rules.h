/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules every kind of record applies to its fields (a visit, a
 * workshop, a time outside accompaniment): codes from a value list, free
 * texts. Each check names the field through err->field and its French
 * label in the message. */
#ifndef CARNET_RULES_H
#define CARNET_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include "carnet/model/codes.h"
#include "carnet/model/err.h"
#include "carnet/model/lists.h"

/* A single code of list id: "" is "LABEL obligatoire" when required. A
 * code the record already had (prev_code) stays valid though retired;
 * foreign (a record of another desk) accepts well-formed unknown codes and
 * notes them. */
int rule_code(const struct lists *ls, enum list_id id, int field, const char *label,
              const char *code, const char *prev_code, bool required,
              struct unknown_codes *foreign, struct cn_err *err);
/* Each code of a set, by the same rules (prev: the stored set, or NULL). */
int rule_codes(const struct lists *ls, enum list_id id, int field, const struct codeset *set,
               const struct codeset *prev, struct unknown_codes *foreign, struct cn_err *err);
/* Free text: valid UTF-8, no control, invisible or direction character,
 * at most max characters. */
int rule_text(const char *s, size_t max, int field, struct cn_err *err);
/* A real date (AAAA-MM-JJ) and a time (HH:MM). */
int rule_date(const char *date, int field, struct cn_err *err);
int rule_time(const char *time, int field, struct cn_err *err);
/* Minutes from min to max. */
int rule_minutes(int minutes, int min, int max, int field, struct cn_err *err);

#endif
