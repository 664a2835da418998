/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's one list of sections and items: the order every format
 * follows. */
#include <stdio.h>
#include <string.h>
#include "carnet/model/number.h"
#include "carnet/report/outline.h"

static const char multi[] = "Un passage à plusieurs valeurs compte dans chacune : les parts "
                            "sont celles des passages et ne s'additionnent pas à 100 %.";
static const char persons_note[] = "Parts des personnes distinctes venues sur la période, "
                                   "« non renseigné » compris.";
static const char person_note[] = "Parts de la personne distincte venue sur la période, "
                                  "« non renseigné » compris.";

static const char themes_note[] = "Un atelier à plusieurs thèmes compte dans chacun : les parts "
                                  "sont celles des séances et ne s'additionnent pas à 100 %.";
static const char participants_note[] = "Parts des participants : chaque personne avec un code "
                                        "une fois, chaque participant anonyme à chaque séance, "
                                        "« non renseigné » compris.";
static const char coded_note[] = "Parts des personnes distinctes présentes avec un code, "
                                 "« non renseigné » compris (les participants anonymes n'ont "
                                 "pas ce champ).";
static const char coded_equipment_note[] = "Personnes présentes avec un code seulement ; plusieurs "
                                           "réponses possibles : les parts ne s'additionnent pas "
                                           "à 100 %.";

struct walk {
	item_fn fn;
	void *ctx;
	const char *section;
	char note[320];       /* a note made for one item */
};

static void section(struct walk *w, const char *title)
{
	struct item it = {.kind = ITEM_SECTION, .section = title, .title = title};
	w->section = title;
	w->fn(w->ctx, &it);
}

static void figure(struct walk *w, const char *name, const char *title, enum figure_unit unit,
                   long value, long whole)
{
	struct item it = {.kind = ITEM_FIGURE, .section = w->section, .title = title, .name = name,
	                  .fig = {.unit = unit, .value = value, .whole = whole, .defined = true}};
	w->fn(w->ctx, &it);
}

/* A share that may be of nothing (defined false). */
static void share(struct walk *w, const char *name, const char *title, enum figure_unit unit,
                  long value, long whole, const char *note)
{
	struct item it = {.kind = ITEM_FIGURE, .section = w->section, .title = title, .name = name,
	                  .note = note,
	                  .fig = {.unit = unit, .value = value, .whole = whole, .defined = whole > 0}};
	w->fn(w->ctx, &it);
}

static void mean(struct walk *w, const char *name, const char *title, double value, bool defined)
{
	struct item it = {.kind = ITEM_FIGURE, .section = w->section, .title = title, .name = name,
	                  .fig = {.unit = UNIT_MEAN, .mean = value, .defined = defined}};
	w->fn(w->ctx, &it);
}

static void emit_table(struct walk *w, const struct report_table *t)
{
	struct item it = {.kind = ITEM_TABLE, .section = w->section, .title = t->title,
	                  .name = t->name, .note = t->note, .table = t};
	w->fn(w->ctx, &it);
}

static void table(struct walk *w, const char *title, const char *name, int list,
                  const struct dist *d, const char *note)
{
	/* The scales and the public's shares show every row, 0 included. */
	bool all = list < 0 || list == L_POSTURE || list == L_NIVEAU_ATELIER ||
	           note == persons_note || note == person_note || note == participants_note ||
	           note == coded_note || list == L_EQUIPEMENT || list == L_ORIENTATION_SUITE;
	struct report_table t = {.section = w->section, .title = title, .name = name, .list = list,
	                         .d = d, .note = note, .all_rows = all};
	emit_table(w, &t);
}

static void cross(struct walk *w, const char *title, const char *name, int list,
                  const struct cross *c)
{
	struct item it = {.kind = ITEM_CROSS, .section = w->section, .title = title, .name = name,
	                  .note = "Parts des passages de chaque ligne, selon la posture.",
	                  .cross = c, .list = list, .columns = L_POSTURE, .counted = "Passages"};
	w->fn(w->ctx, &it);
}

