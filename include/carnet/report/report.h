/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity summary of a period: every indicator of DOMAIN.md, computed
 * from the database. The writers (text, JSON, CSV, HTML) only print it. */
#ifndef CARNET_REPORT_H
#define CARNET_REPORT_H

#include <stdbool.h>
#include "carnet/model/clock.h"
#include "carnet/model/codes.h"
#include "carnet/model/lists.h"
#include "carnet/store/store.h"

#define REPORT_TREND 12
#define REPORT_BINS 5
#define REPORT_RANKS 4

enum report_by { BY_NONE, BY_SITE, BY_MEDIATOR };

struct report_filter {
	char from[DATE_LEN], to[DATE_LEN];   /* inclusive */
	struct codeset sites, mediators;     /* empty: all */
	enum report_by by;                   /* a breakdown by site or mediator */
};

/* Counts by code: the codes of a list in its order, then codes the lists do
 * not know (merged from other desks), then "" for "non renseigné". */
struct dist {
	int n;
	char (*code)[CODE_MAX];
	long *count;
	long total;      /* what shares are taken of (visits or persons) */
};

/* Rows of a cross table: for each code of the row list, a posture dist. */
struct cross {
	int n;
	char (*code)[CODE_MAX];
	struct dist *row;
};

struct report {
	struct report_filter f;
	long visits, persons, first_visits, minutes;
	double mean_minutes, median_minutes;
	long bins[REPORT_BINS];                  /* <15, 15-29, 30-59, 60-120, >120 min */
	struct dist durations;                   /* the same as a distribution ("durees") */
	struct dist canal, weekday, demand, organism, posture, outcome, urgent_outcome,
		referred_by, referred_to;
	long no_organism, absent, urgent;
	char trend_month[REPORT_TREND][8];       /* YYYY-MM, oldest first */
	long trend[REPORT_TREND];
	struct cross posture_by_demand, posture_by_organism;
	/* Persons seen in the period with two visits or more up to its end. */
	long returning, towards_autonomy, same, backwards;
	double rank_mean[REPORT_RANKS];          /* mean posture level by visit rank */
	long rank_visits[REPORT_RANKS];
	/* Public, as shares of the distinct persons seen in the period. */
	struct dist age, gender, area, situation, equipment;
	/* With a breakdown: the same report for each site or mediator of the
	 * period (code "" for visits without a mediator). */
	int ngroups;
	struct report *groups;
	/* For the first page: the period just before (same length) and the
	 * same period a year earlier, NULL when the base has no visit there
	 * (report_compute_compared). */
	struct report *prev, *year_ago;
	/* The period is not over: its visits end on `today`, and prev and
	 * year_ago cover as many days from their start ("" when it is over). */
	char today[DATE_LEN];
};

/* The code of breakdown group g ("" for visits without a mediator) and its
 * label as shown ("sans médiateur" for those). */
const char *report_group_code(const struct report *r, int g);
const char *report_group_label(const struct report *r, const struct lists *ls, int g);
/* A distribution of a report by its machine name ("canal"), or NULL. */
const struct dist *report_dist(const struct report *r, const char *name);
/* The count of a code in a distribution (0 when it is not there). */
long dist_count(const struct dist *d, const char *code);

extern const char *const report_bin_codes[REPORT_BINS];  /* "moins_15"… */
extern const char *const report_bin_labels[REPORT_BINS]; /* "moins de 15 min"… */
extern const char *const report_weekdays[7];  /* lundi … dimanche */

/* A distribution as a writer prints it (outline.h lists them). */
struct report_table {
	const char *section;     /* "1. Volume" */
	const char *title;       /* "Canal" */
	const char *name;        /* "canal", for machines */
	int list;                /* enum list_id of the codes, -1 for fixed labels */
	const struct dist *d;
	const char *note;        /* said under the table, or NULL */
	bool all_rows;           /* a scale or a public's shares: rows of 0 count too */
};
/* The count of row `row` of table t in breakdown group g (the duration
 * ranges go by position, the other tables by code). */
long report_group_count(const struct report *r, int g, const struct report_table *t, int row);

int report_compute(struct store *st, const struct lists *ls, const struct report_filter *f,
                   struct report *r, struct cn_err *err);
/* The same, with r->prev and r->year_ago for the first page's comparisons
 * (cut to the same days when the period is still going on: r->today). */
int report_compute_compared(struct store *st, const struct lists *ls,
                            const struct report_filter *f, struct report *r, struct cn_err *err);
/* The filter of the period just before f's: the previous month or year
 * when f is one, else as many days just before. */
void report_previous_period(const struct report_filter *f, struct report_filter *out);
/* The same period a year earlier. */
void report_year_before(const struct report_filter *f, struct report_filter *out);
/* Visits sent somewhere (orienté vers given). */
long report_referrals(const struct report *r);
void report_free(struct report *r);

/* Shares of counts out of total in tenths of a percent, rounded so that
 * they add up to exactly 1000 when the counts add up to total (largest
 * remainder). */
void shares_tenths(const long *counts, int n, long total, long *tenths);
/* The posture shares of row i of c, in tenths (at most max of them, largest
 * remainder); returns how many, 0 for a row without visits. */
int cross_row_shares(const struct cross *c, int i, long *tenths, int max);
/* "51,2" from 512 tenths. */
void format_tenths(long tenths, char *out, size_t size);
/* The mean posture at visit rank k: "2,50 (3 passages)", "— (0 passage)". */
void report_rank_text(const struct report *r, int k, char *out, size_t size);

#endif
