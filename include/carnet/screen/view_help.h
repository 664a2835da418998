/* The help screen: every action and its keys, from the action table. */
#ifndef CARNET_VIEW_HELP_H
#define CARNET_VIEW_HELP_H

#include "carnet/screen/ui.h"

void view_help_open(struct ui *ui);

#endif
