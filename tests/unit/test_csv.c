/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/csv.h"
#include "harness.h"

/* What csv_text writes for s as the only field of a row (no row end). */
static const char *written(const char *s, char sep)
{
	static char out[512];
	FILE *f;

	memset(out, 0, sizeof out);
	f = fmemopen(out, sizeof out - 1, "w");
	if (!f)
		return "(fmemopen failed)";
	csv_text(f, s, sep, 1);
	fclose(f);
	return out;
}

/* Texts a spreadsheet would take for a formula or a value. */
static const char *const guarded_texts[] = {
	"=1+1", "+33 6", "-2 passages", "@accueil", "\tx", "'déjà", "0123", "3E7946", "1e5",
	"12/11", "1/2", "12:30", "12:30:00", "15 %", "0,5 %", "1 550", "(12)", "12 €",
	"2026-11-18", "0612345678", "12 novembre", "janv. 2027", "1er mai 2026", "VRAI", "faux",
	"TRUE", "false", "1.5", "1\xc2\xa0" "550", "1\xe2\x80\xaf" "550", "\rx", "'hello",
	"Août 2026", "3 sept.", "mai 12"};

/* Texts that stay as they are. */
static const char *const plain_texts[] = {
	"Reçu à l'accueil", "3 passages", "12h30", "A12", "12A", "rendez-vous le 12/11", "Mairie",
	"", "CAF", "K7M2QX", "novembre", "vrai ou faux", "12 novembre 2026 matin", "mai juin 2026",
	"E", "%", "()", "x-1"};

static void test_guarded(void)
{
	char want[128];

	for (size_t i = 0; i < sizeof guarded_texts / sizeof *guarded_texts; i++) {
		const char *s = guarded_texts[i];
		snprintf(want, sizeof want, "'%s", s);
		/* "\rx" needs quotes as well; checked on its own below. */
		if (strchr(s, '\r'))
			continue;
		if (!CHECK_STR(written(s, ';'), want))
			printf("#   text %zu: \"%s\"\n", i, s);
	}
	CHECK_STR(written("\rx", ';'), "\"'\rx\"");
}

static void test_plain(void)
{
	for (size_t i = 0; i < sizeof plain_texts / sizeof *plain_texts; i++)
		if (!CHECK_STR(written(plain_texts[i], ';'), plain_texts[i]))
			printf("#   text %zu: \"%s\"\n", i, plain_texts[i]);
}

/* What is read back (the field without its quotes) is what was written. */
static void test_untext_round_trip(void)
{
	char field[128];

	for (size_t i = 0; i < sizeof guarded_texts / sizeof *guarded_texts; i++) {
		snprintf(field, sizeof field, "'%s", guarded_texts[i]);
		csv_untext(field);
		CHECK_STR(field, guarded_texts[i]);
	}
	for (size_t i = 0; i < sizeof plain_texts / sizeof *plain_texts; i++) {
		snprintf(field, sizeof field, "%s", plain_texts[i]);
		csv_untext(field);
		CHECK_STR(field, plain_texts[i]);
	}
}

static void test_untext_keeps_apostrophes(void)
{
	char s[32];

	/* An apostrophe that is no guard stays. */
	strcpy(s, "'hello");
	csv_untext(s);
	CHECK_STR(s, "'hello");
	strcpy(s, "'3 passages");
	csv_untext(s);
	CHECK_STR(s, "'3 passages");
	strcpy(s, "'");
	csv_untext(s);
	CHECK_STR(s, "'");
	strcpy(s, "");
	csv_untext(s);
	CHECK_STR(s, "");
	/* Only one apostrophe goes. */
	strcpy(s, "''hello");
	csv_untext(s);
	CHECK_STR(s, "'hello");
	strcpy(s, "''0123");
	csv_untext(s);
	CHECK_STR(s, "'0123");
	/* Text with no apostrophe in front is left alone, even one that looks like a value. */
	strcpy(s, "0123");
	csv_untext(s);
	CHECK_STR(s, "0123");
}

/* A whole row written, then read back with csv_read and csv_untext. */
static void test_read_back(void)
{
	static const char *const row[] = {"=1+1", "Reçu à l'accueil", "0123", "'hello",
	                                  "a;b", "dit \"oui\"", "12 novembre", "", "1,5"};
	const int n = (int)(sizeof row / sizeof *row);
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	struct csv_reader r;
	struct cn_err err;

	for (int i = 0; i < n; i++)
		csv_text(f, row[i], ';', i == 0);
	csv_end_row(f);
	fclose(f);
	f = fmemopen(data, len, "r");
	csv_reader_init(&r, f);
	CHECK_INT(csv_read(&r, &err), 1);
	CHECK_INT(r.sep, ';');
	CHECK_INT(r.n, n);
	for (int i = 0; i < n && i < r.n; i++) {
		csv_untext(r.field[i]);
		CHECK_STR(r.field[i], row[i]);
	}
	CHECK_INT(csv_read(&r, &err), 0);
	csv_reader_free(&r);
	fclose(f);
	free(data);
}