/* What came of the referrals answered, for each row of list. */
static void went_by(struct walk *w, const char *title, const char *name, int list,
                    const struct cross *c, const char *note)
{
	struct item it = {.kind = ITEM_CROSS, .section = w->section, .title = title, .name = name,
	                  .note = note, .cross = c, .list = list, .columns = L_ORIENTATION_SUITE,
	                  .counted = "Suites connues"};
	w->fn(w->ctx, &it);
}

static void simple(struct walk *w, enum item_kind kind, const char *title, const char *name)
{
	struct item it = {.kind = kind, .section = w->section, .title = title, .name = name};
	w->fn(w->ctx, &it);
}

/* The « faire pour » share: the posture table's first row. */
static long pour(const struct report *r)
{
	return r->posture.n ? r->posture.count[0] : 0;
}

/* One key figure now, before and a year before: get(r) for each. */
static void key(struct walk *w, const struct report *r, const char *name, const char *title,
                enum figure_unit unit, long (*value)(const struct report *),
                long (*whole)(const struct report *))
{
	struct item it = {.kind = ITEM_KEY, .section = w->section, .title = title, .name = name};
	struct figure *slots[] = {&it.key.now, &it.key.prev, &it.key.year};
	const struct report *from[] = {r, r->prev, r->year_ago};

	for (int i = 0; i < 3; i++) {
		if (!from[i])
			continue;
		slots[i]->unit = unit;
		slots[i]->value = value(from[i]);
		slots[i]->whole = whole ? whole(from[i]) : 0;
		slots[i]->defined = true;
	}
	/* A share of nothing is no share: no comparison with it. */
	it.key.has_prev = r->prev != NULL && (unit != UNIT_SHARE || it.key.prev.whole > 0);
	it.key.has_year = r->year_ago != NULL && (unit != UNIT_SHARE || it.key.year.whole > 0);
	it.key.points = unit == UNIT_SHARE;
	it.fig = it.key.now;
	w->fn(w->ctx, &it);
}

static long k_visits(const struct report *r) { return r->visits; }
static long k_persons(const struct report *r) { return r->persons; }
static long k_minutes(const struct report *r) { return r->minutes; }
static long k_pour(const struct report *r) { return pour(r); }
static long k_towards(const struct report *r) { return r->towards_autonomy; }
static long k_returning(const struct report *r) { return r->returning; }
static long k_urgent(const struct report *r) { return r->urgent; }
static long k_referred(const struct report *r) { return report_referrals(r); }
static long k_sessions(const struct report *r) { return r->ws.sessions; }
static long k_outside(const struct report *r) { return report_outside_minutes(r); }

/* What the attendance rate is taken over. */
static const char *attendance_note(struct walk *w, const struct report_workshops *ws)
{
	char known[32], registered[32];

	number_fr(ws->known, known, sizeof known);
	number_fr(ws->registered, registered, sizeof registered);
	if (!ws->known)
		return "Aucun atelier de la période n'a ses inscriptions connues.";
	snprintf(w->note, sizeof w->note,
	         "Présents sur inscrits, sur %s atelier%s dont les inscriptions sont connues "
	         "(%s inscrit%s).%s",
	         ws->known == 1 ? "le seul" : known, ws->known > 1 ? "s" : "", registered,
	         ws->registered > 1 ? "s" : "",
	         ws->present > ws->registered ? " Plus de présents que d'inscrits : des personnes "
	                                        "sont venues sans s'inscrire."
	                                      : "");
	return w->note;
}

