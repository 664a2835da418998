/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The places of another desk's database brought into this one (carnet
 * merge), by the rules of the other records: the uid is a place's
 * identity, the later version wins (equal times: the greater text, so that
 * both desks end with the same), the loser is kept in record_history (kind
 * « lieu »), tombstones travel. A place whose uid is unknown here but whose
 * standard id is the one of a live place here (both desks imported the same
 * file) is that place, and so is the last tombstoned place of that id
 * when none is live: the later version's fields win, under this desk's
 * uid. Applying the same places twice changes nothing. */
#ifndef CARNET_PLACE_SYNC_H
#define CARNET_PLACE_SYNC_H

#include "carnet/exchange/sync.h"
#include "carnet/model/lists.h"
#include "carnet/store/store.h"

/* Every place of the database schema (a literal) attached to from (st
 * itself, or a reader), into st inside the caller's transaction; a place
 * refused (not valid by place_validate, but for a category unknown to ls,
 * which is kept) goes to reject and is counted. */
int place_sync(struct store *st, struct store *from, const struct lists *ls, const char *schema,
               struct sync_counts *n, sync_reject_fn reject, void *ctx, struct cn_err *err);

#endif
