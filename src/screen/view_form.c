#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/screen/choices.h"
#include "carnet/screen/view_conflict.h"
#include "carnet/store/draft.h"
#include "carnet/screen/person_panel.h"
#include "carnet/store/person_store.h"
#include "carnet/model/text.h"
#include "carnet/screen/view_form.h"
#include "carnet/screen/view_help.h"
#include "carnet/model/clock.h"
#include "carnet/store/visit_store.h"

enum fkind { FK_CHOICE, FK_MULTI, FK_DURATION, FK_FLAG, FK_TEXT, FK_DATE, FK_TIME, FK_PERSON };

/* One field of a form: where its value lives in the record and how it is
 * answered. */
struct fdef {
	const char *label;
	enum fkind kind;
	int list;          /* enum list_id of CHOICE and MULTI fields */
	bool required;
	size_t off, size;  /* the value inside struct visit or struct person */
	int field;         /* enum visit_field or person_field, to place errors */
	bool numbered;     /* keys 1, 2, 3… for an ordered scale */
	bool inverted;     /* FLAG showing the opposite of the stored bool */
	size_t max_chars;  /* TEXT */
};

#define VF(m) offsetof(struct visit, m), sizeof(((struct visit *)0)->m)
#define PF(m) offsetof(struct person, m), sizeof(((struct person *)0)->m)

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
	{"Commune ou quartier", FK_CHOICE, L_QUARTIER, false, PF(area), PF_AREA, false, false, 0},
	{"Situation", FK_CHOICE, L_SITUATION, false, PF(situation), PF_SITUATION, false, false, 0},
	{"Équipement", FK_MULTI, L_EQUIPEMENT, false, PF(equipment), PF_EQUIPMENT, false, false, 0},
};

#define NELEM(a) ((int)(sizeof a / sizeof a[0]))

/* Quick picks of the duration field, on the keys a, b, c… */
static const int quick_minutes[] = {5, 10, 15, 20, 30, 45, 60, 90, 120};

struct form {
	struct view base;
	bool is_visit;
	const struct fdef *defs;
	int ndefs;
	struct draft d;                 /* visit forms: the record, saved as a draft */
	struct visit prev;              /* the stored version when editing */
	bool editing;
	struct person person;           /* the profile form's record */
	int field;                      /* focused field */
	bool dirty;
	bool pending;                   /* a save met a busy base: tried again each second */
	char input[64];                 /* what is typed in a duration, date, time, person */
	bool typing;                    /* input was typed since the field got the cursor */
	struct choices ch;              /* the values of the focused CHOICE or MULTI field */
	int top;                        /* first value shown when they do not all fit */
	struct person_panel pp;         /* the Usager field */
};

static void *record(struct form *f)
{
	return f->is_visit ? (void *)&f->d.v : (void *)&f->person;
}

static const struct fdef *def(struct form *f)
{
	return &f->defs[f->field];
}

#define AT(f, d, type) ((type *)((char *)record(f) + (d)->off))

static const struct lists *lists_of(struct ui *ui)
{
	return &ui->app->cfg.lists;
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

/* The person panel decides who is attached; the visit follows it. */
static void sync_person(struct form *f)
{
	if (strcmp(f->d.v.person, f->pp.code) != 0) {
		text_copy(f->d.v.person, sizeof f->d.v.person, f->pp.code);
		f->dirty = true;
	}
}

/* ------------------------------------------------------------ focus */

static void focus(struct ui *ui, struct form *f, int field)
{
	const struct fdef *d;

	f->field = (field + f->ndefs) % f->ndefs;
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
			snprintf(f->input, sizeof f->input, "%d", f->d.v.duration);
		break;
	case FK_DATE:
	case FK_TIME:
		text_copy(f->input, sizeof f->input, AT(f, d, char));
		break;
	case FK_PERSON:
		person_panel_open(&f->pp, ui, f->d.v.person);
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
		if (!duration_parse(f->input, &minutes)) {
			ui_status(ui, true, "Durée invalide « %s » : de 1 à 480 minutes (45, 1h30…)",
			          f->input);
			return false;
		}
		f->d.v.duration = minutes;
		f->d.duration_set = true;
		return true;
	case FK_DATE:
		if (!date_parse(f->input, &date)) {
			ui_status(ui, true, "Date invalide « %s » : AAAA-MM-JJ attendu", f->input);
			return false;
		}
		date_format(&date, AT(f, d, char));
		return true;
	case FK_TIME:
		if (!time_parse(f->input, hhmm)) {
			ui_status(ui, true, "Heure invalide « %s » : HH:MM attendu", f->input);
			return false;
		}
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
	if (commit_input(ui, f))
		focus(ui, f, f->field + delta);
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
		break;
	}
	case FK_DURATION:
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
		if (c >= 'a' && c < 'a' + NELEM(quick_minutes) && !(c == 'h' && f->typing)) {
			f->d.v.duration = quick_minutes[c - 'a'];
			f->d.duration_set = true;
			f->dirty = true;
			snprintf(f->input, sizeof f->input, "%d", f->d.v.duration);
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
	case FK_TIME:
		if ((c >= '0' && c <= '9') || c == '-' || c == ':' || c == 'h') {
			append_input(f, c);
			return true;
		}
		return false;
	case FK_PERSON:
		if (!person_panel_char(&f->pp, ui, c))
			return false;
		sync_person(f);
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
	case FK_FLAG:
		return false;
	default:
		return AT(f, d, char)[0] == '\0';
	}
}