/* 8. Ateliers */
static void workshops(struct walk *w, const struct report *r)
{
	const struct report_workshops *ws = &r->ws;

	section(w, "8. Ateliers");
	{
		struct item it = {.kind = ITEM_FIGURE, .section = w->section, .title = "Séances",
		                  .name = "seances",
		                  .note = ws->sessions ? NULL : "Aucun atelier sur cette période.",
		                  .fig = {.unit = UNIT_COUNT, .value = ws->sessions, .defined = true}};
		w->fn(w->ctx, &it);
	}
	/* Without a workshop, its tables would be rows of zeros: the line
	 * above says it all. */
	if (!ws->sessions)
		return;
	figure(w, "minutes_ateliers", "Durée des séances", UNIT_MINUTES, ws->minutes, 0);
	{
		struct item it = {.kind = ITEM_FIGURE, .section = w->section,
		                  .title = "Participations aux séances", .name = "participations",
		                  .note = "Les présents de chaque séance, avec un code ou anonymes : "
		                          "une personne venue à deux séances compte deux fois.",
		                  .fig = {.unit = UNIT_COUNT, .value = ws->participations,
		                          .defined = true}};
		w->fn(w->ctx, &it);
	}
	figure(w, "personnes", "Personnes distinctes (avec un code)", UNIT_COUNT, ws->persons, 0);
	figure(w, "anonymes", "Participants anonymes", UNIT_COUNT, ws->anonymous, 0);
	share(w, "taux_presence", "Taux de présence (présents sur inscrits)", UNIT_SHARE,
	      ws->present, ws->registered, attendance_note(w, ws));
	table(w, "Séances par thème", "themes_atelier", L_THEME_ATELIER, &ws->theme, themes_note);
	table(w, "Séances par niveau", "niveaux_atelier", L_NIVEAU_ATELIER, &ws->level, NULL);
	table(w, "Séances par lieu", "lieux_atelier", L_LIEU_ATELIER, &ws->place, NULL);
	table(w, "Tranche d'âge des participants", "participants_tranche_age", L_TRANCHE_AGE,
	      &ws->age, participants_note);
	table(w, "Genre des participants", "participants_genre", L_GENRE, &ws->gender,
	      participants_note);
	table(w, "Situation des participants", "participants_situation", L_SITUATION,
	      &ws->situation, participants_note);
	table(w, "Commune ou quartier des participants", "participants_quartier", L_QUARTIER,
	      &ws->area, coded_note);
	table(w, "Équipement à domicile des participants", "participants_equipement", L_EQUIPEMENT,
	      &ws->equipment, coded_equipment_note);
}

/* 9. Temps de travail */
static void work_time(struct walk *w, const struct report *r)
{
	struct report_table t = {
		.section = "9. Temps de travail", .title = "Répartition du temps de travail",
		.name = "temps_de_travail", .list = L_TEMPS, .d = &r->work, .minutes = true,
		.fixed_rows = REPORT_WORK_FIXED, .fixed_labels = report_work_labels,
		.fixed_short = report_work_short,
		.note = r->f.mediators.n
		            ? "Ateliers : la durée de chaque séance, une fois pour chaque médiateur "
		              "retenu qui l'a animée (une fois pour une séance sans médiateur)."
		            : "Ateliers : la durée de chaque séance, une fois pour chaque médiateur "
		              "qui l'a animée (une fois pour une séance sans médiateur)."};

	section(w, t.section);
	figure(w, "minutes_travail", "Temps de travail enregistré", UNIT_MINUTES, report_work_minutes(r), 0);
	emit_table(w, &t);
	share(w, "hors_accompagnement", "Temps hors accompagnement individuel", UNIT_TIME_SHARE,
	      report_outside_minutes(r), report_work_minutes(r),
	      "Ateliers et autres temps, sur tout le temps de travail enregistré.");
}

