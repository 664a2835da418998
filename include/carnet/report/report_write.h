/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity summary in each output format. */
#ifndef CARNET_REPORT_WRITE_H
#define CARNET_REPORT_WRITE_H

#include <stdio.h>
#include "carnet/model/lists.h"
#include "carnet/report/report.h"

void report_write_text(FILE *f, const struct report *r, const struct lists *ls);
void report_write_json(FILE *f, const struct report *r, const struct lists *ls);
void report_write_csv(FILE *f, const struct report *r, const struct lists *ls);
void report_write_html(FILE *f, const struct report *r, const struct lists *ls);
/* An Excel workbook written to the file at path (libxlsxwriter writes files,
 * not streams). */
int report_write_xlsx(const char *path, const struct report *r, const struct lists *ls,
                      struct cn_err *err);

#endif
