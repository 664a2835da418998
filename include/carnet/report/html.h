/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text written into HTML: the characters that would be markup (< > & ")
 * as entities, the rest as it is. */
#ifndef CARNET_HTML_H
#define CARNET_HTML_H

#include <stdio.h>

void html_escape(FILE *f, const char *s);

#endif
