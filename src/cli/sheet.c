/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/cli/sheet.h"
#include "carnet/model/clock.h"
#include "carnet/model/csv.h"
#include "carnet/model/text.h"

const char *sheet_label(const struct lists *ls, enum list_id id, const char *code)
{
	return code[0] ? lists_label(ls, id, code) : "";
}

void sheet_labels(const struct lists *ls, enum list_id id, const struct codeset *set,
                  const char *sep, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (int i = 0; i < set->n; i++) {
		int n = snprintf(out + used, size - used, "%s%s", i ? sep : "",
		                 lists_label(ls, id, set->v[i]));
		if (n < 0 || (size_t)n >= size - used)
			return;
		used += (size_t)n;
	}
}

void sheet_line(FILE *f, int width, const char *name, const char *value)
{
	text_put_cell(f, name, width);
	fprintf(f, " : %s\n", value[0] ? value : "—");
}

void sheet_stamps(FILE *f, int width, const char *created, const char *updated,
                  const char *deleted)
{
	char buf[64];

	timestamp_local(created, buf, sizeof buf);
	sheet_line(f, width, "Créé le", buf);
	timestamp_local(updated, buf, sizeof buf);
	sheet_line(f, width, "Modifié le", buf);
	if (deleted[0]) {
		timestamp_local(deleted, buf, sizeof buf);
		sheet_line(f, width, "Supprimé le", buf);
	}
}

void table_header(FILE *f, const struct table_col *cols, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(' ', f);
		if (i + 1 < n)
			text_put_cell(f, cols[i].name, cols[i].width);
		else
			fputs(cols[i].name, f);
	}
	fputc('\n', f);
}

void table_first_plus(FILE *f, const struct lists *ls, enum list_id id,
                      const struct codeset *set, int width)
{
	char more[16] = "";
	int w = width;

	if (set->n > 1) {
		snprintf(more, sizeof more, "+%d", set->n - 1);
		w -= (int)strlen(more);
	}
	text_put_cell(f, set->n ? lists_label(ls, id, set->v[0]) : "", w);
	fputs(more, f);
}

void table_id(FILE *f, const char *id)
{
	fprintf(f, "%.8s", id);
}

void sheet_csv_header(FILE *f, const char *const *cols, size_t n)
{
	fputs("\xEF\xBB\xBF", f);
	for (size_t i = 0; i < n; i++)
		csv_field(f, cols[i], ';', i == 0);
	csv_end_row(f);
}
