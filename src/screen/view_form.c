/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "carnet/screen/choices.h"
#include "carnet/screen/form_participants.h"
#include "carnet/screen/form_tally.h"
#include "carnet/screen/hotkeys.h"
#include "carnet/screen/view_conflict.h"
#include "carnet/store/draft.h"
#include "carnet/screen/person_panel.h"
#include "carnet/screen/place_picker.h"
#include "carnet/store/person_store.h"
#include "carnet/model/text.h"
#include "carnet/screen/view_form.h"
#include "carnet/screen/view_help.h"
#include "carnet/model/clock.h"
#include "carnet/store/visit_store.h"
#include "carnet/store/workshop_store.h"
#include "carnet/store/worktime_store.h"

enum fkind {
	FK_CHOICE,
	FK_MULTI,
	FK_DURATION,
	FK_FLAG,
	FK_TEXT,
	FK_DATE,
	FK_TIME,
	FK_PERSON,
	FK_NUMBER,      /* an int from 0 to max_chars; inverted: empty is -1, not known */
	FK_PARTICIPANTS, /* the workshop's persons by code, each present or absent */
	FK_TALLY        /* anonymous attendees counted by the values of a list */
};

/* One field of a form: where its value lives in the record and how it is
 * answered. */
struct fdef {
	const char *label;
	enum fkind kind;
	int list;          /* enum list_id of CHOICE and MULTI fields */
	bool required;
	size_t off, size;  /* the value inside the form's record */
	int field;         /* enum visit_field, workshop_field…, to place errors */
	bool numbered;     /* keys 1, 2, 3… for an ordered scale */
	bool inverted;     /* FLAG showing the opposite of the stored bool; NUMBER
	                      whose empty value is -1 (not known) */
	size_t max_chars;  /* TEXT; the highest value of DURATION (0: DURATION_MAX)
	                      and NUMBER */
};

#define VF(m) offsetof(struct visit, m), sizeof(((struct visit *)0)->m)
#define PF(m) offsetof(struct person, m), sizeof(((struct person *)0)->m)
#define WF(m) offsetof(struct workshop, m), sizeof(((struct workshop *)0)->m)
#define TF(m) offsetof(struct worktime, m), sizeof(((struct worktime *)0)->m)

/* The typical answers first, so that a common visit is a few keys. */
static const struct fdef visit_fields[] = {
	{"Demandes", FK_MULTI, L_DEMANDE, true, VF(demands), VF_DEMANDS, false, false, 0},
	{"Organismes", FK_MULTI, L_ORGANISME, false, VF(organisms), VF_ORGANISMS, false, false, 0},
	{"Posture", FK_CHOICE, L_POSTURE, true, VF(posture), VF_POSTURE, true, false, 0},
	{"Durée", FK_DURATION, -1, true, VF(duration), VF_DURATION, false, false, 0},
	{"Issue", FK_CHOICE, L_ISSUE, false, VF(outcome), VF_OUTCOME, false, false, 0},
	{"Canal", FK_CHOICE, L_CANAL, true, VF(canal), VF_CANAL, false, false, 0},
	{"Orienté par", FK_CHOICE, L_ORIENTE_PAR, false, VF(referred_by), VF_REFERRED_BY, false,
	 false, 0},
	{"Orienté vers", FK_CHOICE, L_ORIENTE_VERS, false, VF(referred_to), VF_REFERRED_TO, false,
	 false, 0},
	/* Right after "Orienté vers", and shown only once it is answered. */
	{"Comment", FK_CHOICE, L_ORIENTATION_MODE, false, VF(referral_how), VF_REFERRAL_HOW, false,
	 false, 0},
	{"Lieu d'orientation", FK_TEXT, -1, false, VF(referred_place), VF_REFERRED_PLACE, false,
	 false, PLACE_MAX_CHARS},
	{"Urgent", FK_FLAG, -1, false, VF(urgent), VF_URGENT, false, false, 0},
	{"Personne absente", FK_FLAG, -1, false, VF(present), VF_PRESENT, false, true, 0},
	{"Usager", FK_PERSON, -1, false, VF(person), VF_PERSON, false, false, 0},
	{"Note", FK_TEXT, -1, false, VF(note), VF_NOTE, false, false, NOTE_MAX_CHARS},
	{"Date", FK_DATE, -1, true, VF(date), VF_DATE, false, false, 0},
	{"Heure", FK_TIME, -1, true, VF(time), VF_TIME, false, false, 0},
	{"Site", FK_CHOICE, L_SITE, true, VF(site), VF_SITE, false, false, 0},
	{"Médiateur", FK_CHOICE, L_MEDIATEUR, false, VF(mediator), VF_MEDIATOR, false, false, 0},
};

static const struct fdef person_fields[] = {
	{"Tranche d'âge", FK_CHOICE, L_TRANCHE_AGE, false, PF(age), PF_AGE, false, false, 0},
	{"Genre", FK_CHOICE, L_GENRE, false, PF(gender), PF_GENDER, false, false, 0},
	{"Commune, quartier", FK_CHOICE, L_QUARTIER, false, PF(area), PF_AREA, false, false, 0},
	{"Situation", FK_CHOICE, L_SITUATION, false, PF(situation), PF_SITUATION, false, false, 0},
	{"Équipement", FK_MULTI, L_EQUIPEMENT, false, PF(equipment), PF_EQUIPMENT, false, false, 0},
};

/* A workshop of 1 h 30 on one theme, beginner level, six anonymous
 * attendees: a theme key, a duration key, a level digit, the count, Enter. */
static const struct fdef workshop_fields[] = {
	{"Thèmes", FK_MULTI, L_THEME_ATELIER, true, WF(themes), WF_THEMES, false, false, 0},
	{"Durée", FK_DURATION, -1, true, WF(duration), WF_DURATION, false, false,
	 WORKSHOP_DURATION_MAX},
	{"Niveau", FK_CHOICE, L_NIVEAU_ATELIER, false, WF(level), WF_LEVEL, true, false, 0},
	{"Anonymes", FK_NUMBER, -1, false, WF(anonymous), WF_ANONYMOUS, false, false,
	 ATTENDEES_MAX},
	{"  par genre", FK_TALLY, L_GENRE, false, WF(anon_gender), WF_ANON_GENDER, false, false, 0},
	{"  par âge", FK_TALLY, L_TRANCHE_AGE, false, WF(anon_age), WF_ANON_AGE, false, false, 0},
	{"  par situation", FK_TALLY, L_SITUATION, false, WF(anon_situation), WF_ANON_SITUATION,
	 false, false, 0},
	{"Participants", FK_PARTICIPANTS, -1, false, WF(nparticipants), WF_PARTICIPANTS, false,
	 false, 0},
	{"Inscrits", FK_NUMBER, -1, false, WF(registered), WF_REGISTERED, false, true,
	 ATTENDEES_MAX},
	{"Titre", FK_TEXT, -1, false, WF(title), WF_TITLE, false, false, TITLE_MAX_CHARS},
	{"Lieu", FK_CHOICE, L_LIEU_ATELIER, false, WF(place), WF_PLACE, false, false, 0},
	{"Matériel", FK_MULTI, L_MATERIEL, false, WF(equipment), WF_EQUIPMENT, false, false, 0},
	{"Note", FK_TEXT, -1, false, WF(note), WF_NOTE, false, false, NOTE_MAX_CHARS},
	{"Date", FK_DATE, -1, true, WF(date), WF_DATE, false, false, 0},
	{"Heure", FK_TIME, -1, true, WF(time), WF_TIME, false, false, 0},
	{"Site", FK_CHOICE, L_SITE, true, WF(site), WF_SITE, false, false, 0},
	{"Médiateurs", FK_MULTI, L_MEDIATEUR, false, WF(mediators), WF_MEDIATORS, false, false, 0},
};

/* A 30-minute coordination meeting: a kind key, a duration key, Enter. */
static const struct fdef worktime_fields[] = {
	{"Nature", FK_CHOICE, L_TEMPS, true, TF(kind), TF_KIND, false, false, 0},
	{"Durée", FK_DURATION, -1, true, TF(duration), TF_DURATION, false, false,
	 WORKTIME_DURATION_MAX},
	{"Note", FK_TEXT, -1, false, TF(note), TF_NOTE, false, false, NOTE_MAX_CHARS},
	{"Date", FK_DATE, -1, true, TF(date), TF_DATE, false, false, 0},
	{"Heure", FK_TIME, -1, true, TF(time), TF_TIME, false, false, 0},
	{"Site", FK_CHOICE, L_SITE, true, TF(site), TF_SITE, false, false, 0},
	{"Médiateur", FK_CHOICE, L_MEDIATEUR, false, TF(mediator), TF_MEDIATOR, false, false, 0},
};

