/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rest of a mediator's work: workshops and times outside accompaniment,
 * their rules (model/workshop, model/worktime, model/rules) and their
 * storage (store/workshop_store, store/worktime_store, store/records). */
#include <stdlib.h>
#include <string.h>
#include "carnet/model/config.h"
#include "carnet/model/rules.h"
#include "carnet/model/workshop.h"
#include "carnet/model/worktime.h"
#include "carnet/store/person_store.h"
#include "carnet/store/store.h"
#include "carnet/store/workshop_store.h"
#include "carnet/store/worktime_store.h"
#include "fixtures.h"
#include "harness.h"

/* The shipped lists plus a project's sites and mediators; retired: the
 * same with a few codes retired. */
static struct config cfg, retired;

static const char project_ini[] = "[site]\n"
                                  "s1 = Site un\n"
                                  "s2 = Site deux\n"
                                  "[mediateur]\n"
                                  "m1 = M. Un\n"
                                  "m2 = M. Deux\n"
                                  "m3 = M. Trois\n";
static const char retired_ini[] = "[retired]\n"
                                  "theme_atelier = culture\n"
                                  "niveau_atelier = avance\n"
                                  "materiel = tablette\n"
                                  "genre = nc\n"
                                  "temps = veille\n"
                                  "mediateur = m3\n";

static const char *db_path(const char *name)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", harness_tmpdir(), name);
	return path;
}

static long scalar(struct store *st, const char *sql)
{
	struct cn_err err;
	long v = -1;

	if (store_scalar(st, sql, &v, &err) != CN_OK)
		return -1;
	return v;
}

static bool has(const char *haystack, const char *needle)
{
	return strstr(haystack, needle) != NULL;
}

/* A workshop of 1 h 30 on one theme, beginner level, 6 anonymous. */
static void typical(struct workshop *w)
{
	workshop_init(w);
	strcpy(w->date, "2026-11-18");
	strcpy(w->time, "14:00");
	w->duration = 90;
	strcpy(w->site, "s1");
	codeset_add(&w->mediators, "m1");
	strcpy(w->title, "Apprivoiser son smartphone");
	codeset_add(&w->themes, "prise_en_main");
	strcpy(w->level, "debutant");
	strcpy(w->place, "sur_site");
	w->anonymous = 6;
}

static void typical_time(struct worktime *t)
{
	worktime_init(t);
	strcpy(t->date, "2026-11-18");
	strcpy(t->time, "09:00");
	t->duration = 30;
	strcpy(t->site, "s1");
	strcpy(t->mediator, "m1");
	strcpy(t->kind, "coordination");
}

/* The status of validating w, with err->field in *field. */
static int wcheck(const struct workshop *w, const struct workshop *prev, const struct lists *ls,
                  int *field, struct cn_err *err)
{
	int rc;

	err->field = -1;
	err->msg[0] = '\0';
	rc = workshop_validate(w, prev, ls, err);
	*field = err->field;
	return rc;
}

/* CHECK of a refusal: status CN_EINVAL, field f, and the message has want. */
#define REFUSED(w, prev, ls, f, want)                                                     \
	do {                                                                             \
		struct cn_err e_;                                                        \
		int field_;                                                              \
		CHECK_INT(wcheck((w), (prev), (ls), &field_, &e_), CN_EINVAL);           \
		CHECK_INT(field_, (f));                                                  \
		if (!CHECK(has(e_.msg, (want))))                                          \
			printf("#   message: %s\n", e_.msg);                             \
	} while (0)

static void test_workshop_fields(void)
{
	struct workshop w;
	struct cn_err err;
	int field;

	typical(&w);
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	CHECK_INT(workshop_present(&w), 6);
	CHECK_INT(w.registered, -1); /* not known */

	typical(&w), strcpy(w.date, "2026-02-30");
	REFUSED(&w, NULL, &cfg.lists, WF_DATE, "date invalide « 2026-02-30 »");
	typical(&w), strcpy(w.time, "25:00");
	REFUSED(&w, NULL, &cfg.lists, WF_TIME, "heure invalide « 25:00 » (attendu HH:MM)");
	typical(&w), strcpy(w.time, "9:30"); /* stored times are HH:MM */
	REFUSED(&w, NULL, &cfg.lists, WF_TIME, "heure invalide");
	typical(&w), w.duration = 0;
	REFUSED(&w, NULL, &cfg.lists, WF_DURATION, "durée invalide (0) : de 1 à 480 minutes");
	typical(&w), w.duration = WORKSHOP_DURATION_MAX + 1;
	REFUSED(&w, NULL, &cfg.lists, WF_DURATION, "durée invalide (481)");
	typical(&w), w.duration = WORKSHOP_DURATION_MAX;
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);

	typical(&w), w.site[0] = '\0';
	REFUSED(&w, NULL, &cfg.lists, WF_SITE, "site obligatoire");
	typical(&w), strcpy(w.site, "s9");
	REFUSED(&w, NULL, &cfg.lists, WF_SITE, "code inconnu « s9 ». Valeurs acceptées : ");
	typical(&w), codeset_add(&w.mediators, "m9");
	REFUSED(&w, NULL, &cfg.lists, WF_MEDIATORS, "code inconnu « m9 »");
	typical(&w), w.mediators.n = 0; /* nobody named: allowed */
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	typical(&w), codeset_add(&w.mediators, "m2"); /* co-led */
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);

	typical(&w), w.themes.n = 0;
	REFUSED(&w, NULL, &cfg.lists, WF_THEMES,
	        "au moins un thème est obligatoire. Valeurs acceptées : prise_en_main, internet");
	typical(&w), codeset_add(&w.themes, "cuisine");
	REFUSED(&w, NULL, &cfg.lists, WF_THEMES, "code inconnu « cuisine »");
	typical(&w), codeset_add(&w.themes, "securite");
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	typical(&w), strcpy(w.level, "expert");
	REFUSED(&w, NULL, &cfg.lists, WF_LEVEL, "code inconnu « expert »");
	typical(&w), w.level[0] = w.place[0] = '\0'; /* both optional */
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	typical(&w), strcpy(w.place, "lune");
	REFUSED(&w, NULL, &cfg.lists, WF_PLACE, "code inconnu « lune »");

	/* Equipment: "aucun" stands alone. */
	typical(&w), codeset_add(&w.equipment, "aucun");
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	codeset_add(&w.equipment, "tablette");
	REFUSED(&w, NULL, &cfg.lists, WF_EQUIPMENT, "« aucun » ne se combine pas");
	typical(&w), codeset_add(&w.equipment, "tablette"), codeset_add(&w.equipment, "ordinateur");
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	typical(&w), codeset_add(&w.equipment, "imprimante"); /* of equipement, not materiel */
	REFUSED(&w, NULL, &cfg.lists, WF_EQUIPMENT, "code inconnu « imprimante »");

	/* Registrations: unknown (-1) or 0 to 999; fewer than present is fine. */
	typical(&w), w.registered = 2;
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	typical(&w), w.registered = 0;
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	typical(&w), w.registered = ATTENDEES_MAX;
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	typical(&w), w.registered = ATTENDEES_MAX + 1;
	REFUSED(&w, NULL, &cfg.lists, WF_REGISTERED, "nombre d'inscrits invalide (1000) : de 0 à 999");
	typical(&w), w.registered = -2;
	REFUSED(&w, NULL, &cfg.lists, WF_REGISTERED, "nombre d'inscrits invalide (-2)");
	typical(&w), w.anonymous = -1;
	REFUSED(&w, NULL, &cfg.lists, WF_ANONYMOUS, "nombre d'anonymes invalide (-1) : de 0 à 999");
	typical(&w), w.anonymous = ATTENDEES_MAX + 1;
	REFUSED(&w, NULL, &cfg.lists, WF_ANONYMOUS, "nombre d'anonymes invalide (1000)");

	/* Participants set by hand are checked as codes, normalized and once. */
	typical(&w), w.nparticipants = 1, strcpy(w.participants[0].code, "AB");
	REFUSED(&w, NULL, &cfg.lists, WF_PARTICIPANTS, "code usager invalide « AB »");
	typical(&w), w.nparticipants = 1, strcpy(w.participants[0].code, "abcd");
	REFUSED(&w, NULL, &cfg.lists, WF_PARTICIPANTS, "code usager invalide « abcd »");
	typical(&w), w.nparticipants = 2;
	strcpy(w.participants[0].code, "ABCD"), strcpy(w.participants[1].code, "ABCD");
	REFUSED(&w, NULL, &cfg.lists, WF_PARTICIPANTS, "participant « ABCD » en double");
	typical(&w), w.nparticipants = PARTICIPANTS_MAX + 1;
	REFUSED(&w, NULL, &cfg.lists, WF_PARTICIPANTS, "trop de participants");

	/* Nobody present at all is refused, on the field that says so. */
	typical(&w), w.anonymous = 0;
	REFUSED(&w, NULL, &cfg.lists, WF_ANONYMOUS, "aucun participant présent");
	CHECK_INT(workshop_add_participant(&w, "ABCD12", false, &err), CN_OK);
	REFUSED(&w, NULL, &cfg.lists, WF_PARTICIPANTS, "aucun participant présent");
	CHECK_INT(workshop_add_participant(&w, "EF34GH", true, &err), CN_OK);
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	CHECK_INT(workshop_present(&w), 1);
	w.registered = 5; /* two registered, only one came: fine as well */
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);

	/* Anonymous attendees by profile: codes of the list, at most anonymous. */
	typical(&w);
	CHECK_INT(tally_parse(&w.anon_gender, "femme=4|homme=2", &err), CN_OK);
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	CHECK_INT(tally_parse(&w.anon_gender, "femme=4|homme=3", &err), CN_OK);
	REFUSED(&w, NULL, &cfg.lists, WF_ANON_GENDER,
	        "anonymes par genre : 7 en tout, plus que les 6 anonymes de l'atelier");
	typical(&w);
	CHECK_INT(tally_parse(&w.anon_age, "40_59=2|retraite=1", &err), CN_OK);
	REFUSED(&w, NULL, &cfg.lists, WF_ANON_AGE, "code inconnu « retraite »");
	typical(&w);
	CHECK_INT(tally_parse(&w.anon_situation, "retraite=7", &err), CN_OK);
	REFUSED(&w, NULL, &cfg.lists, WF_ANON_SITUATION, "7 en tout, plus que les 6 anonymes");
	CHECK_INT(tally_parse(&w.anon_situation, "retraite=3", &err), CN_OK);
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);

	/* Free texts. */
	typical(&w), memset(w.title, 'a', TITLE_MAX_CHARS), w.title[TITLE_MAX_CHARS] = '\0';
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	w.title[TITLE_MAX_CHARS] = 'a', w.title[TITLE_MAX_CHARS + 1] = '\0';
	REFUSED(&w, NULL, &cfg.lists, WF_TITLE, "texte trop long (121 caractères, 120 au plus)");
	typical(&w), w.title[0] = '\0';
	for (int i = 0; i < TITLE_MAX_CHARS; i++)
		strcat(w.title, "é"); /* characters, not bytes */
	CHECK_INT(wcheck(&w, NULL, &cfg.lists, &field, &err), CN_OK);
	typical(&w), strcpy(w.title, "Atelier\x01");
	REFUSED(&w, NULL, &cfg.lists, WF_TITLE, "caractère de contrôle");
	typical(&w), strcpy(w.note, "\xff\xfe");
	REFUSED(&w, NULL, &cfg.lists, WF_NOTE, "texte invalide (UTF-8 attendu)");

	/* The fields' names and lists. */
	CHECK_STR(workshop_field_label(WF_THEMES), "thèmes");
	CHECK_STR(workshop_field_label(WF_ANON_AGE), "anonymes par tranche d'âge");
	CHECK_STR(workshop_field_label(WF_COUNT), "");
	CHECK_INT(workshop_field_list(WF_THEMES), L_THEME_ATELIER);
	CHECK_INT(workshop_field_list(WF_EQUIPMENT), L_MATERIEL);
	CHECK_INT(workshop_field_list(WF_ANON_GENDER), L_GENRE);
	CHECK_INT(workshop_field_list(WF_TITLE), -1);
}

