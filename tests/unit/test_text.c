/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include "carnet/model/codes.h"
#include "carnet/model/ids.h"
#include "carnet/model/text.h"
#include "harness.h"

static void test_utf8(void)
{
	CHECK(utf8_valid("Démarche aboutie", 17));
	CHECK(utf8_valid("", 0));
	CHECK(!utf8_valid("\xc3", 1));          /* cut sequence */
	CHECK(!utf8_valid("\xc0\xaf", 2));      /* overlong */
	CHECK(!utf8_valid("\xed\xa0\x80", 3));  /* surrogate */
	CHECK(!utf8_valid("\xff", 1));
	CHECK_INT(utf8_length("Égalité"), 7);
	CHECK_INT(utf8_width("Égalité"), 7);
	CHECK_INT(utf8_width(""), 0);
}

static char *cell(const char *s, int width)
{
	static char buf[256];
	FILE *f = fmemopen(buf, sizeof buf, "w");
	text_put_cell(f, s, width);
	fclose(f);
	return buf;
}

static void test_cells(void)
{
	CHECK_STR(cell("CAF", 6), "CAF   ");
	CHECK_STR(cell("Démarche", 8), "Démarche");
	CHECK_STR(cell("Démarche aboutie", 8), "Démarch…");
	CHECK_STR(cell("Été", 5), "Été  ");
}

static void test_strings(void)
{
	char buf[16] = "  Caf \t";
	char small[5];

	CHECK_STR(text_trim(buf), "Caf");
	text_lower_ascii(buf);
	CHECK_STR(buf, "caf");
	text_upper_ascii(buf);
	CHECK_STR(buf, "CAF");
	CHECK(!text_copy(small, sizeof small, "ééé")); /* 6 bytes: keeps 2 whole é */
	CHECK_STR(small, "éé");
	CHECK(text_copy(small, sizeof small, "abcd"));
	CHECK(text_has_control("a\nb"));
	CHECK(!text_has_control("à côté"));
}

static void test_codes(void)
{
	struct codeset set;
	struct cn_err err;
	char code[CODE_MAX], joined[64];

	CHECK(code_normalize("CAF", code));
	CHECK_STR(code, "caf");
	CHECK(code_normalize("france_services", code));
	CHECK(!code_normalize("é", code));
	CHECK(!code_normalize("a b", code));
	CHECK(!code_normalize("", code));
	CHECK(!code_normalize("abcdefghijklmnopqrstuvwxyz0123456", code));
	CHECK_INT(codeset_parse(&set, "suivi, CAF ,suivi,,rdv", &err), CN_OK);
	CHECK_INT(set.n, 3);
	CHECK_STR(set.v[0], "suivi");
	CHECK_STR(set.v[1], "caf");
	CHECK_STR(set.v[2], "rdv");
	CHECK(codeset_join(&set, "|", joined, sizeof joined));
	CHECK_STR(joined, "suivi|caf|rdv");
	CHECK_INT(codeset_parse(&set, "", &err), CN_OK);
	CHECK_INT(set.n, 0);
	CHECK_INT(codeset_parse(&set, " , ", &err), CN_OK);
	CHECK_INT(set.n, 0);
	CHECK_INT(codeset_parse(&set, "caf,pôle", &err), CN_EINVAL);
	CHECK(strstr(err.msg, "pôle") != NULL);
}

static void test_ids(void)
{
	char id[ID_LEN], other[ID_LEN], code[PCODE_MAX];

	id_new(id);
	id_new(other);
	CHECK(id_valid(id));
	CHECK(strcmp(id, other) != 0);
	CHECK_INT(id[14], '4'); /* version 4 */
	CHECK(strchr("89ab", id[19]) != NULL);
	CHECK(!id_valid("not-a-uuid"));
	CHECK(!id_valid("DE8C2AF5-5959-4C8C-AFD1-8A45F0AB78F2"));
	for (int i = 0; i < 200; i++) {
		person_code_new(code);
		CHECK_INT(strlen(code), PCODE_NEW_LEN);
		CHECK(strspn(code, "34679ACDEFGHJKMNPQRTWXY") == PCODE_NEW_LEN);
	}
	CHECK(person_code_normalize("k7m2qx", code));
	CHECK_STR(code, "K7M2QX");
	CHECK(!person_code_normalize("K7M", code));
	CHECK(!person_code_normalize("K7M-2QX", code));
	CHECK(!person_code_normalize("ABCDEFGHIJKLMNOPQ", code));
}

