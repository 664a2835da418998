/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/text.h"
#include "carnet/store/person_store.h"
#include "carnet/exchange/sync.h"
#include "carnet/store/visit_store.h"
#include "carnet/store/workshop_store.h"
#include "carnet/store/worktime_store.h"

/* ------------------------------------------------------------ persons seen */

struct sync_seen_entry {
	char code[PCODE_MAX];   /* '\0': a free slot */
	uint64_t digest;        /* of the version: its time and its profile */
};

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (h ^ 0xff) * 1099511628211ULL;   /* a separator no text holds */
}

static uint64_t version_digest(const struct person *p)
{
	uint64_t h = fnv(fnv(fnv(fnv(fnv(14695981039346656037ULL, p->updated), p->age), p->gender),
	                         p->area),
	                 p->situation);

	for (int i = 0; i < p->equipment.n; i++)
		h = fnv(h, p->equipment.v[i]);
	return h;
}

static struct sync_seen_entry *seen_slot(struct sync_seen_entry *v, size_t cap,
                                         const char *code)
{
	size_t i = (size_t)fnv(14695981039346656037ULL, code) & (cap - 1);

	while (v[i].code[0] && strcmp(v[i].code, code) != 0)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

static bool seen_same(const struct sync_seen *seen, const struct person *p)
{
	const struct sync_seen_entry *e;

	if (!seen->n)
		return false;
	e = seen_slot(seen->v, seen->cap, p->code);
	return e->code[0] && e->digest == version_digest(p);
}

/* Remembered when there is memory for it; forgotten costs a lookup only. */
static void seen_add(struct sync_seen *seen, const struct person *p)
{
	struct sync_seen_entry *e;

	if ((seen->n + 1) * 2 > seen->cap) {
		size_t cap = seen->cap ? seen->cap * 2 : 1024;
		struct sync_seen_entry *v = calloc(cap, sizeof *v);

		if (!v)
			return;
		for (size_t i = 0; i < seen->cap; i++)
			if (seen->v[i].code[0])
				*seen_slot(v, cap, seen->v[i].code) = seen->v[i];
		free(seen->v);
		seen->v = v;
		seen->cap = cap;
	}
	e = seen_slot(seen->v, seen->cap, p->code);
	if (!e->code[0])
		seen->n++;
	text_copy(e->code, sizeof e->code, p->code);
	e->digest = version_digest(p);
}

void sync_forget_seen(struct sync *s)
{
	free(s->seen.v);
	memset(&s->seen, 0, sizeof s->seen);
}

void sync_free(struct sync *s)
{
	sync_forget_seen(s);
}

/* ------------------------------------------------------------ records */

int sync_init(struct sync *s, struct store *st, const struct lists *ls, struct cn_err *err)
{
	memset(s, 0, sizeof *s);
	s->st = st;
	s->from = st;
	s->compare = true;
	s->ls = ls;
	s->origin = "le fichier";
	return clock_timestamp_ahead(24 * 3600, s->latest, err);
}

/* A timestamp more than a day ahead: refused, told by column. */
static int too_late(const struct sync *s, const char *ts, enum record_col c, enum record_col *col,
                    struct cn_err *err)
{
	if (strcmp(ts, s->latest) <= 0)
		return CN_OK;
	*col = c;
	return cn_err_set(err, CN_EINVAL,
	                  "horodatage dans le futur « %s » (plus d'un jour après maintenant : "
	                  "l'horloge du poste d'origine est-elle juste ?)",
	                  ts);
}

static int check_times(const struct sync *s, const struct record *r, enum record_col *col,
                       struct cn_err *err)
{
	int rc;

	if ((rc = too_late(s, r->v.created, RC_CREATED, col, err)) ||
	    (rc = too_late(s, r->v.updated, RC_UPDATED, col, err)) ||
	    (rc = too_late(s, r->v.deleted, RC_DELETED, col, err)) ||
	    (rc = too_late(s, r->p.created, RC_PERSON_CREATED, col, err)) ||
	    (rc = too_late(s, r->p.updated, RC_PERSON_UPDATED, col, err)))
		return rc;
	return CN_OK;
}

#define PROFILE_TEXT (5 * CODESET_MAX * CODE_MAX)

/* A profile as one comparable text. */
static void profile_text(const struct person *p, char *out, size_t size)
{
	char equipment[CODESET_MAX * CODE_MAX];

	codeset_join(&p->equipment, "|", equipment, sizeof equipment);
	snprintf(out, size, "%s,%s,%s,%s,%s", p->age, p->gender, p->area, p->situation, equipment);
}

static int id_taken(struct store *st, const char *id, bool *taken, struct cn_err *err)
{
	sqlite3_stmt *stmt = store_cached(st, "SELECT 1 FROM person WHERE id = ?1", err);
	int rc;

	if (!stmt)
		return CN_EDB;
	sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "lecture des usagers impossible");
	*taken = rc == SQLITE_ROW;
	return CN_OK;
}

