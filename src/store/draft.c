/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "carnet/model/ids.h"
#include "carnet/model/text.h"
#include "carnet/store/draft.h"

#define DRAFT_MAX 16384
/* A key waits this long for the other screen sharing the file, no more. */
#define DRAFTS_BUSY_MS 500

struct drafts {
	sqlite3 *db;
	char path[PATH_MAX + 16];
};

/* draft: the form being typed; aside: drafts and forms put aside or
 * abandoned, the last DRAFTS_ASIDE_MAX kept to be brought back. */
static const char drafts_schema[] =
	"CREATE TABLE IF NOT EXISTS draft ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  data TEXT NOT NULL, saved_at TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS aside ("
	"  n INTEGER PRIMARY KEY AUTOINCREMENT, data TEXT NOT NULL, saved_at TEXT NOT NULL);";

void drafts_path(const char *db, char *out, size_t size)
{
	snprintf(out, size, "%s%s", db, DRAFTS_SUFFIX);
}

static int fail(sqlite3 *db, const char *path, const char *what, struct cn_err *err)
{
	return cn_err_set(err, CN_EDB, "%s : %s : %s", path, what, db ? sqlite3_errmsg(db) : "");
}

/* Opens the drafts file at path; when create, makes it (0600) if needed. */
static int open_file(const char *path, bool create, sqlite3 **out, struct cn_err *err)
{
	sqlite3 *db = NULL;

	*out = NULL;
	if (create) {
		int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd < 0)
			return cn_err_set(err, CN_EDB, "%s : création du fichier des brouillons impossible : "
			                               "%s", path, strerror(errno));
		close(fd);
	} else if (access(path, F_OK) != 0) {
		return CN_ENOTFOUND;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		int rc = fail(db, path, "ouverture impossible", err);
		sqlite3_close_v2(db);
		return rc;
	}
	sqlite3_busy_timeout(db, DRAFTS_BUSY_MS);
	if (sqlite3_exec(db, "PRAGMA synchronous = FULL;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, drafts_schema, NULL, NULL, NULL) != SQLITE_OK) {
		int rc = fail(db, path, "fichier des brouillons illisible", err);
		sqlite3_close_v2(db);
		return rc;
	}
	*out = db;
	return CN_OK;
}

static int put_text(sqlite3 *db, const char *path, const char *text, const char *saved_at,
                    struct cn_err *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO draft (id, data, saved_at)"
	                           " VALUES (1, ?1, ?2)", -1, &stmt, NULL) != SQLITE_OK)
		return fail(db, path, "brouillon non enregistré", err);
	sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, saved_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? CN_OK : fail(db, path, "brouillon non enregistré", err);
	sqlite3_finalize(stmt);
	return rc;
}

/* A draft an earlier carnet kept in the database's own draft table comes
 * into the file; best effort: a database busy now keeps it for next time. */
