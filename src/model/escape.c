/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* fopencookie */
#include <stdlib.h>
#include <string.h>
#include "carnet/model/escape.h"

static bool unsafe_cp(unsigned long c)
{
	return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
	       c == 0x061c || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	       c == 0x2060 || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

/* Length of the UTF-8 sequence at s (1 to 4) with its code point, 0 when
 * malformed; *cut when the sequence would go past len. */
static size_t decode(const unsigned char *s, size_t len, unsigned long *cp, bool *cut)
{
	size_t n, i;
	unsigned long c;

	*cut = false;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2, c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3, c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4, c = s[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if (i == len) {
			*cut = true;
			return 0;
		}
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

size_t escape_find(const char *s, size_t len, size_t *n, bool *cut)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t at = 0;

	if (cut)
		*cut = false;
	while (at < len) {
		unsigned long cp;
		bool short_seq;
		size_t k = decode(p + at, len - at, &cp, &short_seq);

		if (k == 0) {
			*n = short_seq ? len - at : 1;
			if (cut)
				*cut = short_seq;
			return at;
		}
		if (unsafe_cp(cp)) {
			*n = k;
			return at;
		}
		at += k;
	}
	*n = 0;
	return len;
}

void escape_write(FILE *f, const char *s, size_t len)
{
	while (len > 0) {
		size_t n, at = escape_find(s, len, &n, NULL);
		unsigned long cp = 0;
		bool cut;

		fwrite(s, 1, at, f);
		if (at == len)
			return;
		if (n > 1 && decode((const unsigned char *)s + at, n, &cp, &cut) == n)
			fprintf(f, "\\u%04lx", cp);
		else
			fprintf(f, "\\x%02x", (unsigned char)s[at]), n = 1;
		s += at + n;
		len -= at + n;
	}
}

void escape_replace(const char *s, char *out, size_t size)
{
	size_t len = strlen(s), used = 0;

	while (len > 0 && used + 1 < size) {
		size_t n, at = escape_find(s, len, &n, NULL), k = at;
		if (k > size - 1 - used) {
			k = size - 1 - used;
			while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
				k--;
		}
		for (size_t i = 0; i < k; i++)
			out[used++] = s[i] == '\n' || s[i] == '\t' ? ' ' : s[i];
		if (k < at || at == len || used + 1 >= size)
			break;
		out[used++] = '?';
		s += at + n;
		len -= at + n;
	}
	out[used] = '\0';
}

/* The stream: what a write leaves cut in the middle of a UTF-8 sequence
 * waits for the next one. */
struct cookie {
	FILE *to;
	char held[4];
	size_t nheld;
};

/* Bytes a UTF-8 sequence starting with c takes (1 for anything else). */
static size_t seq_len(unsigned char c)
{
	return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

/* The bytes at the end of buf that begin a sequence the end cuts. */
static size_t cut_tail(const char *buf, size_t size)
{
	for (size_t back = 1; back <= 3 && back <= size; back++) {
		unsigned char c = (unsigned char)buf[size - back];
		if ((c & 0xc0) != 0x80)
			return seq_len(c) > back ? back : 0;
	}
	return 0;
}

static ssize_t cookie_write(void *c, const char *buf, size_t size)
{
	struct cookie *k = c;
	size_t used = 0, rest, tail;

	if (k->nheld) {
		size_t need = seq_len((unsigned char)k->held[0]);
		while (k->nheld < need && used < size && ((unsigned char)buf[used] & 0xc0) == 0x80)
			k->held[k->nheld++] = buf[used++];
		if (k->nheld < need && used == size)
			return (ssize_t)size; /* still cut: wait for more */
		escape_write(k->to, k->held, k->nheld);
		k->nheld = 0;
	}
	rest = size - used;
	tail = cut_tail(buf + used, rest);
	escape_write(k->to, buf + used, rest - tail);
	memcpy(k->held, buf + used + rest - tail, tail);
	k->nheld = tail;
	fflush(k->to);
	return (ssize_t)size;
}

static int cookie_close(void *c)
{
	struct cookie *k = c;

	if (k->nheld)
		escape_write(k->to, k->held, k->nheld);
	fflush(k->to);
	free(k);
	return 0;
}

FILE *escape_stream(FILE *to)
{
	struct cookie *k = calloc(1, sizeof *k);
	FILE *f;

	if (!k)
		return NULL;
	k->to = to;
	f = fopencookie(k, "w", (cookie_io_functions_t){.write = cookie_write, .close = cookie_close});
	if (!f)
		free(k);
	return f;
}