/* The person of the code: created here when new, its profile replaced when
 * the other desk's is the later one (the same order decides on ties). */
static int sync_person_here(struct sync *s, const struct person *in, struct cn_err *err)
{
	struct person here;
	char mine[PROFILE_TEXT], theirs[PROFILE_TEXT];
	int rc = person_get(s->st, in->code, &here, err);

	if (rc == CN_ENOTFOUND) {
		struct person p = *in;
		bool taken = false;

		if (p.id[0] && (rc = id_taken(s->st, p.id, &taken, err)) != CN_OK)
			return rc;
		if (!p.id[0] || taken)
			id_new(p.id);
		p.deleted[0] = '\0';
		return person_put(s->st, &p, true, err);
	}
	if (rc != CN_OK)
		return rc;
	profile_text(&here, mine, sizeof mine);
	profile_text(in, theirs, sizeof theirs);
	rc = strcmp(in->updated, here.updated);
	if (rc < 0 || (rc == 0 && strcmp(theirs, mine) <= 0))
		return CN_OK;
	memcpy(here.age, in->age, sizeof here.age);
	memcpy(here.gender, in->gender, sizeof here.gender);
	memcpy(here.area, in->area, sizeof here.area);
	memcpy(here.situation, in->situation, sizeof here.situation);
	here.equipment = in->equipment;
	memcpy(here.updated, in->updated, sizeof here.updated);
	return person_put(s->st, &here, false, err);
}

static int sync_person(struct sync *s, const struct person *in, struct cn_err *err)
{
	int rc;

	/* Brought already as it is: nothing more to change. */
	if (seen_same(&s->seen, in))
		return CN_OK;
	if ((rc = sync_person_here(s, in, err)) == CN_OK)
		seen_add(&s->seen, in);
	return rc;
}

/* Keeps a version that lost, once. */
static int keep(struct sync *s, const struct visit *v, const char *line, struct cn_err *err)
{
	return record_keep_line(s->st, v->id, v->updated, line, err);
}

/* Which version wins: > 0 theirs, < 0 mine, 0 the same. The later one;
 * on a tie, the same order on every desk. */
static int winner(const char *their_updated, const char *my_updated, const char *theirs,
                  const char *mine)
{
	int order = strcmp(their_updated, my_updated);
	return order ? order : strcmp(theirs, mine);
}

static int replace_or_keep(struct sync *s, const struct record *in, const struct record *here,
                           struct cn_err *err)
{
	char *mine = record_visit_line(here), *theirs = record_visit_line(in);
	int order, rc;

	if (!mine || !theirs) {
		free(mine);
		free(theirs);
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	}
	order = winner(in->v.updated, here->v.updated, theirs, mine);
	if (order == 0) {
		s->n.unchanged++;
		rc = CN_OK;
	} else if (order > 0) {
		rc = keep(s, &here->v, mine, err);
		if (rc == CN_OK)
			rc = visit_put(s->st, &in->v, false, err);
		if (rc == CN_OK && in->v.deleted[0] && !here->v.deleted[0])
			s->n.deleted++;
		else if (rc == CN_OK)
			s->n.updated++;
	} else {
		rc = keep(s, &in->v, theirs, err);
		s->n.unchanged++;
	}
	free(mine);
	free(theirs);
	return rc;
}

int sync_apply(struct sync *s, const struct record *r, enum record_col *col,
               struct cn_err *err)
{
	struct record here;
	int rc;

