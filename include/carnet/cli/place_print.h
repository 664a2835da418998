/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A place as the command line shows it: its French sheet, a row of the
 * 80-column table, a row of the French spreadsheet CSV. */
#ifndef CARNET_PLACE_PRINT_H
#define CARNET_PLACE_PRINT_H

#include <stdbool.h>
#include <stdio.h>
#include "carnet/model/lists.h"
#include "carnet/model/place.h"

void place_print_sheet(FILE *f, const struct lists *ls, const struct place *p);

struct place_table {
	FILE *f;
	const struct lists *ls;
	long count;
};
/* Writes the table's header, or the spreadsheet CSV's first row. */
void place_table_begin(struct place_table *t, FILE *f, const struct lists *ls, bool csv);
int place_table_row(const struct place *p, void *table);
/* "3 lieux", or "Aucun lieu". */
void place_table_end(struct place_table *t);
int place_csv_list_row(const struct place *p, void *table);

#endif
