/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UTF-8 text helpers: display width, padding, validation, ASCII case. */
#ifndef CARNET_TEXT_H
#define CARNET_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool utf8_valid(const char *s, size_t len);
/* Number of code points of a valid UTF-8 string. */
size_t utf8_length(const char *s);
/* Terminal columns needed to show s (wide characters count 2, combining 0). */
int utf8_width(const char *s);
/* Writes s in exactly `width` columns: cut with "…" or padded with spaces. */
void text_put_cell(FILE *f, const char *s, int width);
/* Bytes of the longest prefix of s that fits in `width` columns; its width
 * goes to *cols when cols is not NULL. */
size_t text_fit(const char *s, int width, int *cols);
/* Bytes of the first line of s cut into lines of `width` columns between
 * words: all of s when it fits, else up to the last space that fits; a word
 * wider than the line is cut after the last character of `breaks` (NULL:
 * none; "/" cuts a long web address after a slash) that fits, else where
 * the width ends, and never before the first character. The next line
 * starts after the spaces that follow. */
size_t text_wrap(const char *s, int width, const char *breaks);
/* s written in lines of width columns cut by text_wrap, each after indent
 * and ended by a newline; nothing for an empty s. */
void text_put_wrapped(FILE *f, const char *indent, const char *s, int width,
                      const char *breaks);
/* Copies at most size-1 bytes without cutting a UTF-8 sequence; false if cut. */
bool text_copy(char *dst, size_t size, const char *src);
void text_lower_ascii(char *s);
void text_upper_ascii(char *s);
/* Strips leading and trailing ASCII white space in place; returns s. */
char *text_trim(char *s);
/* Windows-1252 (what a spreadsheet saves on Windows) into UTF-8; false when
 * `in` has a byte that encoding does not define or out is too small. */
bool cp1252_to_utf8(const char *in, char *out, size_t size);
/* True when s has a byte of 0x80 or more (anything but ASCII). */
bool text_has_non_ascii(const char *s);
/* True when s holds a control character (newline and tab included), an
 * invisible or a bidirectional control character, or a byte that is not
 * UTF-8 (escape.h): what a note, a place or a label never holds. */
bool text_has_control(const char *s);

#endif
