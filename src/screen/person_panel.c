/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/screen/person_panel.h"
#include "carnet/screen/keymap.h"
#include "carnet/store/person_store.h"
#include "carnet/store/place_store.h"
#include "carnet/model/text.h"
#include "carnet/store/visit_store.h"

static int add_recent(const char *code, const char *last, const char *demands, void *ctx)
{
	struct person_panel *pp = ctx;

	if (pp->nrecent >= PANEL_RECENT)
		return 1;
	text_copy(pp->recent[pp->nrecent], PCODE_MAX, code);
	text_copy(pp->recent_date[pp->nrecent], DATE_LEN, last ? last : "");
	pp->recent_demand[pp->nrecent][0] = '\0';
	if (demands)
		snprintf(pp->recent_demand[pp->nrecent], CODE_MAX, "%.*s", (int)strcspn(demands, "|"),
		         demands);
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
	{
		char demand[80], posture[40];
		/* Short labels: the line has to fit the panel. */
		ui_fit_label(lists_label(h->ls, L_DEMANDE, v->demands.v[0]), 0, demand, sizeof demand);
		ui_fit_label(lists_label(h->ls, L_POSTURE, v->posture), 0, posture, sizeof posture);
		char day[16];
		date_short(v->date, day, sizeof day);
		snprintf(pp->history[pp->nhistory], sizeof pp->history[0], "%s  %s · %s", day,
		         posture, demand);
	}
	text_copy(h->postures[pp->nhistory], CODE_MAX, v->posture);
	pp->nhistory++;
	pp->visits++;
	return 0;
}

/* The last open referral of the attached person, looked up again only when
 * the person changes: once answered it stays, to be corrected. */
static void load_referral(struct person_panel *pp, struct ui *ui)
{
	static const enum action keys[3] = {ACT_REFERRAL_WENT, ACT_REFERRAL_NOT_WENT,
	                                    ACT_REFERRAL_UNKNOWN};
	struct cn_err err;
	int rc;

	if (!pp->code[0] || pp->is_new || !pp->before[0]) {
		pp->has_ref = false;
		pp->ref_for[0] = '\0';
		return;
	}
	if (strcmp(pp->ref_for, pp->code) == 0)
		return;
	text_copy(pp->ref_for, sizeof pp->ref_for, pp->code);
	rc = visit_open_referral(ui->app->st, pp->code, pp->before, &pp->ref, &err);
	pp->has_ref = rc == CN_OK;
	if (rc != CN_OK && rc != CN_ENOTFOUND)
		ui_status(ui, true, "%s", err.msg);
	pp->ref_place[0] = '\0';
	if (pp->has_ref && pp->ref.referral_place[0]) {
		/* The directory's name of the place (some 60 kB: not on the stack). */
		struct place *p = malloc(sizeof *p);
		if (p && place_get_by_uid(ui->app->st, pp->ref.referral_place, p, &err) == CN_OK)
			snprintf(pp->ref_place, sizeof pp->ref_place, "%.*s",
			         (int)text_fit(p->nom, PLACE_MAX_CHARS, NULL), p->nom);
		free(p);
	}
	for (int i = 0; i < 3; i++)
		if (!keymap_first(&ui->keys, keys[i], CTX_FORM, pp->ref_keys[i],
		                  sizeof pp->ref_keys[i]))
			pp->ref_keys[i][0] = '\0';
}

/* A label of a list with a small first letter, inside a sentence
 * ("rendez-vous pris pour la personne"). */
static void lower_label(const char *label, char *out, size_t size)
{
	snprintf(out, size, "%s", label);
	if (out[0] >= 'A' && out[0] <= 'Z')
		out[0] = (char)(out[0] - 'A' + 'a');
}

