/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* renameat2 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "carnet/store/store.h"
#include "carnet/model/text.h"

#define CACHE_MAX 16
#define DEFERRED_MAX 16
/* carnet has no threads: connections are opened without SQLite's mutexes
 * (SQLITE_OPEN_NOMUTEX). Two desks sharing one file wait this long for each
 * other. */
#define BUSY_MS 10000

struct store {
	sqlite3 *db;
	char path[PATH_MAX];
	/* Statements run once per record in long runs (import, merge). */
	struct {
		char *sql;
		sqlite3_stmt *stmt;
	} cache[CACHE_MAX];
	int next;   /* the slot a new statement takes when all are used */
	unsigned mode;   /* the file's permission bits when it was opened */
	long long budget, spent;   /* store_limit(): units of 1000 VM steps */
	/* store_indexes_defer(): the statements that build again the indexes
	 * dropped in the current transaction. */
	struct {
		char *sql;
		char table[32];
	} deferred[DEFERRED_MAX];
	int ndeferred;
	/* store_on_build(): told while they are built again. */
	store_build_fn build_fn;
	void *build_ctx;
	long long build_done, build_total;
};

/* Ordered migrations: migrations[i] brings the schema from version i to i+1.
 * Never edit a released step; add a new one. */
static const char *const migrations[] = {
	/* 0 -> 1: visits, their demands and organisms, persons and their profile. */
	"CREATE TABLE person ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  code TEXT NOT NULL UNIQUE,"
	"  age TEXT, gender TEXT, area TEXT, situation TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
	"CREATE TABLE person_equipment ("
	"  person_id TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	"  rank INTEGER NOT NULL, code TEXT NOT NULL,"
	"  PRIMARY KEY (person_id, rank)) WITHOUT ROWID;"
	"CREATE TABLE visit ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  date TEXT NOT NULL, time TEXT NOT NULL,"
	"  duration INTEGER NOT NULL CHECK (duration BETWEEN 1 AND 480),"
	"  site TEXT NOT NULL, mediator TEXT, canal TEXT NOT NULL, posture TEXT NOT NULL,"
	"  present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),"
	"  outcome TEXT,"
	"  urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),"
	"  referred_by TEXT, referred_to TEXT, referred_place TEXT,"
	"  person_id TEXT REFERENCES person(id),"
	"  note TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
	"CREATE TABLE visit_demand ("
	"  visit_id TEXT NOT NULL REFERENCES visit(id) ON DELETE CASCADE,"
	"  rank INTEGER NOT NULL, code TEXT NOT NULL,"
	"  PRIMARY KEY (visit_id, rank)) WITHOUT ROWID;"
	"CREATE TABLE visit_organism ("
	"  visit_id TEXT NOT NULL REFERENCES visit(id) ON DELETE CASCADE,"
	"  rank INTEGER NOT NULL, code TEXT NOT NULL,"
	"  PRIMARY KEY (visit_id, rank)) WITHOUT ROWID;"
	/* "Visits of one month" and "visits of one person" are range scans. */
	"CREATE INDEX visit_by_date ON visit(date, time);"
	"CREATE INDEX visit_by_person ON visit(person_id, date, time);",
	/* 1 -> 2: the desk screen's unsaved form, kept across crashes. */
	"CREATE TABLE draft ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  data TEXT NOT NULL, saved_at TEXT NOT NULL);",
	/* 2 -> 3: the date index also covers what reports count month by month
	 * (the 12-month trend reads no table row). */
	"DROP INDEX visit_by_date;"
	"CREATE INDEX visit_by_date ON visit(date, time, deleted_at, site, mediator);",
	/* 3 -> 4: multi-valued fields move into their record as codes joined by
	 * '|' in order ("caf|cpam"), read with the row instead of one lookup per
	 * visit in a child table; the person index also covers what a person's
	 * history needs (the report's autonomy pass reads no table row). */
	"ALTER TABLE visit ADD COLUMN demands TEXT;"
	"ALTER TABLE visit ADD COLUMN organisms TEXT;"
	"ALTER TABLE person ADD COLUMN equipment TEXT;"
	"UPDATE visit SET"
	"  demands = (SELECT group_concat(code, '|') FROM (SELECT code FROM visit_demand"
	"    WHERE visit_id = visit.id ORDER BY rank)),"
	"  organisms = (SELECT group_concat(code, '|') FROM (SELECT code FROM visit_organism"
	"    WHERE visit_id = visit.id ORDER BY rank));"
	"UPDATE person SET"
	"  equipment = (SELECT group_concat(code, '|') FROM (SELECT code FROM person_equipment"
	"    WHERE person_id = person.id ORDER BY rank));"
	"DROP TABLE visit_demand;"
	"DROP TABLE visit_organism;"
	"DROP TABLE person_equipment;"
	"DROP INDEX visit_by_person;"
	"CREATE INDEX visit_by_person"
	"  ON visit(person_id, date, time, created_at, id, posture, deleted_at, site, mediator);",
	/* 4 -> 5: versions of visits that lost to another desk's version in an
	 * import or a merge, each kept once, as its row of the exchange format. */
	"CREATE TABLE visit_history ("
	"  visit_id TEXT NOT NULL, updated_at TEXT NOT NULL, version TEXT NOT NULL,"
	"  kept_at TEXT NOT NULL,"
	"  PRIMARY KEY (visit_id, updated_at, version)) WITHOUT ROWID;",
	/* 5 -> 6: the rest of a mediator's work: workshops, their participants
	 * with a code (the anonymous attendees are counts in the workshop row),
	 * time outside accompaniment; and the versions of those records that
	 * lost in an import or a merge, as visit_history keeps the visits'. */
	"CREATE TABLE workshop ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  date TEXT NOT NULL, time TEXT NOT NULL,"
	"  duration INTEGER NOT NULL CHECK (duration BETWEEN 1 AND 480),"
	"  site TEXT NOT NULL, mediators TEXT, title TEXT, themes TEXT NOT NULL,"
	"  level TEXT, place TEXT,"
	"  registered INTEGER CHECK (registered IS NULL OR registered BETWEEN 0 AND 999),"
	"  anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous BETWEEN 0 AND 999),"
	"  anon_gender TEXT, anon_age TEXT, anon_situation TEXT, equipment TEXT, note TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
	"CREATE INDEX workshop_by_date ON workshop(date, time);"
	"CREATE TABLE workshop_participant ("
	"  workshop_id TEXT NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	"  rank INTEGER NOT NULL,"
	"  person_id TEXT NOT NULL REFERENCES person(id),"
	"  present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),"
	"  PRIMARY KEY (workshop_id, rank)) WITHOUT ROWID;"
	"CREATE INDEX participant_by_person ON workshop_participant(person_id);"
	"CREATE TABLE worktime ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  date TEXT NOT NULL, time TEXT NOT NULL,"
	"  duration INTEGER NOT NULL CHECK (duration BETWEEN 1 AND 720),"
	"  site TEXT NOT NULL, mediator TEXT, kind TEXT NOT NULL, note TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
	"CREATE INDEX worktime_by_date ON worktime(date, time);"
	"CREATE TABLE record_history ("
	"  kind TEXT NOT NULL, record_id TEXT NOT NULL, updated_at TEXT NOT NULL,"
	"  version TEXT NOT NULL, kept_at TEXT NOT NULL,"
	"  PRIMARY KEY (kind, record_id, updated_at, version)) WITHOUT ROWID;",
	/* 6 -> 7: a referral says how the person was referred, to which place
	 * of the directory, and, when the person came back, whether they got
	 * there and when that was answered; and the directory of places people
	 * are referred to, one column per column of the national standard of
	 * places of digital mediation (schema v1.0.2, multiple values joined by
	 * '|'), under carnet's own id (uid); the standard's id is unique among
	 * live places. */
	"ALTER TABLE visit ADD COLUMN referral_how TEXT;"
	"ALTER TABLE visit ADD COLUMN referral_place TEXT;"
	"ALTER TABLE visit ADD COLUMN referral_went TEXT;"
	"ALTER TABLE visit ADD COLUMN referral_answered TEXT;"
	"CREATE TABLE place ("
	"  uid TEXT PRIMARY KEY NOT NULL,"
	"  id TEXT NOT NULL, pivot TEXT NOT NULL, nom TEXT NOT NULL, commune TEXT NOT NULL,"
	"  code_postal TEXT NOT NULL, code_insee TEXT, adresse TEXT NOT NULL,"
	"  complement_adresse TEXT, latitude TEXT, longitude TEXT, typologie TEXT,"
	"  telephone TEXT, courriels TEXT, site_web TEXT, horaires TEXT,"
	"  presentation_resume TEXT, presentation_detail TEXT, source TEXT, itinerance TEXT,"
	"  structure_parente TEXT, date_maj TEXT NOT NULL, services TEXT,"
	"  publics_specifiquement_adresses TEXT, prise_en_charge_specifique TEXT,"
	"  frais_a_charge TEXT, dispositif_programmes_nationaux TEXT, formations_labels TEXT,"
	"  autres_formations_labels TEXT, modalites_acces TEXT, modalites_accompagnement TEXT,"
	"  fiche_acces_libre TEXT, prise_rdv TEXT,"
	"  category TEXT, bring TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);"
	"CREATE UNIQUE INDEX place_by_id ON place(id) WHERE deleted_at IS NULL;",
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_version(void)
{
	return SCHEMA_VERSION;
}

sqlite3 *store_db(struct store *st)
{
	return st->db;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

/* Why the last call failed, in French where SQLite's words have a
 * translation that says what to do. */
static const char *failure_reason(struct store *st)
{
	int code = sqlite3_extended_errcode(st->db);
	const char *why = sqlite3_errmsg(st->db);

	switch (code & 0xff) {
	case SQLITE_FULL:
		why = "le disque est plein";
		break;
	case SQLITE_INTERRUPT:
		why = "lecture arrêtée : elle demandait un travail sans rapport avec la taille de la "
		      "base (base endommagée ou piégée)";
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		why = "la base n'est pas accessible en écriture";
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		why = "le fichier est endommagé ou n'est pas une base de données";
		break;
	case SQLITE_IOERR:
		/* What the system said: a quota or a size limit is no room either. */
		switch (sqlite3_system_errno(st->db)) {
		case ENOSPC:
		case EDQUOT:
			why = "le disque est plein (ou le quota de ce compte est atteint)";
			break;
		case EFBIG:
			why = "le fichier dépasse la taille permise à ce compte (place insuffisante)";
			break;
		case EROFS:
			why = "le disque est en lecture seule";
			break;
		default:
			/* A write refused by the system is nearly always a lack of
			 * room that SQLite could not name (a quota, a file size limit). */
			why = code == SQLITE_IOERR_WRITE
			          ? "écriture refusée par le système : plus de place (disque, quota ou "
			            "taille de fichier permise)"
			          : "erreur d'entrée-sortie sur le disque";
		}
		break;
	default:
		break;
	}
	return why;
}

int store_fail(struct store *st, struct cn_err *err, const char *what)
{
	switch (sqlite3_extended_errcode(st->db) & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return cn_err_set(err, CN_EBUSY, "%s : %s : la base est occupée par un autre programme "
		                                 "(un import ou une fusion en cours ?), réessayez",
		                  st->path, what);
	default:
		return cn_err_set(err, CN_EDB, "%s : %s : %s", st->path, what, failure_reason(st));
	}
}

sqlite3_stmt *store_prepare(struct store *st, const char *sql, struct cn_err *err)
{
	sqlite3_stmt *stmt = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_fail(st, err, "requête impossible");
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

sqlite3_stmt *store_cached(struct store *st, const char *sql, struct cn_err *err)
{
	sqlite3_stmt *stmt = NULL;
	int i;

	for (i = 0; i < CACHE_MAX && st->cache[i].sql; i++)
		if (strcmp(st->cache[i].sql, sql) == 0) {
			sqlite3_reset(st->cache[i].stmt);
			sqlite3_clear_bindings(st->cache[i].stmt);
			return st->cache[i].stmt;
		}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) !=
	    SQLITE_OK) {
		store_fail(st, err, "requête impossible");
		sqlite3_finalize(stmt);
		return NULL;
	}
	if (i == CACHE_MAX) {
		i = st->next;
		st->next = (st->next + 1) % CACHE_MAX;
		sqlite3_finalize(st->cache[i].stmt);
		free(st->cache[i].sql);
		st->cache[i].sql = NULL;
	}
	if (!(st->cache[i].sql = strdup(sql))) {
		sqlite3_finalize(stmt);
		cn_err_set(err, CN_EDB, "mémoire insuffisante");
		return NULL;
	}
	st->cache[i].stmt = stmt;
	return stmt;
}

static void cache_clear(struct store *st)
{
	for (int i = 0; i < CACHE_MAX; i++) {
		sqlite3_finalize(st->cache[i].stmt);
		free(st->cache[i].sql);
		st->cache[i].sql = NULL;
		st->cache[i].stmt = NULL;
	}
	st->next = 0;
}

int store_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
}

