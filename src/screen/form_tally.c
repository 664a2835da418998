/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include "carnet/screen/form_tally.h"

static bool counted(const char *code, void *ctx)
{
	return tally_count(ctx, code) > 0;
}

void form_tally_open(struct form_tally *ft, const struct vlist *vl, const struct tally *t)
{
	choices_load(&ft->ch, vl, true, counted, (void *)t);
	ft->top = 0;
}

/* One more of entry (an index into the choices). */
static bool raise_entry(struct form_tally *ft, struct ui *ui, struct tally *t, int total,
                        const char *label, int entry)
{
	const struct list_entry *e = choices_entry(&ft->ch, entry);

	for (int i = 0; i < ft->ch.nshown; i++)
		if (ft->ch.shown[i] == entry)
			ft->ch.hl = i;
	if (total <= 0) {
		ui_status(ui, true, "%s : aucun anonyme compté, remplissez d'abord Anonymes", label);
		return false;
	}
	if (tally_sum(t) >= total) {
		ui_status(ui, true, "%s : les %d anonymes sont déjà comptés (Retour arrière en retire "
		                    "un, ou augmentez Anonymes)",
		          label, total);
		return false;
	}
	if (tally_add(t, e->code, 1) == 0) {
		ui_status(ui, true, "%s : trop de valeurs comptées", label);
		return false;
	}
	return true;
}

bool form_tally_key(struct form_tally *ft, struct ui *ui, struct tally *t, int total,
                    const char *label, int c)
{
	int entry = choices_by_key(&ft->ch, c);

	if (entry < 0)
		return false;
	raise_entry(ft, ui, t, total, label, entry);
	return true;
}

bool form_tally_raise(struct form_tally *ft, struct ui *ui, struct tally *t, int total,
                      const char *label)
{
	int entry = choices_current(&ft->ch);

	return entry >= 0 && raise_entry(ft, ui, t, total, label, entry);
}

bool form_tally_lower(struct form_tally *ft, struct tally *t)
{
	int entry = choices_current(&ft->ch);
	const char *code;

	if (entry < 0)
		return false;
	code = choices_entry(&ft->ch, entry)->code;
	if (tally_count(t, code) == 0)
		return false;
	tally_add(t, code, -1);
	return true;
}

void form_tally_move(struct form_tally *ft, int delta)
{
	choices_move(&ft->ch, delta);
}

void form_tally_draw(struct form_tally *ft, const struct tally *t, int total, int x, int w)
{
	const struct choices *c = &ft->ch;
	int rows = LINES - 10, sum = tally_sum(t);
	char line[300];

	ui_put(3, x, "Chiffre : +1 · Retour arrière : −1", w, false, A_DIM);
	if (total <= 0)
		snprintf(line, sizeof line, "Aucun anonyme : Anonymes d'abord");
	else
		snprintf(line, sizeof line, "%d compté%s sur %d anonyme%s", sum, sum > 1 ? "s" : "",
		         total, total > 1 ? "s" : "");
	ui_put(4, x, line, w, false, sum > total ? A_BOLD | A_UNDERLINE : A_BOLD);
	if (c->hl < ft->top)
		ft->top = c->hl;
	if (c->hl >= ft->top + rows)
		ft->top = c->hl - rows + 1;
	for (int i = 0; i < rows && ft->top + i < c->nshown; i++) {
		int k = c->shown[ft->top + i], n;
		const struct list_entry *e = choices_entry(c, k);
		char label[128];

		n = tally_count(t, e->code);
		ui_fit_label(e->label, w - 8, label, sizeof label);
		snprintf(line, sizeof line, "%c  %s%s", c->key[k] ? c->key[k] : ' ', label,
		         e->retired ? " (retiré)" : "");
		ui_put(6 + i, x, line, w, true, ft->top + i == c->hl ? A_REVERSE : 0);
		if (n > 0) {
			char count[16];
			snprintf(count, sizeof count, "%3d", n);
			ui_put(6 + i, x + w - 4, count, 4, false,
			       (ft->top + i == c->hl ? A_REVERSE : 0) | A_BOLD);
		}
	}
	ui_more(5, x + w - 14, ft->top, false);
	ui_more(6 + rows, x + w - 14, c->nshown - ft->top - rows, true);
}

void form_tally_text(const struct vlist *vl, const struct tally *t, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	if (t->n == 0) {
		snprintf(out, size, "—");
		return;
	}
	for (int i = 0; i < t->n && used < size; i++) {
		const struct list_entry *e = vlist_find(vl, t->e[i].code);
		char label[128];
		int n;

		ui_fit_label(e ? e->label : t->e[i].code, 0, label, sizeof label);
		n = snprintf(out + used, size - used, "%s%s %d", i ? ", " : "", label, t->e[i].count);
		used += n > 0 ? (size_t)n : 0;
	}
}
