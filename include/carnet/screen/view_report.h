/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity summary on the desk screen: this desk's month, switchable. */
#ifndef CARNET_VIEW_REPORT_H
#define CARNET_VIEW_REPORT_H

#include "carnet/screen/ui.h"

/* Opens the report of the month of `date` (YYYY-MM-DD). */
void view_report_open(struct ui *ui, const char *date);

#endif
