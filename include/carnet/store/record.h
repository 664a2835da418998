/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The exchange record: one visit with its person's code and profile, as
 * export writes it, import reads it and merge moves it between databases,
 * and as visit_history keeps the versions that lost. Its CSV form is
 * documented in carnet(1), FORMAT D'ÉCHANGE. */
#ifndef CARNET_RECORD_H
#define CARNET_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "carnet/model/csv.h"
#include "carnet/model/lists.h"
#include "carnet/model/person.h"
#include "carnet/store/store.h"
#include "carnet/model/visit.h"
#include "carnet/store/visit_store.h"

/* The columns, in the order export writes them. */
enum record_col {
	RC_ID, RC_DATE, RC_TIME, RC_DURATION, RC_SITE, RC_MEDIATOR, RC_CANAL, RC_DEMANDS,
	RC_ORGANISMS, RC_POSTURE, RC_PRESENT, RC_OUTCOME, RC_URGENT, RC_REFERRED_BY,
	RC_REFERRED_TO, RC_REFERRED_PLACE, RC_NOTE, RC_CREATED, RC_UPDATED, RC_DELETED,
	RC_PERSON, RC_PERSON_ID, RC_AGE, RC_GENDER, RC_AREA, RC_SITUATION, RC_EQUIPMENT,
	RC_PERSON_CREATED, RC_PERSON_UPDATED,
	RC_COUNT
};

/* v.person and p.code are the same code, empty for an anonymous visit. */
struct record {
	struct visit v;
	struct person p;
};

/* The column's name in the header ("duree"), and the column of a name or -1. */
const char *record_column_name(enum record_col col);
int record_column(const char *name);

void record_init(struct record *r);
/* Sets a column from its text; CN_EINVAL with a French reason when the text
 * cannot be that column's value (a number, 0 or 1, a date, codes…). Whether
 * the codes are known is record_validate's business. */
int record_set(struct record *r, enum record_col col, const char *text, struct cn_err *err);
/* The same for a text of len bytes that record_utf8 has taken. */
int record_set_utf8(struct record *r, enum record_col col, const char *text, size_t len,
                    struct cn_err *err);
/* Whether the n bytes at s are UTF-8 without a NUL (utf8_valid, at once for
 * ASCII): what record_set asks of every value. */
bool record_utf8(const char *s, size_t n);
/* record_set() taking also what a spreadsheet writes back: times with
 * seconds ("09:05:00") and dates as JJ/MM/AAAA. */
int record_set_sheet(struct record *r, enum record_col col, const char *text,
                     struct cn_err *err);
/* What a spreadsheet wrote back in column col, in the form record_set
 * takes (a time with seconds, a date JJ/MM/AAAA): text itself, or norm. */
const char *record_sheet_value(enum record_col col, const char *text, char norm[16]);
/* The readers of one value, shared by every type of row of the format (see
 * store/exchange_row.h), each with its French reason: a text of at most
 * size - 1 bytes; a timestamp (empty: none); a date and a time as they
 * are written (checked by the record's rules); codes joined by '|', each
 * well-formed and once; minutes from DURATION_MIN to max. */
int record_set_text(char *slot, size_t size, const char *text, struct cn_err *err);
int record_set_timestamp(char slot[TS_LEN], const char *text, struct cn_err *err);
int record_set_date(char out[DATE_LEN], const char *text, struct cn_err *err);
int record_set_hhmm(char out[HHMM_LEN], const char *text, struct cn_err *err);
int record_set_codes(struct codeset *set, const char *text, struct cn_err *err);
int record_set_minutes(int *minutes, const char *text, int max, struct cn_err *err);
/* The rules of `carnet add` on the whole record, codes unknown to ls kept and
 * noted in u; *col names the column at fault. */
int record_validate(const struct record *r, const struct lists *ls, struct unknown_codes *u,
                    enum record_col *col, struct cn_err *err);
/* What every record of another desk must have: a UUID, its creation and
 * change times (the columns id, cree, modifie). */
int record_check_identity(const char *id, const char *created, const char *updated,
                          enum record_col *col, struct cn_err *err);
/* A person's part of a row (usager to usager_modifie): usager_id a UUID or
 * empty, both times, the profile by the rules of `carnet person new`. */
