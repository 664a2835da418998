/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the small parsers of typed and imported values.
 *
 * The input is cut on NUL bytes and newlines; each piece, as its own
 * NUL-terminated copy of exactly its size (so that AddressSanitizer sees a
 * read past the end), goes through the parsers of dates, months, times,
 * durations, timestamps, list codes and code sets, person codes, record ids
 * and key names, and through the UTF-8 helpers. A value a parser accepts must
 * come out in its canonical form and be accepted again as it is (else
 * abort(), a finding). The pieces also serve as labels for hotkeys_assign.
 * The whole input goes through the terminal escape and the draft reader. */
#define _GNU_SOURCE /* open_memstream */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/actions.h"
#include "carnet/model/clock.h"
#include "carnet/model/codes.h"
#include "carnet/screen/hotkeys.h"
#include "carnet/model/ids.h"
#include "carnet/model/lists.h"
#include "carnet/store/record.h"
#include "carnet/model/escape.h"
#include "carnet/model/text.h"
#include "carnet/store/draft.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                        \
	do {                                                                               \
		if (!(cond)) {                                                             \
			fprintf(stderr, "fuzz_parsers: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                           \
		}                                                                          \
	} while (0)

/* text_put_cell writes here: opened once, rewound for each cell. */
static char cell[8192];
static FILE *cell_file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* Widths as on a desk: a UTF-8 terminal. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	cell_file = fmemopen(cell, sizeof cell, "w");
	if (!cell_file)
		abort();
	return 0;
}

static void clock_parsers(const char *s)
{
	struct cn_date d;
	char out[TS_LEN], again[TS_LEN], hhmm[HHMM_LEN], hhmm2[HHMM_LEN], day[DATE_LEN];
	int year, month, minutes;

	if (date_parse(s, &d)) {
		CHECK(d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12);
		CHECK(d.day >= 1 && d.day <= date_days_in_month(d.year, d.month));
		CHECK(date_weekday(&d) >= 0 && date_weekday(&d) <= 6);
		date_format(&d, day);
		CHECK(strcmp(day, s) == 0);
	}
	if (month_parse(s, &year, &month))
		CHECK(year >= 1900 && year <= 9999 && month >= 1 && month <= 12);
	if (time_parse(s, hhmm)) {
		CHECK(strlen(hhmm) == 5);
		CHECK(time_parse(hhmm, hhmm2) && strcmp(hhmm, hhmm2) == 0);
	}
	if (duration_parse(s, &minutes))
		CHECK(minutes >= DURATION_MIN && minutes <= DURATION_MAX);
	if (timestamp_parse(s, out)) {
		CHECK(strlen(out) == 24);
		CHECK(timestamp_parse(out, again) && strcmp(out, again) == 0);
		CHECK(strncmp(out, s, 19) == 0);
	}
}

static void code_parsers(const char *s)
{
	char code[CODE_MAX], code2[CODE_MAX], pcode[PCODE_MAX], pcode2[PCODE_MAX];
	char joined[CODESET_MAX * CODE_MAX + CODESET_MAX], bad[32];
	struct codeset set, set2;
	struct cn_err err;

	if (code_normalize(s, code)) {
		CHECK(strlen(code) == strlen(s) && strlen(code) < CODE_MAX);
		CHECK(code_normalize(code, code2) && strcmp(code, code2) == 0);
	}
	if (codeset_parse(&set, s, &err) == CN_OK) {
		CHECK(set.n >= 0 && set.n <= CODESET_MAX);
		for (int i = 0; i < set.n; i++) {
			CHECK(code_normalize(set.v[i], code) && strcmp(code, set.v[i]) == 0);
			CHECK(codeset_has(&set, set.v[i]));
			for (int k = 0; k < i; k++)
				CHECK(strcmp(set.v[k], set.v[i]) != 0);
		}
		CHECK(codeset_join(&set, ",", joined, sizeof joined));
		CHECK(codeset_parse(&set2, joined, &err) == CN_OK && set2.n == set.n);
		for (int i = 0; i < set.n; i++)
			CHECK(strcmp(set.v[i], set2.v[i]) == 0);
		(void)codeset_join(&set, "|", joined, 40); /* too small: cut, never overrun */
	} else {
		CHECK(memchr(err.msg, '\0', sizeof err.msg) != NULL);
	}
	if (person_code_normalize(s, pcode)) {
		CHECK(strlen(pcode) >= 4 && strlen(pcode) < PCODE_MAX);
		CHECK(person_code_normalize(pcode, pcode2) && strcmp(pcode, pcode2) == 0);
	}
	if (id_valid(s))
		CHECK(strlen(s) == 36);
	if (key_name_valid(s))
		CHECK(key_list_valid(s, bad, sizeof bad));
	(void)key_list_valid(s, bad, sizeof bad);
	(void)key_list_valid(s, bad, 4);
	(void)action_by_name(s);
	(void)list_by_section(s);
	(void)record_column(s);
}

static void text_helpers(const char *s, size_t len)
{
	static const int widths[] = {0, 1, 2, 5, 12, 40};
	char small[8], folded[48], *copy;
	bool valid = utf8_valid(s, len);
	int cols;

	(void)utf8_width(s);
	if (valid) {
		CHECK(utf8_length(s) <= len);
		CHECK(!text_copy(small, sizeof small, s) || strcmp(small, s) == 0);
		CHECK(utf8_valid(small, strlen(small)));
	}
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		size_t fit = text_fit(s, widths[i], &cols);
		CHECK(fit <= len && cols >= 0 && cols <= widths[i]);
		if (valid)
			CHECK(utf8_valid(s, fit));
		if (valid && !text_has_control(s)) {
			long cell_len;
			rewind(cell_file);
			text_put_cell(cell_file, s, widths[i]);
			CHECK(fflush(cell_file) == 0);
			cell_len = ftell(cell_file);
			CHECK(cell_len >= 0 && (size_t)cell_len < sizeof cell);
			cell[cell_len] = '\0';
			CHECK(utf8_valid(cell, (size_t)cell_len));
			CHECK(utf8_width(cell) == widths[i]);
		}
	}
	text_fold(s, folded, sizeof folded);
	CHECK(strlen(folded) < sizeof folded);
	text_fold(s, folded, 1);
	copy = strdup(s);
	CHECK(copy != NULL);
	text_upper_ascii(copy);
	text_lower_ascii(copy);
	CHECK(strlen(text_trim(copy)) <= len);
	free(copy);
}

/* No byte of what escape_write writes is a control but newline and tab,
 * nor a C1, bidi or invisible character: what the terminal is given. */
static void escape_checks(const char *s, size_t len)
{
	char *out = NULL;
	size_t out_len = 0, n;
	FILE *f = open_memstream(&out, &out_len);

	CHECK(f != NULL);
	escape_write(f, s, len);
	CHECK(fclose(f) == 0);
	CHECK(escape_find(out, out_len, &n, NULL) == out_len);
	free(out);
}

/* The whole input as a draft (a damaged drafts file): refused, or read
 * into a draft that writes back to a text read the same way. */
static void whole_input(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), again[16384], twice[16384];
	struct draft d, d2;
	struct cn_err err;

	CHECK(s != NULL);
	memcpy(s, data, size);
	s[size] = '\0';
	escape_checks(s, size);
	if (draft_decode(s, &d, &err) == CN_OK) {
		CHECK(d.field >= 0 && d.field <= DRAFT_FIELD_MAX);
		/* A time outside accompaniment lasts up to 12 h, a visit 8 h. */
		CHECK(d.v.duration >= 0 && d.v.duration <= (d.kind == DRAFT_WORKTIME
		                                             ? WORKTIME_DURATION_MAX : DURATION_MAX));
		CHECK(!text_has_control(d.v.note) && !text_has_control(d.v.referred_place));
		CHECK(draft_encode(&d, again, sizeof again) < sizeof again);
		CHECK(draft_decode(again, &d2, &err) == CN_OK);
		CHECK(draft_encode(&d2, twice, sizeof twice) < sizeof twice);
		CHECK(strcmp(again, twice) == 0);
	}
	free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum { LABELS = 40 };
	char *pieces[LABELS];
	const char *codes[LABELS];
	char keys[LABELS];
	int n = 0;
	size_t start = 0;

	for (size_t i = 0; i <= size; i++) {
		size_t len;
		char *s;

		if (i < size && data[i] != '\0' && data[i] != '\n')
			continue;
		len = i - start;
		s = malloc(len + 1);
		CHECK(s != NULL);
		memcpy(s, data + start, len);
		s[len] = '\0';
		start = i + 1;
		clock_parsers(s);
		code_parsers(s);
		text_helpers(s, len);
		if (n < LABELS && utf8_valid(s, len))
			pieces[n++] = s;
		else
			free(s);
	}
	/* One-key answers for labels as a configuration could give them. */
	for (int i = 0; i < n; i++)
		codes[i] = pieces[i];
	hotkeys_assign(codes, (const char *const *)pieces, n, "q", keys);
	for (int i = 0; i < n; i++) {
		CHECK(keys[i] != 'q');
		for (int k = 0; k < i; k++)
			CHECK(!keys[i] || keys[i] != keys[k]);
	}
	for (int i = 0; i < n; i++)
		free(pieces[i]);
	whole_input(data, size);
	return 0;
}
