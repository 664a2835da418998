/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The exchange format, version 2: the row of each type (columns, parsing,
 * validation, its line), and the sync rules for workshops and times. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/config.h"
#include "carnet/exchange/sync.h"
#include "carnet/store/exchange_row.h"
#include "carnet/store/person_store.h"
#include "fixtures.h"
#include "harness.h"

static struct config cfg;

#define WID "11111111-1111-4111-8111-111111111111"
#define TID "22222222-2222-4222-8222-222222222222"

/* Sets every column of a row from "name=value" pairs; the first failure
 * is returned with *col. */
static int fill(struct xrow *x, enum xrow_kind kind, const char *const *pairs, int *col,
                struct cn_err *err)
{
	xrow_init(x, kind);
	for (int i = 0; pairs[i]; i++) {
		char name[32];
		const char *eq = strchr(pairs[i], '=');
		int rc;

		snprintf(name, sizeof name, "%.*s", (int)(eq - pairs[i]), pairs[i]);
		*col = xrow_column(name);
		if ((rc = xrow_set(x, *col, eq + 1, err)) != CN_OK)
			return rc;
	}
	return CN_OK;
}

static const char *const workshop_pairs[] = {
	"id=" WID, "date=2026-11-17", "heure=14:00", "duree=90", "site=defaut",
	"titre=Premiers pas", "themes=internet|mail", "niveau=debutant", "lieu=sur_site",
	"inscrits=8", "participants=AB12CD|K7M2QX:absent", "anonymes=3",
	"anonymes_genre=femme=2|homme=1", "materiel=ordinateur", "note==1+1",
	"cree=2026-11-17T13:00:00.000Z", "modifie=2026-11-17T13:00:00.000Z", NULL,
};

static void workshop(struct xrow *x)
{
	struct cn_err err;
	int col;

	if (fill(x, XK_WORKSHOP, workshop_pairs, &col, &err) != CN_OK)
		printf("# fixture: column %d: %s\n", col, err.msg);
}

static void test_columns(void)
{
	enum xrow_kind kind;
	struct cn_err err;

	CHECK_INT(xrow_column("type"), XC_TYPE);
	CHECK_INT(xrow_column("nature"), XC_KIND);
	CHECK_INT(xrow_column("duree"), RC_DURATION);
	CHECK_INT(xrow_column("Type"), -1);
	CHECK_STR(xrow_column_name(XC_ANON_GENDER), "anonymes_genre");
	CHECK_STR(xrow_column_name(RC_PERSON_UPDATED), "usager_modifie");
	CHECK(xrow_column_v2(XC_TITLE));
	CHECK(!xrow_column_v2(RC_NOTE));
	CHECK_INT(xrow_kind_parse("atelier", &kind, &err), CN_OK);
	CHECK_INT(kind, XK_WORKSHOP);
	CHECK_INT(xrow_kind_parse("visite", &kind, &err), CN_EINVAL);
	CHECK(strstr(err.msg, "passage, usager, atelier ou temps") != NULL);
	CHECK(xrow_applies(XK_WORKSHOP, RC_NOTE));
	CHECK(!xrow_applies(XK_WORKSHOP, RC_CANAL));
	CHECK(!xrow_applies(XK_WORKSHOP, RC_PERSON));
	CHECK(!xrow_applies(XK_WORKSHOP, XC_KIND));
	CHECK(xrow_applies(XK_WORKTIME, XC_KIND));
	CHECK(!xrow_applies(XK_WORKTIME, XC_THEMES));
	CHECK(xrow_applies(XK_PERSON, RC_AGE));
	CHECK(!xrow_applies(XK_PERSON, RC_DATE));
	CHECK(!xrow_applies(XK_VISIT, XC_TITLE));
}

static void test_workshop_row(void)
{
	struct xrow x, back;
	struct unknown_codes u = {0};
	struct cn_err err;
	char *line, *again;
	int col;

	workshop(&x);
	CHECK_INT(x.w.nparticipants, 2);
	CHECK(!x.w.participants[1].present);
	CHECK_INT(x.w.registered, 8);
	CHECK_INT(tally_count(&x.w.anon_gender, "femme"), 2);
	CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_OK);
	CHECK_INT(u.n, 0);
	line = xrow_line(&x);
	CHECK_STR(line, "atelier," WID ",2026-11-17,14:00,90,defaut,,,,,,,,,,,,'=1+1,"
	                "2026-11-17T13:00:00.000Z,2026-11-17T13:00:00.000Z,,,,,,,,,,,"
	                "Premiers pas,internet|mail,debutant,sur_site,8,AB12CD|K7M2QX:absent,3,"
	                "femme=2|homme=1,,,ordinateur,");
	/* Read back field by field, as import does: the same line. */
	{
		char *copy = strdup(line), *p = copy, *field;
		int i = 0;
		xrow_init(&back, XK_WORKSHOP);
		while ((field = strsep(&p, ","))) {
			int c = i == 0 ? XC_TYPE : i <= RC_COUNT ? i - 1 : i;
			if (field[0] == '\'')
				field++;
			CHECK_INT(xrow_set(&back, c, field, &err), CN_OK);
			i++;
		}
		CHECK_INT(i, XC_V2_COUNT);
		again = xrow_line(&back);
		CHECK_STR(again, line);
		free(again);
		free(copy);
	}
	free(line);
	/* Registrations unknown: an empty field. */
	CHECK_INT(xrow_set(&x, XC_REGISTERED, "", &err), CN_OK);
	CHECK_INT(x.w.registered, -1);
}

