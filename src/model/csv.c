/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "carnet/model/csv.h"

void csv_field(FILE *f, const char *s, char sep, int first)
{
	if (!first)
		fputc(sep, f);
	if (!s)
		return;
	if (strchr(s, sep) || strpbrk(s, "\"\r\n")) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
}

void csv_field_int(FILE *f, long value, char sep, int first)
{
	if (!first)
		fputc(sep, f);
	fprintf(f, "%ld", value);
}

void csv_end_row(FILE *f)
{
	fputs("\r\n", f);
}

static bool formula_start(char c)
{
	return c && strchr("=+-@\t\r'", c) != NULL;
}

/* The ASCII bytes a number, a date, a time, a percentage or a sum of money
 * is written with, besides digits. */
static bool number_byte(unsigned char c)
{
	return c && strchr(" ,.:/%()$+-Ee", c) != NULL;
}

/* Only digits, signs and what numbers, dates, times, percentages and sums
 * of money are written with ("0123", "3E7946", "1 550", "12/11", "12:30",
 * "15 %", "(12)", "12 €"), with a digit at least. */
static bool number_look(const char *s)
{
	static const char *const spaces[] = {"\xc2\xa0", "\xe2\x80\xaf", "\xe2\x82\xac"};
	bool digit = false;

	while (*s) {
		size_t k;
		if (*s >= '0' && *s <= '9') {
			digit = true;
			s++;
			continue;
		}
		if (number_byte((unsigned char)*s)) {
			s++;
			continue;
		}
		/* Any other ASCII byte: not a number (the spaces and € below are
		 * not ASCII). */
		if ((unsigned char)*s < 0x80)
			return false;
		for (k = 0; k < sizeof spaces / sizeof *spaces; k++)
			if (!strncmp(s, spaces[k], strlen(spaces[k])))
				break;
		if (k == sizeof spaces / sizeof *spaces)
			return false;
		s += strlen(spaces[k]); /* a no-break space, a narrow one, € */
	}
	return digit;
}

/* "12 novembre", "janv. 2027", "1er mai 2026": a date in words, which a
 * French spreadsheet turns into a date. */
static bool month_date_look(const char *s)
{
	static const char *const months[] = {
		"janvier", "janv", "février", "févr", "fevrier", "fevr", "mars", "avril", "avr",
		"mai", "juin", "juillet", "juil", "août", "aout", "septembre", "sept", "octobre",
		"oct", "novembre", "nov", "décembre", "déc", "decembre", "dec"};
	int words = 0, month = 0, number = 0;

	while (*s) {
		size_t n = strcspn(s, " ");
		bool known = false;
		if (n == 0) {
			s++;
			continue;
		}
		if (++words > 3)
			return false;
		if (strspn(s, "0123456789") == n || (n > 2 && strspn(s, "0123456789") == n - 2 &&
		                                      !strncmp(s + n - 2, "er", 2))) {
			number++;
			known = true;
		}
		for (size_t i = 0; !known && i < sizeof months / sizeof *months; i++) {
			size_t m = strlen(months[i]);
			if ((n == m || (n == m + 1 && s[m] == '.')) && !strncasecmp(s, months[i], m)) {
				month++;
				known = true;
			}
		}
		if (!known)
			return false;
		s += n;
	}
	return month == 1 && number >= 1;
}

/* What a spreadsheet would not keep as the text it is: a formula, or a
 * value it recognises (number, date, time, percentage, truth value). A
 * date in words has two words at least, a truth value four or five bytes:
 * the codes most texts are (one word) are told apart at once. */
static bool needs_guard_len(const char *s, size_t n)
{
	if (n == 0)
		return false;
	if (formula_start(s[0]) || number_look(s))
		return true;
	if (memchr(s, ' ', n) && month_date_look(s))
		return true;
	return (n == 4 || n == 5) && strchr("vVfFtT", s[0]) && (!strcasecmp(s, "vrai") || !strcasecmp(s, "faux") ||
	                              !strcasecmp(s, "true") || !strcasecmp(s, "false"));
}

static bool needs_guard(const char *s)
{
	return needs_guard_len(s, strlen(s));
}

static void guarded(FILE *f, const char *s, char sep, int first, bool guard)
{
	if (guard) {
		char *g = malloc(strlen(s) + 2);
		if (g) {
			g[0] = '\'';
			strcpy(g + 1, s);
			csv_field(f, g, sep, first);
			free(g);
			return;
		}
	}
	csv_field(f, s, sep, first);
}

void csv_text(FILE *f, const char *s, char sep, int first)
{
	guarded(f, s, sep, first, needs_guard(s));
}

