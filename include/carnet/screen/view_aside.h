/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saisies mises de côté: the drafts put aside at start-up and the forms
 * abandoned, newest first; Enter brings one back into a form. */
#ifndef CARNET_VIEW_ASIDE_H
#define CARNET_VIEW_ASIDE_H

#include "carnet/screen/ui.h"

void view_aside_open(struct ui *ui);

#endif
