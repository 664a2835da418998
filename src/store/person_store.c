/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/store/person_store.h"
#include "carnet/model/text.h"

static int write_person(struct store *st, const struct person *p, bool insert,
                        struct cn_err *err)
{
	sqlite3_stmt *stmt = store_cached(
		st,
		insert ? "INSERT INTO person (code, age, gender, area, situation, created_at,"
		         " updated_at, id, equipment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
		       : "UPDATE person SET code = ?1, age = ?2, gender = ?3, area = ?4,"
		         " situation = ?5, created_at = ?6, updated_at = ?7, equipment = ?9"
		         " WHERE id = ?8",
		err);
	int rc;

	if (!stmt)
		return CN_EDB;
	store_bind_text(stmt, 1, p->code);
	store_bind_text(stmt, 2, p->age);
	store_bind_text(stmt, 3, p->gender);
	store_bind_text(stmt, 4, p->area);
	store_bind_text(stmt, 5, p->situation);
	store_bind_text(stmt, 6, p->created);
	store_bind_text(stmt, 7, p->updated);
	store_bind_text(stmt, 8, p->id);
	store_bind_codes(stmt, 9, &p->equipment);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return cn_err_field(err, CN_EINVAL, PF_CODE, "le code usager « %s » existe déjà",
		                    p->code);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "enregistrement impossible");
	return CN_OK;
}

int person_put(struct store *st, const struct person *p, bool insert, struct cn_err *err)
{
	return write_person(st, p, insert, err);
}

/* Reads a person by code, tombstoned or not. */
static int read_person(struct store *st, const char *code, struct person *out,
                       struct cn_err *err)
{
	sqlite3_stmt *stmt = store_cached(
		st,
		"SELECT id, code, age, gender, area, situation, created_at, updated_at, deleted_at,"
		" equipment FROM person WHERE code = ?1",
		err);
	int rc;

	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		person_init(out);
		store_column_copy(stmt, 0, out->id, sizeof out->id);
		store_column_copy(stmt, 1, out->code, sizeof out->code);
		store_column_copy(stmt, 2, out->age, sizeof out->age);
		store_column_copy(stmt, 3, out->gender, sizeof out->gender);
		store_column_copy(stmt, 4, out->area, sizeof out->area);
		store_column_copy(stmt, 5, out->situation, sizeof out->situation);
		store_column_copy(stmt, 6, out->created, sizeof out->created);
		store_column_copy(stmt, 7, out->updated, sizeof out->updated);
		store_column_copy(stmt, 8, out->deleted, sizeof out->deleted);
		store_column_codes(stmt, 9, &out->equipment);
		rc = CN_OK;
	} else if (rc == SQLITE_DONE) {
		rc = CN_ENOTFOUND;
	} else {
		rc = store_fail(st, err, "lecture des usagers impossible");
	}
	sqlite3_reset(stmt);
	return rc;
}

int person_get(struct store *st, const char *code, struct person *out, struct cn_err *err)
{
	char norm[PCODE_MAX];
	int rc;

	if (!person_code_normalize(code, norm))
		return cn_err_field(err, CN_ENOTFOUND, PF_CODE, "usager inconnu « %s »", code);
	rc = read_person(st, norm, out, err);
	if (rc == CN_ENOTFOUND || (rc == CN_OK && out->deleted[0]))
		return cn_err_field(err, CN_ENOTFOUND, PF_CODE, "usager inconnu « %s »", code);
	return rc;
}

int person_create_in(struct store *st, const struct lists *ls, struct person *p,
                     struct cn_err *err)
{
	struct person existing;
	bool generated = !p->code[0];
	int rc;