static void test_workshop_retired_and_foreign(void)
{
	struct workshop w, prev;
	struct unknown_codes unknown = {0};
	struct cn_err err;
	int field;

	/* A new workshop may not use a retired code... */
	typical(&w), codeset_add(&w.themes, "culture");
	REFUSED(&w, NULL, &retired.lists, WF_THEMES, "code retiré « culture »");
	typical(&w), strcpy(w.level, "avance");
	REFUSED(&w, NULL, &retired.lists, WF_LEVEL, "code retiré « avance »");
	typical(&w), codeset_add(&w.equipment, "tablette");
	REFUSED(&w, NULL, &retired.lists, WF_EQUIPMENT, "code retiré « tablette »");
	typical(&w), codeset_add(&w.mediators, "m3");
	REFUSED(&w, NULL, &retired.lists, WF_MEDIATORS, "code retiré « m3 »");
	typical(&w), tally_parse(&w.anon_gender, "nc=2", &err);
	REFUSED(&w, NULL, &retired.lists, WF_ANON_GENDER, "code retiré « nc »");

	/* ... but the one that holds them keeps them on edit. */
	typical(&prev);
	codeset_add(&prev.themes, "culture");
	strcpy(prev.level, "avance");
	codeset_add(&prev.equipment, "tablette");
	codeset_add(&prev.mediators, "m3");
	tally_parse(&prev.anon_gender, "nc=2", &err);
	w = prev;
	w.duration = 120;
	CHECK_INT(wcheck(&w, &prev, &retired.lists, &field, &err), CN_OK);
	tally_parse(&w.anon_gender, "nc=3|femme=1", &err); /* counted anew */
	CHECK_INT(wcheck(&w, &prev, &retired.lists, &field, &err), CN_OK);
	/* Another retired code is still refused. */
	w = prev, strcpy(w.level, "debutant"), strcpy(prev.level, "debutant");
	strcpy(w.level, "avance");
	REFUSED(&w, &prev, &retired.lists, WF_LEVEL, "code retiré « avance »");

	/* A workshop of another desk: unknown well-formed codes are kept and
	 * noted, retired ones accepted, malformed ones refused. */
	typical(&w);
	strcpy(w.site, "ailleurs");
	codeset_add(&w.themes, "jeux_video");
	codeset_add(&w.themes, "culture");
	codeset_add(&w.mediators, "zz");
	CHECK_INT(workshop_validate(&w, NULL, &cfg.lists, &err), CN_EINVAL);
	CHECK_INT(workshop_validate_foreign(&w, &retired.lists, &unknown, &err), CN_OK);
	CHECK_INT(unknown.n, 3);
	CHECK_INT(unknown.e[0].list, L_SITE);
	CHECK_STR(unknown.e[0].code, "ailleurs");
	CHECK_INT(unknown.e[1].list, L_MEDIATEUR);
	CHECK_STR(unknown.e[1].code, "zz");
	CHECK_INT(unknown.e[2].list, L_THEME_ATELIER);
	CHECK_STR(unknown.e[2].code, "jeux_video");
	strcpy(w.level, "Très Bon");
	memset(&unknown, 0, sizeof unknown);
	err.field = -1;
	CHECK_INT(workshop_validate_foreign(&w, &cfg.lists, &unknown, &err), CN_EINVAL);
	CHECK_INT(err.field, WF_LEVEL);
	CHECK(has(err.msg, "code invalide « Très Bon »"));
	/* The other rules hold for them too. */
	typical(&w), w.anonymous = 0;
	CHECK_INT(workshop_validate_foreign(&w, &cfg.lists, &unknown, &err), CN_EINVAL);
}

