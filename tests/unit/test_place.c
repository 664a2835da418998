/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The places of the directory: normalization and validation of the
 * national standard's columns, folding, and the store. */
#include <stdlib.h>
#include <string.h>
#include "carnet/model/config.h"
#include "carnet/model/fold.h"
#include "carnet/model/place.h"
#include "carnet/store/place_store.h"
#include "carnet/store/store.h"
#include "fixtures.h"
#include "harness.h"

static struct config cfg;

static struct place *valid(void)
{
	static struct place p;
	struct cn_err err;

	place_init(&p);
	place_set(&p, PL_ID, "lieu-1", false, &err);
	place_set(&p, PL_PIVOT, "123 456 789 00012", false, &err);
	place_set(&p, PL_NOM, "Médiathèque", false, &err);
	place_set(&p, PL_COMMUNE, "Rennes", false, &err);
	place_set(&p, PL_CODE_POSTAL, "35000", false, &err);
	place_set(&p, PL_ADRESSE, "1 rue de Paris", false, &err);
	place_set(&p, PL_DATE_MAJ, "2026-10-01", false, &err);
	return &p;
}

/* The error of place_validate after setting f to text: its field, or -1. */
static int refused(enum place_field f, const char *text, char *msg, size_t size)
{
	struct place *p = valid();
	struct cn_err err;

	if (place_set(p, f, text, false, &err) != CN_OK) {
		snprintf(msg, size, "%s", err.msg);
		return err.field;
	}
	if (place_validate(p, NULL, &cfg.lists, &err) == CN_OK)
		return -1;
	snprintf(msg, size, "%s", err.msg);
	return err.field;
}

static void test_fold(void)
{
	char out[128];

	fold_text("  Médiathèque  d’Été\u00a0ŒUVRE  ", out, sizeof out);
	CHECK_STR(out, "mediatheque d'ete oeuvre");
	fold_text("ÀÉÎÕÜÇ àéîõüç", out, sizeof out);
	CHECK_STR(out, "aeiouc aeiouc");
	CHECK(fold_equal("Ce lieu n’accueille pas de public", "ce lieu n'accueille  pas de PUBLIC"));
	CHECK(!fold_equal("Gratuit", "Payant"));
	fold_text("abcdef", out, 4);
	CHECK_STR(out, "abc");
	fold_text("ééé", out, 3);
	CHECK_STR(out, "ee");
}

static void test_columns(void)
{
	CHECK_INT(PL_NCOLUMNS, 32);
	CHECK_STR(place_column(PL_ID)->name, "id");
	CHECK_STR(place_column(PL_PRISE_RDV)->name, "prise_rdv");
	CHECK_STR(place_column(PL_PUBLICS)->name, "publics_specifiquement_adresses");
	CHECK_INT(place_column_by_name("code_postal"), PL_CODE_POSTAL);
	CHECK_INT(place_column_by_name("colonne"), -1);
	int required = 0;
	for (int f = 0; f < PL_NCOLUMNS; f++)
		required += place_column(f)->required;
	CHECK_INT(required, 7);
	CHECK_STR(place_field_label(PL_BRING), "À apporter");
}

