/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen: fills a carnet database with generated visits, workshops and time
 * outside accompaniment, for benchmarks and demonstrations. Deterministic
 * for a given --seed.
 *
 *   gen --db FILE [--visits N] [--days D] [--end YYYY-MM-DD] [--sites S]
 *       [--first-site F] [--mediators M] [--persons P] [--seed X]
 *       [--workshops-per-week W] [--times-per-week T] [--lists FILE]…
 *
 * Visits are spread over the D days ending at --end, on S sites (codes
 * siteF…, F = 1 by default) and M mediators (med1…); about 40 % belong to one of P returning
 * persons whose posture moves towards autonomy visit after visit. Persons
 * live in the quartiers of Rennes, in the proportions of the 2022
 * evaluation's respondents; some profile answers are left unset, as at a
 * real desk.
 *
 * Each week, each site holds W workshops on weekdays (none by default) and
 * each mediator records T times outside accompaniment (none by default):
 * see gen_activity(), gen_workshop() and gen_time(). They are drawn after the visits from
 * streams of their own, so the visits and persons of a seed are the same
 * whatever W and T. With --lists (carnet.ini files, lowest priority first,
 * as carnet layers them: the shipped one, then a project's), every workshop
 * and time is first checked by the program's own rules against their
 * lists, plus the generated site and mediator codes. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/clock.h"
#include "carnet/model/config.h"
#include "carnet/model/ids.h"
#include "carnet/model/workshop.h"
#include "carnet/model/worktime.h"
#include "carnet/store/store.h"
#include "carnet/store/workshop_store.h"
#include "carnet/store/worktime_store.h"

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

/* Workshops: themes of theme_atelier with two titles each, as a desk would
 * name its sessions; most are for beginners, on site, 1 h 30 or 2 h. */
static const struct {
	const char *code, *titles[2], *equipment;
} themes[] = {
	{"prise_en_main", {"Bien débuter avec sa tablette", "Apprivoiser son smartphone"},
	 "tablette"},
	{"internet", {"Naviguer sur internet", "Faire une recherche en ligne"}, "ordinateur"},
	{"mail", {"Créer et utiliser sa boîte mail", "Envoyer une pièce jointe"}, "ordinateur"},
	{"demarches", {"FranceConnect pas à pas", "Créer son compte ameli"}, "ordinateur"},
	{"securite", {"Reconnaître les arnaques", "Des mots de passe sûrs"}, "smartphone"},
	{"contenus", {"Ranger ses photos", "Scanner et envoyer un document"}, "smartphone"},
	{"communiquer", {"Appeler ses proches en visio", "WhatsApp en famille"}, "smartphone"},
	{"sante", {"Mon espace santé", "Prendre rendez-vous en ligne"}, "ordinateur"},
	{"emploi", {"Mon CV en ligne", "L'espace candidat de France Travail"}, "ordinateur"},
	{"parentalite", {"L'ENT de mon enfant", "Pronote pour les parents"}, "smartphone"},
	{"bureautique", {"Écrire une lettre", "Premiers pas avec un tableur"}, "ordinateur"},
	{"culture", {"L'intelligence artificielle, c'est quoi ?", "S'informer en ligne"}, "aucun"},
	{"autre", {"Café numérique", "Atelier libre"}, "aucun"},
};
static const int theme_w[] = {16, 12, 12, 14, 12, 8, 6, 4, 5, 3, 4, 3, 1};
static const char *const levels[] = {"debutant", "intermediaire", "avance", ""};
static const int level_w[] = {70, 20, 5, 5};
static const char *const places[] = {"sur_site", "hors_murs", "distance", ""};
static const int place_w[] = {85, 10, 3, 2};
static const char *const slots[][2] = {{"09:30", "10:00"}, {"14:00", "14:30"}, {"16:30", "17:00"}};
static const char *const workshop_notes[] = {
	"Salle informatique réservée", "Support papier remis à chacun",
	"Deux personnes sur liste d'attente", "Avec l'animatrice du centre social",
};
static const char *const tally_genders[] = {"femme", "homme"};
static const int tally_gender_w[] = {60, 40};
static const char *const tally_ages[] = {"25_39", "40_59", "60_69", "70_plus"};
static const int tally_age_w[] = {15, 30, 30, 25};
static const char *const tally_situations[] = {"emploi", "sans_emploi", "retraite"};
static const int tally_situation_w[] = {20, 35, 45};

/* Time outside accompaniment: mostly preparing, coordinating, meeting
 * partners and training the structure's agents. */
static const struct {
	const char *code, *note;
} kinds[] = {
	{"preparation", "Supports de l'atelier de la semaine"},
	{"coordination", "Réunion d'équipe"},
	{"partenaires", "Rencontre avec le CDAS"},
	{"appui_agents", "Agents d'accueil : les démarches ANTS"},
	{"formation", "Formation Aidants Connect"},
	{"technique", "Mise à jour des postes en libre accès"},
	{"suivi_activite", "Bilan du mois"},
	{"veille", ""},
	{"deplacement", ""},
	{"autre", ""},
};
static const int kind_w[] = {24, 18, 12, 12, 6, 8, 10, 5, 4, 1};
static const int time_durations[] = {30, 45, 60, 90, 120, 180, 240};
static const int time_duration_w[] = {14, 10, 30, 18, 16, 8, 4};
static const int training_durations[] = {180, 210, 420};

#define WORKSHOPS_PER_WEEK_MAX 15 /* per site: three a weekday */
#define TIMES_PER_WEEK_MAX 40     /* per mediator */

static int die(const char *what, sqlite3 *db)
{
	fprintf(stderr, "gen: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
	return 1;
}

/* Six characters, like the codes carnet makes: P and base 36. */
static void person_code(int p, char code[PCODE_MAX])
{
	for (int k = 5, x = p; k >= 1; k--, x /= 36)
		code[k] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[x % 36];
	code[0] = 'P';
	code[6] = '\0';
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

/* What the workshops and times are drawn from. */
struct gen {
	struct store *st;
	const struct lists *ls;  /* the rules to check them by, or NULL */
	char (*dates)[DATE_LEN]; /* dates[k] is k days before --end */
	int days, sites, first_site, mediators;
	const int *known;        /* the persons made with the visits, by index */
	int nknown;
};

/* The weekday (0 = Monday) of dates[k]. */
static int weekday_of(const struct gen *g, int k)
{
	struct cn_date d;

	return date_parse(g->dates[k], &d) ? date_weekday(&d) : 0;
}

/* The days Monday to Friday of the calendar week `week` (0: the one of the
 * oldest day) within the D days, as indices k of dates, oldest first;
 * returns how many. */
static int weekdays_of(const struct gen *g, int week, int out[7])
{
	int n = 0, first = week * 7 - weekday_of(g, g->days - 1);

	for (int i = first < 0 ? 0 : first; i < first + 7 && i < g->days; i++)
		if (weekday_of(g, g->days - 1 - i) < 5)
			out[n++] = g->days - 1 - i;
	return n;
}

/* n days among the ncand weekdays, all different while there are enough
 * (then each day again), in date order; slot[i] counts the days[i] before
 * it. */
static void pick_days(struct rng *r, const int *cand, int ncand, int n, int *days, int *slot)
{
	int pool[7];

	for (int i = 0; i < n; i++) {
		int j = i % ncand, x;
		if (j == 0)
			memcpy(pool, cand, (size_t)ncand * sizeof *pool);
		x = j + below(r, ncand - j);
		days[i] = pool[x];
		pool[x] = pool[j];
		pool[j] = days[i];
	}
	for (int i = 1; i < n; i++) /* oldest (largest k) first */
		for (int j = i; j > 0 && days[j - 1] < days[j]; j--) {
			int t = days[j];
			days[j] = days[j - 1];
			days[j - 1] = t;
		}
	for (int i = 0; i < n; i++)
		slot[i] = i > 0 && days[i - 1] == days[i] ? slot[i - 1] + 1 : 0;
}

/* Counts for the n anonymous attendees (all of them most often), spread
 * over codes, in their order. */
static void split(struct rng *r, struct tally *t, int n, const char *const *codes,
                  const int *w, int ncodes)
{
	int told = below(r, 4) ? n : n - below(r, n + 1), counts[8] = {0};

	memset(t, 0, sizeof *t);
	for (int i = 0; i < told; i++)
		counts[weighted(r, w, ncodes)]++;
	for (int c = 0; c < ncodes; c++)
		if (counts[c]) {
			snprintf(t->e[t->n].code, CODE_MAX, "%s", codes[c]);
			t->e[t->n++].count = counts[c];
		}
}

/* The week's hours already taken, by mediator and day: a mediator's time
 * outside accompaniment is not drawn over a workshop they lead. */
struct week {
	struct busy {
		int k, med, start, end; /* day index, mediator index, minutes */
	} *b;
	int n, cap;
};

static void take(struct week *wk, int k, int med, int start, int duration)
{
	if (wk->n < wk->cap)
		wk->b[wk->n++] = (struct busy){k, med, start, start + duration};
}

static bool is_free(const struct week *wk, int k, int med, int start, int duration)
{
	for (int i = 0; i < wk->n; i++)
		if (wk->b[i].k == k && wk->b[i].med == med && start < wk->b[i].end &&
		    wk->b[i].start < start + duration)
			return false;
	return true;
}

/* A mediator other than `not`, free at that hour when one is: the first
 * from a random one on. */
static int free_mediator(const struct gen *g, struct rng *r, const struct week *wk, int k,
                         int start, int duration, int not)
{
	int first = below(r, g->mediators), any = -1;

	for (int i = 0; i < g->mediators; i++) {
		int med = (first + i) % g->mediators;
		if (med == not)
			continue;
		if (is_free(wk, k, med, start, duration))
			return med;
		if (any < 0)
			any = med;
	}
	return any;
}

static int minutes_of(const char *hhmm)
{
	return atoi(hhmm) * 60 + atoi(hhmm + 3);
}

/* A workshop at site `site` (0 = the first) on day k, the slot-th session
 * of that day there (morning, afternoon or late afternoon, from a part of
 * the day that moves from one day to the next): 3 to 10 present, some of
 * them returning persons with a code, others anonymous; a few registered
 * persons did not come. */
static int gen_workshop(const struct gen *g, struct rng *r, struct week *wk, int k, int slot,
                        int site, struct cn_err *err)
{
	struct workshop w;
	int t = weighted(r, theme_w, N(themes)), lead, other = -1, start;
	int present = 3 + below(r, 8), coded = g->nknown ? below(r, present / 2 + 1) : 0;
	int absent = g->nknown && below(r, 3) == 0 ? 1 + below(r, 2) : 0, came = 0, rc;
	char code[PCODE_MAX];

	workshop_init(&w);
	id_new(w.id);
	snprintf(w.date, sizeof w.date, "%s", g->dates[k]);
	snprintf(w.time, sizeof w.time, "%s", slots[(slot + k + site) % N(slots)][below(r, 2)]);
	w.duration = below(r, 5) < 3 ? 90 : 120;
	start = minutes_of(w.time);
	snprintf(w.site, sizeof w.site, "site%d", g->first_site + site);
	lead = free_mediator(g, r, wk, k, start, w.duration, -1);
	snprintf(code, sizeof code, "med%d", 1 + lead);
	codeset_add(&w.mediators, code);
	take(wk, k, lead, start, w.duration);
	if (g->mediators > 1 && below(r, 5) == 0) { /* co-led */
		other = free_mediator(g, r, wk, k, start, w.duration, lead);
		snprintf(code, sizeof code, "med%d", 1 + other);
		codeset_add(&w.mediators, code);
		take(wk, k, other, start, w.duration);
	}
	codeset_add(&w.themes, themes[t].code);
	if (below(r, 5) == 0)
		codeset_add(&w.themes, themes[weighted(r, theme_w, N(themes))].code);
	if (below(r, 10))
		snprintf(w.title, sizeof w.title, "%s", themes[t].titles[below(r, 2)]);
	snprintf(w.level, sizeof w.level, "%s", levels[weighted(r, level_w, N(levels))]);
	snprintf(w.place, sizeof w.place, "%s", places[weighted(r, place_w, N(places))]);
	codeset_add(&w.equipment, themes[t].equipment);
	if (strcmp(themes[t].equipment, "aucun") != 0 && below(r, 4) == 0)
		codeset_add(&w.equipment, "smartphone");
	for (int i = 0; i < coded + absent; i++) {
		person_code(g->known[below(r, g->nknown)], code);
		if (workshop_participant(&w, code))
			continue; /* drawn twice: one fewer with a code */
		if ((rc = workshop_add_participant(&w, code, i < coded, err)) != CN_OK)
			return rc;
		came += i < coded;
	}
	w.anonymous = present - came;
	if (below(r, 2) == 0)
		split(r, &w.anon_gender, w.anonymous, tally_genders, tally_gender_w, N(tally_genders));
	if (below(r, 3) == 0)
		split(r, &w.anon_age, w.anonymous, tally_ages, tally_age_w, N(tally_ages));
	if (below(r, 5) == 0)
		split(r, &w.anon_situation, w.anonymous, tally_situations, tally_situation_w,
		      N(tally_situations));
	/* Registrations are known for about half; some came without one. */
	if (below(r, 2) == 0) {
		int n = w.nparticipants + w.anonymous + below(r, 5) - 2;
		w.registered = n < 0 ? 0 : n;
	}
	if (below(r, 8) == 0)
		snprintf(w.note, sizeof w.note, "%s", workshop_notes[below(r, N(workshop_notes))]);
	snprintf(w.created, sizeof w.created, "%sT%s:00.000Z", w.date, w.time);
	memcpy(w.updated, w.created, sizeof w.updated);
	if (g->ls && (rc = workshop_validate(&w, NULL, g->ls, err)) != CN_OK)
		return rc;
	return workshop_put(g->st, &w, true, err);
}

/* A time outside accompaniment of mediator med (0 = the first) on day,
 * at the mediator's own site most often, within the working day (8:30 to
 * 18:00) and, when it can be, clear of the mediator's other hours. */
static int gen_time(const struct gen *g, struct rng *r, struct week *wk, int day, int med,
                    struct cn_err *err)
{
	struct worktime t;
	int k = weighted(r, kind_w, N(kinds)), start = 0, rc;

	worktime_init(&t);
	id_new(t.id);
	snprintf(t.date, sizeof t.date, "%s", g->dates[day]);
	t.duration = strcmp(kinds[k].code, "formation") == 0
	                     ? training_durations[below(r, N(training_durations))]
	                     : time_durations[weighted(r, time_duration_w, N(time_durations))];
	for (int tries = 0; tries < 8; tries++) {
		start = 8 * 60 + 30 + 30 * below(r, 17);
		if (start + t.duration > 18 * 60)
			start = 18 * 60 - t.duration;
		if (start < 8 * 60 + 30)
			start = 8 * 60 + 30;
		if (is_free(wk, day, med, start, t.duration))
			break;
	}
	take(wk, day, med, start, t.duration);
	time_format(start / 60, start % 60, t.time);
	snprintf(t.site, sizeof t.site, "site%d",
	         g->first_site + (below(r, 6) ? med % g->sites : below(r, g->sites)));
	snprintf(t.mediator, sizeof t.mediator, "med%d", 1 + med);
	snprintf(t.kind, sizeof t.kind, "%s", kinds[k].code);
	if (kinds[k].note[0] && below(r, 3) == 0)
		snprintf(t.note, sizeof t.note, "%s", kinds[k].note);
	snprintf(t.created, sizeof t.created, "%sT%s:00.000Z", t.date, t.time);
	memcpy(t.updated, t.created, sizeof t.updated);
	if (g->ls && (rc = worktime_validate(&t, NULL, g->ls, err)) != CN_OK)
		return rc;
	return worktime_put(g->st, &t, true, err);
}

/* Week by week from the oldest day: each site's workshops, then each
 * mediator's times, each drawn from its own stream. */
static int gen_activity(const struct gen *g, struct rng *wr, struct rng *tr, int per_site,
                        int per_mediator, struct cn_err *err)
{
	int cand[7], days[TIMES_PER_WEEK_MAX], slot[TIMES_PER_WEEK_MAX], rc = CN_OK;
	struct week wk = {.cap = g->sites * per_site * 2 + g->mediators * per_mediator};

	if (!(wk.b = calloc((size_t)wk.cap + 1, sizeof *wk.b)))
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	for (int week = 0; rc == CN_OK && week * 7 - weekday_of(g, g->days - 1) < g->days; week++) {
		int ncand = weekdays_of(g, week, cand), n, m;
		wk.n = 0;
		if (!ncand)
			continue;
		/* A week cut by the D days has its share of them; at most three
		 * sessions a day at a site. */
		n = (per_site * ncand + 2) / 5;
		n = n < 3 * ncand ? n : 3 * ncand;
		m = (per_mediator * ncand + 2) / 5;
		for (int site = 0; rc == CN_OK && site < g->sites; site++) {
			pick_days(wr, cand, ncand, n, days, slot);
			for (int i = 0; rc == CN_OK && i < n; i++)
				rc = gen_workshop(g, wr, &wk, days[i], slot[i], site, err);
		}
		for (int med = 0; rc == CN_OK && med < g->mediators; med++) {
			pick_days(tr, cand, ncand, m, days, slot);
			for (int i = 0; rc == CN_OK && i < m; i++)
				rc = gen_time(g, tr, &wk, days[i], med, err);
		}
	}
	free(wk.b);
	return rc;
}

/* The lists of carnet.ini files, with the site and mediator codes gen
 * makes. */
static int load_lists(struct config *cfg, const char *const *paths, int n, const struct gen *g,
                      struct cn_err *err)
{
	char code[16];
	int rc = config_load_files(cfg, paths, n, NULL, NULL, err);

	for (int i = 0; rc == CN_OK && i < g->sites; i++) {
		snprintf(code, sizeof code, "site%d", g->first_site + i);
		if (!vlist_find(&cfg->lists.l[L_SITE], code))
			rc = vlist_set(&cfg->lists.l[L_SITE], code, code);
	}
	for (int i = 0; rc == CN_OK && i < g->mediators; i++) {
		snprintf(code, sizeof code, "med%d", 1 + i);
		if (!vlist_find(&cfg->lists.l[L_MEDIATEUR], code))
			rc = vlist_set(&cfg->lists.l[L_MEDIATEUR], code, code);
	}
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'b'},      {"visits", required_argument, NULL, 'n'},
		{"days", required_argument, NULL, 'd'},    {"end", required_argument, NULL, 'e'},
		{"sites", required_argument, NULL, 's'},   {"mediators", required_argument, NULL, 'm'},
		{"persons", required_argument, NULL, 'p'}, {"seed", required_argument, NULL, 'x'},
		{"first-site", required_argument, NULL, 'F'},
		{"workshops-per-week", required_argument, NULL, 'W'},
		{"times-per-week", required_argument, NULL, 'T'},
		{"lists", required_argument, NULL, 'L'},
		{NULL, 0, NULL, 0},
	};
	const char *path = NULL, *lists_paths[CONFIG_MAX_FILES];
	long visits = 1000, persons = 2000;
	int days = 365, sites = 3, mediators = 4, first_site = 1, opt;
	int workshops_per_week = 0, times_per_week = 0, nlists = 0;
	struct cn_date end = {2026, 11, 18};
	struct rng r = {88172645463325252ULL};
	struct store *st;
	struct cn_err err;
	sqlite3 *db;
	sqlite3_stmt *ins_visit, *ins_person;
	struct rng wr, tr;
	struct config cfg;
	struct gen g;
	int *person_rank, *known;
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
		case 'W': workshops_per_week = atoi(optarg); break;
		case 'T': times_per_week = atoi(optarg); break;
		case 'L':
			if (nlists == CONFIG_MAX_FILES)
				return fprintf(stderr, "gen: --lists: %d fichiers au plus\n",
				               CONFIG_MAX_FILES), 2;
			lists_paths[nlists++] = optarg;
			break;
		default: return 2;
		}
	}
	if (!path || visits < 0 || days < 1 || sites < 1 || mediators < 1 || persons < 1 ||
	    workshops_per_week < 0 || workshops_per_week > WORKSHOPS_PER_WEEK_MAX ||
	    times_per_week < 0 || times_per_week > TIMES_PER_WEEK_MAX) {
		fprintf(stderr, "usage: gen --db FILE [--visits N] [--days D] [--end DATE] "
		                "[--sites S] [--first-site F] [--mediators M] [--persons P] [--seed X]\n"
		                "           [--workshops-per-week 0-%d] [--times-per-week 0-%d]"
		                " [--lists FILE]…\n",
		        WORKSHOPS_PER_WEEK_MAX, TIMES_PER_WEEK_MAX);
		return 2;
	}
	/* The workshops' and the times' own streams, from the same seed. */
	wr.s = (r.s ^ 0x9e3779b97f4a7c15ULL) | 1;
	tr.s = (r.s ^ 0xd1b54a32d192ed03ULL) | 1;
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
				person_code(p, code);
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
	g = (struct gen){.st = st, .dates = dates, .days = days, .sites = sites,
	                 .first_site = first_site, .mediators = mediators};
	if (workshops_per_week || times_per_week) {
		if (!(known = calloc((size_t)persons, sizeof *known)))
			return die("memory", NULL);
		for (int p = 0; p < persons; p++)
			if (person_ids[p][0])
				known[g.nknown++] = p;
		g.known = known;
		if (nlists) {
			if (load_lists(&cfg, lists_paths, nlists, &g, &err) != CN_OK)
				return fprintf(stderr, "gen: %s\n", err.msg), 1;
			g.ls = &cfg.lists;
		}
		if (gen_activity(&g, &wr, &tr, workshops_per_week, times_per_week, &err) != CN_OK)
			return fprintf(stderr, "gen: %s\n", err.msg), 1;
		if (nlists)
			config_free(&cfg);
		free(known);
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
