/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include "carnet/model/clock.h"
#include "carnet/model/escape.h"
#include "carnet/model/text.h"
#include "carnet/screen/ui.h"
#include "carnet/store/draft.h"

enum { PAIR_TITLE = 1, PAIR_ERROR };

/* Signals can only reach the key loop through a flag. */
static volatile sig_atomic_t pending_signal;

static void on_signal(int sig)
{
	pending_signal = sig;
}

/* A crash: put the terminal back, then die of the same signal. The form
 * being typed is already in the database as a draft. */
static void on_crash(int sig)
{
	endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_signals(void)
{
	static const int stop[] = {SIGINT, SIGTERM, SIGHUP};
	static const int crash[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal; /* no SA_RESTART: the key wait returns */
	for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
		sigaction(stop[i], &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof crash / sizeof crash[0]; i++)
		sigaction(crash[i], &sa, NULL);
}

attr_t ui_attr_title(const struct ui *ui)
{
	return ui->color ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_REVERSE;
}

attr_t ui_attr_error(const struct ui *ui)
{
	return ui->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD : A_BOLD;
}

/* s with every unsafe sequence (escape.h) and newline or tab as one '?':
 * what a file or another desk wrote never reaches the terminal as a
 * control, and keeps one column a character. */
static const char *shown(const char *s, char *buf, size_t size)
{
	size_t len = strlen(s), used = 0, n, at;

	if (escape_find(s, len, &n, NULL) == len && !strpbrk(s, "\n\t"))
		return s;
	while (len > 0) {
		at = escape_find(s, len, &n, NULL);
		if (used + at + 2 > size) {
			/* Cut at the end of buf, never inside a sequence. */
			at = size - 2 - used;
			while (at > 0 && ((unsigned char)s[at] & 0xc0) == 0x80)
				at--;
			n = 0;
		}
		for (size_t i = 0; i < at; i++)
			buf[used++] = s[i] == '\n' || s[i] == '\t' ? '?' : s[i];
		if (at == len || n == 0)
			break;
		buf[used++] = '?';
		s += at + n;
		len -= at + n;
	}
	buf[used] = '\0';
	return buf;
}

void ui_put(int y, int x, const char *s, int width, bool pad, attr_t attr)
{
	char buf[2048];
	int cols, total;
	size_t bytes;

	if (width <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	s = shown(s, buf, sizeof buf);
	total = utf8_width(s);
	if (x + width > COLS)
		width = COLS - x;
	attron(attr);
	if (total <= width) {
		mvaddstr(y, x, s);
		cols = total;
	} else {
		bytes = text_fit(s, width - 1, &cols);
		mvaddnstr(y, x, s, (int)bytes);
		addstr("…");
		cols++;
	}
	if (pad)
		for (; cols < width; cols++)
			addch(' ');
	attroff(attr);
}

/* A label in `width` columns: whole if it fits, else its first words (up to
 * " (", ", " or " :": "Suivre un dossier" for "Suivre un dossier,
 * actualiser…"), cut with "…" only when even those do not fit. */
void ui_fit_label(const char *label, int width, char *out, size_t size)
{
	size_t n = strlen(label);
	const char *cuts[] = {" (", ", ", " :"};

	if (width > 0 && utf8_width(label) <= width) {
		snprintf(out, size, "%s", label);
		return;
	}
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		const char *p = strstr(label, cuts[i]);
		if (p && (size_t)(p - label) < n)
			n = (size_t)(p - label);
	}
	snprintf(out, size, "%.*s", (int)n, label);
	if (width > 1 && utf8_width(out) > width)
		snprintf(out, size, "%.*s…", (int)text_fit(label, width - 1, NULL), label);
}

void ui_more(int y, int x, int count, bool down)
{
	char line[32];

	if (count <= 0)
		return;
	snprintf(line, sizeof line, "%s %d de plus", down ? "↓" : "↑", count);
	ui_put(y, x, line, utf8_width(line), false, A_BOLD);
}

void ui_push(struct ui *ui, struct view *v)
{
	if (ui->depth < UI_STACK_MAX)
		ui->stack[ui->depth++] = v;
	/* A new view starts with a clean status line: "Passage enregistré" is
	 * about the visit before, not the one on this form. */
	ui_status(ui, false, "%s", "");
}

void ui_pop(struct ui *ui)
{
	struct view *v;

	if (ui->depth <= 1)
		return;
	v = ui->stack[--ui->depth];
	v->ops->close(ui, v);
	v = ui->stack[ui->depth - 1];
	if (v->ops->resume)
		v->ops->resume(ui, v);
}

void ui_status(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof ui->status, fmt, ap);
	va_end(ap);
	ui->status_error = error;
}

int ui_timer_minutes(const struct ui *ui)
{
	long long secs;

	if (!ui->timer_start)
		return 0;
	secs = (long long)time(NULL) - ui->timer_start;
	if (secs < 60)
		return 1;
	return (int)((secs + 59) / 60);
}

void ui_timer_toggle(struct ui *ui)
{
	if (ui->timer_start) {
		ui_status(ui, false, "Chronomètre arrêté à %d min", ui_timer_minutes(ui));
		ui->timer_start = 0;
	} else {
		ui->timer_start = (long long)time(NULL);
		ui_status(ui, false, "Chronomètre démarré : il remplira la durée de la saisie");
	}
}

void ui_long_date(const char *iso, char *out, size_t size)
{
	date_words(iso, true, out, size);
}

void ui_title(struct ui *ui, const char *title)
{
	char right[48] = "";
	int rw;

	if (ui->timer_start)
		snprintf(right, sizeof right, " chrono %d min ", ui_timer_minutes(ui));
	rw = utf8_width(right);
	ui_put(0, 0, " carnet · ", COLS, true, ui_attr_title(ui));
	ui_put(0, 10, title, COLS - 10 - rw, true, ui_attr_title(ui));
	if (rw)
		ui_put(0, COLS - rw, right, rw, false, ui_attr_title(ui) | A_BOLD);
}

void ui_footer(struct ui *ui, enum action_context ctx, const enum action *acts, int n)
{
	char line[512] = "", key[64];
	size_t used = 0;

	for (int i = 0; i < n; i++) {
		const char *k = keymap_first(&ui->keys, acts[i], ctx, key, sizeof key);
		int w;
		if (!k || !action_table[acts[i]].hint)
			continue;
		w = snprintf(line + used, sizeof line - used, "%s%s %s", used ? "  " : "", k,
		             action_table[acts[i]].hint);
		if (w < 0 || (size_t)w >= sizeof line - used)
			break;
		used += (size_t)w;
	}
	if (ui->answers)
		/* A question is asked: its answer keys stand where the hints were. */
		ui_put(LINES - 2, 0, ui->answers, COLS, true, A_BOLD);
	else
		ui_put(LINES - 2, 0, line, COLS, true, A_DIM);
	ui_put(LINES - 1, 0, ui->status, COLS, true, ui->status_error ? ui_attr_error(ui) : 0);
}

static bool too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

void ui_draw(struct ui *ui)
{
	erase();
	if (too_small()) {
		char msg[128];
		snprintf(msg, sizeof msg,
		         "Fenêtre trop petite (%d×%d) : agrandissez-la à %d×%d au moins. "
		         "q pour quitter.",
		         COLS, LINES, UI_MIN_COLS, UI_MIN_LINES);
		/* Wrap the message over the lines there are. */
		for (int y = 0, off = 0; y < LINES && msg[off]; y++) {
			int cols;
			size_t bytes = text_fit(msg + off, COLS, &cols);
			if (bytes == 0)
				break;
			mvaddnstr(y, 0, msg + off, (int)bytes);
			off += (int)bytes;
		}
	} else if (ui->depth > 0) {
		struct view *v = ui->stack[ui->depth - 1];
		v->ops->draw(ui, v);
	}
	refresh();
}

/* Waits for one key; false on timeout or interruption. Alt and a letter
 * come as Escape then the letter at once (xterm, tmux, screen, the Linux
 * console): with `alt`, for a view that has Alt keys, they are one key,
 * with ui->alt set. Elsewhere Escape is always Escape: on a slow machine a
 * quick Escape then a letter must not merge. */
static bool read_key(struct ui *ui, bool alt, int *code, bool *is_char)
{
	wint_t ch, next;
	int r = get_wch(&ch);

	ui->alt = false;
	if (r == ERR)
		return false;
	*code = (int)ch;
	*is_char = r == OK;
	if (alt && r == OK && ch == 27) {
		int r2;
		nodelay(stdscr, TRUE);
		r2 = get_wch(&next);
		nodelay(stdscr, FALSE);
		timeout(1000);
		if (r2 == OK && next < 0x80 && ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))) {
			*code = (int)(next >= 'A' && next <= 'Z' ? next - 'A' + 'a' : next);
			ui->alt = true;
		} else if (r2 == OK) {
			unget_wch(next);
		} else if (r2 == KEY_CODE_YES) {
			ungetch((int)next);
		}
	}
	return true;
}

