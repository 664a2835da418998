#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/draft.h"
#include "carnet/hotkeys.h"
#include "carnet/person_store.h"
#include "carnet/text.h"
#include "carnet/view_form.h"
#include "carnet/view_help.h"
#include "carnet/visit_print.h"
#include "carnet/visit_store.h"

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
#define ENTRIES_MAX 256
#define RECENT_MAX 8
#define HISTORY_MAX 6

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
	char input[64];                 /* what is typed in a duration, date, time, person */
	bool typing;                    /* input was typed since the field got the cursor */
	/* The choices of the focused CHOICE or MULTI field. */
	int ent[ENTRIES_MAX];           /* list entries offered, in list order */
	char key[ENTRIES_MAX];          /* their one-key answers */
	int nent;
	int shown[ENTRIES_MAX];         /* indexes into ent matching the filter */
	int nshown, hl, top;
	char filter[48];
	bool filtering;
	/* The person field's panel. */
	char recent[RECENT_MAX][PCODE_MAX], recent_date[RECENT_MAX][DATE_LEN];
	int nrecent;
	char history[HISTORY_MAX][160];
	int nhistory, person_visits;
	char trend[160];
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

static void apply_filter(struct ui *ui, struct form *f)
{
	const struct vlist *vl = &lists_of(ui)->l[def(f)->list];
	char needle[48], folded[256];

	text_fold(f->filter, needle, sizeof needle);
	f->nshown = 0;
	for (int i = 0; i < f->nent; i++) {
		text_fold(vl->e[f->ent[i]].label, folded, sizeof folded);
		if (!needle[0] || strstr(folded, needle))
			f->shown[f->nshown++] = i;
	}
	if (f->hl >= f->nshown)
		f->hl = f->nshown ? f->nshown - 1 : 0;
}

static bool selected_code(struct form *f, const struct fdef *d, const char *code)
{
	if (d->kind == FK_MULTI)
		return codeset_has(AT(f, d, struct codeset), code);
	return strcmp(AT(f, d, char), code) == 0;
}

/* The entries a choice field offers: active ones, and retired ones the
 * record still holds; each with its one-key answer. */
static void load_choices(struct ui *ui, struct form *f)
{
	const struct fdef *d = def(f);
	const struct vlist *vl = &lists_of(ui)->l[d->list];
	const char *codes[ENTRIES_MAX], *labels[ENTRIES_MAX];

	f->nent = 0;
	for (int i = 0; i < vl->n && f->nent < ENTRIES_MAX; i++) {
		if (vl->e[i].retired && !selected_code(f, d, vl->e[i].code))
			continue;
		codes[f->nent] = vl->e[i].code;
		labels[f->nent] = vl->e[i].label;
		f->ent[f->nent++] = i;
	}
	if (d->numbered) {
		for (int i = 0; i < f->nent; i++)
			f->key[i] = i < 9 ? (char)('1' + i) : 0;
	} else {
		hotkeys_assign(codes, labels, f->nent, NULL, f->key);
	}
	f->filter[0] = '\0';
	f->filtering = false;
	f->hl = f->top = 0;
	apply_filter(ui, f);
}

/* ------------------------------------------------------------ person panel */

static int add_recent(const char *code, const char *last, void *ctx)
{
	struct form *f = ctx;

	if (f->nrecent >= RECENT_MAX)
		return 1;
	text_copy(f->recent[f->nrecent], PCODE_MAX, code);
	text_copy(f->recent_date[f->nrecent], DATE_LEN, last ? last : "");
	f->nrecent++;
	return 0;
}

struct history_ctx {
	struct form *f;
	const struct lists *ls;
	char postures[HISTORY_MAX][CODE_MAX];
};

static int add_history(const struct visit *v, void *ctx)
{
	struct history_ctx *h = ctx;
	struct form *f = h->f;

	/* Keep the latest HISTORY_MAX visits, oldest first. */
	if (f->nhistory == HISTORY_MAX) {
		memmove(f->history[0], f->history[1], sizeof f->history[0] * (HISTORY_MAX - 1));
		memmove(h->postures[0], h->postures[1], sizeof h->postures[0] * (HISTORY_MAX - 1));
		f->nhistory--;
	}
	snprintf(f->history[f->nhistory], sizeof f->history[0], "%s  %s · %s", v->date,
	         lists_label(h->ls, L_DEMANDE, v->demands.v[0]), v->posture);
	text_copy(h->postures[f->nhistory], CODE_MAX, v->posture);
	f->nhistory++;
	f->person_visits++;
	return 0;
}