void store_column_copy(sqlite3_stmt *stmt, int col, char *out, size_t size)
{
	const char *s = (const char *)sqlite3_column_text(stmt, col);
	text_copy(out, size, s ? s : "");
}

static int exec(struct store *st, const char *sql, struct cn_err *err, const char *what)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, what);
	return CN_OK;
}

int store_begin(struct store *st, struct cn_err *err)
{
	return exec(st, "BEGIN IMMEDIATE", err, "début de transaction impossible");
}

int store_begin_read(struct store *st, struct cn_err *err)
{
	return exec(st, "BEGIN", err, "lecture impossible");
}

static void deferred_forget(struct store *st)
{
	for (int i = 0; i < st->ndeferred; i++)
		free(st->deferred[i].sql);
	st->ndeferred = 0;
}

int store_commit(struct store *st, struct cn_err *err)
{
	int rc = store_indexes_restore(st, err);

	if (rc == CN_OK)
		rc = exec(st, "COMMIT", err, "enregistrement impossible");
	if (rc != CN_OK)
		store_rollback(st);
	return rc;
}

void store_rollback(struct store *st)
{
	/* The dropped indexes come back with the rollback. */
	deferred_forget(st);
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_bulk(struct store *st, struct cn_err *err)
{
	char sql[64];

	snprintf(sql, sizeof sql, "PRAGMA main.cache_size = -%d", STORE_BULK_CACHE_KIB);
	return exec(st, sql, err, "configuration de la base impossible");
}

int store_large_load(struct store *st, long long incoming, bool *large, struct cn_err *err)
{
	long here = 0;
	int rc = store_scalar(st, "SELECT (SELECT count(*) FROM visit) +"
	                          " (SELECT count(*) FROM workshop) +"
	                          " (SELECT count(*) FROM worktime)",
	                      &here, err);

	*large = rc == CN_OK && incoming > 0 && incoming > 2LL * here;
	return rc;
}

int store_indexes_defer(struct store *st, const char *table, struct cn_err *err)
{
	/* The unique indexes stay: they are rules, not shortcuts. */
	sqlite3_stmt *stmt = store_prepare(st,
	                                   "SELECT name, sql FROM main.sqlite_master WHERE type = "
	                                   "'index' AND tbl_name = ?1 AND sql IS NOT NULL AND "
	                                   "sql NOT LIKE 'CREATE UNIQUE%'",
	                                   err);
	char names[DEFERRED_MAX][128];
	int first = st->ndeferred, rc = CN_OK;

	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
	while (st->ndeferred < DEFERRED_MAX && sqlite3_step(stmt) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(stmt, 0);
		const char *build = (const char *)sqlite3_column_text(stmt, 1);

		if (strlen(name) >= sizeof names[0])
			continue;
		if (strlen(table) >= sizeof st->deferred[0].table)
			break;
		if (!(st->deferred[st->ndeferred].sql = strdup(build))) {
			rc = cn_err_set(err, CN_EDB, "mémoire insuffisante");
			break;
		}
		strcpy(st->deferred[st->ndeferred].table, table);
		strcpy(names[st->ndeferred++], name);
	}
	sqlite3_finalize(stmt);
	/* Dropped once the schema is no longer being read; the names come
	 * from carnet's own schema, checked on opening. */
	for (int i = first; rc == CN_OK && i < st->ndeferred; i++) {
		char drop[160];
		snprintf(drop, sizeof drop, "DROP INDEX main.\"%s\"", names[i]);
		rc = exec(st, drop, err, "enregistrement impossible");
	}
	return rc;
}

void store_on_build(struct store *st, store_build_fn fn, void *ctx)
{
	st->build_fn = fn;
	st->build_ctx = ctx;
}

static int building(void *ctx)
{
	struct store *st = ctx;

	st->build_fn(st->build_ctx, ++st->build_done, st->build_total);
	return 0;
}

/* SQLite takes about 8 steps a row, and one a column, to build an index:
 * the work ahead in thousands of steps, an estimate for a progress bar. */
static long long build_work(struct store *st)
{
	long long work = 0;

	for (int i = 0; i < st->ndeferred; i++) {
		char sql[96];
		long rows = 0;
		long long columns = 1;
		struct cn_err ignored;

		/* The table's name comes from carnet's own schema. */
		snprintf(sql, sizeof sql, "SELECT count(*) FROM main.\"%s\"", st->deferred[i].table);
		if (store_scalar(st, sql, &rows, &ignored) != CN_OK)
			continue;
		for (const char *c = st->deferred[i].sql; *c; c++)
			columns += *c == ',';
		work += (8 + columns) * rows / 1000;
	}
	return work;
}

int store_indexes_restore(struct store *st, struct cn_err *err)
{
	char sql[64];
	int rc = CN_OK;
	/* Told only where no budget (store_limit) has the handler already. */
	bool told = st->ndeferred && st->build_fn && st->budget <= 0;

	/* SQLite sorts for an index in as much memory as the page cache may
	 * take, on top of it: a quarter keeps the peak near the load's. */
	if (st->ndeferred) {
		snprintf(sql, sizeof sql, "PRAGMA main.cache_size = -%d", STORE_BULK_CACHE_KIB / 4);
		rc = exec(st, sql, err, "configuration de la base impossible");
	}
	if (told) {
		st->build_done = 0;
		st->build_total = build_work(st);
		sqlite3_progress_handler(st->db, 1000, building, st);
	}
	for (int i = 0; rc == CN_OK && i < st->ndeferred; i++)
		rc = exec(st, st->deferred[i].sql, err, "enregistrement impossible");
	if (told)
		sqlite3_progress_handler(st->db, 0, NULL, NULL);
	deferred_forget(st);
	return rc;
}

int store_end(struct store *st, int rc, struct cn_err *err)
{
	if (rc != CN_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, err);
}

int store_bind_codes(sqlite3_stmt *stmt, int idx, const struct codeset *set)
{
	char joined[CODESET_MAX * CODE_MAX];

	if (!set->n || !codeset_join(set, "|", joined, sizeof joined))
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, joined, -1, SQLITE_TRANSIENT);
}