static void test_participants(void)
{
	struct workshop w;
	struct cn_err err;
	char out[2048];

	workshop_init(&w);
	CHECK_INT(participants_parse(&w, "abcd12|EF34GH:absent , IJKL:présent", &err), CN_OK);
	CHECK_INT(w.nparticipants, 3);
	CHECK_STR(w.participants[0].code, "ABCD12");
	CHECK(w.participants[0].present);
	CHECK_STR(w.participants[1].code, "EF34GH");
	CHECK(!w.participants[1].present);
	CHECK_STR(w.participants[2].code, "IJKL");
	CHECK(w.participants[2].present);
	CHECK_INT(workshop_present(&w), 2);
	participants_format(&w, "|", out, sizeof out);
	CHECK_STR(out, "ABCD12|EF34GH:absent|IJKL");
	participants_format(&w, ", ", out, sizeof out);
	CHECK_STR(out, "ABCD12, EF34GH:absent, IJKL");
	/* What is written reads back the same. */
	participants_format(&w, "|", out, sizeof out);
	CHECK_INT(participants_parse(&w, out, &err), CN_OK);
	CHECK_INT(w.nparticipants, 3);
	participants_format(&w, ",", out, sizeof out);
	CHECK_STR(out, "ABCD12,EF34GH:absent,IJKL");
	/* Parsing starts anew; nothing is nobody. */
	CHECK_INT(participants_parse(&w, "MNOP:absente", &err), CN_OK);
	CHECK_INT(w.nparticipants, 1);
	CHECK(!w.participants[0].present);
	CHECK_INT(participants_parse(&w, " , |", &err), CN_OK);
	CHECK_INT(w.nparticipants, 0);
	participants_format(&w, "|", out, sizeof out);
	CHECK_STR(out, "");

	err.field = -1;
	CHECK_INT(participants_parse(&w, "ABCD:peut-être", &err), CN_EINVAL);
	CHECK_INT(err.field, WF_PARTICIPANTS);
	CHECK(has(err.msg, "présence invalide « peut-être » pour « ABCD »"));
	err.field = -1;
	CHECK_INT(participants_parse(&w, "ABCD|EFGH|ABCD:absent", &err), CN_EINVAL);
	CHECK_INT(err.field, WF_PARTICIPANTS);
	CHECK(has(err.msg, "participant « ABCD » en double"));
	/* The same code in another letter case is the same person. */
	CHECK_INT(participants_parse(&w, "abcd|ABCD:absent", &err), CN_EINVAL);
	CHECK(has(err.msg, "participant « ABCD » en double"));
	CHECK_INT(participants_parse(&w, "ABCD|abcd:absent", &err), CN_EINVAL);
	CHECK(has(err.msg, "participant « ABCD » en double"));
	err.field = -1;
	CHECK_INT(participants_parse(&w, "ABC", &err), CN_EINVAL);
	CHECK_INT(err.field, WF_PARTICIPANTS);
	CHECK(has(err.msg, "code usager invalide « ABC » (4 à 16 lettres ou chiffres)"));
	CHECK_INT(participants_parse(&w, "AB-CD", &err), CN_EINVAL);
	CHECK_INT(participants_parse(&w, "ABCDEFGHIJKLMNOPQ", &err), CN_EINVAL); /* 17 */
	CHECK_INT(participants_parse(&w, "ABCDEFGHIJKLMNOP", &err), CN_OK);      /* 16 */

	/* PARTICIPANTS_MAX with a code; the others are counted as anonymous. */
	out[0] = '\0';
	for (int i = 0; i < PARTICIPANTS_MAX; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%sP%04d", i ? "|" : "", i);
	CHECK_INT(participants_parse(&w, out, &err), CN_OK);
	CHECK_INT(w.nparticipants, PARTICIPANTS_MAX);
	{
		char small[20]; /* cut short, always terminated */
		participants_format(&w, "|", small, sizeof small);
		CHECK(strlen(small) < sizeof small);
		CHECK(strncmp(small, "P0000|P0001|P0002", 17) == 0);
	}
	strcat(out, "|P9999");
	err.field = -1;
	CHECK_INT(participants_parse(&w, out, &err), CN_EINVAL);
	CHECK_INT(err.field, WF_PARTICIPANTS);
	CHECK(has(err.msg, "trop de participants avec un code (60 au plus"));

	/* Adding a code again changes its presence; removing keeps the order. */
	CHECK_INT(participants_parse(&w, "AAAA|BBBB|CCCC", &err), CN_OK);
	CHECK_INT(workshop_add_participant(&w, "bbbb", false, &err), CN_OK);
	CHECK_INT(w.nparticipants, 3);
	CHECK(!workshop_participant(&w, "BBBB")->present);
	CHECK(workshop_participant(&w, "ZZZZ") == NULL);
	workshop_remove_participant(&w, "AAAA");
	workshop_remove_participant(&w, "ZZZZ");
	participants_format(&w, "|", out, sizeof out);
	CHECK_STR(out, "BBBB:absent|CCCC");
	CHECK_INT(workshop_add_participant(&w, "x", true, &err), CN_EINVAL);
	CHECK_INT(w.nparticipants, 2);
}

static void test_tallies(void)
{
	struct tally t;
	struct cn_err err;
	char out[512];

	CHECK_INT(tally_parse(&t, "femme=3|homme=2", &err), CN_OK);
	CHECK_INT(t.n, 2);
	CHECK_INT(tally_sum(&t), 5);
	CHECK_INT(tally_count(&t, "femme"), 3);
	CHECK_INT(tally_count(&t, "homme"), 2);
	CHECK_INT(tally_count(&t, "nc"), 0);
	tally_format(&t, ",", out, sizeof out);
	CHECK_STR(out, "femme=3,homme=2");
	CHECK_INT(tally_parse(&t, " Homme = 2 , femme=999 ", &err), CN_OK);
	tally_format(&t, "|", out, sizeof out);
	CHECK_STR(out, "homme=2|femme=999"); /* order kept */
	tally_format(&t, "|", out, 8);
	CHECK_STR(out, "homme=2");
	CHECK_INT(tally_parse(&t, "", &err), CN_OK);
	CHECK_INT(t.n, 0);
	CHECK_INT(tally_sum(&t), 0);
	tally_format(&t, "|", out, sizeof out);
	CHECK_STR(out, "");

	CHECK_INT(tally_parse(&t, "femme", &err), CN_EINVAL);
	CHECK(has(err.msg, "« femme » : attendu code=nombre (femme=3)"));
	CHECK_INT(tally_parse(&t, "femme=0", &err), CN_EINVAL);
	CHECK(has(err.msg, "nombre invalide « 0 » pour femme (de 1 à 999)"));
	CHECK_INT(tally_parse(&t, "femme=1000", &err), CN_EINVAL);
	CHECK_INT(tally_parse(&t, "femme=-2", &err), CN_EINVAL);
	CHECK_INT(tally_parse(&t, "femme=trois", &err), CN_EINVAL);
	CHECK_INT(tally_parse(&t, "femme=3x", &err), CN_EINVAL);
	CHECK_INT(tally_parse(&t, "femme=", &err), CN_EINVAL);
	CHECK_INT(tally_parse(&t, "=3", &err), CN_EINVAL);
	CHECK(has(err.msg, "code invalide"));
	CHECK_INT(tally_parse(&t, "fem me=3", &err), CN_EINVAL);
	CHECK_INT(tally_parse(&t, "femme=1|homme=1|Femme=2", &err), CN_EINVAL);
	CHECK(has(err.msg, "« femme » compté deux fois"));

	out[0] = '\0';
	for (int i = 0; i <= CODESET_MAX; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%sc%d=1", i ? "|" : "", i);
	CHECK_INT(tally_parse(&t, out, &err), CN_EINVAL);
	CHECK(has(err.msg, "trop de valeurs (32 au plus)"));
	*strrchr(out, '|') = '\0';
	CHECK_INT(tally_parse(&t, out, &err), CN_OK);
	CHECK_INT(t.n, CODESET_MAX);
	CHECK_INT(tally_sum(&t), CODESET_MAX);
}

static int tcheck(const struct worktime *t, const struct worktime *prev, const struct lists *ls,
                  struct cn_err *err)
{
	err->field = -1;
	err->msg[0] = '\0';
	return worktime_validate(t, prev, ls, err);
}

#define TREFUSED(t, prev, ls, f, want)                                                    \
	do {                                                                             \
		struct cn_err e_;                                                        \
		CHECK_INT(tcheck((t), (prev), (ls), &e_), CN_EINVAL);                    \
		CHECK_INT(e_.field, (f));                                                \
		if (!CHECK(has(e_.msg, (want))))                                          \
			printf("#   message: %s\n", e_.msg);                             \
	} while (0)

/* What the form's tally field does with a key: one more, one less. */
static void test_tally_add(void)
{
	struct tally t;
	struct cn_err err;
	char out[512];

	memset(&t, 0, sizeof t);
	CHECK_INT(tally_add(&t, "nc", -1), 0); /* nothing to take off */
	CHECK_INT(t.n, 0);
	CHECK_INT(tally_add(&t, "femme", 1), 1);
	CHECK_INT(tally_add(&t, "homme", 1), 1);
	CHECK_INT(tally_add(&t, "femme", 2), 3);
	tally_format(&t, "|", out, sizeof out);
	CHECK_STR(out, "femme=3|homme=1");
	CHECK_INT(tally_add(&t, "femme", -3), 0); /* at 0 the code leaves */
	tally_format(&t, "|", out, sizeof out);
	CHECK_STR(out, "homme=1");
	CHECK_INT(tally_add(&t, "homme", ATTENDEES_MAX + 5), ATTENDEES_MAX);
	tally_format(&t, "|", out, sizeof out);
	CHECK_INT(tally_parse(&t, out, &err), CN_OK); /* still a valid tally */
	memset(&t, 0, sizeof t);
	for (int i = 0; i < CODESET_MAX; i++) {
		char code[16];
		snprintf(code, sizeof code, "c%d", i);
		CHECK_INT(tally_add(&t, code, 1), 1);
	}
	CHECK_INT(tally_add(&t, "full", 1), 0); /* no room left */
	CHECK_INT(t.n, CODESET_MAX);
}

static void test_worktime_fields(void)
{
	struct worktime t, prev;
	struct unknown_codes unknown = {0};
	struct cn_err err;

	typical_time(&t);
	CHECK_INT(tcheck(&t, NULL, &cfg.lists, &err), CN_OK);
	typical_time(&t), strcpy(t.date, "2026-13-01");
	TREFUSED(&t, NULL, &cfg.lists, TF_DATE, "date invalide « 2026-13-01 »");
	typical_time(&t), strcpy(t.time, "12h");
	TREFUSED(&t, NULL, &cfg.lists, TF_TIME, "heure invalide « 12h »");
	typical_time(&t), t.duration = 0;
	TREFUSED(&t, NULL, &cfg.lists, TF_DURATION, "durée invalide (0) : de 1 à 720 minutes");
	typical_time(&t), t.duration = WORKTIME_DURATION_MAX; /* a whole day out */
	CHECK_INT(tcheck(&t, NULL, &cfg.lists, &err), CN_OK);
	t.duration = WORKTIME_DURATION_MAX + 1;
	TREFUSED(&t, NULL, &cfg.lists, TF_DURATION, "durée invalide (721)");
	typical_time(&t), t.site[0] = '\0';
	TREFUSED(&t, NULL, &cfg.lists, TF_SITE, "site obligatoire");
	typical_time(&t), strcpy(t.site, "s9");
	TREFUSED(&t, NULL, &cfg.lists, TF_SITE, "code inconnu « s9 »");
	typical_time(&t), t.mediator[0] = '\0'; /* optional */
	CHECK_INT(tcheck(&t, NULL, &cfg.lists, &err), CN_OK);
	typical_time(&t), strcpy(t.mediator, "m9");
	TREFUSED(&t, NULL, &cfg.lists, TF_MEDIATOR, "code inconnu « m9 »");
	typical_time(&t), t.kind[0] = '\0';
	TREFUSED(&t, NULL, &cfg.lists, TF_KIND, "nature obligatoire");
	typical_time(&t), strcpy(t.kind, "sieste");
	TREFUSED(&t, NULL, &cfg.lists, TF_KIND,
	         "code inconnu « sieste ». Valeurs acceptées : preparation, coordination");
	typical_time(&t), memset(t.note, 'x', NOTE_MAX_CHARS + 1), t.note[NOTE_MAX_CHARS + 1] = 0;
	TREFUSED(&t, NULL, &cfg.lists, TF_NOTE, "texte trop long (501 caractères, 500 au plus)");
	typical_time(&t), strcpy(t.note, "Réunion \xe2\x80\xae"); /* right-to-left override */
	TREFUSED(&t, NULL, &cfg.lists, TF_NOTE, "sens d'écriture");

	/* Retired: refused when new, kept on edit. */
	typical_time(&t), strcpy(t.kind, "veille");
	TREFUSED(&t, NULL, &retired.lists, TF_KIND, "code retiré « veille »");
	prev = t;
	t.duration = 45;
	CHECK_INT(tcheck(&t, &prev, &retired.lists, &err), CN_OK);
	typical_time(&t), strcpy(t.mediator, "m3");
	TREFUSED(&t, NULL, &retired.lists, TF_MEDIATOR, "code retiré « m3 »");
	prev = t;
	CHECK_INT(tcheck(&t, &prev, &retired.lists, &err), CN_OK);

	/* Another desk's: unknown codes noted. */
	typical_time(&t), strcpy(t.kind, "jardinage"), strcpy(t.site, "ailleurs");
	CHECK_INT(worktime_validate_foreign(&t, &cfg.lists, &unknown, &err), CN_OK);
	CHECK_INT(unknown.n, 2);
	CHECK_STR(unknown.e[0].code, "ailleurs");
	CHECK_INT(unknown.e[1].list, L_TEMPS);
	CHECK_STR(unknown.e[1].code, "jardinage");
	strcpy(t.kind, "Jardinage!");
	CHECK_INT(worktime_validate_foreign(&t, &cfg.lists, &unknown, &err), CN_EINVAL);
	CHECK_INT(err.field, TF_KIND);

	CHECK_STR(worktime_field_label(TF_KIND), "nature");
	CHECK_STR(worktime_field_label(TF_MEDIATOR), "médiateur");
	CHECK_STR(worktime_field_label(TF_COUNT), "");
}

static void test_rules(void)
{
	struct codeset set = {0}, prev = {0};
	struct cn_err err;

	err.field = -1;
	CHECK_INT(rule_code(&cfg.lists, L_TEMPS, 7, "nature", "", NULL, true, NULL, &err), CN_EINVAL);
	CHECK_INT(err.field, 7);
	CHECK(has(err.msg, "nature obligatoire. Valeurs acceptées : preparation"));
	CHECK_INT(rule_code(&cfg.lists, L_TEMPS, 7, "nature", "", NULL, false, NULL, &err), CN_OK);
	CHECK_INT(rule_code(&cfg.lists, L_TEMPS, 7, "nature", "veille", NULL, true, NULL, &err),
	          CN_OK);
	err.field = -1;
	CHECK_INT(rule_code(&retired.lists, L_TEMPS, 7, "nature", "veille", NULL, true, NULL, &err),
	          CN_EINVAL);
	CHECK_INT(err.field, 7);
	CHECK(has(err.msg, "code retiré « veille »"));
	CHECK_INT(rule_code(&retired.lists, L_TEMPS, 7, "nature", "veille", "veille", true, NULL,
	                    &err),
	          CN_OK);
	CHECK_INT(rule_code(&retired.lists, L_TEMPS, 7, "nature", "veille", "autre", true, NULL,
	                    &err),
	          CN_EINVAL);
	err.field = -1;
	CHECK_INT(rule_code(&cfg.lists, L_TEMPS, 3, "nature", "zz", NULL, true, NULL, &err),
	          CN_EINVAL);
	CHECK_INT(err.field, 3);

	codeset_add(&set, "internet");
	codeset_add(&set, "culture");
	CHECK_INT(rule_codes(&cfg.lists, L_THEME_ATELIER, 5, &set, NULL, NULL, &err), CN_OK);
	err.field = -1;
	CHECK_INT(rule_codes(&retired.lists, L_THEME_ATELIER, 5, &set, NULL, NULL, &err), CN_EINVAL);
	CHECK_INT(err.field, 5);
	codeset_add(&prev, "culture");
	CHECK_INT(rule_codes(&retired.lists, L_THEME_ATELIER, 5, &set, &prev, NULL, &err), CN_OK);
	codeset_add(&set, "inconnu");
	CHECK_INT(rule_codes(&cfg.lists, L_THEME_ATELIER, 5, &set, &prev, NULL, &err), CN_EINVAL);
	CHECK(has(err.msg, "code inconnu « inconnu »"));

	/* Characters, not bytes. */
	CHECK_INT(rule_text("ééé", 3, 2, &err), CN_OK);
	err.field = -1;
	CHECK_INT(rule_text("éééé", 3, 2, &err), CN_EINVAL);
	CHECK_INT(err.field, 2);
	CHECK(has(err.msg, "texte trop long (4 caractères, 3 au plus)"));
	CHECK_INT(rule_text("a\tb", 10, 2, &err), CN_EINVAL);
	CHECK_INT(rule_text("\xc3", 10, 2, &err), CN_EINVAL);
	CHECK(has(err.msg, "UTF-8"));
	CHECK_INT(rule_text("", 0, 2, &err), CN_OK);

	CHECK_INT(rule_date("2028-02-29", 1, &err), CN_OK);
	err.field = -1;
	CHECK_INT(rule_date("2027-02-29", 1, &err), CN_EINVAL);
	CHECK_INT(err.field, 1);
	CHECK_INT(rule_date("", 1, &err), CN_EINVAL);
	CHECK_INT(rule_time("23:59", 2, &err), CN_OK);
	CHECK_INT(rule_time("24:00", 2, &err), CN_EINVAL);
	CHECK_INT(rule_time("10:5", 2, &err), CN_EINVAL);
	CHECK_INT(rule_minutes(1, 1, 720, 3, &err), CN_OK);
	CHECK_INT(rule_minutes(720, 1, 720, 3, &err), CN_OK);
	err.field = -1;
	CHECK_INT(rule_minutes(721, 1, 720, 3, &err), CN_EINVAL);
	CHECK_INT(err.field, 3);
	CHECK_STR(err.msg, "durée invalide (721) : de 1 à 720 minutes");
}

/* ------------------------------------------------------------- storage */

static void add_person(struct store *st, const char *code)
{
	struct person p;
	struct cn_err err;

	person_init(&p);
	strcpy(p.code, code);
	if (!CHECK_INT(person_create(st, &cfg.lists, &p, &err), CN_OK))
		printf("#   %s\n", err.msg);
}

static struct store *open_base(const char *name)
{
	struct store *st = NULL;
	struct cn_err err;

	if (!CHECK_INT(store_open(&st, db_path(name), &err), CN_OK)) {
		printf("#   %s\n", err.msg);
		exit(1);
	}
	add_person(st, "ABCD12");
	add_person(st, "EF34GH");
	add_person(st, "JK56MN");
	return st;
}

static bool same_tally(const struct tally *a, const struct tally *b)
{
	char x[512], y[512];

	tally_format(a, "|", x, sizeof x);
	tally_format(b, "|", y, sizeof y);
	return strcmp(x, y) == 0;
}

static void test_workshop_create_get(void)
{
	struct store *st = open_base("workshop.db");
	struct workshop w, got;
	struct cn_err err;
	char out[512], prefix[9];

	typical(&w);
	codeset_add(&w.mediators, "m2");
	codeset_add(&w.themes, "securite");
	codeset_add(&w.equipment, "smartphone");
	codeset_add(&w.equipment, "tablette");
	strcpy(w.note, "Salle « informatique »");
	w.registered = 8;
	w.anonymous = 4;
	CHECK_INT(tally_parse(&w.anon_gender, "homme=1|femme=3", &err), CN_OK);
	CHECK_INT(tally_parse(&w.anon_age, "70_plus=2", &err), CN_OK);
	CHECK_INT(participants_parse(&w, "JK56MN:absent|abcd12|EF34GH", &err), CN_OK);
	strcpy(w.id, "aaaa0000-0000-4000-8000-000000000001"); /* replaced */
	strcpy(w.deleted, "2026-11-18T10:00:00.000Z");
	CHECK_INT(workshop_create(st, &cfg.lists, &w, &err), CN_OK);
	CHECK(id_valid(w.id));
	CHECK(strcmp(w.id, "aaaa0000-0000-4000-8000-000000000001") != 0);
	CHECK_INT(strlen(w.created), 24); /* YYYY-MM-DDTHH:MM:SS.mmmZ */
	CHECK_INT(w.created[23], 'Z');
	CHECK_STR(w.updated, w.created);
	CHECK_STR(w.deleted, "");
	CHECK_INT(scalar(st, "SELECT count(*) FROM workshop"), 1);
	CHECK_INT(scalar(st, "SELECT count(*) FROM workshop_participant"), 3);
	CHECK_INT(scalar(st, "SELECT registered FROM workshop"), 8);

	/* Everything reads back, the participants in their order. */
	CHECK_INT(workshop_get(st, w.id, false, &got, &err), CN_OK);
	CHECK_STR(got.id, w.id);
	CHECK_STR(got.date, "2026-11-18");
	CHECK_STR(got.time, "14:00");
	CHECK_INT(got.duration, 90);
	CHECK_STR(got.site, "s1");
	CHECK(codeset_equal(&got.mediators, &w.mediators));
	CHECK_STR(got.title, "Apprivoiser son smartphone");
	CHECK(codeset_equal(&got.themes, &w.themes));
	CHECK_STR(got.level, "debutant");
	CHECK_STR(got.place, "sur_site");
	CHECK_INT(got.registered, 8);
	CHECK_INT(got.anonymous, 4);
	CHECK(same_tally(&got.anon_gender, &w.anon_gender));
	CHECK(same_tally(&got.anon_age, &w.anon_age));
	CHECK_INT(got.anon_situation.n, 0);
	CHECK(codeset_equal(&got.equipment, &w.equipment));
	CHECK_STR(got.note, "Salle « informatique »");
	CHECK_STR(got.created, w.created);
	CHECK_STR(got.updated, w.updated);
	CHECK_STR(got.deleted, "");
	participants_format(&got, "|", out, sizeof out);
	CHECK_STR(out, "JK56MN:absent|ABCD12|EF34GH");
	CHECK_INT(workshop_present(&got), 6);

	/* A short prefix, in any case; unknown registrations stay unknown. */
	memcpy(prefix, w.id, 8);
	prefix[8] = '\0';
	for (char *c = prefix; *c; c++)
		*c = (char)(*c >= 'a' && *c <= 'f' ? *c - 'a' + 'A' : *c);
	CHECK_INT(workshop_get(st, prefix, false, &got, &err), CN_OK);
	CHECK_STR(got.id, w.id);
	typical(&w);
	CHECK_INT(workshop_create(st, &cfg.lists, &w, &err), CN_OK);
	CHECK_INT(workshop_get(st, w.id, false, &got, &err), CN_OK);
	CHECK_INT(got.registered, -1);
	CHECK_INT(got.nparticipants, 0);
	CHECK_INT(got.anon_gender.n, 0);
	CHECK_INT(got.mediators.n, 1);
	CHECK_INT(scalar(st, "SELECT count(*) FROM workshop WHERE registered IS NULL"
	                     " AND anon_gender IS NULL AND note IS NULL"),
	          1);

	/* Participants must be persons of the base; nothing is written. */
	typical(&w);
	CHECK_INT(participants_parse(&w, "ABCD12|ZZ99ZZ", &err), CN_OK);
	err.field = -1;
	CHECK_INT(workshop_create(st, &cfg.lists, &w, &err), CN_ENOTFOUND);
	CHECK_INT(err.field, WF_PARTICIPANTS);
	CHECK(has(err.msg, "usager inconnu « ZZ99ZZ »"));
	CHECK_INT(scalar(st, "SELECT count(*) FROM workshop"), 2);
	CHECK_INT(scalar(st, "SELECT count(*) FROM workshop_participant"), 3);
	/* Nor when a rule refuses it. */
	typical(&w), w.anonymous = 0;
	CHECK_INT(workshop_create(st, &cfg.lists, &w, &err), CN_EINVAL);
	CHECK_INT(scalar(st, "SELECT count(*) FROM workshop"), 2);

	/* Ids and prefixes that match nothing, or several. */
	err.field = -1;
	CHECK_INT(workshop_get(st, "abc", false, &got, &err), CN_ENOTFOUND);
	CHECK_INT(err.field, WF_ID);
	CHECK(has(err.msg, "atelier introuvable : « abc »"));
	CHECK_INT(workshop_get(st, "zzzzzzzz", false, &got, &err), CN_ENOTFOUND);
	typical(&w);
	strcpy(w.id, "aaaa0000-0000-4000-8000-000000000001");
	strcpy(w.created, "2026-11-18T10:00:00.000Z");
	strcpy(w.updated, w.created);
	CHECK_INT(workshop_put(st, &w, true, &err), CN_OK);
	strcpy(w.id, "aaaa0000-0000-4000-8000-000000000002");
	CHECK_INT(workshop_put(st, &w, true, &err), CN_OK);
	err.field = -1;
	CHECK_INT(workshop_get(st, "aaaa", false, &got, &err), CN_EINVAL);
	CHECK_INT(err.field, WF_ID);
	CHECK(has(err.msg, "identifiant ambigu « aaaa »"));
	CHECK_INT(workshop_get(st, "aaaa0000-0000-4000-8000-000000000002", false, &got, &err), CN_OK);
	CHECK_STR(got.created, "2026-11-18T10:00:00.000Z");
	CHECK_INT(workshop_get(st, "ffff", false, &got, &err), CN_ENOTFOUND);
	CHECK(has(err.msg, "atelier introuvable : « ffff »"));
	/* put over a row that is not there. */
	strcpy(w.id, "bbbb0000-0000-4000-8000-000000000003");
	CHECK_INT(workshop_put(st, &w, false, &err), CN_ENOTFOUND);
	store_close(st);
}

/* New persons made on the screen are written with the workshop, in its
 * transaction: all or nothing. */
static void test_workshop_new_persons(void)
{
	struct store *st = open_base("workshop-new.db");
	struct workshop w, got;
	struct cn_err err;
	char out[512];
	const char fresh[][PCODE_MAX] = {"NEW111", "NEW222", "GONE33"};

	/* An unknown participant beside them: nothing at all is written. */
	typical(&w);
	CHECK_INT(participants_parse(&w, "NEW111|ZZZZ99", &err), CN_OK);
	CHECK_INT(workshop_create_with(st, &cfg.lists, &w, fresh, 3, &err), CN_ENOTFOUND);
	CHECK_INT(err.field, WF_PARTICIPANTS);
	CHECK_INT(scalar(st, "SELECT count(*) FROM workshop"), 0);
	CHECK_INT(scalar(st, "SELECT count(*) FROM person WHERE code = 'NEW111'"), 0);

	/* Only the fresh codes still among the participants become persons. */
	typical(&w);
	CHECK_INT(participants_parse(&w, "ABCD12|NEW111:absent", &err), CN_OK);
	CHECK_INT(workshop_create_with(st, &cfg.lists, &w, fresh, 3, &err), CN_OK);
	CHECK_INT(scalar(st, "SELECT count(*) FROM person WHERE code = 'NEW111'"), 1);
	CHECK_INT(scalar(st, "SELECT count(*) FROM person WHERE code IN ('NEW222', 'GONE33')"), 0);
	CHECK_INT(workshop_get(st, w.id, false, &got, &err), CN_OK);
	participants_format(&got, "|", out, sizeof out);
	CHECK_STR(out, "ABCD12|NEW111:absent");

	/* An edit brings another one. */
	CHECK_INT(workshop_add_participant(&got, "NEW222", true, &err), CN_OK);
	CHECK_INT(workshop_update_with(st, &cfg.lists, &got, fresh + 1, 1, &err), CN_OK);
	CHECK_INT(scalar(st, "SELECT count(*) FROM person WHERE code = 'NEW222'"), 1);
	CHECK_INT(scalar(st, "SELECT count(*) FROM workshop_participant"), 3);
	/* A code taken meanwhile is refused, the workshop unchanged. */
	CHECK_INT(workshop_get(st, w.id, false, &got, &err), CN_OK);
	CHECK_INT(workshop_add_participant(&got, "EF34GH", true, &err), CN_OK);
	{
		const char taken[][PCODE_MAX] = {"EF34GH"};
		CHECK(workshop_update_with(st, &cfg.lists, &got, taken, 1, &err) != CN_OK);
		CHECK_INT(err.field, WF_PARTICIPANTS);
	}
	CHECK_INT(scalar(st, "SELECT count(*) FROM workshop_participant"), 3);
	store_close(st);
}

static void test_workshop_update_delete(void)
{
	struct store *st = open_base("workshop-edit.db");
	struct workshop w, mine, theirs, got;
	struct cn_err err;
	char id[ID_LEN], version[TS_LEN], out[512];

	typical(&w);
	CHECK_INT(participants_parse(&w, "ABCD12|EF34GH", &err), CN_OK);
	CHECK_INT(workshop_create(st, &cfg.lists, &w, &err), CN_OK);
	strcpy(id, w.id);
	strcpy(version, w.updated);

	/* Saved over the version read: updated moves on, created stays. */
	CHECK_INT(workshop_get(st, id, false, &mine, &err), CN_OK);
	theirs = mine;
	theirs.duration = 120;
	CHECK_INT(participants_parse(&theirs, "EF34GH:absent|JK56MN", &err), CN_OK);
	CHECK_INT(workshop_update(st, &cfg.lists, &theirs, &err), CN_OK);
	CHECK(strcmp(theirs.updated, version) > 0);
	CHECK_INT(workshop_get(st, id, false, &got, &err), CN_OK);
	CHECK_INT(got.duration, 120);
	CHECK_STR(got.created, w.created);
	CHECK_STR(got.updated, theirs.updated);
	participants_format(&got, "|", out, sizeof out);
	CHECK_STR(out, "EF34GH:absent|JK56MN");
	CHECK_INT(scalar(st, "SELECT count(*) FROM workshop_participant"), 2);

	/* Another version than the one read: refused, nothing written. */
	mine.duration = 60;
	CHECK_INT(workshop_update(st, &cfg.lists, &mine, &err), CN_ECONFLICT);
	CHECK(has(err.msg, "cet atelier a été modifié ailleurs"));
	CHECK_INT(workshop_get(st, id, false, &got, &err), CN_OK);
	CHECK_INT(got.duration, 120);
	/* Without a version, it is saved over whatever is there. */
	mine.updated[0] = '\0';
	CHECK_INT(workshop_update(st, &cfg.lists, &mine, &err), CN_OK);
	CHECK(strcmp(mine.updated, theirs.updated) > 0);
	CHECK_INT(workshop_get(st, id, false, &got, &err), CN_OK);
	CHECK_INT(got.duration, 60);
	participants_format(&got, "|", out, sizeof out);
	CHECK_STR(out, "ABCD12|EF34GH");

	/* An unknown participant on edit: nothing changes, not even the others. */
	got.duration = 45;
	CHECK_INT(participants_parse(&got, "JK56MN|QQQQ", &err), CN_OK);
	err.field = -1;
	CHECK_INT(workshop_update(st, &cfg.lists, &got, &err), CN_ENOTFOUND);
	CHECK_INT(err.field, WF_PARTICIPANTS);
	CHECK_INT(workshop_get(st, id, false, &got, &err), CN_OK);
	CHECK_INT(got.duration, 60);
	participants_format(&got, "|", out, sizeof out);
	CHECK_STR(out, "ABCD12|EF34GH");
	/* A rule refuses: the same. */
	got.themes.n = 0;
	CHECK_INT(workshop_update(st, &cfg.lists, &got, &err), CN_EINVAL);
	CHECK_INT(err.field, WF_THEMES);

	/* Only by the full id of a workshop that is there. */
	CHECK_INT(workshop_get(st, id, false, &got, &err), CN_OK);
	got.id[8] = '\0';
	CHECK_INT(workshop_update(st, &cfg.lists, &got, &err), CN_ENOTFOUND);
	strcpy(got.id, "cccc0000-0000-4000-8000-000000000000");
	CHECK_INT(workshop_update(st, &cfg.lists, &got, &err), CN_ENOTFOUND);

	/* A retired code the workshop has stays on edit. */
	typical(&w);
	codeset_add(&w.themes, "culture");
	CHECK_INT(workshop_create(st, &cfg.lists, &w, &err), CN_OK);
	w.duration = 75;
	CHECK_INT(workshop_update(st, &retired.lists, &w, &err), CN_OK);
	strcpy(w.level, "avance");
	CHECK_INT(workshop_update(st, &retired.lists, &w, &err), CN_EINVAL);

	/* Delete and undelete: tombstones, updated moves on each time. */
	CHECK_INT(workshop_get(st, id, false, &got, &err), CN_OK);
	strcpy(version, got.updated);
	CHECK_INT(workshop_delete(st, id, &err), CN_OK);
	CHECK_INT(workshop_get(st, id, false, &got, &err), CN_ENOTFOUND);
	CHECK_INT(workshop_get(st, id, true, &got, &err), CN_OK);
	CHECK(got.deleted[0] != '\0');
	CHECK(strcmp(got.updated, version) > 0);
	CHECK_INT(got.nparticipants, 2); /* kept with the tombstone */
	strcpy(version, got.updated);
	CHECK_INT(workshop_delete(st, id, &err), CN_ENOTFOUND);
	CHECK(has(err.msg, "atelier introuvable"));
	CHECK_INT(workshop_update(st, &cfg.lists, &got, &err), CN_ENOTFOUND);
	CHECK_INT(workshop_undelete(st, id, &err), CN_OK);
	CHECK_INT(workshop_get(st, id, false, &got, &err), CN_OK);
	CHECK_STR(got.deleted, "");
	CHECK(strcmp(got.updated, version) > 0);
	err.field = -1;
	CHECK_INT(workshop_undelete(st, id, &err), CN_ENOTFOUND);
	CHECK_INT(err.field, WF_ID);
	CHECK(has(err.msg, "atelier supprimé introuvable"));
	store_close(st);
}

struct seen {
	int n;
	char what[16][TITLE_BYTES + DATE_LEN];
	int stop_at; /* returns 7 on that call (1-based), 0: never */
};

static int see_workshop(const struct workshop *w, void *ctx)
{
	struct seen *s = ctx;

	if (s->n < 16)
		snprintf(s->what[s->n], sizeof s->what[0], "%s %s", w->title, w->date);
	return ++s->n == s->stop_at ? 7 : 0;
}

static struct seen each_workshop(struct store *st, const struct visit_filter *f)
{
	struct seen s = {0};
	struct cn_err err;

	CHECK_INT(workshop_each(st, f, see_workshop, &s, &err), CN_OK);
	return s;
}

static void make_workshop(struct store *st, const char *title, const char *date,
                          const char *time, const char *site, const char *mediators,
                          const char *participants)
{
	struct workshop w;
	struct cn_err err;

	typical(&w);
	strcpy(w.title, title);
	strcpy(w.date, date);
	strcpy(w.time, time);
	strcpy(w.site, site);
	codeset_parse(&w.mediators, mediators, &err);
	participants_parse(&w, participants, &err);
	if (!CHECK_INT(workshop_create(st, &cfg.lists, &w, &err), CN_OK))
		printf("#   %s\n", err.msg);
}

static void test_workshop_each(void)
{
	struct store *st = open_base("workshop-each.db");
	struct visit_filter f = {0};
	struct seen s;
	struct cn_err err;

	make_workshop(st, "C", "2026-11-18", "14:00", "s1", "m1,m2", "ABCD12");
	make_workshop(st, "A", "2026-11-02", "10:00", "s2", "m1", "EF34GH:absent");
	make_workshop(st, "B", "2026-11-18", "09:30", "s1", "", "");
	make_workshop(st, "D", "2026-12-01", "09:30", "s2", "m3", "ABCD12|EF34GH");

	s = each_workshop(st, &f); /* all, by date and time */
	CHECK_INT(s.n, 4);
	CHECK_STR(s.what[0], "A 2026-11-02");
	CHECK_STR(s.what[1], "B 2026-11-18");
	CHECK_STR(s.what[2], "C 2026-11-18");
	CHECK_STR(s.what[3], "D 2026-12-01");
	strcpy(f.from, "2026-11-03");
	strcpy(f.to, "2026-11-30");
	s = each_workshop(st, &f);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.what[0], "B 2026-11-18");
	memset(&f, 0, sizeof f);
	codeset_add(&f.sites, "s2");
	s = each_workshop(st, &f);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.what[0], "A 2026-11-02");
	CHECK_STR(s.what[1], "D 2026-12-01");

	/* Mediators: a co-led workshop is each one's; "" is no mediator. */
	memset(&f, 0, sizeof f);
	codeset_add(&f.mediators, "m2");
	s = each_workshop(st, &f);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.what[0], "C 2026-11-18");
	codeset_add(&f.mediators, "m3");
	s = each_workshop(st, &f);
	CHECK_INT(s.n, 2);
	f.mediators.n = 1, strcpy(f.mediators.v[0], "");
	s = each_workshop(st, &f);
	CHECK_INT(s.n, 1);
	CHECK_STR(s.what[0], "B 2026-11-18");
	codeset_add(&f.mediators, "m1");
	CHECK_INT(each_workshop(st, &f).n, 3);
	CHECK(workshop_led_by(&(struct workshop){0}, &f.mediators));

	/* A person's workshops, present or absent. */
	memset(&f, 0, sizeof f);
	strcpy(f.person, "EF34GH");
	s = each_workshop(st, &f);
	CHECK_INT(s.n, 2);
	CHECK_STR(s.what[0], "A 2026-11-02");
	CHECK_STR(s.what[1], "D 2026-12-01");
	strcpy(f.person, "JK56MN");
	CHECK_INT(each_workshop(st, &f).n, 0);

	/* Tombstones only when asked; fn stops the walk with its value. */
	memset(&f, 0, sizeof f);
	{
		struct seen first = {.stop_at = 1};
		char id[ID_LEN];
		sqlite3_stmt *stmt;
		CHECK_INT(workshop_each(st, &f, see_workshop, &first, &err), 7);
		CHECK_INT(first.n, 1);
		stmt = store_prepare(st, "SELECT id FROM workshop WHERE title = 'A'", &err);
		CHECK(stmt && sqlite3_step(stmt) == SQLITE_ROW);
		store_column_copy(stmt, 0, id, sizeof id);
		sqlite3_finalize(stmt);
		CHECK_INT(workshop_delete(st, id, &err), CN_OK);
	}
	CHECK_INT(each_workshop(st, &f).n, 3);
	f.with_deleted = true;
	CHECK_INT(each_workshop(st, &f).n, 4);
	store_close(st);
}