	if ((rc = record_validate(r, s->ls, &s->unknown, col, err)) != CN_OK ||
	    (rc = check_times(s, r, col, err)) != CN_OK)
		return rc;
	*col = RC_ID;
	if (r->p.code[0] && (rc = sync_person(s, &r->p, err)) != CN_OK)
		return rc;
	rc = record_get(s->st, "main", r->v.id, &here, err);
	if (rc == CN_ENOTFOUND) {
		if ((rc = visit_put(s->st, &r->v, true, err)) != CN_OK)
			return rc;
		if (r->v.deleted[0])
			s->n.deleted++;
		else
			s->n.added++;
		return CN_OK;
	}
	if (rc != CN_OK)
		return rc;
	return replace_or_keep(s, r, &here, err);
}

int sync_persons(struct sync *s, const char *schema, sync_reject_fn reject, void *ctx,
                 struct cn_err *err)
{
	char sql[640];
	sqlite3_stmt *stmt;
	struct record r;
	int rc = CN_OK, step;

	/* schema is a literal, never user data; the columns in record order. A
	 * profile held here as it is (the same columns, NULL and type included)
	 * would change nothing: it is not read. */
	snprintf(sql, sizeof sql,
	         "SELECT code, id, age, gender, area, situation, equipment, created_at, updated_at"
	         " FROM %s.person p WHERE deleted_at IS NULL%s ORDER BY code",
	         schema,
	         s->compare ? " AND NOT EXISTS (SELECT 1 FROM main.person m WHERE m.code = p.code"
	                      " AND m.deleted_at IS NULL AND m.updated_at IS p.updated_at"
	                      " AND m.age IS p.age AND m.gender IS p.gender AND m.area IS p.area"
	                      " AND m.situation IS p.situation AND m.equipment IS p.equipment)"
	                    : "");
	if (!(stmt = store_prepare(s->from, sql, err)))
		return CN_EDB;
	while (rc == CN_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
		enum record_col col;
		struct cn_err bad;
		int v;

		record_init(&r);
		v = record_read_columns(stmt, 0, RC_PERSON, RC_PERSON_UPDATED, &r, &col, &bad);
		if (v == CN_OK && (!r.p.created[0] || !r.p.updated[0])) {
			col = r.p.created[0] ? RC_PERSON_UPDATED : RC_PERSON_CREATED;
			v = cn_err_set(&bad, CN_EINVAL, "valeur obligatoire");
		}
		if (v == CN_OK && (v = person_validate_foreign(&r.p, s->ls, &s->unknown, &bad)) != CN_OK)
			col = RC_PERSON;
		if (v == CN_OK)
			v = check_times(s, &r, &col, &bad);
		if (v == CN_OK) {
			rc = sync_person(s, &r.p, err);
		} else {
			/* A profile this desk cannot take is told and left out. */
			char what[64];
			snprintf(what, sizeof what, "usager %s", r.p.code);
			reject(ctx, what, record_column_name(col), bad.msg);
			s->n.rejected++;
		}
	}
	if (rc == CN_OK && step != SQLITE_DONE)
		rc = store_fail(s->from, err, "lecture des usagers impossible");
	sqlite3_finalize(stmt);
	return rc;
}

/* ------------------------------------------------------------ rows of version 2 */

struct sync_counts *sync_counts_of(struct sync *s, enum xrow_kind kind)
{
	switch (kind) {
	case XK_WORKSHOP: return &s->workshops;
	case XK_WORKTIME: return &s->times;
	default: return &s->n;
	}
}

static int row_times(const struct sync *s, const struct xrow *x, int *col, struct cn_err *err)
{
	struct xrow_stamps t = xrow_stamps(x);
	enum record_col c = RC_ID;
	int rc;

	if (x->kind == XK_VISIT)
		rc = check_times(s, &x->r, &c, err);
	else if (x->kind == XK_PERSON) {
		if ((rc = too_late(s, t.created, RC_PERSON_CREATED, &c, err)) == CN_OK)
			rc = too_late(s, t.updated, RC_PERSON_UPDATED, &c, err);
	} else if ((rc = too_late(s, t.created, RC_CREATED, &c, err)) == CN_OK &&
	           (rc = too_late(s, t.updated, RC_UPDATED, &c, err)) == CN_OK) {
		rc = too_late(s, t.deleted, RC_DELETED, &c, err);
	}
	*col = (int)c;
	return rc;
}

