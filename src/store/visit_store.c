/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include "carnet/model/text.h"
#include "carnet/store/person_store.h"
#include "carnet/store/records.h"
#include "carnet/store/visit_store.h"

/* Columns read by every query; read_row() knows their order. */
#define VISIT_COLUMNS                                                                   \
	"v.id, v.date, v.time, v.duration, v.site, v.mediator, v.canal, v.posture, "       \
	"v.present, v.outcome, v.urgent, v.referred_by, v.referred_to, v.referred_place, " \
	"p.code, v.note, v.created_at, v.updated_at, v.deleted_at, v.demands, "            \
	"v.organisms, v.referral_how, v.referral_place, v.referral_went, "                 \
	"v.referral_answered FROM visit v LEFT JOIN person p ON p.id = v.person_id "

static void read_row(sqlite3_stmt *stmt, struct visit *v)
{
	visit_init(v);
	store_column_copy(stmt, 0, v->id, sizeof v->id);
	store_column_copy(stmt, 1, v->date, sizeof v->date);
	store_column_copy(stmt, 2, v->time, sizeof v->time);
	v->duration = sqlite3_column_int(stmt, 3);
	store_column_copy(stmt, 4, v->site, sizeof v->site);
	store_column_copy(stmt, 5, v->mediator, sizeof v->mediator);
	store_column_copy(stmt, 6, v->canal, sizeof v->canal);
	store_column_copy(stmt, 7, v->posture, sizeof v->posture);
	v->present = sqlite3_column_int(stmt, 8) != 0;
	store_column_copy(stmt, 9, v->outcome, sizeof v->outcome);
	v->urgent = sqlite3_column_int(stmt, 10) != 0;
	store_column_copy(stmt, 11, v->referred_by, sizeof v->referred_by);
	store_column_copy(stmt, 12, v->referred_to, sizeof v->referred_to);
	store_column_copy(stmt, 13, v->referred_place, sizeof v->referred_place);
	store_column_copy(stmt, 14, v->person, sizeof v->person);
	store_column_copy(stmt, 15, v->note, sizeof v->note);
	store_column_copy(stmt, 16, v->created, sizeof v->created);
	store_column_copy(stmt, 17, v->updated, sizeof v->updated);
	store_column_copy(stmt, 18, v->deleted, sizeof v->deleted);
	store_column_codes(stmt, 19, &v->demands);
	store_column_codes(stmt, 20, &v->organisms);
	store_column_copy(stmt, 21, v->referral_how, sizeof v->referral_how);
	store_column_copy(stmt, 22, v->referral_place, sizeof v->referral_place);
	store_column_copy(stmt, 23, v->referral_went, sizeof v->referral_went);
	store_column_copy(stmt, 24, v->referral_answered, sizeof v->referral_answered);
}

/* Inserts or replaces the visit row; inside a transaction. */
static int write_visit(struct store *st, const struct visit *v, bool insert,
                       struct cn_err *err)
{
	static const char *const insert_sql =
		"INSERT INTO visit (date, time, duration, site, mediator, canal, posture, present,"
		" outcome, urgent, referred_by, referred_to, referred_place, person_id, note,"
		" created_at, updated_at, id, demands, organisms, deleted_at, referral_how,"
		" referral_place, referral_went, referral_answered)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
		" ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)";
	static const char *const update_sql =
		"UPDATE visit SET date = ?1, time = ?2, duration = ?3, site = ?4, mediator = ?5,"
		" canal = ?6, posture = ?7, present = ?8, outcome = ?9, urgent = ?10,"
		" referred_by = ?11, referred_to = ?12, referred_place = ?13, person_id = ?14,"
		" note = ?15, created_at = ?16, updated_at = ?17, demands = ?19, organisms = ?20,"
		" deleted_at = ?21, referral_how = ?22, referral_place = ?23, referral_went = ?24,"
		" referral_answered = ?25 WHERE id = ?18";
	char person_id[ID_LEN] = "";
	sqlite3_stmt *stmt;
	int rc;

