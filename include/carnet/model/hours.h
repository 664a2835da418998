/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening hours of a place: the "horaires" column of the national standard
 * of places of digital mediation, written in the OpenStreetMap
 * opening_hours syntax, read for the subset such files use, shown in
 * French, and asked "open at this moment?".
 *
 * The subset (case-insensitive; spaces, no-break spaces and en dashes
 * tolerated):
 *   value   := rule { ";" rule }          a later rule overrides, for the
 *                                         days it names, what came before
 *   rule    := "24/7"                     every day 0:00-24:00
 *            | [days] times { "," days times }
 *                                         days without a rule's days: every
 *                                         day; ", Sa 10:00-12:00" after times
 *                                         adds to its days instead of
 *                                         overriding them
 *            | [days] ("off" | "closed")  days closed; "PH off" (or a PH
 *                                         among the days: "Su,PH off"):
 *                                         closed on public holidays
 *   days    := day ["-" day] { "," day ["-" day] }   Mo Tu We Th Fr Sa Su,
 *                                         ranges may wrap (Fr-Mo)
 *   times   := H:MM "-" H:MM { "," H:MM "-" H:MM }  hours 0-24 (24:00 only
 *                                         as an end); an end at or before
 *                                         the start runs past midnight
 *                                         ("Fr 22:00-02:00")
 * Empty rules (";;", a trailing ";") are ignored. Everything else is outside
 * the subset and kept as written, never half read: months ("Jan-Jun"),
 * weeks ("week 1-53"), dates, school holidays ("SH off"), "PH" with hours,
 * comments ("\"sur rendez-vous\""), fallbacks ("||"), "open"/"unknown",
 * sunrise/sunset, "10:00+", nth weekdays ("Mo[1]"), days without hours
 * ("Mo-Fr" alone), times with "off", more than HOURS_RANGES ranges a day, a
 * value that only closes some days and opens none ("We off" alone).
 *
 * French output (plain spaces, en dash U+2013 between two times):
 *   times         "9 h", "18 h 30", "8 h 05"; a range "9 h–12 h", ranges
 *                 "9 h–12 h et 14 h–18 h 30" (three and more: "a, b et c");
 *                 a whole day "24 h/24"; past midnight "22 h–2 h"
 *   a day         "fermé" when closed
 *   the week      consecutive days with the same hours grouped, in the order
 *                 Monday to Sunday, groups separated by " ; ": "samedi
 *                 8 h 30–12 h" (one day), "samedi et dimanche, 10 h–12 h"
 *                 (two), "du lundi au vendredi, 9 h–12 h" (three or more),
 *                 "tous les jours, 9 h–18 h"; closed days are left out
 *                 unless an "off" rule named them ("mercredi fermé");
 *                 every day all day: "ouvert 24 h/24, 7 j/7"; nothing open:
 *                 "fermé"; then " ; fermé les jours fériés" for PH off
 *   not read      the text as written (controls and bytes that are not UTF-8
 *                 replaced) followed by " (horaires à vérifier)"; an empty
 *                 value: "horaires non renseignés"
 *   next change   "ferme à 12 h", "ouvre à 14 h" (same day), "ouvre demain
 *                 à 9 h", "ouvre lundi à 9 h", "ouvre lundi prochain à 9 h"
 *                 (a week ahead), "ferme à minuit", "ferme demain à 2 h",
 *                 "ferme samedi à 24 h" (closing at the end of a later day),
 *                 "ouvert 24 h/24", "fermé toute la semaine", "horaires à
 *                 vérifier" (not read or empty)
 * Public holidays are not known here: hours_at answers for an ordinary week;
 * a caller that knows the day is a holiday asks hours_closed_on_holidays.
 * Every output is NUL-terminated within its size (nothing is written when
 * size is 0) and cut on a UTF-8 character boundary. */
#ifndef CARNET_HOURS_H
#define CARNET_HOURS_H

#include <stdbool.h>
#include <stddef.h>
#include "carnet/model/err.h"

#define HOURS_RAW_MAX  512  /* the text kept as written, NUL included */
#define HOURS_RANGES   8    /* time ranges a day */
#define HOURS_TEXT_MAX 1536 /* room for any hours_describe output */
#define HOURS_DAY_MAX  256  /* room for any hours_day output */
#define HOURS_NEXT_MAX 64   /* room for any hours_at phrase */

enum hours_kind {
	HOURS_EMPTY,  /* nothing written */
	HOURS_PARSED, /* read: the days below hold the week */
	HOURS_RAW,    /* outside the subset: only raw is meaningful */
};

/* Minutes from the day's 0:00; start < end, end up to 48 h (past midnight
 * the range runs on into the next day). */
struct hours_range {
	short start, end;
};

struct hours_day {
	int n;          /* ranges, sorted, overlaps merged */
	bool named_off; /* closed by an "off" rule that named this day */
	struct hours_range r[HOURS_RANGES];
};

struct hours {
	enum hours_kind kind;
	bool ph_off;               /* "PH off": closed on public holidays */
	struct hours_day day[7];   /* 0 = Monday … 6 = Sunday */
	char raw[HOURS_RAW_MAX];   /* the text as given (cut if longer) */
};

enum hours_state { HOURS_UNKNOWN, HOURS_OPEN, HOURS_CLOSED };

/* Reads text (NULL is empty) into out; false, with out->kind HOURS_RAW (or
 * HOURS_EMPTY for a blank text) and the text kept in out->raw, when it is
 * outside the subset. */
bool hours_parse(const char *text, struct hours *out);
/* The week in French (see above). */
void hours_describe(const struct hours *h, char *out, size_t size);
/* One day's hours in French, weekday 0 = lundi … 6 = dimanche: "9 h–12 h et
 * 14 h–18 h 30", "fermé"; "horaires à vérifier" when not read. */
void hours_day(const struct hours *h, int weekday, char *out, size_t size);
/* Open or closed at minute (0-1439) of weekday, and the next change in
 * `next` (see above); HOURS_UNKNOWN with "horaires à vérifier" when the
 * hours were not read or the moment is out of range. */
enum hours_state hours_at(const struct hours *h, int weekday, int minute, char *next,
                          size_t size);
/* True for "PH off". */
bool hours_closed_on_holidays(const struct hours *h);
/* What users type for a moment of the week: a French weekday (or its first
 * three letters), in any case, an optional "à", then a time as time_parse
 * reads it, spaces allowed: "samedi 10:00", "lundi 9h", "mardi 14 h 30",
 * "SAMEDI à 10h". */
bool hours_parse_when(const char *s, int *weekday, int *minute);
/* The weekday (0 = Monday) and minute of "now" (clock_now: CARNET_NOW in
 * tests). */
int hours_now(int *weekday, int *minute, struct cn_err *err);

#endif
