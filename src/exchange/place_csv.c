/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/exchange/place_csv.h"
#include "carnet/model/csv.h"
#include "carnet/model/place.h"
#include "carnet/model/text.h"
#include "carnet/store/place_store.h"

/* A set of texts (the ids and sources met in the file), open addressing. */
struct strset {
	char **slot;
	size_t cap, n;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static bool strset_has(const struct strset *s, const char *text)
{
	if (!s->cap)
		return false;
	for (size_t i = hash(text) & (s->cap - 1); s->slot[i]; i = (i + 1) & (s->cap - 1))
		if (strcmp(s->slot[i], text) == 0)
			return true;
	return false;
}

/* Adds text: false when it was there already or memory ran out. */
static bool strset_add(struct strset *s, const char *text)
{
	if (strset_has(s, text))
		return false;
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		char **slot = calloc(cap, sizeof *slot);
		if (!slot)
			return false;
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->slot[i])
				continue;
			size_t j = hash(s->slot[i]) & (cap - 1);
			while (slot[j])
				j = (j + 1) & (cap - 1);
			slot[j] = s->slot[i];
		}
		free(s->slot);
		s->slot = slot;
		s->cap = cap;
	}
	size_t i = hash(text) & (s->cap - 1);
	while (s->slot[i])
		i = (i + 1) & (s->cap - 1);
	if (!(s->slot[i] = strdup(text)))
		return false;
	s->n++;
	return true;
}

static void strset_free(struct strset *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->slot[i]);
	free(s->slot);
	memset(s, 0, sizeof *s);
}

struct import {
	struct store *st;
	const struct lists *ls;
	const struct place_import_opts *o;
	place_import_fn fn;
	void *ctx;
	struct place_import_result *r;
	int map[CSV_FIELDS_MAX];   /* header position -> column, or -1 */
	int nheader;
	struct strset ids, sources;
	struct place *row, *prev;
};

