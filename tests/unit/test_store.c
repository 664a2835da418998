/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "carnet/model/config.h"
#include "carnet/store/draft.h"
#include "carnet/store/person_store.h"
#include "carnet/store/store.h"
#include "carnet/store/visit_store.h"
#include "fixtures.h"
#include "harness.h"

static struct config cfg;

static const char *db_path(const char *name)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", harness_tmpdir(), name);
	return path;
}

static int scalar(struct store *st, const char *sql)
{
	sqlite3_stmt *stmt;
	int v = -1;
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

static void typical(struct visit *v)
{
	visit_init(v);
	strcpy(v->date, "2026-11-18");
	strcpy(v->time, "10:30");
	v->duration = 20;
	strcpy(v->site, DEFAULT_SITE_CODE);
	strcpy(v->canal, "libre");
	codeset_add(&v->demands, "suivi");
	codeset_add(&v->organisms, "caf");
	strcpy(v->posture, "avec");
	strcpy(v->outcome, "aboutie");
}

static void test_open_creates_private_file(void)
{
	const char *path = db_path("sub/dir/carnet.db");
	struct store *st;
	struct cn_err err;
	struct stat sb;
	mode_t old = umask(0);

	CHECK_INT(store_open(&st, path, &err), CN_OK);
	umask(old);
	CHECK(stat(path, &sb) == 0);
	CHECK_INT(sb.st_mode & 0777, 0600);
	CHECK_INT(scalar(st, "PRAGMA user_version"), store_schema_version());
	CHECK_INT(scalar(st, "PRAGMA application_id"), STORE_APPLICATION_ID);
	CHECK_INT(scalar(st, "PRAGMA foreign_keys"), 1);
	CHECK_INT(scalar(st, "SELECT count(*) FROM sqlite_master WHERE name = 'visit_by_date'"), 1);
	CHECK_INT(scalar(st, "SELECT count(*) FROM sqlite_master WHERE name = 'visit_by_person'"), 1);
	store_close(st);
	/* Opening again migrates nothing and keeps the data. */
	CHECK_INT(store_open(&st, path, &err), CN_OK);
	store_close(st);
}

static void test_indexes_used(void)
{
	struct store *st;
	struct cn_err err;
	sqlite3_stmt *stmt;
	char plan[512] = "";

	CHECK_INT(store_open(&st, db_path("plan.db"), &err), CN_OK);
	sqlite3_prepare_v2(store_db(st),
	                   "EXPLAIN QUERY PLAN SELECT id FROM visit WHERE date >= '2026-11-01' "
	                   "AND date <= '2026-11-30'", -1, &stmt, NULL);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		strncat(plan, (const char *)sqlite3_column_text(stmt, 3), sizeof plan - strlen(plan) - 1);
	sqlite3_finalize(stmt);
	CHECK(strstr(plan, "visit_by_date") != NULL);
	plan[0] = '\0';
	sqlite3_prepare_v2(store_db(st), "EXPLAIN QUERY PLAN SELECT id FROM visit WHERE person_id = 'x'",
	                   -1, &stmt, NULL);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		strncat(plan, (const char *)sqlite3_column_text(stmt, 3), sizeof plan - strlen(plan) - 1);
	sqlite3_finalize(stmt);
	CHECK(strstr(plan, "visit_by_person") != NULL);
	store_close(st);
}

/* The schema's indexes, one text. */
static void index_list(struct store *st, char *out, size_t size)
{
	sqlite3_stmt *stmt;

	out[0] = '\0';
	sqlite3_prepare_v2(store_db(st),
	                   "SELECT name || ':' || sql || ';' FROM sqlite_master WHERE type = 'index'"
	                   " AND sql IS NOT NULL ORDER BY name",
	                   -1, &stmt, NULL);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		strncat(out, (const char *)sqlite3_column_text(stmt, 0), size - strlen(out) - 1);
	sqlite3_finalize(stmt);
}

/* Deferred indexes: gone inside the transaction, the unique ones kept;
 * back as they were after a commit (built again) or a rollback. */
static void test_indexes_deferred(void)
{
	struct store *st;
	struct cn_err err;
	struct visit v;
	char before[4096], after[4096];

	CHECK_INT(store_open(&st, db_path("defer.db"), &err), CN_OK);
	index_list(st, before, sizeof before);
	CHECK(strstr(before, "visit_by_person") != NULL);
	CHECK(strstr(before, "place_by_id") != NULL);

	CHECK_INT(store_begin(st, &err), CN_OK);
	CHECK_INT(store_bulk(st, &err), CN_OK);
	CHECK_INT(store_indexes_defer(st, "visit", &err), CN_OK);
	index_list(st, after, sizeof after);
	CHECK(strstr(after, "visit_by_date") == NULL);
	CHECK(strstr(after, "visit_by_person") == NULL);
	CHECK(strstr(after, "place_by_id") != NULL);
	store_rollback(st);
	index_list(st, after, sizeof after);
	CHECK_STR(after, before);

	CHECK_INT(store_begin(st, &err), CN_OK);
	CHECK_INT(store_indexes_defer(st, "visit", &err), CN_OK);
	typical(&v);
	CHECK_INT(id_new_record(v.id, v.created, v.updated, v.deleted, &err), CN_OK);
	CHECK_INT(visit_put(st, &v, true, &err), CN_OK);
	CHECK_INT(store_commit(st, &err), CN_OK);
	index_list(st, after, sizeof after);
	CHECK_STR(after, before);
	/* The visit written while they were away is in the indexes built. */
	CHECK_INT(scalar(st, "SELECT count(*) FROM visit INDEXED BY visit_by_date"
	                     " WHERE date = '2026-11-18'"),
	          1);
	/* Nothing left to build: a later commit builds nothing twice. */
	CHECK_INT(store_begin(st, &err), CN_OK);
	CHECK_INT(store_commit(st, &err), CN_OK);
	index_list(st, after, sizeof after);
	CHECK_STR(after, before);
	store_close(st);
}

static long file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

static void test_refuses_newer_and_foreign(void)
{
	const char *path = db_path("newer.db");
	struct store *st;
	struct cn_err err;
	sqlite3 *raw;

	CHECK_INT(store_open(&st, path, &err), CN_OK);
	sqlite3_exec(store_db(st), "PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);"
	             "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL);
	store_close(st);
	CHECK_INT(store_open(&st, path, &err), CN_EDB);
	CHECK(st == NULL);
	CHECK(strstr(err.msg, "plus récente") != NULL);
	CHECK(access(db_path("newer.db-wal"), F_OK) != 0); /* not even switched to WAL */

	path = db_path("foreign.db");
	sqlite3_open(path, &raw);
	sqlite3_exec(raw, "CREATE TABLE recettes (nom TEXT)", NULL, NULL, NULL);
	sqlite3_close(raw);
	long size = file_size(path);
	CHECK_INT(store_open(&st, path, &err), CN_EDB);
	CHECK(strstr(err.msg, "n'est pas une base carnet") != NULL);
	CHECK_INT(file_size(path), size);

	path = write_file("texte.db", "Ceci n'est pas une base de données SQLite, mais un texte.\n");
	size = file_size(path);
	CHECK_INT(store_open(&st, path, &err), CN_EDB);
	CHECK_INT(file_size(path), size);
}

static void test_visit_round_trip(void)
{
	struct store *st;
	struct cn_err err;
	struct visit v, got;
	char prefix[9];

	CHECK_INT(store_open(&st, db_path("visits.db"), &err), CN_OK);
	typical(&v);
	codeset_add(&v.demands, "compte");
	codeset_add(&v.organisms, "cpam");
	v.urgent = true;
	v.present = false;
	strcpy(v.referred_by, "social");
	strcpy(v.referred_to, "mediation");
	strcpy(v.referred_place, "Atelier de la médiathèque");
	strcpy(v.note, "Revient jeudi avec l'avis d'imposition");
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_OK);
	CHECK(id_valid(v.id));
	CHECK(v.created[0] != '\0');
	memcpy(prefix, v.id, 8);
	prefix[8] = '\0';
	CHECK_INT(visit_get(st, prefix, false, &got, &err), CN_OK);
	CHECK_STR(got.id, v.id);
	CHECK_STR(got.date, "2026-11-18");
	CHECK_STR(got.time, "10:30");
	CHECK_INT(got.duration, 20);
	CHECK_INT(got.demands.n, 2);
	CHECK_STR(got.demands.v[0], "suivi");
	CHECK_STR(got.demands.v[1], "compte");
	CHECK_INT(got.organisms.n, 2);
	CHECK_STR(got.organisms.v[1], "cpam");
	CHECK(got.urgent);
	CHECK(!got.present);
	CHECK_STR(got.referred_place, "Atelier de la médiathèque");
	CHECK_STR(got.note, v.note);
	CHECK_STR(got.created, got.updated);
	CHECK_STR(got.deleted, "");
	store_close(st);
}

static void test_validation_writes_nothing(void)
{
	struct store *st;
	struct cn_err err;
	struct visit v;

	CHECK_INT(store_open(&st, db_path("invalid.db"), &err), CN_OK);
	typical(&v);
	v.duration = 481;
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_DURATION);
	typical(&v);
	v.demands.n = 0;
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_DEMANDS);
	typical(&v);
	codeset_add(&v.organisms, "licorne");
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_ORGANISMS);
	CHECK(strstr(err.msg, "licorne") != NULL);
	CHECK(strstr(err.msg, "cpam") != NULL);
	typical(&v);
	strcpy(v.date, "2026-02-30");
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_DATE);
	typical(&v);
	strcpy(v.note, "retour\nà la ligne");
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_EINVAL);
	CHECK_INT(err.field, VF_NOTE);
	typical(&v);
	strcpy(v.person, "ABCD23");
	/* Valid shape, unknown person: refused inside the transaction. */
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_ENOTFOUND);
	CHECK_INT(err.field, VF_PERSON);
	CHECK_INT(scalar(st, "SELECT count(*) FROM visit"), 0);
	CHECK_INT(scalar(st, "SELECT count(*) FROM visit WHERE demands IS NOT NULL OR organisms IS NOT NULL"), 0);
	store_close(st);
}

