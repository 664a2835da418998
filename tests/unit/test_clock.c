/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "carnet/model/clock.h"
#include "harness.h"

static void test_date_parse(void)
{
	struct cn_date d;
	char out[DATE_LEN];

	CHECK(date_parse("2026-11-18", &d));
	CHECK_INT(d.year, 2026);
	CHECK_INT(d.month, 11);
	CHECK_INT(d.day, 18);
	date_format(&d, out);
	CHECK_STR(out, "2026-11-18");
	CHECK(date_parse("2024-02-29", &d));
	CHECK(!date_parse("2026-02-29", &d));
	CHECK(!date_parse("2026-13-01", &d));
	CHECK(!date_parse("2026-04-31", &d));
	CHECK(!date_parse("2026-00-10", &d));
	CHECK(!date_parse("18/11/2026", &d));
	CHECK(!date_parse("2026-1-18", &d));
	CHECK(!date_parse("2026-11-18x", &d));
	CHECK(!date_parse("", &d));
	CHECK(!date_parse("1899-12-31", &d));
}

static void test_month(void)
{
	int y, m;

	CHECK(month_parse("2026-02", &y, &m));
	CHECK_INT(y, 2026);
	CHECK_INT(m, 2);
	CHECK(!month_parse("2026-2", &y, &m));
	CHECK(!month_parse("2026-13", &y, &m));
	CHECK_INT(date_days_in_month(2024, 2), 29);
	CHECK_INT(date_days_in_month(2100, 2), 28);
	CHECK_INT(date_days_in_month(2000, 2), 29);
	CHECK_INT(date_days_in_month(2026, 11), 30);
}

static void test_weekday(void)
{
	struct cn_date d = {2026, 11, 18}; /* a Wednesday */
	CHECK_INT(date_weekday(&d), 2);
	d = (struct cn_date){2026, 11, 22}; /* a Sunday */
	CHECK_INT(date_weekday(&d), 6);
	d = (struct cn_date){2024, 1, 1}; /* a Monday */
	CHECK_INT(date_weekday(&d), 0);
}

static void test_time_parse(void)
{
	char t[HHMM_LEN];

	CHECK(time_parse("14:30", t));
	CHECK_STR(t, "14:30");
	CHECK(time_parse("9:05", t));
	CHECK_STR(t, "09:05");
	CHECK(time_parse("14h30", t));
	CHECK_STR(t, "14:30");
	CHECK(time_parse("14h", t));
	CHECK_STR(t, "14:00");
	CHECK(time_parse("00:00", t));
	CHECK(time_parse("23:59", t));
	CHECK(!time_parse("24:00", t));
	CHECK(!time_parse("10:60", t));
	CHECK(!time_parse("14:", t));
	CHECK(!time_parse("1430", t));
	CHECK(!time_parse("14:3", t));
	CHECK(!time_parse("", t));
	CHECK(!time_parse("ab:cd", t));
}

static void test_duration_parse(void)
{
	int m = 0;

	CHECK(duration_parse("45", &m));
	CHECK_INT(m, 45);
	CHECK(duration_parse("1h30", &m));
	CHECK_INT(m, 90);
	CHECK(duration_parse("2h", &m));
	CHECK_INT(m, 120);
	CHECK(duration_parse("1", &m));
	CHECK(duration_parse("480", &m));
	CHECK(duration_parse("8h", &m));
	CHECK(!duration_parse("0", &m));
	CHECK(!duration_parse("481", &m));
	CHECK(!duration_parse("8h01", &m));
	CHECK(!duration_parse("-5", &m));
	CHECK(!duration_parse("abc", &m));
	CHECK(!duration_parse("", &m));
	CHECK(!duration_parse("1h75", &m));
	CHECK(!duration_parse("99999999999", &m));
	/* what duration_format() writes reads back */
	CHECK(duration_parse("1 h 30", &m));
	CHECK_INT(m, 90);
	CHECK(duration_parse("2 h", &m));
	CHECK_INT(m, 120);
	CHECK(duration_parse("45 min", &m));
	CHECK_INT(m, 45);
	CHECK(!duration_parse("1 h 3 0 0", &m));
	CHECK(!duration_parse("min", &m));
	CHECK(!duration_parse("1hmin", &m));
	CHECK(!duration_parse("9h", &m));
	/* a longer upper bound */
	CHECK(duration_parse_upto("12h", 720, &m));
	CHECK_INT(m, 720);
	CHECK(duration_parse_upto("600", 720, &m));
	CHECK_INT(m, 600);
	CHECK(!duration_parse_upto("721", 720, &m));
	CHECK(!duration_parse_upto("12h01", 720, &m));
	CHECK(!duration_parse_upto("0", 720, &m));
}

