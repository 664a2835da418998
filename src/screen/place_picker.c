/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/screen/place_picker.h"
#include "carnet/model/text.h"
#include "carnet/screen/ui.h"
#include "carnet/store/place_store.h"

static void take_hit(struct place_hit *h, const struct place *p)
{
	text_copy(h->uid, sizeof h->uid, p->uid);
	/* No more than the visit's place text takes. */
	snprintf(h->nom, sizeof h->nom, "%.*s", (int)text_fit(p->nom, PLACE_MAX_CHARS, NULL),
	         p->nom);
	text_copy(h->commune, sizeof h->commune, p->commune);
	text_copy(h->category, sizeof h->category, p->category);
}

static int add_hit(const struct place *p, void *ctx)
{
	struct place_picker *pk = ctx;

	if (pk->n < PICKER_SHOWN)
		take_hit(&pk->hit[pk->n++], p);
	pk->total++;
	return 0;
}

int place_picker_search(struct place_picker *pk, struct store *st, const char *text,
                        struct cn_err *err)
{
	pk->n = pk->total = 0;
	pk->hl = -1;
	pk->searched = false;
	if (utf8_length(text) < PICKER_MIN_CHARS)
		return CN_OK;
	pk->searched = true;
	return place_search(st, text, add_hit, pk, err);
}

int place_picker_load(struct place_picker *pk, struct store *st, const char *uid,
                      struct cn_err *err)
{
	struct place *p = malloc(sizeof *p); /* some 60 kB */
	struct hours h;
	char next[HOURS_NEXT_MAX];
	int weekday, minute, rc;

	pk->chosen = false;
	if (!p)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	if ((rc = place_get_by_uid(st, uid, p, err)) != CN_OK) {
		free(p);
		return rc;
	}
	take_hit(&pk->pick, p);
	pk->chosen = true;
	hours_parse(p->horaires, &h);
	free(p);
	if (hours_now(&weekday, &minute, err) != CN_OK) {
		snprintf(pk->today, sizeof pk->today, "horaires à vérifier");
		pk->now[0] = '\0';
		return CN_OK;
	}
	hours_day(&h, weekday, pk->today, sizeof pk->today);
	switch (hours_at(&h, weekday, minute, next, sizeof next)) {
	case HOURS_OPEN:
		snprintf(pk->now, sizeof pk->now, "Ouvert maintenant, %s", next);
		break;
	case HOURS_CLOSED:
		snprintf(pk->now, sizeof pk->now, "Fermé maintenant, %s", next);
		break;
	default:
		snprintf(pk->now, sizeof pk->now, "Ouvert maintenant ? %s", next);
		break;
	}
	return CN_OK;
}

void place_picker_move(struct place_picker *pk, int delta)
{
	if (pk->n == 0)
		return;
	if (pk->hl + delta >= 0 && pk->hl + delta < pk->n)
		pk->hl += delta;
	else if (pk->hl < 0 && delta > 0)
		pk->hl = 0;
}

const struct place_hit *place_picker_current(const struct place_picker *pk)
{
	return pk->hl >= 0 && pk->hl < pk->n ? &pk->hit[pk->hl] : NULL;
}

void place_picker_draw(const struct place_picker *pk, const struct lists *ls, int y, int x,
                       int w)
{
	char line[PLACE_BYTES + 200];

	if (pk->chosen) {
		ui_put(y++, x, "Lieu de l'annuaire :", w, false, A_DIM);
		snprintf(line, sizeof line, "%s, %s", pk->pick.nom, pk->pick.commune);
		ui_put(y++, x, line, w, false, A_BOLD);
		if (pk->pick.category[0]) {
			char label[160];
			ui_fit_label(lists_label(ls, L_ORIENTE_VERS, pk->pick.category), 0, label,
			             sizeof label);
			snprintf(line, sizeof line, "Catégorie : %s", label);
			ui_put(y++, x, line, w, false, 0);
		}
		snprintf(line, sizeof line, "Aujourd'hui : %s", pk->today);
		ui_put(y++, x, line, w, false, 0);
		ui_put(y++, x, pk->now, w, false, A_BOLD);
		y++;
	}
	if (!pk->searched) {
		ui_put(y, x, "Tapez un nom, une commune, un service", w,
		       false, A_DIM);
		return;
	}
	if (pk->total == 0) {
		ui_put(y, x, "Aucun lieu de l'annuaire : le texte tapé reste le lieu", w, false,
		       A_DIM);
		return;
	}
	snprintf(line, sizeof line, "Annuaire, %d lieu%s (Bas, puis Entrée) :", pk->total,
	         pk->total > 1 ? "x" : "");
	ui_put(y++, x, line, w, false, A_DIM);
	for (int i = 0; i < pk->n && y < LINES - 4; i++) {
		snprintf(line, sizeof line, "%s · %s", pk->hit[i].nom, pk->hit[i].commune);
		ui_put(y++, x + 1, line, w - 1, false, i == pk->hl ? A_REVERSE : 0);
	}
	ui_more(y, x + w - 14, pk->total - pk->n, true);
}