int ui_ask(struct ui *ui, const char *question, const char *answers, ui_answer_fn accept)
{
	int code, answer = 0, room = COLS - utf8_width(answers) - 4;
	bool is_char;

	/* The answer keys always show: after the question when both fit, else
	 * on the line of the key hints. */
	if (utf8_width(question) <= room) {
		ui_status(ui, false, "%s (%s)", question, answers);
	} else if ((int)strlen(answers) <= 5 && room > 1) {
		ui_status(ui, false, "%.*s… (%s)", (int)text_fit(question, room - 1, NULL), question,
		          answers);
	} else {
		ui_status(ui, false, "%s", question);
		ui->answers = answers;
	}
	while (!answer) {
		ui_draw(ui);
		if (pending_signal)
			break;
		if (read_key(ui, false, &code, &is_char))
			answer = accept(code, is_char);
	}
	/* The question belongs to its moment: no older line comes back. */
	ui->answers = NULL;
	ui_status(ui, false, "%s", "");
	return answer;
}

static int yes_no(int code, bool is_char)
{
	if (is_char && (code == 'o' || code == 'O' || code == 'y' || code == 'Y'))
		return 1;
	if (is_char && (code == 'n' || code == 'N' || code == 27))
		return 2;
	return 0;
}

bool ui_confirm(struct ui *ui, const char *question)
{
	return ui_ask(ui, question, "o/n", yes_no) == 1;
}