void report_each_item(const struct report *r, item_fn fn, void *ctx)
{
	struct walk w = {.fn = fn, .ctx = ctx};

	section(&w, "L'essentiel");
	key(&w, r, "passages", "Passages", UNIT_COUNT, k_visits, NULL);
	key(&w, r, "personnes", "Personnes distinctes", UNIT_COUNT, k_persons, NULL);
	key(&w, r, "minutes", "Temps d'accompagnement", UNIT_MINUTES, k_minutes, NULL);
	key(&w, r, "faire_pour", "Part « faire pour »", UNIT_SHARE, k_pour, k_visits);
	key(&w, r, "plus_autonome", "Plus autonomes qu'à leur 1re venue", UNIT_SHARE,
	    k_towards, k_returning);
	key(&w, r, "urgents", "Passages urgents", UNIT_COUNT, k_urgent, NULL);
	key(&w, r, "orientations", "Orientations vers un autre acteur", UNIT_COUNT, k_referred, NULL);
	key(&w, r, "seances_atelier", "Séances d'atelier", UNIT_COUNT, k_sessions, NULL);
	key(&w, r, "minutes_hors_accompagnement", "Temps hors accompagnement", UNIT_MINUTES,
	    k_outside, NULL);

	section(&w, "1. Volume");
	figure(&w, "passages", "Passages", UNIT_COUNT, r->visits, 0);
	figure(&w, "personnes", "Personnes distinctes (avec un code)", UNIT_COUNT, r->persons, 0);
	figure(&w, "premieres_venues", "Premières venues", UNIT_COUNT, r->first_visits, 0);
	figure(&w, "minutes", "Temps total", UNIT_MINUTES, r->minutes, 0);
	mean(&w, "duree_moyenne", "Durée moyenne", r->mean_minutes, r->visits > 0);
	mean(&w, "duree_mediane", "Durée médiane", r->median_minutes, r->visits > 0);
	table(&w, "Durées", "durees", -1, &r->durations, NULL);
	if (r->ngroups)
		simple(&w, ITEM_GROUPS, r->f.by == BY_SITE ? "Par site" : "Par médiateur",
		       r->f.by == BY_SITE ? "par_site" : "par_mediateur");
	table(&w, "Canal", "canal", L_CANAL, &r->canal, NULL);
	table(&w, "Jour de la semaine", "jours", -1, &r->weekday, NULL);
	simple(&w, ITEM_TREND, "Les 12 derniers mois", "tendance");

	section(&w, "2. Demandes et organismes");
	table(&w, "Demandes", "demandes", L_DEMANDE, &r->demand, multi);
	table(&w, "Organismes", "organismes", L_ORGANISME, &r->organism, multi);
	figure(&w, "sans_organisme", "Sans organisme", UNIT_SHARE, r->no_organism, r->visits);

	section(&w, "3. Posture");
	table(&w, "Posture", "postures", L_POSTURE, &r->posture, NULL);
	figure(&w, "faire_pour", "Part « faire pour »", UNIT_SHARE, pour(r), r->visits);
	figure(&w, "absents", "En l'absence de la personne", UNIT_SHARE, r->absent, r->visits);
	cross(&w, "Posture par demande", "posture_par_demande", L_DEMANDE, &r->posture_by_demand);
	cross(&w, "Posture par organisme", "posture_par_organisme", L_ORGANISME,
	      &r->posture_by_organism);

	section(&w, "4. Issues et urgences");
	table(&w, "Issues", "issues", L_ISSUE, &r->outcome, NULL);
	figure(&w, "urgents", "Passages urgents (risque de rupture)", UNIT_SHARE, r->urgent,
	       r->visits);
	table(&w, "Issues des passages urgents", "issues_urgentes", L_ISSUE, &r->urgent_outcome,
	      NULL);

	section(&w, "5. Autonomie dans le temps");
	figure(&w, "personnes_revenues", "Personnes venues deux fois ou plus", UNIT_COUNT,
	       r->returning, 0);
	figure(&w, "plus_autonome", "Plus autonomes qu'à leur 1re venue", UNIT_SHARE,
	       r->towards_autonomy, r->returning);
	figure(&w, "meme_posture", "Même posture qu'à la 1re venue", UNIT_SHARE, r->same,
	       r->returning);
	figure(&w, "moins_autonome", "Moins autonomes qu'à leur 1re venue", UNIT_SHARE, r->backwards,
	       r->returning);
	for (int k = 0; k < REPORT_RANKS; k++) {
		static const char *const names[REPORT_RANKS] = {"posture_rang_1", "posture_rang_2",
		                                                 "posture_rang_3", "posture_rang_4"};
		static const char *const titles[REPORT_RANKS] = {
			"Posture moyenne à la 1re venue", "Posture moyenne à la 2e venue",
			"Posture moyenne à la 3e venue", "Posture moyenne à la 4e venue et suivantes"};
		struct item it = {.kind = ITEM_FIGURE, .section = w.section, .title = titles[k],
		                  .name = names[k],
		                  .note = k == REPORT_RANKS - 1
		                              ? "Posture de 1 (faire pour) à 4 (laisser faire)."
		                              : NULL,
		                  .fig = {.unit = UNIT_LEVEL, .value = r->rank_visits[k],
		                          .mean = r->rank_mean[k], .defined = r->rank_visits[k] > 0}};
		fn(ctx, &it);
	}

	section(&w, "6. Orientations");
	table(&w, "Orienté par", "oriente_par", L_ORIENTE_PAR, &r->referred_by, NULL);
	table(&w, "Orienté vers", "oriente_vers", L_ORIENTE_VERS, &r->referred_to, NULL);
	if (r->places.placed) {
		struct report_table t = {
			.section = w.section, .title = "Orientations par lieu",
			.name = "orientations_par_lieu", .list = -1, .d = &r->places.d,
			.fixed_rows = r->places.d.n,
			.fixed_labels = (const char *const *)r->places.label, .no_groups = true,
			.note = "Les lieux de l'annuaire les plus souvent indiqués ; parts des "
			        "orientations de la période."};
		emit_table(&w, &t);
	}
	/* The way and the follow-through once a desk records them: a report
	 * of referrals without either stays as it was. */
	if (report_referrals_followed(r)) {
		table(&w, "Façon d'orienter", "orientation_mode", L_ORIENTATION_MODE,
		      &r->referral_how,
		      "Parts des orientations de la période (passages avec « orienté vers »).");
		share(&w, "orientations_suite_connue", "Orientations dont la suite est connue",
		      UNIT_SHARE, r->referrals_answered, report_referrals(r),
		      "La personne est revenue et a dit si elle s'y est rendue.");
	}
	if (r->referrals_answered) {
		table(&w, "Suite des orientations", "orientation_suite", L_ORIENTATION_SUITE,
		      &r->referral_went, "Parts des orientations dont la suite est connue.");
		went_by(&w, "Suite par orienté vers", "suite_par_oriente_vers", L_ORIENTE_VERS,
		        &r->went_by_to,
		        "Parts des orientations de chaque ligne dont la suite est connue.");
		went_by(&w, "Suite par façon d'orienter", "suite_par_orientation_mode",
		        L_ORIENTATION_MODE, &r->went_by_how,
		        "Parts des orientations de chaque ligne dont la suite est connue (façon "
		        "d'orienter renseignée).");
		if (r->places.placed)
			went_by(&w, "Suite par lieu", "suite_par_lieu", -1, &r->places.went,
			        "Parts des orientations de chaque lieu dont la suite est connue.");
	}

	section(&w, "7. Public");
	{
		const char *pn = r->persons == 1 ? person_note : persons_note;
		table(&w, "Tranche d'âge", "tranche_age", L_TRANCHE_AGE, &r->age, pn);
		table(&w, "Genre", "genre", L_GENRE, &r->gender, pn);
		table(&w, "Commune ou quartier", "quartier", L_QUARTIER, &r->area, pn);
		table(&w, "Situation", "situation", L_SITUATION, &r->situation, pn);
	}
	table(&w, "Équipement à domicile", "equipement", L_EQUIPEMENT, &r->equipment,
	      "Plusieurs réponses possibles : les parts ne s'additionnent pas à 100 %.");

	workshops(&w, r);
	work_time(&w, r);
}