static int count_visit(const struct visit *v, void *ctx)
{
	(void)v;
	(*(int *)ctx)++;
	return 0;
}

static int count(struct store *st, const struct visit_filter *f)
{
	struct cn_err err;
	int n = 0;
	CHECK_INT(visit_each(st, f, count_visit, &n, &err), CN_OK);
	return n;
}

static void test_update_delete_and_filters(void)
{
	struct store *st;
	struct cn_err err;
	struct visit v, got;
	struct person p;
	struct visit_filter f = {0};
	char first_id[ID_LEN];

	setenv("CARNET_NOW", "2026-11-18T10:30", 1);
	CHECK_INT(store_open(&st, db_path("edit.db"), &err), CN_OK);
	person_init(&p);
	strcpy(p.age, "25_39");
	CHECK_INT(person_create(st, &cfg.lists, &p, &err), CN_OK);
	typical(&v);
	strcpy(v.person, p.code);
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_OK);
	strcpy(first_id, v.id);
	typical(&v);
	strcpy(v.date, "2026-12-01");
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_OK);

	strcpy(f.from, "2026-11-01");
	strcpy(f.to, "2026-11-30");
	CHECK_INT(count(st, &f), 1);
	f.to[0] = '\0';
	CHECK_INT(count(st, &f), 2);
	strcpy(f.person, p.code);
	CHECK_INT(count(st, &f), 1);
	f.person[0] = '\0';
	codeset_add(&f.sites, "ailleurs");
	CHECK_INT(count(st, &f), 0);
	codeset_add(&f.sites, DEFAULT_SITE_CODE);
	CHECK_INT(count(st, &f), 2);

	setenv("CARNET_NOW", "2026-11-19T09:00", 1);
	CHECK_INT(visit_get(st, first_id, false, &got, &err), CN_OK);
	got.duration = 45;
	got.organisms.n = 0;
	CHECK_INT(visit_update(st, &cfg.lists, &got, &err), CN_OK);
	CHECK_INT(visit_get(st, first_id, false, &got, &err), CN_OK);
	CHECK_INT(got.duration, 45);
	CHECK_INT(got.organisms.n, 0);
	CHECK_STR(got.person, p.code);
	CHECK(strcmp(got.updated, got.created) > 0);

	CHECK_INT(visit_delete(st, first_id, &err), CN_OK);
	CHECK_INT(visit_delete(st, first_id, &err), CN_ENOTFOUND);
	CHECK_INT(visit_get(st, first_id, false, &got, &err), CN_ENOTFOUND);
	CHECK_INT(visit_get(st, first_id, true, &got, &err), CN_OK);
	CHECK(got.deleted[0] != '\0');
	CHECK_INT(count(st, &f), 1);
	f.with_deleted = true;
	CHECK_INT(count(st, &f), 2);
	/* Undo of a delete. */
	CHECK_INT(visit_undelete(st, first_id, &err), CN_OK);
	CHECK_INT(visit_get(st, first_id, false, &got, &err), CN_OK);
	CHECK_STR(got.deleted, "");
	CHECK_INT(visit_undelete(st, first_id, &err), CN_ENOTFOUND);
	f.with_deleted = false;
	CHECK_INT(count(st, &f), 2);
	unsetenv("CARNET_NOW");
	store_close(st);
}