void csv_untext(char *s)
{
	if (s[0] == '\'' && needs_guard(s + 1))
		memmove(s, s + 1, strlen(s));
}

/* ------------------------------------------------------------ rows in memory */

void csv_out_init(struct csv_out *o, FILE *f)
{
	o->f = f;
	o->len = 0;
}

int csv_out_flush(struct csv_out *o)
{
	size_t len = o->len;

	o->len = 0;
	if (len && fwrite(o->buf, 1, len, o->f) != len)
		return -1;
	return 0;
}

bool csv_out_room(struct csv_out *o, size_t n)
{
	if (o->len + n <= sizeof o->buf)
		return true;
	csv_out_flush(o);
	return n <= sizeof o->buf;
}

/* Whether a field needs quotes: a separator, a quote or a line end in it. */
static bool needs_quotes(const char *s, size_t n, char sep)
{
	static const unsigned char special[256] = {[','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1};
	unsigned char any = 0;

	if (sep != ',')
		return memchr(s, sep, n) || memchr(s, '"', n) || memchr(s, '\r', n) ||
		       memchr(s, '\n', n);
	/* No branch per byte: most fields need none. */
	for (size_t i = 0; i < n; i++)
		any |= special[(unsigned char)s[i]];
	return any != 0;
}

/* The bytes of a field, quoted when it needs it; room was made. */
static void out_field(struct csv_out *o, const char *s, size_t n, char sep, bool guard)
{
	char *p = o->buf + o->len;
	bool quote = needs_quotes(s, n, sep);
	if (quote)
		*p++ = '"';
	if (guard)
		*p++ = '\'';
	if (!quote) {
		memcpy(p, s, n);
		p += n;
	} else {
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '"')
				*p++ = '"';
			*p++ = s[i];
		}
		*p++ = '"';
	}
	o->len = (size_t)(p - o->buf);
}

/* Room for a field of n bytes with its separator, guard and quotes; false
 * when it is too long for the buffer (written through stdio then). */
static bool field_room(struct csv_out *o, size_t n)
{
	return n <= CSV_OUT_SIZE / 2 - 8 && csv_out_room(o, 2 * n + 4);
}

void csv_out_field(struct csv_out *o, const char *s, size_t n, char sep, int first)
{
	if (!field_room(o, n)) {
		csv_out_flush(o);
		csv_field(o->f, s, sep, first);
		return;
	}
	if (!first)
		o->buf[o->len++] = sep;
	out_field(o, s, n, sep, false);
}

void csv_out_text(struct csv_out *o, const char *s, size_t n, char sep, int first)
{
	if (!field_room(o, n)) {
		csv_out_flush(o);
		csv_text(o->f, s, sep, first);
		return;
	}
	if (!first)
		o->buf[o->len++] = sep;
	out_field(o, s, n, sep, needs_guard_len(s, n));
}

