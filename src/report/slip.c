/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "carnet/model/clock.h"
#include "carnet/model/escape.h"
#include "carnet/model/hours.h"
#include "carnet/model/text.h"
#include "carnet/report/html.h"
#include "carnet/report/slip.h"

#define W SLIP_TEXT_WIDTH
/* Where a word too long for its line may be cut: after these. */
#define BREAKS "/-.,;@_?&="

enum link { LINK_NONE, LINK_TEL, LINK_MAIL, LINK_WEB };

/* One "Label : value" of the slip; a multiple field's values are joined by
 * '|'. */
struct field {
	const char *label, *plural;
	char label_buf[64];
	const char *value;
	bool multiple;
	enum link link;
};

#define NFIELDS 7
/* Room for one value: the longest field, websites. */
#define VALUE_MAX sizeof ((struct place *)0)->site_web

/* What the slip shows, made safe, in the order it shows it. */
struct view {
	char name[sizeof ((struct place *)0)->nom];
	char street[sizeof ((struct place *)0)->adresse];
	char extra[sizeof ((struct place *)0)->complement_adresse];
	char town[sizeof ((struct place *)0)->commune + 32];
	char hours[HOURS_TEXT_MAX * 2], today[HOURS_DAY_MAX * 2];
	char phone[64], tel[64];
	char emails[sizeof ((struct place *)0)->courriels];
	char webs[sizeof ((struct place *)0)->site_web];
	char booking[sizeof ((struct place *)0)->prise_rdv];
	char bring[sizeof ((struct place *)0)->bring];
	char given[128];
	char desk[1024], desk_address[1024], code[64];
	struct field f[NFIELDS];
	int n;
};

static const char *const weekdays[] = {"lundi", "mardi", "mercredi", "jeudi",
                                       "vendredi", "samedi", "dimanche"};

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static struct field *add_field(struct view *v, const char *label, const char *plural,
                               const char *value, bool multiple, enum link link)
{
	struct field *fl;

	if (!value[0] || v->n == NFIELDS)
		return NULL;
	fl = &v->f[v->n++];
	fl->label = label;
	fl->plural = plural ? plural : label;
	fl->value = value;
	fl->multiple = multiple;
	fl->link = link;
	return fl;
}

/* Hours with a no-break space (U+00A0) where a line must not break, as
 * French writes them: "10 h", "18 h 30", "7 j/7". */
static void keep_together(const char *in, char *out, size_t size)
{
	size_t used = 0;

	for (size_t i = 0; in[i] && used + 3 < size; i++) {
		bool digit_before = i > 0 && in[i - 1] >= '0' && in[i - 1] <= '9';
		bool unit_before = i > 1 && in[i - 1] == 'h' && in[i - 2] == ' ';
		bool digit_after = in[i + 1] >= '0' && in[i + 1] <= '9';
		bool unit_after = (in[i + 1] == 'h' || in[i + 1] == 'j') &&
		                  (in[i + 2] == '\0' || strchr(" /\xe2,;", in[i + 2]));
		if (in[i] == ' ' && ((digit_before && unit_after) || (unit_before && digit_after))) {
			out[used++] = '\xc2';
			out[used++] = '\xa0';
		} else {
			out[used++] = in[i];
		}
	}
	out[used] = '\0';
}