#define NELEM(a) ((int)(sizeof a / sizeof a[0]))
/* The most fields a form has. */
#define FIELDS_MAX                                                                 \
	(NELEM(workshop_fields) > NELEM(visit_fields) ? NELEM(workshop_fields)    \
	                                              : NELEM(visit_fields))

/* Quick picks of the duration field, on the keys a, b, c…; the desk's own
 * habits follow on j, k, l (the fixed keys never move). */
static const int quick_minutes[] = {5, 10, 15, 20, 30, 45, 60, 90, 120};
#define HABITS_MAX 3
#define HABIT_DAYS 60

/* What a form holds: a visit, a workshop and a time are saved as drafts;
 * a profile is not. */
enum form_kind { FORM_VISIT, FORM_WORKSHOP, FORM_WORKTIME, FORM_PROFILE };

struct form {
	struct view base;
	enum form_kind kind;
	bool is_visit;                  /* kind == FORM_VISIT */
	bool drafted;                   /* kind != FORM_PROFILE: f->d is the record */
	const struct fdef *defs;
	int ndefs;
	struct draft d;                 /* the record, saved as a draft */
	struct visit prev;              /* the stored version when editing a visit */
	bool editing;
	struct person person;           /* the profile form's record */
	int field;                      /* focused field */
	bool dirty;
	bool pending;                   /* a save met a busy base: tried again each second */
	bool jumping;                   /* the jump key was pressed: a field letter comes */
	char jump[32];                  /* each field's letter (Alt+letter, or jump then letter) */
	int habits[HABITS_MAX], nhabits; /* durations this desk records often */
	char input[64];                 /* what is typed in a duration, date, time, person */
	bool typing;                    /* input was typed since the field got the cursor */
	struct choices ch;              /* the values of the focused CHOICE or MULTI field */
	int top;                        /* first value shown when they do not all fit */
	struct person_panel pp;         /* the Usager field */
	struct place_picker pk;         /* the Lieu d'orientation field */
	struct form_participants parts; /* the Participants field */
	struct form_tally tally;        /* the focused TALLY field */
};

static void *record(struct form *f)
{
	switch (f->kind) {
	case FORM_VISIT:
		return &f->d.v;
	case FORM_WORKSHOP:
		return &f->d.w;
	case FORM_WORKTIME:
		return &f->d.t;
	default:
		return &f->person;
	}
}

static int duration_max(const struct fdef *d)
{
	return d->max_chars ? (int)d->max_chars : DURATION_MAX;
}

static const struct fdef *def(struct form *f)
{
	return &f->defs[f->field];
}

#define AT(f, d, type) ((type *)((char *)record(f) + (d)->off))

/* A field that only means something with another: "Comment" (how the
 * person was referred) is shown once "Orienté vers" is answered. */
static bool visible(struct form *f, int i)
{
	return !(f->is_visit && f->defs[i].field == VF_REFERRAL_HOW && !f->d.v.referred_to[0]);
}

static const struct lists *lists_of(struct ui *ui)
{
	return &ui->app->cfg.lists;
}

/* "Anonymes par genre": a TALLY field's name in its panel and messages. */
static const char *tally_label(const struct fdef *d)
{
	switch (d->field) {
	case WF_ANON_GENDER:
		return "Anonymes par genre";
	case WF_ANON_AGE:
		return "Anonymes par tranche d'âge";
	default:
		return "Anonymes par situation";
	}
}

/* ------------------------------------------------------------ choices */

static bool holds(struct form *f, const struct fdef *d, const char *code)
{
	if (d->kind == FK_MULTI)
		return codeset_has(AT(f, d, struct codeset), code);
	return strcmp(AT(f, d, char), code) == 0;
}

static bool focused_holds(const char *code, void *ctx)
{
	struct form *f = ctx;
	return holds(f, def(f), code);
}

/* ------------------------------------------------------------ places */

/* "Lieu d'orientation": free text, or a place of the directory picked
 * from what is typed. */
static bool is_place(struct form *f, const struct fdef *d)
{
	return f->is_visit && d->field == VF_REFERRED_PLACE;
}

/* The text changed: it no longer names the place picked; the directory is
 * searched for it. */
static void place_typed(struct ui *ui, struct form *f)
{
	struct cn_err err;

	f->d.v.referral_place[0] = '\0';
	f->pk.chosen = false;
	if (place_picker_search(&f->pk, ui->app->st, f->d.v.referred_place, &err) != CN_OK)
		ui_status(ui, true, "%s", err.msg);
}

static void place_open(struct ui *ui, struct form *f)
{
	struct cn_err err;
	int rc;

	memset(&f->pk, 0, sizeof f->pk);
	f->pk.hl = -1;
	if (f->d.v.referral_place[0]) {
		rc = place_picker_load(&f->pk, ui->app->st, f->d.v.referral_place, &err);
		if (rc == CN_ENOTFOUND)
			ui_status(ui, true, "Ce lieu n'est plus dans l'annuaire : le nom reste");
		else if (rc != CN_OK)
			ui_status(ui, true, "%s", err.msg);
	}
}

/* The highlighted place becomes the visit's: its uid, its name as the
 * place's text, its category as "Orienté vers" when that is empty. */