static void test_now_override(void)
{
	struct cn_date d;
	struct cn_err err;
	char ts[TS_LEN];
	int h, min;

	setenv("TZ", "Europe/Paris", 1);
	tzset();
	setenv("CARNET_NOW", "2026-11-18T10:30", 1);
	CHECK_INT(clock_now(&d, &h, &min, &err), CN_OK);
	CHECK_INT(d.day, 18);
	CHECK_INT(h, 10);
	CHECK_INT(min, 30);
	CHECK_INT(clock_timestamp(ts, &err), CN_OK);
	CHECK_STR(ts, "2026-11-18T09:30:00.000Z"); /* Paris is UTC+1 in November */
	setenv("CARNET_NOW", "2026-07-01T10:30:15", 1);
	CHECK_INT(clock_timestamp(ts, &err), CN_OK);
	CHECK_STR(ts, "2026-07-01T08:30:15.000Z"); /* and UTC+2 in summer */
	setenv("CARNET_NOW", "demain", 1);
	CHECK_INT(clock_now(&d, &h, &min, &err), CN_EINVAL);
	CHECK(strstr(err.msg, "CARNET_NOW") != NULL);
	unsetenv("CARNET_NOW");
	CHECK_INT(clock_now(&d, &h, &min, &err), CN_OK);
	CHECK(d.year >= 2024);
}

static const char *words(const char *iso, bool weekday)
{
	static char out[64];
	memset(out, 'x', sizeof out);
	date_words(iso, weekday, out, sizeof out);
	return out;
}

static void test_date_words(void)
{
	char small[8];

	CHECK_STR(words("2026-11-01", false), "1er novembre 2026");
	CHECK_STR(words("2026-11-01", true), "dimanche 1er novembre 2026");
	CHECK_STR(words("2026-11-18", true), "mercredi 18 novembre 2026");
	CHECK_STR(words("2026-11-18", false), "18 novembre 2026");
	CHECK_STR(words("2026-11-02", false), "2 novembre 2026");
	CHECK_STR(words("2026-11-21", false), "21 novembre 2026"); /* "er" only for the 1st */
	CHECK_STR(words("2026-11-23", true), "lundi 23 novembre 2026");
	CHECK_STR(words("2026-08-15", false), "15 août 2026");
	CHECK_STR(words("2024-02-29", true), "jeudi 29 février 2024");
	CHECK_STR(words("2027-01-01", true), "vendredi 1er janvier 2027");
	/* Not a date: given back as it is. */
	CHECK_STR(words("demain", true), "demain");
	CHECK_STR(words("2026-02-30", false), "2026-02-30");
	/* Cut to the room given, and terminated. */
	date_words("2026-11-18", true, small, sizeof small);
	CHECK_STR(small, "mercred");
}

static void test_month_names(void)
{
	CHECK_STR(clock_month_name(1), "janvier");
	CHECK_STR(clock_month_name(2), "février");
	CHECK_STR(clock_month_name(8), "août");
	CHECK_STR(clock_month_name(10), "octobre");
	CHECK_STR(clock_month_name(12), "décembre");
	CHECK_STR(clock_month_name(0), "");
	CHECK_STR(clock_month_name(13), "");
	CHECK_STR(clock_month_name(-1), "");
}

static const char *moved(int y, int m, int d, int days)
{
	static char out[DATE_LEN];
	struct cn_date date = {y, m, d};
	date_add_days(&date, days);
	date_format(&date, out);
	return out;
}

static void test_add_days(void)
{
	CHECK_STR(moved(2024, 2, 28, 1), "2024-02-29");
	CHECK_STR(moved(2024, 2, 29, 1), "2024-03-01");
	CHECK_STR(moved(2026, 2, 28, 1), "2026-03-01");
	CHECK_STR(moved(2026, 12, 31, 1), "2027-01-01");
	CHECK_STR(moved(2027, 1, 1, -1), "2026-12-31");
	CHECK_STR(moved(2026, 3, 1, -1), "2026-02-28");
	CHECK_STR(moved(2024, 3, 1, -1), "2024-02-29");
	CHECK_STR(moved(2000, 2, 28, 1), "2000-02-29");
	CHECK_STR(moved(2100, 2, 28, 1), "2100-03-01");
	CHECK_STR(moved(2026, 11, 18, 0), "2026-11-18");
	CHECK_STR(moved(2026, 11, 18, 365), "2027-11-18");
	CHECK_STR(moved(2024, 1, 1, 366), "2025-01-01");
	CHECK_STR(moved(2026, 11, 10, -15), "2026-10-26");
	CHECK_STR(moved(2026, 11, 18, -365 * 3 - 1), "2023-11-18");
	/* Whatever the time zone: dates move by whole days (around the
	 * daylight saving changes too). */
	setenv("TZ", "Europe/Paris", 1);
	tzset();
	CHECK_STR(moved(2026, 3, 28, 1), "2026-03-29");
	CHECK_STR(moved(2026, 3, 29, 1), "2026-03-30");
	CHECK_STR(moved(2026, 10, 25, -1), "2026-10-24");
}

