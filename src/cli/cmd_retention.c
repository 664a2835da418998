/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet purge and carnet forget: erasing personal data for good. */
#include <getopt.h>
#include <string.h>
#include <unistd.h>
#include "carnet/cli/cli.h"
#include "carnet/model/ids.h"
#include "carnet/store/retention.h"

const char usage_purge[] =
	"Usage : carnet purge --before AAAA-MM-JJ [--yes]\n"
	"\n"
	"Efface définitivement ce qui est daté d'avant ce jour (supprimé ou non) : les\n"
	"passages, les ateliers et leurs participants, les temps hors accompagnement ;\n"
	"puis les usagers sans passage ni atelier depuis ce jour (venus avant, ou\n"
	"enregistrés avant sans être venus). C'est la durée de conservation. Rien ne\n"
	"reste lisible dans le fichier (effacement sûr de SQLite, puis reconstruction\n"
	"du fichier). Demande confirmation, sauf avec --yes. Faites-le sur chaque\n"
	"poste : une fusion rapporte ce qu'un autre poste garde encore.\n";

const char usage_forget[] =
	"Usage : carnet forget CODE [--yes]\n"
	"\n"
	"Efface un usager (droit à l'effacement) : son code et son profil disparaissent,\n"
	"ses passages restent, anonymes (ils comptent encore dans les bilans) ; présent\n"
	"à un atelier, il y devient un participant anonyme de plus. Rien ne reste\n"
	"lisible dans le fichier. Demande confirmation, sauf avec --yes. Faites-le sur\n"
	"chaque poste où l'usager est venu.\n";

/* True when the user says yes; without a terminal, only --yes says it. */
static bool confirmed(struct app *app, bool yes, const char *question)
{
	char answer[16] = "";

	if (yes)
		return true;
	if (!isatty(STDIN_FILENO)) {
		fprintf(app->err, "carnet: %s : confirmez avec --yes (pas de terminal pour "
		                  "le demander)\n",
		        question);
		return false;
	}
	fprintf(app->err, "%s ? [o/N] ", question);
	fflush(app->err);
	if (!fgets(answer, sizeof answer, stdin))
		return false;
	return answer[0] == 'o' || answer[0] == 'O' || answer[0] == 'y' || answer[0] == 'Y';
}

/* --yes, and one value (--before's or the code). */
static int options(struct app *app, const char *command, int argc, char **argv, bool *yes,
                   const char **value)
{
	static const struct option longopts[] = {
		{"yes", no_argument, NULL, 'y'}, {"before", required_argument, NULL, 'b'},
		{NULL, 0, NULL, 0},
	};
	bool purge = strcmp(command, "purge") == 0;
	int opt;

	*yes = false;
	*value = NULL;
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (opt == 'y')
			*yes = true;
		else if (opt == 'b' && purge)
			*value = optarg;
		else
			return cli_bad_option(app, command, command, argv[optind - 1]);
	}
	if (!purge && optind == argc - 1)
		*value = argv[optind];
	else if (optind != argc) {
		app_fail(app, EXIT_USAGE, "%s : argument en trop « %s »", command, argv[optind]);
		return cli_usage_error(app, command);
	}
	if (!*value) {
		app_fail(app, EXIT_USAGE, purge ? "purge : --before AAAA-MM-JJ manque"
		                                : "forget : le code de l'usager manque");
		return cli_usage_error(app, command);
	}
	return EXIT_OK;
}

static void told_removed(void *ctx, const char *path)
{
	struct app *app = ctx;
	fprintf(app->out, "Copie d'avant mise à niveau effacée (elle gardait ces données) : %s\n",
	        path);
}

/* After an erase: the copies made before schema upgrades hold the erased
 * data too, and go; then the truth about what is still on the disk. */
static int finish(struct app *app, int rc, const struct cn_err *err)
{
	struct cn_err bad;

	if (retention_remove_copies(app->st, told_removed, app, &bad) != CN_OK)
		app_report(app, CN_EDB, NULL, &bad);
	if (rc != CN_OK)
		return app_report(app, rc, NULL, err);
	return EXIT_OK;
}

