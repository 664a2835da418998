/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen: fills a carnet database with generated visits, for benchmarks and
 * demonstrations. Deterministic for a given --seed.
 *
 *   gen --db FILE [--visits N] [--days D] [--end YYYY-MM-DD] [--sites S]
 *       [--first-site F] [--mediators M] [--persons P] [--seed X]
 *
 * Visits are spread over the D days ending at --end, on S sites (codes
 * siteF…, F = 1 by default) and M mediators (med1…); about 40 % belong to one of P returning
 * persons whose posture moves towards autonomy visit after visit. Persons
 * live in the quartiers of Rennes, in the proportions of the 2022
 * evaluation's respondents; some profile answers are left unset, as at a
 * real desk. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/clock.h"
#include "carnet/model/ids.h"
#include "carnet/store/store.h"

struct rng {
	unsigned long long s;
};

static unsigned next(struct rng *r)
{
	/* xorshift64* */
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return (unsigned)((r->s * 2685821657736338717ULL) >> 32);
}

static int below(struct rng *r, int n)
{
	return (int)(next(r) % (unsigned)n);
}

/* Picks an index with the given weights. */
static int weighted(struct rng *r, const int *w, int n)
{
	int total = 0, x;
	for (int i = 0; i < n; i++)
		total += w[i];
	x = below(r, total);
	for (int i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

static const char *const demands[] = {"info", "demande", "suivi", "rdv", "compte", "pieces",
                                      "courrier", "mail", "materiel", "apprendre", "autre"};
static const int demand_w[] = {12, 14, 18, 6, 14, 10, 8, 5, 5, 5, 3};
static const char *const organisms[] = {"caf", "cpam", "ft", "retraite", "msa", "impots",
                                        "ants", "prefecture", "departement", "commune",
                                        "energie", "banque", "mutuelle", "logement", "ecole",
                                        "justice", "autre"};
static const int organism_w[] = {20, 14, 12, 6, 2, 9, 8, 7, 5, 4, 4, 3, 3, 4, 2, 1, 2};
static const char *const postures[] = {"pour", "devant", "avec", "faire"};
static const char *const outcomes[] = {"aboutie", "poursuivre", "bloquee", "orientee", "info"};
static const int outcome_w[] = {50, 20, 10, 8, 12};
static const char *const canals[] = {"libre", "rdv", "tel", "distance", "domicile",
                                     "exterieur"};
static const int canal_w[] = {55, 30, 8, 3, 1, 3};
static const char *const referred_by[] = {"spontane", "accueil", "social", "organisme",
                                          "mediation", "entourage", "communication", "suivi"};
static const char *const referred_to[] = {"organisme", "france_services", "social",
                                          "mediation", "insertion", "administration", "droit"};
static const char *const areas[] = {"brequigny", "centre", "cleunay", "francisco_ferrer",
                                    "le_blosne", "maurepas", "saint_martin", "sud_gare",
                                    "thabor", "villejean"};
static const int area_w[] = {6, 2, 2, 1, 10, 7, 1, 2, 1, 9};
static const char *const situations[] = {"emploi", "sans_emploi", "retraite", "scolarise",
                                         "nc"};
static const int situation_w[] = {25, 40, 25, 3, 7};
static const char *const ages[] = {"18_24", "25_39", "40_59", "60_69", "70_plus", "nc"};
static const int age_w[] = {10, 25, 30, 15, 15, 5};
static const char *const genders[] = {"femme", "homme", "nc"};
static const int gender_w[] = {55, 42, 3};
static const int durations[] = {5, 10, 15, 20, 30, 45, 60, 90, 120};
static const int duration_w[] = {8, 16, 20, 18, 18, 10, 6, 3, 1};

#define N(a) ((int)(sizeof a / sizeof a[0]))

static int die(const char *what, sqlite3 *db)
{
	fprintf(stderr, "gen: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
	return 1;
}

static void add_days(struct cn_date *d, int days)
{
	while (days-- > 0) {
		if (--d->day < 1) {
			if (--d->month < 1) {
				d->month = 12;
				d->year--;
			}
			d->day = date_days_in_month(d->year, d->month);
		}
	}
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'b'},      {"visits", required_argument, NULL, 'n'},
		{"days", required_argument, NULL, 'd'},    {"end", required_argument, NULL, 'e'},
		{"sites", required_argument, NULL, 's'},   {"mediators", required_argument, NULL, 'm'},
		{"persons", required_argument, NULL, 'p'}, {"seed", required_argument, NULL, 'x'},
		{"first-site", required_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	const char *path = NULL;
	long visits = 1000, persons = 2000;
	int days = 365, sites = 3, mediators = 4, first_site = 1, opt;
	struct cn_date end = {2026, 11, 18};
	struct rng r = {88172645463325252ULL};
	struct store *st;
	struct cn_err err;
	sqlite3 *db;
	sqlite3_stmt *ins_visit, *ins_person;
	int *person_rank;
	char (*person_ids)[ID_LEN];
	char (*dates)[DATE_LEN];

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 'b': path = optarg; break;
		case 'n': visits = atol(optarg); break;
		case 'd': days = atoi(optarg); break;
		case 'e':
			if (!date_parse(optarg, &end))
				return fprintf(stderr, "gen: --end: AAAA-MM-JJ\n"), 2;
			break;
		case 's': sites = atoi(optarg); break;
		case 'F': first_site = atoi(optarg); break;
		case 'm': mediators = atoi(optarg); break;
		case 'p': persons = atol(optarg); break;
		case 'x': r.s = strtoull(optarg, NULL, 10) | 1; break;
		default: return 2;
		}
	}
	if (!path || visits < 0 || days < 1 || sites < 1 || mediators < 1 || persons < 1) {
		fprintf(stderr, "usage: gen --db FILE [--visits N] [--days D] [--end DATE] "
		                "[--sites S] [--first-site F] [--mediators M] [--persons P] [--seed X]\n");
		return 2;
	}
	if (store_open(&st, path, &err) != CN_OK)
		return fprintf(stderr, "gen: %s\n", err.msg), 1;
	db = store_db(st);
	sqlite3_exec(db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return die("begin", db);
	if (sqlite3_prepare_v2(db,
	                       "INSERT INTO visit (id, date, time, duration, site, mediator, canal,"
	                       " posture, present, outcome, urgent, referred_by, referred_to,"
	                       " person_id, created_at, updated_at, demands, organisms) VALUES"
	                       " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
	                       " ?15, ?16, ?17)",
	                       -1, &ins_visit, NULL) ||
	    sqlite3_prepare_v2(db,
	                       "INSERT INTO person (id, code, age, gender, area, situation,"
	                       " equipment, created_at, updated_at)"
	                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
	                       -1, &ins_person, NULL))
		return die("prepare", db);
	person_rank = calloc((size_t)persons, sizeof *person_rank);
	person_ids = calloc((size_t)persons, sizeof *person_ids);
	dates = calloc((size_t)days, sizeof *dates);
	if (!person_rank || !person_ids || !dates)
		return die("memory", NULL);
	/* dates[k] is k days before --end. */
	for (int k = 0; k < days; k++) {
		struct cn_date d = end;
		add_days(&d, k);
		date_format(&d, dates[k]);
	}

	for (long i = 0; i < visits; i++) {
		char id[ID_LEN], hhmm[HHMM_LEN], site[16], med[16], ts[TS_LEN];
		/* Visits come in date order, as they do at a desk. */
		const char *date = dates[days - 1 - (int)(i * days / (visits ? visits : 1))];
		int nd = 1 + (below(&r, 10) == 0) + (below(&r, 4) == 0), no = below(&r, 8) ? 1 : 0;
		struct codeset dem = {0}, org = {0};
		int posture, p = -1;

		time_format(9 + below(&r, 9), below(&r, 12) * 5, hhmm);
		snprintf(site, sizeof site, "site%d", first_site + below(&r, sites));
		snprintf(med, sizeof med, "med%d", 1 + below(&r, mediators));
		snprintf(ts, sizeof ts, "%sT%s:00.000Z", date, hhmm);
		id_new(id);
		if (below(&r, 10) < 4) {
			p = below(&r, (int)persons);
			if (!person_ids[p][0]) {
				char code[PCODE_MAX];
				struct codeset eq = {0};
				id_new(person_ids[p]);
				/* Six characters, like the codes carnet makes: P and base 36. */
				code[0] = 'P';
				for (int k = 5, x = p; k >= 1; k--, x /= 36)
					code[k] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[x % 36];
				code[6] = '\0';
				sqlite3_bind_text(ins_person, 1, person_ids[p], -1, SQLITE_STATIC);
				sqlite3_bind_text(ins_person, 2, code, -1, SQLITE_STATIC);
				sqlite3_bind_text(ins_person, 3, ages[weighted(&r, age_w, N(ages))], -1,
				                  SQLITE_STATIC);
				sqlite3_bind_text(ins_person, 4, genders[weighted(&r, gender_w, N(genders))],
				                  -1, SQLITE_STATIC);
				if (below(&r, 7))
					sqlite3_bind_text(ins_person, 5, areas[weighted(&r, area_w, N(areas))],
					                  -1, SQLITE_STATIC);
				else
					sqlite3_bind_null(ins_person, 5);
				if (below(&r, 5))
					sqlite3_bind_text(ins_person, 6,
					                  situations[weighted(&r, situation_w, N(situations))],
					                  -1, SQLITE_STATIC);
				else
					sqlite3_bind_null(ins_person, 6);
				if (below(&r, 10) < 7)
					codeset_add(&eq, "smartphone");
				if (below(&r, 10) < 4)
					codeset_add(&eq, "internet");
				if (below(&r, 10) < 3)
					codeset_add(&eq, "ordinateur");
				if (below(&r, 10) < 1)
					codeset_add(&eq, "imprimante");
				if (!eq.n && below(&r, 2))
					codeset_add(&eq, "aucun");
				store_bind_codes(ins_person, 7, &eq);
				sqlite3_bind_text(ins_person, 8, ts, -1, SQLITE_STATIC);
				if (sqlite3_step(ins_person) != SQLITE_DONE)
					return die("person", db);
				sqlite3_reset(ins_person);
			}
		}
		/* Autonomy grows with the visits of a returning person. */
		posture = below(&r, 4) - 1 + (p >= 0 ? person_rank[p]++ / 2 : 0);
		posture = posture < 0 ? 0 : posture > 3 ? 3 : posture;
		sqlite3_bind_text(ins_visit, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_visit, 2, date, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_visit, 3, hhmm, -1, SQLITE_STATIC);
		sqlite3_bind_int(ins_visit, 4, durations[weighted(&r, duration_w, N(durations))]);
		sqlite3_bind_text(ins_visit, 5, site, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_visit, 6, med, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_visit, 7, canals[weighted(&r, canal_w, N(canals))], -1,
		                  SQLITE_STATIC);
		sqlite3_bind_text(ins_visit, 8, postures[posture], -1, SQLITE_STATIC);
		sqlite3_bind_int(ins_visit, 9, below(&r, 20) != 0);
		sqlite3_bind_text(ins_visit, 10, outcomes[weighted(&r, outcome_w, N(outcomes))], -1,
		                  SQLITE_STATIC);
		sqlite3_bind_int(ins_visit, 11, below(&r, 10) == 0);
		if (below(&r, 3) == 0)
			sqlite3_bind_text(ins_visit, 12, referred_by[below(&r, N(referred_by))], -1,
			                  SQLITE_STATIC);
		else
			sqlite3_bind_null(ins_visit, 12);
		if (below(&r, 6) == 0)
			sqlite3_bind_text(ins_visit, 13, referred_to[below(&r, N(referred_to))], -1,
			                  SQLITE_STATIC);
		else
			sqlite3_bind_null(ins_visit, 13);
		if (p >= 0)
			sqlite3_bind_text(ins_visit, 14, person_ids[p], -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins_visit, 14);
		sqlite3_bind_text(ins_visit, 15, ts, -1, SQLITE_STATIC);
		for (int k = 0; k < nd; k++)
			codeset_add(&dem, demands[weighted(&r, demand_w, N(demands))]);
		for (int k = 0; k < no; k++)
			codeset_add(&org, organisms[weighted(&r, organism_w, N(organisms))]);
		store_bind_codes(ins_visit, 16, &dem);
		store_bind_codes(ins_visit, 17, &org);
		if (sqlite3_step(ins_visit) != SQLITE_DONE)
			return die("visit", db);
		sqlite3_reset(ins_visit);
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return die("commit", db);
	sqlite3_finalize(ins_visit);
	sqlite3_finalize(ins_person);
	free(person_rank);
	free(person_ids);
	free(dates);
	store_close(st);
	return 0;
}
