/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the CSV import path without a database.
 *
 * The input is read with the streaming reader (csv_reader_init on an
 * fmemopen'd FILE, csv_read until the end), as `carnet import` reads a file.
 * When the first record names columns of the exchange format, like an export
 * header, fields are matched by name as import does; otherwise field i goes to
 * column i. Each record goes through record_set() column by column, then
 * record_validate() against the shipped lists (loaded once). A record that
 * validates must survive the way back: record_write() then reading that row
 * again gives the same record (else abort(), a finding). */
#define _GNU_SOURCE /* fmemopen, open_memstream */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/config.h"
#include "carnet/model/csv.h"
#include "carnet/store/record.h"
#include "carnet/model/text.h"

#ifndef FUZZ_TOP
#define FUZZ_TOP "."
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct config cfg;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *paths[] = {FUZZ_TOP "/share/carnet/carnet.ini"};
	struct cn_err err;

	(void)argc;
	(void)argv;
	if (config_load_files(&cfg, paths, 1, NULL, NULL, &err) != CN_OK) {
		fprintf(stderr, "fuzz_csv: %s\n", err.msg);
		abort();
	}
	return 0;
}

/* The header of an export: 1 when every field is a known column, none twice
 * and none missing; -1 when columns are missing (import refuses the file);
 * 0 when the record is no header (its fields then go to columns in order). */
static int header(const struct csv_reader *csv, int *col)
{
	bool seen[RC_COUNT] = {false};

	for (int i = 0; i < csv->n; i++) {
		int c = record_column(csv->field[i]);
		if (c < 0 || seen[c])
			return 0;
		seen[c] = true;
		col[i] = c;
	}
	for (int c = 0; c < RC_COUNT; c++)
		if (!seen[c])
			return -1;
	return 1;
}

/* Fields into a record: false when a field is refused or a column missing. */
static bool fill(struct record *r, const struct csv_reader *csv, const int *col, int ncols)
{
	struct cn_err err;
	bool ok = csv->n == ncols;

	record_init(r);
	for (int i = 0; i < csv->n && i < ncols; i++) {
		/* As import reads a field: the guard export puts on texts a
		 * spreadsheet would change ("'0123") taken off. */
		char *text = strdup(csv->field[i]);
		if (!text)
			abort();
		csv_untext(text);
		if (record_set(r, (enum record_col)col[i], text, &err) != CN_OK) {
			(void)strlen(err.msg);
			ok = false;
		}
		free(text);
	}
	return ok;
}

/* A validated record written as one CSV row, then read back. */
static void round_trip(const struct record *r)
{
	static struct record back;
	int col[RC_COUNT];
	struct csv_reader csv;
	struct cn_err err;
	char *row = NULL, *again = NULL, *line1, *line2;
	size_t len = 0, len2 = 0;
	FILE *f = open_memstream(&row, &len);

	if (!f)
		abort();
	record_write(f, r, 1);
	if (fclose(f) != 0)
		abort();
	for (int c = 0; c < RC_COUNT; c++)
		col[c] = c;
	f = fmemopen(row, len, "r");
	if (!f)
		abort();
	csv_reader_init(&csv, f);
	if (csv_read(&csv, &err) != 1 || !fill(&back, &csv, col, RC_COUNT)) {
		fprintf(stderr, "fuzz_csv: la ligne exportée ne se relit pas : %s\n%s", err.msg, row);
		abort();
	}
	if (csv_read(&csv, &err) != 0) {
		fprintf(stderr, "fuzz_csv: la ligne exportée se relit en plusieurs lignes\n%s", row);
		abort();
	}
	csv_reader_free(&csv);
	fclose(f);
	f = open_memstream(&again, &len2);
	if (!f)
		abort();
	record_write(f, &back, 1);
	if (fclose(f) != 0)
		abort();
	line1 = record_visit_line(r);
	line2 = record_visit_line(&back);
	if (!line1 || !line2 || len != len2 || memcmp(row, again, len) != 0 ||
	    strcmp(line1, line2) != 0) {
		fprintf(stderr, "fuzz_csv: export puis import change l'enregistrement\n%s%s", row,
		        again);
		abort();
	}
	free(line1);
	free(line2);
	free(row);
	free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct record r;
	static int col[CSV_FIELDS_MAX];
	struct unknown_codes unknown;
	struct csv_reader csv;
	struct cn_err err;
	enum record_col bad;
	char told[512];
	int ncols = RC_COUNT, rc;
	bool first = true;
	FILE *f;

	if (size == 0)
		return 0; /* fmemopen refuses an empty buffer */
	f = fmemopen((void *)data, size, "r");
	if (!f)
		return 0;
	memset(&unknown, 0, sizeof unknown);
	for (int c = 0; c < RC_COUNT; c++)
		col[c] = c;
	csv_reader_init(&csv, f);
	while ((rc = csv_read(&csv, &err)) != 0) {
		if (rc != 1) {
			(void)strlen(err.msg);
			continue;
		}
		if (csv.n < 1 || csv.n > CSV_FIELDS_MAX || csv.record_line < 1 ||
		    csv.record_line > csv.line)
			abort();
		for (int i = 0; i < csv.n; i++)
			(void)strlen(csv.field[i]);
		if (first) {
			first = false;
			if ((rc = header(&csv, col)) < 0)
				break;
			if (rc > 0) {
				ncols = csv.n;
				continue;
			}
			for (int c = 0; c < RC_COUNT; c++)
				col[c] = c;
		}
		if (!fill(&r, &csv, col, ncols))
			continue;
		bad = RC_COUNT;
		rc = record_validate(&r, &cfg.lists, &unknown, &bad, &err);
		if (rc == CN_OK)
			round_trip(&r);
		else if (rc != CN_EINVAL || bad < 0 || bad >= RC_COUNT)
			abort(); /* import names the column at fault */
		else
			(void)strlen(err.msg);
	}
	unknown_codes_format(&unknown, told, sizeof told);
	csv_reader_free(&csv);
	fclose(f);
	return 0;
}