struct seen_time {
	int n, minutes, stop_at;
	char what[8][64];
};

static int see_time(const struct worktime *t, void *ctx)
{
	struct seen_time *s = ctx;

	if (s->n < 8)
		snprintf(s->what[s->n], sizeof s->what[0], "%s %s %s", t->kind, t->date, t->time);
	s->minutes += t->duration;
	return ++s->n == s->stop_at ? 7 : 0;
}

static struct seen_time each_time(struct store *st, const struct visit_filter *f)
{
	struct seen_time s = {0};
	struct cn_err err;

	CHECK_INT(worktime_each(st, f, see_time, &s, &err), CN_OK);
	return s;
}

static void test_worktime_store(void)
{
	struct store *st = open_base("worktime.db");
	struct worktime t, mine, got;
	struct visit_filter f = {0};
	struct seen_time s;
	struct cn_err err;
	char id[ID_LEN], version[TS_LEN];

	typical_time(&t);
	strcpy(t.note, "Réunion d'équipe");
	CHECK_INT(worktime_create(st, &cfg.lists, &t, &err), CN_OK);
	CHECK(id_valid(t.id));
	CHECK(t.created[0] != '\0');
	CHECK_STR(t.updated, t.created);
	CHECK_STR(t.deleted, "");
	strcpy(id, t.id);
	CHECK_INT(worktime_get(st, id, false, &got, &err), CN_OK);
	CHECK_STR(got.date, "2026-11-18");
	CHECK_STR(got.time, "09:00");
	CHECK_INT(got.duration, 30);
	CHECK_STR(got.site, "s1");
	CHECK_STR(got.mediator, "m1");
	CHECK_STR(got.kind, "coordination");
	CHECK_STR(got.note, "Réunion d'équipe");
	CHECK_STR(got.created, t.created);
	got.id[6] = '\0';
	CHECK_INT(worktime_get(st, got.id, false, &got, &err), CN_OK);
	CHECK_STR(got.id, id);

	/* The longest note, in characters of two bytes, reads back whole. */
	typical_time(&t);
	for (int i = 0; i < NOTE_MAX_CHARS; i++)
		strcat(t.note, "ç");
	CHECK_INT(worktime_create(st, &cfg.lists, &t, &err), CN_OK);
	CHECK_INT(worktime_get(st, t.id, false, &got, &err), CN_OK);
	CHECK_STR(got.note, t.note);
	CHECK_INT(worktime_delete(st, t.id, &err), CN_OK);

	/* Refused: nothing written. */
	typical_time(&t), strcpy(t.kind, "sieste");
	err.field = -1;
	CHECK_INT(worktime_create(st, &cfg.lists, &t, &err), CN_EINVAL);
	CHECK_INT(err.field, TF_KIND);
	CHECK_INT(scalar(st, "SELECT count(*) FROM worktime"), 2);

	/* Update with the version read; another is a conflict. */
	CHECK_INT(worktime_get(st, id, false, &mine, &err), CN_OK);
	got = mine;
	got.duration = 90;
	got.mediator[0] = '\0';
	CHECK_INT(worktime_update(st, &cfg.lists, &got, &err), CN_OK);
	CHECK(strcmp(got.updated, mine.updated) > 0);
	CHECK_INT(scalar(st, "SELECT count(*) FROM worktime WHERE mediator IS NULL AND duration = 90"),
	          1);
	mine.duration = 15;
	CHECK_INT(worktime_update(st, &cfg.lists, &mine, &err), CN_ECONFLICT);
	CHECK(has(err.msg, "ce temps a été modifié ailleurs"));
	CHECK_INT(worktime_get(st, id, false, &mine, &err), CN_OK);
	CHECK_INT(mine.duration, 90);
	CHECK_STR(mine.created, got.created);
	strcpy(mine.id, "dddd0000-0000-4000-8000-000000000000");
	CHECK_INT(worktime_update(st, &cfg.lists, &mine, &err), CN_ENOTFOUND);

	/* Ambiguous and unknown prefixes. */
	typical_time(&t);
	strcpy(t.id, "eeee0000-0000-4000-8000-000000000001");
	strcpy(t.created, "2026-11-18T10:00:00.000Z");
	strcpy(t.updated, t.created);
	CHECK_INT(worktime_put(st, &t, true, &err), CN_OK);
	strcpy(t.id, "eeee0000-0000-4000-8000-000000000002");
	strcpy(t.date, "2026-11-20");
	strcpy(t.kind, "preparation");
	strcpy(t.site, "s2");
	CHECK_INT(worktime_put(st, &t, true, &err), CN_OK);
	err.field = -1;
	CHECK_INT(worktime_get(st, "eeee", false, &got, &err), CN_EINVAL);
	CHECK_INT(err.field, TF_ID);
	CHECK_INT(worktime_get(st, "ffff", false, &got, &err), CN_ENOTFOUND);
	CHECK(has(err.msg, "temps introuvable : « ffff »"));
	strcpy(t.id, "eeee0000-0000-4000-8000-000000000009");
	CHECK_INT(worktime_put(st, &t, false, &err), CN_ENOTFOUND);

	/* Delete, undelete. */
	CHECK_INT(worktime_get(st, id, false, &got, &err), CN_OK);
	strcpy(version, got.updated);
	CHECK_INT(worktime_delete(st, id, &err), CN_OK);
	CHECK_INT(worktime_get(st, id, false, &got, &err), CN_ENOTFOUND);
	CHECK_INT(worktime_get(st, id, true, &got, &err), CN_OK);
	CHECK(got.deleted[0] != '\0');
	CHECK(strcmp(got.updated, version) > 0);
	CHECK_INT(worktime_delete(st, id, &err), CN_ENOTFOUND);
	CHECK_INT(worktime_undelete(st, id, &err), CN_OK);
	CHECK_INT(worktime_undelete(st, id, &err), CN_ENOTFOUND);
	CHECK(has(err.msg, "temps supprimé introuvable"));

	/* Filters: dates, sites, mediators ("" for none); by date and time. */
	s = each_time(st, &f);
	CHECK_INT(s.n, 3);
	CHECK_STR(s.what[0], "coordination 2026-11-18 09:00");
	CHECK_STR(s.what[1], "coordination 2026-11-18 09:00");
	CHECK_STR(s.what[2], "preparation 2026-11-20 09:00");
	strcpy(f.from, "2026-11-19");
	CHECK_INT(each_time(st, &f).n, 1);
	memset(&f, 0, sizeof f);
	codeset_add(&f.sites, "s1");
	CHECK_INT(each_time(st, &f).n, 2);
	memset(&f, 0, sizeof f);
	codeset_add(&f.mediators, "m1");
	CHECK_INT(each_time(st, &f).n, 2);
	f.mediators.n = 0;
	codeset_add(&f.mediators, "m2");
	CHECK_INT(each_time(st, &f).n, 0);
	f.mediators.n = 1, strcpy(f.mediators.v[0], ""); /* the one without mediator */
	s = each_time(st, &f);
	CHECK_INT(s.n, 1);
	CHECK_INT(s.minutes, 90);
	memset(&f, 0, sizeof f);
	CHECK_INT(worktime_delete(st, id, &err), CN_OK);
	CHECK_INT(each_time(st, &f).n, 2);
	f.with_deleted = true;
	CHECK_INT(each_time(st, &f).n, 4); /* and the long note deleted above */
	{
		struct seen_time first = {.stop_at = 2};
		CHECK_INT(worktime_each(st, &f, see_time, &first, &err), 7);
		CHECK_INT(first.n, 2);
	}
	store_close(st);
}

