/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening hours: the OpenStreetMap subset of hours.h, in French. */
#include <string.h>
#include "carnet/model/clock.h"
#include "carnet/model/escape.h"
#include "carnet/model/hours.h"
#include "carnet/model/text.h"

#define DAY_MIN  1440
#define WEEK_MIN (7 * DAY_MIN)
#define ALL_DAYS 0x7f

static const char *const day_names[7] = {"lundi", "mardi", "mercredi", "jeudi",
                                         "vendredi", "samedi", "dimanche"};
static const char *const osm_days[7] = {"mo", "tu", "we", "th", "fr", "sa", "su"};

/* ------------------------------------------------------------------ output */

/* Text appended to a fixed buffer, cut on a character boundary; once cut,
 * nothing more is added (a later short piece would read as if it belonged). */
struct sbuf {
	char *p;
	size_t size, len;
	bool cut;
};

static void sb_init(struct sbuf *b, char *out, size_t size)
{
	b->p = out;
	b->size = size;
	b->len = 0;
	b->cut = size == 0;
	if (size > 0)
		out[0] = '\0';
}

static void sb_add(struct sbuf *b, const char *s)
{
	if (b->cut)
		return;
	if (!text_copy(b->p + b->len, b->size - b->len, s))
		b->cut = true;
	b->len += strlen(b->p + b->len);
}

static void sb_time(struct sbuf *b, int minute)
{
	char t[16];
	int h = minute / 60, m = minute % 60;

	t[0] = '\0';
	if (h >= 10)
		t[0] = (char)('0' + h / 10), t[1] = (char)('0' + h % 10), t[2] = '\0';
	else
		t[0] = (char)('0' + h), t[1] = '\0';
	sb_add(b, t);
	sb_add(b, " h");
	if (m) {
		t[0] = ' ';
		t[1] = (char)('0' + m / 10);
		t[2] = (char)('0' + m % 10);
		t[3] = '\0';
		sb_add(b, t);
	}
}

static void sb_range(struct sbuf *b, const struct hours_range *r)
{
	if (r->start == 0 && r->end == DAY_MIN) {
		sb_add(b, "24 h/24");
		return;
	}
	sb_time(b, r->start);
	sb_add(b, "–");
	sb_time(b, r->end > DAY_MIN ? r->end - DAY_MIN : r->end);
}

static void sb_day(struct sbuf *b, const struct hours_day *d)
{
	if (d->n == 0) {
		sb_add(b, "fermé");
		return;
	}
	for (int i = 0; i < d->n; i++) {
		if (i > 0)
			sb_add(b, i == d->n - 1 ? " et " : ", ");
		sb_range(b, &d->r[i]);
	}
}

/* ------------------------------------------------------------------ raw */

/* The text as written, safe to show: controls and white space become
 * spaces, unsafe sequences (escape.h) "?"; cut with "…" when too long. */
static void keep_raw(const char *text, char raw[HOURS_RAW_MAX])
{
	size_t len = strlen(text), at = 0, out = 0;
	const size_t room = HOURS_RAW_MAX - 4; /* "…" and NUL */

	while (at < len) {
		size_t n, safe = escape_find(text + at, len - at, &n, NULL), k = safe;
		if (out + k > room) {
			/* Cut, but not inside a character (the segment is UTF-8). */
			k = room - out;
			while (k > 0 && ((unsigned char)text[at + k] & 0xc0) == 0x80)
				k--;
		}
		for (size_t i = 0; i < k; i++) {
			char c = text[at + i];
			raw[out++] = c == '\n' || c == '\t' ? ' ' : c;
		}
		if (k < safe || (safe < len - at && out >= room)) {
			memcpy(raw + out, "…", 3);
			out += 3;
			break;
		}
		if (safe < len - at)
			raw[out++] = '?';
		at += safe + (safe < len - at ? n : 0);
	}
	raw[out] = '\0';
}

/* ------------------------------------------------------------------ parse */

struct scan {
	const char *p;
};

