#include <string.h>
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

/* After the deleting transaction: the freed pages were zeroed (secure
 * delete); the vacuum rebuilds the file without them and the journal is
 * emptied, so that the erased data is nowhere in the files. */
static int scrub(struct store *st, struct cn_err *err)
{
	if (sqlite3_exec(store_db(st), "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL,
	                 NULL) != SQLITE_OK)
		return store_fail(st, err, "nettoyage du fichier impossible");
	return CN_OK;
}

static int begin_secure(struct store *st, struct cn_err *err)
{
	if (sqlite3_exec(store_db(st), "PRAGMA secure_delete = ON", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "effacement sûr impossible");
	return store_begin(st, err);
}

/* Persons with no visit left from the day on: those who came before it, and
 * those registered before it who never came. */
#define OLD_PERSONS                                                                       \
	" FROM person WHERE NOT EXISTS"                                                       \
	" (SELECT 1 FROM visit WHERE visit.person_id = person.id AND visit.date >= ?1)"       \
	" AND (created_at < ?1 OR EXISTS"                                                     \
	" (SELECT 1 FROM visit WHERE visit.person_id = person.id AND visit.date < ?1))"

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
	if (rc == CN_OK)
		rc = run(st, "DELETE FROM person WHERE id IN (SELECT id FROM temp.gone)", NULL, NULL,
		         &n->persons, err);
	sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.gone", NULL, NULL, NULL);
	if ((rc = store_end(st, rc, err)) != CN_OK)
		return rc;
	return scrub(st, err);
}

int retention_forget(struct store *st, const char *code, bool apply, long *visits,
                     struct cn_err *err)
{
	struct person p;
	char now[TS_LEN];
	int rc;

	*visits = 0;
	if ((rc = person_get(st, code, &p, err)) != CN_OK)
		return rc;
	if (!apply)
		return run(st, "SELECT count(*) FROM visit WHERE person_id = ?1", p.id, NULL, visits,
		           err);
	if ((rc = clock_timestamp(now, err)) != CN_OK || (rc = begin_secure(st, err)) != CN_OK)
		return rc;
	/* The versions kept from merges name the person too. */
	rc = run(st,
	         "DELETE FROM visit_history WHERE visit_id IN (SELECT id FROM visit WHERE"
	         " person_id = ?1)",
	         p.id, NULL, NULL, err);
	/* The visits stay, anonymous; the change travels to other desks by merge. */
	if (rc == CN_OK)
		rc = run(st, "UPDATE visit SET person_id = NULL, updated_at = ?2 WHERE person_id = ?1",
		         p.id, now, visits, err);
	if (rc == CN_OK)
		rc = run(st, "DELETE FROM draft WHERE instr(data, ?1) > 0", p.code, NULL, NULL, err);
	if (rc == CN_OK)
		rc = run(st, "DELETE FROM person WHERE id = ?1", p.id, NULL, NULL, err);
	if ((rc = store_end(st, rc, err)) != CN_OK)
		return rc;
	return scrub(st, err);
}
