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

int main(void)
{
	RUN(test_utf8);
	RUN(test_cells);
	RUN(test_strings);
	RUN(test_codes);
	RUN(test_ids);
	return harness_finish();
}
