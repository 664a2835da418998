/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the sheets, tables and spreadsheet rows of every kind of record
 * (visit, workshop, time outside accompaniment) share: the labels of codes,
 * "Libellé : valeur" lines, a table's header, a spreadsheet CSV's first
 * row. */
#ifndef CARNET_SHEET_H
#define CARNET_SHEET_H

#include <stddef.h>
#include <stdio.h>
#include "carnet/model/codes.h"
#include "carnet/model/lists.h"

/* The label of code, "" when there is no code. */
const char *sheet_label(const struct lists *ls, enum list_id id, const char *code);
/* The labels of a set joined by sep, "" when it is empty. */
void sheet_labels(const struct lists *ls, enum list_id id, const struct codeset *set,
                  const char *sep, char *out, size_t size);
/* "name : value", name in width columns; "—" for an empty value. */
void sheet_line(FILE *f, int width, const char *name, const char *value);
/* The "Créé le", "Modifié le" and (when set) "Supprimé le" lines. */
void sheet_stamps(FILE *f, int width, const char *created, const char *updated,
                  const char *deleted);

struct table_col {
	const char *name;
	int width;
};
/* A table's header: each name in its width, one space between, the last
 * one as it is. */
void table_header(FILE *f, const struct table_col *cols, size_t n);
/* The first label of a set in width columns, followed by "+N" when there
 * are more. */
void table_first_plus(FILE *f, const struct lists *ls, enum list_id id,
                      const struct codeset *set, int width);
/* The first 8 characters of an id, as the tables show it. */
void table_id(FILE *f, const char *id);

/* The first row of a CSV for a French spreadsheet: a BOM, the names
 * separated by ';', CRLF. */
void sheet_csv_header(FILE *f, const char *const *cols, size_t n);

#endif
