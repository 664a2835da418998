/* Writing CSV (RFC 4180): fields quoted when they need it, CRLF line ends. */
#ifndef CARNET_CSV_H
#define CARNET_CSV_H

#include <stdio.h>

/* Writes one field, preceded by `sep` unless it is the first of its row. */
void csv_field(FILE *f, const char *s, char sep, int first);
void csv_field_int(FILE *f, long value, char sep, int first);
void csv_end_row(FILE *f);

#endif