static void place_pick(struct ui *ui, struct form *f)
{
	const struct place_hit *h = place_picker_current(&f->pk);
	struct visit *v = &f->d.v;
	struct cn_err err;

	if (!h)
		return;
	text_copy(v->referral_place, sizeof v->referral_place, h->uid);
	text_copy(v->referred_place, sizeof v->referred_place, h->nom);
	if (!v->referred_to[0] && h->category[0])
		text_copy(v->referred_to, sizeof v->referred_to, h->category);
	f->dirty = true;
	if (place_picker_load(&f->pk, ui->app->st, v->referral_place, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	f->pk.n = f->pk.total = 0;
	f->pk.hl = -1;
	f->pk.searched = false;
	ui_status(ui, false, "Lieu choisi : %s · aujourd'hui %s", f->pk.pick.nom, f->pk.today);
}

/* The person panel decides who is attached; the visit follows it. */
static void sync_person(struct form *f)
{
	if (strcmp(f->d.v.person, f->pp.code) != 0 || f->d.person_new != f->pp.is_new) {
		text_copy(f->d.v.person, sizeof f->d.v.person, f->pp.code);
		f->d.person_new = f->pp.is_new;
		f->dirty = true;
	}
}

/* The Participants field changed the record: the form is dirty. Passes
 * `result` through. */
static bool parts_done(struct form *f, bool result)
{
	if (f->parts.changed)
		f->dirty = true;
	f->parts.changed = false;
	return result;
}

/* ------------------------------------------------------------ focus */

static void focus(struct ui *ui, struct form *f, int field)
{
	const struct fdef *d;

	f->field = (field + f->ndefs) % f->ndefs;
	while (!visible(f, f->field))
		f->field = (f->field + 1) % f->ndefs;
	d = def(f);
	f->input[0] = '\0';
	f->typing = false;
	switch (d->kind) {
	case FK_CHOICE:
	case FK_MULTI:
		choices_load(&f->ch, &lists_of(ui)->l[d->list], d->numbered, focused_holds, f);
		f->top = 0;
		break;
	case FK_DURATION:
		if (f->d.duration_set)
			snprintf(f->input, sizeof f->input, "%d", *AT(f, d, int));
		break;
	case FK_NUMBER:
		if (*AT(f, d, int) >= 0)
			snprintf(f->input, sizeof f->input, "%d", *AT(f, d, int));
		break;
	case FK_PARTICIPANTS:
		form_participants_open(&f->parts, ui, &f->d.w, f->d.new_codes, &f->d.nnew);
		break;
	case FK_TALLY:
		form_tally_open(&f->tally, &lists_of(ui)->l[d->list], AT(f, d, struct tally));
		break;
	case FK_DATE:
	case FK_TIME:
		text_copy(f->input, sizeof f->input, AT(f, d, char));
		break;
	case FK_PERSON:
		person_panel_open(&f->pp, ui, f->d.v.person, f->d.person_new, f->d.v.date);
		break;
	case FK_TEXT:
		if (is_place(f, d))
			place_open(ui, f);
		break;
	default:
		break;
	}
}

/* Takes what was typed in the focused field; false (and a message) when
 * it is not a valid value. */
static bool commit_input(struct ui *ui, struct form *f)
{
	const struct fdef *d = def(f);
	struct cn_date date;
	char hhmm[HHMM_LEN];
	int minutes;

	switch (d->kind) {
	case FK_DURATION:
		if (!f->input[0])
			return true;
		if (!duration_parse_upto(f->input, duration_max(d), &minutes)) {
			ui_status(ui, true, "Durée invalide « %s » : de 1 à %d minutes (45, 1h30…)",
			          f->input, duration_max(d));
			return false;
		}
		*AT(f, d, int) = minutes;
		f->d.duration_set = true;
		return true;
	case FK_NUMBER: {
		char *end;
		long n;
		if (!f->typing)
			return true;
		if (!f->input[0]) {
			*AT(f, d, int) = d->inverted ? -1 : 0;
			return true;
		}
		n = strtol(f->input, &end, 10);
		if (*end || n < 0 || n > (long)d->max_chars) {
			ui_status(ui, true, "%s : un nombre de 0 à %zu%s", d->label, d->max_chars,
			          d->inverted ? ", ou vide si on ne le sait pas" : "");
			return false;
		}
		*AT(f, d, int) = (int)n;
		return true;
	}
	case FK_PARTICIPANTS:
		return parts_done(f, form_participants_commit(&f->parts, ui));
	case FK_DATE: {
		struct cn_date today;
		struct cn_err err;
		if (clock_now(&today, NULL, NULL, &err) != CN_OK ||
		    !date_parse_typed(f->input, &today, &date)) {
			ui_status(ui, true, "Date invalide « %s » : 30/11, 30/11/2026, 2026-11-30, hier "
			                    "ou avant-hier",
			          f->input);
			return false;
		}
		date_format(&date, AT(f, d, char));
		return true;
	}
	case FK_TIME:
		if (!time_parse(f->input, hhmm)) {
			ui_status(ui, true, "Heure invalide « %s » : HH:MM attendu", f->input);
			return false;
		}
		if (strcmp(hhmm, AT(f, d, char)) != 0)
			f->d.time_set = true;
		memcpy(AT(f, d, char), hhmm, HHMM_LEN);
		return true;
	case FK_PERSON:
		return person_panel_valid(&f->pp, ui);
	default:
		return true;
	}
}

static void move_field(struct ui *ui, struct form *f, int delta)
{
	int to = f->field + delta;

	while (!visible(f, (to + f->ndefs) % f->ndefs))
		to += delta;
	if (commit_input(ui, f))
		focus(ui, f, to);
}

/* "Orienté vers" cleared: how the person was referred and the place of the
 * directory go with it (the place's text stays). */
static void drop_hidden(struct form *f)
{
	if (f->is_visit && !f->d.v.referred_to[0])
		f->d.v.referral_how[0] = f->d.v.referral_place[0] = '\0';
}

/* ------------------------------------------------------------ answers */

static void pick(struct ui *ui, struct form *f, int entry, bool advance)
{
	const struct fdef *d = def(f);
	const struct list_entry *e = choices_entry(&f->ch, entry);

	f->dirty = true;
	if (d->kind == FK_MULTI) {
		struct codeset *set = AT(f, d, struct codeset);
		if (codeset_has(set, e->code)) {
			int k = 0;
			for (int i = 0; i < set->n; i++)
				if (strcmp(set->v[i], e->code) != 0)
					memmove(set->v[k++], set->v[i], CODE_MAX);
			set->n = k;
			return; /* unticked: stay */
		}
		if (codeset_add(set, e->code) != CN_OK) {
			ui_status(ui, true, "Trop de valeurs cochées");
			return;
		}
	} else {
		text_copy(AT(f, d, char), d->size, e->code);
	}
	if (advance)
		move_field(ui, f, 1);
}

static void clear_field(struct ui *ui, struct form *f)
{
	const struct fdef *d = def(f);
	size_t len = strlen(f->input);

	f->dirty = true;
	switch (d->kind) {
	case FK_CHOICE:
		AT(f, d, char)[0] = '\0';
		drop_hidden(f);
		break;
	case FK_MULTI:
		AT(f, d, struct codeset)->n = 0;
		break;
	case FK_TEXT: {
		char *s = AT(f, d, char);
		size_t n = strlen(s);
		while (n > 0 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
			n--;
		if (n > 0)
			s[n - 1] = '\0';
		if (is_place(f, d))
			place_typed(ui, f);
		break;
	}
	case FK_DURATION:
	case FK_NUMBER:
	case FK_DATE:
	case FK_TIME:
		f->typing = true; /* editing the value shown, not replacing it */
		if (len > 0)
			f->input[len - 1] = '\0';
		if (d->kind == FK_DURATION && !f->input[0])
			f->d.duration_set = false;
		break;
	case FK_PERSON:
		person_panel_erase(&f->pp, ui);
		sync_person(f);
		break;
	case FK_PARTICIPANTS:
		form_participants_erase(&f->parts, ui);
		parts_done(f, true);
		break;
	case FK_TALLY:
		form_tally_lower(&f->tally, AT(f, d, struct tally));
		break;
	case FK_FLAG:
		*AT(f, d, bool) = d->inverted;
		break;
	}
}

/* The first character typed in a field replaces the value it showed. */
static void append_input(struct form *f, int c)
{
	size_t len;

	if (!f->typing) {
		f->input[0] = '\0';
		f->typing = true;
	}
	len = strlen(f->input);
	if (len + 1 < sizeof f->input) {
		f->input[len] = (char)c;
		f->input[len + 1] = '\0';
		f->dirty = true;
	}
}

/* A typed character for the focused field; false when the field has no use
 * for it (the key map then gets it). */
static bool field_char(struct ui *ui, struct form *f, int c)
{
	const struct fdef *d = def(f);

	switch (d->kind) {
	case FK_CHOICE:
	case FK_MULTI: {
		int entry = choices_by_key(&f->ch, c);
		if (entry < 0)
			return false;
		pick(ui, f, entry, true);
		return true;
	}
	case FK_DURATION:
		/* A letter is a quick pick, unless digits are being typed: "1h30". */
		if (c >= 'a' && c < 'a' + NELEM(quick_minutes) + f->nhabits &&
		    !(c == 'h' && f->typing)) {
			int i = c - 'a';
			*AT(f, d, int) = i < NELEM(quick_minutes) ? quick_minutes[i]
			                                          : f->habits[i - NELEM(quick_minutes)];
			f->d.duration_set = true;
			f->dirty = true;
			snprintf(f->input, sizeof f->input, "%d", *AT(f, d, int));
			move_field(ui, f, 1);
			return true;
		}
		if ((c >= '0' && c <= '9') || (c == 'h' && f->typing)) {
			append_input(f, c);
			return true;
		}
		return false;
	case FK_FLAG:
		if (c == 'o' || c == 'n') {
			*AT(f, d, bool) = (c == 'o') != d->inverted;
			f->dirty = true;
			move_field(ui, f, 1);
			return true;
		}
		return false;
	case FK_DATE:
		/* 2026-11-30, 30/11, hier, avant-hier, aujourd'hui. */
		if ((c >= '0' && c <= '9') || c == '-' || c == '/' || c == '\'' ||
		    (c >= 'a' && c <= 'z')) {
			append_input(f, c);
			return true;
		}
		return false;
	case FK_TIME:
		if ((c >= '0' && c <= '9') || c == ':' || c == 'h') {
			append_input(f, c);
			return true;
		}
		return false;
	case FK_PERSON:
		if (!person_panel_char(&f->pp, ui, c))
			return false;
		sync_person(f);
		return true;
	case FK_NUMBER:
		if (c >= '0' && c <= '9') {
			append_input(f, c);
			return true;
		}
		return false;
	case FK_PARTICIPANTS:
		return parts_done(f, form_participants_char(&f->parts, ui, c));
	case FK_TALLY:
		if (!form_tally_key(&f->tally, ui, AT(f, d, struct tally), f->d.w.anonymous,
		                    tally_label(d), c))
			return false;
		f->dirty = true;
		return true;
	case FK_TEXT: {
		char *s = AT(f, d, char), mb[8];
		size_t len = strlen(s);
		int n = wctomb(mb, (wchar_t)c);
		if (n <= 0)
			return true;
		if (utf8_length(s) >= d->max_chars || len + (size_t)n >= d->size) {
			ui_status(ui, true, "%s : %zu caractères au plus", d->label, d->max_chars);
			return true;
		}
		memcpy(s + len, mb, (size_t)n);
		s[len + (size_t)n] = '\0';
		f->dirty = true;
		if (is_place(f, d))
			place_typed(ui, f);
		return true;
	}
	}
	return false;
}

/* ------------------------------------------------------------ save */

static bool is_empty(struct form *f, const struct fdef *d)
{
	switch (d->kind) {
	case FK_MULTI:
		return AT(f, d, struct codeset)->n == 0;
	case FK_DURATION:
		return !f->d.duration_set;
	case FK_NUMBER:
		return *AT(f, d, int) < 0;
	case FK_PARTICIPANTS:
		return f->d.w.nparticipants == 0;
	case FK_TALLY:
		return AT(f, d, struct tally)->n == 0;
	case FK_FLAG:
		return false;
	default:
		return AT(f, d, char)[0] == '\0';
	}
}

static void focus_model_field(struct ui *ui, struct form *f, int field)
{
	if (f->is_visit && field == VF_REFERRAL_PLACE)
		field = VF_REFERRED_PLACE; /* the directory's place is picked there */
	for (int i = 0; i < f->ndefs; i++)
		if (f->defs[i].field == field)
			focus(ui, f, i);
}

static void store_form(struct ui *ui, struct form *f, bool again);
static void gone_elsewhere(struct ui *ui, struct form *f);

/* The start time of the form's record: a visit's, a workshop's, a time's. */
static char *record_time(struct form *f)
{
	return f->kind == FORM_WORKSHOP   ? f->d.w.time
	       : f->kind == FORM_WORKTIME ? f->d.t.time
	                                  : f->d.v.time;
}

/* The form's duration field. */
static const struct fdef *duration_def(const struct form *f)
{
	for (int i = 0; i < f->ndefs; i++)
		if (f->defs[i].kind == FK_DURATION)
			return &f->defs[i];
	return NULL;
}

/* A new visit, workshop or time of today measured by the timer starts when
 * the timer started, unless a time was typed. */
static void timer_start_time(struct ui *ui, struct form *f)
{
	struct cn_date today;
	struct cn_err err;
	char day[DATE_LEN], hhmm[HHMM_LEN];
	int hour, minute;

	if (!f->drafted || f->editing || f->d.time_set || !ui->timer_start ||
	    clock_now(&today, &hour, &minute, &err) != CN_OK)
		return;
	date_format(&today, day);
	if (strcmp(day, draft_date(&f->d)) != 0)
		return;
	time_format(hour, minute, hhmm);
	time_minus(hhmm, (int)(((long long)time(NULL) - ui->timer_start) / 60), record_time(f));
}

static void save(struct ui *ui, struct form *f)
{
	if (!commit_input(ui, f))
		return;
	if (f->drafted && !f->d.duration_set && ui->timer_start && duration_def(f)) {
		const struct fdef *d = duration_def(f);
		int minutes = ui_timer_minutes(ui);
		*AT(f, d, int) = minutes > duration_max(d) ? duration_max(d) : minutes;
		f->d.duration_set = true;
		timer_start_time(ui, f);
	}
	for (int i = 0; i < f->ndefs; i++) {
		if (f->defs[i].required && is_empty(f, &f->defs[i])) {
			ui_status(ui, true, "Champ obligatoire : %s", f->defs[i].label);
			focus(ui, f, i);
			return;
		}
	}
	/* Said in the form's words rather than the command line's options. */
	if (f->kind == FORM_WORKSHOP && workshop_present(&f->d.w) == 0) {
		ui_status(ui, true, "Personne de présent : comptez les anonymes ou ajoutez un "
		                    "participant présent");
		focus_model_field(ui, f, WF_ANONYMOUS);
		return;
	}
	store_form(ui, f, false);
}

/* "le passage", "l'atelier", "le temps", "le profil": what the form holds. */
static const char *what(const struct form *f)
{
	switch (f->kind) {
	case FORM_VISIT:
		return "le passage";
	case FORM_WORKSHOP:
		return "l'atelier";
	case FORM_WORKTIME:
		return "le temps";
	default:
		return "le profil";
	}
}

static int conflict_answer(int code, bool is_char)
{
	if (is_char && (code == '\r' || code == '\n' || code == 'm' || code == 'M'))
		return 1;
	if (is_char && (code == 27 || code == 'a' || code == 'A'))
		return 2;
	return 0;
}

/* A workshop or a time changed elsewhere since the form opened it: the
 * mediator keeps one version; the other is put aside (r takes it back),
 * never lost without a word. */
static void conflict_other(struct ui *ui, struct form *f)
{
	struct draft other;
	struct cn_err err;
	int rc, answer;

	draft_init(&other, f->d.kind);
	if (f->kind == FORM_WORKSHOP)
		rc = workshop_get(ui->app->st, f->d.w.id, false, &other.w, &err);
	else
		rc = worktime_get(ui->app->st, f->d.t.id, false, &other.t, &err);
	if (rc != CN_OK) {
		gone_elsewhere(ui, f);
		return;
	}
	other.duration_set = other.time_set = true;
	answer = ui_ask(ui, f->kind == FORM_WORKSHOP ? "Atelier modifié ailleurs entre-temps. Garder"
	                                             : "Temps modifié ailleurs entre-temps. Garder",
	                "Entrée le vôtre · Échap l'autre", conflict_answer);
	if (answer == 1) {
		if (draft_put_aside(ui->drafts, &other, &err) != CN_OK) {
			ui_status(ui, true, "%s", err.msg);
			return;
		}
		if (f->kind == FORM_WORKSHOP)
			memcpy(f->d.w.updated, other.w.updated, TS_LEN);
		else
			memcpy(f->d.t.updated, other.t.updated, TS_LEN);
		store_form(ui, f, false);
		if (!ui->status_error)
			ui_status(ui, false, "Votre version est enregistrée ; l'autre est mise de côté (r "
			                     "la reprend)");
	} else if (answer == 2) {
		if (draft_put_aside(ui->drafts, &f->d, &err) != CN_OK) {
			ui_status(ui, true, "%s", err.msg);
			return;
		}
		draft_clear(ui->drafts, &err);
		memcpy(ui->focus_id, draft_id(&f->d), ID_LEN);
		ui_pop(ui);
		ui_status(ui, false, "L'autre version est gardée ; la vôtre est mise de côté (r la "
		                     "reprend)");
	}
}

/* Writes the form's record. A base held by another program's long write
 * (an import, a merge) keeps the form and its draft: the save is tried
 * again each second by form_tick, until it goes through. */
static void store_form(struct ui *ui, struct form *f, bool again)
{
	const struct lists *ls = lists_of(ui);
	struct store *st = ui->app->st;
	struct cn_err err;
	int rc;

	struct person fresh, *newp = NULL;

	/* A person made on this form is written with the visit, in its transaction. */
	if (f->is_visit && f->d.person_new && f->d.v.person[0]) {
		person_init(&fresh);
		newp = &fresh;
	}
	switch (f->kind) {
	case FORM_PROFILE:
		rc = person_update(st, ls, &f->person, &err);
		break;
	case FORM_WORKSHOP:
		/* Persons made on this form are written with it, in its transaction. */
		rc = f->editing
		             ? workshop_update_with(st, ls, &f->d.w, f->d.new_codes, f->d.nnew, &err)
		             : workshop_create_with(st, ls, &f->d.w, f->d.new_codes, f->d.nnew, &err);
		break;
	case FORM_WORKTIME:
		rc = f->editing ? worktime_update(st, ls, &f->d.t, &err)
		                : worktime_create(st, ls, &f->d.t, &err);
		break;
	default:
		rc = f->editing ? visit_update_with(st, ls, &f->d.v, newp, &err)
		                : visit_create_with(st, ls, &f->d.v, newp, &err);
		break;
	}
	if (rc == CN_OK && newp)
		f->d.person_new = false;
	if (rc == CN_EBUSY) {
		f->pending = true;
		if (!again)
			ui_status(ui, false, "Base occupée par un autre programme (import ou fusion en "
			                     "cours…) : %s sera enregistré dès qu'elle sera libre, rien "
			                     "n'est perdu",
			          what(f));
		return;
	}
	f->pending = false;
	if (rc == CN_ECONFLICT) {
		if (f->is_visit)
			view_conflict_open(ui, &f->d.v);
		else
			conflict_other(ui, f);
		return;
	}
	if (rc != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		if (err.field >= 0)
			focus_model_field(ui, f, err.field);
		return;
	}
	if (!f->drafted) {
		ui_status(ui, false, "Profil de l'usager %s enregistré", f->person.code);
	} else {
		char minutes[32];
		draft_clear(ui->drafts, &err);
		if (!f->editing)
			ui->timer_start = 0; /* the timer measured this new record */
		memcpy(ui->focus_id, draft_id(&f->d), ID_LEN);
		if (f->kind == FORM_WORKSHOP) {
			int n = workshop_present(&f->d.w);
			duration_format(f->d.w.duration, minutes, sizeof minutes);
			ui_status(ui, false, "Atelier %s : %s, %s, %s, %d présent%s",
			          f->editing ? "modifié" : "enregistré", f->d.w.time,
			          lists_label(ls, L_THEME_ATELIER, f->d.w.themes.v[0]), minutes, n,
			          n > 1 ? "s" : "");
		} else if (f->kind == FORM_WORKTIME) {
			duration_format(f->d.t.duration, minutes, sizeof minutes);
			ui_status(ui, false, "Temps %s : %s, %s, %s", f->editing ? "modifié" : "enregistré",
			          f->d.t.time, lists_label(ls, L_TEMPS, f->d.t.kind), minutes);
		} else {
			duration_format(f->d.v.duration, minutes, sizeof minutes);
			ui_status(ui, false, "Passage %s : %s, %s, %s",
			          f->editing ? "modifié" : "enregistré", f->d.v.time,
			          lists_label(ls, L_DEMANDE, f->d.v.demands.v[0]), minutes);
		}
	}
	ui_pop(ui);
}

static void cancel(struct ui *ui, struct form *f)
{
	static const char *const questions[] = {
		[FORM_VISIT] = "Abandonner ce passage ?",
		[FORM_WORKSHOP] = "Abandonner cet atelier ?",
		[FORM_WORKTIME] = "Abandonner ce temps ?",
		[FORM_PROFILE] = "Abandonner les changements du profil ?",
	};
	struct cn_err err;
	bool kept;

	if (f->ch.filtering) {
		choices_filter_stop(&f->ch);
		return;
	}
	if (f->dirty && !ui_confirm(ui, f->drafted && f->editing ? "Abandonner les modifications ?"
	                                                         : questions[f->kind]))
		return;
	/* Abandoned, not lost: r on the day's list brings it back, on this field. */
	f->d.field = f->field;
	if (f->drafted && f->dirty && draft_put_aside(ui->drafts, &f->d, &err) != CN_OK)
		ui_status(ui, true, "%s", err.msg);
	if (f->drafted)
		draft_clear(ui->drafts, &err);
	kept = f->dirty && f->drafted && !ui->status_error;
	ui_pop(ui); /* frees f */
	if (!ui->status_error)
		ui_status(ui, false, kept ? "Saisie abandonnée (r la reprend)" : "Saisie abandonnée");
}

/* ------------------------------------------------------------ drawing */

static void value_text(struct ui *ui, struct form *f, const struct fdef *d, int width,
                       char *out, size_t size)
{
	const struct lists *ls = lists_of(ui);
	bool focused = d == def(f);

	out[0] = '\0';
	switch (d->kind) {
	case FK_CHOICE: {
		const char *code = AT(f, d, char);
		if (code[0])
			ui_fit_label(lists_label(ls, d->list, code), width, out, size);
		else
			snprintf(out, size, "—");
		break;
	}
	case FK_MULTI: {
		/* One value a line: draw_fields shows the others below. */
		const struct codeset *set = AT(f, d, struct codeset);
		if (set->n == 0)
			snprintf(out, size, "—");
		else
			ui_fit_label(lists_label(ls, d->list, set->v[0]), width, out, size);
		break;
	}
	case FK_DURATION:
		if (focused && f->typing)
			snprintf(out, size, "%s_", f->input);
		else if (f->d.duration_set)
			duration_format(*AT(f, d, int), out, size);
		else if (ui->timer_start && f->drafted)
			snprintf(out, size, "chrono (%d min)", ui_timer_minutes(ui));
		else
			snprintf(out, size, "—");
		break;
	case FK_FLAG:
		snprintf(out, size, "%s", *AT(f, d, bool) != d->inverted ? "oui" : "non");
		break;
	case FK_PERSON:
		snprintf(out, size, "%s", focused ? f->pp.input : AT(f, d, char));
		if (!out[0])
			snprintf(out, size, "—");
		break;
	case FK_NUMBER:
		if (focused && f->typing)
			snprintf(out, size, "%s_", f->input);
		else if (*AT(f, d, int) < 0)
			snprintf(out, size, "— (non connu)");
		else
			snprintf(out, size, "%d", *AT(f, d, int));
		break;
	case FK_PARTICIPANTS:
		form_participants_text(&f->d.w, out, size);
		break;
	case FK_TALLY:
		form_tally_text(&ls->l[d->list], AT(f, d, struct tally), out, size);
		break;
	case FK_DATE:
	case FK_TIME:
		snprintf(out, size, "%s", focused ? f->input : AT(f, d, char));
		if (!out[0])
			snprintf(out, size, "—");
		break;
	case FK_TEXT:
		snprintf(out, size, "%s", AT(f, d, char)[0] ? AT(f, d, char) : "—");
		break;
	}
}

static void draw_choices(struct form *f, int x, int w)
{
	const struct fdef *d = def(f);
	const struct choices *c = &f->ch;
	int rows = LINES - 8;

	if (c->filtering) {
		char line[80];
		snprintf(line, sizeof line, "Filtre : %s_", c->filter);
		ui_put(3, x, line, w, false, A_BOLD);
	} else {
		ui_put(3, x, d->kind == FK_MULTI ? "Touche : coche et passe · / filtre"
		                                 : "Touche : choisit et passe · / filtre",
		       w, false, A_DIM);
	}
	if (c->nent == 0) {
		char msg[128];
		snprintf(msg, sizeof msg, "Liste vide : à définir dans [%s] de carnet.ini",
		         list_section(d->list));
		ui_put(5, x, msg, w, false, 0);
		return;
	}
	if (c->hl < f->top)
		f->top = c->hl;
	if (c->hl >= f->top + rows)
		f->top = c->hl - rows + 1;
	for (int i = 0; i < rows && f->top + i < c->nshown; i++) {
		int k = c->shown[f->top + i];
		const struct list_entry *e = choices_entry(c, k);
		bool on = holds(f, d, e->code);
		char line[300];
		snprintf(line, sizeof line, "%s %c  %s%s",
		         d->kind == FK_MULTI ? (on ? "[x]" : "[ ]") : (on ? "(•)" : "( )"),
		         c->key[k] ? c->key[k] : ' ', e->label, e->retired ? " (retiré)" : "");
		ui_put(5 + i, x, line, w, true, f->top + i == c->hl ? A_REVERSE : 0);
	}
	ui_more(4, x + w - 14, f->top, false);
	ui_more(5 + rows, x + w - 14, c->nshown - f->top - rows, true);
}

static void draw_panel(struct ui *ui, struct form *f, int x, int w)
{
	const struct fdef *d = def(f);
	char line[300];

	ui_put(2, x, d->kind == FK_TALLY ? tally_label(d) : d->label, w, false, A_BOLD);
	switch (d->kind) {
	case FK_CHOICE:
	case FK_MULTI:
		draw_choices(f, x, w);
		break;
	case FK_DURATION:
		ui_put(3, x, "Une touche choisit, ou tapez des minutes (45, 1h30)", w, false, A_DIM);
		for (int i = 0; i < NELEM(quick_minutes) + f->nhabits; i++) {
			int m = i < NELEM(quick_minutes) ? quick_minutes[i]
			                                 : f->habits[i - NELEM(quick_minutes)];
			char text[24];
			duration_format(m, text, sizeof text);
			snprintf(line, sizeof line, "%c  %s%s", 'a' + i, text,
			         i == NELEM(quick_minutes) ? "  · habitude du poste" : "");
			ui_put(5 + i, x, line, w, false,
			       f->d.duration_set && *AT(f, d, int) == m ? A_BOLD : 0);
		}
		snprintf(line, sizeof line, "Saisie : %s_", f->input);
		ui_put(6 + NELEM(quick_minutes) + f->nhabits, x, line, w, false, 0);
		if (ui->timer_start)
			snprintf(line, sizeof line, "Chrono : %d min, il remplira la durée",
			         ui_timer_minutes(ui));
		else
			snprintf(line, sizeof line, "F5 : chronomètre (remplit la durée)");
		ui_put(8 + NELEM(quick_minutes) + f->nhabits, x, line, w, false, A_DIM);
		break;
	case FK_NUMBER:
		ui_put(3, x, d->inverted ? "Tapez un nombre (vide : on ne le sait pas)"
		                         : "Tapez un nombre",
		       w, false, A_DIM);
		snprintf(line, sizeof line, "Saisie : %s_", f->input);
		ui_put(5, x, line, w, false, A_BOLD);
		break;
	case FK_PARTICIPANTS:
		form_participants_draw(&f->parts, ui, x, w);
		break;
	case FK_TALLY:
		form_tally_draw(&f->tally, AT(f, d, struct tally), f->d.w.anonymous, x, w);
		break;
	case FK_FLAG:
		ui_put(5, x, "o  oui", w, false, *AT(f, d, bool) != d->inverted ? A_BOLD : 0);
		ui_put(6, x, "n  non", w, false, *AT(f, d, bool) != d->inverted ? 0 : A_BOLD);
		break;
	case FK_DATE:
	case FK_TIME:
		ui_put(3, x, d->kind == FK_DATE ? "30/11, 30/11/2026, 2026-11-30, hier, avant-hier"
		                                : "HH:MM (ou 14h30)",
		       w, false, A_DIM);
		snprintf(line, sizeof line, "%s_", f->input);
		ui_put(5, x, line, w, false, A_BOLD);
		break;
	case FK_TEXT: {
		const char *s = AT(f, d, char);
		int y = 5;
		snprintf(line, sizeof line, "%zu / %zu caractères", utf8_length(s), d->max_chars);
		ui_put(3, x, line, w, false, A_DIM);
		/* Wrap the text over the panel, between words when it can. */
		for (size_t off = 0; y < LINES - 6; y++) {
			size_t n = text_fit(s + off, w - 1, NULL), cut = n;
			char chunk[NOTE_BYTES];
			if (n == 0 && s[off])
				break;
			if (s[off + n]) {
				while (cut > 0 && s[off + cut] != ' ')
					cut--;
				if (cut == 0)
					cut = n;
			}
			snprintf(chunk, sizeof chunk, "%.*s", (int)cut, s + off);
			ui_put(y, x, chunk, w, false, 0);
			off += cut;
			while (s[off] == ' ' && s[off + 1])
				off++;
			if (!s[off]) {
				addstr("_");
				break;
			}
		}
		if (!s[0])
			ui_put(5, x, "_", 1, false, 0);
		if (is_place(f, d))
			place_picker_draw(&f->pk, lists_of(ui), y + 2, x, w);
		if (d->size == NOTE_BYTES) {
			/* On two lines when the panel is narrow, never cut. */
			static const char reminder[] = "Rappel : ni nom, ni donnée de santé ou d'identité.";
			if (utf8_width(reminder) <= w) {
				ui_put(LINES - 5, x, reminder, w, false, ui_attr_error(ui));
			} else {
				ui_put(LINES - 6, x, "Rappel : ni nom, ni donnée de santé", w, false,
				       ui_attr_error(ui));
				ui_put(LINES - 5, x, "ou d'identité.", w, false, ui_attr_error(ui));
			}
		}
		break;
	}
	case FK_PERSON:
		person_panel_draw(&f->pp, lists_of(ui), x, w);
		break;
	}
}

/* Underlines, in a label drawn at (y, x), the first letter that folds to
 * key: the field's jump letter. */
static void underline_letter(int y, int x, const char *label, char key, attr_t a)
{
	const char *p = label;
	int col = 0;

	while (key && *p) {
		size_t n = 1;
		char one[8], folded[8];
		while (((unsigned char)p[n] & 0xc0) == 0x80)
			n++;
		snprintf(one, sizeof one, "%.*s", (int)n, p);
		text_fold(one, folded, sizeof folded);
		if (folded[0] == key) {
			ui_put(y, x + col, one, 1, false, a | A_UNDERLINE);
			return;
		}
		col += utf8_width(one);
		p += n;
	}
}

/* Lines a field takes in the left column: one, or one per value of a
 * multi-valued field, so that every chosen value shows. */
static int field_lines(struct form *f, const struct fdef *d)
{
	if (!visible(f, (int)(d - f->defs)))
		return 0;
	if (d->kind == FK_MULTI && AT(f, d, struct codeset)->n > 1)
		return AT(f, d, struct codeset)->n;
	return 1;
}

static void draw_fields(struct ui *ui, struct form *f, int label_w, int value_w)
{
	const struct lists *ls = lists_of(ui);
	int first = 2, last = LINES - 4, above = 0, below = 0, y, start = 0, need = 0;
	char value[512];

	/* The first field shown: the focused one and its lines must fit. */
	for (int i = 0; i <= f->field; i++)
		need += field_lines(f, &f->defs[i]);
	while (need > last - first + 1 && start < f->field)
		need -= field_lines(f, &f->defs[start++]);
	for (int i = 0; i < start; i++)
		above += field_lines(f, &f->defs[i]);
	y = first;
	for (int i = start; i < f->ndefs; i++) {
		const struct fdef *d = &f->defs[i];
		int n = field_lines(f, d);
		char label[64];
		attr_t a = i == f->field ? A_REVERSE : 0;

		if (n == 0)
			continue;
		if (y + n - 1 > last) {
			for (; i < f->ndefs; i++)
				below += field_lines(f, &f->defs[i]);
			break;
		}
		snprintf(label, sizeof label, "%s%s", d->label, d->required ? " *" : "");
		ui_put(y, 0, i == f->field ? ">" : " ", 1, false, a);
		/* One blank column at least between a label and its value. */
		ui_put(y, 1, label, label_w - 1, true, a | (is_empty(f, d) && d->required ? A_BOLD : 0));
		ui_put(y, label_w, " ", 1, false, a);
		underline_letter(y, 1, d->label, f->jump[i], a);
		if (n == 1) {
			value_text(ui, f, d, value_w, value, sizeof value);
			ui_put(y, 1 + label_w, value, value_w, true, a);
		} else {
			const struct codeset *set = AT(f, d, struct codeset);
			for (int k = 0; k < n; k++) {
				if (k > 0) {
					ui_put(y + k, 0, " ", 1, false, a);
					ui_put(y + k, 1, "", label_w, true, a);
				}
				ui_fit_label(lists_label(ls, d->list, set->v[k]), value_w, value,
				             sizeof value);
				ui_put(y + k, 1 + label_w, value, value_w, true, a);
			}
		}
		y += n;
	}
	ui_more(first - 1, 1 + label_w + value_w - 14, above, false);
	ui_more(LINES - 3, 1 + label_w + value_w - 14, below, true);
}

static void form_draw(struct ui *ui, struct view *v)
{
	static const enum action hints[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_CANCEL, ACT_TOGGLE,
	                                    ACT_HELP};
	struct form *f = (struct form *)v;
	char title[160], day[64];
	/* The left column widens with the terminal, a third of the extra width. */
	int label_w = 19, value_w = 19 + (COLS - UI_MIN_COLS) / 3;
	int sep = 1 + label_w + value_w, panel_x = sep + 2, panel_w = COLS - panel_x - 1;

	if (!f->drafted) {
		snprintf(title, sizeof title, "Profil de l'usager %s", f->person.code);
	} else {
		static const char *const names[][2] = {
			[FORM_VISIT] = {"Nouveau passage", "Modifier le passage"},
			[FORM_WORKSHOP] = {"Nouvel atelier", "Modifier l'atelier"},
			[FORM_WORKTIME] = {"Nouveau temps hors accompagnement", "Modifier le temps"},
		};
		ui_long_date(draft_date(&f->d), day, sizeof day);
		snprintf(title, sizeof title, "%s · %s", names[f->kind][f->editing], day);
	}
	ui_title(ui, title);
	if (f->drafted)
		ui_put(LINES - 3, 1, "* obligatoire · Entrée enregistre dès qu'ils sont remplis",
		       COLS - 2, false, A_DIM);
	else
		ui_put(LINES - 3, 1, "Tout est facultatif · Entrée enregistre", COLS - 2, false, A_DIM);
	draw_fields(ui, f, label_w, value_w);
	for (int y = 2; y < LINES - 3; y++)
		mvaddstr(y, sep, "│");
	draw_panel(ui, f, panel_x, panel_w);
	ui_footer(ui, CTX_FORM, hints, NELEM(hints));
}

/* ------------------------------------------------------------ keys */

static void filter_key(struct ui *ui, struct form *f, int code, bool is_char, enum action act)
{
	if (act == ACT_SAVE || act == ACT_TOGGLE) {
		int entry = choices_current(&f->ch);
		if (entry >= 0) {
			f->ch.filtering = false;
			pick(ui, f, entry, true);
		}
	} else if (act == ACT_CANCEL) {
		cancel(ui, f);
	} else if (act == ACT_CHOICE_UP) {
		choices_move(&f->ch, -1);
	} else if (act == ACT_CHOICE_DOWN) {
		choices_move(&f->ch, 1);
	} else if (act == ACT_CLEAR) {
		choices_filter_erase(&f->ch);
	} else if (is_char && code >= ' ') {
		char mb[8];
		int n = wctomb(mb, (wchar_t)code);
		if (n > 0) {
			mb[n] = '\0';
			choices_filter_type(&f->ch, mb);
		}
	}
}

static void toggle(struct ui *ui, struct form *f)
{
	const struct fdef *d = def(f);

	switch (d->kind) {
	case FK_CHOICE:
	case FK_MULTI:
		if (choices_current(&f->ch) >= 0)
			pick(ui, f, choices_current(&f->ch), d->kind == FK_CHOICE);
		break;
	case FK_FLAG:
		*AT(f, d, bool) = !*AT(f, d, bool);
		f->dirty = true;
		break;
	case FK_PERSON:
		person_panel_pick(&f->pp, ui);
		sync_person(f);
		break;
	case FK_PARTICIPANTS:
		form_participants_toggle(&f->parts, ui);
		parts_done(f, true);
		break;
	case FK_TALLY:
		f->dirty |= form_tally_raise(&f->tally, ui, AT(f, d, struct tally), f->d.w.anonymous,
		                             tally_label(d));
		break;
	default:
		break;
	}
}

static void choice_move(struct form *f, int delta)
{
	if (is_place(f, def(f)))
		place_picker_move(&f->pk, delta);
	else if (def(f)->kind == FK_PERSON)
		person_panel_move(&f->pp, delta);
	else if (def(f)->kind == FK_PARTICIPANTS)
		form_participants_move(&f->parts, delta);
	else if (def(f)->kind == FK_TALLY)
		form_tally_move(&f->tally, delta);
	else
		choices_move(&f->ch, delta);
}

static void form_key(struct ui *ui, struct view *v, int code, bool is_char, enum action act)
{
	struct form *f = (struct form *)v;
	struct cn_err err;

	if (ui->alt || f->jumping) {
		/* Alt + a field's letter, or the jump key then the letter. */
		f->jumping = false;
		for (int i = 0; is_char && i < f->ndefs; i++)
			if (f->jump[i] && f->jump[i] == code && visible(f, i)) {
				if (f->ch.filtering)
					choices_filter_stop(&f->ch);
				if (commit_input(ui, f))
					focus(ui, f, i);
				return;
			}
		if (ui->alt || act != ACT_CANCEL)
			ui_status(ui, true, "Aucun champ n'a cette lettre : les lettres soulignées");
		return;
	}
	if (act == ACT_JUMP) {
		f->jumping = true;
		ui_status(ui, false, "Aller au champ : tapez sa lettre soulignée");
		return;
	}
	if (f->ch.filtering) {
		filter_key(ui, f, code, is_char, act);
	} else if (is_char && code >= ' ' && code != 127 && field_char(ui, f, code)) {
		/* the field took it */
	} else {
		switch (act) {
		case ACT_SAVE:
			/* A place highlighted in the directory: Enter picks it. */
			if (is_place(f, def(f)) && place_picker_current(&f->pk)) {
				place_pick(ui, f);
				break;
			}
			save(ui, f);
			return; /* the form may be closed */
		case ACT_CANCEL:
			cancel(ui, f);
			return;
		case ACT_NEXT_FIELD:
			move_field(ui, f, 1);
			break;
		case ACT_PREV_FIELD:
			move_field(ui, f, -1);
			break;
		case ACT_CHOICE_UP:
			choice_move(f, -1);
			break;
		case ACT_CHOICE_DOWN:
			choice_move(f, 1);
			break;
		case ACT_TOGGLE:
			toggle(ui, f);
			break;
		case ACT_FILTER:
			if (def(f)->kind == FK_CHOICE || def(f)->kind == FK_MULTI)
				choices_filter_start(&f->ch);
			break;
		case ACT_CLEAR:
			clear_field(ui, f);
			break;
		case ACT_TIMER:
			ui_timer_toggle(ui);
			f->d.timer_start = ui->timer_start;
			timer_start_time(ui, f);
			f->dirty = true;
			break;
		case ACT_PROFILE:
			if (def(f)->kind == FK_PARTICIPANTS && form_participants_current(&f->parts) &&
			    form_participants_is_new(&f->parts, form_participants_current(&f->parts)))
				ui_status(ui, true, "Nouvel usager : son profil s'ouvre une fois l'atelier "
				                    "enregistré");
			else if (def(f)->kind == FK_PARTICIPANTS && form_participants_current(&f->parts))
				view_form_profile(ui, form_participants_current(&f->parts));
			else if (f->kind == FORM_WORKSHOP)
				ui_status(ui, true, "Profil : placez-vous sur un participant du champ "
				                    "Participants");
			else if (f->is_visit && f->d.person_new)
				ui_status(ui, true, "Nouvel usager : son profil s'ouvre une fois le passage "
				                    "enregistré");
			else if (f->is_visit && f->d.v.person[0])
				view_form_profile(ui, f->d.v.person);
			else
				ui_status(ui, true, "Aucun usager rattaché : choisissez d'abord un code");
			return;
		case ACT_HELP:
			view_help_open(ui, CTX_FORM);
			return;
		case ACT_REFERRAL_WENT:
		case ACT_REFERRAL_NOT_WENT:
		case ACT_REFERRAL_UNKNOWN:
			/* Its own transaction: the form's record does not change. */
			if (f->is_visit && def(f)->kind == FK_PERSON)
				person_panel_answer(&f->pp, ui,
				                    act == ACT_REFERRAL_WENT       ? "oui"
				                    : act == ACT_REFERRAL_NOT_WENT ? "non"
				                                                   : "nsp");
			else
				ui_status(ui, true, "Suite d'une orientation : dans le champ Usager d'un "
				                    "passage, sur un usager qui revient");
			return;
		default:
			return;
		}
	}
	if (f->drafted && f->dirty) {
		f->d.field = f->field;
		if (draft_save(ui->drafts, &f->d, &err) != CN_OK)
			ui_status(ui, true, "Brouillon non enregistré : %s", err.msg);
	}
}

static void form_resume(struct ui *ui, struct view *v)
{
	struct form *f = (struct form *)v;

	if (def(f)->kind == FK_PERSON)
		person_panel_reload(&f->pp, ui);
	else if (def(f)->kind == FK_PARTICIPANTS)
		form_participants_reload(&f->parts, ui);
}

static void form_tick(struct ui *ui, struct view *v, bool changed)
{
	struct form *f = (struct form *)v;
	struct draft now;
	struct cn_err err;
	int rc = CN_OK;

	if (f->pending)
		store_form(ui, f, true);
	/* The record being edited deleted elsewhere: said at once; saving it is
	 * then an explicit new one, never a silent return of the old one. */
	if (!changed || !f->drafted || !f->editing)
		return;
	if (f->kind == FORM_VISIT)
		rc = visit_get(ui->app->st, f->d.v.id, false, &now.v, &err);
	else if (f->kind == FORM_WORKSHOP)
		rc = workshop_get(ui->app->st, f->d.w.id, false, &now.w, &err);
	else
		rc = worktime_get(ui->app->st, f->d.t.id, false, &now.t, &err);
	if (rc == CN_ENOTFOUND)
		gone_elsewhere(ui, f);
}

static void form_close(struct ui *ui, struct view *v)
{
	(void)ui;
	free(v);
}

static const struct view_ops form_ops = {
	.ctx = CTX_FORM,
	.alt_keys = true,
	.draw = form_draw,
	.key = form_key,
	.resume = form_resume,
	.tick = form_tick,
	.close = form_close,
};

/* A visit form replaces the draft file's current draft: one still waiting
 * there (postponed at start-up) is first put aside, never overwritten. */
static void keep_waiting_draft(struct ui *ui)
{
	struct draft waiting;
	struct cn_err err;
	bool found;

	if (draft_load(ui->drafts, &waiting, &found, &err) == CN_OK && found &&
	    draft_put_aside(ui->drafts, &waiting, &err) == CN_OK)
		draft_clear(ui->drafts, &err);
}

static void gone_elsewhere(struct ui *ui, struct form *f)
{
	f->editing = false;
	f->d.v.id[0] = f->d.v.updated[0] = '\0';
	f->d.w.id[0] = f->d.w.updated[0] = '\0';
	f->d.t.id[0] = f->d.t.updated[0] = '\0';
	f->dirty = true;
	if (f->kind == FORM_WORKSHOP)
		ui_status(ui, true, "Cet atelier a été supprimé ailleurs : Entrée l'enregistrera comme "
		                    "un nouvel atelier, Échap l'abandonne");
	else if (f->kind == FORM_WORKTIME)
		ui_status(ui, true, "Ce temps a été supprimé ailleurs : Entrée l'enregistrera comme un "
		                    "nouveau temps, Échap l'abandonne");
	else
		ui_status(ui, true, "Ce passage a été supprimé ailleurs : Entrée l'enregistrera comme "
		                    "un nouveau passage, Échap l'abandonne");
}

/* The durations this desk records often, as extra quick picks. */
static void load_habits(struct ui *ui, struct form *f)
{
	struct cn_date d;
	struct cn_err err;
	char since[DATE_LEN];

	f->nhabits = 0;
	if (clock_now(&d, NULL, NULL, &err) != CN_OK)
		return;
	date_add_days(&d, -HABIT_DAYS);
	date_format(&d, since);
	f->nhabits = visit_habit_durations(ui->app->st, ui->app->cfg.site, since, quick_minutes,
	                                   NELEM(quick_minutes), f->habits, HABITS_MAX, &err);
	if (f->nhabits < 0)
		f->nhabits = 0;
}

/* A field given its jump letter after the others: added later, it never
 * takes the letter an older field had ("Comment" would take Médiateur's m). */
static bool late_key(const struct fdef *defs, int i)
{
	return defs == visit_fields && defs[i].field == VF_REFERRAL_HOW;
}

static struct form *new_form(enum form_kind kind)
{
	struct form *f = calloc(1, sizeof *f);
	const char *labels[FIELDS_MAX];
	char keys[FIELDS_MAX];
	int order[FIELDS_MAX], n = 0;

	if (!f)
		return NULL;
	f->base.ops = &form_ops;
	f->kind = kind;
	f->is_visit = kind == FORM_VISIT;
	f->drafted = kind != FORM_PROFILE;
	switch (kind) {
	case FORM_VISIT:
		f->defs = visit_fields;
		f->ndefs = NELEM(visit_fields);
		break;
	case FORM_WORKSHOP:
		f->defs = workshop_fields;
		f->ndefs = NELEM(workshop_fields);
		break;
	case FORM_WORKTIME:
		f->defs = worktime_fields;
		f->ndefs = NELEM(worktime_fields);
		break;
	default:
		f->defs = person_fields;
		f->ndefs = NELEM(person_fields);
		break;
	}
	if (f->drafted)
		draft_init(&f->d, kind == FORM_WORKSHOP   ? DRAFT_WORKSHOP
		                  : kind == FORM_WORKTIME ? DRAFT_WORKTIME
		                                          : DRAFT_VISIT);
	/* The late fields last, so that the older fields keep their letters. */
	for (int late = 0; late < 2; late++)
		for (int i = 0; i < f->ndefs; i++)
			if (late_key(f->defs, i) == (late == 1)) {
				order[n] = i;
				labels[n++] = f->defs[i].label;
			}
	/* Letters of the labels only: digits would not be seen. */
	hotkeys_assign(NULL, labels, f->ndefs, "123456789", keys);
	for (int i = 0; i < f->ndefs; i++)
		f->jump[order[i]] = keys[i];
	return f;
}

/* Opens a drafted form: a record being edited, or a new one. */
static void open_form(struct ui *ui, struct form *f, bool editing)
{
	keep_waiting_draft(ui);
	load_habits(ui, f);
	f->editing = editing;
	if (editing)
		f->d.duration_set = f->d.time_set = true;
	ui_push(ui, &f->base);
	focus(ui, f, 0);
}

void view_form_visit(struct ui *ui, const struct visit *edit)
{
	struct form *f = new_form(FORM_VISIT);

	if (!f)
		return;
	f->d.v = *edit;
	f->prev = *edit;
	open_form(ui, f, true);
}

void view_form_new(struct ui *ui, const char *date, const char *time_of_day)
{
	struct form *f = new_form(FORM_VISIT);
	struct visit *v;

	if (!f)
		return;
	v = &f->d.v;
	text_copy(v->date, sizeof v->date, date);
	text_copy(v->time, sizeof v->time, time_of_day);
	text_copy(v->site, sizeof v->site, ui->app->cfg.site);
	text_copy(v->mediator, sizeof v->mediator, ui->app->cfg.mediator);
	/* The desk's canal ([desk] canal, a walk-in by default), never the
	 * last visit's: a phone call must not make the next walk-in one. */
	text_copy(v->canal, sizeof v->canal, ui->app->cfg.canal);
	f->d.timer_start = ui->timer_start;
	timer_start_time(ui, f);
	open_form(ui, f, false);
}

void view_form_workshop(struct ui *ui, const struct workshop *edit)
{
	struct form *f = new_form(FORM_WORKSHOP);

	if (!f)
		return;
	f->d.w = *edit;
	open_form(ui, f, true);
}

void view_form_new_workshop(struct ui *ui, const char *date, const char *time_of_day)
{
	struct form *f = new_form(FORM_WORKSHOP);
	struct workshop *w;

	if (!f)
		return;
	w = &f->d.w;
	text_copy(w->date, sizeof w->date, date);
	text_copy(w->time, sizeof w->time, time_of_day);
	text_copy(w->site, sizeof w->site, ui->app->cfg.site);
	if (ui->app->cfg.mediator[0])
		codeset_add(&w->mediators, ui->app->cfg.mediator);
	f->d.timer_start = ui->timer_start;
	timer_start_time(ui, f);
	open_form(ui, f, false);
}

void view_form_worktime(struct ui *ui, const struct worktime *edit)
{
	struct form *f = new_form(FORM_WORKTIME);

	if (!f)
		return;
	f->d.t = *edit;
	open_form(ui, f, true);
}

void view_form_new_worktime(struct ui *ui, const char *date, const char *time_of_day)
{
	struct form *f = new_form(FORM_WORKTIME);
	struct worktime *t;

	if (!f)
		return;
	t = &f->d.t;
	text_copy(t->date, sizeof t->date, date);
	text_copy(t->time, sizeof t->time, time_of_day);
	text_copy(t->site, sizeof t->site, ui->app->cfg.site);
	text_copy(t->mediator, sizeof t->mediator, ui->app->cfg.mediator);
	f->d.timer_start = ui->timer_start;
	timer_start_time(ui, f);
	open_form(ui, f, false);
}

void view_form_draft(struct ui *ui, const struct draft *d, bool waiting)
{
	struct form *f = new_form(d->kind == DRAFT_WORKSHOP   ? FORM_WORKSHOP
	                          : d->kind == DRAFT_WORKTIME ? FORM_WORKTIME
	                                                      : FORM_VISIT);
	struct draft now;
	struct cn_err err;
	bool gone = false;

	if (!f)
		return;
	if (!waiting)
		keep_waiting_draft(ui);
	load_habits(ui, f);
	f->d = *d;
	f->dirty = true;
	if (draft_id(d)[0]) {
		if (d->kind == DRAFT_WORKSHOP)
			f->editing = workshop_get(ui->app->st, d->w.id, false, &now.w, &err) == CN_OK;
		else if (d->kind == DRAFT_WORKTIME)
			f->editing = worktime_get(ui->app->st, d->t.id, false, &now.t, &err) == CN_OK;
		else
			f->editing = visit_get(ui->app->st, d->v.id, false, &f->prev, &err) == CN_OK;
		gone = !f->editing;
	}
	if (d->timer_start)
		ui->timer_start = d->timer_start;
	ui_push(ui, &f->base);
	focus(ui, f, d->field < f->ndefs ? d->field : 0);
	if (gone)
		gone_elsewhere(ui, f);
	else
		ui_status(ui, false, "Brouillon repris : complétez puis Entrée pour enregistrer");
}

void view_form_profile(struct ui *ui, const char *code)
{
	struct form *f = new_form(FORM_PROFILE);
	struct cn_err err;

	if (!f)
		return;
	if (person_get(ui->app->st, code, &f->person, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		free(f);
		return;
	}
	ui_push(ui, &f->base);
	focus(ui, f, 0);
}
