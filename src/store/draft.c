#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/store/draft.h"
#include "carnet/model/text.h"

#define DRAFT_MAX 8192

static size_t put(char *out, size_t size, size_t used, const char *key, const char *value)
{
	int n = snprintf(out + (used < size ? used : size), used < size ? size - used : 0,
	                 "%s=%s\n", key, value);
	return used + (n > 0 ? (size_t)n : 0);
}

size_t draft_encode(const struct draft *d, char *out, size_t size)
{
	const struct visit *v = &d->v;
	char buf[64], codes[CODESET_MAX * CODE_MAX];
	size_t used = 0;

	used = put(out, size, used, "id", v->id);
	used = put(out, size, used, "date", v->date);
	used = put(out, size, used, "time", v->time);
	snprintf(buf, sizeof buf, "%d", v->duration);
	used = put(out, size, used, "duration", buf);
	used = put(out, size, used, "duration_set", d->duration_set ? "1" : "0");
	used = put(out, size, used, "site", v->site);
	used = put(out, size, used, "mediator", v->mediator);
	used = put(out, size, used, "canal", v->canal);
	codeset_join(&v->demands, ",", codes, sizeof codes);
	used = put(out, size, used, "demands", codes);
	codeset_join(&v->organisms, ",", codes, sizeof codes);
	used = put(out, size, used, "organisms", codes);
	used = put(out, size, used, "posture", v->posture);
	used = put(out, size, used, "present", v->present ? "1" : "0");
	used = put(out, size, used, "outcome", v->outcome);
	used = put(out, size, used, "urgent", v->urgent ? "1" : "0");
	used = put(out, size, used, "referred_by", v->referred_by);
	used = put(out, size, used, "referred_to", v->referred_to);
	used = put(out, size, used, "referred_place", v->referred_place);
	used = put(out, size, used, "person", v->person);
	used = put(out, size, used, "note", v->note);
	snprintf(buf, sizeof buf, "%d", d->field);
	used = put(out, size, used, "field", buf);
	snprintf(buf, sizeof buf, "%lld", d->timer_start);
	used = put(out, size, used, "timer_start", buf);
	return used;
}

static void set_field(struct draft *d, const char *key, const char *value)
{
	struct visit *v = &d->v;
	struct cn_err ignored;

	if (strcmp(key, "id") == 0) text_copy(v->id, sizeof v->id, value);
	else if (strcmp(key, "date") == 0) text_copy(v->date, sizeof v->date, value);
	else if (strcmp(key, "time") == 0) text_copy(v->time, sizeof v->time, value);
	else if (strcmp(key, "duration") == 0) v->duration = atoi(value);
	else if (strcmp(key, "duration_set") == 0) d->duration_set = value[0] == '1';
	else if (strcmp(key, "site") == 0) text_copy(v->site, sizeof v->site, value);
	else if (strcmp(key, "mediator") == 0) text_copy(v->mediator, sizeof v->mediator, value);
	else if (strcmp(key, "canal") == 0) text_copy(v->canal, sizeof v->canal, value);
	else if (strcmp(key, "demands") == 0) codeset_parse(&v->demands, value, &ignored);
	else if (strcmp(key, "organisms") == 0) codeset_parse(&v->organisms, value, &ignored);
	else if (strcmp(key, "posture") == 0) text_copy(v->posture, sizeof v->posture, value);
	else if (strcmp(key, "present") == 0) v->present = value[0] == '1';
	else if (strcmp(key, "outcome") == 0) text_copy(v->outcome, sizeof v->outcome, value);
	else if (strcmp(key, "urgent") == 0) v->urgent = value[0] == '1';
	else if (strcmp(key, "referred_by") == 0)
		text_copy(v->referred_by, sizeof v->referred_by, value);
	else if (strcmp(key, "referred_to") == 0)
		text_copy(v->referred_to, sizeof v->referred_to, value);
	else if (strcmp(key, "referred_place") == 0)
		text_copy(v->referred_place, sizeof v->referred_place, value);
	else if (strcmp(key, "person") == 0) text_copy(v->person, sizeof v->person, value);
	else if (strcmp(key, "note") == 0) text_copy(v->note, sizeof v->note, value);
	else if (strcmp(key, "field") == 0) d->field = atoi(value);
	else if (strcmp(key, "timer_start") == 0) d->timer_start = atoll(value);
}

int draft_decode(const char *text, struct draft *d)
{
	const char *p = text;

	memset(d, 0, sizeof *d);
	visit_init(&d->v);
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		const char *eq = memchr(p, '=', len);

		if (eq && (size_t)(eq - p) < 32 && len < NOTE_BYTES + 32) {
			char key[32], value[NOTE_BYTES + 32];
			memcpy(key, p, (size_t)(eq - p));
			key[eq - p] = '\0';
			memcpy(value, eq + 1, len - (size_t)(eq - p) - 1);
			value[len - (size_t)(eq - p) - 1] = '\0';
			set_field(d, key, value);
		}
		p += len;
		if (*p == '\n')
			p++;
	}
	return CN_OK;
}

int draft_save(struct store *st, const struct draft *d, struct cn_err *err)
{
	char *text = malloc(DRAFT_MAX), now[TS_LEN];
	sqlite3_stmt *stmt;
	int rc;

	if (!text)
		return cn_err_set(err, CN_EDB, "mémoire insuffisante");
	if (draft_encode(d, text, DRAFT_MAX) >= DRAFT_MAX || (rc = clock_timestamp(now, err))) {
		free(text);
		return cn_err_set(err, CN_EDB, "brouillon trop long");
	}
	stmt = store_prepare(st,
	                     "INSERT OR REPLACE INTO draft (id, data, saved_at) VALUES (1, ?1, ?2)",
	                     err);
	if (!stmt) {
		free(text);
		return CN_EDB;
	}
	sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt) == SQLITE_DONE ? CN_OK
	                                       : store_fail(st, err, "brouillon non enregistré");
	sqlite3_finalize(stmt);
	free(text);
	return rc;
}

int draft_load(struct store *st, struct draft *d, bool *found, struct cn_err *err)
{
	sqlite3_stmt *stmt = store_prepare(st, "SELECT data, saved_at FROM draft WHERE id = 1", err);
	int rc;

	*found = false;
	if (!stmt)
		return CN_EDB;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		draft_decode((const char *)sqlite3_column_text(stmt, 0), d);
		store_column_copy(stmt, 1, d->saved_at, sizeof d->saved_at);
		*found = true;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "lecture du brouillon impossible");
	return CN_OK;
}

int draft_clear(struct store *st, struct cn_err *err)
{
	if (sqlite3_exec(store_db(st), "DELETE FROM draft", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, "suppression du brouillon impossible");
	return CN_OK;
}
