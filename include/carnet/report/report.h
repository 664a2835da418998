/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity summary of a period: every indicator of DOMAIN.md, computed
 * from the database. The writers (text, JSON, CSV, HTML) only print it. */
#ifndef CARNET_REPORT_H
#define CARNET_REPORT_H

#include <stdbool.h>
#include "carnet/model/clock.h"
#include "carnet/model/codes.h"
#include "carnet/model/lists.h"
#include "carnet/report/dist.h"
#include "carnet/store/store.h"
#include "carnet/store/visit_store.h"

#define REPORT_TREND 12
#define REPORT_BINS 5
#define REPORT_RANKS 4

enum report_by { BY_NONE, BY_SITE, BY_MEDIATOR };

struct report_filter {
	char from[DATE_LEN], to[DATE_LEN];   /* inclusive */
	struct codeset sites, mediators;     /* empty: all */
	enum report_by by;                   /* a breakdown by site or mediator */
};

/* The workshops of the period: those of its dates and sites led by one of
 * its mediators (all of them when the report names none; a workshop
 * without a mediator goes with "", the « sans médiateur » group). */
struct report_workshops {
	long sessions, minutes;         /* minutes: the sessions' durations */
	long participations;            /* present at each session: with a code, and anonymous */
	long persons;                   /* distinct persons with a code present at one at least */
	long anonymous;                 /* anonymous attendees, at each session */
	/* Attendance where registrations are known: `known` workshops, their
	 * registered and present participants. */
	long known, registered, present;
	struct dist theme, level, place;  /* sessions; a session counts in each of its themes */
	/* The participants' public: the persons' profiles, plus the anonymous
	 * attendees for age, gender and situation (those not told as « non
	 * renseigné »); commune and equipment from the persons only. */
	struct dist age, gender, area, situation, equipment;
};

/* Rows of a cross table: for each code of the row list, a posture dist. */
struct cross {
	int n;
	char (*code)[CODE_MAX];
	struct dist *row;
	const char *const *labels;  /* the rows' own labels, or NULL: the list's */
};

/* 6. The period's referrals by place of the directory: the most referred
 * places first (REPORT_TOP_PLACES of them at most, ties by name and
 * commune), then « autres lieux », « lieu inconnu de cet annuaire » (a
 * place merged from another desk that this one does not have) and « sans
 * lieu de l'annuaire »; only rows with referrals. Row i has code d.code[i]
 * ("lieu_1"…, "autres_lieux", "lieu_inconnu", "sans_lieu"), label
 * label[i] ("CAF de Maurepas (Rennes)"), and for a place uid[i], nom[i],
 * commune[i] (NULL for the other rows); went has the same rows, each the
 * follow-through of those answered. */
#define REPORT_TOP_PLACES 10
struct report_places {
	struct dist d;                /* total: the period's referrals */
	char **label, **uid, **nom, **commune;
	struct cross went;
	long placed;                  /* referrals with a place, known here or not */
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
	/* 6. The referrals' way (of the period's visits with "orienté vers",
	 * "" when not told) and, of those whose person came back and told
	 * (referrals_answered), what came of them: overall, by category
	 * (rows of list oriente_vers) and by way (rows of orientation_mode,
	 * way not told left out), each row a dist of orientation_suite. */
	struct dist referral_how, referral_went;
	long referrals_answered;
	struct cross went_by_to, went_by_how;
	struct report_places places;
	/* Persons seen in the period with two visits or more up to its end. */
	long returning, towards_autonomy, same, backwards;
	double rank_mean[REPORT_RANKS];          /* mean posture level by visit rank */
	long rank_visits[REPORT_RANKS];
	/* Public, as shares of the distinct persons seen in the period. */
	struct dist age, gender, area, situation, equipment;
	/* 8. Workshops, and their number by month beside the visits' trend. */
	struct report_workshops ws;
	long trend_workshops[REPORT_TREND];
	/* 9. Working time in minutes, one row each (REPORT_WORK_FIXED rows,
	 * then the codes of list temps): individual accompaniment (the visits'
	 * durations), workshops (each session's duration once for each of its
	 * mediators the report counts, once when it has none), then each kind
	 * of time outside accompaniment. */
	struct dist work;
	long worktimes;                          /* entries of time outside accompaniment */
	/* With a breakdown: the same report for each site or mediator of the
	 * period (code "" for visits without a mediator). */
	int ngroups;
	struct report *groups;
	/* For the first page: the period just before (same length) and the
	 * same period a year earlier, NULL when the base has no visit there
	 * (report_compute_compared). They hold only the key figures the first
	 * page compares (outline.c's key()) and their filter: visits, persons,
	 * minutes, posture.count[0], returning, towards_autonomy, urgent,
	 * report_referrals(), ws.sessions, report_outside_minutes(),
	 * worktimes; the rest of them is empty. */
	struct report *prev, *year_ago;
	/* The period is not over: its visits end on `today`, and prev and
	 * year_ago cover as many days from their start ("" when it is over). */
	char today[DATE_LEN];
};