static void test_retired_code_kept_on_edit(void)
{
	const char *retire = write_file("retire.ini", "[retired]\norganisme = msa\n");
	const char *paths[] = {shipped_ini(), retire};
	struct config retired_cfg;
	struct store *st;
	struct cn_err err;
	struct visit v;
	char id[ID_LEN];

	CHECK_INT(store_open(&st, db_path("retired.db"), &err), CN_OK);
	typical(&v);
	codeset_add(&v.organisms, "msa");
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_OK);
	strcpy(id, v.id);
	CHECK_INT(config_load_files(&retired_cfg, paths, 2, NULL, NULL, &err), CN_OK);
	/* A new visit may not use it ... */
	typical(&v);
	codeset_add(&v.organisms, "msa");
	CHECK_INT(visit_create(st, &retired_cfg.lists, &v, &err), CN_EINVAL);
	/* ... but the visit that holds it can still be edited. */
	CHECK_INT(visit_get(st, id, false, &v, &err), CN_OK);
	v.duration = 30;
	CHECK_INT(visit_update(st, &retired_cfg.lists, &v, &err), CN_OK);
	strcpy(v.posture, "pour");
	strcpy(v.outcome, "bloquee");
	CHECK_INT(visit_update(st, &retired_cfg.lists, &v, &err), CN_OK);
	CHECK_INT(visit_get(st, id, false, &v, &err), CN_OK);
	CHECK(codeset_has(&v.organisms, "msa"));
	/* Adding it again once removed is refused. */
	v.organisms.n = 0;
	CHECK_INT(visit_update(st, &retired_cfg.lists, &v, &err), CN_OK);
	codeset_add(&v.organisms, "msa");
	CHECK_INT(visit_update(st, &retired_cfg.lists, &v, &err), CN_EINVAL);
	config_free(&retired_cfg);
	store_close(st);
}