static void test_cp1252(void)
{
	char out[64];
	static const char undefined[] = {'\x81', '\x8d', '\x8f', '\x90', '\x9d'};

	CHECK(cp1252_to_utf8("caf\xe9 cr\xe8me", out, sizeof out));
	CHECK_STR(out, "café crème");
	CHECK(cp1252_to_utf8("\x80", out, sizeof out));
	CHECK_STR(out, "€");
	CHECK(cp1252_to_utf8("\x92", out, sizeof out));
	CHECK_STR(out, "\u2019");
	CHECK(cp1252_to_utf8("\x9c", out, sizeof out));
	CHECK_STR(out, "œ");
	CHECK(cp1252_to_utf8("\xab" "a\xbb", out, sizeof out));
	CHECK_STR(out, "«a»");
	CHECK(cp1252_to_utf8("\x8c\x9f\xff\xa0", out, sizeof out));
	CHECK_STR(out, "ŒŸÿ\u00a0");
	CHECK(cp1252_to_utf8("\x85\x96\x97", out, sizeof out));
	CHECK_STR(out, "…–—");
	CHECK(cp1252_to_utf8("plain ASCII", out, sizeof out));
	CHECK_STR(out, "plain ASCII");
	CHECK(cp1252_to_utf8("", out, sizeof out));
	CHECK_STR(out, "");
	/* The five bytes Windows-1252 leaves undefined are refused. */
	for (size_t i = 0; i < sizeof undefined; i++) {
		char in[4] = {'a', undefined[i], 'b', '\0'};
		CHECK(!cp1252_to_utf8(in, out, sizeof out));
	}
	/* An output too small. */
	CHECK(!cp1252_to_utf8("caf\xe9 cr\xe8me", out, 4));
	CHECK(!cp1252_to_utf8("\x80\x80\x80", out, 6));
	CHECK(!cp1252_to_utf8("abcdefgh", out, 1));
	CHECK(cp1252_to_utf8("\x80\x80\x80", out, 16));
	CHECK_STR(out, "€€€");
	CHECK(utf8_valid(out, strlen(out)));
}

static void test_non_ascii(void)
{
	CHECK(!text_has_non_ascii(""));
	CHECK(!text_has_non_ascii("Mairie, 12 rue de la Paix ~\t\x7f"));
	CHECK(text_has_non_ascii("é"));
	CHECK(text_has_non_ascii("abc\x80"));
	CHECK(text_has_non_ascii("\xff"));
	CHECK(text_has_non_ascii("caf\xe9"));
}

static bool only_digits(const char *s)
{
	return s[0] && strspn(s, "0123456789") == strlen(s);
}

/* "3E7946": digits, an E, digits, which a spreadsheet reads as 3×10^7946. */
static bool scientific(const char *s)
{
	size_t a = strspn(s, "0123456789");
	return a > 0 && s[a] == 'E' && s[a + 1] && only_digits(s + a + 1);
}

static void test_person_codes(void)
{
	char code[PCODE_MAX], norm[PCODE_MAX];
	int bad_len = 0, few_letters = 0, digits = 0, sci = 0, refused = 0, changed = 0;
	int seen_digit = 0, seen_letter = 0;

	for (int i = 0; i < 5000; i++) {
		int letters = 0;
		person_code_new(code);
		if (strlen(code) != PCODE_NEW_LEN)
			bad_len++;
		for (const char *p = code; *p; p++) {
			letters += *p >= 'A' && *p <= 'Z';
			seen_digit |= *p >= '0' && *p <= '9';
		}
		seen_letter |= letters > 0;
		few_letters += letters < 2;
		digits += only_digits(code);
		sci += scientific(code);
		if (!person_code_normalize(code, norm))
			refused++;
		else if (strcmp(norm, code) != 0)
			changed++;
	}
	CHECK_INT(bad_len, 0);
	CHECK_INT(few_letters, 0);
	CHECK_INT(digits, 0);
	CHECK_INT(sci, 0);
	CHECK_INT(refused, 0);
	CHECK_INT(changed, 0);
	CHECK(seen_digit && seen_letter);
	/* The two helpers above do catch what they look for. */
	CHECK(only_digits("012345"));
	CHECK(scientific("3E7946"));
	CHECK(!scientific("3E79A6"));
}

int main(void)
{
	RUN(test_utf8);
	RUN(test_cells);
	RUN(test_strings);
	RUN(test_codes);
	RUN(test_ids);
	RUN(test_cp1252);
	RUN(test_non_ascii);
	RUN(test_person_codes);
	return harness_finish();
}