/* Each participant a live person of this base (an earlier usager row of
 * the file, or a person of the source, is one by now). */
static int check_participants(struct sync *s, const struct workshop *w, int *col,
                              struct cn_err *err)
{
	for (int i = 0; i < w->nparticipants; i++) {
		char id[ID_LEN];
		int rc = person_id_of(s->st, w->participants[i].code, id, err);

		if (rc == CN_ENOTFOUND) {
			*col = XC_PARTICIPANTS;
			return cn_err_set(err, CN_EINVAL,
			                  "usager inconnu « %s » : ni dans la base ni dans %s",
			                  w->participants[i].code, s->origin);
		}
		if (rc != CN_OK)
			return rc;
	}
	return CN_OK;
}

int sync_check_row(struct sync *s, const struct xrow *x, int *col, struct cn_err *err)
{
	int rc;

	switch (x->kind) {
	case XK_PERSON:
		return sync_apply_row(s, x, col, err);
	case XK_VISIT:
		/* As version 1 always did: the rules, not the clock (a referral's
		 * column at fault is named as such). */
		return xrow_validate(x, s->ls, &s->unknown, col, err);
	default:
		if ((rc = xrow_validate(x, s->ls, &s->unknown, col, err)) != CN_OK ||
		    (rc = row_times(s, x, col, err)) != CN_OK)
			return rc;
		return x->kind == XK_WORKSHOP ? check_participants(s, &x->w, col, err) : CN_OK;
	}
}

static int put_activity(struct sync *s, const struct xrow *x, bool insert, struct cn_err *err)
{
	if (x->kind == XK_WORKSHOP)
		return workshop_put(s->st, &x->w, insert, err);
	return worktime_put(s->st, &x->t, insert, err);
}

/* A workshop or a time against the version here, as replace_or_keep. */
static int replace_or_keep_row(struct sync *s, const struct xrow *in, const struct xrow *here,
                               struct cn_err *err)
{
	struct sync_counts *n = sync_counts_of(s, in->kind);
	struct xrow_stamps theirs_at = xrow_stamps(in), mine_at = xrow_stamps(here);
	char *mine = xrow_line(here), *theirs = xrow_line(in);
	int order, rc = CN_OK;

	if (!mine || !theirs) {
		free(mine);
		free(theirs);
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	}
	order = winner(theirs_at.updated, mine_at.updated, theirs, mine);
	if (order == 0) {
		n->unchanged++;
	} else if (order > 0) {
		rc = xrow_keep_line(s->st, here, mine, err);
		if (rc == CN_OK)
			rc = put_activity(s, in, false, err);
		if (rc == CN_OK && theirs_at.deleted[0] && !mine_at.deleted[0])
			n->deleted++;
		else if (rc == CN_OK)
			n->updated++;
	} else {
		rc = xrow_keep_line(s->st, in, theirs, err);
		n->unchanged++;
	}
	free(mine);
	free(theirs);
	return rc;
}

static int apply_activity(struct sync *s, const struct xrow *in, struct cn_err *err)
{
	struct xrow_stamps at = xrow_stamps(in);
	struct xrow here;
	int rc;

	xrow_init(&here, in->kind);
	rc = in->kind == XK_WORKSHOP ? workshop_get(s->st, at.id, true, &here.w, err)
	                             : worktime_get(s->st, at.id, true, &here.t, err);
	if (rc == CN_ENOTFOUND) {
		struct sync_counts *n = sync_counts_of(s, in->kind);

		if ((rc = put_activity(s, in, true, err)) != CN_OK)
			return rc;
		if (at.deleted[0])
			n->deleted++;
		else
			n->added++;
		return CN_OK;
	}
	if (rc != CN_OK)
		return rc;
	return replace_or_keep_row(s, in, &here, err);
}