static int count_recent(const char *code, const char *last, const char *demands, void *ctx)
{
	char *codes = ctx;
	strcat(codes, code);
	strcat(codes, "@");
	strcat(codes, last);
	strcat(codes, ":");
	strcat(codes, demands ? demands : "");
	strcat(codes, " ");
	return 0;
}

static void test_recent(void)
{
	struct store *st;
	struct cn_err err;
	struct visit v;
	struct person p;
	char codes[256] = "";

	CHECK_INT(store_open(&st, db_path("recent.db"), &err), CN_OK);
	const char *who[] = {"AAAA11", "BBBB22", "AAAA11"};
	const char *dates[] = {"2026-11-01", "2026-11-05", "2026-11-03"};
	for (int i = 0; i < 3; i++) {
		person_init(&p);
		strcpy(p.code, who[i]);
		person_create(st, &cfg.lists, &p, &err); /* the second AAAA11 is refused */
		typical(&v);
		strcpy(v.person, who[i]);
		strcpy(v.date, dates[i]);
		strcpy(v.canal, i == 2 ? "tel" : "rdv");
		if (i == 2) {
			v.demands.n = 0;
			codeset_add(&v.demands, "compte");
		}
		CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_OK);
	}
	CHECK_INT(person_recent(st, 5, count_recent, codes, &err), CN_OK);
	/* With the demands of each person's latest visit. */
	CHECK_STR(codes, "BBBB22@2026-11-05:suivi AAAA11@2026-11-03:compte ");
	store_close(st);
}

static void test_persons(void)
{
	struct store *st;
	struct cn_err err;
	struct person p, got;

	CHECK_INT(store_open(&st, db_path("persons.db"), &err), CN_OK);
	person_init(&p);
	strcpy(p.code, "CARTE42");
	strcpy(p.gender, "femme");
	codeset_add(&p.equipment, "smartphone");
	codeset_add(&p.equipment, "internet");
	CHECK_INT(person_create(st, &cfg.lists, &p, &err), CN_OK);
	CHECK_INT(person_get(st, "carte42", &got, &err), CN_OK);
	CHECK_STR(got.code, "CARTE42");
	CHECK_STR(got.gender, "femme");
	CHECK_INT(got.equipment.n, 2);
	CHECK_STR(got.equipment.v[1], "internet");
	/* The same code twice is refused. */
	person_init(&p);
	strcpy(p.code, "CARTE42");
	CHECK_INT(person_create(st, &cfg.lists, &p, &err), CN_EINVAL);
	/* "aucun" stands alone. */
	person_init(&p);
	codeset_add(&p.equipment, "aucun");
	codeset_add(&p.equipment, "tablette");
	CHECK_INT(person_create(st, &cfg.lists, &p, &err), CN_EINVAL);
	CHECK_INT(err.field, PF_EQUIPMENT);
	/* Generated codes are unique. */
	for (int i = 0; i < 50; i++) {
		person_init(&p);
		CHECK_INT(person_create(st, &cfg.lists, &p, &err), CN_OK);
	}
	CHECK_INT(scalar(st, "SELECT count(DISTINCT code) FROM person"), 51);
	got.gender[0] = '\0';
	strcpy(got.area, "nulle_part");
	CHECK_INT(person_update(st, &cfg.lists, &got, &err), CN_EINVAL);
	got.area[0] = '\0';
	strcpy(got.age, "70_plus");
	CHECK_INT(person_update(st, &cfg.lists, &got, &err), CN_OK);
	CHECK_INT(person_get(st, "CARTE42", &got, &err), CN_OK);
	CHECK_STR(got.age, "70_plus");
	CHECK_STR(got.gender, "");
	CHECK_INT(person_get(st, "INCONNU", &got, &err), CN_ENOTFOUND);
	store_close(st);
}