static void refuse(struct import *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void refuse(struct import *im, const char *fmt, ...)
{
	char msg[1400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	im->r->invalid++;
	if (im->fn)
		im->fn(im->ctx, msg);
}

static int read_header(struct import *im, struct csv_reader *rd, struct cn_err *err)
{
	bool seen[PL_NCOLUMNS] = {false};
	char missing[512] = "";
	size_t used = 0;
	int rc = csv_read(rd, err);

	if (rc <= 0)
		return rc == 0 ? cn_err_set(err, CN_EINVAL, "fichier vide : en-tête du standard attendu")
		               : CN_EINVAL;
	im->nheader = rd->n;
	for (int i = 0; i < rd->n; i++) {
		char name[128];
		text_copy(name, sizeof name, rd->field[i]);
		text_trim(name);
		text_lower_ascii(name);
		im->map[i] = place_column_by_name(name);
		if (im->map[i] < 0)
			continue;
		if (seen[im->map[i]])
			return cn_err_set(err, CN_EINVAL, "en-tête : colonne %s en double", name);
		seen[im->map[i]] = true;
	}
	for (int f = 0; f < PL_NCOLUMNS; f++)
		if (place_column(f)->required && !seen[f]) {
			int n = snprintf(missing + used, sizeof missing - used, "%s%s", used ? ", " : "",
			                 place_column(f)->name);
			if (n > 0 && (size_t)n < sizeof missing - used)
				used += (size_t)n;
		}
	if (used)
		return cn_err_set(err, CN_EINVAL,
		                  "en-tête : colonne%s obligatoire%s absente%s : %s (voir le schéma "
		                  "%s du standard des lieux de médiation numérique)",
		                  strchr(missing, ',') ? "s" : "", strchr(missing, ',') ? "s" : "",
		                  strchr(missing, ',') ? "s" : "", missing, PLACE_SCHEMA_VERSION);
	return CN_OK;
}

/* Saves a valid row: a new place, or the standard's columns of the live
 * place of its id. */
static int save_row(struct import *im, struct cn_err *err)
{
	struct place *p = im->row, *prev = im->prev;
	int rc = place_get_by_id(im->st, p->id, prev, err);

	if (rc == CN_ENOTFOUND) {
		if ((rc = place_create_in(im->st, im->ls, p, err)) == CN_OK)
			im->r->added++;
		return rc;
	}
	if (rc != CN_OK)
		return rc;
	if (place_same_columns(p, prev)) {
		im->r->same++;
		return CN_OK;
	}
	memcpy(p->uid, prev->uid, sizeof p->uid);
	memcpy(p->category, prev->category, sizeof p->category);
	memcpy(p->bring, prev->bring, sizeof p->bring);
	memcpy(p->updated, prev->updated, sizeof p->updated);
	if ((rc = place_update_in(im->st, im->ls, p, err)) == CN_OK)
		im->r->changed++;
	return rc;
}

static int read_row(struct import *im, struct csv_reader *rd, struct cn_err *err)
{
	struct place *p = im->row;
	long line = rd->record_line;
	struct cn_err e;
	int rc;

	im->r->rows++;
	place_init(p);
	for (int i = 0; i < rd->n && i < im->nheader; i++)
		if (im->map[i] >= 0 && place_set(p, im->map[i], rd->field[i], false, &e) != CN_OK) {
			refuse(im, "ligne %ld, colonne %s : %s", line, place_column(im->map[i])->name,
			       e.msg);
			return CN_OK;
		}
	/* Known ids and sources, even of a refused row: --replace keeps what a
	 * broken row still names. */
	if (p->source[0])
		strset_add(&im->sources, p->source);
	if (rd->n != im->nheader) {
		refuse(im, "ligne %ld : %d champs pour %d colonnes dans l'en-tête", line, rd->n,
		       im->nheader);
		if (p->id[0])
			strset_add(&im->ids, p->id);
		return CN_OK;
	}
	if (p->id[0] && !strset_add(&im->ids, p->id)) {
		refuse(im, "ligne %ld, colonne id : identifiant « %s » déjà vu plus haut dans le "
		       "fichier", line, p->id);
		return CN_OK;
	}
	if (place_validate(p, NULL, im->ls, &e) != CN_OK) {
		refuse(im, "ligne %ld, colonne %s : %s", line,
		       e.field >= 0 && e.field < PL_NCOLUMNS ? place_column(e.field)->name : "?",
		       e.msg);
		return CN_OK;
	}
	if (im->r->invalid && !im->o->skip_invalid)
		return CN_OK;   /* nothing will be written: only look for more errors */
	if ((rc = save_row(im, err)) == CN_EINVAL) {
		refuse(im, "ligne %ld, colonne %s : %s", line,
		       err->field >= 0 && err->field < PL_NCOLUMNS ? place_column(err->field)->name
		                                                   : "id",
		       err->msg);
		return CN_OK;
	}
	return rc;
}

/* --replace: the live places of the file's sources that it no longer has. */
static int remove_absent(struct import *im, struct cn_err *err)
{
	sqlite3_stmt *sel = store_prepare(
		im->st, "SELECT uid, id, source, updated_at FROM place WHERE deleted_at IS NULL"
		        " AND source IS NOT NULL",
		err);
	sqlite3_stmt *del;
	int rc = CN_OK, step;

	if (!sel)
		return CN_EDB;
	if (!(del = store_prepare(im->st,
	                          "UPDATE place SET deleted_at = ?1, updated_at = ?1 WHERE uid = ?2",
	                          err))) {
		sqlite3_finalize(sel);
		return CN_EDB;
	}
	while (rc == CN_OK && (step = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(sel, 1);
		const char *source = (const char *)sqlite3_column_text(sel, 2);
		char now[TS_LEN];
		if (!strset_has(&im->sources, source) || strset_has(&im->ids, id))
			continue;
		if ((rc = clock_timestamp_after((const char *)sqlite3_column_text(sel, 3), now,
		                                err)) != CN_OK)
			break;
		sqlite3_bind_text(del, 1, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(del, 2, (const char *)sqlite3_column_text(sel, 0), -1,
		                  SQLITE_TRANSIENT);
		if (sqlite3_step(del) != SQLITE_DONE)
			rc = store_fail(im->st, err, "suppression impossible");
		sqlite3_reset(del);
		im->r->removed++;
	}
	if (rc == CN_OK && step != SQLITE_DONE)
		rc = store_fail(im->st, err, "lecture des lieux impossible");
	sqlite3_finalize(sel);
	sqlite3_finalize(del);
	return rc;
}

int place_csv_import(struct store *st, const struct lists *ls, FILE *f,
                     const struct place_import_opts *o, place_import_fn fn, void *ctx,
                     struct place_import_result *r, struct cn_err *err)
{
	struct import im = {.st = st, .ls = ls, .o = o, .fn = fn, .ctx = ctx, .r = r};
	struct csv_reader rd;
	struct cn_err e;
	int rc, got;

	memset(r, 0, sizeof *r);
	im.row = malloc(sizeof *im.row);
	im.prev = malloc(sizeof *im.prev);
	if (!im.row || !im.prev) {
		free(im.row);
		free(im.prev);
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	}
	csv_reader_init(&rd, f);
	if ((rc = read_header(&im, &rd, err)) == CN_OK && (rc = store_begin(st, err)) == CN_OK) {
		while (rc == CN_OK && (got = csv_read(&rd, &e)) != 0) {
			if (got < 0) {
				r->rows++;
				refuse(&im, "ligne %ld : %s", rd.record_line, e.msg);
				continue;
			}
			rc = read_row(&im, &rd, err);
		}
		if (rc == CN_OK && r->invalid && !o->skip_invalid)
			rc = cn_err_set(err, CN_EINVAL,
			                "%ld ligne%s refusée%s sur %ld : rien n'a été importé "
			                "(--skip-invalid importe les lignes valides)",
			                r->invalid, r->invalid > 1 ? "s" : "", r->invalid > 1 ? "s" : "",
			                r->rows);
		if (rc == CN_OK && o->replace)
			rc = remove_absent(&im, err);
		rc = store_end(st, rc, err);
	}
	if (rc != CN_OK)
		r->added = r->changed = r->removed = 0;
	csv_reader_free(&rd);
	strset_free(&im.ids);
	strset_free(&im.sources);
	free(im.row);
	free(im.prev);
	return rc;
}

void place_csv_header(FILE *out)
{
	for (int f = 0; f < PL_NCOLUMNS; f++)
		csv_field(out, place_column(f)->name, ',', f == 0);
	fputc('\n', out);
}

static int export_row(const struct place *p, void *ctx)
{
	FILE *out = ctx;

	for (int f = 0; f < PL_NCOLUMNS; f++)
		csv_field(out, place_field_c(p, f), ',', f == 0);
	fputc('\n', out);
	return 0;
}

int place_csv_export(struct store *st, FILE *out, struct cn_err *err)
{
	struct place_filter all = {0};

	place_csv_header(out);
	return place_each(st, &all, export_row, out, err);
}

char *place_csv_line(const struct place *p)
{
	const char *own[] = {p->uid, p->category, p->bring, p->created, p->updated, p->deleted};
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (!f)
		return NULL;
	for (int col = 0; col < PL_NCOLUMNS; col++)
		csv_field(f, place_field_c(p, col), ',', col == 0);
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		csv_field(f, own[i], ',', 0);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}
