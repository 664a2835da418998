/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV (RFC 4180). Writing: fields quoted when they need it, CRLF line ends.
 * Reading: streamed record by record, with what spreadsheets do to a CSV (a
 * BOM, CRLF or LF, ';' instead of ',', line breaks inside quoted fields). */
#ifndef CARNET_CSV_H
#define CARNET_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "carnet/model/err.h"

/* Writes one field, preceded by `sep` unless it is the first of its row. */
void csv_field(FILE *f, const char *s, char sep, int first);
void csv_field_int(FILE *f, long value, char sep, int first);
void csv_end_row(FILE *f);
/* A text field as a spreadsheet must keep it: one it would take for a
 * formula (starting with = + - @, a tab, a carriage return or an
 * apostrophe) or read as a value (a number, a date, a time, a percentage,
 * a truth value: "0123", "3E7946", "12/11", "12 novembre", "15 %", "VRAI")
 * gets an apostrophe in front (OWASP's advice for formulas); csv_untext()
 * removes exactly that one again, so that what is read back is what was
 * written. Numbers, dates and times meant as such go through csv_field. */
void csv_text(FILE *f, const char *s, char sep, int first);
void csv_untext(char *s);

/* Rows built in memory and handed to f in large blocks (fwrite), byte for
 * byte what csv_field, csv_text and csv_end_row write: the writing of a
 * large export without stdio's work on every byte. s is NUL-terminated,
 * n its length; what is buffered reaches f at csv_out_flush, which any
 * direct writing to f must come after. */
#define CSV_OUT_SIZE (64 * 1024)
struct csv_out {
	FILE *f;
	size_t len;
	char buf[CSV_OUT_SIZE];
};
void csv_out_init(struct csv_out *o, FILE *f);
/* 0, or -1 when f refused the bytes (ferror(f) tells it too). */
int csv_out_flush(struct csv_out *o);
/* Makes room for n more bytes (flushing first when needed); false when n
 * does not fit the buffer at all. */
bool csv_out_room(struct csv_out *o, size_t n);
void csv_out_field(struct csv_out *o, const char *s, size_t n, char sep, int first);
void csv_out_text(struct csv_out *o, const char *s, size_t n, char sep, int first);
/* Bytes as they are: empty fields' separators, a field known to need no
 * quotes. */
void csv_out_raw(struct csv_out *o, const char *s, size_t n);
void csv_out_end_row(struct csv_out *o);

#define CSV_FIELD_MAX 65536   /* bytes of one field */
#define CSV_FIELDS_MAX 256    /* fields of one record */

struct csv_reader {
	FILE *f;
	char sep;             /* ',' or ';', found on the first record; 0 before */
	long line;            /* physical line being read, from 1 */
	long record_line;     /* line where the record just read starts */
	long long bytes;      /* bytes read so far */
	int n;                /* fields of the record just read */
	char **field;         /* n NUL-terminated fields */
	char *buf;            /* their bytes */
	size_t len, cap;
	int fcap;
	size_t *start;
};

void csv_reader_init(struct csv_reader *r, FILE *f);
void csv_reader_free(struct csv_reader *r);
/* Reads the next record (blank lines are skipped): 1 when one was read, 0 at
 * the end of the file, -1 with a French reason in err for broken quoting, a
 * NUL byte, an oversized field or record (the rest of that line is skipped). */
int csv_read(struct csv_reader *r, struct cn_err *err);

#endif
