/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include "carnet/model/clock.h"

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int date_days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return 29;
	return days[month - 1];
}

bool month_parse(const char *s, int *year, int *month)
{
	if (strlen(s) != 7 || !all_digits(s, 4) || s[4] != '-' || !all_digits(s + 5, 2))
		return false;
	*year = num(s, 4);
	*month = num(s + 5, 2);
	return *year >= 1900 && *month >= 1 && *month <= 12;
}

bool date_parse(const char *s, struct cn_date *out)
{
	struct cn_date d;

	if (strlen(s) != 10 || !all_digits(s, 4) || s[4] != '-' || !all_digits(s + 5, 2) ||
	    s[7] != '-' || !all_digits(s + 8, 2))
		return false;
	d.year = num(s, 4);
	d.month = num(s + 5, 2);
	d.day = num(s + 8, 2);
	if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 ||
	    d.day > date_days_in_month(d.year, d.month))
		return false;
	*out = d;
	return true;
}

void date_format(const struct cn_date *d, char out[DATE_LEN])
{
	char buf[40];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
	memcpy(out, buf, DATE_LEN - 1);
	out[DATE_LEN - 1] = '\0';
}

int date_weekday(const struct cn_date *d)
{
	/* Sakamoto's method gives 0 = Sunday; shift to 0 = Monday. */
	static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	int y = d->year - (d->month < 3);
	int w = (y + y / 4 - y / 100 + y / 400 + t[d->month - 1] + d->day) % 7;
	return (w + 6) % 7;
}

bool time_parse(const char *s, char out[HHMM_LEN])
{
	size_t len = strlen(s), hl;
	const char *sep = strpbrk(s, ":hH");
	int h, m = 0;

	if (!sep)
		return false;
	hl = (size_t)(sep - s);
	if (hl < 1 || hl > 2 || !all_digits(s, hl))
		return false;
	h = num(s, hl);
	if (len - hl - 1 == 0) {
		if (*sep == ':')
			return false; /* "14:" */
	} else if (len - hl - 1 == 2 && all_digits(sep + 1, 2)) {
		m = num(sep + 1, 2);
	} else {
		return false;
	}
	if (h > 23 || m > 59)
		return false;
	time_format(h, m, out);
	return true;
}

void time_format(int hour, int minute, char out[HHMM_LEN])
{
	unsigned h = (unsigned)hour % 24, m = (unsigned)minute % 60;

	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '\0';
}

bool duration_parse_upto(const char *text, int max, int *minutes)
{
	char s[8];
	size_t len = 0;
	const char *h;
	long total;

	/* "1 h 30" and "45 min", as duration_format() writes them, are read too. */
	for (; *text; text++) {
		if (*text == ' ')
			continue;
		if (len + 1 >= sizeof s)
			return false;
		s[len++] = *text;
	}
	s[len] = '\0';
	h = strpbrk(s, "hH");
	if (!h && len > 3 && strcmp(s + len - 3, "min") == 0)
		s[len -= 3] = '\0';
	if (len == 0 || len > 6)
		return false;
	if (!h) {
		if (!all_digits(s, len))
			return false;
		total = num(s, len);
	} else {
		size_t hl = (size_t)(h - s), ml = len - hl - 1;
		if (hl < 1 || hl > 2 || !all_digits(s, hl) || (ml != 0 && ml != 2) ||
		    !all_digits(h + 1, ml))
			return false;
		total = num(s, hl) * 60L + (ml ? num(h + 1, 2) : 0);
		if (ml && num(h + 1, 2) > 59)
			return false;
	}
	if (total < DURATION_MIN || total > max)
		return false;
	*minutes = (int)total;
	return true;
}

bool duration_parse(const char *s, int *minutes)
{
	return duration_parse_upto(s, DURATION_MAX, minutes);
}

void duration_format(long minutes, char *out, size_t size)
{
	if (minutes < 60)
		snprintf(out, size, "%ld min", minutes);
	else
		snprintf(out, size, "%ld h %02ld", minutes / 60, minutes % 60);
}

long date_days_between(const struct cn_date *a, const struct cn_date *b)
{
	struct tm ta = {.tm_year = a->year - 1900, .tm_mon = a->month - 1, .tm_mday = a->day,
	                .tm_hour = 12};
	struct tm tb = {.tm_year = b->year - 1900, .tm_mon = b->month - 1, .tm_mday = b->day,
	                .tm_hour = 12};
	return (long)((timegm(&tb) - timegm(&ta)) / 86400);
}

