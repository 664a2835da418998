/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/model/clock.h"
#include "carnet/screen/view_conflict.h"
#include "carnet/store/draft.h"
#include "carnet/store/record.h"

struct conflict {
	struct view base;
	struct visit mine;
	struct record theirs;
};

/* The fields shown, in the form's order, with their labels. */
static const struct {
	enum visit_field f;
	const char *label;
} rows[] = {
	{VF_DEMANDS, "Demandes"}, {VF_ORGANISMS, "Organismes"}, {VF_POSTURE, "Posture"},
	{VF_DURATION, "Durée"}, {VF_OUTCOME, "Issue"}, {VF_CANAL, "Canal"},
	{VF_REFERRED_BY, "Orienté par"}, {VF_REFERRED_TO, "Orienté vers"},
	{VF_REFERRAL_HOW, "Comment"}, {VF_REFERRED_PLACE, "Lieu d'orientation"}, {VF_URGENT, "Urgent"},
	{VF_PRESENT, "Personne absente"}, {VF_PERSON, "Usager"}, {VF_NOTE, "Note"},
	{VF_DATE, "Date"}, {VF_TIME, "Heure"}, {VF_SITE, "Site"}, {VF_MEDIATOR, "Médiateur"},
};

static void join(const struct lists *ls, enum list_id id, const struct codeset *set, char *out,
                 size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (int i = 0; i < set->n && used < size; i++) {
		int n = snprintf(out + used, size - used, "%s%s", i ? ", " : "",
		                 lists_label(ls, id, set->v[i]));
		used += n > 0 ? (size_t)n : 0;
	}
}

static const char *code_text(const struct lists *ls, enum list_id id, const char *code)
{
	return code[0] ? lists_label(ls, id, code) : "—";
}

static void field_text(const struct lists *ls, const struct visit *v, enum visit_field f,
                       char *out, size_t size)
{
	switch (f) {
	case VF_DATE: snprintf(out, size, "%s", v->date); break;
	case VF_TIME: snprintf(out, size, "%s", v->time); break;
	case VF_DURATION: duration_format(v->duration, out, size); break;
	case VF_SITE: snprintf(out, size, "%s", code_text(ls, L_SITE, v->site)); break;
	case VF_MEDIATOR: snprintf(out, size, "%s", code_text(ls, L_MEDIATEUR, v->mediator)); break;
	case VF_CANAL: snprintf(out, size, "%s", code_text(ls, L_CANAL, v->canal)); break;
	case VF_DEMANDS: join(ls, L_DEMANDE, &v->demands, out, size); break;
	case VF_ORGANISMS: join(ls, L_ORGANISME, &v->organisms, out, size); break;
	case VF_POSTURE: snprintf(out, size, "%s", code_text(ls, L_POSTURE, v->posture)); break;
	case VF_OUTCOME: snprintf(out, size, "%s", code_text(ls, L_ISSUE, v->outcome)); break;
	case VF_REFERRED_BY:
		snprintf(out, size, "%s", code_text(ls, L_ORIENTE_PAR, v->referred_by));
		break;
	case VF_REFERRED_TO:
		snprintf(out, size, "%s", code_text(ls, L_ORIENTE_VERS, v->referred_to));
		break;
	case VF_REFERRAL_HOW:
		snprintf(out, size, "%s", code_text(ls, L_ORIENTATION_MODE, v->referral_how));
		break;
	case VF_REFERRED_PLACE: snprintf(out, size, "%s", v->referred_place); break;
	case VF_URGENT: snprintf(out, size, "%s", v->urgent ? "oui" : "non"); break;
	case VF_PRESENT: snprintf(out, size, "%s", v->present ? "non" : "oui"); break;
	case VF_PERSON: snprintf(out, size, "%s", v->person); break;
	case VF_NOTE: snprintf(out, size, "%s", v->note); break;
	default: out[0] = '\0'; break;
	}
	if (!out[0])
		snprintf(out, size, "—");
}

