/* Forms: a visit (new, edited, or taken back from a draft) and a person's
 * profile. Fields are data; one engine draws them and takes the keys. */
#ifndef CARNET_VIEW_FORM_H
#define CARNET_VIEW_FORM_H

#include "carnet/store/draft.h"
#include "carnet/screen/ui.h"
#include "carnet/model/visit.h"

/* A new visit with the desk's defaults, or `edit` when it is not NULL. */
void view_form_visit(struct ui *ui, const struct visit *edit);
/* The form as an earlier session left it. */
void view_form_draft(struct ui *ui, const struct draft *d);
/* The coarse profile of the person with that code. */
void view_form_profile(struct ui *ui, const char *code);

#endif
