/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workshops in the database, with their participants. Each public write is
 * one transaction; the functions named _in and _put run inside the
 * caller's. */
#ifndef CARNET_WORKSHOP_STORE_H
#define CARNET_WORKSHOP_STORE_H

#include <stdbool.h>
#include "carnet/model/lists.h"
#include "carnet/model/workshop.h"
#include "carnet/store/store.h"
#include "carnet/store/visit_store.h"

/* Validates, gives w a new id and timestamps, and saves it. Every
 * participant must be a person of the base (CN_ENOTFOUND, "usager
 * inconnu", field WF_PARTICIPANTS). */
int workshop_create(struct store *st, const struct lists *ls, struct workshop *w,
                    struct cn_err *err);
/* Saves w over the stored version (see visit_update: w->updated, when set,
 * names the version w was read from; another one is CN_ECONFLICT). */
int workshop_update(struct store *st, const struct lists *ls, struct workshop *w,
                    struct cn_err *err);
int workshop_update_in(struct store *st, const struct lists *ls, struct workshop *w,
                       struct cn_err *err);
/* workshop_create and workshop_update that also create, in the same
 * transaction, the new persons of the nfresh codes `fresh` that are among
 * w's participants: a person made on the screen exists only once the
 * workshop that brings them is saved. */
int workshop_create_with(struct store *st, const struct lists *ls, struct workshop *w,
                         const char (*fresh)[PCODE_MAX], int nfresh, struct cn_err *err);
int workshop_update_with(struct store *st, const struct lists *ls, struct workshop *w,
                         const char (*fresh)[PCODE_MAX], int nfresh, struct cn_err *err);
/* Writes w as it is, id, timestamps and tombstone included (a record from
 * another desk, whose participants are persons here); no validation. */
int workshop_put(struct store *st, const struct workshop *w, bool insert, struct cn_err *err);
int workshop_delete(struct store *st, const char *id, struct cn_err *err);
int workshop_undelete(struct store *st, const char *id, struct cn_err *err);
/* By id or an unambiguous id prefix (4 characters or more). */
int workshop_get(struct store *st, const char *id_or_prefix, bool with_deleted,
                 struct workshop *out, struct cn_err *err);
/* Each workshop of the filter's dates and sites, led by one of its
 * mediators (a workshop without one matches ""), with f->person among its
 * participants when set; by date and time. fn returning non-zero stops the
 * walk and that value is returned. */
typedef int (*workshop_fn)(const struct workshop *w, void *ctx);
int workshop_each(struct store *st, const struct visit_filter *f, workshop_fn fn, void *ctx,
                  struct cn_err *err);
/* Whether w is led by one of the mediators of set (an empty set: all; a
 * workshop without mediator matches the code ""). */
bool workshop_led_by(const struct workshop *w, const struct codeset *set);

#endif