static void build(struct view *v, const struct slip *s)
{
	const struct place *p = s->place;
	char buf[sizeof v->town], words[96];
	struct hours h;
	struct cn_date d;

	memset(v, 0, sizeof *v);
	escape_replace(p->nom, v->name, sizeof v->name);
	escape_replace(p->adresse, v->street, sizeof v->street);
	escape_replace(p->complement_adresse, v->extra, sizeof v->extra);
	snprintf(buf, sizeof buf, "%s%s%s", p->code_postal, p->code_postal[0] ? " " : "",
	         p->commune);
	escape_replace(buf, v->town, sizeof v->town);

	hours_parse(p->horaires, &h);
	if (h.kind != HOURS_EMPTY) {
		char text[HOURS_TEXT_MAX], safe[HOURS_TEXT_MAX];
		hours_describe(&h, text, sizeof text);
		escape_replace(text, safe, sizeof safe);
		keep_together(safe, v->hours, sizeof v->hours);
		add_field(v, "Horaires", NULL, v->hours, false, LINK_NONE);
	}
	if (h.kind == HOURS_PARSED && s->date && date_parse(s->date, &d)) {
		struct field *fl;
		char text[HOURS_DAY_MAX];
		hours_day(&h, date_weekday(&d), text, sizeof text);
		keep_together(text, v->today, sizeof v->today);
		if ((fl = add_field(v, "", NULL, v->today, false, LINK_NONE))) {
			snprintf(fl->label_buf, sizeof fl->label_buf, "Le %s %d%s %s",
			         weekdays[date_weekday(&d)], d.day, d.day == 1 ? "er" : "",
			         clock_month_name(d.month));
			fl->label = fl->plural = fl->label_buf;
		}
	}
	escape_replace(p->telephone, buf, sizeof buf);
	place_phone_display(buf, v->phone, sizeof v->phone);
	if (buf[0] == '+' && strspn(buf + 1, "0123456789") == strlen(buf) - 1)
		text_copy(v->tel, sizeof v->tel, buf);
	add_field(v, "Téléphone", NULL, v->phone, false, v->tel[0] ? LINK_TEL : LINK_NONE);
	escape_replace(p->courriels, v->emails, sizeof v->emails);
	add_field(v, "Courriel", "Courriels", v->emails, true, LINK_MAIL);
	escape_replace(p->site_web, v->webs, sizeof v->webs);
	add_field(v, "Site web", "Sites web", v->webs, true, LINK_WEB);
	escape_replace(p->prise_rdv, v->booking, sizeof v->booking);
	add_field(v, "Rendez-vous en ligne", NULL, v->booking, false, LINK_WEB);
	escape_replace(p->bring, v->bring, sizeof v->bring);
	add_field(v, "À apporter", NULL, v->bring, false, LINK_NONE);

	if (s->date && date_parse(s->date, &d)) {
		date_words(s->date, true, words, sizeof words);
		snprintf(v->given, sizeof v->given, "Fiche remise le %s", words);
	}
	escape_replace(or_empty(s->desk), v->desk, sizeof v->desk);
	escape_replace(or_empty(s->desk_address), v->desk_address, sizeof v->desk_address);
	escape_replace(or_empty(s->code), v->code, sizeof v->code);
}

/* The number of values of a field shown: SLIP_MAX_VALUES at most. */
static int nvalues(const struct field *fl)
{
	int n = 1;

	if (fl->multiple)
		for (const char *c = fl->value; *c; c++)
			n += *c == '|';
	return n < SLIP_MAX_VALUES ? n : SLIP_MAX_VALUES;
}

/* Value i of a field, copied into buf. */
static const char *value_at(const struct field *fl, int i, char *buf, size_t size)
{
	const char *s = fl->value;

	for (; i > 0 && s; i--)
		s = (s = strchr(s, '|')) ? s + 1 : NULL;
	if (!s)
		s = "";
	snprintf(buf, size, "%.*s", (int)(fl->multiple ? strcspn(s, "|") : strlen(s)), s);
	return buf;
}

/* ------------------------------------------------------------ text */

/* "Label : value" on one line when it fits; a text goes on over the next
 * lines, indented; a link that does not fit, or several values, start on
 * the line after the label. */
static void text_field(FILE *f, const struct field *fl)
{
	int n = nvalues(fl);
	const char *label = n > 1 ? fl->plural : fl->label;
	int lw = utf8_width(label) + 3;
	char one[VALUE_MAX];

	if (n == 1) {
		value_at(fl, 0, one, sizeof one);
		if (lw + utf8_width(one) <= W) {
			fprintf(f, "%s : %s\n", label, one);
			return;
		}
		if (fl->link == LINK_NONE && lw <= W / 2) {
			size_t cut = text_wrap(one, W - lw, NULL);
			if (one[cut] == ' ') {
				fprintf(f, "%s : %.*s\n", label, (int)cut, one);
				text_put_wrapped(f, "  ", one + cut + strspn(one + cut, " "), W - 2, BREAKS);
				return;
			}
		}
	}
	fprintf(f, "%s :\n", label);
	for (int i = 0; i < n; i++)
		text_put_wrapped(f, "  ", value_at(fl, i, one, sizeof one), W - 2, BREAKS);
}

