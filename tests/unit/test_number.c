/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include "carnet/model/number.h"
#include "harness.h"

static char buf[64];

static const char *num(long n)
{
	memset(buf, 'x', sizeof buf);
	number_fr(n, buf, sizeof buf);
	return buf;
}

static const char *tenths(long t)
{
	memset(buf, 'x', sizeof buf);
	tenths_fr(t, buf, sizeof buf);
	return buf;
}

static const char *percent(long t)
{
	memset(buf, 'x', sizeof buf);
	percent_fr(t, buf, sizeof buf);
	return buf;
}

static const char *decimal(double v, int decimals)
{
	memset(buf, 'x', sizeof buf);
	decimal_fr(v, decimals, buf, sizeof buf);
	return buf;
}

/* Every French format, whatever the locale of the moment. */
static void french_formats(void)
{
	CHECK_STR(num(1550), "1" NNBSP "550");
	CHECK_STR(num(28310), "28" NNBSP "310");
	CHECK_STR(num(999), "999");
	CHECK_STR(num(1000), "1" NNBSP "000");
	CHECK_STR(num(100000), "100" NNBSP "000");
	CHECK_STR(num(0), "0");
	CHECK_STR(num(-12), "-12");
	/* The sign is the ASCII hyphen-minus ('-'), before the first group. */
	CHECK_STR(num(-1234567), "-1" NNBSP "234" NNBSP "567");
	CHECK_STR(num(-999), "-999");

	CHECK_STR(tenths(250), "25,0");
	CHECK_STR(tenths(5), "0,5");
	CHECK_STR(tenths(0), "0,0");
	CHECK_STR(tenths(1000), "100,0");
	CHECK_STR(tenths(12345), "1" NNBSP "234,5");

	CHECK_STR(percent(250), "25,0" NNBSP "%");
	CHECK_STR(percent(0), "0,0" NNBSP "%");
	CHECK_STR(percent(1000), "100,0" NNBSP "%");
	CHECK_STR(percent(7), "0,7" NNBSP "%");

	CHECK_STR(decimal(2.5, 2), "2,50");
	CHECK_STR(decimal(1.0, 2), "1,00");
	/* 26.05 is stored as 26.050000000000000710…: it rounds up. */
	CHECK_STR(decimal(26.05, 1), "26,1");
	CHECK_STR(decimal(26.04, 1), "26,0");
	CHECK_STR(decimal(2.5, 0), "2");   /* printf's rounding: half to even */
	CHECK_STR(decimal(3.0, 0), "3");
	CHECK_STR(decimal(1.23456, 3), "1,235");
	CHECK_STR(decimal(1.23456, 7), "1,235"); /* decimals kept to 3 */
	CHECK_STR(decimal(1.6, -1), "2");        /* and to 0 */
	CHECK_STR(decimal(-2.25, 1), "-2,2");
	/* Thousands are not grouped by decimal_fr. */
	CHECK_STR(decimal(1234.5, 1), "1234,5");
}

static void test_c_locale(void)
{
	CHECK(setlocale(LC_ALL, "C") != NULL);
	french_formats();
}

static void test_french_locale(void)
{
	if (!setlocale(LC_ALL, "fr_FR.UTF-8")) {
		printf("# fr_FR.UTF-8 not installed: skipped\n");
		CHECK(setlocale(LC_ALL, "C") != NULL);
		return;
	}
	/* The locale really writes a decimal comma: the check means something. */
	snprintf(buf, sizeof buf, "%.1f", 26.1);
	CHECK_STR(buf, "26,1");
	french_formats();
	setlocale(LC_ALL, "C");
}

/* What src/cli/main.c does: French messages, but numbers printed by
 * printf stay machine numbers (JSON, SQL). */
static void test_numeric_c(void)
{
	if (!setlocale(LC_ALL, "fr_FR.UTF-8")) {
		printf("# fr_FR.UTF-8 not installed: skipped\n");
		CHECK(setlocale(LC_ALL, "C") != NULL);
		return;
	}
	CHECK(setlocale(LC_NUMERIC, "C") != NULL);
	snprintf(buf, sizeof buf, "%.1f", 26.1);
	CHECK_STR(buf, "26.1");
	snprintf(buf, sizeof buf, "%.2f", 1550.25);
	CHECK_STR(buf, "1550.25");
	french_formats();
	setlocale(LC_ALL, "C");
}

static void test_negative_tenths(void)
{
	/* A negative value keeps its sign, under 1 as well as above. */
	CHECK_STR(tenths(-25), "-2,5");
	CHECK_STR(tenths(-5), "-0,5");
	CHECK_STR(percent(-5), "-0,5" NNBSP "%");
}

static void test_small_buffer(void)
{
	char small[6];

	/* Cut, but always terminated and never written past its end. */
	memset(small, 'x', sizeof small);
	number_fr(1234567, small, sizeof small);
	CHECK(memchr(small, '\0', sizeof small) != NULL);
	CHECK(strncmp(small, "1", 1) == 0);
	memset(small, 'x', sizeof small);
	percent_fr(1000, small, sizeof small);
	CHECK(memchr(small, '\0', sizeof small) != NULL);
	memset(small, 'x', sizeof small);
	decimal_fr(12345.678, 3, small, sizeof small);
	CHECK_STR(small, "12345");
}

int main(void)
{
	RUN(test_c_locale);
	RUN(test_french_locale);
	RUN(test_numeric_c);
	RUN(test_negative_tenths);
	RUN(test_small_buffer);
	return harness_finish();
}