int record_validate_person(const struct person *p, const struct lists *ls,
                           struct unknown_codes *u, enum record_col *col, struct cn_err *err);

/* The text of a column: the record's own string, or small filled in. */
#define RECORD_SMALL (CODESET_MAX * CODE_MAX)
const char *record_column_text(const struct record *r, enum record_col col,
                               char small[RECORD_SMALL]);
/* Whether the column holds a value a spreadsheet must read as such (an id,
 * a date, a time, a number, a flag, a timestamp), written without the
 * guard of texts. */
bool record_value_column(enum record_col col);

void record_write_header(FILE *f);
/* One CSV row (separator ',', CRLF at the end when eol). */
void record_write(FILE *f, const struct record *r, int eol);
/* The visit part of the row (person profile left out): what two desks
 * compare, and what visit_history keeps. Returns a malloc'd string or NULL. */
char *record_visit_line(const struct record *r);
/* What write writes of arg, as a malloc'd string (no line end), or NULL. */
char *record_line_of(void (*write)(FILE *f, const void *arg), const void *arg);

/* Records of a database, by date, tombstones included: schema is "main" or
 * the name of an attached database (a literal, never user data); without
 * referral, the columns of version 1 only (record_read leaves the
 * referral's empty). */
sqlite3_stmt *record_select(struct store *st, const char *schema, const struct visit_filter *f,
                            bool referral, struct cn_err *err);
/* Whether a visit of the selection (tombstones included) has a referral's
 * way, place, answer or its time: what xrow_needs_v3 says of one. */
int record_select_has_referral(struct store *st, const struct visit_filter *f, bool *has,
                               struct cn_err *err);
/* Every record of schema, in no order, whatever its date holds (merge);
 * with compare, only those main does not hold already as they are (every
 * stored column the same, NULL and type included, the person by its code). */
sqlite3_stmt *record_select_all(struct store *st, const char *schema, bool compare,
                                struct cn_err *err);
/* The record of one visit id in schema, or CN_ENOTFOUND. */
int record_get(struct store *st, const char *schema, const char *id, struct record *out,
               struct cn_err *err);
/* A row of record_select or record_get as stored by this carnet. */
void record_read(sqlite3_stmt *stmt, struct record *r);
/* The same for a row from another database, which may be damaged or
 * hostile: every value through record_set, as an import row (a NUL, bad
 * UTF-8, an over-long text, a flag that is not 0 or 1…), and a visit whose
 * person row is missing; CN_EINVAL with *col the column at fault. */
int record_read_checked(sqlite3_stmt *stmt, struct record *r, enum record_col *col,
                        struct cn_err *err);
/* Columns from..to of a record from the statement's columns first, first+1… */
int record_read_columns(sqlite3_stmt *stmt, int first, enum record_col from, enum record_col to,
                        struct record *r, enum record_col *col, struct cn_err *err);

/* Export's trusted path: a row of record_select as this carnet stored it,
 * its values taken as they are when each reads back through record_set as
 * the same text (then record_write writes them unchanged); false when one
 * does not (a row written by something else: record_read's way then).
 * With referral, the referral's four columns too (rs->s[RC_COUNT…]). The
 * texts are SQLite's, valid until the next step. */
struct record_stored {
	const char *s[RC_COUNT + 4];
	size_t n[RC_COUNT + 4];
};
bool record_stored(sqlite3_stmt *stmt, bool referral, struct record_stored *rs);
/* What record_write writes of it (no line end), with a ',' first unless
 * first. */
void record_stored_write(struct csv_out *o, const struct record_stored *rs, int first);

/* visit_history: versions that lost, each kept once, as the visit part of
 * their exchange row. */
int record_keep_line(struct store *st, const char *id, const char *updated, const char *line,
                     struct cn_err *err);
int record_keep(struct store *st, const struct record *r, struct cn_err *err);
/* Two saves met (CN_ECONFLICT): v is saved over `theirs`, the version
 * stored meanwhile, which is kept in visit_history; one transaction. */
int record_save_over(struct store *st, const struct lists *ls, struct visit *v,
                     const struct record *theirs, struct cn_err *err);
/* The other choice: v, never saved, is kept in visit_history (as of now). */
int record_keep_unsaved(struct store *st, const struct visit *v, struct cn_err *err);

#endif