void store_column_codes(sqlite3_stmt *stmt, int col, struct codeset *set)
{
	const char *p = (const char *)sqlite3_column_text(stmt, col);

	set->n = 0;
	/* Stored codes are kept as they are, even unknown to this desk's lists. */
	while (p && *p && set->n < CODESET_MAX) {
		size_t len = strcspn(p, "|");
		if (len < CODE_MAX) {
			memcpy(set->v[set->n], p, len);
			set->v[set->n++][len] = '\0';
		}
		p += len;
		if (*p == '|')
			p++;
	}
}

int store_scalar(struct store *st, const char *sql, long *out, struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(st, sql, err);
	int rc;

	if (!stmt)
		return CN_EDB;
	rc = sqlite3_step(stmt);
	*out = rc == SQLITE_ROW ? (long)sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "lecture impossible");
	return CN_OK;
}

/* mkdir -p of the directory part of path, mode 0700. */
static int make_parents(const char *path, struct cn_err *err)
{
	char dir[PATH_MAX];
	char *p;

	if (!text_copy(dir, sizeof dir, path))
		return cn_err_set(err, CN_EDB, "%s : chemin trop long", path);
	p = strrchr(dir, '/');
	if (!p || p == dir)
		return CN_OK;
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST)
				return cn_err_set(err, CN_EDB, "%s : création du dossier impossible : %s",
				                  dir, strerror(errno));
			*p = c;
			if (c == '\0')
				break;
		}
	}
	return CN_OK;
}