static void rule(FILE *f, char c)
{
	for (int i = 0; i < W; i++)
		fputc(c, f);
	fputc('\n', f);
}

void slip_write_text(FILE *f, const struct slip *s)
{
	static const char title[] = "Fiche d'orientation";
	struct view *v = malloc(sizeof *v);
	char line[2200];

	if (!v)
		return;
	build(v, s);
	fprintf(f, "%*s%s\n", (W - utf8_width(title)) / 2, "", title);
	rule(f, '=');
	text_put_wrapped(f, "", v->name, W, BREAKS);
	text_put_wrapped(f, "", v->street, W, BREAKS);
	text_put_wrapped(f, "", v->extra, W, BREAKS);
	text_put_wrapped(f, "", v->town, W, BREAKS);
	if (v->n)
		rule(f, '-');
	for (int i = 0; i < v->n; i++)
		text_field(f, &v->f[i]);
	rule(f, '-');
	text_put_wrapped(f, "", v->given, W, BREAKS);
	if (v->desk[0]) {
		snprintf(line, sizeof line, "par %s", v->desk);
		text_put_wrapped(f, "", line, W, BREAKS);
	}
	text_put_wrapped(f, "", v->desk_address, W, BREAKS);
	if (v->code[0]) {
		snprintf(line, sizeof line, "Votre code : %s", v->code);
		text_put_wrapped(f, "", line, W, BREAKS);
		text_put_wrapped(f, "", "(à redonner lors de votre prochaine visite)", W, BREAKS);
	}
	free(v);
}

/* ------------------------------------------------------------ HTML */

/* The A5 page within its margins, in points, and the width of an average
 * character of a sans-serif font, in ems (a little more than it is: the
 * estimate must not fall short). */
#define PAGE_W_PT (124.0 / 25.4 * 72)
#define PAGE_H_PT (186.0 / 25.4 * 72)
#define CHAR_EM 0.55
#define LINE 1.3

/* Height in points of a text of `chars` characters at size pt. */
static double block(double chars, double pt)
{
	long per_line = (long)(PAGE_W_PT / (CHAR_EM * pt));
	long need = (long)(chars * 1.1) + 1, lines = per_line > 0 ? (need + per_line - 1) / per_line : 1;

	return (double)(lines > 0 ? lines : 1) * pt * LINE;
}

static double height(const struct view *v, double pt)
{
	double h = 0;

	h += block(20, pt * .85) + pt * .3;                          /* the title */
	h += block((double)utf8_length(v->name) * 1.1, pt * 1.45) + pt * .4; /* bold */
	h += block((double)utf8_length(v->street), pt * 1.1);
	if (v->extra[0])
		h += block((double)utf8_length(v->extra), pt * 1.1);
	h += block((double)utf8_length(v->town), pt * 1.1) + pt * .9;
	for (int i = 0; i < v->n; i++) {
		const struct field *fl = &v->f[i];
		h += block((double)utf8_length(fl->label), pt) + pt * .45;
		for (int k = 0; k < nvalues(fl); k++) {
			char one[VALUE_MAX];
			h += block((double)utf8_length(value_at(fl, k, one, sizeof one)), pt);
		}
	}
	h += pt * 1.4 + block((double)utf8_length(v->given) + 4 + (double)utf8_length(v->desk), pt);
	if (v->desk_address[0])
		h += block((double)utf8_length(v->desk_address), pt);
	if (v->code[0])
		h += pt * .6 + block(70, pt);
	return h;
}

static double font_size(const struct view *v)
{
	double pt = SLIP_MAX_PT;

	while (pt > SLIP_MIN_PT && height(v, pt) > PAGE_H_PT * .9)
		pt -= .5;
	return pt;
}

