/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/place_opts.h"

/* One option per field; the columns' names are the standard's. */
static const struct {
	const char *name;
	enum place_field field;
} opt_table[] = {
	{"--id", PL_ID},
	{"--pivot", PL_PIVOT},
	{"--name", PL_NOM},
	{"--commune", PL_COMMUNE},
	{"--postcode", PL_CODE_POSTAL},
	{"--insee", PL_CODE_INSEE},
	{"--address", PL_ADRESSE},
	{"--address-extra", PL_COMPLEMENT_ADRESSE},
	{"--latitude", PL_LATITUDE},
	{"--longitude", PL_LONGITUDE},
	{"--type", PL_TYPOLOGIE},
	{"--phone", PL_TELEPHONE},
	{"--email", PL_COURRIELS},
	{"--website", PL_SITE_WEB},
	{"--hours", PL_HORAIRES},
	{"--summary", PL_PRESENTATION_RESUME},
	{"--detail", PL_PRESENTATION_DETAIL},
	{"--source", PL_SOURCE},
	{"--mobility", PL_ITINERANCE},
	{"--parent", PL_STRUCTURE_PARENTE},
	{"--updated-on", PL_DATE_MAJ},
	{"--services", PL_SERVICES},
	{"--publics", PL_PUBLICS},
	{"--support", PL_PRISE_EN_CHARGE},
	{"--fees", PL_FRAIS},
	{"--programmes", PL_DISPOSITIFS},
	{"--labels", PL_FORMATIONS_LABELS},
	{"--other-labels", PL_AUTRES_FORMATIONS},
	{"--access", PL_MODALITES_ACCES},
	{"--modes", PL_MODALITES_ACCOMPAGNEMENT},
	{"--acceslibre", PL_FICHE_ACCES_LIBRE},
	{"--booking", PL_PRISE_RDV},
	{"--category", PL_CATEGORY},
	{"--bring", PL_BRING},
};

#define NOPTS ((int)(sizeof opt_table / sizeof opt_table[0]))


const char *place_opts_name(enum place_field f)
{
	for (int i = 0; i < NOPTS; i++)
		if (opt_table[i].field == f)
			return opt_table[i].name;
	return place_field_label(f);
}

int place_opts_report(struct app *app, int status, const struct cn_err *err)
{
	return app_report(app, status,
	                  err->field >= 0 && err->field < PL_UID ? place_opts_name(err->field)
	                                                         : NULL,
	                  err);
}

int place_opts_parse(struct app *app, const char *command, int argc, char **argv,
                     struct place_opts *o)
{
	struct option longopts[NOPTS + 1];
	struct cn_err err;
	int opt;

	memset(o, 0, sizeof *o);
	if (!(o->p = malloc(sizeof *o->p)))
		return app_fail(app, EXIT_DB, "mémoire insuffisante");
	place_init(o->p);
	for (int i = 0; i < NOPTS; i++)
		longopts[i] = (struct option){opt_table[i].name + 2, required_argument, NULL, 1000 + i};
	longopts[NOPTS] = (struct option){NULL, 0, NULL, 0};
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (opt < 1000)
			return cli_bad_option(app, command, command, argv[optind - 1]);
		enum place_field f = opt_table[opt - 1000].field;
		o->set[f] = true;
		if (place_set(o->p, f, optarg, true, &err) != CN_OK)
			return app_report(app, CN_EINVAL, opt_table[opt - 1000].name, &err);
	}
	return EXIT_OK;
}

void place_opts_free(struct place_opts *o)
{
	free(o->p);
	o->p = NULL;
}

void place_opts_apply(const struct place_opts *o, struct place *p)
{
	for (int f = 0; f < PL_UID; f++)
		if (o->set[f]) {
			size_t size;
			char *dst = place_field(p, f, &size);
			memcpy(dst, place_field(o->p, f, NULL), size);
		}
}