static void test_days_between(void)
{
	struct cn_date a = {2026, 11, 1}, b = {2026, 11, 30};

	CHECK_INT(date_days_between(&a, &b), 29);
	CHECK_INT(date_days_between(&b, &a), -29);
	CHECK_INT(date_days_between(&a, &a), 0);
	a = (struct cn_date){2024, 2, 28};
	b = (struct cn_date){2024, 3, 1};
	CHECK_INT(date_days_between(&a, &b), 2);
	a = (struct cn_date){2026, 2, 28};
	b = (struct cn_date){2026, 3, 1};
	CHECK_INT(date_days_between(&a, &b), 1);
	a = (struct cn_date){2026, 12, 31};
	b = (struct cn_date){2027, 1, 1};
	CHECK_INT(date_days_between(&a, &b), 1);
	a = (struct cn_date){2024, 1, 1};
	b = (struct cn_date){2025, 1, 1};
	CHECK_INT(date_days_between(&a, &b), 366);
	a = (struct cn_date){2026, 3, 1}; /* across the change to summer time */
	b = (struct cn_date){2026, 4, 1};
	CHECK_INT(date_days_between(&a, &b), 31);
	/* Consistent with date_add_days. */
	a = (struct cn_date){2026, 11, 18};
	b = a;
	date_add_days(&b, -400);
	CHECK_INT(date_days_between(&a, &b), -400);
}

/* Timestamps as carnet writes them, milliseconds added when left out;
 * every digit a digit, a real day, 00:00:00 to 23:59:60. */
static void test_timestamp_parse(void)
{
	static const char *const refused[] = {
		"", "2026-11-18", "2026-11-18T09:30:00", "2026-11-18T09:30:00.000",
		"2026-11-18t09:30:00.000Z", "2026-11-18T09:30:00.000z", "2026-11-18 09:30:00.000Z",
		"2026-11-18T9:30:00.000Z", "2026-11-18T09:30:0.000Z", "2026-11-18T 9:30:00.000Z",
		"2026-11-18T+9:30:00.000Z", "2026-11-18T09:-3:00.000Z", "2026-11-18T09:30:00.00Z",
		"2026-11-18T09:30:00.0000Z", "2026-11-18T09:30:00,000Z", "2026-11-18T09:30:00.0a0Z",
		"2026-11-18T09.30.00.000Z", "2026-11-18T24:00:00.000Z", "2026-11-18T23:60:00.000Z",
		"2026-11-18T23:59:61.000Z", "2026-02-29T10:00:00.000Z", "1899-12-31T10:00:00.000Z",
		"2026-11-18T09:30:00.000Z ", " 2026-11-18T09:30:00Z", "2026-11-18T09:30:00+01:00",
		"2026-11-18T09:30:00.000ZZ"};
	char out[TS_LEN];

	CHECK(timestamp_parse("2026-11-18T09:30:00.000Z", out));
	CHECK_STR(out, "2026-11-18T09:30:00.000Z");
	CHECK(timestamp_parse("2026-11-18T09:30:05Z", out));
	CHECK_STR(out, "2026-11-18T09:30:05.000Z");
	CHECK(timestamp_parse("2024-02-29T23:59:60.999Z", out));
	CHECK_STR(out, "2024-02-29T23:59:60.999Z");
	CHECK(timestamp_parse("1900-01-01T00:00:00Z", out));
	CHECK_STR(out, "1900-01-01T00:00:00.000Z");
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
		if (!CHECK(!timestamp_parse(refused[i], out)))
			printf("#   accepted \"%s\"\n", refused[i]);
}

int main(void)
{
	RUN(test_date_parse);
	RUN(test_month);
	RUN(test_weekday);
	RUN(test_time_parse);
	RUN(test_duration_parse);
	RUN(test_now_override);
	RUN(test_date_words);
	RUN(test_month_names);
	RUN(test_add_days);
	RUN(test_days_between);
	RUN(test_timestamp_parse);
	return harness_finish();
}
