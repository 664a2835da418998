/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <getopt.h>
#include <string.h>
#include "carnet/cli/cli.h"
#include "carnet/cli/workshop_opts.h"

/* One row per option: the field it sets and, for codes, their list. */
static const struct {
	const char *name;
	enum workshop_field field;
	int list;            /* enum list_id, or -1 */
	const char *example; /* of a count by code */
} opt_table[] = {
	{"--date", WF_DATE, -1, NULL},
	{"--time", WF_TIME, -1, NULL},
	{"--duration", WF_DURATION, -1, NULL},
	{"--site", WF_SITE, L_SITE, NULL},
	{"--mediator", WF_MEDIATORS, L_MEDIATEUR, NULL},
	{"--title", WF_TITLE, -1, NULL},
	{"--theme", WF_THEMES, L_THEME_ATELIER, NULL},
	{"--level", WF_LEVEL, L_NIVEAU_ATELIER, NULL},
	{"--place", WF_PLACE, L_LIEU_ATELIER, NULL},
	{"--registered", WF_REGISTERED, -1, NULL},
	{"--participant", WF_PARTICIPANTS, -1, NULL},
	{"--no-participant", WF_PARTICIPANTS, -1, NULL},
	{"--anonymous", WF_ANONYMOUS, -1, NULL},
	{"--anonymous-gender", WF_ANON_GENDER, L_GENRE, "femme=3,homme=2"},
	{"--anonymous-age", WF_ANON_AGE, L_TRANCHE_AGE, "25_39=2,60_69=1"},
	{"--anonymous-situation", WF_ANON_SITUATION, L_SITUATION, "retraite=2"},
	{"--equipment", WF_EQUIPMENT, L_MATERIEL, NULL},
	{"--note", WF_NOTE, -1, NULL},
};

#define NOPTS ((int)(sizeof opt_table / sizeof opt_table[0]))

/* --no-participant: edit only. */
static bool removes(int i)
{
	return strcmp(opt_table[i].name, "--no-participant") == 0;
}

const char *workshop_opts_name(enum workshop_field f)
{
	for (int i = 0; i < NOPTS; i++)
		if (opt_table[i].field == f)
			return opt_table[i].name;
	return workshop_field_label(f);
}

int workshop_opts_report(struct app *app, int status, const struct cn_err *err)
{
	return app_report(app, status, err->field >= 0 ? workshop_opts_name(err->field) : NULL, err);
}

static char *code_slot(struct workshop *w, enum workshop_field f)
{
	switch (f) {
	case WF_SITE: return w->site;
	case WF_LEVEL: return w->level;
	case WF_PLACE: return w->place;
	default: return NULL;
	}
}

static struct codeset *set_slot(struct workshop *w, enum workshop_field f)
{
	switch (f) {
	case WF_MEDIATORS: return &w->mediators;
	case WF_THEMES: return &w->themes;
	case WF_EQUIPMENT: return &w->equipment;
	default: return NULL;
	}
}

static struct tally *tally_slot(struct workshop *w, enum workshop_field f)
{
	switch (f) {
	case WF_ANON_GENDER: return &w->anon_gender;
	case WF_ANON_AGE: return &w->anon_age;
	case WF_ANON_SITUATION: return &w->anon_situation;
	default: return NULL;
	}
}

/* "K7M2QX,AB12CD:absent": each one a change, each code once. */
static int parse_participants(struct app *app, int i, const char *arg, struct workshop_opts *o)
{
	const char *name = opt_table[i].name;
	struct workshop tmp;
	struct cn_err err;

	if (participants_parse(&tmp, arg, &err) != CN_OK)
		return app_report(app, CN_EINVAL, name, &err);
	if (tmp.nparticipants == 0)
		return app_fail(app, EXIT_INVALID, "%s : code usager manquant (4 à 16 lettres ou "
		                "chiffres)", name);
	for (int k = 0; k < tmp.nparticipants; k++) {
		struct participant_change *c;
		for (int j = 0; j < o->nchanges; j++)
			if (strcmp(o->changes[j].code, tmp.participants[k].code) == 0)
				return app_fail(app, EXIT_INVALID, "%s : participant « %s » en double", name,
				                tmp.participants[k].code);
		if (removes(i) && !tmp.participants[k].present)
			return app_fail(app, EXIT_INVALID,
			                "%s : « %s:absent » : seul le code de l'usager à retirer est attendu",
			                name, tmp.participants[k].code);
		if (o->nchanges >= (int)(sizeof o->changes / sizeof o->changes[0]))
			return app_fail(app, EXIT_INVALID, "%s : trop de participants (%d au plus)", name,
			                PARTICIPANTS_MAX);
		c = &o->changes[o->nchanges++];
		memcpy(c->code, tmp.participants[k].code, sizeof c->code);
		c->present = tmp.participants[k].present;
		c->remove = removes(i);
	}
	return EXIT_OK;
}

