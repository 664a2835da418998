/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The exchange format: the CSV reader, records and the sync rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/config.h"
#include "carnet/model/csv.h"
#include "carnet/store/record.h"
#include "carnet/exchange/sync.h"
#include "fixtures.h"
#include "harness.h"

static struct config cfg;

/* Reads every record of text as "line:a|b;line:c|d", an error as
 * "ERRline:message" (the reader goes on after it). */
static const char *records(const char *text)
{
	static char out[2048];
	struct csv_reader r;
	struct cn_err err;
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int rc;

	out[0] = '\0';
	csv_reader_init(&r, f);
	while ((rc = csv_read(&r, &err)) != 0) {
		size_t used = strlen(out);
		if (rc < 0) {
			snprintf(out + used, sizeof out - used, "%sERR%ld:%.200s", used ? ";" : "",
			         r.record_line, err.msg);
			continue;
		}
		snprintf(out + used, sizeof out - used, "%s%ld:", used ? ";" : "", r.record_line);
		for (int i = 0; i < r.n; i++) {
			used = strlen(out);
			snprintf(out + used, sizeof out - used, "%s%.100s", i ? "|" : "", r.field[i]);
		}
	}
	csv_reader_free(&r);
	fclose(f);
	return out;
}

static void test_csv_reader(void)
{
	CHECK_STR(records("a,b\r\nc,d\r\n"), "1:a|b;2:c|d");
	CHECK_STR(records("a,b\nc,d"), "1:a|b;2:c|d");                /* LF, no last line end */
	CHECK_STR(records("\xef\xbb\xbf" "a;b\nc;d\n"), "1:a|b;2:c|d"); /* BOM and ';' */
	CHECK_STR(records("a;b\nc,d;e\n"), "1:a|b;2:c,d|e");           /* ';' found first */
	CHECK_STR(records("a,\"b,c\"\n"), "1:a|b,c");
	CHECK_STR(records("a,\"say \"\"hi\"\"\"\n"), "1:a|say \"hi\"");
	CHECK_STR(records("a,\"two\r\nlines\"\nnext,x\n"), "1:a|two\r\nlines;3:next|x");
	CHECK_STR(records("a,b\n\n\r\nc,d\n"), "1:a|b;4:c|d");         /* blank lines */
	CHECK_STR(records("a,,\n"), "1:a||");
	CHECK_STR(records(""), "");
	CHECK_STR(records("a,\"open\nb\n"),
	          "ERR1:guillemets non fermés (champ ouvert ligne 1)");
	CHECK_STR(records("a,b\n\"x\"y,z\nc,d\n"),
	          "1:a|b;ERR2:guillemets mal placés : du texte suit des guillemets fermants;3:c|d");
}

static void test_csv_limits(void)
{
	size_t n = CSV_FIELD_MAX + 10;
	char *big = malloc(n + 8);
	struct csv_reader r;
	struct cn_err err;
	FILE *f;

	memset(big, 'x', n);
	memcpy(big + n, "\nok\n", 5);
	f = fmemopen(big, n + 4, "r");
	csv_reader_init(&r, f);
	CHECK_INT(csv_read(&r, &err), -1);
	CHECK(strstr(err.msg, "champ de plus de") != NULL);
	/* The reader goes on at the next line. */
	CHECK_INT(csv_read(&r, &err), 1);
	CHECK_STR(r.field[0], "ok");
	CHECK_INT(r.record_line, 2);
	csv_reader_free(&r);
	fclose(f);
	free(big);
	f = fmemopen((void *)"a,b\0c\n", 6, "r");
	csv_reader_init(&r, f);
	CHECK_INT(csv_read(&r, &err), -1);
	CHECK(strstr(err.msg, "octet nul") != NULL);
	csv_reader_free(&r);
	fclose(f);
}

static void typical(struct record *r)
{
	struct cn_err err;
	const char *cols[][2] = {
		{"id", "0f0e8b6a-3c1d-4e2f-9a8b-7c6d5e4f3a2b"}, {"date", "2026-11-03"},
		{"heure", "10:30"}, {"duree", "20"}, {"site", "defaut"}, {"canal", "libre"},
		{"demandes", "suivi|compte"}, {"organismes", "caf"}, {"posture", "avec"},
		{"present", "1"}, {"urgent", "0"}, {"cree", "2026-11-03T09:30:00Z"},
		{"modifie", "2026-11-03T09:30:00.000Z"},
	};
	record_init(r);
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		CHECK_INT(record_set(r, (enum record_col)record_column(cols[i][0]), cols[i][1], &err),
		          CN_OK);
}