/* Two saves meet: an update from a version that is no longer the stored one
 * writes nothing (CN_ECONFLICT); a change is always later than the version
 * it replaces, even one from a clock far ahead. */
static void test_update_conflict_and_later(void)
{
	struct store *st;
	struct visit v, mine, theirs, now;
	struct cn_err err;

	CHECK_INT(store_open(&st, db_path("conflict.db"), &err), CN_OK);
	typical(&v);
	CHECK_INT(visit_create(st, &cfg.lists, &v, &err), CN_OK);
	CHECK_INT(visit_get(st, v.id, false, &mine, &err), CN_OK);
	theirs = mine;
	strcpy(theirs.note, "ailleurs");
	CHECK_INT(visit_update(st, &cfg.lists, &theirs, &err), CN_OK);
	CHECK(strcmp(theirs.updated, mine.updated) > 0);
	strcpy(mine.note, "ici");
	CHECK_INT(visit_update(st, &cfg.lists, &mine, &err), CN_ECONFLICT);
	CHECK_INT(visit_get(st, v.id, false, &now, &err), CN_OK);
	CHECK_STR(now.note, "ailleurs");
	/* A stored version from a clock years ahead: the next change beats it. */
	sqlite3_exec(store_db(st), "UPDATE visit SET updated_at = '2999-01-01T00:00:00.000Z'", NULL,
	             NULL, NULL);
	CHECK_INT(visit_get(st, v.id, false, &now, &err), CN_OK);
	strcpy(now.note, "corrigé");
	CHECK_INT(visit_update(st, &cfg.lists, &now, &err), CN_OK);
	CHECK_STR(now.updated, "2999-01-01T00:00:00.001Z");
	CHECK_INT(visit_delete(st, v.id, &err), CN_OK);
	CHECK_INT(visit_get(st, v.id, true, &now, &err), CN_OK);
	CHECK_STR(now.updated, "2999-01-01T00:00:00.002Z");
	store_close(st);
}

/* store_limit: a statement past its budget stops with a clear message; the
 * bound lifted, the same work runs to its end. */
static void test_limit_stops_endless_reads(void)
{
	struct store *st;
	struct cn_err err;
	long n = 0;
	const char *endless = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r"
	                      " WHERE n < 5000000) SELECT count(*) FROM r";

	CHECK_INT(store_open(&st, db_path("limit.db"), &err), CN_OK);
	store_limit(st, 100);
	CHECK_INT(store_scalar(st, endless, &n, &err), CN_EDB);
	CHECK(strstr(err.msg, "lecture arrêtée") != NULL);
	store_limit(st, 0);
	CHECK_INT(store_scalar(st, endless, &n, &err), CN_OK);
	CHECK_INT(n, 5000000);
	store_close(st);
}

/* ------------------------------------------------------------ drafts of the three kinds */

static void encode_decode(const struct draft *d, struct draft *back, char *text, size_t size)
{
	struct cn_err err;

	CHECK(draft_encode(d, text, size) < size);
	CHECK_INT(draft_decode(text, back, &err), CN_OK);
}

