/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "carnet/store/draft.h"
#include "carnet/store/person_store.h"
#include "carnet/store/retention.h"

/* Runs sql with one or two bound texts; *changes gets the rows it changed. */
static int run(struct store *st, const char *sql, const char *a, const char *b, long *changes,
               struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int rc;

	if (!stmt)
		return CN_EDB;
	if (a)
		sqlite3_bind_text(stmt, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(stmt, 2, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && changes)
		*changes = (long)sqlite3_column_int64(stmt, 0);
	else if (rc == SQLITE_DONE && changes)
		*changes = (long)sqlite3_changes(store_db(st));
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CN_OK
	                                             : store_fail(st, err, "effacement impossible");
}

/* How long the journal's cleanup waits for other programs' reads. */
#define SCRUB_WAIT_MS 3000

/* After the deleting transaction: the freed pages were zeroed (secure
 * delete); the vacuum rebuilds the file without them and the journal is
 * emptied, so that the erased data is nowhere in the files. Another program
 * reading an older state keeps that state in the files until it closes:
 * that is told (CN_EBUSY), never hidden. */
static int scrub(struct store *st, struct cn_err *err)
{
	sqlite3 *db = store_db(st);
	int rc;

	if (sqlite3_exec(db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "nettoyage du fichier impossible");
	store_busy_timeout(st, SCRUB_WAIT_MS);
	rc = sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	store_busy_timeout(st, -1);
	if (rc == SQLITE_OK)
		return CN_OK;
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return cn_err_set(err, CN_EBUSY,
		                  "les données sont effacées de la base, mais encore présentes sur le "
		                  "disque (%s et son journal -wal) : un autre programme lit la base "
		                  "(l'écran de saisie d'un autre poste ?). Elles disparaîtront quand il "
		                  "la fermera ; fermez-le puis relancez la commande pour le vérifier",
		                  store_path(st));
	return store_fail(st, err, "nettoyage du journal impossible");
}

static int begin_secure(struct store *st, struct cn_err *err)
{
	if (sqlite3_exec(store_db(st), "PRAGMA secure_delete = ON", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "effacement sûr impossible");
	return store_begin(st, err);
}

/* A person's workshops dated before (or from) the day. */
#define PARTICIPATIONS(cmp)                                                               \
	" (SELECT 1 FROM workshop_participant wp JOIN workshop w ON w.id = wp.workshop_id"    \
	" WHERE wp.person_id = person.id AND w.date " cmp " ?1)"

/* Persons with no visit and no workshop left from the day on: those who
 * came before it, and those registered before it who never came. */
#define OLD_PERSONS                                                                       \
	" FROM person WHERE NOT EXISTS"                                                       \
	" (SELECT 1 FROM visit WHERE visit.person_id = person.id AND visit.date >= ?1)"       \
	" AND NOT EXISTS" PARTICIPATIONS(">=")                                                 \
	" AND (created_at < ?1 OR EXISTS"                                                     \
	" (SELECT 1 FROM visit WHERE visit.person_id = person.id AND visit.date < ?1)"        \
	" OR EXISTS" PARTICIPATIONS("<") ")"

int retention_purge(struct store *st, const char before[DATE_LEN], bool apply,
                    struct purge_counts *n, struct cn_err *err)
{
	int rc;

	memset(n, 0, sizeof *n);
	if (!apply) {
		if ((rc = store_begin_read(st, err)) != CN_OK)
			return rc;
		rc = run(st, "SELECT count(*) FROM visit WHERE date < ?1", before, NULL, &n->visits,
		         err);
		if (rc == CN_OK)
			rc = run(st, "SELECT count(*) FROM workshop WHERE date < ?1", before, NULL,
			         &n->workshops, err);
		if (rc == CN_OK)
			rc = run(st, "SELECT count(*) FROM worktime WHERE date < ?1", before, NULL,
			         &n->times, err);
		if (rc == CN_OK)
			rc = run(st, "SELECT count(*)" OLD_PERSONS, before, NULL, &n->persons, err);
		store_rollback(st);
		return rc;
	}
	if ((rc = begin_secure(st, err)) != CN_OK)
		return rc;
	/* The persons to erase are known before their visits go. */
	sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.gone", NULL, NULL, NULL);
	rc = run(st, "CREATE TEMP TABLE gone AS SELECT id" OLD_PERSONS, before, NULL, NULL, err);
	if (rc == CN_OK)
		rc = run(st,
		         "DELETE FROM visit_history WHERE visit_id IN"
		         " (SELECT id FROM visit WHERE date < ?1)",
		         before, NULL, NULL, err);
	if (rc == CN_OK)
		rc = run(st, "DELETE FROM visit WHERE date < ?1", before, NULL, &n->visits, err);
	/* Workshops and times: their kept versions, participants, and themselves. */
	if (rc == CN_OK)
		rc = run(st,
		         "DELETE FROM record_history WHERE (kind = 'atelier' AND record_id IN"
		         " (SELECT id FROM workshop WHERE date < ?1)) OR (kind = 'temps' AND"
		         " record_id IN (SELECT id FROM worktime WHERE date < ?1))",
		         before, NULL, NULL, err);
	if (rc == CN_OK)
		rc = run(st,
		         "DELETE FROM workshop_participant WHERE workshop_id IN"
		         " (SELECT id FROM workshop WHERE date < ?1)",
		         before, NULL, NULL, err);
	if (rc == CN_OK)
		rc = run(st, "DELETE FROM workshop WHERE date < ?1", before, NULL, &n->workshops,
		         err);
	if (rc == CN_OK)
		rc = run(st, "DELETE FROM worktime WHERE date < ?1", before, NULL, &n->times, err);
	if (rc == CN_OK)
		rc = run(st, "DELETE FROM person WHERE id IN (SELECT id FROM temp.gone)", NULL, NULL,
		         &n->persons, err);
	sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.gone", NULL, NULL, NULL);
	if ((rc = store_end(st, rc, err)) != CN_OK ||
	    (rc = drafts_purge(store_path(st), before, err)) != CN_OK)
		return rc;
	return scrub(st, err);
}

/* updated_at moved on to now, or just past itself when it is later. */
#define MOVED_ON                                                                          \
	"updated_at = CASE WHEN updated_at < ?2 THEN ?2 ELSE"                               \
	" strftime('%Y-%m-%dT%H:%M:%fZ', updated_at, '+0.001 seconds') END"

int retention_forget(struct store *st, const char *code, bool apply, struct forget_counts *n,
                     struct cn_err *err)
{
	struct person p;
	char now[TS_LEN];
	int rc;

	memset(n, 0, sizeof *n);
	if ((rc = person_get(st, code, &p, err)) != CN_OK)
		return rc;
	if (!apply) {
		rc = run(st, "SELECT count(*) FROM visit WHERE person_id = ?1", p.id, NULL, &n->visits,
		         err);
		if (rc == CN_OK)
			rc = run(st,
			         "SELECT count(DISTINCT workshop_id) FROM workshop_participant"
			         " WHERE person_id = ?1",
			         p.id, NULL, &n->workshops, err);
		return rc;
	}
	if ((rc = clock_timestamp(now, err)) != CN_OK || (rc = begin_secure(st, err)) != CN_OK)
		return rc;
	/* The versions kept from merges name the person too: those of the
	 * person's visits, and any other that holds the code (an earlier
	 * version of a visit now linked to someone else, or to no one). */
	rc = run(st,
	         "DELETE FROM visit_history WHERE visit_id IN (SELECT id FROM visit WHERE"
	         " person_id = ?1) OR instr(version, ?2) > 0",
	         p.id, p.code, NULL, err);
	/* The same for the workshops the person took part in. */
	if (rc == CN_OK)
		rc = run(st,
		         "DELETE FROM record_history WHERE (kind = 'atelier' AND record_id IN"
		         " (SELECT workshop_id FROM workshop_participant WHERE person_id = ?1))"
		         " OR instr(version, ?2) > 0",
		         p.id, p.code, NULL, err);
	/* The visits stay, anonymous; the change travels to other desks by merge. */
	if (rc == CN_OK)
		rc = run(st, "UPDATE visit SET person_id = NULL, " MOVED_ON " WHERE person_id = ?1",
		         p.id, now, &n->visits, err);
	/* In a workshop, present: one more anonymous attendee; absent: dropped. */
	if (rc == CN_OK)
		rc = run(st,
		         "UPDATE workshop SET anonymous = min(999, anonymous + (SELECT count(*)"
		         " FROM workshop_participant wp WHERE wp.workshop_id = workshop.id AND"
		         " wp.person_id = ?1 AND wp.present = 1)), " MOVED_ON " WHERE id IN"
		         " (SELECT workshop_id FROM workshop_participant WHERE person_id = ?1)",
		         p.id, now, &n->workshops, err);
	if (rc == CN_OK)
		rc = run(st, "DELETE FROM workshop_participant WHERE person_id = ?1", p.id, NULL, NULL,
		         err);
	/* A draft left in the database by an earlier carnet. */
	if (rc == CN_OK)
		rc = run(st, "DELETE FROM draft WHERE instr(data, ?1) > 0", p.code, NULL, NULL, err);
	if (rc == CN_OK)
		rc = run(st, "DELETE FROM person WHERE id = ?1", p.id, NULL, NULL, err);
	if ((rc = store_end(st, rc, err)) != CN_OK ||
	    (rc = drafts_forget(store_path(st), p.code, err)) != CN_OK)
		return rc;
	return scrub(st, err);
}

struct removal {
	store_path_fn told;
	void *ctx;
	int rc;
	struct cn_err *err;
};

static void remove_copy(void *ctx, const char *path)
{
	struct removal *r = ctx;

	if (unlink(path) == 0)
		r->told(r->ctx, path);
	else if (r->rc == CN_OK)
		r->rc = cn_err_set(r->err, CN_EDB, "%s : effacement impossible : %s ; effacez-la à la "
		                                   "main, elle garde les données effacées",
		                   path, strerror(errno));
}

int retention_remove_copies(struct store *st, store_path_fn told, void *ctx, struct cn_err *err)
{
	struct removal r = {told, ctx, CN_OK, err};

	store_upgrade_copies(st, remove_copy, &r);
	return r.rc;
}