void csv_out_raw(struct csv_out *o, const char *s, size_t n)
{
	if (!csv_out_room(o, n)) {
		fwrite(s, 1, n, o->f);
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

void csv_out_end_row(struct csv_out *o)
{
	csv_out_raw(o, "\r\n", 2);
}

/* ------------------------------------------------------------ reading */

void csv_reader_init(struct csv_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->line = 1;
}

void csv_reader_free(struct csv_reader *r)
{
	free(r->buf);
	free(r->field);
	free(r->start);
	memset(r, 0, sizeof *r);
}

static int put(struct csv_reader *r, char c)
{
	if (r->len == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 4096;
		char *buf = realloc(r->buf, cap);
		if (!buf)
			return -1;
		r->buf = buf;
		r->cap = cap;
	}
	r->buf[r->len++] = c;
	return 0;
}

static int end_field(struct csv_reader *r, size_t *field_start, struct cn_err *err)
{
	if (r->n == CSV_FIELDS_MAX)
		return cn_err_set(err, CN_EINVAL, "plus de %d colonnes", CSV_FIELDS_MAX);
	if (r->n == r->fcap) {
		int cap = r->fcap ? r->fcap * 2 : 32;
		size_t *start = realloc(r->start, sizeof *start * (size_t)cap);
		char **field = start ? realloc(r->field, sizeof *field * (size_t)cap) : NULL;
		if (start)
			r->start = start;
		if (!field)
			return cn_err_set(err, CN_EINVAL, "mémoire insuffisante");
		r->field = field;
		r->fcap = cap;
	}
	if (put(r, '\0') < 0)
		return cn_err_set(err, CN_EINVAL, "mémoire insuffisante");
	r->start[r->n++] = *field_start;
	*field_start = r->len;
	return CN_OK;
}

static int next(struct csv_reader *r)
{
	int c = getc_unlocked(r->f);
	if (c != EOF)
		r->bytes++;
	return c;
}

/* After an error, the rest of the physical line is left out. */
static int fail(struct csv_reader *r, int c, struct cn_err *err)
{
	while (c != EOF && c != '\n')
		c = next(r);
	if (c == '\n')
		r->line++;
	r->n = 0;
	(void)err;
	return -1;
}

/* End of line: "\r\n", "\n" or a lone "\r". */
static void newline(struct csv_reader *r, int c)
{
	if (c == '\r') {
		int d = getc(r->f);
		if (d == '\n')
			r->bytes++;
		else if (d != EOF)
			ungetc(d, r->f);
	}
	r->line++;
}

/* The bytes that end a plain field, the separator not known yet, ',' or
 * ';'. */
static const unsigned char plain_end[3][256] = {
	{['\0'] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1, [';'] = 1},
	{['\0'] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1},
	{['\0'] = 1, ['\n'] = 1, ['\r'] = 1, [';'] = 1},
};

int csv_read(struct csv_reader *r, struct cn_err *err)
{
	enum { START, PLAIN, QUOTED, CLOSED } state = START;
	size_t field_start = 0;
	int c;

	r->n = 0;
	r->len = 0;
	r->record_line = r->line;
	if (r->bytes == 0) {
		/* A UTF-8 byte order mark, as spreadsheets write it. */
		c = next(r);
		if (c == 0xEF && next(r) == 0xBB && next(r) == 0xBF)
			;
		else if (c == 0xEF)
			return cn_err_set(err, CN_EINVAL, "début de fichier illisible (UTF-8 attendu)"),
			       fail(r, c, err);
		else if (c != EOF)
			ungetc(c, r->f), r->bytes--;
	}
	for (;;) {
		c = next(r);
		if (c == '\0')
			return cn_err_set(err, CN_EINVAL, "octet nul : ce n'est pas un fichier texte"),
			       fail(r, c, err);
		if (state == QUOTED) {
			if (c == EOF)
				return cn_err_set(err, CN_EINVAL,
				                  "guillemets non fermés (champ ouvert ligne %ld)",
				                  r->record_line),
				       -1;
			if (c == '"')
				state = CLOSED;
			else if (put(r, (char)c) < 0)
				return cn_err_set(err, CN_EINVAL, "mémoire insuffisante"), -1;
			if (c == '\n')
				r->line++;
		} else if (c == '"' && state == START) {
			state = QUOTED;
		} else if (c == '"' && state == CLOSED) {
			/* A doubled quote inside a quoted field. */
			state = QUOTED;
			if (put(r, '"') < 0)
				return cn_err_set(err, CN_EINVAL, "mémoire insuffisante"), -1;
		} else if (c == r->sep || (!r->sep && (c == ',' || c == ';'))) {
			r->sep = r->sep ? r->sep : (char)c;
			if (end_field(r, &field_start, err) != CN_OK)
				return fail(r, c, err);
			state = START;
		} else if (c == '\n' || c == '\r' || c == EOF) {
			if (c != EOF)
				newline(r, c);
			if (state == START && r->n == 0) {
				/* A blank line, or the end of the file. */
				if (c == EOF)
					return 0;
				r->record_line = r->line;
				continue;
			}
			if (end_field(r, &field_start, err) != CN_OK)
				return fail(r, c, err);
			break;
		} else if (state == CLOSED) {
			return cn_err_set(err, CN_EINVAL,
			                  "guillemets mal placés : du texte suit des guillemets fermants"),
			       fail(r, c, err);
		} else {
			state = PLAIN;
			if (put(r, (char)c) < 0)
				return cn_err_set(err, CN_EINVAL, "mémoire insuffisante"), -1;
			/* The rest of a plain field at once, up to the byte that
			 * ends it (read again above) or one too many. */
			if (r->sep == 0 || r->sep == ',' || r->sep == ';') {
				const unsigned char *end = plain_end[r->sep == ',' ? 1 : r->sep == ';' ? 2 : 0];
				int d;
				while (r->len - field_start <= CSV_FIELD_MAX &&
				       (d = getc_unlocked(r->f)) != EOF) {
					if (end[d]) {
						ungetc(d, r->f);
						break;
					}
					r->bytes++;
					c = d;
					if (put(r, (char)c) < 0)
						return cn_err_set(err, CN_EINVAL, "mémoire insuffisante"), -1;
				}
			}
		}
		if (r->len - field_start > CSV_FIELD_MAX)
			return cn_err_set(err, CN_EINVAL, "champ de plus de %d octets", CSV_FIELD_MAX),
			       fail(r, c, err);
	}
	for (int i = 0; i < r->n; i++)
		r->field[i] = r->buf + r->start[i];
	return 1;
}