static int copy_to(struct store *st, const char *dest, struct cn_err *err);
static int copy_complete(struct store *st, const char *dest, bool replace, struct cn_err *err);

/* rename() that never replaces: fails with EEXIST when dest exists. */
static int rename_new(const char *from, const char *to)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* A file system without it: link() refuses an existing name too. */
	if (link(from, to) != 0)
		return -1;
	unlink(from);
	return 0;
}

/* A rename is on disk once its folder is. */
static void sync_folder(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int fd;

	snprintf(dir, sizeof dir, "%.*s", !slash ? 1 : slash == path ? 1 : (int)(slash - path),
	         !slash ? "." : path);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

#define URI_MAX (PATH_MAX * 3 + 32)

/* "file:PATH?mode=ro" (immutable: "&immutable=1"), every byte of the path
 * but the unreserved ones percent-encoded. */
static void read_only_uri(const char *path, bool immutable, char out[URI_MAX])
{
	char *p = out + 5;

	memcpy(out, "file:", 5);
	for (const unsigned char *c = (const unsigned char *)path; *c && p < out + URI_MAX - 32;
	     c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		    strchr("/._-~", *c))
			*p++ = (char)*c;
		else
			p += sprintf(p, "%%%02X", *c);
	}
	strcpy(p, immutable ? "?mode=ro&immutable=1" : "?mode=ro");
}