static void test_bad_values(void)
{
	struct xrow x;
	struct unknown_codes u = {0};
	struct cn_err err;
	int col;

	workshop(&x);
	CHECK_INT(xrow_set(&x, RC_CANAL, "libre", &err), CN_EINVAL);
	CHECK(strstr(err.msg, "reste vide dans une ligne « atelier »") != NULL);
	CHECK_INT(xrow_set(&x, RC_CANAL, "", &err), CN_OK);
	CHECK_INT(xrow_set(&x, XC_TYPE, "temps", &err), CN_EINVAL);
	CHECK_INT(xrow_set(&x, XC_REGISTERED, "huit", &err), CN_EINVAL);
	CHECK_INT(xrow_set(&x, XC_ANONYMOUS, "1000", &err), CN_EINVAL);
	CHECK_INT(xrow_set(&x, XC_PARTICIPANTS, "AB12CD:parti", &err), CN_EINVAL);
	CHECK_INT(xrow_set(&x, XC_ANON_GENDER, "femme", &err), CN_EINVAL);
	CHECK_INT(xrow_set(&x, RC_DURATION, "481", &err), CN_EINVAL);
	CHECK_INT(xrow_set(&x, XC_TITLE, "caf\xe9", &err), CN_EINVAL);
	/* Well-formed but against the rules: told by column. */
	workshop(&x);
	CHECK_INT(xrow_set(&x, XC_THEMES, "", &err), CN_OK);
	CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_EINVAL);
	CHECK_INT(col, XC_THEMES);
	workshop(&x);
	CHECK_INT(xrow_set(&x, XC_EQUIPMENT, "aucun|ordinateur", &err), CN_OK);
	CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_EINVAL);
	CHECK_INT(col, XC_EQUIPMENT);
	workshop(&x);
	CHECK_INT(xrow_set(&x, XC_ANON_GENDER, "femme=3|homme=2", &err), CN_OK);
	CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_EINVAL);
	CHECK_INT(col, XC_ANON_GENDER);
	workshop(&x);
	CHECK_INT(xrow_set(&x, RC_UPDATED, "", &err), CN_OK);
	CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_EINVAL);
	CHECK_INT(col, RC_UPDATED);
	/* Unknown but well-formed: kept, noted. */
	workshop(&x);
	CHECK_INT(xrow_set(&x, XC_LEVEL, "expert", &err), CN_OK);
	CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_OK);
	CHECK_INT(u.n, 1);
	CHECK_STR(u.e[0].code, "expert");
	/* A time: its kind required, 720 minutes at most. */
	{
		static const char *const pairs[] = {
			"id=" TID, "date=2026-11-16", "heure=09:00", "duree=720", "site=defaut",
			"nature=coordination", "cree=2026-11-16T10:00:00.000Z",
			"modifie=2026-11-16T10:00:00.000Z", NULL,
		};
		CHECK_INT(fill(&x, XK_WORKTIME, pairs, &col, &err), CN_OK);
		CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_OK);
		CHECK_INT(xrow_set(&x, RC_DURATION, "721", &err), CN_EINVAL);
		CHECK_INT(xrow_set(&x, XC_THEMES, "mail", &err), CN_EINVAL);
		CHECK_INT(xrow_set(&x, XC_KIND, "", &err), CN_OK);
		CHECK_INT(xrow_validate(&x, &cfg.lists, &u, &col, &err), CN_EINVAL);
		CHECK_INT(col, XC_KIND);
	}
}