static int parse_tally(struct app *app, int i, const char *arg, struct tally *t)
{
	struct cn_err err;

	if (tally_parse(t, arg, &err) != CN_OK) {
		char accepted[512];
		lists_accepted(&app->cfg.lists, (enum list_id)opt_table[i].list, accepted,
		               sizeof accepted);
		return app_fail(app, EXIT_INVALID, "%s : %s (attendu code=nombre, par exemple %s). "
		                "Valeurs acceptées : %s",
		                opt_table[i].name, err.msg, opt_table[i].example, accepted);
	}
	return EXIT_OK;
}

static int parse_one(struct app *app, int i, const char *arg, struct workshop_opts *o)
{
	struct workshop *w = &o->w;
	enum workshop_field f = opt_table[i].field;
	const char *name = opt_table[i].name;

	o->set[f] = true;
	switch (f) {
	case WF_DATE: return cli_date(app, name, arg, w->date);
	case WF_TIME: return cli_time(app, name, arg, w->time);
	case WF_DURATION: return cli_duration(app, name, arg, WORKSHOP_DURATION_MAX, &w->duration);
	case WF_TITLE: return cli_text(app, name, arg, w->title, sizeof w->title, TITLE_MAX_CHARS);
	case WF_NOTE: return cli_text(app, name, arg, w->note, sizeof w->note, NOTE_MAX_CHARS);
	case WF_REGISTERED: return cli_count(app, name, arg, ATTENDEES_MAX, &w->registered);
	case WF_ANONYMOUS: {
		int rc = cli_count(app, name, arg, ATTENDEES_MAX, &w->anonymous);
		if (w->anonymous < 0)
			w->anonymous = 0;
		return rc;
	}
	case WF_PARTICIPANTS: return parse_participants(app, i, arg, o);
	case WF_ANON_GENDER:
	case WF_ANON_AGE:
	case WF_ANON_SITUATION: return parse_tally(app, i, arg, tally_slot(w, f));
	case WF_THEMES:
	case WF_EQUIPMENT:
		set_slot(w, f)->n = 0; /* the last one given counts, as add's --demand */
		/* fall through */
	case WF_MEDIATORS: /* repeatable: each one adds co-leaders */
		return cli_codes(app, name, opt_table[i].list, arg, set_slot(w, f));
	default: return cli_code(app, name, opt_table[i].list, arg, code_slot(w, f));
	}
}

int workshop_opts_parse(struct app *app, const char *command, bool edit, int argc, char **argv,
                        struct workshop_opts *o)
{
	struct option longopts[NOPTS + 1];
	int opt, n = 0, rc;

	memset(o, 0, sizeof *o);
	workshop_init(&o->w);
	for (int i = 0; i < NOPTS; i++)
		if (edit || !removes(i))
			longopts[n++] = (struct option){opt_table[i].name + 2, required_argument, NULL, 1000 + i};
	longopts[n] = (struct option){NULL, 0, NULL, 0};
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

int workshop_opts_apply(struct app *app, const struct workshop_opts *o, struct workshop *w)
{
	const struct workshop *s = &o->w;
	struct cn_err err;

	if (o->set[WF_DATE]) memcpy(w->date, s->date, sizeof w->date);
	if (o->set[WF_TIME]) memcpy(w->time, s->time, sizeof w->time);
	if (o->set[WF_DURATION]) w->duration = s->duration;
	if (o->set[WF_SITE]) memcpy(w->site, s->site, sizeof w->site);
	if (o->set[WF_MEDIATORS]) w->mediators = s->mediators;
	if (o->set[WF_TITLE]) memcpy(w->title, s->title, sizeof w->title);
	if (o->set[WF_THEMES]) w->themes = s->themes;
	if (o->set[WF_LEVEL]) memcpy(w->level, s->level, sizeof w->level);
	if (o->set[WF_PLACE]) memcpy(w->place, s->place, sizeof w->place);
	if (o->set[WF_REGISTERED]) w->registered = s->registered;
	if (o->set[WF_ANONYMOUS]) w->anonymous = s->anonymous;
	if (o->set[WF_ANON_GENDER]) w->anon_gender = s->anon_gender;
	if (o->set[WF_ANON_AGE]) w->anon_age = s->anon_age;
	if (o->set[WF_ANON_SITUATION]) w->anon_situation = s->anon_situation;
	if (o->set[WF_EQUIPMENT]) w->equipment = s->equipment;
	if (o->set[WF_NOTE]) memcpy(w->note, s->note, sizeof w->note);
	for (int i = 0; i < o->nchanges; i++) {
		const struct participant_change *c = &o->changes[i];
		if (!c->remove) {
			if (workshop_add_participant(w, c->code, c->present, &err) != CN_OK)
				return workshop_opts_report(app, CN_EINVAL, &err);
		} else if (!workshop_participant(w, c->code)) {
			return app_fail(app, EXIT_INVALID,
			                "--no-participant : « %s » n'est pas participant de cet atelier",
			                c->code);
		} else {
			workshop_remove_participant(w, c->code);
		}
	}
	return EXIT_OK;
}
