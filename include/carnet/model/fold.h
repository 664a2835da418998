/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Folding a text for comparisons that ignore case, accents and the small
 * differences of typing: "Médiathèque  d’Été" and "mediatheque d'ete" fold
 * to the same text. */
#ifndef CARNET_FOLD_H
#define CARNET_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the folded form of s into out (at most size-1 bytes, never a cut
 * character): ASCII and Latin letters lowercased without their accents
 * (œ, æ as oe, ae), the typographic apostrophes and quotes ’ ‘ as ', the
 * no-break spaces as spaces, runs of white space as one space, no space at
 * either end. Other characters are kept. */
void fold_text(const char *s, char *out, size_t size);
/* Whether the folded forms of a and b are equal. */
bool fold_equal(const char *a, const char *b);

#endif
