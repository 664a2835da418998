/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates, times and durations: parsing, formatting and "now".
 * "now" is the local time, or CARNET_NOW (YYYY-MM-DDTHH:MM[:SS]) in tests. */
#ifndef CARNET_CLOCK_H
#define CARNET_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include "carnet/model/err.h"

#define DATE_LEN 11   /* "YYYY-MM-DD" + NUL */
#define HHMM_LEN 6    /* "HH:MM" + NUL */
#define TS_LEN   32   /* "YYYY-MM-DDTHH:MM:SS.mmmZ" + NUL, with room */

#define DURATION_MIN 1
#define DURATION_MAX 480

struct cn_date { int year, month, day; };

/* Local date and time of "now"; fails only on a malformed CARNET_NOW. */
int clock_now(struct cn_date *date, int *hour, int *minute, struct cn_err *err);
/* UTC timestamp of "now" with milliseconds, for created/updated/deleted. */
int clock_timestamp(char out[TS_LEN], struct cn_err *err);
/* The timestamp of a change to a record last changed at prev: now, or just
 * after prev (1 ms) when prev is not in the past (a clock set wrong, here
 * or on another desk), so that the change is always the later version. */
int clock_timestamp_after(const char *prev, char out[TS_LEN], struct cn_err *err);
/* A timestamp in local time, to be read: "2026-11-18 10:30" (the exchange
 * format keeps UTC). */
void timestamp_local(const char *ts, char *out, size_t size);
/* The timestamp `seconds` from now (the latest a merged record may carry). */
int clock_timestamp_ahead(long seconds, char out[TS_LEN], struct cn_err *err);
/* Checks a UTC timestamp as carnet writes them, "2026-11-18T09:30:00.000Z"
 * (the milliseconds may be left out) and writes it with milliseconds, so that
 * timestamps compare as text. */
bool timestamp_parse(const char *s, char out[TS_LEN]);

/* YYYY-MM-DD, a real calendar date between 1900 and 9999. */
bool date_parse(const char *s, struct cn_date *out);
void date_format(const struct cn_date *d, char out[DATE_LEN]);
/* YYYY-MM. */
bool month_parse(const char *s, int *year, int *month);
int date_days_in_month(int year, int month);
/* 0 = Monday … 6 = Sunday. */
int date_weekday(const struct cn_date *d);
/* Days from a to b (negative when b is before a). */
long date_days_between(const struct cn_date *a, const struct cn_date *b);
/* "mercredi 18 novembre 2026" (weekday), "1er novembre 2026". */
void date_words(const char *iso, bool weekday, char *out, size_t size);
/* "octobre" for 10. */
const char *clock_month_name(int month);
/* d moved by `days` (negative: back), across months and years. */
void date_add_days(struct cn_date *d, int days);
/* What people type for a day: AAAA-MM-JJ, JJ/MM/AAAA, JJ/MM (this year),
 * "hier", "avant-hier", "aujourd'hui"; today is the day they are relative
 * to. */
bool date_parse_typed(const char *s, const struct cn_date *today, struct cn_date *out);
/* "16/11/26" for "2026-11-16", where room is short. */
void date_short(const char *iso, char *out, size_t size);
/* HH:MM `minutes` earlier (later when negative), kept within the day. */
void time_minus(const char hhmm[HHMM_LEN], int minutes, char out[HHMM_LEN]);
/* Accepts HH:MM, H:MM, 14h30, 14h; 00:00 to 23:59. Writes "HH:MM". */
bool time_parse(const char *s, char out[HHMM_LEN]);
/* "HH:MM" from an hour 0-23 and a minute 0-59. */
void time_format(int hour, int minute, char out[HHMM_LEN]);
/* Accepts minutes ("45", "45 min") or hours ("1h30", "2h", "1 h 30"); range
 * 1 to 480. */
bool duration_parse(const char *s, int *minutes);
/* The same from 1 to max minutes (a time outside accompaniment: 720). */
bool duration_parse_upto(const char *s, int max, int *minutes);
/* "1 h 05" or "45 min". */
void duration_format(long minutes, char *out, size_t size);

#endif
