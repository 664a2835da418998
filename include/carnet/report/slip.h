/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The slip (fiche d'orientation) a person referred to a place takes away:
 * the place's name and address, its hours in French and those of the day
 * the slip is given, its phone written the French way, e-mails, websites,
 * online booking, what to bring; then that day and the desk that gives it,
 * and the person's code only when they asked for it. Never a name: carnet
 * has none. A field that is empty is left out with its label; of several
 * e-mails or websites, the first SLIP_MAX_VALUES.
 *
 * Two writers: plain text of SLIP_TEXT_WIDTH columns at most for a receipt
 * printer (cut between words; a long address or e-mail after a "/", "." or
 * "@"), and one self-contained HTML page printed on one A5 sheet (its font
 * size chosen from the length of the texts). Every text is first made safe
 * (escape_replace: controls become "?") and, in HTML, escaped. */
#ifndef CARNET_SLIP_H
#define CARNET_SLIP_H

#include <stddef.h>
#include <stdio.h>
#include "carnet/model/place.h"

#define SLIP_TEXT_WIDTH 42
/* E-mails and websites shown at most (the first ones of the place). */
#define SLIP_MAX_VALUES 3
/* The font size of the HTML slip, in points: at most, at least. */
#define SLIP_MAX_PT 12.0
#define SLIP_MIN_PT 6.0

struct slip {
	const struct place *place;
	const char *date;         /* AAAA-MM-JJ: the day the slip is given */
	const char *desk;         /* the desk's name; NULL or "" for none */
	const char *desk_address; /* NULL or "" for none */
	const char *code;         /* the person's code; NULL or "" for none */
};

void slip_write_text(FILE *f, const struct slip *s);
void slip_write_html(FILE *f, const struct slip *s);

/* The font size, in points, of the HTML slip: SLIP_MAX_PT for usual texts,
 * smaller as they grow so that the page stays one A5 sheet (SLIP_MIN_PT at
 * least: enough for every field at its longest). */
double slip_html_font_size(const struct slip *s);

#endif