static void test_draft_workshop_round_trip(void)
{
	struct draft d, back;
	struct cn_err err;
	char text[16384], again[16384];

	draft_init(&d, DRAFT_WORKSHOP);
	strcpy(d.w.date, "2026-11-18");
	strcpy(d.w.time, "14:00");
	d.w.duration = 90;
	strcpy(d.w.site, "defaut");
	codeset_add(&d.w.mediators, "mona");
	codeset_add(&d.w.mediators, "paul");
	strcpy(d.w.title, "Premiers pas, « internet »");
	codeset_add(&d.w.themes, "internet");
	codeset_add(&d.w.themes, "mail");
	strcpy(d.w.level, "debutant");
	strcpy(d.w.place, "sur_site");
	d.w.registered = 8;
	CHECK_INT(workshop_add_participant(&d.w, "K7M2QX", true, &err), CN_OK);
	CHECK_INT(workshop_add_participant(&d.w, "AB12CD", false, &err), CN_OK);
	d.w.anonymous = 6;
	CHECK_INT(tally_parse(&d.w.anon_gender, "femme=4|homme=2", &err), CN_OK);
	codeset_add(&d.w.equipment, "ordinateur");
	strcpy(d.w.note, "Salle 2");
	d.field = 4;
	d.duration_set = true;
	encode_decode(&d, &back, text, sizeof text);
	CHECK(strstr(text, "record=workshop\n") == text);
	CHECK(strstr(text, "\nparticipants=K7M2QX|AB12CD:absent\n") != NULL);
	CHECK_INT(back.kind, DRAFT_WORKSHOP);
	CHECK_STR(back.w.date, "2026-11-18");
	CHECK_STR(back.w.time, "14:00");
	CHECK_INT(back.w.duration, 90);
	CHECK_INT(back.w.mediators.n, 2);
	CHECK_STR(back.w.mediators.v[1], "paul");
	CHECK_STR(back.w.title, "Premiers pas, « internet »");
	CHECK_INT(back.w.themes.n, 2);
	CHECK_STR(back.w.themes.v[0], "internet");
	CHECK_STR(back.w.level, "debutant");
	CHECK_STR(back.w.place, "sur_site");
	CHECK_INT(back.w.registered, 8);
	CHECK_INT(back.w.nparticipants, 2);
	CHECK_STR(back.w.participants[1].code, "AB12CD");
	CHECK(back.w.participants[0].present && !back.w.participants[1].present);
	CHECK_INT(back.w.anonymous, 6);
	CHECK_INT(tally_count(&back.w.anon_gender, "homme"), 2);
	CHECK_STR(back.w.equipment.v[0], "ordinateur");
	CHECK_STR(back.w.note, "Salle 2");
	CHECK_INT(back.field, 4);
	CHECK(back.duration_set && !back.time_set);
	CHECK_STR(draft_date(&back), "2026-11-18");
	CHECK_STR(draft_time(&back), "14:00");
	/* Registrations not known stay not known. */
	d.w.registered = -1;
	encode_decode(&d, &back, text, sizeof text);
	CHECK_INT(back.w.registered, -1);
	/* What it reads writes back the same. */
	draft_encode(&back, again, sizeof again);
	CHECK_STR(again, text);
	CHECK(strstr(text, "\nparticipants_new=\n") != NULL);
	CHECK_INT(back.nnew, 0);
}

/* Participants made new on the form: their codes come back with the draft. */
static void test_draft_workshop_new_persons(void)
{
	struct draft d, back;
	struct cn_err err;
	char text[16384], again[16384];
	static const char *const bad[] = {
		"record=workshop\nparticipants_new=NEW111|NEW111\n",
		"record=workshop\nparticipants_new=new111\n",
		"record=workshop\nparticipants_new=NEW111|\n",
		"record=workshop\nparticipants_new=|NEW111\n",
		"record=workshop\nparticipants_new=AB\n",
		"record=workshop\nparticipants_new=NEW111,NEW222\n",
	};

	draft_init(&d, DRAFT_WORKSHOP);
	strcpy(d.w.date, "2026-11-18");
	CHECK_INT(workshop_add_participant(&d.w, "K7M2QX", true, &err), CN_OK);
	CHECK_INT(workshop_add_participant(&d.w, "NEW111", true, &err), CN_OK);
	CHECK_INT(workshop_add_participant(&d.w, "NEW222", false, &err), CN_OK);
	strcpy(d.new_codes[0], "NEW111");
	strcpy(d.new_codes[1], "NEW222");
	d.nnew = 2;
	encode_decode(&d, &back, text, sizeof text);
	CHECK(strstr(text, "\nparticipants_new=NEW111|NEW222\n") != NULL);
	CHECK_INT(back.nnew, 2);
	CHECK_STR(back.new_codes[0], "NEW111");
	CHECK_STR(back.new_codes[1], "NEW222");
	CHECK_INT(back.w.nparticipants, 3);
	draft_encode(&back, again, sizeof again);
	CHECK_STR(again, text);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = draft_decode(bad[i], &back, &err);
		if (!CHECK_INT(rc, CN_EINVAL))
			printf("#   accepted: %s", bad[i]);
		else
			CHECK(strstr(err.msg, "brouillon illisible") != NULL);
	}
	/* A draft of an earlier carnet, without the key: no new person. */
	CHECK_INT(draft_decode("record=workshop\nparticipants=K7M2QX\n", &back, &err), CN_OK);
	CHECK_INT(back.nnew, 0);
}