int sync_apply_row(struct sync *s, const struct xrow *x, int *col, struct cn_err *err)
{
	enum record_col c;
	int rc;

	switch (x->kind) {
	case XK_VISIT:
		rc = sync_apply(s, &x->r, &c, err);
		*col = rc == CN_OK ? (int)c : xrow_visit_col(c, err);
		return rc;
	case XK_PERSON:
		if ((rc = xrow_validate(x, s->ls, &s->unknown, col, err)) != CN_OK ||
		    (rc = row_times(s, x, col, err)) != CN_OK)
			return rc;
		*col = RC_PERSON;
		return sync_person(s, &x->r.p, err);
	default:
		if ((rc = sync_check_row(s, x, col, err)) != CN_OK)
			return rc;
		*col = RC_ID;
		return apply_activity(s, x, err);
	}
}

int sync_activity(struct sync *s, const char *schema, sync_reject_fn reject, void *ctx,
                  struct cn_err *err)
{
	static const enum xrow_kind kinds[] = {XK_WORKSHOP, XK_WORKTIME};
	const char *origin = s->origin;
	int rc = CN_OK, step = SQLITE_DONE;

	s->origin = "la base apportée";
	for (size_t k = 0; rc == CN_OK && k < sizeof kinds / sizeof kinds[0]; k++) {
		sqlite3_stmt *stmt = xrow_select_all(s->from, schema, kinds[k], s->compare, err);

		if (!stmt) {
			rc = CN_EDB;
			break;
		}
		while (rc == CN_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
			struct xrow x;
			struct cn_err bad;
			int col = RC_ID, v;

			/* Held here as it is: nothing to read, check or compare. */
			if (xrow_same_here(stmt, kinds[k])) {
				sync_counts_of(s, kinds[k])->unchanged++;
				continue;
			}
			v = xrow_read_checked(stmt, kinds[k], &x, &col, &bad);

			if (v == CN_OK)
				v = sync_apply_row(s, &x, &col, &bad);
			if (v == CN_EINVAL) {
				/* A record this desk cannot take is told and left out. */
				char what[64];
				snprintf(what, sizeof what, "%s %s", xrow_kind_name(kinds[k]),
				         xrow_stamps(&x).id);
				reject(ctx, what, xrow_column_name(col), bad.msg);
				sync_counts_of(s, kinds[k])->rejected++;
			} else if (v != CN_OK) {
				*err = bad;
				rc = v;
			}
		}
		if (rc == CN_OK && step != SQLITE_DONE)
			rc = store_fail(s->from, err, "lecture impossible");
		sqlite3_finalize(stmt);
	}
	s->origin = origin;
	return rc;
}

void sync_summary_kinds(const struct sync_counts *visits, const struct sync_counts *workshops,
                        const struct sync_counts *times, char *out, size_t size)
{
	char v[128], w[128], t[128];

	if (!workshops->added && !workshops->updated && !workshops->unchanged &&
	    !workshops->deleted && !workshops->rejected && !times->added && !times->updated &&
	    !times->unchanged && !times->deleted && !times->rejected) {
		sync_summary(visits, out, size);
		return;
	}
	sync_summary(visits, v, sizeof v);
	sync_summary(workshops, w, sizeof w);
	sync_summary(times, t, sizeof t);
	snprintf(out, size, "passages : %s ; ateliers : %s ; temps : %s", v, w, t);
}

void sync_summary(const struct sync_counts *n, char *out, size_t size)
{
	snprintf(out, size, "%ld nouveau%s, %ld modifié%s, %ld inchangé%s, %ld supprimé%s, %ld rejeté%s",
	         n->added, n->added > 1 ? "x" : "", n->updated, n->updated > 1 ? "s" : "",
	         n->unchanged, n->unchanged > 1 ? "s" : "", n->deleted, n->deleted > 1 ? "s" : "",
	         n->rejected, n->rejected > 1 ? "s" : "");
}

void sync_tell_unknown(const struct unknown_codes *u, FILE *out)
{
	char codes[UNKNOWN_MAX * 48];

	if (!u->n)
		return;
	unknown_codes_format(u, codes, sizeof codes);
	fprintf(out, "carnet: codes inconnus de cette configuration, gardés tels quels : %s\n",
	        codes);
}

void sync_add_counts(struct sync_counts *total, const struct sync_counts *n)
{
	total->added += n->added;
	total->updated += n->updated;
	total->unchanged += n->unchanged;
	total->deleted += n->deleted;
	total->rejected += n->rejected;
}
