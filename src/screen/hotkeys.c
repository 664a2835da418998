/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/screen/hotkeys.h"

/* Latin-1 supplement letters (U+00C0..U+00FF) without their accent. */
static const char latin1_fold[64] =
	"aaaaaaeceeeeiiiidnooooo*ouuuuyts"
	"aaaaaaeceeeeiiiidnooooo/ouuuuyty";

void text_fold(const char *in, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t used = 0;

	if (size == 0)
		return;
	while (*p && used + 1 < size) {
		unsigned char c = *p;
		if (c < 0x80) {
			out[used++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
			p++;
		} else if (c == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf) {
			out[used++] = latin1_fold[p[1] - 0x80];
			p += 2;
		} else if (c == 0xc5 && (p[1] == 0x92 || p[1] == 0x93)) {
			out[used++] = 'o'; /* Œ œ */
			p += 2;
		} else {
			/* Any other character: skip the whole sequence. */
			p++;
			while ((*p & 0xc0) == 0x80)
				p++;
		}
	}
	out[used] = '\0';
}

static int take(char *used, const char *reserved, char c)
{
	if (!((c >= 'a' && c <= 'z') || (c >= '1' && c <= '9')))
		return 0;
	if (strchr(used, c) || (reserved && strchr(reserved, c)))
		return 0;
	used[strlen(used)] = c;
	return c;
}

void hotkeys_assign(const char *const *codes, const char *const *labels, int n,
                    const char *reserved, char *out)
{
	static const char all[] = "abcdefghijklmnopqrstuvwxyz123456789";
	char used[sizeof all] = "";

	for (int i = 0; i < n; i++) {
		char folded[256];
		int k = codes ? take(used, reserved, codes[i][0]) : 0;

		text_fold(labels[i], folded, sizeof folded);
		/* Initials of the words first. */
		for (const char *p = folded; *p && !k; p++)
			if (p == folded || p[-1] == ' ' || p[-1] == '\'' || p[-1] == '(' || p[-1] == '-')
				k = take(used, reserved, *p);
		for (const char *p = folded; *p && !k; p++)
			k = take(used, reserved, *p);
		for (const char *p = all; *p && !k; p++)
			k = take(used, reserved, *p);
		out[i] = (char)k;
	}
}
