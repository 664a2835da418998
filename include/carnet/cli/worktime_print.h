/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times outside accompaniment as text: the sheet of one, the 80-column
 * table, the CSV for a French spreadsheet. */
#ifndef CARNET_WORKTIME_PRINT_H
#define CARNET_WORKTIME_PRINT_H

#include <stdio.h>
#include "carnet/model/lists.h"
#include "carnet/model/worktime.h"

void worktime_print_sheet(FILE *f, const struct lists *ls, const struct worktime *t);

struct worktime_table {
	FILE *f;
	const struct lists *ls;
	int count;
	long minutes;
};

void worktime_table_begin(struct worktime_table *t, FILE *f, const struct lists *ls);
/* A worktime_fn: prints one row (the header before the first). */
int worktime_table_row(const struct worktime *w, void *table);
/* "4 temps, 6 h 30" when rows were printed. */
void worktime_table_end(struct worktime_table *t);

/* The spreadsheet CSV (a BOM, ';', CRLF, texts guarded); ctx is a struct
 * worktime_table. */
void worktime_csv_header(FILE *f);
int worktime_csv_row(const struct worktime *w, void *table);

#endif