static void test_normalize(void)
{
	struct place *p = valid();
	struct cn_err err;

	CHECK_STR(p->pivot, "12345678900012");
	CHECK_INT(place_set(p, PL_TELEPHONE, "02 99 12 34 56", false, &err), CN_OK);
	CHECK_STR(p->telephone, "+33299123456");
	place_set(p, PL_TELEPHONE, "02.99.12.34.56", false, &err);
	CHECK_STR(p->telephone, "+33299123456");
	place_set(p, PL_TELEPHONE, "0033 2 99 12 34 56", false, &err);
	CHECK_STR(p->telephone, "+33299123456");
	place_set(p, PL_TELEPHONE, "+33 (0)2 99 12 34 56", false, &err);
	CHECK_STR(p->telephone, "+33299123456");
	place_set(p, PL_TELEPHONE, "+262 262 12 34 56", false, &err);
	CHECK_STR(p->telephone, "+262262123456");
	place_set(p, PL_SERVICES, " aide aux demarches administratives ;Accès internet et matériel "
	          "informatique| ", false, &err);
	CHECK_STR(p->services,
	          "Aide aux démarches administratives|Accès internet et matériel informatique");
	place_set(p, PL_MODALITES_ACCES, "Ce lieu n’accueille pas de public", false, &err);
	CHECK_STR(p->modalites_acces, "Ce lieu n'accueille pas de public");
	place_set(p, PL_FORMATIONS_LABELS, "Formé à «\u00a0Mon Espace Santé\u00a0»", false, &err);
	CHECK_STR(p->formations_labels, "Formé à « Mon Espace Santé »");
	place_set(p, PL_COURRIELS, "a@x.fr, b@x.fr", true, &err);
	CHECK_STR(p->courriels, "a@x.fr|b@x.fr");
	place_set(p, PL_NOM, "Un,\r\nnom\t", false, &err);
	CHECK_STR(p->nom, "Un,  nom");
	place_set(p, PL_LATITUDE, "48,11", false, &err);
	CHECK_STR(p->latitude, "48.11");
	place_set(p, PL_CATEGORY, "Social", false, &err);
	CHECK_STR(p->category, "social");
	CHECK(place_has_value("a|bb|c", "bb"));
	CHECK(!place_has_value("a|bbb|c", "bb"));
	CHECK(!place_has_value("a", ""));
	CHECK_STR(place_value_of(PL_FRAIS, "GRATUIT SOUS CONDITION"), "Gratuit sous condition");
	CHECK(place_value_of(PL_FRAIS, "Offert") == NULL);
	CHECK(place_value_of(PL_NOM, "x") == NULL);
	char big[600];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(place_set(p, PL_PIVOT, big, false, &err), CN_EINVAL);
	CHECK_INT(err.field, PL_PIVOT);
}

