/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the opening hours of a place (model/hours.h).
 *
 * The input, as its own NUL-terminated copy of exactly its size, is read by
 * hours_parse, described in French, and asked for each day's hours and for
 * the state at a few minutes of every day. Every output must be
 * NUL-terminated within its size, never written past it, and valid UTF-8;
 * a description cut short must be the start of the whole one. A value read
 * must never be one of the things outside the subset (a comment, "||", a
 * month…), must say open or closed at every moment, with a phrase, and
 * describe the way it reads again; a value not read must be "à vérifier". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/hours.h"
#include "carnet/model/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                       \
	do {                                                                              \
		if (!(cond)) {                                                            \
			fprintf(stderr, "fuzz_hours: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                          \
		}                                                                         \
	} while (0)

#define GUARD 8

/* out[0..size) written by the caller's function; the bytes after must be
 * untouched, the text NUL-terminated inside and valid UTF-8. */
static void check_out(const char *buf, size_t size)
{
	for (size_t i = size; i < size + GUARD; i++)
		CHECK(buf[i] == '\x5a');
	if (size == 0)
		return;
	CHECK(memchr(buf, '\0', size) != NULL);
	CHECK(utf8_valid(buf, strlen(buf)));
}

static bool contains(const char *s, const char *what)
{
	return strstr(s, what) != NULL;
}

/* "ferme à 12 h" / "ouvre à 14 h 30" (the same day): the state is still st
 * the minute before and changes at that minute. */
static void same_day_change(const struct hours *h, int d, int minute, enum hours_state st,
                            const char *next)
{
	char phrase[HOURS_NEXT_MAX], dummy[HOURS_NEXT_MAX];
	int hh, mm = 0, at, n = 0;

	if (sscanf(next, "%*5s \xc3\xa0 %d h%n", &hh, &n) != 1 || (size_t)n > strlen(next))
		return;
	if (next[n] != '\0' && sscanf(next + n, " %d", &mm) != 1)
		return;
	at = hh * 60 + mm;
	CHECK(at > minute && at <= 1440);
	if (at == 1440)
		return;
	CHECK(hours_at(h, d, at - 1, dummy, sizeof dummy) == st);
	CHECK(hours_at(h, d, at, phrase, sizeof phrase) != st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t sizes[] = {0, 1, 2, 3, 4, 5, 12, 27, 64};
	static const int minutes[] = {0, 1, 539, 540, 719, 720, 1080, 1439};
	char *s = malloc(size + 1);
	char full[HOURS_TEXT_MAX + GUARD], cut[HOURS_TEXT_MAX + GUARD];
	char day[HOURS_DAY_MAX + GUARD], next[HOURS_NEXT_MAX + GUARD];
	struct hours h, again;
	bool ok;

	CHECK(s != NULL);
	memcpy(s, data, size);
	s[size] = '\0';
	ok = hours_parse(s, &h);
	CHECK(ok == (h.kind == HOURS_PARSED));
	CHECK(memchr(h.raw, '\0', sizeof h.raw) != NULL);
	CHECK(utf8_valid(h.raw, strlen(h.raw)));

	memset(full, '\x5a', sizeof full);
	hours_describe(&h, full, HOURS_TEXT_MAX);
	check_out(full, HOURS_TEXT_MAX);
	CHECK(strlen(full) < HOURS_TEXT_MAX - 1); /* the room promised is enough */
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		memset(cut, '\x5a', sizeof cut);
		hours_describe(&h, cut, sizes[i]);
		check_out(cut, sizes[i]);
		if (sizes[i] > 0)
			CHECK(strncmp(full, cut, strlen(cut)) == 0);
	}
	if (ok) {
		/* Nothing outside the subset is ever read. */
		CHECK(!contains(s, "\"") && !contains(s, "|") && !contains(s, "[") &&
		      !contains(s, "+") && !contains(s, "("));
		CHECK(!contains(full, "à vérifier"));
		for (int d = 0; d < 7; d++)
			for (int i = 0; i < h.day[d].n; i++) {
				CHECK(h.day[d].r[i].start >= 0 && h.day[d].r[i].start < 1440);
				CHECK(h.day[d].r[i].end > h.day[d].r[i].start);
				CHECK(h.day[d].r[i].end <= h.day[d].r[i].start + 1440);
				CHECK(i == 0 || h.day[d].r[i].start > h.day[d].r[i - 1].end);
			}
	} else {
		CHECK(h.kind == HOURS_EMPTY || contains(full, " (horaires à vérifier)"));
	}
	for (int d = 0; d < 7; d++) {
		memset(day, '\x5a', sizeof day);
		hours_day(&h, d, day, HOURS_DAY_MAX);
		check_out(day, HOURS_DAY_MAX);
		CHECK(strlen(day) < HOURS_DAY_MAX - 1);
		for (size_t m = 0; m < sizeof minutes / sizeof minutes[0]; m++) {
			enum hours_state st;
			memset(next, '\x5a', sizeof next);
			st = hours_at(&h, d, minutes[m], next, HOURS_NEXT_MAX);
			check_out(next, HOURS_NEXT_MAX);
			CHECK(strlen(next) < HOURS_NEXT_MAX - 1);
			CHECK(ok ? st != HOURS_UNKNOWN : st == HOURS_UNKNOWN);
			CHECK(strlen(next) > 0);
			if (st == HOURS_OPEN)
				CHECK(strncmp(next, "ferme ", 6) == 0 || strcmp(next, "ouvert 24 h/24") == 0);
			if (st == HOURS_CLOSED)
				CHECK(strncmp(next, "ouvre ", 6) == 0 ||
				      strcmp(next, "fermé toute la semaine") == 0);
			/* A day with no hours and nothing running on into it is closed. */
			if (ok && h.day[d].n == 0 && h.day[(d + 6) % 7].n == 0)
				CHECK(st == HOURS_CLOSED);
			same_day_change(&h, d, minutes[m], st, next);
			memset(next, '\x5a', sizeof next);
			(void)hours_at(&h, d, minutes[m], next, 7);
			check_out(next, 7);
		}
	}
	/* Reading again what was read gives the same week. */
	if (ok) {
		CHECK(hours_parse(s, &again) && again.ph_off == h.ph_off);
		for (int d = 0; d < 7; d++) {
			CHECK(again.day[d].n == h.day[d].n && again.day[d].named_off == h.day[d].named_off);
			for (int i = 0; i < h.day[d].n; i++)
				CHECK(again.day[d].r[i].start == h.day[d].r[i].start &&
				      again.day[d].r[i].end == h.day[d].r[i].end);
		}
	}
	free(s);
	return 0;
}