const char *report_row_label(const struct lists *ls, const struct report_table *t,
                             const char *code, char *buf, size_t size)
{
	if (!code[0])
		return "non renseigné";
	if (t->list < 0) {
		/* The duration ranges have codes and labels; the weekdays are their
		 * own labels. */
		for (int i = 0; i < REPORT_BINS; i++)
			if (strcmp(code, report_bin_codes[i]) == 0)
				return report_bin_labels[i];
		return code;
	}
	if (!vlist_find(&ls->l[t->list], code)) {
		snprintf(buf, size, "%s (code inconnu)", code);
		return buf;
	}
	return lists_label(ls, t->list, code);
}

const char *report_cross_label(const struct lists *ls, int list, const struct cross *c, int i)
{
	return c->labels ? c->labels[i] : lists_label(ls, list, c->code[i]);
}

const char *report_row_label_at(const struct lists *ls, const struct report_table *t, int row,
                                char *buf, size_t size)
{
	if (row < t->fixed_rows && t->fixed_labels)
		return t->fixed_labels[row];
	return report_row_label(ls, t, t->d->code[row], buf, size);
}

/* "du 3 au 17 octobre 2026", "du 28 octobre 2026 au 3 novembre 2026". */
static void range_words(const char *from_iso, const char *to_iso, char *out, size_t size)
{
	struct cn_date a, b;
	char from[48], to[48];

	date_words(from_iso, false, from, sizeof from);
	date_words(to_iso, false, to, sizeof to);
	if (!strcmp(from_iso, to_iso))
		snprintf(out, size, "le %s", from);
	else if (date_parse(from_iso, &a) && date_parse(to_iso, &b) && a.year == b.year &&
	         a.month == b.month)
		snprintf(out, size, "du %d%s au %s", a.day, a.day == 1 ? "er" : "", to);
	else
		snprintf(out, size, "du %s au %s", from, to);
}

