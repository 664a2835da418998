/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The slip of a place: cutting lines between words (text_wrap), texts made
 * safe (escape_replace), phones written the French way, and the text and
 * HTML writers. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/escape.h"
#include "carnet/model/text.h"
#include "carnet/model/place.h"
#include "carnet/report/slip.h"
#include "harness.h"

/* The lines text_wrap cuts s into, joined by '\n'. */
static const char *lines(const char *s, int width, const char *breaks)
{
	static char out[1024];
	size_t used = 0;

	out[0] = '\0';
	while (*s) {
		size_t n = text_wrap(s, width, breaks);
		used += (size_t)snprintf(out + used, sizeof out - used, "%s%.*s", used ? "\n" : "",
		                         (int)n, s);
		s += n;
		while (*s == ' ')
			s++;
	}
	return out;
}

static void test_wrap(void)
{
	CHECK_INT(text_wrap("", 10, NULL), 0);
	CHECK_INT(text_wrap("court", 10, NULL), 5);
	CHECK_STR(lines("du lundi au vendredi", 10, NULL), "du lundi\nau\nvendredi");
	CHECK_STR(lines("du lundi au", 8, NULL), "du lundi\nau");        /* a space at the edge */
	CHECK_STR(lines("été à côté", 4, NULL), "été\nà\ncôté");           /* columns, not bytes */
	CHECK_STR(lines("abcdefghij", 4, NULL), "abcd\nefgh\nij");         /* a long word */
	CHECK_STR(lines("https://a.example/bb/c", 12, "/"), "https://\na.example/\nbb/c");
	CHECK_STR(lines("https://a.example/bb/c", 12, NULL), "https://a.ex\nample/bb/c");
	CHECK_STR(lines("日本語の文", 4, NULL), "日本\n語の\n文");              /* wide: 2 columns */
	CHECK_INT(text_wrap("日本", 1, NULL), 3);      /* too narrow: one character anyway */
	CHECK_INT(text_wrap("e\xcc\x81t\xc3\xa9", 2, NULL), 4); /* a combining accent: 0 */
}

static void test_replace(void)
{
	char out[16];

	escape_replace("a\x1b[2Jb", out, sizeof out);
	CHECK_STR(out, "a?[2Jb");
	escape_replace("l1\nl2\tx\x07", out, sizeof out);
	CHECK_STR(out, "l1 l2 x?");
	escape_replace("\xe2\x80\xae" "abc\xff", out, sizeof out); /* bidi override, a bad byte */
	CHECK_STR(out, "?abc?");
	escape_replace("éééééééééé", out, sizeof out); /* 20 bytes: cut on a character */
	CHECK_STR(out, "ééééééé");
	escape_replace("abcdefghijklmno\x01", out, sizeof out); /* no room for the "?" */
	CHECK_STR(out, "abcdefghijklmno");
	escape_replace("", out, sizeof out);
	CHECK_STR(out, "");
}

static void test_phone(void)
{
	char out[64];

	place_phone_display("+33299123456", out, sizeof out);
	CHECK_STR(out, "02 99 12 34 56");
	place_phone_display("+33612345678", out, sizeof out);
	CHECK_STR(out, "06 12 34 56 78");
	place_phone_display("+262262123456", out, sizeof out);
	CHECK_STR(out, "02 62 12 34 56");
	place_phone_display("+687281234", out, sizeof out);
	CHECK_STR(out, "+687 28 12 34");
	place_phone_display("3949", out, sizeof out);
	CHECK_STR(out, "3949");
	place_phone_display("+3329912", out, sizeof out);
	CHECK_STR(out, "+3329912");
	place_phone_display("", out, sizeof out);
	CHECK_STR(out, "");
}

static struct place *sample(void)
{
	struct place *p = malloc(sizeof *p);

	place_init(p);
	strcpy(p->id, "fs");
	strcpy(p->nom, "Maison France Services – Pôle social de Saint-Jacques-de-la-Lande");
	strcpy(p->adresse, "3 esplanade de la Mairie");
	strcpy(p->code_postal, "35136");
	strcpy(p->commune, "Saint-Jacques-de-la-Lande");
	strcpy(p->telephone, "+33299123456");
	strcpy(p->courriels, "a@b.example|c@d.example|e@f.example|g@h.example");
	strcpy(p->site_web, "https://tres-long-nom-de-domaine.example/une/page/profonde/a-rallonge");
	strcpy(p->horaires, "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00");
	strcpy(p->bring, "日本語のパスポート, avis d'impôt (é\xcc\x81)");
	return p;
}

