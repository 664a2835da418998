/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The help screen: every action and its keys, from the action table. */
#ifndef CARNET_VIEW_HELP_H
#define CARNET_VIEW_HELP_H

#include "carnet/screen/ui.h"

/* Opens at the keys of ctx: the form's keys from a form. */
void view_help_open(struct ui *ui, enum action_context ctx);

#endif