	if (v->person[0] && (rc = person_id_of(st, v->person, person_id, err)) != CN_OK) {
		err->field = VF_PERSON;
		return rc;
	}
	stmt = store_cached(st, insert ? insert_sql : update_sql, err);
	if (!stmt)
		return CN_EDB;
	store_bind_text(stmt, 1, v->date);
	store_bind_text(stmt, 2, v->time);
	sqlite3_bind_int(stmt, 3, v->duration);
	store_bind_text(stmt, 4, v->site);
	store_bind_text(stmt, 5, v->mediator);
	store_bind_text(stmt, 6, v->canal);
	store_bind_text(stmt, 7, v->posture);
	sqlite3_bind_int(stmt, 8, v->present);
	store_bind_text(stmt, 9, v->outcome);
	sqlite3_bind_int(stmt, 10, v->urgent);
	store_bind_text(stmt, 11, v->referred_by);
	store_bind_text(stmt, 12, v->referred_to);
	store_bind_text(stmt, 13, v->referred_place);
	store_bind_text(stmt, 14, person_id);
	store_bind_text(stmt, 15, v->note);
	store_bind_text(stmt, 16, v->created);
	store_bind_text(stmt, 17, v->updated);
	store_bind_text(stmt, 18, v->id);
	store_bind_codes(stmt, 19, &v->demands);
	store_bind_codes(stmt, 20, &v->organisms);
	store_bind_text(stmt, 21, v->deleted);
	store_bind_text(stmt, 22, v->referral_how);
	store_bind_text(stmt, 23, v->referral_place);
	store_bind_text(stmt, 24, v->referral_went);
	store_bind_text(stmt, 25, v->referral_answered);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? CN_OK
	                                       : store_fail(st, err, "enregistrement impossible");
	sqlite3_reset(stmt);
	return rc;
}

int visit_put(struct store *st, const struct visit *v, bool insert, struct cn_err *err)
{
	return write_visit(st, v, insert, err);
}

/* A new person who comes with the visit: written in its transaction. */
static int new_person(struct store *st, const struct lists *ls, struct visit *v,
                      struct person *p, struct cn_err *err)
{
	int rc;

	if (!p)
		return CN_OK;
	text_copy(p->code, sizeof p->code, v->person);
	if ((rc = person_create_in(st, ls, p, err)) != CN_OK) {
		err->field = VF_PERSON;
		return rc;
	}
	text_copy(v->person, sizeof v->person, p->code);
	return CN_OK;
}

int visit_create_with(struct store *st, const struct lists *ls, struct visit *v,
                      struct person *p, struct cn_err *err)
{
	int rc = visit_validate(v, NULL, ls, err);

	if (rc != CN_OK)
		return rc;
	if ((rc = id_new_record(v->id, v->created, v->updated, v->deleted, err)) != CN_OK ||
	    (rc = store_begin(st, err)) != CN_OK)
		return rc;
	rc = new_person(st, ls, v, p, err);
	if (rc == CN_OK)
		rc = write_visit(st, v, true, err);
	return store_end(st, rc, err);
}

int visit_create(struct store *st, const struct lists *ls, struct visit *v, struct cn_err *err)
{
	return visit_create_with(st, ls, v, NULL, err);
}

int visit_update_with(struct store *st, const struct lists *ls, struct visit *v,
                      struct person *p, struct cn_err *err)
{
	int rc = store_begin(st, err);

	if (rc != CN_OK)
		return rc;
	rc = new_person(st, ls, v, p, err);
	if (rc == CN_OK)
		rc = visit_update_in(st, ls, v, err);
	return store_end(st, rc, err);
}

int visit_update(struct store *st, const struct lists *ls, struct visit *v, struct cn_err *err)
{
	return visit_update_with(st, ls, v, NULL, err);
}

int visit_update_in(struct store *st, const struct lists *ls, struct visit *v,
                    struct cn_err *err)
{
	struct visit prev;
	int rc = visit_get(st, v->id, false, &prev, err);

	/* Saved over the version it was read from, or not at all. */
	if (rc == CN_OK)
		rc = records_edit_check("passage", "ce passage", VF_ID, prev.id, prev.updated, v->id,
		                        v->updated, err);
	if (rc == CN_OK)
		rc = visit_validate(v, &prev, ls, err);
	if (rc == CN_OK)
		rc = records_edit_stamp(prev.created, prev.updated, v->created, v->updated,
		                        v->deleted, err);
	if (rc == CN_OK)
		rc = write_visit(st, v, false, err);
	return rc;
}

int visit_delete(struct store *st, const char *id, struct cn_err *err)
{
	return records_set_deleted(st, "visit", "passage", VF_ID, id, true, err);
}

int visit_undelete(struct store *st, const char *id, struct cn_err *err)
{
	return records_set_deleted(st, "visit", "passage", VF_ID, id, false, err);
}

int visit_habit_durations(struct store *st, const char *site, const char since[DATE_LEN],
                          const int *fixed, int nfixed, int *out, int max, struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(
		st,
		"SELECT duration FROM visit WHERE date >= ?1 AND site = ?2 AND deleted_at IS NULL"
		" GROUP BY duration HAVING count(*) > 5 ORDER BY count(*) DESC, duration",
		err);
	int n = 0, rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, since, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, site, -1, SQLITE_STATIC);
	while (n < max && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int d = sqlite3_column_int(stmt, 0), known = 0;
		for (int i = 0; i < nfixed; i++)
			known |= fixed[i] == d;
		if (!known)
			out[n++] = d;
	}
	sqlite3_finalize(stmt);
	/* Sorted, so that the keys read in order of length. */
	for (int i = 1; i < n; i++)
		for (int k = i; k > 0 && out[k - 1] > out[k]; k--) {
			int t = out[k];
			out[k] = out[k - 1];
			out[k - 1] = t;
		}
	return n;
}

