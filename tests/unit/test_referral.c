/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The referral's rules (visit_validate and its foreign variant), its
 * store (visit_answer_referral, visit_open_referral) and its columns in
 * the exchange format. */
#include <stdlib.h>
#include <string.h>
#include "carnet/model/config.h"
#include "carnet/model/visit.h"
#include "carnet/store/exchange_row.h"
#include "carnet/store/person_store.h"
#include "carnet/store/store.h"
#include "carnet/store/visit_store.h"
#include "fixtures.h"
#include "harness.h"

#define PLACE "3f0c2a8e-5b7d-4c1e-9a2b-6d4e8f0a1b2c"

static struct config cfg;

static void typical(struct visit *v, const char *date)
{
	visit_init(v);
	strcpy(v->date, date);
	strcpy(v->time, "10:30");
	v->duration = 20;
	strcpy(v->site, DEFAULT_SITE_CODE);
	strcpy(v->canal, "libre");
	codeset_add(&v->demands, "suivi");
	strcpy(v->posture, "avec");
}

static void test_lists(void)
{
	CHECK_INT(list_by_section("orientation_mode"), L_ORIENTATION_MODE);
	CHECK_INT(list_by_section("orientation_suite"), L_ORIENTATION_SUITE);
	CHECK_STR(lists_label(&cfg.lists, L_ORIENTATION_MODE, "explique"), "Adresse donnée");
	CHECK_STR(lists_label(&cfg.lists, L_ORIENTATION_MODE, "rdv"),
	          "Rendez-vous pris pour la personne");
	CHECK_STR(lists_label(&cfg.lists, L_ORIENTATION_MODE, "accompagne"), "Accompagnée sur place");
	CHECK_STR(lists_label(&cfg.lists, L_ORIENTATION_SUITE, "oui"), "S'y est rendue");
	CHECK_STR(lists_label(&cfg.lists, L_ORIENTATION_SUITE, "non"), "Ne s'y est pas rendue");
	CHECK_STR(lists_label(&cfg.lists, L_ORIENTATION_SUITE, "nsp"), "Ne sait pas");
	CHECK_INT(vlist_active_count(&cfg.lists.l[L_ORIENTATION_MODE]), 3);
	CHECK_INT(vlist_active_count(&cfg.lists.l[L_ORIENTATION_SUITE]), 3);
}

static void test_rules(void)
{
	struct visit v, prev;
	struct unknown_codes u = {0};
	struct cn_err err;

	typical(&v, "2026-11-10");
	strcpy(v.referral_how, "rdv");
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_REFERRAL_HOW);
	CHECK(strstr(err.msg, "façon d'orienter") && strstr(err.msg, "« orienté vers »"));
	CHECK_INT(visit_validate_foreign(&v, &cfg.lists, &u, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_REFERRAL_HOW);
	strcpy(v.referred_to, "organisme");
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_OK);
	strcpy(v.referral_how, "zz");
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_REFERRAL_HOW);
	CHECK(strstr(err.msg, "explique, rdv, accompagne") != NULL);
	/* From another desk: a well-formed unknown way is kept and noted. */
	CHECK_INT(visit_validate_foreign(&v, &cfg.lists, &u, &err), CN_OK);
	CHECK_INT(u.n, 1);
	CHECK_INT(u.e[0].list, L_ORIENTATION_MODE);
	strcpy(v.referral_how, "explique");
	/* The place: a UUID, only with orienté vers. */
	strcpy(v.referral_place, "caf-maurepas");
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_REFERRAL_PLACE);
	strcpy(v.referral_place, PLACE);
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_OK);
	/* The answer: a code of orientation_suite, always with its time. */
	strcpy(v.referral_went, "oui");
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_REFERRAL_WENT);
	CHECK(strstr(err.msg, "pas de date") != NULL);
	strcpy(v.referral_answered, "2026-11-18T09:30:00.000Z");
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_OK);
	strcpy(v.referral_went, "peut");
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_REFERRAL_WENT);
	v.referral_went[0] = '\0';
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_REFERRAL_WENT);
	v.referral_answered[0] = '\0';
	/* Without orienté vers, each of them is refused, named. */
	v.referred_to[0] = '\0';
	v.referral_how[0] = '\0';
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_REFERRAL_PLACE);
	v.referral_place[0] = '\0';
	strcpy(v.referral_went, "non");
	strcpy(v.referral_answered, "2026-11-18T09:30:00.000Z");
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_REFERRAL_WENT);
	/* A retired way stays valid on the visit that has it. */
	strcpy(v.referred_to, "organisme");
	strcpy(v.referral_how, "rdv");
	prev = v;
	for (int i = 0; i < cfg.lists.l[L_ORIENTATION_MODE].n; i++)
		if (strcmp(cfg.lists.l[L_ORIENTATION_MODE].e[i].code, "rdv") == 0)
			cfg.lists.l[L_ORIENTATION_MODE].e[i].retired = true;
	CHECK_INT(visit_validate(&v, NULL, &cfg.lists, &err), CN_EINVAL);
	CHECK_INT(visit_validate(&v, &prev, &cfg.lists, &err), CN_OK);
	for (int i = 0; i < cfg.lists.l[L_ORIENTATION_MODE].n; i++)
		cfg.lists.l[L_ORIENTATION_MODE].e[i].retired = false;
	CHECK_STR(visit_field_label(VF_REFERRAL_WENT), "suite de l'orientation");
}