double slip_html_font_size(const struct slip *s)
{
	struct view *v = malloc(sizeof *v);
	double pt = SLIP_MAX_PT;

	if (v) {
		build(v, s);
		pt = font_size(v);
		free(v);
	}
	return pt;
}

static bool is_web(const char *s)
{
	return strncasecmp(s, "https://", 8) == 0 || strncasecmp(s, "http://", 7) == 0;
}

/* A value, a link when it is one: href the number for a phone. */
static void html_value(FILE *f, const struct field *fl, const char *value, const char *tel)
{
	const char *scheme = fl->link == LINK_TEL    ? "tel:"
	                     : fl->link == LINK_MAIL ? "mailto:"
	                     : fl->link == LINK_WEB && is_web(value) ? ""
	                                                             : NULL;

	if (scheme) {
		fprintf(f, "<a href=\"%s", scheme);
		html_escape(f, fl->link == LINK_TEL ? tel : value);
		fputs("\">", f);
	}
	html_escape(f, value);
	if (scheme)
		fputs("</a>", f);
}

static const char style[] =
	"@page{size:A5;margin:12mm}"
	"body{font-family:sans-serif;color:#000;line-height:1.3;margin:0}"
	"@media screen{body{max-width:32em;margin:2em auto;padding:0 1em}}"
	"h1,p,dd{overflow-wrap:anywhere}"
	"p.kind{font-size:.85em;letter-spacing:.08em;text-transform:uppercase;margin:0 0 .3em}"
	"h1{font-size:1.45em;line-height:1.2;margin:0 0 .3em}"
	"p.address{font-size:1.1em;margin:0 0 .8em}"
	"dl{margin:0;border-top:1px solid #777}"
	"dt{font-weight:bold;margin-top:.45em}dd{margin:0}"
	"p.given{border-top:1px solid #777;margin:.9em 0 0;padding-top:.45em}"
	"p.code{margin:.6em 0 0}"
	"a{color:inherit;text-decoration:none}";

void slip_write_html(FILE *f, const struct slip *s)
{
	struct view *v = malloc(sizeof *v);

	if (!v)
		return;
	build(v, s);
	fputs("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width\">\n<title>Fiche "
	      "d'orientation : ",
	      f);
	html_escape(f, v->name);
	fprintf(f, "</title>\n<style>%shtml{font-size:%.1fpt}</style>\n</head>\n<body>\n", style,
	        font_size(v));
	fputs("<p class=\"kind\">Fiche d'orientation</p>\n<h1>", f);
	html_escape(f, v->name);
	fputs("</h1>\n<p class=\"address\">", f);
	html_escape(f, v->street);
	if (v->extra[0]) {
		fputs("<br>", f);
		html_escape(f, v->extra);
	}
	fputs("<br>", f);
	html_escape(f, v->town);
	fputs("</p>\n", f);
	if (v->n)
		fputs("<dl>\n", f);
	for (int i = 0; i < v->n; i++) {
		const struct field *fl = &v->f[i];
		int n = nvalues(fl);
		fputs("<dt>", f);
		html_escape(f, n > 1 ? fl->plural : fl->label);
		fputs("</dt><dd>", f);
		for (int k = 0; k < n; k++) {
			char one[VALUE_MAX];
			if (k)
				fputs("<br>", f);
			html_value(f, fl, value_at(fl, k, one, sizeof one), v->tel);
		}
		fputs("</dd>\n", f);
	}
	if (v->n)
		fputs("</dl>\n", f);
	fputs("<p class=\"given\">", f);
	html_escape(f, v->given);
	if (v->desk[0]) {
		fputs(" par ", f);
		html_escape(f, v->desk);
	}
	if (v->desk_address[0]) {
		fputs("<br>", f);
		html_escape(f, v->desk_address);
	}
	fputs("</p>\n", f);
	if (v->code[0]) {
		fputs("<p class=\"code\">Votre code\u00a0: <strong>", f);
		html_escape(f, v->code);
		fputs("</strong> (à redonner lors de votre prochaine visite)</p>\n", f);
	}
	fputs("</body>\n</html>\n", f);
	free(v);
}