static void test_draft_worktime_round_trip(void)
{
	struct draft d, back;
	char text[16384];

	draft_init(&d, DRAFT_WORKTIME);
	strcpy(d.t.id, "0b9d2a6e-6f7c-4b8a-9a51-3c2f1e0d9b87");
	strcpy(d.t.updated, "2026-11-18T09:00:00.000Z");
	strcpy(d.t.date, "2026-11-17");
	strcpy(d.t.time, "08:30");
	d.t.duration = 600; /* longer than any visit */
	strcpy(d.t.site, "defaut");
	strcpy(d.t.mediator, "mona");
	strcpy(d.t.kind, "coordination");
	strcpy(d.t.note, "Réunion d'équipe");
	d.time_set = true;
	encode_decode(&d, &back, text, sizeof text);
	CHECK(strstr(text, "record=worktime\n") == text);
	CHECK_INT(back.kind, DRAFT_WORKTIME);
	CHECK_STR(back.t.id, d.t.id);
	CHECK_STR(draft_id(&back), d.t.id);
	CHECK_STR(back.t.updated, d.t.updated);
	CHECK_INT(back.t.duration, 600);
	CHECK_STR(back.t.mediator, "mona");
	CHECK_STR(back.t.kind, "coordination");
	CHECK_STR(back.t.note, "Réunion d'équipe");
	CHECK(back.time_set);
}

/* A visit's referral — category, place, how, the answer and its time —
 * comes back with the draft; a damaged referral_place is refused. */
static void test_draft_visit_referral(void)
{
	struct draft d, back;
	struct cn_err err;
	char text[16384];

	draft_init(&d, DRAFT_VISIT);
	strcpy(d.v.date, "2026-11-18");
	strcpy(d.v.time, "10:30");
	strcpy(d.v.referred_to, "organisme");
	strcpy(d.v.referred_place, "CAF de Maurepas");
	strcpy(d.v.referral_how, "rdv");
	strcpy(d.v.referral_place, "5f0c7a3e-2b1d-4c8e-9f6a-1d2e3c4b5a69");
	strcpy(d.v.referral_went, "oui");
	strcpy(d.v.referral_answered, "2026-11-18T10:31:00.000Z");
	encode_decode(&d, &back, text, sizeof text);
	CHECK_INT(back.kind, DRAFT_VISIT);
	CHECK_STR(back.v.referred_to, "organisme");
	CHECK_STR(back.v.referred_place, "CAF de Maurepas");
	CHECK_STR(back.v.referral_how, "rdv");
	CHECK_STR(back.v.referral_place, "5f0c7a3e-2b1d-4c8e-9f6a-1d2e3c4b5a69");
	CHECK_STR(back.v.referral_went, "oui");
	CHECK_STR(back.v.referral_answered, "2026-11-18T10:31:00.000Z");
	/* Without them (an earlier carnet's draft): empty. */
	CHECK_INT(draft_decode("record=visit\nreferred_to=social\n", &back, &err), CN_OK);
	CHECK_STR(back.v.referred_to, "social");
	CHECK_STR(back.v.referral_how, "");
	CHECK_STR(back.v.referral_place, "");
	/* Too long a place id is damage, not cut silently. */
	CHECK(draft_decode("record=visit\nreferral_place=5f0c7a3e-2b1d-4c8e-9f6a-1d2e3c4b5a69"
	                   "ffff\n",
	                   &back, &err) != CN_OK);
}

static void test_draft_old_and_damaged(void)
{
	struct draft d;
	struct cn_err err;

	/* A draft of an earlier carnet (no record=) is a visit. */
	CHECK_INT(draft_decode("id=\ndate=2026-11-18\ntime=10:30\nduration=20\ndemands=suivi\n"
	                       "posture=avec\nperson=K7M2QX\nnote=ancien\n",
	                       &d, &err),
	          CN_OK);
	CHECK_INT(d.kind, DRAFT_VISIT);
	CHECK_STR(d.v.demands.v[0], "suivi");
	CHECK_STR(d.v.note, "ancien");
	CHECK(d.v.present);
	/* A visit written now says so, and reads back as a visit. */
	{
		char text[16384];
		struct draft back;
		encode_decode(&d, &back, text, sizeof text);
		CHECK(strstr(text, "record=visit\n") == text);
		CHECK_INT(back.kind, DRAFT_VISIT);
		CHECK_STR(back.v.person, "K7M2QX");
	}
	/* Damaged values are refused, never half used. */
	static const char *const bad[] = {
		"record=atelier\n",
		"record=workshop\nparticipants=K7M2QX|K7M2QX\n",
		"record=workshop\nparticipants=K7M2QX:ailleurs\n",
		"record=workshop\nparticipants=k7m2qx\n",
		"record=workshop\nparticipants=K7M2QX, AB12CD\n",
		"record=workshop\nregistered=-2\n",
		"record=workshop\nregistered=1000\n",
		"record=workshop\nanonymous=-1\n",
		"record=workshop\nanonymous=6a\n",
		"record=workshop\nanon_gender=femme=0\n",
		"record=workshop\nanon_gender=femme\n",
		"record=workshop\nthemes=Internet!\n",
		"record=workshop\nlevel=Débutant\n",
		"record=workshop\nduration=600\n",
		"record=visit\nduration=481\n",
		"record=worktime\nduration=721\n",
		"record=worktime\nnature=Coordination\n",
		"record=workshop\ntitle=a\tb\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc = draft_decode(bad[i], &d, &err);
		if (!CHECK_INT(rc, CN_EINVAL))
			printf("#   accepted: %s", bad[i]);
		else
			CHECK(strstr(err.msg, "brouillon illisible") != NULL);
	}
	CHECK_INT(draft_decode("record=worktime\nduration=720\n", &d, &err), CN_OK);
}

