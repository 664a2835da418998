/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A row of the exchange format, version 2 or 3: a visit (passage), a person alone
 * (usager), a workshop with its participants (atelier) or a time outside
 * accompaniment (temps), as export writes it, import reads it and merge
 * moves it between databases; and the versions of workshops and times that
 * lost, kept in record_history. Its CSV form is documented in carnet(1),
 * FORMAT D'ÉCHANGE; a passage is the record of store/record.h. */
#ifndef CARNET_EXCHANGE_ROW_H
#define CARNET_EXCHANGE_ROW_H

#include <stdbool.h>
#include <stdio.h>
#include "carnet/model/lists.h"
#include "carnet/model/person.h"
#include "carnet/model/workshop.h"
#include "carnet/model/worktime.h"
#include "carnet/store/record.h"
#include "carnet/store/store.h"

/* The columns: those of version 1 (enum record_col, 0 to RC_COUNT - 1),
 * then these. Version 2 writes `type` first, then the others in order up
 * to XC_KIND; version 3 adds the referral's columns of a visit after
 * them (a version 2 file has none of them, a version 3 file all). */
enum xrow_col {
	XC_TYPE = RC_COUNT,
	XC_TITLE,
	XC_THEMES,
	XC_LEVEL,
	XC_PLACE,
	XC_REGISTERED,
	XC_PARTICIPANTS,
	XC_ANONYMOUS,
	XC_ANON_GENDER,
	XC_ANON_AGE,
	XC_ANON_SITUATION,
	XC_EQUIPMENT,
	XC_KIND,
	XC_V2_COUNT,                    /* the columns of version 2 */
	XC_REFERRAL_HOW = XC_V2_COUNT,  /* version 3 */
	XC_REFERRAL_PLACE,
	XC_REFERRAL_WENT,
	XC_REFERRAL_ANSWERED,
	XC_COUNT
};

enum xrow_kind { XK_VISIT, XK_PERSON, XK_WORKSHOP, XK_WORKTIME, XK_COUNT };

struct xrow {
	enum xrow_kind kind;
	struct record r;      /* passage: the visit and its person; usager: r.p */
	struct workshop w;    /* atelier */
	struct worktime t;    /* temps */
};

/* The column's name in the header ("titre"), and the column of a name or -1. */
const char *xrow_column_name(int col);
int xrow_column(const char *name);
/* Whether the column belongs to version 2 or 3 only; to version 3 only. */
bool xrow_column_v2(int col);
bool xrow_column_v3(int col);
/* "passage", "usager", "atelier", "temps"; and back (CN_EINVAL otherwise). */
const char *xrow_kind_name(enum xrow_kind kind);
int xrow_kind_parse(const char *text, enum xrow_kind *kind, struct cn_err *err);
/* Whether a row of that type has the column (the others stay empty). */
bool xrow_applies(enum xrow_kind kind, int col);

void xrow_init(struct xrow *x, enum xrow_kind kind);
/* Sets a column from its text (see record_set); a non-empty text in a
 * column the row's type has not is refused. */
int xrow_set(struct xrow *x, int col, const char *text, struct cn_err *err);
/* The same, taking what a spreadsheet writes back (see record_set_sheet). */
int xrow_set_sheet(struct xrow *x, int col, const char *text, struct cn_err *err);
/* The rules of the command line on the whole row, codes unknown to ls
 * kept and noted in u; *col names the column at fault. That participants
 * are persons of the base is sync's business. */
int xrow_validate(const struct xrow *x, const struct lists *ls, struct unknown_codes *u,
                  int *col, struct cn_err *err);
/* The column of a visit's row at fault, from record_validate's column and
 * error: a referral's field is named by its column of version 3. */
int xrow_visit_col(enum record_col col, const struct cn_err *err);

/* The identity and times of a row (for a usager row, the person's). */
struct xrow_stamps {
	const char *id, *created, *updated, *deleted;
};
struct xrow_stamps xrow_stamps(const struct xrow *x);

void xrow_from_person(struct xrow *x, const struct person *p);
void xrow_from_record(struct xrow *x, const struct record *r);
void xrow_from_workshop(struct xrow *x, const struct workshop *w);
void xrow_from_worktime(struct xrow *x, const struct worktime *t);

/* The number of columns a file of version 2 (XC_V2_COUNT) or 3 (XC_COUNT)
 * has, and whether a visit needs version 3 (it has a referral's way,
 * place or answer). */
int xrow_columns(int version);
bool xrow_needs_v3(const struct visit *v);
/* The header and one CSV row (CRLF at the end) of a file of ncols columns
 * (xrow_columns()). */
void xrow_write_header(FILE *f, int ncols);
void xrow_write(FILE *f, const struct xrow *x, int ncols);
/* The same row of version 2 without its line end: what two desks compare
 * for workshops and times, and what record_history keeps. A malloc'd
 * string, or NULL. */
char *xrow_line(const struct xrow *x);

/* Export's trusted path: the passage row xrow_write writes for a row of
 * record_select, from the values as they are stored (record_stored);
 * false, with nothing written, when one is not as this carnet stores it. */
bool xrow_write_stored(struct csv_out *o, sqlite3_stmt *stmt, int ncols);

/* Every workshop (XK_WORKSHOP) or time (XK_WORKTIME) of an attached carnet
 * database (schema, a literal), in no order, whatever its values hold; with
 * compare, xrow_same_here() tells of each whether main holds it already as
 * it is (every stored column, and a workshop's participants, the same). */
sqlite3_stmt *xrow_select_all(struct store *st, const char *schema, enum xrow_kind kind,
                              bool compare, struct cn_err *err);
bool xrow_same_here(sqlite3_stmt *stmt, enum xrow_kind kind);
/* A row of xrow_select_all, every value through xrow_set as an import row
 * (a NUL, bad UTF-8, a number that is not one…), and a participant whose
 * person row is missing or whose presence is not 0 or 1: CN_EINVAL with
 * *col the column at fault. */
int xrow_read_checked(sqlite3_stmt *stmt, enum xrow_kind kind, struct xrow *x, int *col,
                      struct cn_err *err);

/* record_history: a workshop's or a time's version that lost, kept once as
 * its row (xrow_line) under the kind "atelier" or "temps". */
int xrow_keep_line(struct store *st, const struct xrow *x, const char *line,
                   struct cn_err *err);

#endif