#define REPORT_WORK_FIXED 2
extern const char *const report_work_codes[REPORT_WORK_FIXED];  /* "accompagnement_individuel"… */
extern const char *const report_work_labels[REPORT_WORK_FIXED]; /* "Accompagnement individuel"… */
extern const char *const report_work_short[REPORT_WORK_FIXED];  /* "individuel", "ateliers" */

/* The code of breakdown group g ("" for visits without a mediator) and its
 * label as shown ("sans médiateur" for those). */
const char *report_group_code(const struct report *r, int g);
const char *report_group_label(const struct report *r, const struct lists *ls, int g);
/* A distribution of a report by its machine name ("canal"), or NULL. */
const struct dist *report_dist(const struct report *r, const char *name);
/* All the working time, and the part of it outside individual
 * accompaniment (workshops and other time), in minutes. */
long report_work_minutes(const struct report *r);
long report_outside_minutes(const struct report *r);
/* Whether the period has anything at all: visits, workshops or times. */
bool report_has_records(const struct report *r);

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
	bool no_groups;          /* no breakdown columns (rows that differ by group) */
	bool minutes;            /* the counts are minutes: hours and minutes for people,
	                          * minutes for spreadsheets (a column "Minutes") */
	int fixed_rows;          /* the first rows are fixed ones, always shown, */
	const char *const *fixed_labels;  /* with these labels, */
	const char *const *fixed_short;   /* and these in a narrow column head */
};
/* The count of row `row` of table t in breakdown group g (the fixed rows
 * go by position, the others by code). */
long report_group_count(const struct report *r, int g, const struct report_table *t, int row);

int report_compute(struct store *st, const struct lists *ls, const struct report_filter *f,
                   struct report *r, struct cn_err *err);
/* The same, with r->prev and r->year_ago for the first page's comparisons
 * (cut to the same days when the period is still going on: r->today), each
 * with its key figures only. */
int report_compute_compared(struct store *st, const struct lists *ls,
                            const struct report_filter *f, struct report *r, struct cn_err *err);
/* The filter of the period just before f's: the previous month or year
 * when f is one, else as many days just before. */
void report_previous_period(const struct report_filter *f, struct report_filter *out);
/* The same period a year earlier. */
void report_year_before(const struct report_filter *f, struct report_filter *out);
/* Visits sent somewhere (orienté vers given). */
long report_referrals(const struct report *r);
/* Whether the period's referrals say how they were made or what came of
 * them (the report then shows the way and the follow-through). */
bool report_referrals_followed(const struct report *r);
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

/* For the report's own modules: the records of the report's period, not
 * deleted, as a condition on a row aliased v with columns date, site,
 * mediator and deleted_at (a visit or a time); report_prepare_period()
 * prepares sql and binds f's dates, sites and mediators to ?1 to ?4. */
#define REPORT_IN_PERIOD "(" VISIT_FILTER_WHERE " AND v.deleted_at IS NULL)"
sqlite3_stmt *report_prepare_period(struct store *st, const char *sql,
                                    const struct report_filter *f, struct cn_err *err);
/* Finalizes a query stepped to rc: CN_OK when it ran to its end with ok
 * (CN_OK), else the error said (out of memory when ok is not CN_OK). */
int report_query_done(struct store *st, sqlite3_stmt *stmt, int rc, int ok, struct cn_err *err);
/* A text column, "" for NULL. */
const char *report_column_text(sqlite3_stmt *stmt, int col);

#endif
