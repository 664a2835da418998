/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Record ids (UUID v4) and pseudonymous person codes. */
#ifndef CARNET_IDS_H
#define CARNET_IDS_H

#include <stdbool.h>
#include "carnet/model/clock.h"
#include "carnet/model/err.h"

#define ID_LEN 37          /* 36 characters + NUL */
#define PCODE_MAX 17       /* person code: 4 to 16 characters + NUL */
#define PCODE_NEW_LEN 6    /* length of the codes carnet generates */

void id_new(char out[ID_LEN]);
bool id_valid(const char *s);
/* A new record's identity: a new id, created and updated now, not deleted. */
int id_new_record(char id[ID_LEN], char created[TS_LEN], char updated[TS_LEN],
                  char deleted[TS_LEN], struct cn_err *err);
/* A new code of PCODE_NEW_LEN characters from an alphabet without the
 * look-alikes 0/O, 1/I/L, 5/S, 8/B, 2/Z, U/V. */
void person_code_new(char out[PCODE_MAX]);
/* Upper-cases and checks a typed code: 4 to 16 letters or digits. */
bool person_code_normalize(const char *in, char out[PCODE_MAX]);

#endif
