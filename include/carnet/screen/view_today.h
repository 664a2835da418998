/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The list of the day's visits at this desk: the screen carnet opens on. */
#ifndef CARNET_VIEW_TODAY_H
#define CARNET_VIEW_TODAY_H

#include "carnet/screen/ui.h"

/* Pushes the list of today's visits, then offers back an unsaved form left
 * by an earlier session. Returns an exit status. */
int view_today_open(struct ui *ui);

#endif
