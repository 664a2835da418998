#include <string.h>
#include "carnet/screen/person_panel.h"
#include "carnet/store/person_store.h"
#include "carnet/model/text.h"
#include "carnet/store/visit_store.h"

static int add_recent(const char *code, const char *last, void *ctx)
{
	struct person_panel *pp = ctx;

	if (pp->nrecent >= PANEL_RECENT)
		return 1;
	text_copy(pp->recent[pp->nrecent], PCODE_MAX, code);
	text_copy(pp->recent_date[pp->nrecent], DATE_LEN, last ? last : "");
	pp->nrecent++;
	return 0;
}

/* The recent codes that start with what is typed. */
static void filter_recent(struct person_panel *pp)
{
	size_t len = strlen(pp->input);

	pp->nshown = 0;
	for (int i = 0; i < pp->nrecent; i++)
		if (strncmp(pp->recent[i], pp->input, len) == 0)
			pp->shown[pp->nshown++] = i;
	if (pp->hl >= pp->nshown)
		pp->hl = pp->nshown ? pp->nshown - 1 : 0;
}

struct history_ctx {
	struct person_panel *pp;
	const struct lists *ls;
	char postures[PANEL_HISTORY][CODE_MAX];
};

static int add_history(const struct visit *v, void *ctx)
{
	struct history_ctx *h = ctx;
	struct person_panel *pp = h->pp;

	/* Keep the latest PANEL_HISTORY visits, oldest first. */
	if (pp->nhistory == PANEL_HISTORY) {
		memmove(pp->history[0], pp->history[1], sizeof pp->history[0] * (PANEL_HISTORY - 1));
		memmove(h->postures[0], h->postures[1], sizeof h->postures[0] * (PANEL_HISTORY - 1));
		pp->nhistory--;
	}
	snprintf(pp->history[pp->nhistory], sizeof pp->history[0], "%s  %-6s  %s", v->date,
	         v->posture, lists_label(h->ls, L_DEMANDE, v->demands.v[0]));
	text_copy(h->postures[pp->nhistory], CODE_MAX, v->posture);
	pp->nhistory++;
	pp->visits++;
	return 0;
}

void person_panel_reload(struct person_panel *pp, struct ui *ui)
{
	struct visit_filter filter = {0};
	struct history_ctx h = {.pp = pp, .ls = &ui->app->cfg.lists};
	struct cn_err err;
	size_t used = 0;

	pp->nhistory = pp->visits = 0;
	pp->trend[0] = '\0';
	filter_recent(pp);
	if (!pp->code[0])
		return;
	text_copy(filter.person, sizeof filter.person, pp->code);
	if (visit_each(ui->app->st, &filter, add_history, &h, &err) != CN_OK)
		ui_status(ui, true, "%s", err.msg);
	for (int i = 0; i < pp->nhistory; i++) {
		int k = snprintf(pp->trend + used, sizeof pp->trend - used, "%s%s", i ? " → " : "",
		                 h.postures[i]);
		if (k > 0 && (size_t)k < sizeof pp->trend - used)
			used += (size_t)k;
	}
}

/* Attaches the typed code when it names a known person. */
static void match(struct person_panel *pp, struct ui *ui)
{
	struct person p;
	struct cn_err err;

	pp->code[0] = '\0';
	if (pp->input[0] && person_get(ui->app->st, pp->input, &p, &err) == CN_OK)
		text_copy(pp->code, sizeof pp->code, p.code);
	person_panel_reload(pp, ui);
}

void person_panel_open(struct person_panel *pp, struct ui *ui, const char *code)
{
	struct cn_err err;

	memset(pp, 0, sizeof *pp);
	text_copy(pp->input, sizeof pp->input, code);
	if (person_recent(ui->app->st, PANEL_RECENT, add_recent, pp, &err) != CN_OK)
		ui_status(ui, true, "%s", err.msg);
	match(pp, ui);
}

static void create(struct person_panel *pp, struct ui *ui)
{
	struct person p;
	struct cn_err err;

	person_init(&p);
	if (pp->input[0] && !person_code_normalize(pp->input, p.code)) {
		ui_status(ui, true, "Code usager invalide « %s » : 4 à 16 lettres ou chiffres",
		          pp->input);
		return;
	}
	if (person_create(ui->app->st, &ui->app->cfg.lists, &p, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	text_copy(pp->input, sizeof pp->input, p.code);
	match(pp, ui);
	ui_status(ui, false, "Nouvel usager %s : notez ce code sur sa carte", p.code);
}

bool person_panel_char(struct person_panel *pp, struct ui *ui, int c)
{
	size_t len;

	if (c == '+') {
		if (!pp->code[0])
			create(pp, ui);
		return true;
	}
	if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		return false;
	/* The first character typed replaces the code shown. */
	if (!pp->typing) {
		pp->input[0] = '\0';
		pp->typing = true;
	}
	len = strlen(pp->input);
	if (len + 1 < sizeof pp->input) {
		pp->input[len] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
		pp->input[len + 1] = '\0';
	}
	pp->hl = 0;
	match(pp, ui);
	return true;
}

void person_panel_erase(struct person_panel *pp, struct ui *ui)
{
	size_t len = strlen(pp->input);

	pp->typing = true;
	if (len > 0)
		pp->input[len - 1] = '\0';
	match(pp, ui);
}

void person_panel_pick(struct person_panel *pp, struct ui *ui)
{
	if (pp->code[0] || pp->nshown == 0)
		return;
	text_copy(pp->input, sizeof pp->input, pp->recent[pp->shown[pp->hl]]);
	pp->typing = true;
	match(pp, ui);
}

void person_panel_move(struct person_panel *pp, int delta)
{
	if (pp->hl + delta >= 0 && pp->hl + delta < pp->nshown)
		pp->hl += delta;
}

bool person_panel_valid(const struct person_panel *pp, struct ui *ui)
{
	if (pp->input[0] && !pp->code[0]) {
		ui_status(ui, true, "Usager inconnu « %s » : + pour créer ce code, ou effacez-le",
		          pp->input);
		return false;
	}
	return true;
}

void person_panel_draw(const struct person_panel *pp, int x, int w)
{
	char line[300];

	ui_put(3, x, "Code de la carte, ou + pour un nouveau code", w, false, A_DIM);
	snprintf(line, sizeof line, "Code : %s_", pp->input);
	ui_put(4, x, line, w, false, A_BOLD);
	if (pp->code[0]) {
		snprintf(line, sizeof line, "Usager connu : %d passage%s", pp->visits,
		         pp->visits > 1 ? "s" : "");
		ui_put(6, x, line, w, false, 0);
		for (int i = 0; i < pp->nhistory; i++)
			ui_put(7 + i, x + 1, pp->history[i], w - 1, false, 0);
		if (pp->trend[0]) {
			snprintf(line, sizeof line, "Postures : %s", pp->trend);
			ui_put(8 + PANEL_HISTORY, x, line, w, false, A_BOLD);
		}
		ui_put(10 + PANEL_HISTORY, x, "F6 : profil (âge, quartier, équipement…)", w, false,
		       A_DIM);
		return;
	}
	ui_put(6, x, "Codes récents (Haut/Bas, Espace) :", w, false, 0);
	for (int i = 0; i < pp->nshown; i++) {
		int k = pp->shown[i];
		snprintf(line, sizeof line, "%-8s dernier passage %s", pp->recent[k],
		         pp->recent_date[k]);
		ui_put(7 + i, x + 1, line, w - 1, false, i == pp->hl ? A_REVERSE : 0);
	}
}