static void test_validate(void)
{
	struct cn_err err;
	char msg[1024];

	CHECK_INT(place_validate(valid(), NULL, &cfg.lists, &err), CN_OK);
	CHECK_INT(refused(PL_CODE_POSTAL, "3500", msg, sizeof msg), PL_CODE_POSTAL);
	CHECK(strstr(msg, "code postal invalide « 3500 »") != NULL);
	CHECK_INT(refused(PL_CODE_POSTAL, "35 000", msg, sizeof msg), PL_CODE_POSTAL);
	CHECK_INT(refused(PL_CODE_POSTAL, "", msg, sizeof msg), PL_CODE_POSTAL);
	CHECK_STR(msg, "Code postal obligatoire");
	CHECK_INT(refused(PL_PIVOT, "12345678", msg, sizeof msg), PL_PIVOT);
	CHECK_INT(refused(PL_PIVOT, "W35301234", msg, sizeof msg), -1);
	CHECK_INT(refused(PL_PIVOT, "123456789000123", msg, sizeof msg), PL_PIVOT);
	CHECK_INT(refused(PL_PIVOT, "1234-56789", msg, sizeof msg), PL_PIVOT);
	CHECK_INT(refused(PL_TELEPHONE, "+33299", msg, sizeof msg), PL_TELEPHONE);
	CHECK_INT(refused(PL_TELEPHONE, "+3329912345678", msg, sizeof msg), PL_TELEPHONE);
	CHECK_INT(refused(PL_TELEPHONE, "+1 555 123 4567", msg, sizeof msg), PL_TELEPHONE);
	CHECK(strstr(msg, "téléphone invalide") != NULL);
	CHECK_INT(refused(PL_TELEPHONE, "+33299123", msg, sizeof msg), -1);
	CHECK_INT(refused(PL_CODE_INSEE, "2A004", msg, sizeof msg), -1);
	CHECK_INT(refused(PL_CODE_INSEE, "20004", msg, sizeof msg), PL_CODE_INSEE);
	CHECK_INT(refused(PL_CODE_INSEE, "2C004", msg, sizeof msg), PL_CODE_INSEE);
	CHECK_INT(refused(PL_LATITUDE, "91", msg, sizeof msg), PL_LATITUDE);
	CHECK_INT(refused(PL_LONGITUDE, "-179.9", msg, sizeof msg), -1);
	CHECK_INT(refused(PL_LONGITUDE, "1e3", msg, sizeof msg), PL_LONGITUDE);
	CHECK_INT(refused(PL_DATE_MAJ, "2026-13-01", msg, sizeof msg), PL_DATE_MAJ);
	CHECK_INT(refused(PL_DATE_MAJ, "01/10/2026", msg, sizeof msg), PL_DATE_MAJ);
	CHECK_INT(refused(PL_SERVICES, "Aide", msg, sizeof msg), PL_SERVICES);
	CHECK(strstr(msg, "valeur inconnue « Aide » (Services). Valeurs acceptées : Aide aux "
	                  "démarches administratives | ") != NULL);
	CHECK_INT(refused(PL_ITINERANCE, "Itinérant|Fixe", msg, sizeof msg), -1);
	CHECK_INT(refused(PL_ITINERANCE, "Mobile", msg, sizeof msg), PL_ITINERANCE);
	CHECK_INT(refused(PL_PUBLICS, "Etudiants", msg, sizeof msg), -1);
	CHECK_INT(refused(PL_PRISE_EN_CHARGE, "Langues étrangères (anglais)", msg, sizeof msg),
	          -1);
	CHECK_INT(refused(PL_DISPOSITIFS, "Relais numérique (Emmaüs Connect)", msg, sizeof msg),
	          -1);
	CHECK_INT(refused(PL_MODALITES_ACCOMPAGNEMENT, "A distance", msg, sizeof msg), -1);
	CHECK_INT(refused(PL_TYPOLOGIE, "N'IMPORTE|QUOI", msg, sizeof msg), -1);
	char text[2000];
	memset(text, 'a', 281);
	text[281] = '\0';
	CHECK_INT(refused(PL_PRESENTATION_RESUME, text, msg, sizeof msg), PL_PRESENTATION_RESUME);
	CHECK(strstr(msg, "281 caractères, 280 au plus") != NULL);
	text[280] = '\0';
	CHECK_INT(refused(PL_PRESENTATION_RESUME, text, msg, sizeof msg), -1);
	memset(text, 'b', 201);
	text[201] = '\0';
	CHECK_INT(refused(PL_BRING, text, msg, sizeof msg), PL_BRING);
	CHECK_INT(refused(PL_CATEGORY, "social", msg, sizeof msg), -1);
	CHECK_INT(refused(PL_CATEGORY, "nulle", msg, sizeof msg), PL_CATEGORY);
	CHECK(strstr(msg, "organisme") != NULL);
	CHECK_INT(refused(PL_NOM, "A\x1b[2J", msg, sizeof msg), PL_NOM);
	CHECK_INT(refused(PL_NOM, "\xff", msg, sizeof msg), PL_NOM);
}

static int count(const struct place *p, void *ctx)
{
	(void)p;
	(*(int *)ctx)++;
	return 0;
}

