/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a report shows, once, in order: the sections and, in each, its
 * figures and tables. Every writer (text, HTML, CSV, xlsx) goes through
 * this list, so that every format carries the same figures in the same
 * order; a writer only decides how an item looks. */
#ifndef CARNET_OUTLINE_H
#define CARNET_OUTLINE_H

#include <stdbool.h>
#include "carnet/model/lists.h"
#include "carnet/report/report.h"

enum item_kind {
	ITEM_SECTION,  /* a section begins: title */
	ITEM_FIGURE,   /* one figure: fig */
	ITEM_TABLE,    /* a distribution: table */
	ITEM_CROSS,    /* rows of list `list`, columns of list `columns` (posture by
	                * demand, what came of referrals by way): cross */
	ITEM_TREND,    /* the last 12 months */
	ITEM_GROUPS,   /* the breakdown by site or mediator (visits, persons, time) */
	ITEM_KEY,      /* a key figure of the first page, with its comparisons */
};

enum figure_unit {
	UNIT_COUNT,    /* value */
	UNIT_MINUTES,  /* value minutes, shown in hours and minutes */
	UNIT_MEAN,     /* mean minutes (defined false: no visit) */
	UNIT_SHARE,    /* value out of whole, with its share (defined false: a
	                * share of nothing) */
	UNIT_TIME_SHARE, /* value minutes out of whole minutes, with its share */
	UNIT_LEVEL,    /* a mean posture level, 1 to 4, over `value` visits */
};

struct figure {
	enum figure_unit unit;
	long value, whole;
	double mean;
	bool defined;        /* false for the mean or the share of nothing */
};

/* A key figure beside the previous period and the same period a year
 * earlier (has_prev, has_year false when the base has no such period). */
struct key_figure {
	struct figure now, prev, year;
	bool has_prev, has_year;
	bool points;         /* a share: the change is in points, not in % */
};

struct item {
	enum item_kind kind;
	const char *section;   /* the section's title ("1. Volume") */
	const char *title;     /* what it is, in French */
	const char *name;      /* its machine name ("passages", "canal") */
	const char *note;      /* said under it, or NULL */
	struct figure fig;
	struct key_figure key;
	const struct report_table *table;
	const struct cross *cross;
	int list;              /* of the cross rows */
	int columns;           /* of the cross columns: L_POSTURE, L_ORIENTATION_SUITE */
	const char *counted;   /* what a cross row's total counts: "Passages"… */
};

typedef void (*item_fn)(void *ctx, const struct item *it);
/* Calls fn for each item of r, in order (see outline.c). */
void report_each_item(const struct report *r, item_fn fn, void *ctx);

/* What a spreadsheet's cells of the figure hold, said after its title:
 * " (minutes)", " (nombre ; part en %)"…, "" for a count. */
const char *figure_unit_words(const struct figure *fig);

/* A row's label in a table: the list's label, the fixed label of a duration
 * range, "non renseigné" for "", "CODE (code inconnu)" for a code the lists
 * do not know (written into buf). */
const char *report_row_label(const struct lists *ls, const struct report_table *t,
                             const char *code, char *buf, size_t size);
/* The label of row `row` of t: a fixed row's own label, else as above. */
const char *report_row_label_at(const struct lists *ls, const struct report_table *t, int row,
                                char *buf, size_t size);

/* The label of row i of a cross table of rows of list `list`: its own
 * label (c->labels) or the list's. */
const char *report_cross_label(const struct lists *ls, int list, const struct cross *c, int i);

/* What every format says on top. */
struct report_heading {
	char title[160];      /* "Bilan d'activité — novembre 2026" */
	char dates[128];      /* "Du 1er au 30 novembre 2026" */
	char scope[512];      /* report_scope_words, "" for everything */
	char progress[256];   /* "Période en cours : …" when r->today is set, else "" */
	const char *empty;    /* said when the period has no visit, else NULL */
};
void report_heading(const struct report *r, const struct lists *ls, struct report_heading *h);

/* The period in words: "octobre 2026", "2026", "du 3 au 17 octobre 2026". */
void report_period_words(const struct report_filter *f, char *out, size_t size);
/* "Sites : ESC Le Blosne, ESC Maurepas" and the mediators, by their labels;
 * "" when the report covers everything. */
void report_scope_words(const struct report_filter *f, const struct lists *ls, char *out,
                        size_t size);
enum change_style {
	CHANGE_SIGNED,   /* "+12 % par rapport à septembre 2026" */
	CHANGE_SPELLED,  /* "hausse de 12 % par rapport à…": for spreadsheets */
};
/* How a key figure moved, in words: "+12 % par rapport à septembre 2026",
 * "−3,2 points par rapport à…", "stable par rapport à…", "" without a base. */
void key_change_words(const struct key_figure *k, bool year, enum change_style style,
                      const struct report *r, char *out, size_t size);

#endif