void report_period_words(const struct report_filter *f, char *out, size_t size)
{
	struct cn_date a, b;

	if (date_parse(f->from, &a) && date_parse(f->to, &b) && a.day == 1 && b.year == a.year &&
	    b.month == a.month && b.day == date_days_in_month(b.year, b.month))
		snprintf(out, size, "%s %d", clock_month_name(a.month), a.year);
	else if (date_parse(f->from, &a) && date_parse(f->to, &b) && a.day == 1 && a.month == 1 &&
	         b.day == 31 && b.month == 12 && a.year == b.year)
		snprintf(out, size, "%d", a.year);
	else if (!strcmp(f->from, f->to))
		date_words(f->from, false, out, size);
	else
		range_words(f->from, f->to, out, size);
}

void report_heading(const struct report *r, const struct lists *ls, struct report_heading *h)
{
	char period[64], range[112];

	report_period_words(&r->f, period, sizeof period);
	snprintf(h->title, sizeof h->title, "Bilan d'activité — %s", period);
	range_words(r->f.from, r->f.to, range, sizeof range);
	snprintf(h->dates, sizeof h->dates, "%c%s", range[0] == 'l' ? 'L' : 'D', range + 1);
	report_scope_words(&r->f, ls, h->scope, sizeof h->scope);
	h->progress[0] = '\0';
	if (r->today[0]) {
		char day[48];
		date_words(r->today, false, day, sizeof day);
		snprintf(h->progress, sizeof h->progress,
		         "Période en cours : passages enregistrés jusqu'au %s ; les comparaisons "
		         "portent sur autant de jours.", day);
	}
	if (!report_has_records(r))
		h->empty = "Aucun passage, atelier ni temps sur cette période : le bilan est vide.";
	else if (r->visits == 0)
		h->empty = "Aucun passage sur cette période : seuls des ateliers ou du temps de "
		           "travail y sont enregistrés.";
	else
		h->empty = NULL;
}

