/* SPDX-License-Identifier: GPL-3.0-or-later */
/* carnet place add | edit | delete | show | list | import | export: the
 * directory of places people are referred to. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/output.h"
#include "carnet/cli/place_opts.h"
#include "carnet/cli/place_print.h"
#include "carnet/exchange/place_csv.h"
#include "carnet/model/hours.h"
#include "carnet/store/place_store.h"

const char usage_place[] =
	"Usage : carnet place add --pivot SIRET --name NOM --address ADRESSE\n"
	"                         --postcode CODE --commune COMMUNE [OPTIONS]\n"
	"        carnet place edit LIEU [OPTIONS]\n"
	"        carnet place delete LIEU\n"
	"        carnet place show LIEU\n"
	"        carnet place list [--service S] [--commune C] [--search TEXTE]\n"
	"                          [--open-at MOMENT] [--format table|csv] [-o FICHIER]\n"
	"        carnet place import [--skip-invalid] [--replace] FICHIER.csv\n"
	"        carnet place export [-o FICHIER]\n"
	"\n"
	"L'annuaire des lieux vers lesquels on oriente : colonnes du standard national\n"
	"des lieux de médiation numérique (schéma v1.0.2), plus une catégorie du poste\n"
	"(liste oriente_vers) et ce qu'il faut apporter. LIEU est l'identifiant du lieu\n"
	"(colonne id) ou le début de l'identifiant carnet (4 caractères au moins).\n"
	"« carnet place SOUS-COMMANDE --help » détaille chaque sous-commande.\n";

static const char usage_place_add[] =
	"Usage : carnet place add --pivot SIRET --name NOM --address ADRESSE\n"
	"                         --postcode CODE --commune COMMUNE [OPTIONS]\n"
	"\n"
	"Ajoute un lieu à l'annuaire (un partenaire absent des fichiers publiés : CDAS,\n"
	"accueil CAF, mission locale…) et affiche son identifiant carnet.\n"
	"\n"
	"Options :\n" PLACE_OPTIONS_HELP
	"\n"
	"Services : Aide aux démarches administratives | Maîtrise des outils numériques\n"
	"du quotidien | Insertion professionnelle via le numérique | Utilisation\n"
	"sécurisée du numérique | Parentalité et éducation avec le numérique | Loisirs\n"
	"et créations numériques | Compréhension du monde numérique | Accès internet et\n"
	"matériel informatique | Acquisition de matériel informatique à prix solidaire\n"
	"\n"
	"Exemple :\n"
	"  carnet place add --id cdas-maurepas --pivot 22350001800013 \\\n"
	"    --name \"CDAS de Maurepas\" --address \"5 rue de Trégain\" \\\n"
	"    --postcode 35700 --commune Rennes --phone \"02 99 02 20 20\" \\\n"
	"    --hours \"Mo-Fr 09:00-12:00,13:30-17:00\" --category social \\\n"
	"    --bring \"Pièce d'identité, dernier avis d'imposition\"\n";

static const char usage_place_edit[] =
	"Usage : carnet place edit LIEU [OPTIONS]\n"
	"\n"
	"Modifie les champs donnés d'un lieu ; les autres ne changent pas. Une valeur\n"
	"vide efface un champ facultatif : --hours \"\". La date de mise à jour\n"
	"(date_maj) ne change que par --updated-on.\n"
	"\n"
	"Options :\n" PLACE_OPTIONS_HELP;

static const char usage_place_list[] =
	"Usage : carnet place list [OPTIONS]\n"
	"\n"
	"Liste les lieux de l'annuaire, par nom.\n"
	"\n"
	"Options :\n"
	"  --service TEXTE        lieux qui offrent ce service (valeur de la liste\n"
	"                         services ; majuscules et accents indifférents)\n"
	"  --commune TEXTE        lieux de cette commune\n"
	"  --search TEXTE         texte cherché dans le nom, la commune, les services,\n"
	"                         l'adresse et la typologie (majuscules et accents\n"
	"                         indifférents)\n"
	"  --open-at MOMENT       lieux ouverts à ce moment de la semaine, d'après leurs\n"
	"                         horaires : « samedi 10:00 », « lundi 9h » (les\n"
	"                         horaires à vérifier ne sont pas retenus)\n"
	"  --format FORMAT        table (défaut) ou csv : tableur français (« ; », BOM)\n"
	"  -o FICHIER             écrire dans FICHIER\n";

static const char usage_place_show[] =
	"Usage : carnet place show LIEU\n"
	"\n"
	"Affiche la fiche d'un lieu : adresse, téléphone, horaires en clair et s'il est\n"
	"ouvert en ce moment, services, catégorie, ce qu'il faut apporter, puis les\n"
	"autres colonnes. Des horaires que carnet ne sait pas lire sont montrés tels\n"
	"qu'écrits, suivis de « (horaires à vérifier) ».\n";

static const char usage_place_delete[] =
	"Usage : carnet place delete LIEU\n"
	"\n"
	"Supprime un lieu de l'annuaire. Sa suppression est conservée pour être\n"
	"transmise aux autres postes lors d'une fusion.\n";

static const char usage_place_import[] =
	"Usage : carnet place import [--skip-invalid] [--replace] FICHIER.csv\n"
	"\n"
	"Lit un fichier CSV du standard national des lieux de médiation numérique\n"
	"(schéma v1.0.2) : UTF-8, avec ou sans BOM, virgule (ou point-virgule) entre\n"
	"les colonnes, « | » (ou « ; ») entre les valeurs multiples. Les colonnes sont\n"
	"reconnues par leur nom ; id, pivot, nom, commune, code_postal, adresse et\n"
	"date_maj sont obligatoires. Un lieu déjà connu par son id est mis à jour (sa\n"
	"catégorie et « à apporter » restent) ; réimporter le même fichier ne change\n"
	"rien. Une ligne refusée est signalée par sa ligne et sa colonne, et rien\n"
	"n'est importé.\n"
	"\n"
	"Options :\n"
	"  --skip-invalid   importe les lignes valides et liste les autres\n"
	"  --replace        supprime les lieux absents du fichier dont la source\n"
	"                   (colonne source) est l'une de celles du fichier ; un lieu\n"
	"                   sans source (ajouté au poste) n'est jamais supprimé\n";

static const char usage_place_export[] =
	"Usage : carnet place export [-o FICHIER]\n"
	"\n"
	"Écrit les lieux de l'annuaire au format CSV du standard national (schéma\n"
	"v1.0.2) : en-tête et ordre des colonnes du schéma, UTF-8 sans BOM, virgule,\n"
	"« | » entre les valeurs multiples, fins de ligne LF. La catégorie et\n"
	"« à apporter », propres au poste, ne sont pas écrites.\n";

#define NO_PLACE "lieu (identifiant)"

static int place_add(struct app *app, int argc, char **argv)
{
	struct place_opts o = {0};
	struct cn_date today;
	struct cn_err err;
	struct place *p = NULL;
	int hour, minute, rc;

	if ((rc = app_config(app)) != EXIT_OK ||
	    (rc = place_opts_parse(app, "place add", argc, argv, &o)) != EXIT_OK)
		goto done;
	if (optind < argc) {
		rc = app_fail(app, EXIT_USAGE, "place add : argument en trop « %s »", argv[optind]);
		goto done;
	}
	if (!(p = malloc(sizeof *p))) {
		rc = app_fail(app, EXIT_DB, "mémoire insuffisante");
		goto done;
	}
	place_init(p);
	if ((rc = clock_now(&today, &hour, &minute, &err)) != CN_OK) {
		rc = app_report(app, rc, NULL, &err);
		goto done;
	}
	date_format(&today, p->date_maj);
	place_opts_apply(&o, p);
	/* Check everything before touching the database (the id is checked
	 * once it is known). */
	{
		bool no_id = !p->id[0];
		if (no_id)
			snprintf(p->id, sizeof p->id, "provisoire");
		rc = place_validate(p, NULL, &app->cfg.lists, &err);
		if (no_id)
			p->id[0] = '\0';
		if (rc != CN_OK) {
			rc = place_opts_report(app, rc, &err);
			goto done;
		}
	}
	if ((rc = app_open(app)) != EXIT_OK)
		goto done;
	if ((rc = place_create(app->st, &app->cfg.lists, p, &err)) != CN_OK) {
		rc = place_opts_report(app, rc, &err);
		goto done;
	}
	fprintf(app->out, "%s\n", p->uid);
	rc = EXIT_OK;
