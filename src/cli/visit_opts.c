/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "carnet/cli/cli.h"
#include "carnet/store/place_store.h"
#include "carnet/model/text.h"
#include "carnet/cli/visit_opts.h"

/* One row per option: the field it sets and, for codes, their list. */
static const struct {
	const char *name;
	enum visit_field field;
	int list; /* enum list_id, or -1 */
	int has_arg;
} opt_table[] = {
	{"--date", VF_DATE, -1, required_argument},
	{"--time", VF_TIME, -1, required_argument},
	{"--duration", VF_DURATION, -1, required_argument},
	{"--site", VF_SITE, L_SITE, required_argument},
	{"--mediator", VF_MEDIATOR, L_MEDIATEUR, required_argument},
	{"--canal", VF_CANAL, L_CANAL, required_argument},
	{"--demand", VF_DEMANDS, L_DEMANDE, required_argument},
	{"--organism", VF_ORGANISMS, L_ORGANISME, required_argument},
	{"--posture", VF_POSTURE, L_POSTURE, required_argument},
	{"--absent", VF_PRESENT, -1, no_argument},
	{"--present", VF_PRESENT, -1, no_argument},
	{"--outcome", VF_OUTCOME, L_ISSUE, required_argument},
	{"--urgent", VF_URGENT, -1, no_argument},
	{"--not-urgent", VF_URGENT, -1, no_argument},
	{"--referred-by", VF_REFERRED_BY, L_ORIENTE_PAR, required_argument},
	{"--referred-to", VF_REFERRED_TO, L_ORIENTE_VERS, required_argument},
	{"--referred-place", VF_REFERRED_PLACE, -1, required_argument},
	{"--person", VF_PERSON, -1, required_argument},
	{"--note", VF_NOTE, -1, required_argument},
	{"--referral-how", VF_REFERRAL_HOW, L_ORIENTATION_MODE, required_argument},
	{"--referral-place", VF_REFERRAL_PLACE, -1, required_argument},
};

#define NOPTS ((int)(sizeof opt_table / sizeof opt_table[0]))

const char *visit_opts_name(enum visit_field f)
{
	for (int i = 0; i < NOPTS; i++)
		if (opt_table[i].field == f)
			return opt_table[i].name;
	return visit_field_label(f);
}

/* The destination of a single code field. */
static char *code_slot(struct visit *v, enum visit_field f)
{
	switch (f) {
	case VF_SITE: return v->site;
	case VF_MEDIATOR: return v->mediator;
	case VF_CANAL: return v->canal;
	case VF_POSTURE: return v->posture;
	case VF_OUTCOME: return v->outcome;
	case VF_REFERRED_BY: return v->referred_by;
	case VF_REFERRED_TO: return v->referred_to;
	case VF_REFERRAL_HOW: return v->referral_how;
	default: return NULL;
	}
}

static int parse_one(struct app *app, int i, const char *arg, struct visit_opts *o)
{
	struct visit *v = &o->v;
	enum visit_field f = opt_table[i].field;

	o->set[f] = true;
	switch (f) {
	case VF_DATE: return cli_date(app, opt_table[i].name, arg, v->date);
	case VF_TIME: return cli_time(app, opt_table[i].name, arg, v->time);
	case VF_DURATION: return cli_duration(app, opt_table[i].name, arg, DURATION_MAX, &v->duration);
	case VF_DEMANDS:
	case VF_ORGANISMS: {
		struct codeset *set = f == VF_DEMANDS ? &v->demands : &v->organisms;
		set->n = 0; /* the last one given counts */
		return cli_codes(app, opt_table[i].name, opt_table[i].list, arg, set);
	}
	case VF_PRESENT:
		v->present = strcmp(opt_table[i].name, "--present") == 0;
		return EXIT_OK;
	case VF_URGENT:
		v->urgent = strcmp(opt_table[i].name, "--urgent") == 0;
		return EXIT_OK;
	case VF_REFERRED_PLACE:
		return cli_text(app, opt_table[i].name, arg, v->referred_place, sizeof v->referred_place,
		                PLACE_MAX_CHARS);
	case VF_NOTE:
		return cli_text(app, opt_table[i].name, arg, v->note, sizeof v->note, NOTE_MAX_CHARS);
	case VF_REFERRAL_PLACE:
		if (strlen(arg) >= sizeof o->place_key)
			return app_fail(app, EXIT_INVALID, "%s : identifiant de lieu trop long",
			                opt_table[i].name);
		text_copy(o->place_key, sizeof o->place_key, arg);
		return EXIT_OK;
	case VF_PERSON:
		if (!arg[0]) {
			v->person[0] = '\0';
			return EXIT_OK;
		}
		if (!person_code_normalize(arg, v->person))
			return app_fail(app, EXIT_INVALID,
			                "%s : code usager invalide « %s » (4 à 16 lettres ou chiffres)",
			                opt_table[i].name, arg);
		return EXIT_OK;
	default:
		break;
	}
	return cli_code(app, opt_table[i].name, opt_table[i].list, arg, code_slot(v, f));
}

