/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The desk screen: terminal set-up and restore, the stack of views, the key
 * loop, the status line and the drawing helpers shared by the views. */
#ifndef CARNET_UI_H
#define CARNET_UI_H

#include <stdbool.h>
#include <curses.h>
#include "carnet/model/actions.h"
#include "carnet/app/app.h"
#include "carnet/model/ids.h"
#include "carnet/screen/keymap.h"

#define UI_MIN_COLS 80
#define UI_MIN_LINES 24
#define UI_STACK_MAX 6
/* The longest a key may wait on another program's write to the database
 * (ms): past it, a save says the base is busy and tries again by itself. */
#define UI_BUSY_MS 250

struct ui;
struct view;

/* What every view (a list, a form, the help) provides. */
struct view_ops {
	enum action_context ctx;   /* where its keys are looked up */
	bool alt_keys;             /* takes Alt + a letter (a form's jump keys) */
	void (*draw)(struct ui *ui, struct view *v);
	/* A key: `code` is a character (is_char) or a curses key code; `act` is
	 * what the key map binds it to in the view's context (ACT_NONE if nothing). */
	void (*key)(struct ui *ui, struct view *v, int code, bool is_char, enum action act);
	/* Called when the view above it is closed. */
	void (*resume)(struct ui *ui, struct view *v);
	/* Called about once a second when no key comes (may be NULL);
	 * `changed` when another program changed the database since. */
	void (*tick)(struct ui *ui, struct view *v, bool changed);
	void (*close)(struct ui *ui, struct view *v);
};

struct view {
	const struct view_ops *ops;
};

struct ui {
	struct app *app;
	struct drafts *drafts;        /* the drafts file; NULL if it cannot be used */
	SCREEN *term;                 /* NULL until the terminal is set up */
	struct keymap keys;
	long data_version;            /* store_data_version() when the views last looked */
	bool color;
	bool quit;
	bool alt;                     /* the key being handled came with Alt */
	const char *answers;          /* the answer keys of a question being asked */
	char status[512];
	bool status_error;
	long long timer_start;        /* epoch seconds; 0 when the timer is stopped */
	char focus_id[ID_LEN];        /* the visit the list selects when it resumes */
	struct view *stack[UI_STACK_MAX];
	int depth;
};

/* The three steps of a screen session (screen.h puts them together): open
 * the database and the terminal (out, in), with no view yet; take keys until
 * quit or a signal; close every view and give the terminal back. */
int ui_start(struct ui *ui, struct app *app, FILE *out, FILE *in);
int ui_loop(struct ui *ui);
int ui_finish(struct ui *ui, int rc);

/* Draws the top view, its footer and the status line. */
void ui_draw(struct ui *ui);
void ui_push(struct ui *ui, struct view *v);
/* Closes the top view and resumes the one below. */
void ui_pop(struct ui *ui);
void ui_status(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Asks a yes/no question on the status line ("o" or "n"; Escape is no). */
bool ui_confirm(struct ui *ui, const char *question);
/* Asks on the status line, the answer keys `answers` shown after it, until
 * accept() takes a key (returns non-zero, which ui_ask returns; 0 on a
 * signal). The status line is empty afterwards. */
typedef int (*ui_answer_fn)(int code, bool is_char);
int ui_ask(struct ui *ui, const char *question, const char *answers, ui_answer_fn accept);
/* Minutes on the running timer (at least 1), or 0 when stopped. */
int ui_timer_minutes(const struct ui *ui);
void ui_timer_toggle(struct ui *ui);

/* Drawing helpers. ui_put writes s at (y, x) in at most width columns, cut
 * with "…", and pads with spaces up to width when pad. */
void ui_put(int y, int x, const char *s, int width, bool pad, attr_t attr);
/* A label in `width` columns: whole if it fits, else its first words (up to
 * " (", ", " or " :"), cut with "…" only when even those do not fit.
 * A width of 0 gives the first words whatever their length. */
void ui_fit_label(const char *label, int width, char *out, size_t size);
/* "↓ 6 de plus" (down) or "↑ 6 de plus" at (y, x) when count > 0: a list
 * that scrolls says what it hides. */
void ui_more(int y, int x, int count, bool down);
/* The top bar: a title on the left, the timer on the right. */
void ui_title(struct ui *ui, const char *title);
/* The two bottom lines: key hints for the given actions, then the status. */
void ui_footer(struct ui *ui, enum action_context ctx, const enum action *acts, int n);
/* A date as "mercredi 18 novembre 2026". */
void ui_long_date(const char *iso, char *out, size_t size);
attr_t ui_attr_title(const struct ui *ui);
attr_t ui_attr_error(const struct ui *ui);

#endif