done:
	place_opts_free(&o);
	free(p);
	return rc;
}

/* The place key designates, read into *out (malloc'ed, NULL on failure:
 * freeing it is the caller's). */
static int read_place(struct app *app, const char *key, struct place **out)
{
	struct cn_err err;
	int rc;

	if (!(*out = malloc(sizeof **out)))
		return app_fail(app, EXIT_DB, "mémoire insuffisante");
	if ((rc = place_get(app->st, key, false, *out, &err)) != CN_OK)
		return app_report(app, rc, NULL, &err);
	return EXIT_OK;
}

static int place_edit(struct app *app, int argc, char **argv)
{
	struct place_opts o = {0};
	struct cn_err err;
	struct place *p = NULL;
	const char *key;
	int rc;

	if ((rc = app_config(app)) != EXIT_OK ||
	    (rc = place_opts_parse(app, "place edit", argc, argv, &o)) != EXIT_OK ||
	    (rc = cli_one_argument(app, "place edit", NO_PLACE, argc, argv, &key)) != EXIT_OK)
		goto done;
	if (memchr(o.set, true, sizeof o.set) == NULL) {
		rc = app_fail(app, EXIT_USAGE, "place edit : aucun champ à modifier. Voir "
		              "« carnet place edit --help ».");
		goto done;
	}
	if ((rc = app_open_existing(app)) != EXIT_OK || (rc = read_place(app, key, &p)) != EXIT_OK)
		goto done;
	place_opts_apply(&o, p);
	if ((rc = place_update(app->st, &app->cfg.lists, p, &err)) != CN_OK) {
		rc = place_opts_report(app, rc, &err);
		goto done;
	}
	fprintf(app->out, "%s\n", p->uid);
	rc = EXIT_OK;
done:
	place_opts_free(&o);
	free(p);
	return rc;
}