void date_words(const char *iso, bool weekday, char *out, size_t size)
{
	static const char *const days[] = {"lundi", "mardi", "mercredi", "jeudi",
	                                   "vendredi", "samedi", "dimanche"};
	struct cn_date d;

	if (!date_parse(iso, &d))
		snprintf(out, size, "%s", iso);
	else if (weekday)
		snprintf(out, size, "%s %d%s %s %d", days[date_weekday(&d)], d.day, d.day == 1 ? "er" : "",
		         clock_month_name(d.month), d.year);
	else
		snprintf(out, size, "%d%s %s %d", d.day, d.day == 1 ? "er" : "", clock_month_name(d.month),
		         d.year);
}

const char *clock_month_name(int month)
{
	static const char *const names[] = {"janvier", "février", "mars", "avril", "mai", "juin",
	                                     "juillet", "août", "septembre", "octobre", "novembre",
	                                     "décembre"};
	return month >= 1 && month <= 12 ? names[month - 1] : "";
}

void date_add_days(struct cn_date *d, int days)
{
	struct tm tm = {.tm_year = d->year - 1900, .tm_mon = d->month - 1, .tm_mday = d->day + days,
	                .tm_hour = 12};

	timegm(&tm); /* normalizes the day into the right month and year */
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
}

bool date_parse_typed(const char *s, const struct cn_date *today, struct cn_date *out)
{
	size_t len = strlen(s);
	int dd, mm, yy, used = 0;

	if (strcmp(s, "aujourd'hui") == 0 || strcmp(s, "auj") == 0) {
		*out = *today;
		return true;
	}
	if (strcmp(s, "hier") == 0 || strcmp(s, "avant-hier") == 0) {
		*out = *today;
		date_add_days(out, s[0] == 'h' ? -1 : -2);
		return true;
	}
	if (date_parse(s, out))
		return true;
	/* JJ/MM or JJ/MM/AAAA, day and month of one or two digits. */
	if (len < 3 || len > 10 || strspn(s, "0123456789/") != len)
		return false;
	if (sscanf(s, "%2d/%2d%n", &dd, &mm, &used) == 2 && used == (int)len)
		yy = today->year;
	else if (sscanf(s, "%2d/%2d/%4d%n", &dd, &mm, &yy, &used) != 3 || used != (int)len ||
	         s[len - 5] != '/')
		return false;
	if (yy < 1900 || yy > 9999 || mm < 1 || mm > 12 || dd < 1 || dd > date_days_in_month(yy, mm))
		return false;
	*out = (struct cn_date){yy, mm, dd};
	return true;
}

void date_short(const char *iso, char *out, size_t size)
{
	if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-')
		snprintf(out, size, "%.2s/%.2s/%.2s", iso + 8, iso + 5, iso + 2);
	else
		snprintf(out, size, "%s", iso);
}

void time_minus(const char hhmm[HHMM_LEN], int minutes, char out[HHMM_LEN])
{
	int t = num(hhmm, 2) * 60 + num(hhmm + 3, 2) - minutes;

	if (t < 0)
		t = 0;
	if (t > 23 * 60 + 59)
		t = 23 * 60 + 59;
	time_format(t / 60, t % 60, out);
}

/* CARNET_NOW: YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, local time. */
static int now_override(struct tm *tm, struct cn_err *err)
{
	const char *s = getenv("CARNET_NOW");
	struct cn_date d;
	char date[DATE_LEN], hhmm[HHMM_LEN];
	size_t len;
	int sec = 0;

	if (!s || !*s)
		return 1;
	len = strlen(s);
	if (len < 16 || (s[10] != 'T' && s[10] != ' '))
		goto bad;
	memcpy(date, s, 10);
	date[10] = '\0';
	memcpy(hhmm, s + 11, 5);
	hhmm[5] = '\0';
	if (!date_parse(date, &d) || hhmm[2] != ':' || !time_parse(hhmm, hhmm))
		goto bad;
	if (len == 19 && s[16] == ':' && all_digits(s + 17, 2) && num(s + 17, 2) < 60)
		sec = num(s + 17, 2);
	else if (len != 16)
		goto bad;
	memset(tm, 0, sizeof *tm);
	tm->tm_year = d.year - 1900;
	tm->tm_mon = d.month - 1;
	tm->tm_mday = d.day;
	tm->tm_hour = num(hhmm, 2);
	tm->tm_min = num(hhmm + 3, 2);
	tm->tm_sec = sec;
	tm->tm_isdst = -1;
	return 0;
bad:
	cn_err_set(err, CN_EINVAL, "CARNET_NOW : date invalide « %s » (attendu AAAA-MM-JJTHH:MM)", s);
	return -1;
}