int visit_code_used(struct store *st, enum visit_field f, const char *code, bool *used,
                    struct cn_err *err)
{
	/* The column is a literal chosen here, the code is bound. */
	sqlite3_stmt *stmt = store_prepare(
		st, f == VF_SITE ? "SELECT 1 FROM visit WHERE site = ?1 LIMIT 1"
		                 : "SELECT 1 FROM visit WHERE mediator = ?1 LIMIT 1",
		err);
	int rc;

	*used = false;
	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "lecture impossible");
	*used = rc == SQLITE_ROW;
	return CN_OK;
}

int visit_get(struct store *st, const char *id_or_prefix, bool with_deleted, struct visit *out,
              struct cn_err *err)
{
	char id[ID_LEN];
	sqlite3_stmt *stmt;
	int rc = records_find(st, "visit", "passage", VF_ID, id_or_prefix, with_deleted, id, err);

	if (rc != CN_OK)
		return rc;
	if (!(stmt = store_prepare(st, "SELECT " VISIT_COLUMNS "WHERE v.id = ?1", err)))
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		read_row(stmt, out);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? CN_OK : store_fail(st, err, "lecture impossible");
}

void visit_filter_bind(sqlite3_stmt *stmt, const struct visit_filter *f)
{
	/* Every date is at least "" and at most "9999-12-31": open bounds keep
	 * the range, and so the index. */
	sqlite3_bind_text(stmt, 1, f->from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, f->to[0] ? f->to : "9999-12-31", -1, SQLITE_TRANSIENT);
	records_bind_set(stmt, 3, &f->sites);
	records_bind_set(stmt, 4, &f->mediators);
}

int visit_each(struct store *st, const struct visit_filter *f, visit_fn fn, void *ctx,
               struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(
		st,
		"SELECT " VISIT_COLUMNS "WHERE " VISIT_FILTER_WHERE
		" AND (?5 OR v.deleted_at IS NULL)"
		" AND (?6 IS NULL OR v.person_id = (SELECT id FROM person WHERE code = ?6))"
		" ORDER BY v.date, v.time, v.created_at, v.id",
		err);
	int rc, stop = 0;

	if (!stmt)
		return CN_EDB;
	visit_filter_bind(stmt, f);
	sqlite3_bind_int(stmt, 5, f->with_deleted);
	store_bind_text(stmt, 6, f->person);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct visit v;
		read_row(stmt, &v);
		if ((stop = fn(&v, ctx)) != 0)
			break;
	}
	sqlite3_finalize(stmt);
	if (stop)
		return stop;
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "lecture impossible");
	return CN_OK;
}

int visit_answer_referral(struct store *st, const struct lists *ls, const char *id_or_prefix,
                          const char *code, struct cn_err *err)
{
	struct visit v;
	int rc = store_begin(st, err);

	if (rc != CN_OK)
		return rc;
	rc = visit_get(st, id_or_prefix, false, &v, err);
	if (rc == CN_OK && !v.referred_to[0])
		rc = cn_err_field(err, CN_EINVAL, VF_REFERRAL_WENT,
		                  "ce passage n'a pas d'orientation (« orienté vers » est vide)");
	if (rc == CN_OK) {
		text_copy(v.referral_went, sizeof v.referral_went, code);
		v.referral_answered[0] = '\0';
		if (code[0])
			rc = clock_timestamp(v.referral_answered, err);
	}
	/* visit_update_in moves updated_at on: the answer merges as a change. */
	if (rc == CN_OK)
		rc = visit_update_in(st, ls, &v, err);
	return store_end(st, rc, err);
}

int visit_open_referral(struct store *st, const char *person_id_or_code,
                        const char before[DATE_LEN], struct visit *out, struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(
		st,
		"SELECT " VISIT_COLUMNS "WHERE v.person_id = coalesce("
		"   (SELECT id FROM person WHERE id = ?1), (SELECT id FROM person WHERE code = ?1))"
		" AND v.deleted_at IS NULL AND v.date < ?2"
		" AND coalesce(v.referred_to, '') <> '' AND v.referral_went IS NULL"
		" ORDER BY v.date DESC, v.time DESC, v.created_at DESC, v.id DESC LIMIT 1",
		err);
	int rc;

	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, person_id_or_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, before, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		read_row(stmt, out);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return CN_OK;
	if (rc == SQLITE_DONE)
		return cn_err_set(err, CN_ENOTFOUND, "aucune orientation sans réponse");
	return store_fail(st, err, "lecture impossible");
}