static void move_old_draft(struct drafts *ds, struct store *st)
{
	sqlite3_stmt *stmt;
	struct cn_err ignored;
	int moved = 0;

	if (sqlite3_prepare_v2(store_db(st), "SELECT data, saved_at FROM draft WHERE id = 1", -1,
	                       &stmt, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *data = (const char *)sqlite3_column_text(stmt, 0);
		const char *at = (const char *)sqlite3_column_text(stmt, 1);
		moved = data && put_text(ds->db, ds->path, data, at ? at : "", &ignored) == CN_OK;
	}
	sqlite3_finalize(stmt);
	if (moved)
		sqlite3_exec(store_db(st), "DELETE FROM draft", NULL, NULL, NULL);
}

int drafts_open(struct drafts **out, struct store *st, struct cn_err *err)
{
	struct drafts *ds = calloc(1, sizeof *ds);
	int rc;

	*out = NULL;
	if (!ds)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	drafts_path(store_path(st), ds->path, sizeof ds->path);
	if ((rc = open_file(ds->path, true, &ds->db, err)) != CN_OK) {
		free(ds);
		return rc;
	}
	move_old_draft(ds, st);
	*out = ds;
	return CN_OK;
}

void drafts_close(struct drafts *ds)
{
	if (!ds)
		return;
	sqlite3_close_v2(ds->db);
	free(ds);
}

/* ------------------------------------------------------------ text form */

static size_t put(char *out, size_t size, size_t used, const char *key, const char *value)
{
	int n = snprintf(out + (used < size ? used : size), used < size ? size - used : 0,
	                 "%s=%s\n", key, value);
	return used + (n > 0 ? (size_t)n : 0);
}

static const char *const kind_names[] = {
	[DRAFT_VISIT] = "visit", [DRAFT_WORKSHOP] = "workshop", [DRAFT_WORKTIME] = "worktime"};

void draft_init(struct draft *d, enum draft_kind k)
{
	memset(d, 0, sizeof *d);
	d->kind = k;
	visit_init(&d->v);
	workshop_init(&d->w);
	worktime_init(&d->t);
}

const char *draft_id(const struct draft *d)
{
	return d->kind == DRAFT_WORKSHOP ? d->w.id : d->kind == DRAFT_WORKTIME ? d->t.id : d->v.id;
}

const char *draft_date(const struct draft *d)
{
	return d->kind == DRAFT_WORKSHOP ? d->w.date
	       : d->kind == DRAFT_WORKTIME ? d->t.date
	                                   : d->v.date;
}

const char *draft_time(const struct draft *d)
{
	return d->kind == DRAFT_WORKSHOP ? d->w.time
	       : d->kind == DRAFT_WORKTIME ? d->t.time
	                                   : d->v.time;
}

static size_t put_number(char *out, size_t size, size_t used, const char *key, long long n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", n);
	return put(out, size, used, key, buf);
}

static size_t put_codes(char *out, size_t size, size_t used, const char *key,
                        const struct codeset *set)
{
	char codes[CODESET_MAX * CODE_MAX];

	codeset_join(set, ",", codes, sizeof codes);
	return put(out, size, used, key, codes);
}

static size_t put_tally(char *out, size_t size, size_t used, const char *key,
                        const struct tally *t)
{
	char text[CODESET_MAX * (CODE_MAX + 6)];

	tally_format(t, "|", text, sizeof text);
	return put(out, size, used, key, text);
}

/* What every kind shares: the record's id and version, when, how long, where. */
static size_t put_common(const struct draft *d, char *out, size_t size, size_t used,
                         const char *id, const char *updated, const char *date,
                         const char *time, int duration, const char *site)
{
	used = put(out, size, used, "record", kind_names[d->kind]);
	used = put(out, size, used, "id", id);
	used = put(out, size, used, "updated", updated);
	used = put(out, size, used, "date", date);
	used = put(out, size, used, "time", time);
	used = put_number(out, size, used, "duration", duration);
	used = put(out, size, used, "duration_set", d->duration_set ? "1" : "0");
	used = put(out, size, used, "time_set", d->time_set ? "1" : "0");
	return put(out, size, used, "site", site);
}

static size_t put_end(const struct draft *d, char *out, size_t size, size_t used)
{
	used = put_number(out, size, used, "field", d->field);
	return put_number(out, size, used, "timer_start", d->timer_start);
}

static size_t encode_visit(const struct draft *d, char *out, size_t size)
{
	const struct visit *v = &d->v;
	size_t used = put_common(d, out, size, 0, v->id, v->updated, v->date, v->time, v->duration,
	                         v->site);

	used = put(out, size, used, "person_new", d->person_new ? "1" : "0");
	used = put(out, size, used, "mediator", v->mediator);
	used = put(out, size, used, "canal", v->canal);
	used = put_codes(out, size, used, "demands", &v->demands);
	used = put_codes(out, size, used, "organisms", &v->organisms);
	used = put(out, size, used, "posture", v->posture);
	used = put(out, size, used, "present", v->present ? "1" : "0");
	used = put(out, size, used, "outcome", v->outcome);
	used = put(out, size, used, "urgent", v->urgent ? "1" : "0");
	used = put(out, size, used, "referred_by", v->referred_by);
	used = put(out, size, used, "referred_to", v->referred_to);
	used = put(out, size, used, "referred_place", v->referred_place);
	used = put(out, size, used, "person", v->person);
	used = put(out, size, used, "note", v->note);
	used = put(out, size, used, "referral_how", v->referral_how);
	used = put(out, size, used, "referral_place", v->referral_place);
	used = put(out, size, used, "referral_went", v->referral_went);
	used = put(out, size, used, "referral_answered", v->referral_answered);
	return put_end(d, out, size, used);
}

static size_t encode_workshop(const struct draft *d, char *out, size_t size)
{
	const struct workshop *w = &d->w;
	char participants[PARTICIPANTS_MAX * (PCODE_MAX + 8)];
	size_t used = put_common(d, out, size, 0, w->id, w->updated, w->date, w->time, w->duration,
	                         w->site);

	used = put_codes(out, size, used, "mediators", &w->mediators);
	used = put(out, size, used, "title", w->title);
	used = put_codes(out, size, used, "themes", &w->themes);
	used = put(out, size, used, "level", w->level);
	used = put(out, size, used, "place", w->place);
	used = put_number(out, size, used, "registered", w->registered);
	participants_format(w, "|", participants, sizeof participants);
	used = put(out, size, used, "participants", participants);
	participants[0] = '\0';
	for (int i = 0, n = 0; i < d->nnew; i++) {
		int k = snprintf(participants + n, sizeof participants - (size_t)n, "%s%s", i ? "|" : "",
		                 d->new_codes[i]);
		if (k > 0 && (size_t)k < sizeof participants - (size_t)n)
			n += k;
	}
	used = put(out, size, used, "participants_new", participants);
	used = put_number(out, size, used, "anonymous", w->anonymous);
	used = put_tally(out, size, used, "anon_gender", &w->anon_gender);
	used = put_tally(out, size, used, "anon_age", &w->anon_age);
	used = put_tally(out, size, used, "anon_situation", &w->anon_situation);
	used = put_codes(out, size, used, "equipment", &w->equipment);
	used = put(out, size, used, "note", w->note);
	return put_end(d, out, size, used);
}

static size_t encode_worktime(const struct draft *d, char *out, size_t size)
{
	const struct worktime *t = &d->t;
	size_t used = put_common(d, out, size, 0, t->id, t->updated, t->date, t->time, t->duration,
	                         t->site);

	used = put(out, size, used, "mediator", t->mediator);
	used = put(out, size, used, "nature", t->kind);
	used = put(out, size, used, "note", t->note);
	return put_end(d, out, size, used);
}

size_t draft_encode(const struct draft *d, char *out, size_t size)
{
	switch (d->kind) {
	case DRAFT_WORKSHOP:
		return encode_workshop(d, out, size);
	case DRAFT_WORKTIME:
		return encode_worktime(d, out, size);
	default:
		return encode_visit(d, out, size);
	}
}

/* A whole number from lo to hi, digits only. */
static bool number(const char *s, long long lo, long long hi, long long *out)
{
	char *end;
	long long n;

	if (!*s || strspn(s, "-0123456789") != strlen(s))
		return false;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno || *end || n < lo || n > hi)
		return false;
	*out = n;
	return true;
}