static void focus_model_field(struct ui *ui, struct form *f, int field)
{
	for (int i = 0; i < f->ndefs; i++)
		if (f->defs[i].field == field)
			focus(ui, f, i);
}

static void store_form(struct ui *ui, struct form *f, bool again);

static void save(struct ui *ui, struct form *f)
{
	if (!commit_input(ui, f))
		return;
	if (f->is_visit && !f->d.duration_set && ui->timer_start) {
		int minutes = ui_timer_minutes(ui);
		f->d.v.duration = minutes > DURATION_MAX ? DURATION_MAX : minutes;
		f->d.duration_set = true;
	}
	for (int i = 0; i < f->ndefs; i++) {
		if (f->defs[i].required && is_empty(f, &f->defs[i])) {
			ui_status(ui, true, "Champ obligatoire : %s", f->defs[i].label);
			focus(ui, f, i);
			return;
		}
	}
	store_form(ui, f, false);
}

/* Writes the form's record. A base held by another program's long write
 * (an import, a merge) keeps the form and its draft: the save is tried
 * again each second by form_tick, until it goes through. */
static void store_form(struct ui *ui, struct form *f, bool again)
{
	struct cn_err err;
	int rc;

	if (!f->is_visit) {
		rc = person_update(ui->app->st, lists_of(ui), &f->person, &err);
	} else if (f->editing) {
		rc = visit_update(ui->app->st, lists_of(ui), &f->d.v, &err);
	} else {
		rc = visit_create(ui->app->st, lists_of(ui), &f->d.v, &err);
	}
	if (rc == CN_EBUSY) {
		f->pending = true;
		if (!again)
			ui_status(ui, false, "Base occupée par un autre programme (import ou fusion en "
			                     "cours…) : %s dès qu'elle sera libre, rien n'est perdu",
			          f->is_visit ? "le passage sera enregistré" : "le profil sera enregistré");
		return;
	}
	f->pending = false;
	if (rc == CN_ECONFLICT) {
		view_conflict_open(ui, &f->d.v);
		return;
	}
	if (rc != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		if (err.field >= 0)
			focus_model_field(ui, f, err.field);
		return;
	}
	if (!f->is_visit) {
		ui_status(ui, false, "Profil de l'usager %s enregistré", f->person.code);
	} else {
		char minutes[32];
		draft_clear(ui->drafts, &err);
		if (!f->editing)
			ui->timer_start = 0; /* the timer measured this new visit */
		memcpy(ui->focus_id, f->d.v.id, ID_LEN);
		duration_format(f->d.v.duration, minutes, sizeof minutes);
		ui_status(ui, false, "Passage %s : %s, %s, %s", f->editing ? "modifié" : "enregistré",
		          f->d.v.time, lists_label(lists_of(ui), L_DEMANDE, f->d.v.demands.v[0]),
		          minutes);
	}
	ui_pop(ui);
}

static void cancel(struct ui *ui, struct form *f)
{
	struct cn_err err;

	if (f->ch.filtering) {
		choices_filter_stop(&f->ch);
		return;
	}
	if (f->dirty && !ui_confirm(ui, f->is_visit ? "Abandonner ce passage ?"
	                                            : "Abandonner les changements du profil ?"))
		return;
	if (f->is_visit)
		draft_clear(ui->drafts, &err);
	ui_status(ui, false, "Saisie abandonnée");
	ui_pop(ui);
}

/* ------------------------------------------------------------ drawing */

