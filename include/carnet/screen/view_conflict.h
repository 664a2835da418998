/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two saves met: the visit being edited was changed elsewhere (another
 * desk on the same file, a command) since the form opened it. This view
 * shows both versions side by side and lets the mediator keep one; the other
 * goes to visit_history. Nothing is overwritten without that choice. */
#ifndef CARNET_VIEW_CONFLICT_H
#define CARNET_VIEW_CONFLICT_H

#include "carnet/model/visit.h"
#include "carnet/screen/ui.h"

/* Opens over the form that holds `mine`; a choice closes both. */
void view_conflict_open(struct ui *ui, const struct visit *mine);

#endif