static bool flag(const char *s, bool *out)
{
	if (strcmp(s, "0") != 0 && strcmp(s, "1") != 0)
		return false;
	*out = s[0] == '1';
	return true;
}

/* A single code, or empty. */
static bool code(const char *s, char out[CODE_MAX])
{
	char norm[CODE_MAX];

	if (*s && (!code_normalize(s, norm) || strcmp(norm, s) != 0))
		return false;
	return text_copy(out, CODE_MAX, s);
}

/* Free text as a visit holds it: UTF-8, no control, at most max characters. */
static bool text(const char *s, size_t max, char *out, size_t size)
{
	return utf8_valid(s, strlen(s)) && !text_has_control(s) && utf8_length(s) <= max &&
	       text_copy(out, size, s);
}

/* Codes joined by ',' (or empty). */
static bool codes(const char *s, struct codeset *set)
{
	struct cn_err ignored;

	memset(set, 0, sizeof *set);
	return !*s || codeset_parse(set, s, &ignored) == CN_OK;
}

/* Counts by code, exactly as tally_format writes them. */
static bool tally(const char *s, struct tally *t)
{
	char again[CODESET_MAX * (CODE_MAX + 6)];
	struct cn_err ignored;

	memset(t, 0, sizeof *t);
	if (!*s)
		return true;
	if (tally_parse(t, s, &ignored) != CN_OK)
		return false;
	tally_format(t, "|", again, sizeof again);
	return strcmp(again, s) == 0;
}

