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
};

/* The code of breakdown group g ("" for visits without a mediator) and its
 * label as shown ("sans médiateur" for those). */
const char *report_group_code(const struct report *r, int g);
const char *report_group_label(const struct report *r, const struct lists *ls, int g);
/* A distribution of a report by its machine name ("canal"), or NULL. */
const struct dist *report_dist(const struct report *r, const char *name);
/* The count of a code in a distribution (0 when it is not there). */
long dist_count(const struct dist *d, const char *code);

extern const char *const report_bin_labels[REPORT_BINS];
extern const char *const report_weekdays[7];  /* lundi … dimanche */

/* The distributions of a report in display order, for the writers that
 * print them all alike (CSV, HTML). */
struct report_table {
	const char *section;     /* "1. Volume" */
	const char *title;       /* "Canal" */
	const char *name;        /* "canal", for machines */
	int list;                /* enum list_id of the codes, -1 for fixed labels */
	const struct dist *d;
	const char *note;        /* said under the table, or NULL */
};
typedef void (*report_table_fn)(void *ctx, const struct report_table *t);
/* Calls fn for each distribution; `bins` receives the duration ranges as a
 * distribution (its arrays must hold REPORT_BINS entries). */
void report_each_table(const struct report *r, struct dist *bins, report_table_fn fn,
                       void *ctx);

/* The count of row `row` of table t in breakdown group g (the duration
 * ranges go by position, the other tables by code). */
long report_group_count(const struct report *r, int g, const struct report_table *t, int row);

int report_compute(struct store *st, const struct lists *ls, const struct report_filter *f,
                   struct report *r, struct cn_err *err);
void report_free(struct report *r);

/* Shares of counts out of total in tenths of a percent, rounded so that
 * they add up to exactly 1000 when the counts add up to total (largest
 * remainder). */
void shares_tenths(const long *counts, int n, long total, long *tenths);
/* "51,2" from 512 tenths. */
void format_tenths(long tenths, char *out, size_t size);
/* The mean posture at visit rank k: "2,50 (3 passages)", "— (0 passage)". */
void report_rank_text(const struct report *r, int k, char *out, size_t size);

#endif
