/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>
#include "carnet/model/number.h"

void number_fr(long n, char *out, size_t size)
{
	char digits[32];
	size_t len, used = 0;

	/* The magnitude as unsigned: -LONG_MIN does not fit in a long. */
	snprintf(digits, sizeof digits, "%lu", n < 0 ? 0UL - (unsigned long)n : (unsigned long)n);
	len = strlen(digits);
	if (n < 0 && used + 1 < size)
		out[used++] = '-';
	for (size_t i = 0; i < len && used + 4 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			memcpy(out + used, NNBSP, 3);
			used += 3;
		}
		out[used++] = digits[i];
	}
	out[used] = '\0';
}

void tenths_fr(long tenths, char *out, size_t size)
{
	char whole[32];
	unsigned long mag = tenths < 0 ? 0UL - (unsigned long)tenths : (unsigned long)tenths;

	/* The sign apart: -5 tenths is "-0,5", not "0,5". */
	number_fr((long)(mag / 10), whole, sizeof whole);
	snprintf(out, size, "%s%s,%lu", tenths < 0 ? "-" : "", whole, mag % 10);
}

void percent_fr(long tenths, char *out, size_t size)
{
	char t[40];

	tenths_fr(tenths, t, sizeof t);
	snprintf(out, size, "%s" NNBSP "%%", t);
}

void decimal_fr(double v, int decimals, char *out, size_t size)
{
	char buf[64], *dot;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 3)
		decimals = 3;
	/* LC_NUMERIC is "C" in carnet: the point is replaced. */
	snprintf(buf, sizeof buf, "%.*f", decimals, v);
	if ((dot = strchr(buf, '.')))
		*dot = ',';
	snprintf(out, size, "%s", buf);
}
