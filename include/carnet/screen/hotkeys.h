/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One-key answers for the entries of a list: a letter of the label where
 * possible, so that keys are easy to remember and stable for a given list. */
#ifndef CARNET_HOTKEYS_H
#define CARNET_HOTKEYS_H

#include <stddef.h>

/* Assigns to each of n entries a distinct key from a-z then 1-9, never one
 * of `reserved`: the first letter of its code (codes may be NULL), else the
 * initials of the label's words, then its other letters (accents folded),
 * then any free key. out[i] is 0 when none is left. */
void hotkeys_assign(const char *const *codes, const char *const *labels, int n,
                    const char *reserved, char *out);
/* Lower-case ASCII form of a UTF-8 Latin text ("Épargne" -> "epargne"), for
 * mnemonics and for case- and accent-blind filtering. */
void text_fold(const char *in, char *out, size_t size);

#endif
