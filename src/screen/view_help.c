#include <stdlib.h>
#include <string.h>
#include "carnet/screen/view_help.h"

struct help {
	struct view base;
	int top;
};

/* Line n of the help: a context title (keys NULL), an action (its keys and
 * help text), or a blank line between contexts (both ""). False past the end. */
static bool help_line(const struct ui *ui, int n, const char **keys, const char **text)
{
	int line = 0;

	for (int ctx = 0; ctx < CTX_COUNT; ctx++) {
		if (line++ == n) {
			*keys = NULL;
			*text = action_context_title(ctx);
			return true;
		}
		for (int a = 0; a < ACT_COUNT; a++) {
			if (ui->keys.names[a][ctx][0] && line++ == n) {
				*keys = ui->keys.names[a][ctx];
				*text = action_table[a].help;
				return true;
			}
		}
		if (line++ == n) {
			*keys = *text = "";
			return true;
		}
	}
	return false;
}

static void help_draw(struct ui *ui, struct view *v)
{
	struct help *h = (struct help *)v;
	const char *keys, *text;
	int y = 2;

	ui_title(ui, "Aide : les touches");
	for (int n = h->top; y < LINES - 3 && help_line(ui, n, &keys, &text); n++, y++) {
		if (!keys) {
			ui_put(y, 1, text, COLS - 2, false, A_BOLD);
		} else {
			ui_put(y, 3, keys, 20, false, 0);
			ui_put(y, 24, text, COLS - 25, false, 0);
		}
	}
	ui_put(LINES - 3, 1,
	       "Les touches se changent dans la section [keys] de carnet.ini (voir carnet keys).",
	       COLS - 2, false, A_DIM);
	ui_footer(ui, CTX_FORM, NULL, 0);
	ui_put(LINES - 2, 0, "Haut/Bas défiler  Échap ou q fermer", COLS, true, A_DIM);
}

static void help_key(struct ui *ui, struct view *v, int code, bool is_char, enum action act)
{
	struct help *h = (struct help *)v;
	const char *keys, *text;

	(void)act;
	if ((!is_char && code == KEY_DOWN) || (is_char && code == 'j')) {
		if (help_line(ui, h->top + LINES - 5, &keys, &text))
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

void view_help_open(struct ui *ui)
{
	struct help *h = calloc(1, sizeof *h);

	if (!h)
		return;
	h->base.ops = &help_ops;
	ui_push(ui, &h->base);
}