static int count_aside(void *ctx, long n, const struct draft *d)
{
	(void)n;
	(void)d;
	(*(int *)ctx)++;
	return 0;
}

static void test_drafts_forget_and_purge_new_kinds(void)
{
	struct store *st;
	struct drafts *ds;
	struct draft w, t, loaded;
	struct cn_err err;
	bool found;
	int n = 0;
	const char *path = db_path("drafts-kinds.db");

	CHECK_INT(store_open(&st, path, &err), CN_OK);
	CHECK_INT(drafts_open(&ds, st, &err), CN_OK);
	draft_init(&w, DRAFT_WORKSHOP);
	strcpy(w.w.date, "2026-11-18");
	strcpy(w.w.time, "14:00");
	CHECK_INT(workshop_add_participant(&w.w, "FORG12", false, &err), CN_OK);
	draft_init(&t, DRAFT_WORKTIME);
	strcpy(t.t.date, "2026-01-05");
	strcpy(t.t.time, "09:00");
	strcpy(t.t.kind, "veille");
	CHECK_INT(draft_save(ds, &w, &err), CN_OK);
	CHECK_INT(draft_put_aside(ds, &t, &err), CN_OK);
	CHECK_INT(draft_load(ds, &loaded, &found, &err), CN_OK);
	CHECK(found);
	CHECK_INT(loaded.kind, DRAFT_WORKSHOP);
	CHECK_STR(loaded.w.participants[0].code, "FORG12");
	CHECK_INT(draft_aside_each(ds, count_aside, &n, &err), CN_OK);
	CHECK_INT(n, 1);
	drafts_close(ds);
	/* forget: the workshop draft names the person among its participants. */
	CHECK_INT(drafts_forget(path, "FORG12", &err), CN_OK);
	CHECK_INT(drafts_open(&ds, st, &err), CN_OK);
	CHECK_INT(draft_load(ds, &loaded, &found, &err), CN_OK);
	CHECK(!found);
	n = 0;
	CHECK_INT(draft_aside_each(ds, count_aside, &n, &err), CN_OK);
	CHECK_INT(n, 1);
	drafts_close(ds);
	/* purge: the time put aside is dated before the day. */
	CHECK_INT(drafts_purge(path, "2026-02-01", &err), CN_OK);
	CHECK_INT(drafts_open(&ds, st, &err), CN_OK);
	n = 0;
	CHECK_INT(draft_aside_each(ds, count_aside, &n, &err), CN_OK);
	CHECK_INT(n, 0);
	drafts_close(ds);
	store_close(st);
}

int main(void)
{
	const char *paths[] = {shipped_ini()};
	struct cn_err err;

	setenv("TZ", "Europe/Paris", 1);
	if (config_load_files(&cfg, paths, 1, NULL, NULL, &err) != CN_OK) {
		printf("not ok - loading %s: %s\n", paths[0], err.msg);
		return 1;
	}
	RUN(test_open_creates_private_file);
	RUN(test_indexes_used);
	RUN(test_indexes_deferred);
	RUN(test_refuses_newer_and_foreign);
	RUN(test_visit_round_trip);
	RUN(test_validation_writes_nothing);
	RUN(test_update_delete_and_filters);
	RUN(test_retired_code_kept_on_edit);
	RUN(test_recent);
	RUN(test_persons);
	RUN(test_limit_stops_endless_reads);
	RUN(test_update_conflict_and_later);
	RUN(test_draft_workshop_round_trip);
	RUN(test_draft_workshop_new_persons);
	RUN(test_draft_worktime_round_trip);
	RUN(test_draft_visit_referral);
	RUN(test_draft_old_and_damaged);
	RUN(test_drafts_forget_and_purge_new_kinds);
	config_free(&cfg);
	return harness_finish();
}
