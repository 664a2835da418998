/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/model/fold.h"

/* U+00C0 to U+00FF without their accents, lowercased; 0 for the
 * characters kept as they are (×, ÷). */
static const char latin1[64] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
                               "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

/* The code point of the UTF-8 sequence at s and its length (1 for a byte
 * that starts no valid sequence: it is kept as it is). */
static unsigned decode(const unsigned char *s, int *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80) {
		*len = 2;
		return ((s[0] & 0x1fu) << 6) | (s[1] & 0x3fu);
	}
	if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
		*len = 3;
		return ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
	}
	*len = 1;
	return 0xfffd;
}

void fold_text(const char *s, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used = 0;
	bool space = false;

	if (size == 0)
		return;
	while (*p) {
		int len;
		unsigned c = decode(p, &len);
		const char *rep = NULL;
		char one[2] = {0, 0};

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 || c == 0x202f ||
		    c == 0x2009) {
			space = used > 0;
			p += len;
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			one[0] = (char)(c + 32);
		else if (c == 0x152 || c == 0x153)
			rep = "oe";
		else if (c == 0xc6 || c == 0xe6)
			rep = "ae";
		else if (c == 0xdf)
			rep = "ss";
		else if (c >= 0xc0 && c <= 0xff && latin1[c - 0xc0])
			one[0] = latin1[c - 0xc0];
		else if (c == 0x2019 || c == 0x2018 || c == 0x02bc)
			one[0] = '\'';
		size_t n = rep ? strlen(rep) : one[0] ? 1 : (size_t)len;
		if (used + (space ? 1 : 0) + n >= size)
			break;
		if (space)
			out[used++] = ' ';
		space = false;
		memcpy(out + used, rep ? rep : one[0] ? one : (const char *)p, n);
		used += n;
		p += len;
	}
	out[used] = '\0';
}

bool fold_equal(const char *a, const char *b)
{
	char fa[1024], fb[1024];

	fold_text(a, fa, sizeof fa);
	fold_text(b, fb, sizeof fb);
	return strcmp(fa, fb) == 0;
}