int visit_opts_parse(struct app *app, const char *command, int argc, char **argv,
                     struct visit_opts *o)
{
	struct option longopts[NOPTS + 1];
	int opt, idx, rc;

	memset(o, 0, sizeof *o);
	visit_init(&o->v);
	for (int i = 0; i < NOPTS; i++)
		longopts[i] = (struct option){opt_table[i].name + 2, opt_table[i].has_arg, NULL, 1000 + i};
	longopts[NOPTS] = (struct option){NULL, 0, NULL, 0};
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "", longopts, &idx)) != -1) {
		if (opt < 1000) {
			return cli_bad_option(app, command, command, argv[optind - 1]);
		}
		if ((rc = parse_one(app, opt - 1000, optarg ? optarg : "", o)) != EXIT_OK)
			return rc;
	}
	return EXIT_OK;
}

void visit_opts_apply(const struct visit_opts *o, struct visit *v)
{
	const struct visit *s = &o->v;

	if (o->set[VF_DATE]) memcpy(v->date, s->date, sizeof v->date);
	if (o->set[VF_TIME]) memcpy(v->time, s->time, sizeof v->time);
	if (o->set[VF_DURATION]) v->duration = s->duration;
	if (o->set[VF_SITE]) memcpy(v->site, s->site, sizeof v->site);
	if (o->set[VF_MEDIATOR]) memcpy(v->mediator, s->mediator, sizeof v->mediator);
	if (o->set[VF_CANAL]) memcpy(v->canal, s->canal, sizeof v->canal);
	if (o->set[VF_DEMANDS]) v->demands = s->demands;
	if (o->set[VF_ORGANISMS]) v->organisms = s->organisms;
	if (o->set[VF_POSTURE]) memcpy(v->posture, s->posture, sizeof v->posture);
	if (o->set[VF_PRESENT]) v->present = s->present;
	if (o->set[VF_OUTCOME]) memcpy(v->outcome, s->outcome, sizeof v->outcome);
	if (o->set[VF_URGENT]) v->urgent = s->urgent;
	if (o->set[VF_REFERRED_BY]) memcpy(v->referred_by, s->referred_by, sizeof v->referred_by);
	if (o->set[VF_REFERRED_TO]) memcpy(v->referred_to, s->referred_to, sizeof v->referred_to);
	if (o->set[VF_REFERRED_PLACE])
		memcpy(v->referred_place, s->referred_place, sizeof v->referred_place);
	if (o->set[VF_PERSON]) memcpy(v->person, s->person, sizeof v->person);
	if (o->set[VF_NOTE]) memcpy(v->note, s->note, sizeof v->note);
	if (o->set[VF_REFERRAL_HOW])
		memcpy(v->referral_how, s->referral_how, sizeof v->referral_how);
}

int visit_opts_place(struct app *app, const struct visit_opts *o, struct visit *v)
{
	struct place *p;
	struct cn_err err;
	int rc;

	if (!o->set[VF_REFERRAL_PLACE])
		return EXIT_OK;
	if (!o->place_key[0]) {
		v->referral_place[0] = '\0';
		return EXIT_OK;
	}
	if (!(p = malloc(sizeof *p)))
		return app_fail(app, EXIT_DB, "mémoire insuffisante");
	rc = place_get(app->st, o->place_key, false, p, &err);
	if (rc == CN_OK) {
		memcpy(v->referral_place, p->uid, sizeof v->referral_place);
		if (!v->referred_to[0] && p->category[0])
			memcpy(v->referred_to, p->category, sizeof v->referred_to);
	}
	free(p);
	if (rc != CN_OK)
		return app_fail(app, cn_exit_status(rc), "--referral-place : %s", err.msg);
	return EXIT_OK;
}