/* What a writer wrote for s. */
static char *written(const struct slip *s, bool html)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (html)
		slip_write_html(f, s);
	else
		slip_write_text(f, s);
	fclose(f);
	return buf;
}

/* No-break spaces (U+00A0) as plain ones, in place. */
static void plain(char *s)
{
	size_t to = 0;

	for (size_t i = 0; s[i]; i++) {
		if (s[i] == '\xc2' && s[i + 1] == '\xa0') {
			s[to++] = ' ';
			i++;
		} else {
			s[to++] = s[i];
		}
	}
	s[to] = '\0';
}

static void test_text(void)
{
	struct place *p = sample();
	struct slip s = {p, "2026-11-21", "France Services du Blosne", NULL, NULL};
	char *out = written(&s, false), *line, *save = NULL;
	int widest = 0;

	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (utf8_width(line) > widest)
			widest = utf8_width(line);
	CHECK_INT(widest, 42);
	free(out);
	out = written(&s, false);
	CHECK(strstr(out, "14\u00a0h–18\u00a0h\u00a030") != NULL);
	plain(out);
	CHECK(strstr(out, "Horaires : du lundi au vendredi, 9 h–12 h") != NULL);
	CHECK(strstr(out, "Le samedi 21 novembre : 8 h 30–12 h\n") != NULL);
	CHECK(strstr(out, "Téléphone : 02 99 12 34 56\n") != NULL);
	CHECK(strstr(out, "Courriels :\n  a@b.example\n  c@d.example\n  e@f.example\n") != NULL);
	CHECK(strstr(out, "g@h.example") == NULL); /* three at most */
	CHECK(strstr(out, "Site web :\n  https://tres-long-nom-de-domaine.\n"
	                   "  example/une/page/profonde/a-rallonge\n") != NULL);
	CHECK(strstr(out, "par France Services du Blosne\n") != NULL);
	CHECK(strstr(out, "code") == NULL);
	free(out);
	s.code = "KX4M2Q";
	out = written(&s, false);
	CHECK(strstr(out, "Votre code : KX4M2Q\n") != NULL);
	free(out);
	free(p);
}

static void test_html(void)
{
	struct place *p = sample();
	struct slip s = {p, "2026-11-18", "<b>Poste</b>", "1 rue \"A\" & B", NULL};
	char *out;

	strcpy(p->nom, "<script>x</script>");
	strcpy(p->complement_adresse, "\x1b]0;titre\x07");
	strcpy(p->site_web, "javascript:alert(1)|https://ok.example/?a=1&b=2");
	out = written(&s, true);
	CHECK(strstr(out, "<script>") == NULL);
	CHECK(strstr(out, "<h1>&lt;script&gt;x&lt;/script&gt;</h1>") != NULL);
	CHECK(strstr(out, "?]0;titre?") != NULL);
	CHECK(strchr(out, '\x1b') == NULL);
	CHECK(strstr(out, "par &lt;b&gt;Poste&lt;/b&gt;<br>1 rue &quot;A&quot; &amp; B") != NULL);
	CHECK(strstr(out, "href=\"javascript") == NULL); /* only http(s) is a link */
	CHECK(strstr(out, "<a href=\"https://ok.example/?a=1&amp;b=2\">") != NULL);
	CHECK(strstr(out, "<a href=\"tel:+33299123456\">02 99 12 34 56</a>") != NULL);
	CHECK(strstr(out, "@page{size:A5") != NULL);
	CHECK(strstr(out, "html{font-size:12.0pt}") != NULL);
	free(out);
	CHECK(slip_html_font_size(&s) <= SLIP_MAX_PT);
	for (size_t i = 0; i + 1 < sizeof p->presentation_detail && i < 240; i++)
		p->nom[i] = 'x';
	p->nom[240] = '\0';
	memset(p->horaires, 'h', 499);
	p->horaires[499] = '\0';
	CHECK(slip_html_font_size(&s) < SLIP_MAX_PT); /* longer texts, smaller */
	CHECK(slip_html_font_size(&s) >= SLIP_MIN_PT);
	free(p);
}

int main(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	RUN(test_wrap);
	RUN(test_replace);
	RUN(test_phone);
	RUN(test_text);
	RUN(test_html);
	return harness_finish();
}
