/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The national standard's CSV of places (schema v1.0.2), read and written:
 * import updates the directory by the standard's id, export writes the
 * live places back, header and column order exactly as the schema. */
#ifndef CARNET_PLACE_CSV_H
#define CARNET_PLACE_CSV_H

#include <stdbool.h>
#include <stdio.h>
#include "carnet/model/lists.h"
#include "carnet/model/place.h"
#include "carnet/store/store.h"

struct place_import_opts {
	bool skip_invalid;    /* write the valid rows; otherwise nothing at all */
	bool replace;         /* tombstone the places the file no longer has */
};

struct place_import_result {
	long rows;            /* rows read after the header */
	long added, changed, same;
	long invalid;         /* rows refused */
	long removed;         /* places tombstoned by replace */
};

/* Receives each refused row's message ("ligne 12, colonne code_postal :
 * …"), in the order of the file. */
typedef void (*place_import_fn)(void *ctx, const char *msg);

/* Reads the CSV of f (UTF-8, BOM or not, CRLF or LF, ',' or ';' between
 * columns, '|' or ';' between multiple values; columns found by their
 * header name, in any order, unknown ones ignored). A header without one
 * of the required columns, or a column twice, is CN_EINVAL and nothing is
 * read. A row whose standard id is the one of a live place updates it
 * (keeping carnet's category and « à apporter »), when its columns
 * differ; another one adds a place. A row that does not pass
 * place_validate, has the wrong number of fields or an id already met in
 * the file is refused: without skip_invalid, one refused row and nothing
 * is written (CN_EINVAL, after every row's message). With replace, a live
 * place whose source (column source, not empty) is one of the file's and
 * whose id is none of the file's rows is tombstoned; places without a
 * source (added at the desk) are never touched. One transaction. */
int place_csv_import(struct store *st, const struct lists *ls, FILE *f,
                     const struct place_import_opts *o, place_import_fn fn, void *ctx,
                     struct place_import_result *r, struct cn_err *err);
/* The header line: the 32 column names, comma-separated, LF. */
void place_csv_header(FILE *out);
/* Writes the live places, by name: plain UTF-8 without BOM, ',' between
 * columns, '|' between multiple values, fields quoted when they hold a
 * comma, a quote or a line break, LF line ends; carnet's own fields (uid,
 * category, à apporter, timestamps) are not written. */
int place_csv_export(struct store *st, FILE *out, struct cn_err *err);

/* One place as one line of text, malloc'ed (NULL when memory runs out):
 * its 32 columns, then uid, category, bring and the timestamps, as CSV:
 * the version record_history keeps. */
char *place_csv_line(const struct place *p);

#endif
