/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/screen/choices.h"
#include "harness.h"

static struct lists ls;

static bool holds_msa(const char *code, void *ctx)
{
	(void)ctx;
	return strcmp(code, "msa") == 0;
}

static void setup(void)
{
	lists_init(&ls);
	vlist_set(&ls.l[L_ORGANISME], "caf", "CAF");
	vlist_set(&ls.l[L_ORGANISME], "cpam", "Assurance maladie (CPAM, ameli)");
	vlist_set(&ls.l[L_ORGANISME], "msa", "MSA");
	vlist_set(&ls.l[L_ORGANISME], "energie", "Énergie, eau, téléphone");
	vlist_set(&ls.l[L_ORGANISME], "banque", "Banque, La Poste");
	ls.l[L_ORGANISME].e[2].retired = true;
	vlist_set(&ls.l[L_POSTURE], "pour", "Faire pour");
	vlist_set(&ls.l[L_POSTURE], "devant", "Faire devant");
	vlist_set(&ls.l[L_POSTURE], "avec", "Faire avec");
}

static void test_offered(void)
{
	struct choices c;

	choices_load(&c, &ls.l[L_ORGANISME], false, NULL, NULL);
	CHECK_INT(c.nent, 4); /* msa is retired */
	CHECK_STR(choices_entry(&c, 0)->code, "caf");
	CHECK_STR(choices_entry(&c, 2)->code, "energie");
	CHECK_INT(c.key[0], 'c');
	CHECK_INT(choices_by_key(&c, 'e'), 2);
	CHECK_INT(choices_by_key(&c, 'z'), -1);
	/* A retired code the record holds stays offered. */
	choices_load(&c, &ls.l[L_ORGANISME], false, holds_msa, NULL);
	CHECK_INT(c.nent, 5);
	CHECK_STR(choices_entry(&c, 2)->code, "msa");
}

static void test_numbered(void)
{
	struct choices c;

	choices_load(&c, &ls.l[L_POSTURE], true, NULL, NULL);
	CHECK_INT(c.key[0], '1');
	CHECK_INT(c.key[2], '3');
	CHECK_INT(choices_by_key(&c, '2'), 1);
}

static void test_filter(void)
{
	struct choices c;

	choices_load(&c, &ls.l[L_ORGANISME], false, NULL, NULL);
	choices_filter_start(&c);
	choices_filter_type(&c, "e");
	choices_filter_type(&c, "n");
	CHECK_INT(c.nshown, 1); /* "Énergie": accents are ignored */
	CHECK_STR(choices_entry(&c, choices_current(&c))->code, "energie");
	choices_filter_erase(&c);
	CHECK_INT(c.nshown, 3); /* every label with an "e" (Énergie too) */
	choices_filter_type(&c, "x");
	CHECK_INT(c.nshown, 0);
	CHECK_INT(choices_current(&c), -1);
	choices_filter_stop(&c);
	CHECK(!c.filtering);
	CHECK_INT(c.nshown, 4);
	choices_move(&c, 1);
	choices_move(&c, 10);
	CHECK_INT(choices_current(&c), 1);
	choices_move(&c, -5);
	CHECK_INT(choices_current(&c), 1);
}

int main(void)
{
	setup();
	RUN(test_offered);
	RUN(test_numbered);
	RUN(test_filter);
	lists_free(&ls);
	return harness_finish();
}
