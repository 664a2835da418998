/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Visits as text: one-visit sheets and the 80-column table. */
#ifndef CARNET_VISIT_PRINT_H
#define CARNET_VISIT_PRINT_H

#include <stddef.h>
#include <stdio.h>
#include "carnet/model/lists.h"
#include "carnet/model/visit.h"
#include "carnet/store/visit_store.h"

void visit_print_sheet(FILE *f, const struct lists *ls, const struct visit *v);
/* What came of the visit's referral: "sans réponse", or the answer's
 * label and when it was given ("S'y est rendue (réponse du …)"). */
void visit_referral_outcome(const struct lists *ls, const struct visit *v, char *out,
                            size_t size);

struct visit_table {
	FILE *f;
	const struct lists *ls;
	int count;
	long minutes;
};

void visit_table_begin(struct visit_table *t, FILE *f, const struct lists *ls);
/* A visit_fn: prints one row (the header before the first). */
int visit_table_row(const struct visit *v, void *table);
/* Prints "N passages, durée totale …" when rows were printed. */
void visit_table_end(struct visit_table *t);

/* A visit_fn writing CSV rows with labels for a French spreadsheet (a BOM,
 * ';', CRLF, formula-looking texts guarded); ctx is a struct visit_table. */
void visit_csv_header(FILE *f);
int visit_csv_row(const struct visit *v, void *table);
/* The same visits as an Excel workbook at path: real dates and times,
 * frozen header, column widths; *count gets how many. */
int visit_xlsx(struct store *st, const struct visit_filter *filter, const struct lists *ls,
               const char *path, long *count, struct cn_err *err);

#endif