static void test_store(void)
{
	char path[512];
	struct store *st;
	struct person p;
	struct visit v1, v2, v3, got;
	struct cn_err err;

	snprintf(path, sizeof path, "%s/referral.db", harness_tmpdir());
	CHECK_INT(store_open(&st, path, &err), CN_OK);
	person_init(&p);
	strcpy(p.code, "K7M2QX");
	CHECK_INT(person_create(st, &cfg.lists, &p, &err), CN_OK);
	typical(&v1, "2026-11-03");
	strcpy(v1.person, "K7M2QX");
	strcpy(v1.referred_to, "organisme");
	strcpy(v1.referral_how, "rdv");
	strcpy(v1.referral_place, PLACE);
	CHECK_INT(visit_create(st, &cfg.lists, &v1, &err), CN_OK);
	typical(&v2, "2026-11-10");
	strcpy(v2.person, "K7M2QX");
	strcpy(v2.referred_to, "social");
	CHECK_INT(visit_create(st, &cfg.lists, &v2, &err), CN_OK);
	typical(&v3, "2026-11-12"); /* no referral */
	strcpy(v3.person, "K7M2QX");
	CHECK_INT(visit_create(st, &cfg.lists, &v3, &err), CN_OK);

	CHECK_INT(visit_get(st, v1.id, false, &got, &err), CN_OK);
	CHECK_STR(got.referral_how, "rdv");
	CHECK_STR(got.referral_place, PLACE);
	CHECK_STR(got.referral_went, "");

	/* The last open referral before a date, by code or by person id. */
	CHECK_INT(visit_open_referral(st, "K7M2QX", "2026-11-18", &got, &err), CN_OK);
	CHECK_STR(got.id, v2.id);
	CHECK_INT(visit_open_referral(st, p.id, "2026-11-10", &got, &err), CN_OK);
	CHECK_STR(got.id, v1.id);
	CHECK_INT(visit_open_referral(st, "K7M2QX", "2026-11-03", &got, &err), CN_ENOTFOUND);
	CHECK_INT(visit_open_referral(st, "ZZZZ99", "2026-11-18", &got, &err), CN_ENOTFOUND);

	/* The answer: stored with its time, updated_at moved on. */
	CHECK_INT(visit_answer_referral(st, &cfg.lists, v2.id, "oui", &err), CN_OK);
	CHECK_INT(visit_get(st, v2.id, false, &got, &err), CN_OK);
	CHECK_STR(got.referral_went, "oui");
	CHECK(got.referral_answered[0] != '\0');
	CHECK(strcmp(got.updated, v2.updated) > 0);
	CHECK_INT(visit_open_referral(st, "K7M2QX", "2026-11-18", &got, &err), CN_OK);
	CHECK_STR(got.id, v1.id);
	/* Refused: a bad code, a visit without referral, no visit. */
	CHECK_INT(visit_answer_referral(st, &cfg.lists, v1.id, "zz", &err), CN_EINVAL);
	CHECK_INT(visit_get(st, v1.id, false, &got, &err), CN_OK);
	CHECK_STR(got.referral_went, "");
	CHECK_STR(got.updated, v1.updated);
	CHECK_INT(visit_answer_referral(st, &cfg.lists, v3.id, "oui", &err), CN_EINVAL);
	CHECK_INT(visit_answer_referral(st, &cfg.lists, "00000000-0000-4000-8000-000000000000",
	                                "oui", &err),
	          CN_ENOTFOUND);
	/* Taken back: both empty. */
	CHECK_INT(visit_answer_referral(st, &cfg.lists, v2.id, "", &err), CN_OK);
	CHECK_INT(visit_get(st, v2.id, false, &got, &err), CN_OK);
	CHECK_STR(got.referral_went, "");
	CHECK_STR(got.referral_answered, "");
	/* A deleted visit's referral is not open. */
	CHECK_INT(visit_delete(st, v2.id, &err), CN_OK);
	CHECK_INT(visit_open_referral(st, "K7M2QX", "2026-11-18", &got, &err), CN_OK);
	CHECK_STR(got.id, v1.id);
	store_close(st);
}