static void test_store(void)
{
	char path[512];
	struct store *st;
	struct cn_err err;
	struct place *p = valid(), got, *q = malloc(sizeof *q);
	struct place_filter f = {0};
	int n = 0;

	snprintf(path, sizeof path, "%s/places.db", harness_tmpdir());
	CHECK_INT(store_open(&st, path, &err), CN_OK);
	place_set(p, PL_SERVICES, "Loisirs et créations numériques", false, &err);
	place_set(p, PL_BRING, "Carte Vitale", false, &err);
	CHECK_INT(place_create(st, &cfg.lists, p, &err), CN_OK);
	CHECK(id_valid(p->uid));
	CHECK_INT(place_get(st, "lieu-1", false, &got, &err), CN_OK);
	CHECK_STR(got.uid, p->uid);
	CHECK_STR(got.bring, "Carte Vitale");
	CHECK(place_same_columns(&got, p));
	char prefix[5];
	memcpy(prefix, p->uid, 4);
	prefix[4] = '\0';
	CHECK_INT(place_get(st, prefix, false, &got, &err), CN_OK);
	CHECK_STR(got.id, "lieu-1");
	CHECK_INT(place_get(st, "nulle-part", false, &got, &err), CN_ENOTFOUND);
	/* the same standard id twice among live places: refused */
	memcpy(q, p, sizeof *q);
	CHECK_INT(place_create(st, &cfg.lists, q, &err), CN_EINVAL);
	CHECK_INT(err.field, PL_ID);
	/* an invalid place is not written */
	place_set(q, PL_ID, "lieu-2", false, &err);
	place_set(q, PL_CODE_POSTAL, "1", false, &err);
	CHECK_INT(place_create(st, &cfg.lists, q, &err), CN_EINVAL);
	place_set(q, PL_CODE_POSTAL, "35200", false, &err);
	place_set(q, PL_COMMUNE, "Saint-Jacques-de-la-Lande", false, &err);
	place_set(q, PL_NOM, "Espace numérique", false, &err);
	place_set(q, PL_SERVICES, "Aide aux démarches administratives", false, &err);
	CHECK_INT(place_create(st, &cfg.lists, q, &err), CN_OK);
	CHECK_INT(place_each(st, &f, count, &n, &err), CN_OK);
	CHECK_INT(n, 2);
	/* filters */
	f.search = "MEDIATHEQUE";
	n = 0;
	place_each(st, &f, count, &n, &err);
	CHECK_INT(n, 1);
	f.search = NULL;
	f.commune = "saint-jacques-de-la-lande";
	n = 0;
	place_each(st, &f, count, &n, &err);
	CHECK_INT(n, 1);
	f.commune = NULL;
	f.service = "Loisirs et créations numériques";
	n = 0;
	place_each(st, &f, count, &n, &err);
	CHECK_INT(n, 1);
	f.service = NULL;
	/* update: an id another live place has is refused, nothing changes */
	CHECK_INT(place_get(st, "lieu-2", false, &got, &err), CN_OK);
	place_set(&got, PL_ID, "lieu-1", false, &err);
	CHECK_INT(place_update(st, &cfg.lists, &got, &err), CN_EINVAL);
	CHECK_INT(place_get(st, "lieu-1", false, &got, &err), CN_OK);
	CHECK_STR(got.uid, p->uid);
	/* update of a stale version: conflict */
	CHECK_INT(place_get(st, "lieu-1", false, &got, &err), CN_OK);
	place_set(&got, PL_HORAIRES, "Mo-Fr 09:00-12:00", false, &err);
	CHECK_INT(place_update(st, &cfg.lists, &got, &err), CN_OK);
	CHECK_INT(place_update(st, &cfg.lists, p, &err), CN_ECONFLICT);
	CHECK_INT(place_get(st, "lieu-1", false, &got, &err), CN_OK);
	CHECK_STR(got.horaires, "Mo-Fr 09:00-12:00");
	/* delete: a tombstone; the id is free again */
	CHECK_INT(place_delete(st, got.uid, &err), CN_OK);
	CHECK_INT(place_get(st, "lieu-1", false, &got, &err), CN_ENOTFOUND);
	CHECK_INT(place_get(st, prefix, true, &got, &err), CN_OK);
	CHECK(got.deleted[0] != '\0');
	n = 0;
	place_each(st, &f, count, &n, &err);
	CHECK_INT(n, 1);
	CHECK_INT(place_undelete(st, got.uid, &err), CN_OK);
	CHECK_INT(place_get(st, "lieu-1", false, &got, &err), CN_OK);
	CHECK(got.deleted[0] == '\0');
	store_close(st);
	free(q);
}

struct names {
	int n;
	char nom[4][64], category[4][CODE_MAX];
	bool rest_empty;
};

static int collect(const struct place *p, void *ctx)
{
	struct names *c = ctx;
	if (c->n < 4) {
		snprintf(c->nom[c->n], sizeof c->nom[0], "%.60s", p->nom);
		snprintf(c->category[c->n], sizeof c->category[0], "%.31s", p->category);
	}
	c->rest_empty = c->rest_empty && !p->horaires[0] && !p->telephone[0];
	c->n++;
	return 0;
}