static int start_terminal(struct ui *ui, FILE *out, FILE *in)
{
	const char *no_color = getenv("NO_COLOR");

	if (!(ui->term = newterm(NULL, out, in)))
		return app_fail(ui->app, EXIT_USAGE,
		                "terminal inconnu ou inutilisable (TERM=%s) ; essayez TERM=xterm",
		                getenv("TERM") ? getenv("TERM") : "");
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	timeout(1000); /* the timer on screen moves every second */
	ui->color = has_colors() && !(no_color && *no_color);
	if (ui->color) {
		start_color();
		use_default_colors();
		init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_ERROR, COLOR_RED, -1);
	}
	return EXIT_OK;
}

static void dispatch(struct ui *ui, int code, bool is_char)
{
	struct view *v = ui->stack[ui->depth - 1];
	enum action act;

	if (too_small()) {
		if (is_char && code == 'q')
			ui->quit = true;
		return;
	}
	/* nonl() gives Enter as '\r'; the key map knows both. */
	act = keymap_lookup(&ui->keys, v->ops->ctx, is_char ? code : code | KEYMAP_FKEY);
	v->ops->key(ui, v, code, is_char, act);
}

int ui_start(struct ui *ui, struct app *app, FILE *out, FILE *in)
{
	struct cn_err err;
	int rc;

	memset(ui, 0, sizeof *ui);
	ui->app = app;
	if ((rc = app_open(app)) != EXIT_OK)
		return rc;
	store_busy_timeout(app->st, UI_BUSY_MS);
	ui->data_version = store_data_version(app->st);
	if (drafts_open(&ui->drafts, app->st, &err) != CN_OK)
		ui_status(ui, true, "Brouillons indisponibles (%s) : un passage en cours de saisie "
		                    "ne survivrait pas à une coupure", err.msg);
	keymap_init(&ui->keys, &app->cfg);
	if ((rc = start_terminal(ui, out, in)) != EXIT_OK)
		return rc;
	install_signals();
	return EXIT_OK;
}

int ui_loop(struct ui *ui)
{
	while (!ui->quit && !pending_signal) {
		int code;
		bool is_char;

		if (read_key(ui, ui->depth > 0 && ui->stack[ui->depth - 1]->ops->alt_keys, &code,
		             &is_char)) {
			dispatch(ui, code, is_char);
		} else if (ui->depth > 0 && !too_small()) {
			struct view *v = ui->stack[ui->depth - 1];
			long version = store_data_version(ui->app->st);
			bool changed = version != ui->data_version;
			ui->data_version = version;
			if (v->ops->tick)
				v->ops->tick(ui, v, changed);
		}
		ui_draw(ui);
	}
	return EXIT_OK;
}

int ui_finish(struct ui *ui, int rc)
{
	while (ui->depth > 0) {
		struct view *v = ui->stack[--ui->depth];
		v->ops->close(ui, v);
	}
	drafts_close(ui->drafts);
	ui->drafts = NULL;
	if (ui->term) {
		endwin();
		delscreen(ui->term);
		ui->term = NULL;
	}
	if (pending_signal) {
		fprintf(stderr, "carnet: interrompu (signal %d) ; un passage en cours de saisie est "
		                "gardé en brouillon et sera proposé au prochain démarrage.\n",
		        (int)pending_signal);
		return 128 + pending_signal;
	}
	return rc;
}
