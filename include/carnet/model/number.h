/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers written the French way, whatever the locale: decimal comma, and a
 * narrow no-break space (U+202F) between thousands and before "%", as in
 * "1 550" and "25,0 %". Machine formats (JSON, the exchange CSV) never use
 * these: the program runs with LC_NUMERIC "C". */
#ifndef CARNET_NUMBER_H
#define CARNET_NUMBER_H

#include <stddef.h>

#define NNBSP "\u202f"

/* "1 550", "-12", "28 310". */
void number_fr(long n, char *out, size_t size);
/* "25,0" from 250 tenths. */
void tenths_fr(long tenths, char *out, size_t size);
/* "25,0 %" from 250 tenths. */
void percent_fr(long tenths, char *out, size_t size);
/* "2,50" from 2.5, `decimals` after the comma (0 to 3). */
void decimal_fr(double v, int decimals, char *out, size_t size);

#endif