static int count(struct store *st, const char *sql)
{
	sqlite3_stmt *stmt;
	int n = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

static void test_sync_workshops(void)
{
	char path[512];
	struct store *st;
	struct sync s;
	struct xrow x, person, later, older;
	struct cn_err err;
	int col;

	snprintf(path, sizeof path, "%s/rows.db", harness_tmpdir());
	CHECK_INT(store_open(&st, path, &err), CN_OK);
	CHECK_INT(sync_init(&s, st, &cfg.lists, &err), CN_OK);
	CHECK_INT(store_begin(st, &err), CN_OK);
	workshop(&x);
	/* Participants not yet persons here: refused, nothing written. */
	CHECK_INT(sync_apply_row(&s, &x, &col, &err), CN_EINVAL);
	CHECK_INT(col, XC_PARTICIPANTS);
	CHECK_STR(err.msg, "usager inconnu « AB12CD » : ni dans la base ni dans le fichier");
	CHECK_INT(count(st, "SELECT count(*) FROM workshop"), 0);
	/* usager rows make them persons. */
	{
		static const char *const ab[] = {"usager=AB12CD", "tranche_age=25_39",
		                                 "usager_cree=2026-11-01T10:00:00.000Z",
		                                 "usager_modifie=2026-11-01T10:00:00.000Z", NULL};
		static const char *const k7[] = {"usager=K7M2QX",
		                                 "usager_cree=2026-11-01T10:00:00.000Z",
		                                 "usager_modifie=2026-11-01T10:00:00.000Z", NULL};
		CHECK_INT(fill(&person, XK_PERSON, ab, &col, &err), CN_OK);
		CHECK_INT(sync_check_row(&s, &person, &col, &err), CN_OK);
		CHECK_INT(fill(&person, XK_PERSON, k7, &col, &err), CN_OK);
		CHECK_INT(sync_apply_row(&s, &person, &col, &err), CN_OK);
		CHECK_INT(count(st, "SELECT count(*) FROM person"), 2);
	}
	CHECK_INT(sync_check_row(&s, &x, &col, &err), CN_OK);
	CHECK_INT(count(st, "SELECT count(*) FROM workshop"), 0);
	CHECK_INT(sync_apply_row(&s, &x, &col, &err), CN_OK);
	CHECK_INT(sync_apply_row(&s, &x, &col, &err), CN_OK);
	CHECK_INT(s.workshops.added, 1);
	CHECK_INT(s.workshops.unchanged, 1);
	CHECK_INT(count(st, "SELECT count(*) FROM workshop_participant WHERE present = 0"), 1);
	/* The later version wins, ours is kept once in record_history. */
	later = x;
	strcpy(later.w.title, "Deuxième séance");
	strcpy(later.w.updated, "2026-11-18T08:00:00.000Z");
	later.w.nparticipants = 1;
	CHECK_INT(sync_apply_row(&s, &later, &col, &err), CN_OK);
	CHECK_INT(s.workshops.updated, 1);
	CHECK_INT(count(st, "SELECT count(*) FROM workshop WHERE title = 'Deuxième séance'"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM workshop_participant"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM record_history WHERE kind = 'atelier' AND"
	                    " updated_at = '2026-11-17T13:00:00.000Z'"),
	          1);
	/* An older one changes nothing, and is kept once. */
	older = x;
	strcpy(older.w.title, "Ancienne");
	strcpy(older.w.updated, "2026-11-17T14:00:00.000Z");
	CHECK_INT(sync_apply_row(&s, &older, &col, &err), CN_OK);
	CHECK_INT(sync_apply_row(&s, &older, &col, &err), CN_OK);
	CHECK_INT(count(st, "SELECT count(*) FROM workshop WHERE title = 'Deuxième séance'"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM record_history WHERE kind = 'atelier'"), 2);
	/* A later tombstone deletes; an older edit does not bring it back. */
	later = x;
	strcpy(later.w.updated, "2026-11-18T09:00:00.000Z");
	strcpy(later.w.deleted, "2026-11-18T09:00:00.000Z");
	CHECK_INT(sync_apply_row(&s, &later, &col, &err), CN_OK);
	CHECK_INT(s.workshops.deleted, 1);
	older = x;
	strcpy(older.w.updated, "2026-11-18T08:30:00.000Z");
	CHECK_INT(sync_apply_row(&s, &older, &col, &err), CN_OK);
	CHECK_INT(count(st, "SELECT count(*) FROM workshop WHERE deleted_at IS NOT NULL"), 1);
	/* A clock a day ahead is refused by column. */
	later = x;
	strcpy(later.w.updated, "2026-11-20T09:00:00.000Z");
	CHECK_INT(sync_apply_row(&s, &later, &col, &err), CN_EINVAL);
	CHECK_INT(col, RC_UPDATED);
	CHECK_INT(store_commit(st, &err), CN_OK);
	sync_free(&s);
	store_close(st);
}

static void test_summary_kinds(void)
{
	char line[512];
	struct sync_counts v = {2, 1, 0, 1, 0}, w = {0}, t = {0};

	sync_summary_kinds(&v, &w, &t, line, sizeof line);
	CHECK_STR(line, "2 nouveaux, 1 modifié, 0 inchangé, 1 supprimé, 0 rejeté");
	t.unchanged = 3;
	sync_summary_kinds(&v, &w, &t, line, sizeof line);
	CHECK_STR(line, "passages : 2 nouveaux, 1 modifié, 0 inchangé, 1 supprimé, 0 rejeté ; "
	                "ateliers : 0 nouveau, 0 modifié, 0 inchangé, 0 supprimé, 0 rejeté ; "
	                "temps : 0 nouveau, 0 modifié, 3 inchangés, 0 supprimé, 0 rejeté");
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
	RUN(test_columns);
	RUN(test_workshop_row);
	RUN(test_bad_values);
	RUN(test_sync_workshops);
	RUN(test_summary_kinds);
	config_free(&cfg);
	return harness_finish();
}