/* A database nobody can write here: in a folder this account cannot write
 * to (SQLite could not make its -shm file), with no journal left to apply.
 * It is read as it is, and every write is refused. */
/* The folder of path is one this account cannot write to. */
static bool frozen_folder(const char *path)
{
	char dir[PATH_MAX];
	char *slash;

	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	return access(dir, W_OK) != 0;
}

static bool frozen(const char *path)
{
	char side[PATH_MAX + 8];
	struct stat sb;

	if (access(path, F_OK) != 0 || !frozen_folder(path))
		return false;
	snprintf(side, sizeof side, "%s-wal", path);
	if (stat(side, &sb) == 0 && sb.st_size > 0)
		return false;
	snprintf(side, sizeof side, "%s-shm", path);
	return access(side, F_OK) != 0;
}

/* Creates an empty file readable by its owner only, whatever the umask. */
static int create_private(const char *path, struct cn_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		if (errno == EEXIST)
			return CN_OK;
		return cn_err_set(err, CN_EDB, "%s : création de la base impossible : %s", path,
		                  strerror(errno));
	}
	if (fchmod(fd, 0600) != 0) {
		close(fd);
		return cn_err_set(err, CN_EDB, "%s : %s", path, strerror(errno));
	}
	close(fd);
	return CN_OK;
}

static int migrate(struct store *st, struct cn_err *err)
{
	char sql[128];

	for (;;) {
		long version;
		int rc = store_begin(st, err), v;

		if (rc != CN_OK)
			return rc;
		/* Read again under the write lock: another desk opening the same
		 * file may have brought it further meanwhile. */
		if ((rc = store_scalar(st, "PRAGMA user_version", &version, err)) != CN_OK) {
			store_rollback(st);
			return rc;
		}
		if (version >= SCHEMA_VERSION) {
			store_rollback(st);
			return CN_OK;
		}
		v = (int)version;
		if (exec(st, migrations[v], err, "mise à jour du schéma impossible") != CN_OK) {
			store_rollback(st);
			return CN_EDB;
		}
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
		         v + 1, STORE_APPLICATION_ID);
		if (exec(st, sql, err, "mise à jour du schéma impossible") != CN_OK) {
			store_rollback(st);
			return CN_EDB;
		}
		rc = store_commit(st, err);
		if (rc != CN_OK)
			return rc;
	}
}

/* Reads what the file is before anything may write to it: schema is "main"
 * or an attached database (a literal), path names it in messages. */
static int check_identity(struct store *st, const char *schema, const char *path, int *version,
                          struct cn_err *err)
{
	long app_id, objects, v;
	char sql[3][96];

	snprintf(sql[0], sizeof sql[0], "PRAGMA %s.application_id", schema);
	snprintf(sql[1], sizeof sql[1], "PRAGMA %s.user_version", schema);
	snprintf(sql[2], sizeof sql[2], "SELECT count(*) FROM %s.sqlite_master", schema);
	/* One read transaction: the three answers describe one state, even
	 * while another desk is creating the file. */
	if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    store_scalar(st, sql[0], &app_id, err) != CN_OK ||
	    store_scalar(st, sql[1], &v, err) != CN_OK ||
	    store_scalar(st, sql[2], &objects, err) != CN_OK) {
		int code = sqlite3_extended_errcode(st->db) & 0xff;
		/* The cause, told before the rollback clears it. */
		if (code != SQLITE_NOTADB && code != SQLITE_CORRUPT && code != SQLITE_ERROR) {
			int rc = store_fail(st, err, "lecture impossible");
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return rc;
		}
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return cn_err_set(err, CN_EDB,
		                  "%s : ce fichier n'est pas une base carnet lisible "
		                  "(fichier endommagé ou d'un autre programme) ; il n'a pas été modifié",
		                  path);
	}
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	*version = (int)v;
	if (app_id == 0 && *version == 0 && objects == 0)
		return CN_OK; /* a new, empty database */
	if (app_id != STORE_APPLICATION_ID)
		return cn_err_set(err, CN_EDB,
		                  "%s : ce fichier n'est pas une base carnet (base SQLite d'un autre "
		                  "programme) ; il n'a pas été modifié",
		                  path);
	if (*version > SCHEMA_VERSION)
		return cn_err_set(err, CN_EDB,
		                  "%s : cette base a été créée par une version plus récente de carnet "
		                  "(schéma %d, cette version connaît le schéma %d) ; mettez carnet à "
		                  "jour. La base n'a pas été modifiée.",
		                  path, *version, SCHEMA_VERSION);
	return CN_OK;
}

/* The WAL journal, set once per file. Switching needs the file to itself:
 * while another desk is creating it, wait (SQLite's busy handler does not
 * cover this step). */
