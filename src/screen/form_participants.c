/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/screen/form_participants.h"
#include "carnet/model/text.h"

/* Participants are persons of the base, found like the visit's Usager:
 * a code typed, or one of the recent codes. Each comes present; Space on
 * it makes it absent (and back), Backspace takes it off. */
static void add(struct form_participants *fp, struct ui *ui, const char *code)
{
	struct workshop *w = fp->w;
	struct cn_err err;
	char added[PCODE_MAX];

	text_copy(added, sizeof added, code);
	if (workshop_participant(w, added)) {
		ui_status(ui, true, "%s est déjà parmi les participants", added);
	} else if (workshop_add_participant(w, added, true, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	} else {
		fp->changed = true;
		ui_status(ui, false, "Participant %s ajouté, présent (Espace : absent)", added);
	}
	person_panel_open(&fp->pp, ui, "", false, NULL);
	for (int i = 0; i < w->nparticipants; i++)
		if (strcmp(w->participants[i].code, added) == 0)
			fp->cur = i;
}

/* What was typed, when the field is left or the form saved. */
bool form_participants_commit(struct form_participants *fp, struct ui *ui)
{
	if (fp->pp.code[0]) {
		add(fp, ui, fp->pp.code);
		return true;
	}
	if (fp->pp.input[0]) {
		ui_status(ui, true, "Usager inconnu « %s » : + en fait un nouvel usager, Retour "
		                    "arrière efface",
		          fp->pp.input);
		return false;
	}
	return true;
}

/* Whether code is a participant made new on this form. */
static int new_index(const struct form_participants *fp, const char *code)
{
	for (int i = 0; i < *fp->nfresh; i++)
		if (strcmp(fp->fresh[i], code) == 0)
			return i;
	return -1;
}

/* '+': a new person of the typed code, or of a new code, added present;
 * written only with the workshop, in its transaction. */
static void make_new(struct form_participants *fp, struct ui *ui)
{
	struct workshop *w = fp->w;
	char code[PCODE_MAX];

	if (fp->pp.code[0] && !fp->pp.is_new) {
		ui_status(ui, true, "%s est déjà un usager de la base : Espace l'ajoute", fp->pp.code);
		return;
	}
	/* The panel checks the typed code, or finds a code no one has. */
	person_panel_char(&fp->pp, ui, '+');
	if (!fp->pp.is_new || !fp->pp.code[0])
		return;
	text_copy(code, sizeof code, fp->pp.code);
	add(fp, ui, code); /* or says why not */
	if (!workshop_participant(w, code) || new_index(fp, code) >= 0 ||
	    *fp->nfresh >= PARTICIPANTS_MAX)
		return;
	text_copy(fp->fresh[(*fp->nfresh)++], PCODE_MAX, code);
	ui_status(ui, false, "Nouvel usager %s ajouté, présent, enregistré avec l'atelier : notez "
	                     "ce code sur sa carte",
	          code);
}

void form_participants_move(struct form_participants *fp, int delta)
{
	int n = fp->w->nparticipants + fp->pp.nshown;

	if (fp->cur + delta >= 0 && fp->cur + delta < n)
		fp->cur += delta;
	if (fp->cur >= fp->w->nparticipants)
		fp->pp.hl = fp->cur - fp->w->nparticipants;
}

void form_participants_toggle(struct form_participants *fp, struct ui *ui)
{
	struct workshop *w = fp->w;

	if (fp->pp.code[0] || fp->pp.input[0]) {
		if (!fp->pp.code[0] && fp->pp.nshown > 0)
			person_panel_pick(&fp->pp, ui);
		form_participants_commit(fp, ui);
	} else if (fp->cur < w->nparticipants) {
		w->participants[fp->cur].present = !w->participants[fp->cur].present;
		fp->changed = true;
	} else if (fp->pp.nshown > 0) {
		add(fp, ui, fp->pp.recent[fp->pp.shown[fp->pp.hl]]);
	}
}

void form_participants_erase(struct form_participants *fp, struct ui *ui)
{
	struct workshop *w = fp->w;

	if (fp->pp.input[0]) {
		person_panel_erase(&fp->pp, ui);
		fp->cur = w->nparticipants;
	} else if (fp->cur < w->nparticipants) {
		char code[PCODE_MAX];
		text_copy(code, sizeof code, w->participants[fp->cur].code);
		workshop_remove_participant(w, code);
		if (new_index(fp, code) >= 0) {
			int k = new_index(fp, code);
			memmove(fp->fresh[k], fp->fresh[k + 1],
			        PCODE_MAX * (size_t)(*fp->nfresh - k - 1));
			(*fp->nfresh)--;
		}
		fp->changed = true;
		if (fp->cur > 0 && fp->cur >= w->nparticipants)
			fp->cur--;
		ui_status(ui, false, "Participant %s retiré", code);
	}
}

bool form_participants_char(struct form_participants *fp, struct ui *ui, int c)
{
	if (c == '+') {
		make_new(fp, ui);
		return true;
	}
	if (!person_panel_char(&fp->pp, ui, c))
		return false;
	fp->cur = fp->w->nparticipants;
	return true;
}

void form_participants_draw(const struct form_participants *fp, struct ui *ui, int x, int w)
{
	const struct workshop *ws = fp->w;
	const struct person_panel *pp = &fp->pp;
	const struct lists *ls = &ui->app->cfg.lists;
	char line[300];
	int y = 6;

	ui_put(3, x, "Un code, ou Haut/Bas et Espace", w, false, A_DIM);
	snprintf(line, sizeof line, "Code : %s_", pp->input);
	ui_put(4, x, line, w, false, A_BOLD);
	ui_put(5, x, "+ : un nouvel usager", w, false, A_DIM);
	if (ws->nparticipants > 0) {
		ui_put(y++, x, "Participants :", w, false, 0);
		ui_put(LINES - 6, x, "Espace : présent ou absent", w, false, A_DIM);
		ui_put(LINES - 5, x, "Retour arrière : le retirer", w, false, A_DIM);
	}
	for (int i = 0; i < ws->nparticipants && y < LINES - 10; i++, y++) {
		snprintf(line, sizeof line, "%-16s %s%s", ws->participants[i].code,
		         ws->participants[i].present ? "présent" : "absent",
		         new_index(fp, ws->participants[i].code) >= 0 ? " · nouveau" : "");
		ui_put(y, x + 1, line, w - 1, false, i == fp->cur ? A_REVERSE : 0);
	}
	if (pp->nshown == 0)
		return;
	ui_put(++y, x, "Codes récents (Espace ajoute) :", w, false, 0);
	y++;
	for (int i = 0; i < pp->nshown && y < LINES - 7; i++, y++) {
		int k = pp->shown[i];
		char demand[128] = "", day[16];
		if (pp->recent_demand[k][0])
			ui_fit_label(lists_label(ls, L_DEMANDE, pp->recent_demand[k]), 0, demand,
			             sizeof demand);
		date_short(pp->recent_date[k], day, sizeof day);
		snprintf(line, sizeof line, "%-7s %s  %s", pp->recent[k], day, demand);
		ui_put(y, x + 1, line, w - 1, false,
		       ws->nparticipants + i == fp->cur ? A_REVERSE : 0);
	}
}

void form_participants_open(struct form_participants *fp, struct ui *ui, struct workshop *w,
                            char (*fresh)[PCODE_MAX], int *nfresh)
{
	fp->w = w;
	fp->fresh = fresh;
	fp->nfresh = nfresh;
	fp->cur = 0;
	fp->changed = false;
	person_panel_open(&fp->pp, ui, "", false, NULL);
}

const char *form_participants_current(const struct form_participants *fp)
{
	return fp->cur < fp->w->nparticipants ? fp->w->participants[fp->cur].code : NULL;
}

bool form_participants_is_new(const struct form_participants *fp, const char *code)
{
	return new_index(fp, code) >= 0;
}

void form_participants_reload(struct form_participants *fp, struct ui *ui)
{
	person_panel_reload(&fp->pp, ui);
}

void form_participants_text(const struct workshop *w, char *out, size_t size)
{
	int absent = w->nparticipants - (workshop_present(w) - w->anonymous);

	if (w->nparticipants == 0)
		snprintf(out, size, "—");
	else if (absent > 0)
		snprintf(out, size, "%d (%d absent%s)", w->nparticipants, absent, absent > 1 ? "s" : "");
	else
		snprintf(out, size, "%d", w->nparticipants);
}