static void test_record_fields(void)
{
	struct record r;
	struct unknown_codes u = {0};
	struct cn_err err;
	enum record_col col;
	char *line;

	typical(&r);
	CHECK_STR(r.v.created, "2026-11-03T09:30:00.000Z");   /* milliseconds added */
	CHECK_INT(r.v.demands.n, 2);
	CHECK_INT(record_validate(&r, &cfg.lists, &u, &col, &err), CN_OK);
	line = record_visit_line(&r);
	CHECK_STR(line, "0f0e8b6a-3c1d-4e2f-9a8b-7c6d5e4f3a2b,2026-11-03,10:30,20,defaut,,libre,"
	                "suivi|compte,caf,avec,1,,0,,,,,2026-11-03T09:30:00.000Z,"
	                "2026-11-03T09:30:00.000Z,,");
	free(line);
	CHECK_INT(record_set(&r, RC_DURATION, "1h30", &err), CN_EINVAL);
	CHECK_INT(record_set(&r, RC_PRESENT, "oui", &err), CN_EINVAL);
	CHECK_INT(record_set(&r, RC_CREATED, "2026-11-03 09:30", &err), CN_EINVAL);
	CHECK_INT(record_set(&r, RC_DEMANDS, "suivi||info", &err), CN_EINVAL);
	CHECK_INT(record_set(&r, RC_DEMANDS, "suivi|suivi", &err), CN_EINVAL);
	CHECK_INT(record_set(&r, RC_NOTE, "caf\xe9", &err), CN_EINVAL);
	/* A well-formed code unknown here is kept and noted; a malformed one is refused. */
	typical(&r);
	CHECK_INT(record_set(&r, RC_ORGANISMS, "caf|zz_mairie", &err), CN_OK);
	CHECK_INT(record_validate(&r, &cfg.lists, &u, &col, &err), CN_OK);
	CHECK_INT(u.n, 1);
	CHECK_STR(u.e[0].code, "zz_mairie");
	CHECK_INT(record_set(&r, RC_CANAL, "Guichet!", &err), CN_OK);
	CHECK_INT(record_validate(&r, &cfg.lists, &u, &col, &err), CN_EINVAL);
	CHECK_INT(col, RC_CANAL);
	CHECK(strstr(err.msg, "code invalide") != NULL);
	/* Profile columns without a person code. */
	typical(&r);
	CHECK_INT(record_set(&r, RC_AGE, "25_39", &err), CN_OK);
	CHECK_INT(record_validate(&r, &cfg.lists, &u, &col, &err), CN_EINVAL);
	CHECK_INT(col, RC_AGE);
}

static int visits(struct store *st, const char *where)
{
	char sql[256];
	sqlite3_stmt *stmt;
	int n = -1;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM visit WHERE %s", where);
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

static void test_sync_rules(void)
{
	char path[512];
	struct store *st;
	struct sync s;
	struct record r, later, older;
	struct cn_err err;
	enum record_col col;

	snprintf(path, sizeof path, "%s/sync.db", harness_tmpdir());
	CHECK_INT(store_open(&st, path, &err), CN_OK);
	CHECK_INT(sync_init(&s, st, &cfg.lists, &err), CN_OK);
	CHECK_INT(store_begin(st, &err), CN_OK);
	typical(&r);
	CHECK_INT(sync_apply(&s, &r, &col, &err), CN_OK);
	CHECK_INT(sync_apply(&s, &r, &col, &err), CN_OK);
	CHECK_INT(s.n.added, 1);
	CHECK_INT(s.n.unchanged, 1);
	/* The later version wins, ours goes to the history. */
	later = r;
	later.v.duration = 45;
	strcpy(later.v.updated, "2026-11-04T08:00:00.000Z");
	CHECK_INT(sync_apply(&s, &later, &col, &err), CN_OK);
	CHECK_INT(s.n.updated, 1);
	CHECK_INT(visits(st, "duration = 45"), 1);
	/* An older one changes nothing but is kept once. */
	older = r;
	older.v.duration = 99;
	strcpy(older.v.updated, "2026-11-03T12:00:00.000Z");
	CHECK_INT(sync_apply(&s, &older, &col, &err), CN_OK);
	CHECK_INT(sync_apply(&s, &older, &col, &err), CN_OK);
	CHECK_INT(visits(st, "duration = 45"), 1);
	CHECK_INT(s.n.unchanged, 3);
	/* A later tombstone deletes. */
	later.v.duration = 45;
	strcpy(later.v.updated, "2026-11-05T08:00:00.000Z");
	strcpy(later.v.deleted, "2026-11-05T08:00:00.000Z");
	CHECK_INT(sync_apply(&s, &later, &col, &err), CN_OK);
	CHECK_INT(s.n.deleted, 1);
	CHECK_INT(visits(st, "deleted_at IS NOT NULL"), 1);
	CHECK_INT(store_commit(st, &err), CN_OK);
	{
		sqlite3_stmt *stmt;
		int n = -1;
		if (sqlite3_prepare_v2(store_db(st), "SELECT count(*) FROM visit_history", -1, &stmt,
		                       NULL) == SQLITE_OK &&
		    sqlite3_step(stmt) == SQLITE_ROW)
			n = sqlite3_column_int(stmt, 0);
		sqlite3_finalize(stmt);
		/* Ours at 09:30 (lost to 08:00 next day), the older at 12:00, ours at
		 * 08:00 (lost to the tombstone). */
		CHECK_INT(n, 3);
	}
	sync_free(&s);
	store_close(st);
}

static void test_summary(void)
{
	char line[128];
	struct sync_counts n = {2, 1, 0, 1, 0};

	sync_summary(&n, line, sizeof line);
	CHECK_STR(line, "2 nouveaux, 1 modifié, 0 inchangé, 1 supprimé, 0 rejeté");
	n = (struct sync_counts){0, 0, 3, 0, 2};
	sync_summary(&n, line, sizeof line);
	CHECK_STR(line, "0 nouveau, 0 modifié, 3 inchangés, 0 supprimé, 2 rejetés");
}

int main(void)
{
	const char *paths[] = {shipped_ini()};
	struct cn_err err;

	setenv("TZ", "Europe/Paris", 1);
	setenv("CARNET_NOW", "2026-11-18T10:30", 1);
	if (config_load_files(&cfg, paths, 1, NULL, NULL, &err) != CN_OK) {
		printf("not ok - loading %s: %s\n", paths[0], err.msg);
		return 1;
	}
	RUN(test_csv_reader);
	RUN(test_csv_limits);
	RUN(test_record_fields);
	RUN(test_sync_rules);
	RUN(test_summary);
	config_free(&cfg);
	return harness_finish();
}