static void conflict_draw(struct ui *ui, struct view *v)
{
	struct conflict *c = (struct conflict *)v;
	const struct lists *ls = &ui->app->cfg.lists;
	int w = (COLS - 22) / 2, y = 4;

	ui_title(ui, "Passage modifié ailleurs pendant votre saisie");
	ui_put(2, 1, "Ce passage a été enregistré ailleurs depuis que vous l'avez ouvert :",
	       COLS - 2, false, 0);
	ui_put(3, 3, "Champ", 18, false, A_BOLD);
	ui_put(3, 22, "Votre saisie", w - 1, false, A_BOLD);
	ui_put(3, 22 + w, "Version enregistrée", COLS - 23 - w, false, A_BOLD);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0] && y < LINES - 3; i++, y++) {
		char a[NOTE_BYTES + 64], b[NOTE_BYTES + 64];
		bool differs;

		field_text(ls, &c->mine, rows[i].f, a, sizeof a);
		field_text(ls, &c->theirs.v, rows[i].f, b, sizeof b);
		differs = strcmp(a, b) != 0;
		ui_put(y, 1, differs ? "*" : " ", 1, false, A_BOLD);
		ui_put(y, 3, rows[i].label, 18, false, differs ? A_BOLD : 0);
		ui_put(y, 22, a, w - 1, false, differs ? A_BOLD : 0);
		ui_put(y, 22 + w, b, COLS - 23 - w, false, differs ? A_BOLD : 0);
	}
	ui_put(LINES - 3, 1, "* diffère. La version non gardée va dans l'historique (visit_history).",
	       COLS - 2, true, A_DIM);
	ui_put(LINES - 2, 0, "m garder la mienne  a garder l'autre  Échap revenir au formulaire", COLS,
	       true, ui_attr_title(ui));
	ui_put(LINES - 1, 0, ui->status, COLS, true, ui->status_error ? ui_attr_error(ui) : 0);
}

/* Closes this view and the form below it, back to the day's list. */
static void close_both(struct ui *ui, const char *id)
{
	struct cn_err err;

	draft_clear(ui->drafts, &err);
	memcpy(ui->focus_id, id, ID_LEN);
	ui_pop(ui);
	ui_pop(ui);
}

static void keep_mine(struct ui *ui, struct conflict *c)
{
	struct visit v = c->mine;
	struct cn_err err;
	int rc = record_save_over(ui->app->st, &ui->app->cfg.lists, &v, &c->theirs, &err);

	if (rc == CN_ECONFLICT) {
		/* Changed once more meanwhile: show that version. */
		record_get(ui->app->st, "main", c->mine.id, &c->theirs, &err);
		ui_status(ui, true, "Modifié encore ailleurs : voici la dernière version enregistrée");
		return;
	}
	if (rc != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	close_both(ui, c->mine.id);
	ui_status(ui, false, "Passage modifié : votre version est gardée, l'autre est dans "
	                     "l'historique");
}

static void keep_theirs(struct ui *ui, struct conflict *c)
{
	struct cn_err err;

	if (record_keep_unsaved(ui->app->st, &c->mine, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	close_both(ui, c->mine.id);
	ui_status(ui, false, "Version enregistrée ailleurs gardée ; votre saisie est dans "
	                     "l'historique");
}

static void conflict_key(struct ui *ui, struct view *v, int code, bool is_char, enum action act)
{
	struct conflict *c = (struct conflict *)v;

	(void)act;
	if (!is_char)
		return;
	if (code == 'm' || code == 'M')
		keep_mine(ui, c);
	else if (code == 'a' || code == 'A')
		keep_theirs(ui, c);
	else if (code == 27) {
		ui_pop(ui);
		ui_status(ui, false, "Rien n'est enregistré : Entrée montrera de nouveau les deux "
		                     "versions");
	}
}

static void conflict_close(struct ui *ui, struct view *v)
{
	(void)ui;
	free(v);
}

static const struct view_ops conflict_ops = {
	.ctx = CTX_FORM,
	.draw = conflict_draw,
	.key = conflict_key,
	.close = conflict_close,
};

void view_conflict_open(struct ui *ui, const struct visit *mine)
{
	struct conflict *c = calloc(1, sizeof *c);
	struct cn_err err;

	if (!c)
		return;
	c->base.ops = &conflict_ops;
	c->mine = *mine;
	if (record_get(ui->app->st, "main", mine->id, &c->theirs, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		free(c);
		return;
	}
	ui_push(ui, &c->base);
	ui_status(ui, true, "Ce passage a changé ailleurs : choisissez la version à garder");
}