static size_t add_codes(char *out, size_t size, size_t used, const char *head,
                        const struct codeset *set, const struct lists *ls, enum list_id id)
{
	int n;

	if (!set->n || used >= size)
		return used;
	n = snprintf(out + used, size - used, "%s%s : ", used ? " · " : "", head);
	used += n > 0 ? (size_t)n : 0;
	for (int i = 0; i < set->n && used < size; i++) {
		n = snprintf(out + used, size - used, "%s%s", i ? ", " : "",
		             lists_label(ls, id, set->v[i]));
		used += n > 0 ? (size_t)n : 0;
	}
	return used;
}

void report_scope_words(const struct report_filter *f, const struct lists *ls, char *out,
                        size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	used = add_codes(out, size, used, f->sites.n > 1 ? "Sites" : "Site", &f->sites, ls, L_SITE);
	add_codes(out, size, used, f->mediators.n > 1 ? "Médiateurs" : "Médiateur", &f->mediators,
	          ls, L_MEDIATEUR);
}

/* A share in tenths of a percent (0 when there is no whole). */
static long tenths_of(const struct figure *fig)
{
	return fig->whole ? (fig->value * 1000 + fig->whole / 2) / fig->whole : 0;
}

void key_change_words(const struct key_figure *k, bool year, enum change_style style,
                      const struct report *r, char *out, size_t size)
{
	/* A spreadsheet would take a cell opening with "+" for a formula. */
	const char *up = style == CHANGE_SPELLED ? "hausse de " : "+";
	const char *down = style == CHANGE_SPELLED ? "baisse de " : "−";
	const struct figure *base = year ? &k->year : &k->prev;
	const struct report *other = year ? r->year_ago : r->prev;
	char period[112], against[160], amount[48];
	bool range, day;

	out[0] = '\0';
	if (!(year ? k->has_year : k->has_prev) || !other)
		return;
	report_period_words(&other->f, period, sizeof period);
	range = !strncmp(period, "du ", 3);
	day = !strcmp(other->f.from, other->f.to);
	/* "par rapport à octobre 2026", "… à la période du 1er au 20 octobre
	 * 2026", "… au 18 novembre 2025" (a single day). */
	snprintf(against, sizeof against, "par rapport %s%s", day ? "au " : range ? "à la période " : "à ",
	         period);
	if (k->points) {
		long d = tenths_of(&k->now) - tenths_of(base);
		long mag = d < 0 ? -d : d;
		if (d == 0)
			snprintf(out, size, "stable %s", against);
		else
			snprintf(out, size, "%s%ld,%ld point%s %s", d > 0 ? up : down, mag / 10, mag % 10,
			         mag >= 20 ? "s" : "", against);
		return;
	}
	if (base->value == 0) {
		/* No percentage of nothing: the count it was. */
		if (k->now.value)
			snprintf(out, size, "contre 0 %s%s", day ? "le " : range ? "sur la période " : "en ",
			         period);
		else
			snprintf(out, size, "stable %s", against);
		return;
	}
	{
		long diff = k->now.value - base->value;
		long pct = (diff * 1000 / base->value + (diff >= 0 ? 5 : -5)) / 10;
		if (pct == 0)
			snprintf(amount, sizeof amount, "stable");
		else
			snprintf(amount, sizeof amount, "%s%ld\u202f%%", pct > 0 ? up : down,
			         pct < 0 ? -pct : pct);
		snprintf(out, size, "%s %s", amount, against);
	}
}

const char *figure_unit_words(const struct figure *fig)
{
	switch (fig->unit) {
	case UNIT_MINUTES: return " (minutes)";
	case UNIT_MEAN: return " (minutes)";
	case UNIT_SHARE: return " (nombre ; part en %)";
	case UNIT_TIME_SHARE: return " (minutes ; part en %)";
	case UNIT_LEVEL: return " (de 1 à 4 ; passages)";
	default: return "";
	}
}
