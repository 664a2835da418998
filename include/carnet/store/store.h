/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SQLite database of one desk: opening, schema migrations, transactions. */
#ifndef CARNET_STORE_H
#define CARNET_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>
#include "carnet/model/codes.h"
#include "carnet/model/err.h"

/* PRAGMA application_id of carnet databases ("CRNT"). */
#define STORE_APPLICATION_ID 0x43524e54

struct store;

/* Opens (and creates, mode 0600, with its directories) the database at
 * path, then brings its schema up to date. A database from a newer carnet
 * or from another program is refused and left untouched. */
int store_open(struct store **out, const char *path, struct cn_err *err);
/* The same for a database that must exist already: the commands that only
 * read never create one (CN_ENOTFOUND, "base introuvable"). */
int store_open_existing(struct store **out, const char *path, struct cn_err *err);
/* Before anything else opens a database: the program has one thread, so
 * SQLite is set up without any mutex nor memory statistics. */
void store_library_init(void);
/* A connection of its own to read other databases through store_attach,
 * while another one writes in a transaction (which could not detach a
 * database it has read before it commits): no database of its own. */
int store_open_reader(struct store **out, struct cn_err *err);
void store_close(struct store *st);
sqlite3 *store_db(struct store *st);
const char *store_path(const struct store *st);

/* Schema version this carnet writes. */
int store_schema_version(void);
/* $XDG_DATA_HOME/carnet/carnet.db, or ~/.local/share/carnet/carnet.db. */
int store_default_path(char *out, size_t size, struct cn_err *err);

/* One user action is one transaction: begin (immediate, so that two desks
 * writing the same file wait for each other), then commit or rollback. */
int store_begin(struct store *st, struct cn_err *err);
int store_commit(struct store *st, struct cn_err *err);
/* A read-only transaction: a consistent view, without blocking writers. */
int store_begin_read(struct store *st, struct cn_err *err);
/* Long bulk work (import, merge): a page cache of STORE_BULK_CACHE_KIB for
 * the rest of the connection, so that the index pages a large load touches
 * row after row stay in memory instead of being read and written again. */
#define STORE_BULK_CACHE_KIB (32 * 1024)
int store_bulk(struct store *st, struct cn_err *err);
/* Whether incoming records (of a merge or an import) make a large load:
 * more than twice the visits, workshops and times the base holds, when
 * building the indexes again costs less than updating them one by one. */
int store_large_load(struct store *st, long long incoming, bool *large, struct cn_err *err);
/* Inside a transaction: drops the indexes of table (a literal) that are
 * shortcuts, not rules (not UNIQUE), to build each once at the end of a
 * large load instead of updating it row after row. store_commit() builds
 * them again before committing; a rollback brings them back as they were. */
int store_indexes_defer(struct store *st, const char *table, struct cn_err *err);
int store_indexes_restore(struct store *st, struct cn_err *err);
/* While store_indexes_restore() builds: fn gets the work done and an
 * estimate of the whole, in thousands of SQLite steps (for a progress bar;
 * done may pass total). */
typedef void (*store_build_fn)(void *ctx, long long done, long long total);
void store_on_build(struct store *st, store_build_fn fn, void *ctx);
void store_rollback(struct store *st);
/* Ends the action begun with store_begin: commits when rc is CN_OK, rolls
 * back otherwise; returns the final status. */
int store_end(struct store *st, int rc, struct cn_err *err);
/* A consistent copy of the database in a new file (0600), made with SQLite's
 * online backup while others may write; an existing dest is refused. */
int store_backup(struct store *st, const char *dest, struct cn_err *err);
/* True when path names the database itself, one of its side files (-wal,
 * -shm, -journal, its drafts file, existing or not) or a copy made before a
 * schema upgrade (FILE.vN.bak): files nothing but carnet's SQLite may write. */
bool store_owns_path(const struct store *st, const char *path);
/* SQLite's integrity check: fn gets each problem; CN_EDB when there is one. */
typedef void (*store_check_fn)(void *ctx, const char *problem);
int store_check(struct store *st, store_check_fn fn, void *ctx, struct cn_err *err);
/* A number that changes when another connection (another program, another
 * desk on the file) has committed a change since the last call; cheap
 * enough to ask every second. -1 when it cannot be read. */
long store_data_version(struct store *st);
/* How long a statement waits for another program's write (ms); -1 for the
 * default (10 s, two desks sharing a file). The desk screen waits less:
 * a key never hangs on another program's long write. */
void store_busy_timeout(struct store *st, int ms);
/* The copies made before schema upgrades (FILE.vN.bak) that exist: fn gets
 * each path; returns how many. */
typedef void (*store_path_fn)(void *ctx, const char *path);
int store_upgrade_copies(const struct store *st, store_path_fn fn, void *ctx);
/* The database file's permission bits (0600 when carnet made it). */
unsigned store_file_mode(const struct store *st);

/* Attaches another carnet database read-only under the name schema (a
 * literal): refused (CN_EDB, nothing attached) when it is not a carnet
 * database, is of another schema version, has tables that are views or of
 * another shape, or fails SQLite's quick check. A file nothing else has
 * open is read immutable: no side file is made beside it, and it can be in
 * a folder this account cannot write to. */
int store_attach(struct store *st, const char *path, const char *schema, struct cn_err *err);
/* The same for a file store_attach has just accepted, without its quick
 * check again (the identity and the shape are checked again). */
int store_attach_again(struct store *st, const char *path, const char *schema,
                       struct cn_err *err);
void store_detach(struct store *st, const char *schema);
/* Bounds the work of what st runs next to `units` × 1000 steps of SQLite's
 * machine (0: no bound); a statement past it fails (SQLITE_INTERRUPT), as a
 * guard against a source whose reading would never end. */
void store_limit(struct store *st, long long units);

/* Multi-valued fields live in their record as codes joined by '|' in order
 * ("caf|cpam"); NULL when empty. */
int store_bind_codes(sqlite3_stmt *stmt, int idx, const struct codeset *set);
void store_column_codes(sqlite3_stmt *stmt, int col, struct codeset *set);

/* Formats the last SQLite error of st into err; returns CN_EDB. */
int store_fail(struct store *st, struct cn_err *err, const char *what);
/* Prepares sql or reports the error; NULL on failure. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql, struct cn_err *err);
/* The same statement, prepared once and kept by st for statements run once
 * per record in long runs: reset and without bindings when returned. The
 * caller resets it when done and never finalizes it. */
sqlite3_stmt *store_cached(struct store *st, const char *sql, struct cn_err *err);
/* The first column of the first row of sql, as an integer (0 when no row). */
int store_scalar(struct store *st, const char *sql, long *out, struct cn_err *err);
/* Binds text, or NULL when s is NULL or empty. */
int store_bind_text(sqlite3_stmt *stmt, int idx, const char *s);
/* Copies column text (empty string for NULL). */
void store_column_copy(sqlite3_stmt *stmt, int col, char *out, size_t size);

#endif