/* place_search, the desk's search box: the live places place_each finds
 * for the same text, by name, with the fields it reads. */
static void test_search(void)
{
	static const char *const texts[] = {"mediatheque", "RENNES", "aide aux", "35200",
	                                    "zzz", "e"};
	char path[512];
	struct store *st;
	struct cn_err err;
	struct place *p = valid();

	snprintf(path, sizeof path, "%s/search.db", harness_tmpdir());
	CHECK_INT(store_open(&st, path, &err), CN_OK);
	place_set(p, PL_HORAIRES, "Mo-Fr 09:00-12:00", false, &err);
	place_set(p, PL_TELEPHONE, "+33299000000", false, &err);
	place_set(p, PL_CATEGORY, "mediation", false, &err);
	CHECK_INT(place_create(st, &cfg.lists, p, &err), CN_OK);
	place_set(p, PL_ID, "lieu-b", false, &err);
	place_set(p, PL_NOM, "Accueil CAF", false, &err);
	place_set(p, PL_CATEGORY, "organisme", false, &err);
	place_set(p, PL_SERVICES, "Aide aux démarches administratives", false, &err);
	CHECK_INT(place_create(st, &cfg.lists, p, &err), CN_OK);
	place_set(p, PL_ID, "lieu-c", false, &err);
	place_set(p, PL_NOM, "Médiathèque fermée", false, &err);
	CHECK_INT(place_create(st, &cfg.lists, p, &err), CN_OK);
	CHECK_INT(place_delete(st, p->uid, &err), CN_OK);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct place_filter f = {.search = texts[i]};
		struct names a = {.rest_empty = true}, b = {.rest_empty = true};
		CHECK_INT(place_search(st, texts[i], collect, &a, &err), CN_OK);
		CHECK_INT(place_each(st, &f, collect, &b, &err), CN_OK);
		CHECK_INT(a.n, b.n);
		for (int k = 0; k < a.n && k < 4; k++) {
			CHECK_STR(a.nom[k], b.nom[k]);
			CHECK_STR(a.category[k], b.category[k]);
		}
		CHECK(a.rest_empty);
	}
	{
		struct names a = {.rest_empty = true};
		CHECK_INT(place_search(st, "e", collect, &a, &err), CN_OK);
		CHECK_INT(a.n, 2); /* the tombstoned place is left out */
		CHECK_STR(a.nom[0], "Accueil CAF");
		CHECK_STR(a.category[0], "organisme");
	}
	store_close(st);
}

static void test_phone_display(void)
{
	char out[32];

	place_phone_display("+33299022020", out, sizeof out);
	CHECK_STR(out, "02 99 02 20 20");
	place_phone_display("+33969322135", out, sizeof out);
	CHECK_STR(out, "09 69 32 21 35");
	place_phone_display("+442071234567", out, sizeof out);
	CHECK_STR(out, "+442071234567");
	place_phone_display("3939", out, sizeof out);
	CHECK_STR(out, "3939");
	place_phone_display("+3329902202", out, sizeof out);
	CHECK_STR(out, "+3329902202");
	place_phone_display("+33299022020", out, 8);
	CHECK_STR(out, "02 99"); /* cut between pairs of digits */
	place_phone_display("", out, sizeof out);
	CHECK_STR(out, "");
}

int main(void)
{
	const char *paths[] = {shipped_ini()};
	struct cn_err err;

	setenv("TZ", "Europe/Paris", 1);
	if (config_load_files(&cfg, paths, 1, NULL, NULL, &err) != CN_OK) {
		printf("not ok - loading %s: %s\n", paths[0], err.msg);
		return 1;
	}
	RUN(test_fold);
	RUN(test_columns);
	RUN(test_normalize);
	RUN(test_validate);
	RUN(test_store);
	RUN(test_search);
	RUN(test_phone_display);
	config_free(&cfg);
	return harness_finish();
}