bool person_panel_answer(struct person_panel *pp, struct ui *ui, const char *went)
{
	const struct lists *ls = &ui->app->cfg.lists;
	struct cn_err err;
	char label[160];

	if (!pp->has_ref) {
		ui_status(ui, true, pp->code[0] ? "Aucune orientation sans suite pour l'usager %s"
		                                : "Suite d'une orientation : choisissez d'abord l'usager%s",
		          pp->code);
		return false;
	}
	if (visit_answer_referral(ui->app->st, ls, pp->ref.id, went, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return false;
	}
	text_copy(pp->ref.referral_went, sizeof pp->ref.referral_went, went);
	lower_label(lists_label(ls, L_ORIENTATION_SUITE, went), label, sizeof label);
	ui_status(ui, false, "Suite enregistrée : %s", label);
	return true;
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
	load_referral(pp, ui);
	if (!pp->code[0])
		return;
	text_copy(filter.person, sizeof filter.person, pp->code);
	if (visit_each(ui->app->st, &filter, add_history, &h, &err) != CN_OK)
		ui_status(ui, true, "%s", err.msg);
	for (int i = 0; i < pp->nhistory; i++) {
		/* The short label: "Faire pour", not "Faire pour (à la place)". */
		const char *label = lists_label(h.ls, L_POSTURE, h.postures[i]);
		size_t n = strcspn(label, "(");
		int k;
		while (n > 0 && label[n - 1] == ' ')
			n--;
		k = snprintf(pp->trend + used, sizeof pp->trend - used, "%s%.*s", i ? " → " : "",
		             (int)n, label);
		if (k > 0 && (size_t)k < sizeof pp->trend - used)
			used += (size_t)k;
	}
}

/* Attaches the typed code when it names a known person, or the new person
 * made here. */
static void match(struct person_panel *pp, struct ui *ui)
{
	struct person p;
	struct cn_err err;

	if (pp->is_new && strcmp(pp->input, pp->code) == 0)
		return;
	pp->is_new = false;
	pp->code[0] = '\0';
	if (pp->input[0] && person_get(ui->app->st, pp->input, &p, &err) == CN_OK)
		text_copy(pp->code, sizeof pp->code, p.code);
	person_panel_reload(pp, ui);
}

void person_panel_open(struct person_panel *pp, struct ui *ui, const char *code, bool is_new,
                       const char *before)
{
	struct cn_err err;

	memset(pp, 0, sizeof *pp);
	text_copy(pp->before, sizeof pp->before, before ? before : "");
	text_copy(pp->input, sizeof pp->input, code);
	if (person_recent(ui->app->st, PANEL_RECENT, add_recent, pp, &err) != CN_OK)
		ui_status(ui, true, "%s", err.msg);
	if (is_new && code[0]) {
		pp->is_new = true;
		text_copy(pp->code, sizeof pp->code, code);
	}
	match(pp, ui);
}

/* A new person: nothing is written until the visit is saved, with it. */
static void create(struct person_panel *pp, struct ui *ui)
{
	struct person p;
	struct cn_err err;
	char code[PCODE_MAX];

	if (pp->input[0]) {
		if (!person_code_normalize(pp->input, code)) {
			ui_status(ui, true, "Code usager invalide « %s » : 4 à 16 lettres ou chiffres",
			          pp->input);
			return;
		}
		if (person_get(ui->app->st, code, &p, &err) == CN_OK) {
			ui_status(ui, true, "Le code usager « %s » existe déjà", code);
			return;
		}
	} else if (person_free_code(ui->app->st, code, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	text_copy(pp->input, sizeof pp->input, code);
	text_copy(pp->code, sizeof pp->code, code);
	pp->is_new = true;
	pp->nhistory = pp->visits = 0;
	pp->trend[0] = '\0';
	load_referral(pp, ui);
	ui_status(ui, false, "Nouvel usager %s, enregistré avec le passage : notez ce code sur sa "
	                     "carte", code);
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

/* s over at most `lines` lines from row y, cut between words; the rows
 * used. */
static int put_wrapped(int y, int x, const char *s, int w, int lines, attr_t a)
{
	int used = 0;

	while (*s && used < lines) {
		size_t n = text_fit(s, w, NULL), cut = n;
		char chunk[300];
		if (n == 0)
			break;
		if (s[n] && used + 1 < lines) {
			while (cut > 0 && s[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = n;
		}
		snprintf(chunk, sizeof chunk, "%.*s", (int)cut, s);
		ui_put(y + used++, x, chunk, w, false, a);
		s += cut;
		while (*s == ' ')
			s++;
	}
	return used;
}

/* "Orientée vers France Services le 12/11, rendez-vous pris pour la
 * personne", then the answer or the keys that give it. */
static void draw_referral(const struct person_panel *pp, const struct lists *ls, int y, int x,
                          int w)
{
	const struct visit *v = &pp->ref;
	char dest[PLACE_BYTES], how[200] = "", day[16], line[PLACE_BYTES + 400];

	if (pp->ref_place[0])
		snprintf(dest, sizeof dest, "%s", pp->ref_place);
	else if (v->referred_place[0])
		snprintf(dest, sizeof dest, "%s", v->referred_place);
	else
		ui_fit_label(lists_label(ls, L_ORIENTE_VERS, v->referred_to), 0, dest, sizeof dest);
	if (strncmp(v->date, pp->before, 4) == 0)
		snprintf(day, sizeof day, "%.2s/%.2s", v->date + 8, v->date + 5);
	else
		date_short(v->date, day, sizeof day);
	if (v->referral_how[0]) {
		char label[160];
		lower_label(lists_label(ls, L_ORIENTATION_MODE, v->referral_how), label,
		            sizeof label);
		snprintf(how, sizeof how, ", %s", label);
	}
	snprintf(line, sizeof line, "Orientée vers %s le %s%s", dest, day, how);
	y += put_wrapped(y, x, line, w, 2, A_BOLD);
	if (v->referral_went[0]) {
		char label[160];
		lower_label(lists_label(ls, L_ORIENTATION_SUITE, v->referral_went), label,
		            sizeof label);
		snprintf(line, sizeof line, "Suite : %s (%s, %s, %s corrigent)", label,
		         pp->ref_keys[0], pp->ref_keys[1], pp->ref_keys[2]);
	} else {
		snprintf(line, sizeof line, "Suite ? %s s'y est rendue · %s non · %s ne sait pas",
		         pp->ref_keys[0], pp->ref_keys[1], pp->ref_keys[2]);
	}
	put_wrapped(y, x, line, w, 2, 0);
}

void person_panel_draw(const struct person_panel *pp, const struct lists *ls, int x, int w)
{
	char line[300];

	ui_put(3, x, "Code de la carte, ou + pour un nouveau code", w, false, A_DIM);
	snprintf(line, sizeof line, "Code : %s_", pp->input);
	ui_put(4, x, line, w, false, A_BOLD);
	if (pp->is_new) {
		ui_put(6, x, "Nouvel usager", w, false, A_BOLD);
		ui_put(7, x, "enregistré avec ce passage :", w, false, 0);
		ui_put(8, x, "notez ce code sur sa carte.", w, false, 0);
		ui_put(10, x, "Profil (F6) : une fois enregistré.", w, false, A_DIM);
		return;
	}
	if (pp->code[0]) {
		snprintf(line, sizeof line, "Usager connu : %d passage%s", pp->visits,
		         pp->visits > 1 ? "s" : "");
		ui_put(6, x, line, w, false, 0);
		for (int i = 0; i < pp->nhistory; i++)
			ui_put(7 + i, x + 1, pp->history[i], w - 1, false, 0);
		if (pp->trend[0]) {
			/* Over two lines when it needs them, cut between postures. */
			const char *rest = pp->trend;
			snprintf(line, sizeof line, "Postures : %s", rest);
			if (utf8_width(line) > w) {
				const char *cut = NULL, *p = rest;
				while ((p = strstr(p, " → ")) != NULL) {
					char head[sizeof line];
					snprintf(head, sizeof head, "Postures : %.*s →", (int)(p - rest), rest);
					if (utf8_width(head) <= w)
						cut = p;
					p += strlen(" → ");
				}
				if (cut) {
					snprintf(line, sizeof line, "Postures : %.*s →", (int)(cut - rest), rest);
					ui_put(8 + PANEL_HISTORY, x, line, w, false, A_BOLD);
					ui_put(9 + PANEL_HISTORY, x + 2, cut + strlen(" → "), w - 2, false, A_BOLD);
				} else {
					ui_put(8 + PANEL_HISTORY, x, line, w, false, A_BOLD);
				}
			} else {
				ui_put(8 + PANEL_HISTORY, x, line, w, false, A_BOLD);
			}
		}
		ui_put(10 + PANEL_HISTORY, x, "F6 : profil (âge, quartier, équipement…)", w, false,
		       A_DIM);
		if (pp->has_ref)
			draw_referral(pp, ls, 11 + PANEL_HISTORY, x, w);
		return;
	}
	ui_put(6, x, "Codes récents, leur dernier passage (Haut/Bas, Espace) :", w, false, 0);
	for (int i = 0; i < pp->nshown; i++) {
		int k = pp->shown[i];
		char demand[128] = "";
		if (pp->recent_demand[k][0])
			ui_fit_label(lists_label(ls, L_DEMANDE, pp->recent_demand[k]), 0, demand,
			             sizeof demand);
		char day[16];
		date_short(pp->recent_date[k], day, sizeof day);
		snprintf(line, sizeof line, "%-7s %s  %s", pp->recent[k], day, demand);
		ui_put(7 + i, x + 1, line, w - 1, false, i == pp->hl ? A_REVERSE : 0);
	}
}