/* Participants exactly as participants_format writes them. */
static bool participants(const char *s, struct workshop *w)
{
	char again[PARTICIPANTS_MAX * (PCODE_MAX + 8)];
	struct cn_err ignored;

	w->nparticipants = 0;
	if (!*s)
		return true;
	if (participants_parse(w, s, &ignored) != CN_OK)
		return false;
	participants_format(w, "|", again, sizeof again);
	return strcmp(again, s) == 0;
}

/* The codes of new persons, each well-formed and once, joined by '|'. */
static bool new_codes(const char *s, struct draft *d)
{
	d->nnew = 0;
	while (*s) {
		size_t n = strcspn(s, "|");
		char code[PCODE_MAX], norm[PCODE_MAX];

		if (n == 0 || n >= sizeof code || d->nnew >= PARTICIPANTS_MAX)
			return false;
		memcpy(code, s, n);
		code[n] = '\0';
		if (!person_code_normalize(code, norm) || strcmp(norm, code) != 0)
			return false;
		for (int i = 0; i < d->nnew; i++)
			if (strcmp(d->new_codes[i], code) == 0)
				return false;
		memcpy(d->new_codes[d->nnew++], code, n + 1);
		s += n;
		if (*s == '|' && !*++s)
			return false;
	}
	return true;
}

/* Keys every kind shares go to the three records; draft_decode keeps the
 * one of the draft's kind. */
static bool set_common(struct draft *d, const char *key, const char *value, bool *known)
{
	struct visit *v = &d->v;
	struct workshop *w = &d->w;
	struct worktime *t = &d->t;
	struct cn_date date;
	char hhmm[HHMM_LEN], ts[TS_LEN];
	long long n;
	bool ok = true;

	*known = true;
	if (strcmp(key, "id") == 0) {
		ok = (!*value || id_valid(value)) && text_copy(v->id, sizeof v->id, value);
		ok = ok && text_copy(w->id, sizeof w->id, value) && text_copy(t->id, sizeof t->id, value);
	} else if (strcmp(key, "updated") == 0) {
		ok = (!*value || timestamp_parse(value, ts)) &&
		     text_copy(v->updated, sizeof v->updated, value);
		ok = ok && text_copy(w->updated, sizeof w->updated, value) &&
		     text_copy(t->updated, sizeof t->updated, value);
	} else if (strcmp(key, "date") == 0) {
		ok = (!*value || date_parse(value, &date)) && text_copy(v->date, sizeof v->date, value);
		ok = ok && text_copy(w->date, sizeof w->date, value) &&
		     text_copy(t->date, sizeof t->date, value);
	} else if (strcmp(key, "time") == 0) {
		ok = (!*value || (time_parse(value, hhmm) && strcmp(hhmm, value) == 0)) &&
		     text_copy(v->time, sizeof v->time, value);
		ok = ok && text_copy(w->time, sizeof w->time, value) &&
		     text_copy(t->time, sizeof t->time, value);
	} else if (strcmp(key, "duration") == 0) {
		/* The longest of the kinds here; draft_decode checks the kind's own. */
		ok = number(value, 0, WORKTIME_DURATION_MAX, &n);
		if (ok)
			v->duration = w->duration = t->duration = (int)n;
	} else if (strcmp(key, "site") == 0) {
		ok = code(value, v->site) && code(value, w->site) && code(value, t->site);
	} else if (strcmp(key, "mediator") == 0) {
		ok = code(value, v->mediator) && code(value, t->mediator);
	} else if (strcmp(key, "note") == 0) {
		ok = text(value, NOTE_MAX_CHARS, v->note, sizeof v->note) &&
		     text_copy(w->note, sizeof w->note, v->note) &&
		     text_copy(t->note, sizeof t->note, v->note);
	} else if (strcmp(key, "duration_set") == 0) {
		ok = flag(value, &d->duration_set);
	} else if (strcmp(key, "time_set") == 0) {
		ok = flag(value, &d->time_set);
	} else if (strcmp(key, "field") == 0) {
		ok = number(value, 0, DRAFT_FIELD_MAX, &n) && (d->field = (int)n, true);
	} else if (strcmp(key, "timer_start") == 0) {
		ok = number(value, 0, 253402300799LL, &n) && (d->timer_start = n, true);
	} else {
		*known = false;
	}
	return ok;
}

