/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <string.h>
#include <wchar.h>
#include "carnet/model/escape.h"
#include "carnet/model/text.h"

/* Decodes one UTF-8 sequence at s (len bytes left); returns its length, or 0
 * when it is malformed. */
static size_t utf8_decode(const unsigned char *s, size_t len, unsigned long *cp)
{
	size_t n, i;
	unsigned long c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xe0) == 0xc0) {
		n = 2;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		c = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

bool utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;

	while (len > 0) {
		size_t n = utf8_decode(p, len, &cp);
		if (n == 0)
			return false;
		p += n;
		len -= n;
	}
	return true;
}

size_t utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static int cp_width(unsigned long cp)
{
	int w = wcwidth((wchar_t)cp);
	if (w < 0)
		return cp < 0x20 ? 0 : 1; /* non-UTF-8 locale: one column a character */
	return w;
}

int utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	unsigned long cp;
	int w = 0;

	while (len > 0) {
		size_t n = utf8_decode(p, len, &cp);
		if (n == 0) {
			n = 1;
			cp = '?';
		}
		w += cp_width(cp);
		p += n;
		len -= n;
	}
	return w;
}

size_t text_fit(const char *s, int width, int *cols)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), bytes = 0;
	unsigned long cp;
	int used = 0;

	while (bytes < len) {
		size_t n = utf8_decode(p + bytes, len - bytes, &cp);
		int w;
		if (n == 0) {
			n = 1;
			cp = '?';
		}
		w = cp_width(cp);
		if (used + w > width)
			break;
		used += w;
		bytes += n;
	}
	if (cols)
		*cols = used;
	return bytes;
}

size_t text_wrap(const char *s, int width, const char *breaks)
{
	size_t fit = text_fit(s, width, NULL), cut = fit;

	if (!s[fit] || s[fit] == ' ')
		return fit;
	while (cut > 0 && s[cut] != ' ')
		cut--;
	if (cut > 0)
		return cut;
	if (breaks)
		for (cut = fit; cut > 1; cut--)
			if (strchr(breaks, s[cut - 1]))
				return cut;
	if (fit > 0)
		return fit;
	/* Not even one character fits: take it anyway. */
	for (cut = 1; s[cut] && ((unsigned char)s[cut] & 0xc0) == 0x80; cut++)
		;
	return cut;
}

void text_put_wrapped(FILE *f, const char *indent, const char *s, int width,
                      const char *breaks)
{
	while (*s) {
		size_t cut = text_wrap(s, width, breaks);
		fprintf(f, "%s%.*s\n", indent, (int)cut, s);
		s += cut;
		while (*s == ' ')
			s++;
	}
}

void text_put_cell(FILE *f, const char *s, int width)
{
	int used = utf8_width(s);

	if (used <= width) {
		fputs(s, f);
	} else if (width > 0) {
		/* Leave one column for the ellipsis. */
		fwrite(s, 1, text_fit(s, width - 1, &used), f);
		fputs("…", f);
		used++;
	} else {
		used = 0;
	}
	for (; used < width; used++)
		fputc(' ', f);
}

bool text_copy(char *dst, size_t size, const char *src)
{
	size_t len = strlen(src);

	if (size == 0)
		return len == 0;
	if (len < size) {
		memcpy(dst, src, len + 1);
		return true;
	}
	len = size - 1;
	/* Do not cut a multi-byte sequence. */
	while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
		len--;
	memcpy(dst, src, len);
	dst[len] = '\0';
	return false;
}

void text_lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

void text_upper_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}

char *text_trim(char *s)
{
	char *start = s, *end;

	while (*start && isspace((unsigned char)*start))
		start++;
	end = start + strlen(start);
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	if (start != s)
		memmove(s, start, (size_t)(end - start) + 1);
	return s;
}

bool text_has_control(const char *s)
{
	size_t n;

	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20)
			return true;
	return escape_find(s, strlen(s), &n, NULL) < strlen(s);
}

bool cp1252_to_utf8(const char *in, char *out, size_t size)
{
	/* 0x80 to 0x9F; 0 where Windows-1252 defines nothing. */
	static const unsigned short high[32] = {
		0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
		0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017d, 0,
		0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
		0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178,
	};
	size_t used = 0;

	for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
		unsigned cp = *p < 0x80 ? *p : *p < 0xa0 ? high[*p - 0x80] : *p;
		size_t need = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
		if (!cp)
			return false;
		if (used + need >= size) /* and the NUL */
			return false;
		if (cp < 0x80) {
			out[used++] = (char)cp;
		} else if (cp < 0x800) {
			out[used++] = (char)(0xc0 | (cp >> 6));
			out[used++] = (char)(0x80 | (cp & 0x3f));
		} else {
			out[used++] = (char)(0xe0 | (cp >> 12));
			out[used++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			out[used++] = (char)(0x80 | (cp & 0x3f));
		}
	}
	out[used] = '\0';
	return true;
}

bool text_has_non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}
