/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include "carnet/model/hours.h"
#include "carnet/model/text.h"
#include "harness.h"

enum { MO, TU, WE, TH, FR, SA, SU };

static const char *desc(const char *text)
{
	static char out[HOURS_TEXT_MAX];
	struct hours h;

	hours_parse(text, &h);
	hours_describe(&h, out, sizeof out);
	return out;
}

static const char *day(const char *text, int weekday)
{
	static char out[HOURS_DAY_MAX];
	struct hours h;

	hours_parse(text, &h);
	hours_day(&h, weekday, out, sizeof out);
	return out;
}

static char next[HOURS_NEXT_MAX];

/* State at weekday, H:MM as minutes; the phrase goes to `next`. */
static enum hours_state at(const char *text, int weekday, int hour, int minute)
{
	struct hours h;

	hours_parse(text, &h);
	return hours_at(&h, weekday, hour * 60 + minute, next, sizeof next);
}

static bool parses(const char *text)
{
	struct hours h;
	return hours_parse(text, &h);
}

#define STANDARD "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00"

static void test_issue_examples(void)
{
	CHECK(parses(STANDARD));
	CHECK_STR(desc(STANDARD), "du lundi au vendredi, 9 h–12 h et 14 h–18 h 30 ; samedi 8 h 30–12 h");
	/* Character by character: plain spaces, an en dash, no trailing space. */
	CHECK_STR(desc("Sa 08:30-12:00"), "samedi 8\x20h\x20" "30\xe2\x80\x93" "12\x20h");
	CHECK_STR(day(STANDARD, MO), "9 h–12 h et 14 h–18 h 30");
	CHECK_STR(day(STANDARD, SA), "8 h 30–12 h");
	CHECK_STR(day(STANDARD, SU), "fermé");
	CHECK_INT(at(STANDARD, MO, 10, 0), HOURS_OPEN);
	CHECK_STR(next, "ferme à 12 h");
	CHECK_INT(at(STANDARD, MO, 12, 30), HOURS_CLOSED);
	CHECK_STR(next, "ouvre à 14 h");
	CHECK_INT(at(STANDARD, SA, 13, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre lundi à 9 h");
	CHECK_INT(at(STANDARD, FR, 19, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre demain à 8 h 30");
	CHECK_INT(at(STANDARD, MO, 15, 0), HOURS_OPEN);
	CHECK_STR(next, "ferme à 18 h 30");
}

static void test_domain_examples(void)
{
	CHECK(parses("Mo,Th 14:00-18:00"));
	CHECK_STR(desc("Mo,Th 14:00-18:00"), "lundi 14 h–18 h ; jeudi 14 h–18 h");
	CHECK_STR(day("Mo,Th 14:00-18:00", TU), "fermé");
	CHECK_INT(at("Mo,Th 14:00-18:00", TU, 10, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre jeudi à 14 h");
	/* "We off" with the week it belongs to. */
	CHECK(parses("Mo-Fr 09:00-18:00; We off"));
	CHECK_STR(desc("Mo-Fr 09:00-18:00; We off"),
	          "lundi et mardi, 9 h–18 h ; mercredi fermé ; jeudi et vendredi, 9 h–18 h");
	CHECK_INT(at("Mo-Fr 09:00-18:00; We off", WE, 10, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre demain à 9 h");
	/* Alone, it says nothing of the other days. */
	CHECK(!parses("We off"));
	CHECK_STR(desc("We off"), "We off (horaires à vérifier)");
	CHECK_INT(at("We off", WE, 10, 0), HOURS_UNKNOWN);
	CHECK_STR(next, "horaires à vérifier");
	CHECK_STR(desc("Mo-We,Fr 10:00-12:00"), "du lundi au mercredi, 10 h–12 h ; vendredi 10 h–12 h");
}

static void test_overrides(void)
{
	const char *v = "Mo-Fr 09:00-18:00; We 09:00-12:00";

	CHECK_STR(desc(v), "lundi et mardi, 9 h–18 h ; mercredi 9 h–12 h ; jeudi et vendredi, 9 h–18 h");
	CHECK_INT(at(v, WE, 14, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre demain à 9 h");
	/* A later rule replaces the days it names, it does not add. */
	CHECK_STR(day("Mo-Fr 09:00-12:00; Mo 14:00-16:00", MO), "14 h–16 h");
	CHECK_STR(day("Mo-Fr 09:00-12:00; Mo 14:00-16:00", TU), "9 h–12 h");
	/* An additional rule (",") adds. */
	CHECK(parses("Mo-Fr 08:00-12:00, We 14:00-18:00"));
	CHECK_STR(day("Mo-Fr 08:00-12:00, We 14:00-18:00", WE), "8 h–12 h et 14 h–18 h");
	CHECK_STR(day("Mo-Fr 08:00-12:00, We 14:00-18:00", TH), "8 h–12 h");
	/* Times without days: every day; then overridden. */
	CHECK_STR(desc("10:00-18:00; Su off"), "du lundi au samedi, 10 h–18 h ; dimanche fermé");
	CHECK_STR(desc("08:30-12:30"), "tous les jours, 8 h 30–12 h 30");
	/* "off" on every day, then days opened again. */
	CHECK_STR(desc("off; Tu 10:00-12:00"), "mardi 10 h–12 h");
	CHECK_STR(desc("closed"), "fermé");
	CHECK_INT(at("closed", MO, 10, 0), HOURS_CLOSED);
	CHECK_STR(next, "fermé toute la semaine");
	CHECK_STR(desc("Sa,Su off; Mo-Fr 09:00-17:00"),
	          "du lundi au vendredi, 9 h–17 h ; samedi et dimanche, fermé");
	/* Overlapping and touching ranges are one. */
	CHECK_STR(day("Mo 09:00-12:00,11:00-13:00,13:00-14:00", MO), "9 h–14 h");
	CHECK_STR(day("Mo 14:00-16:00,09:00-12:00,17:00-19:00", MO), "9 h–12 h, 14 h–16 h et 17 h–19 h");
	CHECK_STR(desc("Fr-Mo 10:00-12:00"), "lundi 10 h–12 h ; du vendredi au dimanche, 10 h–12 h");
}

static void test_holidays_and_always(void)
{
	struct hours h;

	CHECK(hours_parse("Mo-Fr 09:00-17:00; PH off", &h));
	CHECK(hours_closed_on_holidays(&h));
	CHECK_STR(desc("Mo-Fr 09:00-17:00; PH off"),
	          "du lundi au vendredi, 9 h–17 h ; fermé les jours fériés");
	CHECK_STR(desc("Mo-Sa 09:00-17:00; Su,PH off"),
	          "du lundi au samedi, 9 h–17 h ; dimanche fermé ; fermé les jours fériés");
	CHECK(hours_parse(STANDARD, &h));
	CHECK(!hours_closed_on_holidays(&h));
	CHECK(!parses("PH off"));
	CHECK_STR(desc("off; PH off"), "fermé");
	CHECK(!parses("Mo-Fr 09:00-17:00; PH 10:00-12:00"));
	CHECK(parses("24/7"));
	CHECK_STR(desc("24/7"), "ouvert 24 h/24, 7 j/7");
	CHECK_STR(desc("24/7; PH off"), "ouvert 24 h/24, 7 j/7 ; fermé les jours fériés");
	CHECK_STR(desc("Mo-Su 00:00-24:00"), "ouvert 24 h/24, 7 j/7");
	CHECK_STR(day("24/7", SU), "24 h/24");
	CHECK_INT(at("24/7", SU, 23, 59), HOURS_OPEN);
	CHECK_STR(next, "ouvert 24 h/24");
	CHECK_STR(desc("24/7; Su off"), "du lundi au samedi, 24 h/24 ; dimanche fermé");
	CHECK_INT(at("24/7; Su off", SA, 10, 0), HOURS_OPEN);
	CHECK_STR(next, "ferme à minuit");
	CHECK_INT(at("24/7; Su off", SU, 10, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre à minuit");
	CHECK_INT(at("24/7; Su off", TH, 10, 0), HOURS_OPEN);
	CHECK_STR(next, "ferme samedi à 24 h");
	CHECK_INT(at("24/7; Su off", FR, 10, 0), HOURS_OPEN);
	CHECK_STR(next, "ferme demain à 24 h");
	CHECK_INT(at("Th 00:00-10:00", MO, 10, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre jeudi à 0 h");
}

static void test_times(void)
{
	CHECK_STR(desc("Mo-Fr 9:00-12:00"), "du lundi au vendredi, 9 h–12 h");
	CHECK_STR(day("Mo 08:05-20:00", MO), "8 h 05–20 h");
	CHECK_STR(day("Mo 18:00-24:00", MO), "18 h–24 h");
	CHECK_STR(day("Mo 00:00-09:00", MO), "0 h–9 h");
	/* Past midnight: the range belongs to its day, and runs on. */
	CHECK(parses("Fr 22:00-02:00"));
	CHECK_STR(day("Fr 22:00-02:00", FR), "22 h–2 h");
	CHECK_STR(day("Fr 22:00-02:00", SA), "fermé");
	CHECK_INT(at("Fr 22:00-02:00", SA, 1, 0), HOURS_OPEN);
	CHECK_STR(next, "ferme à 2 h");
	CHECK_INT(at("Fr 22:00-02:00", SA, 2, 0), HOURS_CLOSED);
	CHECK_INT(at("Fr 22:00-02:00", FR, 23, 0), HOURS_OPEN);
	CHECK_STR(next, "ferme demain à 2 h");
	CHECK_INT(at("Su 22:00-02:00", MO, 1, 0), HOURS_OPEN); /* over the week end */
	CHECK_INT(at("Mo 22:00-00:00", MO, 23, 0), HOURS_OPEN);
	CHECK_STR(next, "ferme à minuit");
	CHECK(!parses("Mo 16:00-12:00,04:00-18:00")); /* 32 hours in one go */
	CHECK(parses("Mo 16:00-12:00,17:00-18:00"));
	CHECK_STR(day("Mo 16:00-12:00,17:00-18:00", MO), "16 h–12 h");
	CHECK(!parses("Mo 24:00-02:00"));
	CHECK(!parses("Mo 09:00-09:00"));
	CHECK(!parses("Mo 09:60-10:00"));
	CHECK(!parses("Mo 25:00-26:00"));
	CHECK(!parses("Mo 24:30-10:00"));
	CHECK(!parses("Mo 9-12"));
	CHECK(!parses("Mo 09h00-12h00"));
	CHECK(!parses("Mo 09:0-12:00"));
	CHECK(!parses("Mo 009:00-12:00"));
	CHECK(!parses("Mo 09:000-12:00"));
	/* More ranges in a day than the subset keeps. */
	CHECK(parses("Mo 01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,"
	             "09:00-10:00,11:00-12:00,13:00-14:00,15:00-16:00"));
	CHECK(!parses("Mo 01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,"
	              "09:00-10:00,11:00-12:00,13:00-14:00,15:00-16:00,17:00-18:00"));
}

static void test_boundaries(void)
{
	/* A range 09:00-12:00 is open at 9:00 and 11:59, closed at 12:00. */
	CHECK_INT(at(STANDARD, TU, 9, 0), HOURS_OPEN);
	CHECK_STR(next, "ferme à 12 h");
	CHECK_INT(at(STANDARD, TU, 11, 59), HOURS_OPEN);
	CHECK_INT(at(STANDARD, TU, 12, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre à 14 h");
	CHECK_INT(at(STANDARD, TU, 8, 59), HOURS_CLOSED);
	CHECK_STR(next, "ouvre à 9 h");
	CHECK_INT(at(STANDARD, TU, 0, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre à 9 h");
	CHECK_INT(at(STANDARD, TU, 18, 29), HOURS_OPEN);
	CHECK_INT(at(STANDARD, TU, 18, 30), HOURS_CLOSED);
	CHECK_STR(next, "ouvre demain à 9 h");
	/* Across the week end. */
	CHECK_INT(at(STANDARD, SU, 23, 59), HOURS_CLOSED);
	CHECK_STR(next, "ouvre demain à 9 h");
	CHECK_INT(at(STANDARD, SA, 12, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre lundi à 9 h");
	CHECK_INT(at("Mo 09:00-12:00", MO, 13, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre lundi prochain à 9 h");
	CHECK_INT(at("Mo 09:00-12:00", MO, 8, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre à 9 h");
	CHECK_INT(at("Mo 09:00-12:00", TU, 8, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre lundi à 9 h");
	CHECK_INT(at("Sa 10:00-12:00", SU, 10, 0), HOURS_CLOSED);
	CHECK_STR(next, "ouvre samedi à 10 h");
	/* Out of range moments. */
	CHECK_INT(at(STANDARD, 7, 10, 0), HOURS_UNKNOWN);
	CHECK_INT(at(STANDARD, -1, 10, 0), HOURS_UNKNOWN);
	CHECK_INT(at(STANDARD, MO, 24, 0), HOURS_UNKNOWN);
	CHECK_STR(day(STANDARD, 7), "horaires à vérifier");
}

static void test_tolerated(void)
{
	CHECK_STR(desc("  Mo-Fr   09:00 - 12:00 ,  14:00-18:30 ;Sa 08:30-12:00 ; "), desc(STANDARD));
	CHECK_STR(desc("mo-fr 09:00-12:00,14:00-18:30; sa 08:30-12:00"), desc(STANDARD));
	CHECK_STR(desc("MO-FR 09:00-12:00,14:00-18:30; SA 08:30-12:00"), desc(STANDARD));
	CHECK_STR(desc("Mo-Fr\xc2\xa0" "09:00\xe2\x80\x93" "12:00,14:00-18:30;Sa 08:30-12:00"),
	          desc(STANDARD));
	CHECK_STR(desc("Mo - Fr 09:00-12:00; Sa OFF"), "du lundi au vendredi, 9 h–12 h ; samedi fermé");
	CHECK_STR(desc(";;Mo 10:00-11:00;;"), "lundi 10 h–11 h");
}

static void test_outside_subset(void)
{
	static const char *const raw[] = {
		"Jan-Jun Mo-Fr 09:00-12:00",
		"Mo-Fr 09:00-12:00; Aug off",
		"week 1-53 Mo 09:00-12:00",
		"Mo-Fr 09:00-17:00; SH off",
		"Mo-Fr 09:00-12:00 \"sur rendez-vous\"",
		"\"sur rendez-vous\"",
		"Mo-Fr 08:00-12:00 || \"sur rendez-vous\"",
		"Mo-Fr",
		"Mo-Fr 09:00-12:00 off",
		"Mo-Fr 09:00-12:00 open",
		"Mo-Fr 09:00-12:00 unknown",
		"Mo[1] 09:00-12:00",
		"Mo-Fr 10:00+",
		"sunrise-sunset",
		"Mo-Fr 09:00-12:00 14:00-18:00",
		"Mo-Fr: 09:00-12:00",
		"Monday 09:00-12:00",
		"2026 Dec 25 off",
		"Dec 24-26 off; Mo-Fr 09:00-12:00",
		"easter off; 09:00-12:00",
		"Mo-Fr 09:00-12:00, We off",
		"Mo-Fr 09:00-12:00,",
		"Mo-Fr 09:00-",
		"Mo- 09:00-12:00",
		"Mo,,Tu 09:00-12:00",
		"lundi au vendredi 9h-12h",
		"24/7 Mo 10:00-12:00",
		"24/7 off",
		"PH 10:00-12:00",
		"Mo-Fr 09:00-12:00 ;; Sa",
		/* Found by fuzz_hours (tests/fuzz/crashes/hours). */
		"Mo-Fr 09:00-18:00; We9:00",
		"Mo-Fr 16:00-12:00, We4:00-18:00",
	};
	struct hours h;
	char out[HOURS_TEXT_MAX], expect[HOURS_TEXT_MAX + 64];

	for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++) {
		bool ok = hours_parse(raw[i], &h);
		if (!CHECK(!ok))
			fprintf(stderr, "# read: %s\n", raw[i]);
		CHECK_INT(h.kind, HOURS_RAW);
		CHECK_STR(h.raw, raw[i]);
		hours_describe(&h, out, sizeof out);
		snprintf(expect, sizeof expect, "%s (horaires à vérifier)", raw[i]);
		CHECK_STR(out, expect);
		CHECK_INT(hours_at(&h, MO, 600, next, sizeof next), HOURS_UNKNOWN);
		CHECK_STR(next, "horaires à vérifier");
		hours_day(&h, MO, out, sizeof out);
		CHECK_STR(out, "horaires à vérifier");
		CHECK(!hours_closed_on_holidays(&h));
	}
	/* Never half read: nothing of a refused value stays. */
	CHECK(!hours_parse("Mo-Fr 09:00-12:00; PH off; Jan off", &h));
	CHECK_INT(h.day[MO].n, 0);
	CHECK(!h.ph_off);
}

static void test_empty_and_raw(void)
{
	struct hours h;
	char out[HOURS_TEXT_MAX], big[2000];

	CHECK(!hours_parse("", &h));
	CHECK_INT(h.kind, HOURS_EMPTY);
	CHECK_STR(desc(""), "horaires non renseignés");
	CHECK_STR(desc("  ; "), "horaires non renseignés");
	CHECK(!hours_parse(NULL, &h));
	CHECK_INT(h.kind, HOURS_EMPTY);
	CHECK_INT(at("", MO, 10, 0), HOURS_UNKNOWN);
	CHECK_STR(next, "horaires à vérifier");
	/* Controls and bytes that are not UTF-8 are not shown as they are. */
	CHECK_STR(desc("Lu\tMa\n\x1b[2J\xff é"), "Lu Ma ?[2J? é (horaires à vérifier)");
	/* A long text is kept cut, on a character boundary, with "…". */
	memset(big, 'x', sizeof big);
	memcpy(big + 505, "éééé", 8);
	big[sizeof big - 1] = '\0';
	CHECK(!hours_parse(big, &h));
	CHECK(strlen(h.raw) < HOURS_RAW_MAX);
	CHECK(utf8_valid(h.raw, strlen(h.raw)));
	CHECK(strcmp(h.raw + strlen(h.raw) - 3, "…") == 0);
	CHECK_STR(h.raw + 505, "é…"); /* the second é would pass the room */
	hours_describe(&h, out, sizeof out);
	CHECK(utf8_valid(out, strlen(out)));
}

static void test_truncation(void)
{
	struct hours h;
	char out[64], full[HOURS_TEXT_MAX];

	hours_parse(STANDARD, &h);
	hours_describe(&h, full, sizeof full);
	for (size_t size = 1; size <= sizeof out; size++) {
		memset(out, '#', sizeof out);
		hours_describe(&h, out, size);
		CHECK(memchr(out, '\0', size) != NULL);
		CHECK(utf8_valid(out, strlen(out)));
		CHECK(strncmp(full, out, strlen(out)) == 0);
		if (size < sizeof out)
			CHECK(out[size] == '#');
	}
	/* "du lundi au vendredi, 9 h–" cut in the dash: the dash is left out. */
	hours_describe(&h, out, 27);
	CHECK_STR(out, "du lundi au vendredi, 9 h");
	hours_day(&h, MO, out, 6);
	CHECK_STR(out, "9 h");
	CHECK_INT(hours_at(&h, MO, 600, out, 6), HOURS_OPEN);
	CHECK_STR(out, "ferme");
	out[0] = '#';
	hours_describe(&h, out, 0);
	CHECK(out[0] == '#');
}

static void test_when(void)
{
	int wd = -1, m = -1;

	CHECK(hours_parse_when("samedi 10:00", &wd, &m));
	CHECK_INT(wd, SA);
	CHECK_INT(m, 600);
	CHECK(hours_parse_when("lundi 9h", &wd, &m));
	CHECK_INT(wd, MO);
	CHECK_INT(m, 540);
	CHECK(hours_parse_when("mardi 14 h 30", &wd, &m));
	CHECK_INT(wd, TU);
	CHECK_INT(m, 870);
	CHECK(hours_parse_when("Samedi 10:00", &wd, &m));
	CHECK_INT(wd, SA);
	CHECK(hours_parse_when("SAMEDI 10h", &wd, &m));
	CHECK_INT(wd, SA);
	CHECK(hours_parse_when("  dimanche à 9:05 ", &wd, &m));
	CHECK_INT(wd, SU);
	CHECK_INT(m, 545);
	CHECK(hours_parse_when("MERCREDI À 8H", &wd, &m));
	CHECK_INT(wd, WE);
	CHECK_INT(m, 480);
	CHECK(hours_parse_when("jeudi a 17h45", &wd, &m));
	CHECK_INT(wd, TH);
	CHECK_INT(m, 1065);
	CHECK(hours_parse_when("ven 12:00", &wd, &m));
	CHECK_INT(wd, FR);
	CHECK(hours_parse_when("mercredi 0h", &wd, &m));
	CHECK_INT(m, 0);
	CHECK(!hours_parse_when("samedi", &wd, &m));
	CHECK(!hours_parse_when("samedi 24:00", &wd, &m));
	CHECK(!hours_parse_when("samedi 10", &wd, &m));
	CHECK(!hours_parse_when("sa 10:00", &wd, &m));
	CHECK(!hours_parse_when("samedis 10:00", &wd, &m));
	CHECK(!hours_parse_when("10:00 samedi", &wd, &m));
	CHECK(!hours_parse_when("", &wd, &m));
	CHECK(!hours_parse_when("samedi 10:00 et 11:00", &wd, &m));
}

static void test_now(void)
{
	int wd, m;
	struct cn_err err;

	setenv("CARNET_NOW", "2026-11-18T10:30", 1); /* a Wednesday */
	CHECK_INT(hours_now(&wd, &m, &err), CN_OK);
	CHECK_INT(wd, WE);
	CHECK_INT(m, 630);
	setenv("CARNET_NOW", "2026-11-22T23:59", 1); /* a Sunday */
	CHECK_INT(hours_now(&wd, &m, &err), CN_OK);
	CHECK_INT(wd, SU);
	CHECK_INT(m, 1439);
	setenv("CARNET_NOW", "bientôt", 1);
	CHECK(hours_now(&wd, &m, &err) != CN_OK);
	unsetenv("CARNET_NOW");
}

int main(void)
{
	RUN(test_issue_examples);
	RUN(test_domain_examples);
	RUN(test_overrides);
	RUN(test_holidays_and_always);
	RUN(test_times);
	RUN(test_boundaries);
	RUN(test_tolerated);
	RUN(test_outside_subset);
	RUN(test_empty_and_raw);
	RUN(test_truncation);
	RUN(test_when);
	RUN(test_now);
	return harness_finish();
}
