/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>
#include "carnet/exchange/place_csv.h"
#include "carnet/exchange/place_sync.h"
#include "carnet/model/place.h"
#include "carnet/store/place_store.h"

/* What place_validate says of a place of another desk; its category need
 * only be a well-formed code (other desks have other lists). */
static int check_foreign(const struct place *p, const struct lists *ls, struct cn_err *err)
{
	struct place *copy = malloc(sizeof *copy);
	char code[CODE_MAX];
	int rc;

	if (!copy)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	memcpy(copy, p, sizeof *copy);
	copy->category[0] = '\0';
	rc = place_validate(copy, NULL, ls, err);
	free(copy);
	if (rc == CN_OK && p->category[0] && !code_normalize(p->category, code))
		rc = cn_err_field(err, CN_EINVAL, PL_CATEGORY, "code de catégorie invalide « %s »",
		                  p->category);
	if (rc == CN_OK && (!id_valid(p->uid) || !p->created[0] || !p->updated[0]))
		rc = cn_err_field(err, CN_EINVAL, PL_UID, "identifiant ou dates du lieu invalides");
	return rc;
}

/* theirs against mine (the same place here): the later one stays. */
static int replace_or_keep(struct store *st, struct place *theirs, const struct place *mine,
                           struct sync_counts *n, struct cn_err *err)
{
	char *a = place_csv_line(theirs), *b = place_csv_line(mine);
	int order, rc = CN_OK;

	if (!a || !b) {
		free(a);
		free(b);
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	}
	/* The same fields (two desks imported the same file) is the same
	 * place, whenever each desk wrote it. */
	if (place_same_columns(theirs, mine) && strcmp(theirs->category, mine->category) == 0 &&
	    strcmp(theirs->bring, mine->bring) == 0 && !theirs->deleted[0] == !mine->deleted[0]) {
		free(a);
		free(b);
		n->unchanged++;
		return CN_OK;
	}
	/* Under this desk's uid, the two versions compare by their fields. */
	memcpy(theirs->uid, mine->uid, sizeof theirs->uid);
	free(a);
	a = place_csv_line(theirs);
	order = !a ? 0 : strcmp(theirs->updated, mine->updated);
	if (a && !order)
		order = strcmp(a, b);
	if (!a) {
		rc = cn_err_set(err, CN_EDB, "mémoire insuffisante");
	} else if (order == 0) {
		n->unchanged++;
	} else if (order > 0) {
		rc = place_keep_version(st, mine, b, err);
		if (rc == CN_OK)
			rc = place_put(st, theirs, false, err);
		if (rc == CN_OK && theirs->deleted[0] && !mine->deleted[0])
			n->deleted++;
		else if (rc == CN_OK)
			n->updated++;
	} else {
		rc = place_keep_version(st, theirs, a, err);
		n->unchanged++;
	}
	free(a);
	free(b);
	return rc;
}

static int apply(struct store *st, struct place *in, struct place *here, struct sync_counts *n,
                 struct cn_err *err)
{
	int rc = place_get_by_uid(st, in->uid, here, err);

	if (rc == CN_ENOTFOUND)
		rc = place_get_by_id_any(st, in->id, here, err);
	if (rc == CN_OK)
		return replace_or_keep(st, in, here, n, err);
	if (rc != CN_ENOTFOUND)
		return rc;
	if ((rc = place_put(st, in, true, err)) != CN_OK)
		return rc;
	if (in->deleted[0])
		n->deleted++;
	else
		n->added++;
	return CN_OK;
}

int place_sync(struct store *st, struct store *from, const struct lists *ls, const char *schema,
               struct sync_counts *n, sync_reject_fn reject, void *ctx, struct cn_err *err)
{
	sqlite3_stmt *stmt = place_select_all(from, schema, err);
	struct place *in = malloc(sizeof *in), *here = malloc(sizeof *here);
	int rc = CN_OK, step = SQLITE_DONE;

	if (!stmt || !in || !here) {
		sqlite3_finalize(stmt);
		free(in);
		free(here);
		return stmt ? cn_err_set(err, CN_EDB, "mémoire insuffisante") : CN_EDB;
	}
	while (rc == CN_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct cn_err bad;
		int v;

		place_read_row(stmt, in);
		v = check_foreign(in, ls, &bad);
		if (v == CN_OK)
			v = apply(st, in, here, n, &bad);
		if (v == CN_EINVAL) {
			char what[160];
			snprintf(what, sizeof what, "lieu %.100s", in->id);
			reject(ctx, what,
			       bad.field >= 0 && bad.field < PL_NCOLUMNS ? place_column(bad.field)->name
			                                                 : place_field_label(bad.field),
			       bad.msg);
			n->rejected++;
		} else if (v != CN_OK) {
			*err = bad;
			rc = v;
		}
	}
	if (rc == CN_OK && step != SQLITE_DONE)
		rc = store_fail(from, err, "lecture des lieux impossible");
	sqlite3_finalize(stmt);
	free(in);
	free(here);
	return rc;
}