/* show and delete: the place of the single argument, read. */
static int with_place(struct app *app, const char *command, int argc, char **argv,
                      struct place **out)
{
	const char *key;
	int rc;

	*out = NULL;
	if ((rc = cli_open_with_id(app, command, NO_PLACE, argc, argv, &key)) != EXIT_OK)
		return rc;
	return read_place(app, key, out);
}

static int place_delete_cmd(struct app *app, int argc, char **argv)
{
	struct place *p;
	struct cn_err err;
	int rc = with_place(app, "place delete", argc, argv, &p);

	if (rc == EXIT_OK) {
		if ((rc = place_delete(app->st, p->uid, &err)) != CN_OK)
			rc = app_report(app, rc, NULL, &err);
		else
			fprintf(app->out, "Lieu supprimé : %s (%s)\n", p->nom, p->id);
	}
	free(p);
	return rc;
}

static int place_show(struct app *app, int argc, char **argv)
{
	struct place *p;
	int rc = with_place(app, "place show", argc, argv, &p);

	if (rc == EXIT_OK)
		place_print_sheet(app->out, &app->cfg.lists, p);
	free(p);
	return rc;
}

static int place_list(struct app *app, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"service", required_argument, NULL, 'S'}, {"commune", required_argument, NULL, 'c'},
		{"search", required_argument, NULL, 'q'},  {"format", required_argument, NULL, 'F'},
		{"open-at", required_argument, NULL, 'a'},
		{"output", required_argument, NULL, 'o'},  {NULL, 0, NULL, 0},
	};
	struct place_filter f = {0};
	struct place_table t;
	struct output out;
	struct cn_err err;
	const char *path = NULL;
	bool csv = false;
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'S':
			if (!(f.service = place_value_of(PL_SERVICES, optarg))) {
				char accepted[1024];
				place_accepted(PL_SERVICES, accepted, sizeof accepted);
				return app_fail(app, EXIT_INVALID,
				                "--service : service inconnu « %s ». Valeurs acceptées : %s",
				                optarg, accepted);
			}
			break;
		case 'c': f.commune = optarg; break;
		case 'q': f.search = optarg; break;
		case 'a':
			if (!hours_parse_when(optarg, &f.weekday, &f.minute))
				return app_fail(app, EXIT_INVALID,
				                "--open-at : moment invalide « %s » (attendu un jour et une "
				                "heure : « samedi 10:00 », « lundi 9h », « mardi à 14 h 30 »)",
				                optarg);
			f.open_at = true;
			break;
		case 'o': path = optarg; break;
		case 'F':
			if (strcmp(optarg, "table") == 0 || strcmp(optarg, "csv") == 0) {
				csv = optarg[0] == 'c';
				break;
			}
			return app_fail(app, EXIT_USAGE,
			                "--format : format inconnu « %s ». Valeurs acceptées : table, csv",
			                optarg);
		default: return cli_bad_option(app, "place list", "place list", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return app_fail(app, EXIT_USAGE, "place list : argument en trop « %s »", argv[optind]);
	if ((rc = app_open_existing(app)) != EXIT_OK || (rc = output_open(app, &out, path)) != EXIT_OK)
		return rc;
	place_table_begin(&t, out.f, &app->cfg.lists, csv);
	rc = place_each(app->st, &f, csv ? place_csv_list_row : place_table_row, &t, &err);
	if (rc == CN_OK && !csv)
		place_table_end(&t);
	if (rc != CN_OK)
		app_report(app, rc, NULL, &err);
	return output_close(app, &out, rc == CN_OK) == EXIT_OK && rc == CN_OK ? EXIT_OK
	       : rc != CN_OK                                                  ? cn_exit_status(rc)
	                                                                      : EXIT_INVALID;
}

