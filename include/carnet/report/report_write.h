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

#endif
