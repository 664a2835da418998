#include <unistd.h>
#include "carnet/screen/screen.h"
#include "carnet/screen/view_today.h"

int screen_start(struct ui *ui, struct app *app, FILE *out, FILE *in)
{
	int rc = ui_start(ui, app, out, in);

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