static bool set_field(struct draft *d, const char *key, const char *value)
{
	struct visit *v = &d->v;
	struct workshop *w = &d->w;
	char pcode[PCODE_MAX];
	long long n;
	bool known, ok = set_common(d, key, value, &known);

	if (known)
		return ok;
	if (strcmp(key, "record") == 0) {
		for (size_t k = 0; k < sizeof kind_names / sizeof kind_names[0]; k++)
			if (strcmp(value, kind_names[k]) == 0) {
				d->kind = (enum draft_kind)k;
				return true;
			}
		return false;
	}
	/* A visit. */
	if (strcmp(key, "person_new") == 0)
		return flag(value, &d->person_new);
	if (strcmp(key, "canal") == 0) return code(value, v->canal);
	if (strcmp(key, "posture") == 0) return code(value, v->posture);
	if (strcmp(key, "outcome") == 0) return code(value, v->outcome);
	if (strcmp(key, "referred_by") == 0) return code(value, v->referred_by);
	if (strcmp(key, "referred_to") == 0) return code(value, v->referred_to);
	if (strcmp(key, "referral_how") == 0) return code(value, v->referral_how);
	if (strcmp(key, "referral_went") == 0) return code(value, v->referral_went);
	if (strcmp(key, "referral_place") == 0)
		return text(value, ID_LEN - 1, v->referral_place, sizeof v->referral_place);
	if (strcmp(key, "referral_answered") == 0)
		return text(value, TS_LEN - 1, v->referral_answered, sizeof v->referral_answered);
	if (strcmp(key, "demands") == 0) return codes(value, &v->demands);
	if (strcmp(key, "organisms") == 0) return codes(value, &v->organisms);
	if (strcmp(key, "present") == 0) return flag(value, &v->present);
	if (strcmp(key, "urgent") == 0) return flag(value, &v->urgent);
	if (strcmp(key, "referred_place") == 0)
		return text(value, PLACE_MAX_CHARS, v->referred_place, sizeof v->referred_place);
	if (strcmp(key, "person") == 0)
		return (!*value || (person_code_normalize(value, pcode) && strcmp(pcode, value) == 0)) &&
		       text_copy(v->person, sizeof v->person, value);
	/* A workshop. */
	if (strcmp(key, "mediators") == 0) return codes(value, &w->mediators);
	if (strcmp(key, "themes") == 0) return codes(value, &w->themes);
	if (strcmp(key, "equipment") == 0) return codes(value, &w->equipment);
	if (strcmp(key, "level") == 0) return code(value, w->level);
	if (strcmp(key, "place") == 0) return code(value, w->place);
	if (strcmp(key, "title") == 0) return text(value, TITLE_MAX_CHARS, w->title, sizeof w->title);
	if (strcmp(key, "registered") == 0)
		return number(value, -1, ATTENDEES_MAX, &n) && (w->registered = (int)n, true);
	if (strcmp(key, "anonymous") == 0)
		return number(value, 0, ATTENDEES_MAX, &n) && (w->anonymous = (int)n, true);
	if (strcmp(key, "participants") == 0) return participants(value, w);
	if (strcmp(key, "participants_new") == 0) return new_codes(value, d);
	if (strcmp(key, "anon_gender") == 0) return tally(value, &w->anon_gender);
	if (strcmp(key, "anon_age") == 0) return tally(value, &w->anon_age);
	if (strcmp(key, "anon_situation") == 0) return tally(value, &w->anon_situation);
	/* A time outside accompaniment. */
	if (strcmp(key, "nature") == 0) return code(value, d->t.kind);
	return true; /* a key of a later carnet */
}

int draft_decode(const char *text_in, struct draft *d, struct cn_err *err)
{
	const char *p = text_in;

	draft_init(d, DRAFT_VISIT);
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		const char *eq = memchr(p, '=', len);
		char key[32], value[NOTE_BYTES + 32];

		if (!eq || (size_t)(eq - p) >= sizeof key || len - (size_t)(eq - p) > sizeof value)
			return cn_err_set(err, CN_EINVAL, "brouillon illisible (ligne « %.20s… »)", p);
		memcpy(key, p, (size_t)(eq - p));
		key[eq - p] = '\0';
		memcpy(value, eq + 1, len - (size_t)(eq - p) - 1);
		value[len - (size_t)(eq - p) - 1] = '\0';
		if (!set_field(d, key, value))
			return cn_err_set(err, CN_EINVAL, "brouillon illisible (« %s »)", key);
		p += len;
		if (*p == '\n')
			p++;
	}
	/* The durations a kind's records can hold. */
	if (d->kind != DRAFT_WORKTIME && d->v.duration > DURATION_MAX)
		return cn_err_set(err, CN_EINVAL, "brouillon illisible (« duration »)");
	return CN_OK;
}

