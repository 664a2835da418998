/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/model/actions.h"
#include "carnet/screen/hotkeys.h"
#include "harness.h"

static void test_fold(void)
{
	char out[64];

	text_fold("Énergie, eau, téléphone", out, sizeof out);
	CHECK_STR(out, "energie, eau, telephone");
	text_fold("À poursuivre", out, sizeof out);
	CHECK_STR(out, "a poursuivre");
	text_fold("Déjà accompagné·e ici", out, sizeof out);
	CHECK_STR(out, "deja accompagnee ici");
	text_fold("ŒUVRE ç", out, sizeof out);
	CHECK_STR(out, "ouvre c");
}

static void test_assign(void)
{
	const char *outcomes[] = {"Démarche aboutie", "À poursuivre", "Bloquée", "Orientée",
	                          "Information donnée"};
	const char *same[] = {"Caf", "Cpam", "Commune", "Ccas"};
	char keys[5];

	hotkeys_assign(NULL, outcomes, 5, NULL, keys);
	CHECK_INT(keys[0], 'd');
	CHECK_INT(keys[1], 'a');
	CHECK_INT(keys[2], 'b');
	CHECK_INT(keys[3], 'o');
	CHECK_INT(keys[4], 'i');
	/* Collisions fall back to the other letters of the label, all distinct. */
	hotkeys_assign(NULL, same, 4, NULL, keys);
	CHECK_INT(keys[0], 'c');
	CHECK_INT(keys[1], 'p');
	CHECK_INT(keys[2], 'o');
	CHECK_INT(keys[3], 'a');
	/* Reserved keys are never given. */
	hotkeys_assign(NULL, same, 1, "c", keys);
	CHECK_INT(keys[0], 'a');
}

static void test_codes_first(void)
{
	const char *codes[] = {"info", "demande", "suivi", "rdv", "compte", "courrier"};
	const char *labels[] = {"S'informer sur un droit", "Faire une demande",
	                        "Suivre un dossier", "Prendre un rendez-vous", "Créer un compte",
	                        "Comprendre un courrier"};
	char keys[6];

	hotkeys_assign(codes, labels, 6, NULL, keys);
	CHECK_INT(keys[0], 'i');
	CHECK_INT(keys[1], 'd');
	CHECK_INT(keys[2], 's');
	CHECK_INT(keys[3], 'r');
	CHECK_INT(keys[4], 'c');
	CHECK_INT(keys[5], 'u'); /* c is taken: the initials of the label come next */
}

static void test_many(void)
{
	const char *labels[40];
	char keys[40];

	for (int i = 0; i < 40; i++)
		labels[i] = "Autre";
	hotkeys_assign(NULL, labels, 40, NULL, keys);
	for (int i = 0; i < 35; i++)
		CHECK(keys[i] != 0 && memchr(keys, keys[i], (size_t)i) == NULL);
	CHECK_INT(keys[35], 0); /* a-z and 1-9 are all taken */
}

static void test_action_table(void)
{
	char bad[32];

	for (int i = 0; i < ACT_COUNT; i++) {
		CHECK_INT(action_table[i].id, i);
		CHECK_INT(action_by_name(action_table[i].name), i);
		for (int c = 0; c < CTX_COUNT; c++)
			if (action_table[i].keys[c])
				CHECK(key_list_valid(action_table[i].keys[c], bad, sizeof bad));
	}
	CHECK_INT(action_by_name("voler"), ACT_NONE);
	CHECK(key_name_valid("F12"));
	CHECK(key_name_valid("C-s"));
	CHECK(key_name_valid("S-Tab"));
	CHECK(!key_name_valid("F13"));
	CHECK(!key_name_valid("Ctrl-s"));
	CHECK(!key_list_valid("n Entrer", bad, sizeof bad));
	CHECK_STR(bad, "Entrer");
	CHECK(!key_list_valid("  ", bad, sizeof bad));
}

int main(void)
{
	RUN(test_fold);
	RUN(test_assign);
	RUN(test_codes_first);
	RUN(test_many);
	RUN(test_action_table);
	return harness_finish();
}