static void value_text(struct ui *ui, struct form *f, const struct fdef *d, char *out,
                       size_t size)
{
	const struct lists *ls = lists_of(ui);
	bool focused = d == def(f);

	out[0] = '\0';
	switch (d->kind) {
	case FK_CHOICE: {
		const char *code = AT(f, d, char);
		snprintf(out, size, "%s", code[0] ? lists_label(ls, d->list, code) : "—");
		break;
	}
	case FK_MULTI: {
		const struct codeset *set = AT(f, d, struct codeset);
		size_t used = 0;
		for (int i = 0; i < set->n; i++) {
			int k = snprintf(out + used, size - used, "%s%s", i ? ", " : "",
			                 lists_label(ls, d->list, set->v[i]));
			if (k < 0 || (size_t)k >= size - used)
				break;
			used += (size_t)k;
		}
		if (set->n == 0)
			snprintf(out, size, "—");
		break;
	}
	case FK_DURATION:
		if (focused && f->typing)
			snprintf(out, size, "%s_", f->input);
		else if (f->d.duration_set)
			duration_format(f->d.v.duration, out, size);
		else if (ui->timer_start)
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
}

static void draw_panel(struct ui *ui, struct form *f, int x, int w)
{
	const struct fdef *d = def(f);
	char line[300];

	ui_put(2, x, d->label, w, false, A_BOLD);
	switch (d->kind) {
	case FK_CHOICE:
	case FK_MULTI:
		draw_choices(f, x, w);
		break;
	case FK_DURATION:
		ui_put(3, x, "Une touche choisit, ou tapez des minutes (45, 1h30)", w, false, A_DIM);
		for (int i = 0; i < NELEM(quick_minutes); i++) {
			char m[24];
			duration_format(quick_minutes[i], m, sizeof m);
			snprintf(line, sizeof line, "%c  %s", 'a' + i, m);
			ui_put(5 + i, x, line, w, false,
			       f->d.duration_set && f->d.v.duration == quick_minutes[i] ? A_BOLD : 0);
		}
		snprintf(line, sizeof line, "Saisie : %s_", f->input);
		ui_put(15, x, line, w, false, 0);
		if (ui->timer_start)
			snprintf(line, sizeof line, "Chronomètre : %d min, il remplira la durée",
			         ui_timer_minutes(ui));
		else
			snprintf(line, sizeof line, "F5 : chronomètre (remplit la durée)");
		ui_put(17, x, line, w, false, A_DIM);
		break;
	case FK_FLAG:
		ui_put(5, x, "o  oui", w, false, *AT(f, d, bool) != d->inverted ? A_BOLD : 0);
		ui_put(6, x, "n  non", w, false, *AT(f, d, bool) != d->inverted ? 0 : A_BOLD);
		break;
	case FK_DATE:
	case FK_TIME:
		ui_put(3, x, d->kind == FK_DATE ? "AAAA-MM-JJ" : "HH:MM (ou 14h30)", w, false, A_DIM);
		snprintf(line, sizeof line, "%s_", f->input);
		ui_put(5, x, line, w, false, A_BOLD);
		break;
	case FK_TEXT: {
		const char *s = AT(f, d, char);
		int y = 5;
		snprintf(line, sizeof line, "%zu / %zu caractères", utf8_length(s), d->max_chars);
		ui_put(3, x, line, w, false, A_DIM);
		/* Wrap the text over the panel. */
		for (size_t off = 0; y < LINES - 6; y++) {
			size_t n = text_fit(s + off, w - 1, NULL);
			if (n == 0 && s[off])
				break;
			ui_put(y, x, s + off, w, false, 0);
			off += n;
			if (!s[off]) {
				addstr("_");
				break;
			}
		}
		if (!s[0])
			ui_put(5, x, "_", 1, false, 0);
		if (d->field == VF_NOTE)
			ui_put(LINES - 5, x, "Rappel : ni nom, ni donnée de santé ou d'identité.", w, false,
			       ui_attr_error(ui));
		break;
	}
	case FK_PERSON:
		person_panel_draw(&f->pp, x, w);
		break;
	}
}

static void form_draw(struct ui *ui, struct view *v)
{
	static const enum action hints[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_CANCEL, ACT_TOGGLE,
	                                    ACT_HELP};
	struct form *f = (struct form *)v;
	char title[160], day[64], value[512];
	int panel_x = 41, panel_w = COLS - panel_x - 1;

	if (!f->is_visit) {
		snprintf(title, sizeof title, "Profil de l'usager %s", f->person.code);
	} else {
		ui_long_date(f->d.v.date, day, sizeof day);
		snprintf(title, sizeof title, "%s · %s", f->editing ? "Modifier le passage"
		                                                    : "Nouveau passage", day);
	}
	ui_title(ui, title);
	for (int i = 0; i < f->ndefs; i++) {
		const struct fdef *d = &f->defs[i];
		char label[64];
		attr_t a = i == f->field ? A_REVERSE : 0;
		snprintf(label, sizeof label, "%s%s", d->label, d->required ? " *" : "");
		value_text(ui, f, d, value, sizeof value);
		ui_put(2 + i, 0, i == f->field ? ">" : " ", 1, false, a);
		ui_put(2 + i, 1, label, 19, true, a | (is_empty(f, d) && d->required ? A_BOLD : 0));
		ui_put(2 + i, 20, value, 19, true, a);
	}
	for (int y = 2; y < LINES - 3; y++)
		mvaddstr(y, 39, "│");
	draw_panel(ui, f, panel_x, panel_w);
	ui_put(LINES - 3, 1, "* obligatoire · Entrée enregistre dès qu'ils sont remplis", COLS - 2,
	       false, A_DIM);
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
	default:
		break;
	}
}

