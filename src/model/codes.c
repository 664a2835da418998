/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include "carnet/model/codes.h"
#include "carnet/model/text.h"

bool code_normalize(const char *in, char out[CODE_MAX])
{
	size_t len = strlen(in);

	if (len == 0 || len >= CODE_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = in[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return false;
		out[i] = c;
	}
	out[len] = '\0';
	return true;
}

bool codeset_has(const struct codeset *set, const char *code)
{
	for (int i = 0; i < set->n; i++)
		if (strcmp(set->v[i], code) == 0)
			return true;
	return false;
}

int codeset_add(struct codeset *set, const char *code)
{
	if (codeset_has(set, code))
		return CN_OK;
	if (set->n >= CODESET_MAX || strlen(code) >= CODE_MAX)
		return CN_EINVAL;
	strcpy(set->v[set->n++], code);
	return CN_OK;
}

int codeset_parse(struct codeset *set, const char *text, struct cn_err *err)
{
	const char *p = text;

	set->n = 0;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char item[CODE_MAX * 2], code[CODE_MAX];

		if (len >= sizeof item)
			return cn_err_set(err, CN_EINVAL, "code trop long « %.*s… »", 40, p);
		memcpy(item, p, len);
		item[len] = '\0';
		text_trim(item);
		if (item[0]) {
			if (!code_normalize(item, code))
				return cn_err_set(err, CN_EINVAL, "code inconnu « %s »", item);
			if (codeset_add(set, code) != CN_OK)
				return cn_err_set(err, CN_EINVAL, "plus de %d codes", CODESET_MAX);
		}
		p += len;
		if (*p == ',')
			p++;
	}
	return CN_OK;
}

bool codeset_join(const struct codeset *set, const char *sep, char *out, size_t size)
{
	size_t used = 0;

	if (size == 0)
		return false;
	out[0] = '\0';
	for (int i = 0; i < set->n; i++) {
		int k = snprintf(out + used, size - used, "%s%s", i ? sep : "", set->v[i]);
		if (k < 0 || (size_t)k >= size - used)
			return false;
		used += (size_t)k;
	}
	return true;
}

bool codeset_equal(const struct codeset *a, const struct codeset *b)
{
	if (a->n != b->n)
		return false;
	for (int i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return false;
	return true;
}
