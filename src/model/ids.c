/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sys/random.h>
#include <uuid/uuid.h>
#include "carnet/model/ids.h"

/* No 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V: codes are read aloud and copied by hand. */
static const char code_alphabet[] = "34679ACDEFGHJKMNPQRTWXY";

void id_new(char out[ID_LEN])
{
	uuid_t u;
	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

int id_new_record(char id[ID_LEN], char created[TS_LEN], char updated[TS_LEN],
                  char deleted[TS_LEN], struct cn_err *err)
{
	int rc = clock_timestamp(created, err);

	if (rc != CN_OK)
		return rc;
	memcpy(updated, created, TS_LEN);
	deleted[0] = '\0';
	id_new(id);
	return CN_OK;
}

bool id_valid(const char *s)
{
	uuid_t u;
	if (strlen(s) != 36 || uuid_parse(s, u) != 0)
		return false;
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'F')
			return false;
	return true;
}

void person_code_new(char out[PCODE_MAX])
{
	unsigned char r[PCODE_NEW_LEN];
	const size_t n = sizeof code_alphabet - 1;
	int letters;

	/* At least two letters: a spreadsheet never reads the code as a number
	 * ("0123"), a scientific number ("3E7946") or a date. */
	do {
		size_t got = 0;
		while (got < sizeof r) {
			ssize_t k = getrandom(r + got, sizeof r - got, 0);
			if (k > 0)
				got += (size_t)k;
		}
		letters = 0;
		/* 256 % 23 leaves a tiny bias, harmless for a pseudonym. */
		for (size_t i = 0; i < sizeof r; i++) {
			out[i] = code_alphabet[r[i] % n];
			letters += out[i] >= 'A' && out[i] <= 'Z';
		}
	} while (letters < 2);
	out[PCODE_NEW_LEN] = '\0';
}

bool person_code_normalize(const char *in, char out[PCODE_MAX])
{
	size_t len = strlen(in);

	if (len < 4 || len >= PCODE_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = in[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return false;
		out[i] = c;
	}
	out[len] = '\0';
	return true;
}
