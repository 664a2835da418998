/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/model/clock.h"
#include "carnet/screen/view_aside.h"
#include "carnet/screen/view_form.h"
#include "carnet/store/draft.h"

struct aside {
	struct view base;
	struct draft d[DRAFTS_ASIDE_MAX];
	long n[DRAFTS_ASIDE_MAX];
	int count, sel;
};

static int collect(void *ctx, long n, const struct draft *d)
{
	struct aside *a = ctx;

	if (a->count == DRAFTS_ASIDE_MAX)
		return 1;
	a->d[a->count] = *d;
	a->n[a->count++] = n;
	return 0;
}

static void aside_draw(struct ui *ui, struct view *v)
{
	struct aside *a = (struct aside *)v;
	const struct lists *ls = &ui->app->cfg.lists;

	ui_title(ui, "Saisies mises de côté ou abandonnées");
	if (a->count == 0)
		ui_put(3, 2, "Aucune saisie mise de côté.", COLS - 4, false, 0);
	for (int i = 0; i < a->count && 2 + i < LINES - 3; i++) {
		const struct draft *d = &a->d[i];
		const struct visit *vis = &d->v;
		char line[512], day[16];
		/* When it was put aside (local date), and what it holds. */
		snprintf(day, sizeof day, "%.10s", d->saved_at);
		if (d->kind == DRAFT_WORKSHOP)
			snprintf(line, sizeof line, "%s  %s  %s du %s à %s · %s", i == a->sel ? ">" : " ",
			         day, d->w.id[0] ? "Atelier modifié" : "Atelier", d->w.date, d->w.time,
			         d->w.themes.n ? lists_label(ls, L_THEME_ATELIER, d->w.themes.v[0])
			                       : "sans thème");
		else if (d->kind == DRAFT_WORKTIME)
			snprintf(line, sizeof line, "%s  %s  %s du %s à %s · %s", i == a->sel ? ">" : " ",
			         day, d->t.id[0] ? "Temps modifié" : "Temps", d->t.date, d->t.time,
			         d->t.kind[0] ? lists_label(ls, L_TEMPS, d->t.kind) : "sans nature");
		else
			snprintf(line, sizeof line, "%s  %s  %s du %s à %s · %s%s%s",
			         i == a->sel ? ">" : " ", day, vis->id[0] ? "Modification" : "Passage",
			         vis->date, vis->time,
			         vis->demands.n ? lists_label(ls, L_DEMANDE, vis->demands.v[0])
			                        : "sans demande",
			         vis->person[0] ? " · " : "", vis->person);
		ui_put(2 + i, 0, line, COLS, true, i == a->sel ? A_REVERSE : 0);
	}
	ui_put(LINES - 2, 0, "Entrée reprendre dans un formulaire  Haut/Bas choisir  Échap fermer",
	       COLS, true, ui_attr_title(ui));
	ui_put(LINES - 1, 0, ui->status, COLS, true, ui->status_error ? ui_attr_error(ui) : 0);
}

static void aside_key(struct ui *ui, struct view *v, int code, bool is_char, enum action act)
{
	struct aside *a = (struct aside *)v;
	struct cn_err err;

	(void)act;
	if ((!is_char && code == KEY_DOWN) || (is_char && code == 'j')) {
		if (a->sel + 1 < a->count)
			a->sel++;
	} else if ((!is_char && code == KEY_UP) || (is_char && code == 'k')) {
		if (a->sel > 0)
			a->sel--;
	} else if (is_char && (code == '\r' || code == '\n') && a->count > 0) {
		struct draft d = a->d[a->sel];
		if (draft_aside_take(ui->drafts, a->n[a->sel], &err) != CN_OK) {
			ui_status(ui, true, "%s", err.msg);
			return;
		}
		ui_pop(ui);
		view_form_draft(ui, &d, false);
	} else if (is_char && (code == 27 || code == 'q')) {
		ui_pop(ui);
	}
}

static void aside_close(struct ui *ui, struct view *v)
{
	(void)ui;
	free(v);
}

static const struct view_ops aside_ops = {
	.ctx = CTX_FORM,
	.draw = aside_draw,
	.key = aside_key,
	.close = aside_close,
};

void view_aside_open(struct ui *ui)
{
	struct aside *a = calloc(1, sizeof *a);
	struct cn_err err;

	if (!a)
		return;
	a->base.ops = &aside_ops;
	if (draft_aside_each(ui->drafts, collect, a, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		free(a);
		return;
	}
	ui_push(ui, &a->base);
}