static void skip(struct scan *s)
{
	for (;;) {
		unsigned char c = (unsigned char)s->p[0];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			s->p++;
		else if (c == 0xc2 && (unsigned char)s->p[1] == 0xa0) /* no-break space */
			s->p += 2;
		else if (c == 0xe2 && (unsigned char)s->p[1] == 0x80 &&
		         (unsigned char)s->p[2] == 0xaf) /* narrow no-break space */
			s->p += 3;
		else
			return;
	}
}

static bool at_end(struct scan *s)
{
	skip(s);
	return *s->p == '\0';
}

static bool accept(struct scan *s, char c)
{
	skip(s);
	if (*s->p != c)
		return false;
	s->p++;
	return true;
}

static bool accept_dash(struct scan *s)
{
	skip(s);
	if (*s->p == '-') {
		s->p++;
		return true;
	}
	if (strncmp(s->p, "–", 3) == 0) { /* en dash, as a word processor writes it */
		s->p += 3;
		return true;
	}
	return false;
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The next word, letters only, when it is `w` (case ignored). */
static bool accept_word(struct scan *s, const char *w)
{
	size_t n = 0;

	skip(s);
	while (is_letter(s->p[n]))
		n++;
	if (n != strlen(w))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((s->p[i] | 0x20) != w[i])
			return false;
	s->p += n;
	return true;
}

/* A weekday (0-6), -2 for PH, -1 for anything else (nothing consumed). */
static int accept_day(struct scan *s)
{
	for (int d = 0; d < 7; d++)
		if (accept_word(s, osm_days[d]))
			return d;
	if (accept_word(s, "ph"))
		return -2;
	return -1;
}

static bool next_is_day(struct scan *s)
{
	struct scan t = *s;
	return accept_day(&t) != -1;
}

/* Days and PH: 0 when there are none, 1 when read, -1 on a malformed list. */
static int parse_days(struct scan *s, unsigned *mask, bool *ph)
{
	*mask = 0;
	*ph = false;
	if (!next_is_day(s))
		return 0;
	do {
		int a = accept_day(s), b;
		if (a == -1)
			return -1;
		if (a == -2) {
			*ph = true;
			continue;
		}
		b = a;
		if (accept_dash(s)) {
			b = accept_day(s);
			if (b < 0)
				return -1;
		}
		for (int d = a;; d = (d + 1) % 7) { /* Fr-Mo wraps over the week end */
			*mask |= 1u << d;
			if (d == b)
				break;
		}
	} while (accept(s, ','));
	return 1;
}

/* H:MM or HH:MM, 0:00 to 24:00, as minutes; -1 otherwise. */
static int parse_time(struct scan *s)
{
	const char *p;
	int h = 0, m, digits = 0;

	skip(s);
	p = s->p;
	while (*p >= '0' && *p <= '9' && digits < 3)
		h = h * 10 + (*p++ - '0'), digits++;
	if (digits < 1 || digits > 2 || *p != ':')
		return -1;
	p++;
	if (!(p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9') ||
	    (p[2] >= '0' && p[2] <= '9'))
		return -1;
	m = (p[0] - '0') * 10 + (p[1] - '0');
	if (m > 59 || h > 24 || (h == 24 && m > 0))
		return -1;
	s->p = p + 2;
	return h * 60 + m;
}

static bool next_is_time(struct scan *s)
{
	skip(s);
	return *s->p >= '0' && *s->p <= '9';
}

/* Time ranges; stops before a "," that starts an additional rule. */
static bool parse_times(struct scan *s, struct hours_range *r, int *n, int max)
{
	*n = 0;
	for (;;) {
		int a = parse_time(s), b;
		struct scan save;

		if (a < 0 || a >= DAY_MIN || !accept_dash(s))
			return false;
		b = parse_time(s);
		if (b < 0 || b == a)
			return false;
		if (b < a)
			b += DAY_MIN; /* past midnight */
		if (*n >= max)
			return false;
		r[(*n)++] = (struct hours_range){(short)a, (short)b};
		save = *s;
		if (!accept(s, ','))
			return true;
		if (!next_is_time(s)) {
			*s = save;
			return true;
		}
	}
}

/* Adds a range to a day, keeping them sorted and merged. */
static bool day_add(struct hours_day *d, struct hours_range r)
{
	struct hours_range tmp[HOURS_RANGES + 1];
	int n = 0, i;

	for (i = 0; i < d->n && d->r[i].start <= r.start; i++)
		tmp[n++] = d->r[i];
	tmp[n++] = r;
	for (; i < d->n; i++)
		tmp[n++] = d->r[i];
	d->n = 0;
	for (i = 0; i < n; i++) {
		if (d->n > 0 && tmp[i].start <= d->r[d->n - 1].end) {
			if (tmp[i].end > d->r[d->n - 1].end)
				d->r[d->n - 1].end = tmp[i].end;
			/* Ranges past midnight that join into more than a day
			 * ("16:00-12:00,04:00-18:00") would read as less. */
			if (d->r[d->n - 1].end - d->r[d->n - 1].start > DAY_MIN)
				return false;
			continue;
		}
		if (d->n >= HOURS_RANGES)
			return false;
		d->r[d->n++] = tmp[i];
	}
	return true;
}

static bool days_add(struct hours *h, unsigned mask, const struct hours_range *r, int n)
{
	for (int d = 0; d < 7; d++)
		for (int i = 0; i < n && (mask & (1u << d)); i++)
			if (!day_add(&h->day[d], r[i]))
				return false;
	return true;
}

/* One rule, up to the next ";" or the end. */
static bool parse_rule(struct scan *s, struct hours *h, unsigned *off_days)
{
	struct hours_range r[HOURS_RANGES];
	unsigned mask;
	bool ph;
	int n, got;

	skip(s);
	if (strncmp(s->p, "24/7", 4) == 0) {
		s->p += 4;
		for (int d = 0; d < 7; d++) {
			h->day[d].n = 1;
			h->day[d].named_off = false;
			h->day[d].r[0] = (struct hours_range){0, DAY_MIN};
		}
		return true;
	}
	got = parse_days(s, &mask, &ph);
	if (got < 0)
		return false;
	if (accept_word(s, "off") || accept_word(s, "closed")) {
		if (got == 0)
			mask = ALL_DAYS;
		if (ph)
			h->ph_off = true;
		for (int d = 0; d < 7; d++)
			if (mask & (1u << d)) {
				h->day[d].n = 0;
				h->day[d].named_off = got > 0;
			}
		*off_days |= mask;
		return true;
	}
	if (ph || !parse_times(s, r, &n, HOURS_RANGES))
		return false; /* PH with hours, days without hours, bad times */
	if (got == 0)
		mask = ALL_DAYS;
	for (int d = 0; d < 7; d++)
		if (mask & (1u << d)) {
			h->day[d].n = 0;
			h->day[d].named_off = false;
		}
	if (!days_add(h, mask, r, n))
		return false;
	/* Additional rules: ", We 14:00-18:00" adds to its days. */
	while (accept(s, ',')) {
		if (parse_days(s, &mask, &ph) <= 0 || ph || !parse_times(s, r, &n, HOURS_RANGES) ||
		    !days_add(h, mask, r, n))
			return false;
		for (int d = 0; d < 7; d++)
			if (mask & (1u << d))
				h->day[d].named_off = false;
	}
	return true;
}

bool hours_parse(const char *text, struct hours *out)
{
	struct scan s = {text ? text : ""};
	unsigned off_days = 0;
	bool any_rule = false, any_open = false;

	memset(out, 0, sizeof *out);
	keep_raw(s.p, out->raw);
	while (!at_end(&s)) {
		if (accept(&s, ';'))
			continue;
		if (!parse_rule(&s, out, &off_days))
			goto raw;
		any_rule = true;
		if (!at_end(&s) && !accept(&s, ';'))
			goto raw;
	}
	if (!any_rule) {
		out->kind = HOURS_EMPTY;
		return false;
	}
	for (int d = 0; d < 7; d++)
		any_open = any_open || out->day[d].n > 0;
	/* A value that only closes some days says nothing of the others. */
	if (!any_open && off_days != ALL_DAYS)
		goto raw;
	out->kind = HOURS_PARSED;
	return true;
raw:
	memset(out->day, 0, sizeof out->day);
	out->ph_off = false;
	out->kind = HOURS_RAW;
	return false;
}

/* ------------------------------------------------------------------ French */

static bool same_day(const struct hours_day *a, const struct hours_day *b)
{
	if (a->n != b->n || (a->n == 0 && a->named_off != b->named_off))
		return false;
	for (int i = 0; i < a->n; i++)
		if (a->r[i].start != b->r[i].start || a->r[i].end != b->r[i].end)
			return false;
	return true;
}

static bool shown(const struct hours_day *d)
{
	return d->n > 0 || d->named_off;
}

void hours_describe(const struct hours *h, char *out, size_t size)
{
	struct sbuf b;
	bool all_day = true, first = true;

	sb_init(&b, out, size);
	if (h->kind == HOURS_EMPTY) {
		sb_add(&b, "horaires non renseignés");
		return;
	}
	if (h->kind != HOURS_PARSED) {
		sb_add(&b, h->raw);
		sb_add(&b, " (horaires à vérifier)");
		return;
	}
	for (int d = 0; d < 7; d++)
		all_day = all_day && h->day[d].n == 1 && h->day[d].r[0].start == 0 &&
		          h->day[d].r[0].end == DAY_MIN;
	if (all_day) {
		sb_add(&b, "ouvert 24 h/24, 7 j/7");
		first = false;
	}
	for (int d = 0; d < 7 && !all_day;) {
		int e = d;
		if (!shown(&h->day[d])) {
			d++;
			continue;
		}
		while (e + 1 < 7 && same_day(&h->day[d], &h->day[e + 1]))
			e++;
		if (!first)
			sb_add(&b, " ; ");
		first = false;
		if (d == 0 && e == 6) {
			sb_add(&b, "tous les jours, ");
		} else if (e == d) {
			sb_add(&b, day_names[d]);
			sb_add(&b, " ");
		} else {
			sb_add(&b, e == d + 1 ? "" : "du ");
			sb_add(&b, day_names[d]);
			sb_add(&b, e == d + 1 ? " et " : " au ");
			sb_add(&b, day_names[e]);
			sb_add(&b, ", ");
		}
		sb_day(&b, &h->day[d]);
		d = e + 1;
	}
	if (first)
		sb_add(&b, "fermé");
	if (h->ph_off && !first) /* "fermé ; fermé les jours fériés" says nothing more */
		sb_add(&b, " ; fermé les jours fériés");
}

void hours_day(const struct hours *h, int weekday, char *out, size_t size)
{
	struct sbuf b;

	sb_init(&b, out, size);
	if (h->kind != HOURS_PARSED || weekday < 0 || weekday > 6)
		sb_add(&b, "horaires à vérifier");
	else
		sb_day(&b, &h->day[weekday]);
}

bool hours_closed_on_holidays(const struct hours *h)
{
	return h->kind == HOURS_PARSED && h->ph_off;
}

/* ------------------------------------------------------------------ now */

/* Open at minute t of the week (0 = Monday 0:00)? A range past midnight
 * runs on into the next day (Sunday's into Monday). */
static bool open_at(const struct hours *h, int t)
{
	int d = t / DAY_MIN, m = t % DAY_MIN, prev = (d + 6) % 7;

	for (int i = 0; i < h->day[d].n; i++)
		if (h->day[d].r[i].start <= m && m < h->day[d].r[i].end)
			return true;
	for (int i = 0; i < h->day[prev].n; i++)
		if (m + DAY_MIN < h->day[prev].r[i].end)
			return true;
	return false;
}

/* Minutes from t to the next moment the state changes; 0 when it never
 * does. Only range starts and ends can be such moments. */
static int next_change(const struct hours *h, int t, bool open)
{
	int best = 0;

	for (int d = 0; d < 7; d++)
		for (int i = 0; i < h->day[d].n; i++) {
			int at[2] = {d * DAY_MIN + h->day[d].r[i].start, d * DAY_MIN + h->day[d].r[i].end};
			for (int k = 0; k < 2; k++) {
				int c = at[k] % WEEK_MIN, delta = ((c - t) % WEEK_MIN + WEEK_MIN) % WEEK_MIN;
				if (delta == 0)
					delta = WEEK_MIN;
				if ((best == 0 || delta < best) && open_at(h, c) != open)
					best = delta;
			}
		}
	return best;
}

enum hours_state hours_at(const struct hours *h, int weekday, int minute, char *next,
                          size_t size)
{
	struct sbuf b;
	int t, delta, ahead, when;
	bool open;

	sb_init(&b, next, size);
	if (h->kind != HOURS_PARSED || weekday < 0 || weekday > 6 || minute < 0 ||
	    minute >= DAY_MIN) {
		sb_add(&b, "horaires à vérifier");
		return HOURS_UNKNOWN;
	}
	t = weekday * DAY_MIN + minute;
	open = open_at(h, t);
	delta = next_change(h, t, open);
	if (delta == 0) {
		sb_add(&b, open ? "ouvert 24 h/24" : "fermé toute la semaine");
		return open ? HOURS_OPEN : HOURS_CLOSED;
	}
	ahead = (minute + delta) / DAY_MIN;
	when = (minute + delta) % DAY_MIN;
	sb_add(&b, open ? "ferme " : "ouvre ");
	if (when == 0 && ahead == 1) {
		sb_add(&b, "à minuit");
	} else if (when == 0 && open) {
		/* Closing at the end of a day: that day "à 24 h", as ranges read. */
		sb_add(&b, ahead == 2 ? "demain" : day_names[(weekday + ahead - 1) % 7]);
		sb_add(&b, " à 24 h");
	} else {
		if (ahead == 1) {
			sb_add(&b, "demain ");
		} else if (ahead > 1) {
			sb_add(&b, day_names[(weekday + ahead) % 7]);
			sb_add(&b, ahead == 7 ? " prochain " : " ");
		}
		sb_add(&b, "à ");
		sb_time(&b, when);
	}
	return open ? HOURS_OPEN : HOURS_CLOSED;
}

/* ------------------------------------------------------------------ typed */

bool hours_parse_when(const char *s, int *weekday, int *minute)
{
	char word[16], rest[16], hhmm[HHMM_LEN];
	size_t n = 0, r = 0;
	int day = -1;

	while (*s == ' ' || *s == '\t')
		s++;
	while (is_letter(*s)) {
		if (n + 1 >= sizeof word)
			return false;
		word[n++] = (char)(*s++ | 0x20);
	}
	word[n] = '\0';
	for (int d = 0; d < 7 && n >= 3; d++)
		if (strcmp(word, day_names[d]) == 0 || (n == 3 && strncmp(word, day_names[d], 3) == 0))
			day = d;
	if (day < 0)
		return false;
	while (*s == ' ' || *s == '\t')
		s++;
	/* An optional "à" (or "a", "À") before the time. */
	if (strncmp(s, "à", 2) == 0 || strncmp(s, "À", 2) == 0)
		s += 2;
	else if ((*s == 'a' || *s == 'A') && (s[1] == ' ' || s[1] == '\t'))
		s++;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t')
			continue;
		if (r + 1 >= sizeof rest)
			return false;
		rest[r++] = *s;
	}
	rest[r] = '\0';
	if (!time_parse(rest, hhmm))
		return false;
	*weekday = day;
	*minute = ((hhmm[0] - '0') * 10 + (hhmm[1] - '0')) * 60 + (hhmm[3] - '0') * 10 +
	          (hhmm[4] - '0');
	return true;
}

int hours_now(int *weekday, int *minute, struct cn_err *err)
{
	struct cn_date today;
	int hour, min, rc = clock_now(&today, &hour, &min, err);

	if (rc != CN_OK)
		return rc;
	*weekday = date_weekday(&today);
	*minute = hour * 60 + min;
	return CN_OK;
}