/* ------------------------------------------------------------ the draft */

int draft_save(struct drafts *ds, const struct draft *d, struct cn_err *err)
{
	char *text_out = malloc(DRAFT_MAX), now[TS_LEN];
	int rc;

	if (!ds) {
		free(text_out);
		return cn_err_set(err, CN_EDB, "fichier des brouillons indisponible");
	}
	if (!text_out)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	if (draft_encode(d, text_out, DRAFT_MAX) >= DRAFT_MAX) {
		free(text_out);
		return cn_err_set(err, CN_EDB, "brouillon trop long");
	}
	if ((rc = clock_timestamp(now, err)) == CN_OK)
		rc = put_text(ds->db, ds->path, text_out, now, err);
	free(text_out);
	return rc;
}

int draft_load(struct drafts *ds, struct draft *d, bool *found, struct cn_err *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = CN_OK, step;

	*found = false;
	if (!ds)
		return CN_OK;
	if (sqlite3_prepare_v2(ds->db, "SELECT data, saved_at FROM draft WHERE id = 1", -1, &stmt,
	                       NULL) != SQLITE_OK)
		return fail(ds->db, ds->path, "lecture du brouillon impossible", err);
	step = sqlite3_step(stmt);
	if (step == SQLITE_ROW) {
		const char *data = (const char *)sqlite3_column_text(stmt, 0);
		const char *at = (const char *)sqlite3_column_text(stmt, 1);
		char saved[TS_LEN] = "";

		*found = true;
		if (at && !timestamp_parse(at, saved))
			saved[0] = '\0';
		/* A NUL inside the text is damage too. */
		if (!data || (size_t)sqlite3_column_bytes(stmt, 0) != strlen(data))
			rc = cn_err_set(err, CN_EINVAL, "brouillon illisible");
		else
			rc = draft_decode(data, d, err);
		if (rc != CN_OK)
			memset(d, 0, sizeof *d);
		memcpy(d->saved_at, saved, sizeof saved);
	} else if (step != SQLITE_DONE) {
		rc = fail(ds->db, ds->path, "lecture du brouillon impossible", err);
	}
	sqlite3_finalize(stmt);
	return rc;
}