/* ", 2 ateliers, 1 temps" when workshops or times go, "" otherwise: the
 * line of a desk without them stays as it was. */
static void activity_counts(const struct purge_counts *n, char *out, size_t size)
{
	out[0] = '\0';
	if (n->workshops || n->times)
		snprintf(out, size, ", %ld atelier%s, %ld temps", n->workshops,
		         n->workshops > 1 ? "s" : "", n->times);
}

int cmd_purge(struct app *app, int argc, char **argv)
{
	struct purge_counts n;
	char activity[96];
	struct cn_err err;
	char before[DATE_LEN], question[256];
	const char *arg;
	bool yes;
	int rc;

	if ((rc = options(app, "purge", argc, argv, &yes, &arg)) != EXIT_OK ||
	    (rc = cli_date(app, "--before", arg, before)) != EXIT_OK ||
	    (rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if ((rc = retention_purge(app->st, before, false, &n, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	if (n.visits == 0 && n.persons == 0 && n.workshops == 0 && n.times == 0) {
		fprintf(app->out, "Rien à effacer avant le %s.\n", before);
		return EXIT_OK;
	}
	activity_counts(&n, activity, sizeof activity);
	snprintf(question, sizeof question,
	         "Effacer définitivement %ld passage%s d'avant le %s%s et %ld usager%s sans autre "
	         "passage",
	         n.visits, n.visits > 1 ? "s" : "", before, activity, n.persons,
	         n.persons > 1 ? "s" : "");
	if (!confirmed(app, yes, question))
		return EXIT_INVALID;
	if ((rc = retention_purge(app->st, before, true, &n, &err)) != CN_OK && rc != CN_EBUSY)
		return app_report(app, rc, NULL, &err);
	activity_counts(&n, activity, sizeof activity);
	fprintf(app->out, "Effacés : %ld passage%s d'avant le %s%s, %ld usager%s.\n", n.visits,
	        n.visits > 1 ? "s" : "", before, activity, n.persons, n.persons > 1 ? "s" : "");
	return finish(app, rc, &err);
}

int cmd_forget(struct app *app, int argc, char **argv)
{
	struct cn_err err;
	char code[PCODE_MAX], question[256];
	const char *arg;
	struct forget_counts n;
	char workshops[96] = "";
	bool yes;
	int rc;

	if ((rc = options(app, "forget", argc, argv, &yes, &arg)) != EXIT_OK)
		return rc;
	if (!person_code_normalize(arg, code))
		return app_fail(app, EXIT_INVALID,
		                "forget : code usager invalide « %s » (4 à 16 lettres ou chiffres)", arg);
	if ((rc = app_open_existing(app)) != EXIT_OK)
		return rc;
	if ((rc = retention_forget(app->st, code, false, &n, &err)) != CN_OK)
		return app_report(app, rc, "forget", &err);
	if (n.workshops)
		snprintf(workshops, sizeof workshops, ", %ld atelier%s", n.workshops,
		         n.workshops > 1 ? "s" : "");
	snprintf(question, sizeof question,
	         "Effacer l'usager %s et son profil (%ld passage%s%s gardé%s, anonymes)", code,
	         n.visits, n.visits > 1 ? "s" : "", workshops,
	         n.visits + n.workshops > 1 ? "s" : "");
	if (!confirmed(app, yes, question))
		return EXIT_INVALID;
	if ((rc = retention_forget(app->st, code, true, &n, &err)) != CN_OK && rc != CN_EBUSY)
		return app_report(app, rc, "forget", &err);
	fprintf(app->out, "Usager %s effacé ; %ld passage%s devenu%s anonyme%s.\n", code, n.visits,
	        n.visits > 1 ? "s" : "", n.visits > 1 ? "s" : "", n.visits > 1 ? "s" : "");
	if (n.workshops)
		fprintf(app->out, "Dans %ld atelier%s, sa participation est devenue anonyme.\n",
		        n.workshops, n.workshops > 1 ? "s" : "");
	return finish(app, rc, &err);
}