static void load_person(struct ui *ui, struct form *f)
{
	struct visit_filter filter = {0};
	struct history_ctx h = {.f = f, .ls = lists_of(ui)};
	struct cn_err err;
	size_t used = 0;

	f->nhistory = f->person_visits = 0;
	f->trend[0] = '\0';
	if (!f->d.v.person[0])
		return;
	text_copy(filter.person, sizeof filter.person, f->d.v.person);
	visit_each(ui->app->st, &filter, add_history, &h, &err);
	for (int i = 0; i < f->nhistory; i++) {
		int k = snprintf(f->trend + used, sizeof f->trend - used, "%s%s", i ? " → " : "",
		                 h.postures[i]);
		if (k > 0 && (size_t)k < sizeof f->trend - used)
			used += (size_t)k;
	}
}

/* Attaches the typed code when it names a known person. */
static void match_person(struct ui *ui, struct form *f)
{
	struct person p;
	struct cn_err err;

	f->d.v.person[0] = '\0';
	if (f->input[0] && person_get(ui->app->st, f->input, &p, &err) == CN_OK)
		text_copy(f->d.v.person, sizeof f->d.v.person, p.code);
	load_person(ui, f);
}

static void create_person(struct ui *ui, struct form *f)
{
	struct person p;
	struct cn_err err;

	person_init(&p);
	if (f->input[0] && !person_code_normalize(f->input, p.code)) {
		ui_status(ui, true, "Code usager invalide « %s » : 4 à 16 lettres ou chiffres", f->input);
		return;
	}
	if (person_create(ui->app->st, lists_of(ui), &p, &err) != CN_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	text_copy(f->input, sizeof f->input, p.code);
	match_person(ui, f);
	f->dirty = true;
	ui_status(ui, false, "Nouvel usager %s : notez ce code sur sa carte", p.code);
}

/* ------------------------------------------------------------ focus */

static void focus(struct ui *ui, struct form *f, int field)
{
	const struct fdef *d;
	struct cn_err err;

	f->field = (field + f->ndefs) % f->ndefs;
	d = def(f);
	f->input[0] = '\0';
	f->typing = false;
	switch (d->kind) {
	case FK_CHOICE:
	case FK_MULTI:
		load_choices(ui, f);
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
		text_copy(f->input, sizeof f->input, f->d.v.person);
		f->nrecent = 0;
		person_recent(ui->app->st, RECENT_MAX, add_recent, f, &err);
		f->hl = 0;
		load_person(ui, f);
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
		if (f->input[0] && !f->d.v.person[0]) {
			ui_status(ui, true, "Usager inconnu « %s » : + pour créer ce code, ou effacez-le",
			          f->input);
			return false;
		}
		return true;
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
	const struct list_entry *e = &lists_of(ui)->l[d->list].e[f->ent[entry]];

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
	case FK_PERSON:
		f->typing = true; /* editing the value shown, not replacing it */
		if (len > 0)
			f->input[len - 1] = '\0';
		if (d->kind == FK_DURATION && !f->input[0])
			f->d.duration_set = false;
		if (d->kind == FK_PERSON)
			match_person(ui, f);
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
	case FK_MULTI:
		for (int i = 0; i < f->nent; i++)
			if (f->key[i] && f->key[i] == c) {
				pick(ui, f, i, true);
				return true;
			}
		return false;
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
		if (c == '+') {
			create_person(ui, f);
			return true;
		}
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			if (strlen(f->input) + 1 < PCODE_MAX) {
				append_input(f, c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
				match_person(ui, f);
			}
			return true;
		}
		return false;
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

static void save(struct ui *ui, struct form *f)
{
	struct cn_err err;
	int rc;

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
	if (!f->is_visit) {
		rc = person_update(ui->app->st, lists_of(ui), &f->person, &err);
	} else if (f->editing) {
		rc = visit_update(ui->app->st, lists_of(ui), &f->d.v, &err);
	} else {
		rc = visit_create(ui->app->st, lists_of(ui), &f->d.v, &err);
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
		draft_clear(ui->app->st, &err);
		if (!f->editing)
			ui->timer_start = 0; /* the timer measured this new visit */
		memcpy(ui->focus_id, f->d.v.id, ID_LEN);
		format_minutes(f->d.v.duration, minutes, sizeof minutes);
		ui_status(ui, false, "Passage %s : %s, %s, %s", f->editing ? "modifié" : "enregistré",
		          f->d.v.time, lists_label(lists_of(ui), L_DEMANDE, f->d.v.demands.v[0]),
		          minutes);
	}
	ui_pop(ui);
}

static void cancel(struct ui *ui, struct form *f)
{
	struct cn_err err;

	if (f->filtering) {
		f->filtering = false;
		f->filter[0] = '\0';
		apply_filter(ui, f);
		return;
	}
	if (f->dirty && !ui_confirm(ui, f->is_visit ? "Abandonner ce passage ?"
	                                            : "Abandonner les changements du profil ?"))
		return;
	if (f->is_visit)
		draft_clear(ui->app->st, &err);
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
			format_minutes(f->d.v.duration, out, size);
		else if (ui->timer_start)
			snprintf(out, size, "chrono (%d min)", ui_timer_minutes(ui));
		else
			snprintf(out, size, "—");
		break;
	case FK_FLAG:
		snprintf(out, size, "%s", *AT(f, d, bool) != d->inverted ? "oui" : "non");
		break;
	case FK_DATE:
	case FK_TIME:
	case FK_PERSON:
		snprintf(out, size, "%s", focused ? f->input : AT(f, d, char));
		if (!out[0])
			snprintf(out, size, "—");
		break;
	case FK_TEXT:
		snprintf(out, size, "%s", AT(f, d, char)[0] ? AT(f, d, char) : "—");
		break;
	}
}

static void draw_choices(struct ui *ui, struct form *f, int x, int w)
{
	const struct fdef *d = def(f);
	const struct vlist *vl = &lists_of(ui)->l[d->list];
	int rows = LINES - 8;

	if (f->filtering)
		ui_put(3, x, "Filtre : ", 9, false, 0), ui_put(3, x + 9, f->filter, w - 10, false, A_BOLD),
			addstr("_");
	else
		ui_put(3, x, d->kind == FK_MULTI ? "Touche : coche et passe · / filtre"
		                                 : "Touche : choisit et passe · / filtre",
		       w, false, A_DIM);
	if (f->nent == 0) {
		char msg[128];
		snprintf(msg, sizeof msg, "Liste vide : à définir dans [%s] de carnet.ini",
		         list_section(d->list));
		ui_put(5, x, msg, w, false, 0);
		return;
	}
	if (f->hl < f->top)
		f->top = f->hl;
	if (f->hl >= f->top + rows)
		f->top = f->hl - rows + 1;
	for (int i = 0; i < rows && f->top + i < f->nshown; i++) {
		int k = f->shown[f->top + i];
		const struct list_entry *e = &vl->e[f->ent[k]];
		bool on = selected_code(f, d, e->code);
		char line[300];
		snprintf(line, sizeof line, "%s %c  %s%s",
		         d->kind == FK_MULTI ? (on ? "[x]" : "[ ]") : (on ? "(•)" : "( )"),
		         f->key[k] ? f->key[k] : ' ', e->label, e->retired ? " (retiré)" : "");
		ui_put(5 + i, x, line, w, true, f->top + i == f->hl ? A_REVERSE : 0);
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
		draw_choices(ui, f, x, w);
		break;
	case FK_DURATION:
		ui_put(3, x, "Une touche choisit, ou tapez des minutes (45, 1h30)", w, false, A_DIM);
		for (int i = 0; i < NELEM(quick_minutes); i++) {
			char m[24];
			format_minutes(quick_minutes[i], m, sizeof m);
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
		ui_put(3, x, "Code de la carte, ou + pour un nouveau code", w, false, A_DIM);
		snprintf(line, sizeof line, "Code : %s_", f->input);
		ui_put(4, x, line, w, false, A_BOLD);
		if (f->d.v.person[0]) {
			snprintf(line, sizeof line, "Usager connu : %d passage%s", f->person_visits,
			         f->person_visits > 1 ? "s" : "");
			ui_put(6, x, line, w, false, 0);
			for (int i = 0; i < f->nhistory; i++)
				ui_put(7 + i, x + 1, f->history[i], w - 1, false, 0);
			if (f->trend[0]) {
				snprintf(line, sizeof line, "Postures : %s", f->trend);
				ui_put(8 + HISTORY_MAX, x, line, w, false, A_BOLD);
			}
			ui_put(10 + HISTORY_MAX, x, "F6 : profil (âge, quartier, équipement…)", w, false,
			       A_DIM);
		} else {
			ui_put(6, x, "Codes récents (Haut/Bas, Espace) :", w, false, 0);
			for (int i = 0; i < f->nrecent; i++) {
				snprintf(line, sizeof line, "%-8s dernier passage %s", f->recent[i],
				         f->recent_date[i]);
				ui_put(7 + i, x + 1, line, w - 1, false, i == f->hl ? A_REVERSE : 0);
			}
		}
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
	size_t len = strlen(f->filter);

	if (act == ACT_SAVE || act == ACT_TOGGLE) {
		if (f->nshown > 0) {
			f->filtering = false;
			pick(ui, f, f->shown[f->hl], true);
		}
	} else if (act == ACT_CANCEL) {
		cancel(ui, f);
	} else if (act == ACT_CHOICE_UP) {
		if (f->hl > 0)
			f->hl--;
	} else if (act == ACT_CHOICE_DOWN) {
		if (f->hl + 1 < f->nshown)
			f->hl++;
	} else if (act == ACT_CLEAR) {
		while (len > 0 && ((unsigned char)f->filter[len - 1] & 0xc0) == 0x80)
			len--;
		if (len > 0)
			f->filter[len - 1] = '\0';
		apply_filter(ui, f);
	} else if (is_char && code >= ' ') {
		char mb[8];
		int n = wctomb(mb, (wchar_t)code);
		if (n > 0 && len + (size_t)n < sizeof f->filter) {
			memcpy(f->filter + len, mb, (size_t)n);
			f->filter[len + (size_t)n] = '\0';
		}
		f->hl = 0;
		apply_filter(ui, f);
	}
}

static void toggle(struct ui *ui, struct form *f)
{
	const struct fdef *d = def(f);

	switch (d->kind) {
	case FK_CHOICE:
		if (f->nshown)
			pick(ui, f, f->shown[f->hl], true);
		break;
	case FK_MULTI:
		if (f->nshown)
			pick(ui, f, f->shown[f->hl], false);
		break;
	case FK_FLAG:
		*AT(f, d, bool) = !*AT(f, d, bool);
		f->dirty = true;
		break;
	case FK_PERSON:
		if (!f->d.v.person[0] && f->hl < f->nrecent) {
			text_copy(f->input, sizeof f->input, f->recent[f->hl]);
			match_person(ui, f);
			f->dirty = true;
		}
		break;
	default:
		break;
	}
}

static void choice_move(struct form *f, int delta)
{
	int n = def(f)->kind == FK_PERSON ? f->nrecent : f->nshown;

	if (f->hl + delta >= 0 && f->hl + delta < n)
		f->hl += delta;
}

static void form_key(struct ui *ui, struct view *v, int code, bool is_char, enum action act)
{
	struct form *f = (struct form *)v;
	struct cn_err err;

	if (f->filtering) {
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
			if (def(f)->kind == FK_CHOICE || def(f)->kind == FK_MULTI) {
				f->filtering = true;
				f->filter[0] = '\0';
			}
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
		if (draft_save(ui->app->st, &f->d, &err) != CN_OK)
			ui_status(ui, true, "Brouillon non enregistré : %s", err.msg);
	}
}

static void form_resume(struct ui *ui, struct view *v)
{
	struct form *f = (struct form *)v;

	if (def(f)->kind == FK_PERSON)
		load_person(ui, f);
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
	focus(ui, f, d->field);
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