struct import_ctx {
	struct app *app;
	const char *name;
};

static void import_refused(void *ctx, const char *msg)
{
	struct import_ctx *c = ctx;

	fprintf(c->app->err, "carnet: %s : %s\n", c->name, msg);
}

static const char *plural(long n, const char *many)
{
	return n > 1 ? many : "";
}

static int place_import(struct app *app, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"skip-invalid", no_argument, NULL, 'k'},
		{"replace", no_argument, NULL, 'r'},
		{NULL, 0, NULL, 0},
	};
	struct place_import_opts o = {0};
	struct place_import_result r;
	struct import_ctx ctx = {app, NULL};
	struct cn_err err;
	struct stat sb;
	FILE *in;
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (opt == 'k')
			o.skip_invalid = true;
		else if (opt == 'r')
			o.replace = true;
		else
			return cli_bad_option(app, "place import", "place import", argv[optind - 1]);
	}
	if (optind + 1 != argc)
		return app_fail(app, EXIT_USAGE, optind < argc ? "place import : un seul fichier à la fois"
		                                               : "place import : fichier CSV manquant");
	ctx.name = argv[optind];
	if (stat(ctx.name, &sb) == 0 && S_ISDIR(sb.st_mode))
		return app_fail(app, EXIT_INVALID,
		                "place import : « %s » est un dossier ; donnez le fichier CSV à lire",
		                ctx.name);
	if (!(in = strcmp(ctx.name, "-") == 0 ? stdin : fopen(ctx.name, "r")))
		return app_fail(app, errno == ENOENT ? EXIT_NOTFOUND : EXIT_INVALID,
		                "place import : impossible de lire « %s » : %s", ctx.name,
		                strerror(errno));
	if ((rc = app_open(app)) == EXIT_OK) {
		rc = place_csv_import(app->st, &app->cfg.lists, in, &o, import_refused, &ctx, &r, &err);
		if (rc != CN_OK) {
			rc = app_fail(app, cn_exit_status(rc), "%s : %s", ctx.name, err.msg);
		} else {
			fprintf(app->out,
			        "Lieux : %ld nouveau%s, %ld modifié%s, %ld inchangé%s, %ld supprimé%s",
			        r.added, plural(r.added, "x"), r.changed, plural(r.changed, "s"), r.same,
			        plural(r.same, "s"), r.removed, plural(r.removed, "s"));
			if (r.invalid)
				fprintf(app->out, " ; %ld ligne%s écartée%s", r.invalid, plural(r.invalid, "s"),
				        plural(r.invalid, "s"));
			fputc('\n', app->out);
			rc = EXIT_OK;
		}
	}
	if (in != stdin)
		fclose(in);
	return rc;
}

static int place_export(struct app *app, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	const char *path = NULL;
	struct output out;
	struct cn_err err;
	int opt, rc;

	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		if (opt != 'o')
			return cli_bad_option(app, "place export", "place export", argv[optind - 1]);
		path = optarg;
	}
	if (optind < argc)
		return app_fail(app, EXIT_USAGE, "place export : argument en trop « %s »", argv[optind]);
	if ((rc = app_open_existing(app)) != EXIT_OK || (rc = output_open(app, &out, path)) != EXIT_OK)
		return rc;
	rc = place_csv_export(app->st, out.f, &err);
	if (rc != CN_OK)
		app_report(app, rc, NULL, &err);
	if (output_close(app, &out, rc == CN_OK) != EXIT_OK && rc == CN_OK)
		return EXIT_INVALID;
	return rc == CN_OK ? EXIT_OK : cn_exit_status(rc);
}

const struct subcommand place_subs[] = {
	{"add", usage_place_add, place_add},
	{"edit", usage_place_edit, place_edit},
	{"delete", usage_place_delete, place_delete_cmd},
	{"show", usage_place_show, place_show},
	{"list", usage_place_list, place_list},
	{"import", usage_place_import, place_import},
	{"export", usage_place_export, place_export},
	{NULL, NULL, NULL},
};

int cmd_place(struct app *app, int argc, char **argv)
{
	return cli_run_sub(app, "place", place_subs, argc, argv);
}