static int set_wal(struct store *st, struct cn_err *err)
{
	for (int tries = 0;; tries++) {
		sqlite3_stmt *stmt = NULL;
		int rc = sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);

		if (rc == SQLITE_OK)
			rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc == SQLITE_ROW || rc == SQLITE_DONE)
			return CN_OK;
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			return store_fail(st, err, "configuration de la base impossible");
		if (tries == 500)
			return store_fail(st, err, "configuration de la base impossible");
		sqlite3_sleep(20);
	}
}

static int open_db(struct store **out, const char *path, bool create, struct cn_err *err)
{
	struct store *st;
	struct stat sb;
	int rc, version = 0;

	*out = NULL;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return cn_err_set(err, CN_EDB, "« %s » est un dossier, pas une base de données (--db "
		                               "FICHIER)", path);
	if (!create && stat(path, &sb) != 0)
		return cn_err_set(err, errno == ENOENT || errno == ENOTDIR ? CN_ENOTFOUND : CN_EDB,
		                  "base introuvable : %s (%s) ; rien n'a été créé. Vérifiez --db ou "
		                  "$CARNET_DB : une base naît du premier enregistrement (carnet add, "
		                  "carnet import ou l'écran de saisie)",
		                  path, strerror(errno));
	if (create &&
	    ((rc = make_parents(path, err)) != CN_OK || (rc = create_private(path, err)) != CN_OK))
		return rc;
	st = calloc(1, sizeof *st);
	if (!st)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	text_copy(st->path, sizeof st->path, path);
	st->mode = stat(path, &sb) == 0 ? (unsigned)(sb.st_mode & 07777) : 0600;
	if (frozen(path)) {
		char uri[URI_MAX];
		read_only_uri(path, true, uri);
		rc = sqlite3_open_v2(uri, &st->db,
		                     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	} else {
		rc = sqlite3_open_v2(path, &st->db,
		                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	}
	if (rc != SQLITE_OK) {
		rc = store_fail(st, err, "ouverture impossible");
		store_close(st);
		return rc;
	}
	sqlite3_extended_result_codes(st->db, 1);
	/* Two desks sharing one file wait for each other instead of failing. */
	sqlite3_busy_timeout(st->db, BUSY_MS);
	rc = check_identity(st, "main", path, &version, err);
	if (rc == CN_OK)
		rc = set_wal(st, err);
	if (rc == CN_OK)
		rc = exec(st, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", err,
		          "configuration de la base impossible");
	if (rc == CN_OK && version > 0 && version < SCHEMA_VERSION) {
		/* A copy of the database as it was, next to it, before its schema
		 * changes: "carnet.db.v3.bak". */
		char bak[PATH_MAX + 16];
		snprintf(bak, sizeof bak, "%s.v%d.bak", path, version);
		rc = copy_complete(st, bak, true, err);
	}
	if (rc == CN_OK && version < SCHEMA_VERSION)
		rc = migrate(st, err);
	if (rc != CN_OK) {
		store_close(st);
		return rc;
	}
	*out = st;
	return CN_OK;
}

int store_open(struct store **out, const char *path, struct cn_err *err)
{
	return open_db(out, path, true, err);
}

int store_open_existing(struct store **out, const char *path, struct cn_err *err)
{
	return open_db(out, path, false, err);
}

void store_library_init(void)
{
	/* Refused (SQLITE_MISUSE, and nothing changes) once SQLite is in use. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int store_open_reader(struct store **out, struct cn_err *err)
{
	struct store *st = calloc(1, sizeof *st);

	*out = NULL;
	if (!st)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	text_copy(st->path, sizeof st->path, ":memory:");
	if (sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK) {
		int rc = store_fail(st, err, "ouverture impossible");
		store_close(st);
		return rc;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, BUSY_MS);
	*out = st;
	return CN_OK;
}

/* Nothing else is using the file (no -shm) and no journal waits in a -wal:
 * it can be read as it is, immutable, and SQLite makes no side file beside
 * it (nor needs a folder it may write to). */
static bool quiescent(const char *path)
{
	char side[PATH_MAX + 8];
	struct stat sb;

	snprintf(side, sizeof side, "%s-wal", path);
	if (stat(side, &sb) == 0 && sb.st_size > 0)
		return false;
	snprintf(side, sizeof side, "%s-shm", path);
	return access(side, F_OK) != 0;
}

/* The tables of an attached database are the tables of this one, with the
 * same columns: not views (a recursive view makes a read endless), not
 * tables of another shape. */
static int check_shape(struct store *st, const char *schema, const char *path,
                       struct cn_err *err)
{
	static const char shape_sql[] =
		"SELECT m.name, (SELECT count(*) FROM %s.sqlite_master s WHERE s.name = m.name"
		" AND s.type = 'table'),"
		" (SELECT group_concat(name, ',') FROM pragma_table_info(m.name, 'main')),"
		" (SELECT group_concat(name, ',') FROM pragma_table_info(m.name, '%s'))"
		" FROM main.sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%%'"
		" ORDER BY m.name";
	char sql[sizeof shape_sql + 64];
	sqlite3_stmt *stmt;
	int rc = CN_OK, step;

	snprintf(sql, sizeof sql, shape_sql, schema, schema);
	if (!(stmt = store_prepare(st, sql, err)))
		return CN_EDB;
	while (rc == CN_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(stmt, 0);
		const char *mine = (const char *)sqlite3_column_text(stmt, 2);
		const char *theirs = (const char *)sqlite3_column_text(stmt, 3);

		if (sqlite3_column_int(stmt, 1) != 1)
			rc = cn_err_set(err, CN_EDB, "%s : « %s » n'y est pas une table de carnet (vue ou "
			                             "objet d'un autre genre) ; elle n'est pas lue",
			                path, name);
		else if (!mine || !theirs || strcmp(mine, theirs) != 0)
			rc = cn_err_set(err, CN_EDB, "%s : la table « %s » n'a pas les colonnes d'une base "
			                             "carnet ; elle n'est pas lue",
			                path, name);
	}
	if (rc == CN_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "lecture impossible");
	sqlite3_finalize(stmt);
	return rc;
}

static int attach(struct store *st, const char *path, const char *schema, bool quick,
                  struct cn_err *err)
{
	char uri[URI_MAX], sql[128];
	sqlite3_stmt *stmt;
	long empty;
	int rc, version;

	read_only_uri(path, quiescent(path), uri);
	snprintf(sql, sizeof sql, "ATTACH DATABASE ?1 AS %s", schema);
	if (!(stmt = store_prepare(st, sql, err)))
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, uri, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return cn_err_set(err, CN_EDB, "%s : ouverture en lecture impossible : %s", path,
		                  failure_reason(st));
	rc = check_identity(st, schema, path, &version, err);
	if (rc == CN_EDB && !quiescent(path) && frozen_folder(path))
		rc = cn_err_set(err, CN_EDB,
		                "%s : son journal (%s-wal) attend d'être appliqué et le dossier n'est pas "
		                "modifiable : ouvrez-la une fois avec carnet sur son poste, ou copiez-la "
		                "avec son -wal dans un dossier à vous",
		                path, path);
	if (rc == CN_OK && version < SCHEMA_VERSION) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s.sqlite_master", schema);
		rc = store_scalar(st, sql, &empty, err);
		if (rc == CN_OK)
			rc = empty == 0 ? cn_err_set(err, CN_EDB, "%s : ce fichier n'est pas une base carnet"
			                                            " (fichier vide)", path)
			                : cn_err_set(err, CN_EDB,
			                             "%s : cette base vient d'une version plus ancienne de "
			                             "carnet (schéma %d) ; ouvrez-la une fois avec cette "
			                             "version pour la mettre à niveau",
			                             path, version);
	}
	if (rc == CN_OK)
		rc = check_shape(st, schema, path, err);
	if (rc == CN_OK && quick) {
		char verdict[256] = "";
		snprintf(sql, sizeof sql, "PRAGMA %s.quick_check", schema);
		if ((stmt = store_prepare(st, sql, err))) {
			if (sqlite3_step(stmt) == SQLITE_ROW)
				store_column_copy(stmt, 0, verdict, sizeof verdict);
			sqlite3_finalize(stmt);
		}
		if (strcmp(verdict, "ok") != 0)
			rc = cn_err_set(err, CN_EDB, "%s : base endommagée (%s) ; elle n'est pas lue", path,
			                verdict[0] ? verdict : sqlite3_errmsg(st->db));
	}
	if (rc != CN_OK)
		store_detach(st, schema);
	return rc;
}

int store_attach(struct store *st, const char *path, const char *schema, struct cn_err *err)
{
	return attach(st, path, schema, true, err);
}

int store_attach_again(struct store *st, const char *path, const char *schema,
                       struct cn_err *err)
{
	return attach(st, path, schema, false, err);
}

/* Counts progress calls; past the budget, the statement is interrupted. */
static int over_budget(void *ctx)
{
	struct store *st = ctx;
	return ++st->spent > st->budget;
}

void store_limit(struct store *st, long long units)
{
	st->spent = 0;
	st->budget = units;
	sqlite3_progress_handler(st->db, units > 0 ? 1000 : 0, units > 0 ? over_budget : NULL, st);
}

void store_detach(struct store *st, const char *schema)
{
	char sql[64];

	/* Cached statements may read the attached database. */
	cache_clear(st);
	snprintf(sql, sizeof sql, "DETACH DATABASE %s", schema);
	sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

/* Copies the database into a new file at dest with SQLite's online backup:
 * one consistent state, while other connections go on writing. */
static int copy_to(struct store *st, const char *dest, struct cn_err *err)
{
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	int rc;

	if (create_private(dest, err) != CN_OK)
		return CN_EDB;
	if (sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = cn_err_set(err, CN_EDB, "%s : %s", dest, sqlite3_errmsg(to));
		sqlite3_close_v2(to);
		return rc;
	}
	sqlite3_busy_timeout(to, 10000);
	b = sqlite3_backup_init(to, "main", st->db, "main");
	if (!b) {
		rc = cn_err_set(err, CN_EDB, "%s : copie impossible : %s", dest, sqlite3_errmsg(to));
		sqlite3_close_v2(to);
		return rc;
	}
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		rc = cn_err_set(err, CN_EDB, "%s : copie impossible : %s", dest,
		                rc == SQLITE_FULL ? "disque plein" : sqlite3_errstr(rc));
		sqlite3_close_v2(to);
		return rc;
	}
	/* The copy is one file, whatever the journal mode of the original. */
	sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	rc = sqlite3_close_v2(to) == SQLITE_OK ? CN_OK
	                                       : cn_err_set(err, CN_EDB, "%s : écriture incomplète", dest);
	return rc;
}

/* The copy under a temporary name in dest's folder, given its final name
 * only once complete: a copy cut short (killed, disk full) never looks
 * whole. With `replace`, an existing dest is replaced; without, refused. */
static int copy_complete(struct store *st, const char *dest, bool replace, struct cn_err *err)
{
	char tmp[PATH_MAX + 16];
	int fd, rc;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", dest) >= (int)sizeof tmp)
		return cn_err_set(err, CN_EINVAL, "%s : chemin trop long", dest);
	if ((fd = mkstemp(tmp)) < 0)
		return cn_err_set(err, CN_EDB, "%s : création impossible : %s", dest, strerror(errno));
	close(fd);
	if ((rc = copy_to(st, tmp, err)) != CN_OK) {
		unlink(tmp);
		return rc;
	}
	if (replace ? rename(tmp, dest) != 0 : rename_new(tmp, dest) != 0) {
		rc = errno == EEXIST ? cn_err_set(err, CN_EINVAL, "%s existe déjà : choisissez un autre nom",
		                                  dest)
		                     : cn_err_set(err, CN_EDB, "%s : %s", dest, strerror(errno));
		unlink(tmp);
		return rc;
	}
	sync_folder(dest);
	return CN_OK;
}

int store_backup(struct store *st, const char *dest, struct cn_err *err)
{
	struct stat sb;

	if (lstat(dest, &sb) == 0)
		return cn_err_set(err, CN_EINVAL, "%s existe déjà : choisissez un autre nom", dest);
	if (store_owns_path(st, dest))
		return cn_err_set(err, CN_EINVAL, "%s : c'est le nom d'un fichier de la base elle-même ; "
		                                  "choisissez un autre nom", dest);
	return copy_complete(st, dest, false, err);
}

/* dest's canonical form: its folder resolved, its own name kept. */
static bool canonical(const char *path, char out[PATH_MAX])
{
	char dir[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;

	if (!*name)
		return false;
	snprintf(dir, sizeof dir, "%.*s", !slash ? 1 : slash == path ? 1 : (int)(slash - path),
	         !slash ? "." : path);
	if (!realpath(dir, real))
		return false;
	return snprintf(out, PATH_MAX, "%s/%s", strcmp(real, "/") ? real : "", name) < PATH_MAX;
}

static bool same_inode(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

bool store_owns_path(const struct store *st, const char *path)
{
	static const char *const sides[] = {"", "-wal", "-shm", "-journal", ".brouillons",
	                                    ".brouillons-journal"};
	char mine[PATH_MAX], theirs[PATH_MAX], side[PATH_MAX + 16];
	size_t n;

	if (!canonical(st->path, mine) || !canonical(path, theirs))
		return same_inode(path, st->path);
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		snprintf(side, sizeof side, "%s%s", st->path, sides[i]);
		if (same_inode(path, side))
			return true;
		snprintf(side, sizeof side, "%s%s", mine, sides[i]);
		if (strcmp(side, theirs) == 0)
			return true;
	}
	/* The copies made before a schema upgrade: "carnet.db.v4.bak". */
	n = strlen(mine);
	if (strncmp(theirs, mine, n) == 0 && strncmp(theirs + n, ".v", 2) == 0) {
		const char *p = theirs + n + 2;
		if (*p >= '0' && *p <= '9') {
			while (*p >= '0' && *p <= '9')
				p++;
			return strcmp(p, ".bak") == 0;
		}
	}
	return false;
}

int store_check(struct store *st, store_check_fn fn, void *ctx, struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "PRAGMA integrity_check", err);
	int rc, problems = 0;

	if (!stmt)
		return CN_EDB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(stmt, 0);
		if (line && strcmp(line, "ok") != 0) {
			problems++;
			fn(ctx, line);
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "vérification impossible");
	return problems ? cn_err_set(err, CN_EDB, "%d problème%s trouvé%s", problems,
	                             problems > 1 ? "s" : "", problems > 1 ? "s" : "")
	                : CN_OK;
}

long store_data_version(struct store *st)
{
	long v = -1;
	struct cn_err ignored;

	store_scalar(st, "PRAGMA data_version", &v, &ignored);
	return v;
}

void store_busy_timeout(struct store *st, int ms)
{
	sqlite3_busy_timeout(st->db, ms < 0 ? BUSY_MS : ms);
}

int store_upgrade_copies(const struct store *st, store_path_fn fn, void *ctx)
{
	char bak[PATH_MAX + 32];
	int n = 0;

	for (int v = 1; v < SCHEMA_VERSION; v++) {
		snprintf(bak, sizeof bak, "%s.v%d.bak", st->path, v);
		if (access(bak, F_OK) == 0) {
			n++;
			if (fn)
				fn(ctx, bak);
		}
	}
	return n;
}

unsigned store_file_mode(const struct store *st)
{
	return st->mode;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	cache_clear(st);
	deferred_forget(st);
	sqlite3_close_v2(st->db);
	free(st);
}

int store_default_path(char *out, size_t size, struct cn_err *err)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;

	if (xdg && *xdg == '/')
		n = snprintf(out, size, "%s/carnet/carnet.db", xdg);
	else if (home && *home)
		n = snprintf(out, size, "%s/.local/share/carnet/carnet.db", home);
	else
		return cn_err_set(err, CN_EDB,
		                  "impossible de trouver le dossier des données : HOME n'est pas "
		                  "défini (utilisez --db FICHIER)");
	if (n < 0 || (size_t)n >= size)
		return cn_err_set(err, CN_EDB, "chemin de la base trop long");
	return CN_OK;
}
