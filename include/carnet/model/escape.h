/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text that is safe to show: what a file, a merged database or a
 * configuration holds may contain terminal controls (ESC ] 0;… BEL changes
 * a terminal's title, ESC [2J clears it), invisible characters or
 * bidirectional overrides that make a text read otherwise than it is.
 * Those are "unsafe": C0 controls but newline and tab, DEL, C1 controls
 * (U+0080–U+009F), bidirectional controls (U+061C, U+200E–U+200F,
 * U+202A–U+202E, U+2066–U+2069), zero-width characters (U+200B–U+200D,
 * U+2060, U+FEFF), and bytes that are not UTF-8. */
#ifndef CARNET_ESCAPE_H
#define CARNET_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Offset of the first unsafe sequence of s[0..len), len when there is none;
 * its length goes to *n. A UTF-8 sequence cut by the end of s counts as
 * unsafe, with *n the bytes there are and *cut set when cut is not NULL. */
size_t escape_find(const char *s, size_t len, size_t *n, bool *cut);
/* Writes s[0..len) to f with each unsafe sequence written visibly: "\x1b"
 * for a byte, "\u202e" for a code point. */
void escape_write(FILE *f, const char *s, size_t len);
/* s made safe to print where nothing escapes it (a file, a printer): each
 * unsafe sequence becomes "?", a newline or a tab a space; cut on a
 * character boundary to fit out (size > 0). */
void escape_replace(const char *s, char *out, size_t size);
/* A stream that writes everything through escape_write to `to` (flushed
 * after each write); NULL when the system cannot make one. */
FILE *escape_stream(FILE *to);

#endif
