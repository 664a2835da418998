/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workshops as text: the sheet of one, the 80-column table, the CSV for a
 * French spreadsheet, the workshops of one person. */
#ifndef CARNET_WORKSHOP_PRINT_H
#define CARNET_WORKSHOP_PRINT_H

#include <stddef.h>
#include <stdio.h>
#include "carnet/model/lists.h"
#include "carnet/model/workshop.h"

void workshop_print_sheet(FILE *f, const struct lists *ls, const struct workshop *w);
/* "7 présents pour 5 inscrits : 2 venus sans inscription", "5 présents pour
 * 8 inscrits (62,5 %)"; "" when registrations are not known. */
void workshop_attendance(const struct workshop *w, char *out, size_t size);

struct workshop_table {
	FILE *f;
	const struct lists *ls;
	const char *person;   /* the workshops of this person: their presence */
	int count;
	long minutes;
	long present;         /* people present, or the person's presences */
};

/* person NULL: every workshop with its number of people present. */
void workshop_table_begin(struct workshop_table *t, FILE *f, const struct lists *ls,
                          const char *person);
/* A workshop_fn: prints one row (the header before the first). */
int workshop_table_row(const struct workshop *w, void *table);
/* "3 ateliers, 4 h 30, 21 présents" ("2 ateliers, 1 présence" for a
 * person) when rows were printed. */
void workshop_table_end(struct workshop_table *t);

/* The spreadsheet CSV (a BOM, ';', CRLF, texts guarded); ctx is a struct
 * workshop_table. */
void workshop_csv_header(FILE *f);
int workshop_csv_row(const struct workshop *w, void *table);

#endif