static void test_quoting(void)
{
	/* The separator or a double quote: quoted, quotes doubled. */
	CHECK_STR(written("a,b", ','), "\"a,b\"");
	CHECK_STR(written("a,b", ';'), "a,b");
	CHECK_STR(written("a;b", ';'), "\"a;b\"");
	CHECK_STR(written("a;b", ','), "a;b");
	CHECK_STR(written("dit \"oui\"", ','), "\"dit \"\"oui\"\"\"");
	CHECK_STR(written("dit \"oui\"", ';'), "\"dit \"\"oui\"\"\"");
	CHECK_STR(written("deux\nlignes", ';'), "\"deux\nlignes\"");
	/* A guarded text that needs quotes: the apostrophe goes inside them. */
	CHECK_STR(written("0,5 %", ','), "\"'0,5 %\"");
	CHECK_STR(written("0,5 %", ';'), "'0,5 %");
	CHECK_STR(written("=\"x\"", ';'), "\"'=\"\"x\"\"\"");
}

static void test_row(void)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);

	csv_text(f, "Mairie", ',', 1);
	csv_text(f, "0612345678", ',', 0);
	csv_field(f, "0612345678", ',', 0); /* a value meant as such: no guard */
	csv_field_int(f, -12, ',', 0);
	csv_text(f, "", ',', 0);
	csv_end_row(f);
	fclose(f);
	CHECK_STR(data, "Mairie,'0612345678,0612345678,-12,\r\n");
	free(data);
}

/* csv_out writes what csv_field, csv_text and csv_end_row write, byte for
 * byte, whatever the buffer holds already; a field longer than its
 * buffer goes through stdio in its place. */
static void test_out_same_bytes(void)
{
	static const char *const more[] = {"un, deux", "dit \"oui\"", "ligne\nsuite", "a\rb",
	                                   "\"", "x;y", "'", "=\"a,b\"", ""};
	size_t nlong = CSV_OUT_SIZE + 100;
	char *big = malloc(nlong + 1), *a = NULL, *b = NULL;
	size_t alen = 0, blen = 0;
	struct csv_out *o = malloc(sizeof *o);
	FILE *fa = open_memstream(&a, &alen), *fb = open_memstream(&b, &blen);

	if (!CHECK(big && o && fa && fb))
		return;
	memset(big, 'x', nlong);
	big[10] = ',';
	big[nlong] = '\0';
	csv_out_init(o, fb);
	for (int round = 0; round < 400; round++) {
		for (int sep = 0; sep < 2; sep++) {
			char c = sep ? ';' : ',';
			const char *const *lists[] = {guarded_texts, plain_texts, more};
			size_t counts[] = {sizeof guarded_texts / sizeof *guarded_texts,
			                   sizeof plain_texts / sizeof *plain_texts,
			                   sizeof more / sizeof *more};
			for (int l = 0; l < 3; l++)
				for (size_t i = 0; i < counts[l]; i++) {
					const char *t = lists[l][i];
					csv_text(fa, t, c, i == 0);
					csv_out_text(o, t, strlen(t), c, i == 0);
					csv_field(fa, t, c, 0);
					csv_out_field(o, t, strlen(t), c, 0);
				}
			csv_end_row(fa);
			csv_out_end_row(o);
		}
		if (round % 100 == 0) {
			csv_text(fa, big, ',', 1);
			csv_out_text(o, big, nlong, ',', 1);
			csv_field(fa, big, ',', 0);
			csv_out_field(o, big, nlong, ',', 0);
			csv_out_raw(o, "\r\n", 2);
			fputs("\r\n", fa);
		}
	}
	CHECK_INT(csv_out_flush(o), 0);
	fclose(fa);
	fclose(fb);
	CHECK_INT(blen, alen);
	CHECK(alen == blen && memcmp(a, b, alen) == 0);
	free(a);
	free(b);
	free(big);
	free(o);
}

int main(void)
{
	RUN(test_guarded);
	RUN(test_plain);
	RUN(test_untext_round_trip);
	RUN(test_untext_keeps_apostrophes);
	RUN(test_read_back);
	RUN(test_quoting);
	RUN(test_row);
	RUN(test_out_same_bytes);
	return harness_finish();
}
