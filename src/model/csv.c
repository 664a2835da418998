#include <stdlib.h>
#include <string.h>
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
		}
		if (r->len - field_start > CSV_FIELD_MAX)
			return cn_err_set(err, CN_EINVAL, "champ de plus de %d octets", CSV_FIELD_MAX),
			       fail(r, c, err);
	}
	for (int i = 0; i < r->n; i++)
		r->field[i] = r->buf + r->start[i];
	return 1;
}