/* The table that keeps the versions a merge set aside (schema 6). */
static void test_record_history(void)
{
	struct store *st = open_base("history.db");
	const char *insert = "INSERT INTO record_history (kind, record_id, updated_at, version,"
	                     " kept_at) VALUES ('workshop', 'x', '2026-11-18T10:00:00.000Z',"
	                     " 'date=2026-11-18', '2026-11-18T11:00:00.000Z')";

	CHECK_INT(sqlite3_exec(store_db(st), insert, NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(scalar(st, "SELECT count(*) FROM record_history WHERE kind = 'workshop'"), 1);
	CHECK(sqlite3_exec(store_db(st), insert, NULL, NULL, NULL) != SQLITE_OK); /* once a version */
	CHECK_INT(scalar(st, "SELECT count(*) FROM record_history"), 1);
	store_close(st);
}

int main(void)
{
	const char *paths[3];
	struct cn_err err;

	setenv("TZ", "Europe/Paris", 1);
	paths[0] = shipped_ini();
	paths[1] = write_file("project.ini", project_ini);
	paths[2] = write_file("retired.ini", retired_ini);
	if (config_load_files(&cfg, paths, 2, NULL, NULL, &err) != CN_OK ||
	    config_load_files(&retired, paths, 3, NULL, NULL, &err) != CN_OK) {
		printf("not ok - loading the lists: %s\n", err.msg);
		return 1;
	}
	RUN(test_workshop_fields);
	RUN(test_workshop_retired_and_foreign);
	RUN(test_participants);
	RUN(test_tallies);
	RUN(test_tally_add);
	RUN(test_worktime_fields);
	RUN(test_rules);
	RUN(test_workshop_create_get);
	RUN(test_workshop_new_persons);
	RUN(test_workshop_update_delete);
	RUN(test_workshop_each);
	RUN(test_worktime_store);
	RUN(test_record_history);
	config_free(&cfg);
	config_free(&retired);
	return harness_finish();
}