	if (generated)
		person_code_new(p->code);
	if ((rc = person_validate(p, NULL, ls, err)) != CN_OK ||
	    (rc = id_new_record(p->id, p->created, p->updated, p->deleted, err)) != CN_OK)
		return rc;
	/* A generated code that collides is drawn again; a typed one is refused. */
	for (int tries = 0; (rc = read_person(st, p->code, &existing, err)) == CN_OK; tries++) {
		if (!generated || tries > 100)
			return cn_err_field(err, CN_EINVAL, PF_CODE, "le code usager « %s » existe déjà",
			                    p->code);
		person_code_new(p->code);
	}
	if (rc == CN_ENOTFOUND)
		rc = write_person(st, p, true, err);
	return rc;
}

int person_create(struct store *st, const struct lists *ls, struct person *p,
                  struct cn_err *err)
{
	int rc = store_begin(st, err);

	if (rc != CN_OK)
		return rc;
	return store_end(st, person_create_in(st, ls, p, err), err);
}

int person_free_code(struct store *st, char code[PCODE_MAX], struct cn_err *err)
{
	struct person existing;
	int rc;

	for (int tries = 0; tries < 100; tries++) {
		person_code_new(code);
		if ((rc = read_person(st, code, &existing, err)) == CN_ENOTFOUND)
			return CN_OK;
		if (rc != CN_OK)
			return rc;
	}
	return cn_err_set(err, CN_EDB, "aucun code usager libre trouvé");
}

int person_update(struct store *st, const struct lists *ls, struct person *p,
                  struct cn_err *err)
{
	struct person prev;
	int rc = store_begin(st, err);

	if (rc != CN_OK)
		return rc;
	rc = person_get(st, p->code, &prev, err);
	if (rc == CN_OK)
		rc = person_validate(p, &prev, ls, err);
	if (rc == CN_OK) {
		strcpy(p->id, prev.id);
		strcpy(p->created, prev.created);
		p->deleted[0] = '\0';
		rc = clock_timestamp_after(prev.updated, p->updated, err);
	}
	if (rc == CN_OK)
		rc = write_person(st, p, false, err);
	return store_end(st, rc, err);
}

int person_recent(struct store *st, int limit, person_recent_fn fn, void *ctx,
                  struct cn_err *err)
{
	/* Scan visits from the newest date down (index visit_by_date) and stop
	 * once enough distinct persons are found. */
	sqlite3_stmt *stmt = store_prepare(
		st,
		/* SQLite takes v.demands from the row of max(v.date). */
		"SELECT p.code, max(v.date) AS last, v.demands FROM visit v"
		" JOIN person p ON p.id = v.person_id"
		" WHERE v.deleted_at IS NULL AND p.deleted_at IS NULL"
		"   AND v.date >= (SELECT coalesce(min(date), '') FROM"
		"     (SELECT date FROM visit WHERE person_id IS NOT NULL AND deleted_at IS NULL"
		"      ORDER BY date DESC LIMIT ?1 * 20))"
		" GROUP BY p.code ORDER BY last DESC, p.code LIMIT ?1",
		err);
	int rc, stop = 0;

	if (!stmt)
		return CN_EDB;
	sqlite3_bind_int(stmt, 1, limit);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((stop = fn((const char *)sqlite3_column_text(stmt, 0),
		               (const char *)sqlite3_column_text(stmt, 1),
		               (const char *)sqlite3_column_text(stmt, 2), ctx)) != 0)
			break;
	}
	sqlite3_finalize(stmt);
	if (stop)
		return stop;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "lecture des usagers impossible");
	return CN_OK;
}

int person_id_of(struct store *st, const char *code, char out[ID_LEN], struct cn_err *err)
{
	sqlite3_stmt *stmt = store_cached(
		st, "SELECT id FROM person WHERE code = ?1 AND deleted_at IS NULL", err);
	int rc;

	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		store_column_copy(stmt, 0, out, ID_LEN);
		rc = CN_OK;
	} else if (rc == SQLITE_DONE) {
		rc = cn_err_set(err, CN_ENOTFOUND,
		                "usager inconnu « %s » (créez-le d'abord : carnet person new --code %s)",
		                code, code);
	} else {
		rc = store_fail(st, err, "lecture des usagers impossible");
	}
	sqlite3_reset(stmt);
	return rc;
}