static void choice_move(struct form *f, int delta)
{
	if (def(f)->kind == FK_PERSON)
		person_panel_move(&f->pp, delta);
	else
		choices_move(&f->ch, delta);
}

static void form_key(struct ui *ui, struct view *v, int code, bool is_char, enum action act)
{
	struct form *f = (struct form *)v;
	struct cn_err err;

	if (f->ch.filtering) {
		filter_key(ui, f, code, is_char, act);
	} else if (is_char && code >= ' ' && code != 127 && field_char(ui, f, code)) {
		/* the field took it */
	} else {
		switch (act) {
		case ACT_SAVE:
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
			f->dirty = true;
			break;
		case ACT_PROFILE:
			if (f->is_visit && f->d.v.person[0])
				view_form_profile(ui, f->d.v.person);
			else
				ui_status(ui, true, "Aucun usager rattaché : choisissez d'abord un code");
			return;
		case ACT_HELP:
			view_help_open(ui);
			return;
		default:
			return;
		}
	}
	if (f->is_visit && f->dirty) {
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
}

static void form_tick(struct ui *ui, struct view *v)
{
	struct form *f = (struct form *)v;

	if (f->pending)
		store_form(ui, f, true);
}

static void form_close(struct ui *ui, struct view *v)
{
	(void)ui;
	free(v);
}

static const struct view_ops form_ops = {
	.ctx = CTX_FORM,
	.draw = form_draw,
	.key = form_key,
	.resume = form_resume,
	.tick = form_tick,
	.close = form_close,
};

static struct form *new_form(bool is_visit)
{
	struct form *f = calloc(1, sizeof *f);

	if (!f)
		return NULL;
	f->base.ops = &form_ops;
	f->is_visit = is_visit;
	f->defs = is_visit ? visit_fields : person_fields;
	f->ndefs = is_visit ? NELEM(visit_fields) : NELEM(person_fields);
	return f;
}

void view_form_visit(struct ui *ui, const struct visit *edit)
{
	struct form *f = new_form(true);
	struct visit *v;
	struct cn_date today;
	struct cn_err err;
	int hour = 0, minute = 0;

	if (!f)
		return;
	v = &f->d.v;
	if (edit) {
		*v = *edit;
		f->prev = *edit;
		f->editing = true;
		f->d.duration_set = true;
	} else {
		visit_init(v);
		clock_now(&today, &hour, &minute, &err);
		date_format(&today, v->date);
		time_format(hour, minute, v->time);
		text_copy(v->site, sizeof v->site, ui->app->cfg.site);
		text_copy(v->mediator, sizeof v->mediator, ui->app->cfg.mediator);
		/* The canal of the desk's last visit: most visits come the same way. */
		if (visit_last_canal(ui->app->st, v->site, v->canal, &err) != CN_OK || !v->canal[0] ||
		    lists_check(lists_of(ui), L_CANAL, v->canal, false, &err) != CN_OK)
			text_copy(v->canal, sizeof v->canal, "libre");
		f->d.timer_start = ui->timer_start;
	}
	ui_push(ui, &f->base);
	focus(ui, f, 0);
}

void view_form_draft(struct ui *ui, const struct draft *d)
{
	struct form *f = new_form(true);
	struct cn_err err;

	if (!f)
		return;
	f->d = *d;
	f->dirty = true;
	if (d->v.id[0]) {
		f->editing = visit_get(ui->app->st, d->v.id, false, &f->prev, &err) == CN_OK;
		if (!f->editing)
			f->d.v.id[0] = '\0'; /* deleted meanwhile: save it as a new visit */
	}
	if (d->timer_start)
		ui->timer_start = d->timer_start;
	ui_push(ui, &f->base);
	focus(ui, f, d->field < f->ndefs ? d->field : 0);
	ui_status(ui, false, "Brouillon repris : complétez puis Entrée pour enregistrer");
}

void view_form_profile(struct ui *ui, const char *code)
{
	struct form *f = new_form(false);
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