static void test_exchange_columns(void)
{
	struct xrow x;
	struct unknown_codes u = {0};
	struct cn_err err;
	int col;

	CHECK_INT(xrow_column("orientation_mode"), XC_REFERRAL_HOW);
	CHECK_INT(xrow_column("orientation_reponse"), XC_REFERRAL_ANSWERED);
	CHECK_STR(xrow_column_name(XC_REFERRAL_PLACE), "orientation_lieu");
	CHECK(xrow_column_v3(XC_REFERRAL_WENT));
	CHECK(!xrow_column_v3(XC_KIND));
	CHECK_INT(xrow_columns(2), XC_V2_COUNT);
	CHECK_INT(xrow_columns(3), XC_COUNT);
	CHECK(xrow_applies(XK_VISIT, XC_REFERRAL_HOW));
	CHECK(!xrow_applies(XK_WORKSHOP, XC_REFERRAL_HOW));
	CHECK(!xrow_applies(XK_PERSON, XC_REFERRAL_WENT));
	xrow_init(&x, XK_VISIT);
	CHECK(!xrow_needs_v3(&x.r.v));
	CHECK_INT(xrow_set(&x, XC_REFERRAL_ANSWERED, "hier", &err), CN_EINVAL);
	CHECK_INT(xrow_set(&x, XC_REFERRAL_WENT, "oui", &err), CN_OK);
	CHECK(xrow_needs_v3(&x.r.v));
	/* A workshop row keeps them empty. */
	{
		struct xrow w;
		xrow_init(&w, XK_WORKSHOP);
		CHECK_INT(xrow_set(&w, XC_REFERRAL_HOW, "rdv", &err), CN_EINVAL);
		CHECK_INT(xrow_set(&w, XC_REFERRAL_HOW, "", &err), CN_OK);
	}
	/* The column at fault is the referral's own. */
	typical(&x.r.v, "2026-11-10");
	strcpy(x.r.v.id, PLACE);
	strcpy(x.r.v.created, "2026-11-18T09:30:00.000Z");
	strcpy(x.r.v.updated, "2026-11-18T09:30:00.000Z");
	strcpy(x.r.v.referred_to, "organisme");
	strcpy(x.r.v.referral_went, "oui");
	CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_EINVAL);
	CHECK_INT(col, XC_REFERRAL_WENT);
	strcpy(x.r.v.referral_answered, "2026-11-18T09:30:00.000Z");
	CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_OK);
	strcpy(x.r.v.referral_place, "ailleurs");
	CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_EINVAL);
	CHECK_INT(col, XC_REFERRAL_PLACE);
}

int main(void)
{
	const char *paths[] = {shipped_ini()};
	struct cn_err err;

	setenv("TZ", "Europe/Paris", 1);
	setenv("CARNET_NOW", "2026-11-18T10:30", 1);
	if (config_load_files(&cfg, paths, 1, NULL, NULL, &err) != CN_OK) {
		printf("not ok - loading %s: %s\n", paths[0], err.msg);
		return 1;
	}
	RUN(test_lists);
	RUN(test_rules);
	RUN(test_store);
	RUN(test_exchange_columns);
	config_free(&cfg);
	return harness_finish();
}
