/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/worktime_opts.h"

/* One row per option: the field it sets and, for codes, their list. */
static const struct {
	const char *name;
	enum worktime_field field;
	int list; /* enum list_id, or -1 */
} opt_table[] = {
	{"--date", TF_DATE, -1},
	{"--time", TF_TIME, -1},
	{"--duration", TF_DURATION, -1},
	{"--site", TF_SITE, L_SITE},
	{"--mediator", TF_MEDIATOR, L_MEDIATEUR},
	{"--kind", TF_KIND, L_TEMPS},
	{"--note", TF_NOTE, -1},
};

#define NOPTS ((int)(sizeof opt_table / sizeof opt_table[0]))

const char *worktime_opts_name(enum worktime_field f)
{
	for (int i = 0; i < NOPTS; i++)
		if (opt_table[i].field == f)
			return opt_table[i].name;
	return worktime_field_label(f);
}

int worktime_opts_report(struct app *app, int status, const struct cn_err *err)
{
	return app_report(app, status, err->field >= 0 ? worktime_opts_name(err->field) : NULL, err);
}

static int parse_one(struct app *app, int i, const char *arg, struct worktime_opts *o)
{
	struct worktime *t = &o->t;
	const char *name = opt_table[i].name;

	o->set[opt_table[i].field] = true;
	switch (opt_table[i].field) {
	case TF_DATE: return cli_date(app, name, arg, t->date);
	case TF_TIME: return cli_time(app, name, arg, t->time);
	case TF_DURATION: return cli_duration(app, name, arg, WORKTIME_DURATION_MAX, &t->duration);
	case TF_SITE: return cli_code(app, name, L_SITE, arg, t->site);
	case TF_MEDIATOR: return cli_code(app, name, L_MEDIATEUR, arg, t->mediator);
	case TF_KIND: return cli_code(app, name, L_TEMPS, arg, t->kind);
	default: return cli_text(app, name, arg, t->note, sizeof t->note, NOTE_MAX_CHARS);
	}
}

int worktime_opts_parse(struct app *app, const char *command, int argc, char **argv,
                        struct worktime_opts *o)
{
	struct option longopts[NOPTS + 1];
	int opt, rc;

	memset(o, 0, sizeof *o);
	worktime_init(&o->t);
	for (int i = 0; i < NOPTS; i++)
		longopts[i] = (struct option){opt_table[i].name + 2, required_argument, NULL, 1000 + i};
	longopts[NOPTS] = (struct option){NULL, 0, NULL, 0};
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (opt < 1000)
			return cli_bad_option(app, command, command, argv[optind - 1]);
		if ((rc = parse_one(app, opt - 1000, optarg, o)) != EXIT_OK)
			return rc;
	}
	return EXIT_OK;
}

void worktime_opts_apply(const struct worktime_opts *o, struct worktime *t)
{
	const struct worktime *s = &o->t;

	if (o->set[TF_DATE]) memcpy(t->date, s->date, sizeof t->date);
	if (o->set[TF_TIME]) memcpy(t->time, s->time, sizeof t->time);
	if (o->set[TF_DURATION]) t->duration = s->duration;
	if (o->set[TF_SITE]) memcpy(t->site, s->site, sizeof t->site);
	if (o->set[TF_MEDIATOR]) memcpy(t->mediator, s->mediator, sizeof t->mediator);
	if (o->set[TF_KIND]) memcpy(t->kind, s->kind, sizeof t->kind);
	if (o->set[TF_NOTE]) memcpy(t->note, s->note, sizeof t->note);
}
