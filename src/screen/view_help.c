/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/model/text.h"
#include "carnet/screen/view_help.h"

#define HELP_LINES 256
#define KEYS_W 20

/* One line of the help: a context title, an action's keys and the first
 * line of its text, or a line that goes on with the text (keys ""). */
struct help_line {
	const char *keys;            /* NULL for a title */
	bool wide;                   /* keys too long for their column: alone */
	char text[256];
};

struct help {
	struct view base;
	struct help_line lines[HELP_LINES];
	int n, top;
	int width;                   /* the text width the lines were cut for */
};

static void add(struct help *h, const char *keys, const char *text, size_t len)
{
	if (h->n == HELP_LINES)
		return;
	h->lines[h->n].keys = keys;
	h->lines[h->n].wide = false;
	snprintf(h->lines[h->n].text, sizeof h->lines[h->n].text, "%.*s", (int)len, text);
	h->n++;
}

/* The action's text over as many lines as it needs, cut between words; keys
 * too long for their column get a line of their own. */
static void add_wrapped(struct help *h, const char *keys, const char *text, int width)
{
	if (utf8_width(keys) > KEYS_W) {
		add(h, keys, "", 0);
		h->lines[h->n - 1].wide = true;
		keys = "";
	}
	while (*text) {
		size_t fit = text_fit(text, width, NULL), cut = fit;
		if (text[fit]) {
			while (cut > 0 && text[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = fit;
		}
		add(h, keys, text, cut);
		keys = "";
		text += cut;
		while (*text == ' ')
			text++;
	}
}

static void build(struct ui *ui, struct help *h)
{
	int width = COLS - 5 - KEYS_W;

	h->n = 0;
	h->width = COLS;
	if (width < 10)
		width = 10;
	for (int ctx = 0; ctx < CTX_COUNT; ctx++) {
		add(h, NULL, action_context_title(ctx), strlen(action_context_title(ctx)));
		for (int a = 0; a < ACT_COUNT; a++)
			if (ui->keys.names[a][ctx][0])
				add_wrapped(h, ui->keys.names[a][ctx], action_table[a].help, width);
		if (ctx == CTX_FORM) {
			/* How letters answer, as the man page says it. */
			add_wrapped(h, "lettre", "Dans un champ à liste : choisit la valeur de cette lettre. "
			               "Dans un champ à plusieurs valeurs, la lettre d'une valeur cochée "
			               "la décoche ; pour une deuxième valeur, Maj-Tab revient au champ "
			               "puis sa lettre la coche (3 touches)",
			            width);
		}
		add(h, "", "", 0);
	}
}

static int first_line_of(const struct help *h, enum action_context ctx)
{
	int seen = 0;

	for (int i = 0; i < h->n; i++)
		if (!h->lines[i].keys && seen++ == (int)ctx)
			return i;
	return 0;
}

static void help_draw(struct ui *ui, struct view *v)
{
	struct help *h = (struct help *)v;
	int y = 2, rows = LINES - 6;

	if (h->width != COLS) {
		/* Resized: cut again, keep the place. */
		int top = h->top;
		build(ui, h);
		h->top = top < h->n ? top : 0;
	}
	ui_title(ui, "Aide : les touches");
	for (int i = h->top; i < h->n && y < 2 + rows; i++, y++) {
		const struct help_line *l = &h->lines[i];
		if (!l->keys) {
			ui_put(y, 1, l->text, COLS - 2, false, A_BOLD);
		} else if (l->wide) {
			ui_put(y, 3, l->keys, COLS - 4, false, 0);
		} else {
			ui_put(y, 3, l->keys, KEYS_W, false, 0);
			ui_put(y, 4 + KEYS_W, l->text, COLS - 5 - KEYS_W, false, 0);
		}
	}
	ui_more(1, COLS - 16, h->top, false);
	ui_more(2 + rows, COLS - 16, h->n - h->top - rows, true);
	ui_put(LINES - 3, 1,
	       "Les touches se changent dans [keys] de carnet.ini (voir carnet keys).",
	       COLS - 2, false, A_DIM);
	ui_footer(ui, CTX_FORM, NULL, 0);
	ui_put(LINES - 2, 0, "Haut/Bas défiler  Échap ou q fermer", COLS, true, A_DIM);
}

static void help_key(struct ui *ui, struct view *v, int code, bool is_char, enum action act)
{
	struct help *h = (struct help *)v;

	(void)act;
	if ((!is_char && code == KEY_DOWN) || (is_char && code == 'j')) {
		if (h->top + LINES - 6 < h->n)
			h->top++;
	} else if ((!is_char && code == KEY_UP) || (is_char && code == 'k')) {
		if (h->top > 0)
			h->top--;
	} else if ((is_char && (code == 27 || code == 'q' || code == '?')) ||
	           (!is_char && code == KEY_F(1))) {
		ui_pop(ui);
	}
}

static void help_close(struct ui *ui, struct view *v)
{
	(void)ui;
	free(v);
}

static const struct view_ops help_ops = {
	.ctx = CTX_FORM,
	.draw = help_draw,
	.key = help_key,
	.close = help_close,
};

void view_help_open(struct ui *ui, enum action_context ctx)
{
	struct help *h = calloc(1, sizeof *h);

	if (!h)
		return;
	h->base.ops = &help_ops;
	build(ui, h);
	h->top = first_line_of(h, ctx);
	ui_push(ui, &h->base);
}
