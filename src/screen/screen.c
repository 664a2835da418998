/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include "carnet/screen/screen.h"
#include "carnet/screen/view_today.h"

/* The data is UTF-8 whatever the locale: under LANG=C (or none), curses
 * would write its accents and dashes byte by byte as garbage ("~@~T" for
 * "—"). The characters are then taken as UTF-8, which today's terminals
 * show. */
static void utf8_characters(void)
{
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "C.utf8");
}

int screen_start(struct ui *ui, struct app *app, FILE *out, FILE *in)
{
	int rc;

	utf8_characters();
	rc = ui_start(ui, app, out, in);

	if (rc != EXIT_OK)
		return rc;
	rc = view_today_open(ui);
	ui_draw(ui);
	return rc;
}

int screen_run(struct app *app)
{
	struct ui ui;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return app_fail(app, EXIT_USAGE,
		                "l'écran de saisie demande un terminal ; hors terminal, utilisez "
		                "les commandes (carnet --help)");
	rc = screen_start(&ui, app, stdout, stdin);
	if (rc != EXIT_OK)
		return ui_finish(&ui, rc);
	return ui_finish(&ui, ui_loop(&ui));
}
