#include <string.h>
#include "carnet/csv.h"

void csv_field(FILE *f, const char *s, char sep, int first)
{
	if (!first)
		fputc(sep, f);
	if (!s)
		return;
	if (strchr(s, sep) || strpbrk(s, "\"\r\n")) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
}

void csv_field_int(FILE *f, long value, char sep, int first)
{
	if (!first)
		fputc(sep, f);
	fprintf(f, "%ld", value);
}

void csv_end_row(FILE *f)
{
	fputs("\r\n", f);
}