int draft_put_aside(struct drafts *ds, const struct draft *d, struct cn_err *err)
{
	char *text_out = malloc(DRAFT_MAX), now[TS_LEN];
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (!ds || !text_out) {
		free(text_out);
		return cn_err_set(err, CN_EDB, "fichier des brouillons indisponible");
	}
	if (draft_encode(d, text_out, DRAFT_MAX) >= DRAFT_MAX ||
	    (rc = clock_timestamp(now, err)) != CN_OK) {
		free(text_out);
		return cn_err_set(err, CN_EDB, "brouillon trop long");
	}
	rc = sqlite3_exec(ds->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK &&
	             sqlite3_prepare_v2(ds->db, "INSERT INTO aside (data, saved_at) VALUES (?1, ?2)",
	                                -1, &stmt, NULL) == SQLITE_OK
	         ? CN_OK
	         : fail(ds->db, ds->path, "brouillon non mis de côté", err);
	if (rc == CN_OK) {
		sqlite3_bind_text(stmt, 1, text_out, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, now, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE ||
		    sqlite3_exec(ds->db,
		                 "DELETE FROM aside WHERE n NOT IN (SELECT n FROM aside ORDER BY n DESC"
		                 " LIMIT " DRAFTS_ASIDE_TEXT ")",
		                 NULL, NULL, NULL) != SQLITE_OK)
			rc = fail(ds->db, ds->path, "brouillon non mis de côté", err);
	}
	sqlite3_finalize(stmt);
	sqlite3_exec(ds->db, rc == CN_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	free(text_out);
	return rc;
}

int draft_aside_each(struct drafts *ds, draft_aside_fn fn, void *ctx, struct cn_err *err)
{
	sqlite3_stmt *stmt = NULL;
	int step;

	if (!ds)
		return CN_OK;
	if (sqlite3_prepare_v2(ds->db, "SELECT n, data, saved_at FROM aside ORDER BY n DESC", -1,
	                       &stmt, NULL) != SQLITE_OK)
		return fail(ds->db, ds->path, "lecture des brouillons impossible", err);
	while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *data = (const char *)sqlite3_column_text(stmt, 1);
		const char *at = (const char *)sqlite3_column_text(stmt, 2);
		struct draft d;
		struct cn_err bad;

		/* An unreadable one is not offered (it cannot come back whole). */
		if (!data || (size_t)sqlite3_column_bytes(stmt, 1) != strlen(data) ||
		    draft_decode(data, &d, &bad) != CN_OK)
			continue;
		if (!at || !timestamp_parse(at, d.saved_at))
			d.saved_at[0] = '\0';
		if (fn(ctx, (long)sqlite3_column_int64(stmt, 0), &d))
			break;
	}
	sqlite3_finalize(stmt);
	return CN_OK;
}

int draft_aside_take(struct drafts *ds, long n, struct cn_err *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (!ds)
		return CN_OK;
	if (sqlite3_prepare_v2(ds->db, "DELETE FROM aside WHERE n = ?1", -1, &stmt, NULL) !=
	    SQLITE_OK)
		return fail(ds->db, ds->path, "brouillon non repris", err);
	sqlite3_bind_int64(stmt, 1, n);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? CN_OK : fail(ds->db, ds->path, "brouillon non repris", err);
	sqlite3_finalize(stmt);
	return rc;
}

int draft_clear(struct drafts *ds, struct cn_err *err)
{
	if (!ds)
		return CN_OK;
	if (sqlite3_exec(ds->db, "DELETE FROM draft", NULL, NULL, NULL) != SQLITE_OK)
		return fail(ds->db, ds->path, "suppression du brouillon impossible", err);
	return CN_OK;
}

/* Deletes from both tables of the drafts file of db the rows `where` (with
 * one bound text) names, then leaves nothing of them in the file (secure
 * delete, vacuum). */
static int erase(const char *db, const char *where, const char *value, struct cn_err *err)
{
	static const char *const tables[] = {"draft", "aside"};
	char path[PATH_MAX + 16], sql[512];
	sqlite3 *f;
	int rc;

	drafts_path(db, path, sizeof path);
	if ((rc = open_file(path, false, &f, err)) == CN_ENOTFOUND)
		return CN_OK;
	if (rc != CN_OK)
		return rc;
	if (sqlite3_exec(f, "PRAGMA secure_delete = ON", NULL, NULL, NULL) != SQLITE_OK)
		rc = fail(f, path, "effacement impossible", err);
	for (size_t i = 0; rc == CN_OK && i < sizeof tables / sizeof tables[0]; i++) {
		sqlite3_stmt *stmt = NULL;
		/* The table names are literals, the value is bound. */
		snprintf(sql, sizeof sql, "DELETE FROM %s WHERE %s", tables[i], where);
		if (sqlite3_prepare_v2(f, sql, -1, &stmt, NULL) != SQLITE_OK)
			rc = fail(f, path, "effacement impossible", err);
		if (rc == CN_OK) {
			sqlite3_bind_text(stmt, 1, value, -1, SQLITE_STATIC);
			if (sqlite3_step(stmt) != SQLITE_DONE)
				rc = fail(f, path, "effacement impossible", err);
		}
		sqlite3_finalize(stmt);
	}
	if (rc == CN_OK && sqlite3_exec(f, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
		rc = fail(f, path, "nettoyage du fichier impossible", err);
	sqlite3_close_v2(f);
	return rc;
}

int drafts_forget(const char *db, const char *code_in, struct cn_err *err)
{
	return erase(db, "instr(data, ?1) > 0", code_in, err);
}

int drafts_purge(const char *db, const char before[DATE_LEN], struct cn_err *err)
{
	/* The draft of a visit dated before the day, or saved before it. */
	return erase(db,
	             "substr(saved_at, 1, 10) < ?1 OR (instr(data, char(10) || 'date=') > 0 AND"
	             " substr(data, instr(data, char(10) || 'date=') + 6, 10) < ?1)",
	             before, err);
}