int clock_now(struct cn_date *date, int *hour, int *minute, struct cn_err *err)
{
	struct tm tm;
	int r = now_override(&tm, err);

	if (r < 0)
		return CN_EINVAL;
	if (r > 0) {
		time_t t = time(NULL);
		localtime_r(&t, &tm);
	}
	if (date) {
		date->year = tm.tm_year + 1900;
		date->month = tm.tm_mon + 1;
		date->day = tm.tm_mday;
	}
	if (hour)
		*hour = tm.tm_hour;
	if (minute)
		*minute = tm.tm_min;
	return CN_OK;
}

static void format_ms(long long ms, char out[TS_LEN])
{
	time_t sec = (time_t)(ms / 1000);
	struct tm utc;
	char buf[96];

	gmtime_r(&sec, &utc);
	snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
	         utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
	         (int)(ms % 1000));
	snprintf(out, TS_LEN, "%.24s", buf);
}

/* "now" in milliseconds since the epoch. */
static int now_ms(long long *ms, struct cn_err *err)
{
	struct tm tm;
	struct timeval tv;
	int r = now_override(&tm, err);

	if (r < 0)
		return CN_EINVAL;
	if (r > 0) {
		gettimeofday(&tv, NULL);
		*ms = (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
	} else {
		*ms = (long long)mktime(&tm) * 1000;
	}
	return CN_OK;
}

int clock_timestamp(char out[TS_LEN], struct cn_err *err)
{
	long long ms;
	int rc = now_ms(&ms, err);

	if (rc == CN_OK)
		format_ms(ms, out);
	return rc;
}

/* Milliseconds since the epoch of a timestamp as timestamp_parse takes it. */
static bool timestamp_ms(const char *ts, long long *ms)
{
	char norm[TS_LEN];
	struct tm tm;

	if (!timestamp_parse(ts, norm))
		return false;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = (int)num(norm, 4) - 1900;
	tm.tm_mon = (int)num(norm + 5, 2) - 1;
	tm.tm_mday = (int)num(norm + 8, 2);
	tm.tm_hour = (int)num(norm + 11, 2);
	tm.tm_min = (int)num(norm + 14, 2);
	tm.tm_sec = (int)num(norm + 17, 2);
	*ms = (long long)timegm(&tm) * 1000 + num(norm + 20, 3);
	return true;
}

void timestamp_local(const char *ts, char *out, size_t size)
{
	long long ms;
	time_t sec;
	struct tm tm;

	if (!timestamp_ms(ts, &ms)) {
		snprintf(out, size, "%s", ts);
		return;
	}
	sec = (time_t)(ms / 1000);
	localtime_r(&sec, &tm);
	snprintf(out, size, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
	         tm.tm_mday, tm.tm_hour, tm.tm_min);
}

int clock_timestamp_after(const char *prev, char out[TS_LEN], struct cn_err *err)
{
	long long ms;
	int rc = clock_timestamp(out, err);

	if (rc == CN_OK && prev && strcmp(out, prev) <= 0 && timestamp_ms(prev, &ms))
		format_ms(ms + 1, out);
	return rc;
}

int clock_timestamp_ahead(long seconds, char out[TS_LEN], struct cn_err *err)
{
	long long ms;
	int rc = now_ms(&ms, err);

	if (rc == CN_OK)
		format_ms(ms + (long long)seconds * 1000, out);
	return rc;
}

bool timestamp_parse(const char *s, char out[TS_LEN])
{
	struct cn_date d;
	char day[DATE_LEN];
	size_t len = strlen(s);

	/* "2026-11-18T09:30:00Z" or "2026-11-18T09:30:00.000Z", every digit a
	 * digit (no sign, no space), a real day, 00:00:00 to 23:59:60. */
	if (len != 20 && len != 24)
		return false;
	memcpy(day, s, DATE_LEN - 1);
	day[DATE_LEN - 1] = '\0';
	if (!date_parse(day, &d) || s[10] != 'T' || s[len - 1] != 'Z')
		return false;
	if (!all_digits(s + 11, 2) || s[13] != ':' || !all_digits(s + 14, 2) || s[16] != ':' ||
	    !all_digits(s + 17, 2))
		return false;
	if (len == 24 && (s[19] != '.' || !all_digits(s + 20, 3)))
		return false;
	if (num(s + 11, 2) > 23 || num(s + 14, 2) > 59 || num(s + 17, 2) > 60)
		return false;
	memcpy(out, s, 19);
	if (len == 24)
		memcpy(out + 19, s + 19, 5);
	else
		memcpy(out + 19, ".000Z", 5);
	out[24] = '\0';
	return true;
}
