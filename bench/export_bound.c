/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_bound: the bound of "carnet export" for bench/exchange.sh — what
 * SQLite itself does to write the same file: the rows of the exchange
 * format selected in SQL, in carnet's order, each column's text written as
 * it is stored (no re-reading, no validation), with the same CSV quoting
 * and the same spreadsheet guard (carnet's csv_out, the cheapest writer
 * that gives the same bytes), and the file synced at the end as carnet's
 * -o does. Every row, no filter.
 *
 *   export_bound DB FILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "carnet/model/csv.h"

/* The columns of a row of version 2 or 3, after "type": those of version
 * 1, then the workshop's, the time's nature, the referral's. */
#define V1_HEADER                                                                          \
	"id,date,heure,duree,site,mediateur,canal,demandes,organismes,posture,present,issue,"  \
	"urgent,oriente_par,oriente_vers,lieu_orientation,note,cree,modifie,supprime,usager,"  \
	"usager_id,tranche_age,genre,quartier,situation,equipement,usager_cree,usager_modifie"
#define V2_HEADER                                                                          \
	"type," V1_HEADER ",titre,themes,niveau,lieu,inscrits,participants,anonymes,"          \
	"anonymes_genre,anonymes_age,anonymes_situation,materiel,nature"
#define V3_HEADER V2_HEADER ",orientation_mode,orientation_lieu,orientation_suite,orientation_reponse"

/* Which columns are values (written without the guard), by position, for
 * version 1 and for versions 2 and 3 (type first). */
static const char v1_values[] = "11110000001010000111010000011";
static const char v2_values[] = "1" "11110000001010000111010000011" "000010100000" "0101";

#define VISIT_V1                                                                            \
	"v.id, v.date, v.time, v.duration, v.site, v.mediator, v.canal, v.demands,"            \
	" v.organisms, v.posture, v.present, v.outcome, v.urgent, v.referred_by, v.referred_to," \
	" v.referred_place, v.note, v.created_at, v.updated_at, v.deleted_at, p.code, p.id,"   \
	" p.age, p.gender, p.area, p.situation, p.equipment, p.created_at, p.updated_at"
#define VISIT_FROM                                                                          \
	" FROM visit v LEFT JOIN person p ON p.id = v.person_id"                              \
	" WHERE v.date >= '' AND v.date <= '9999-12-31' ORDER BY v.date, v.time, v.created_at, v.id"
#define E4 "'', '', '', ''"
#define E12 E4 ", " E4 ", " E4

static const char *const visit_v1 = "SELECT " VISIT_V1 VISIT_FROM;
static const char *const visit_v2 = "SELECT 'passage', " VISIT_V1 ", " E12 VISIT_FROM;
static const char *const visit_v3 =
	"SELECT 'passage', " VISIT_V1 ", " E12 ", v.referral_how, v.referral_place,"
	" v.referral_went, v.referral_answered" VISIT_FROM;
/* The persons of the workshops' participants, alive, by code. */
#define PERSON_ROW                                                                          \
	"SELECT 'usager', " E12 ", " E4 ", " E4 ", p.code, p.id, p.age, p.gender, p.area,"     \
	" p.situation, p.equipment, p.created_at, p.updated_at, " E12
#define PERSON_FROM                                                                         \
	" FROM person p WHERE p.deleted_at IS NULL AND p.id IN"                               \
	" (SELECT person_id FROM workshop_participant) ORDER BY p.code"
#define WORKSHOP_ROW                                                                        \
	"SELECT 'atelier', w.id, w.date, w.time, w.duration, w.site, w.mediators, " E4 ", " E4 \
	", '', '', w.note, w.created_at, w.updated_at, w.deleted_at, " E4 ", " E4 ", '',"      \
	" w.title, w.themes, w.level, w.place, w.registered,"                                 \
	" (SELECT group_concat(c, '|') FROM (SELECT p.code || CASE wp.present WHEN 0 THEN"     \
	" ':absent' ELSE '' END AS c FROM workshop_participant wp JOIN person p"              \
	" ON p.id = wp.person_id WHERE wp.workshop_id = w.id ORDER BY wp.rank)),"             \
	" w.anonymous, w.anon_gender, w.anon_age, w.anon_situation, w.equipment, ''"
#define WORKSHOP_FROM " FROM workshop w ORDER BY w.date, w.time, w.created_at, w.id"
#define TIME_ROW                                                                            \
	"SELECT 'temps', t.id, t.date, t.time, t.duration, t.site, t.mediator, " E4 ", " E4    \
	", '', '', t.note, t.created_at, t.updated_at, t.deleted_at, " E4 ", " E4 ", '', " E4 \
	", " E4 ", '', '', '', t.kind"
#define TIME_FROM " FROM worktime t ORDER BY t.date, t.time, t.created_at, t.id"

static sqlite3 *db;

static void die(const char *what)
{
	fprintf(stderr, "export_bound: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static long scalar(const char *sql)
{
	sqlite3_stmt *stmt;
	long n;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK ||
	    sqlite3_step(stmt) != SQLITE_ROW)
		die(sql);
	n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/* Every row of sql written, values[i] telling whether column i is a value. */
static void rows(struct csv_out *o, const char *sql, const char *values)
{
	sqlite3_stmt *stmt;
	int n, rc;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		die(sql);
	n = sqlite3_column_count(stmt);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			const char *s = (const char *)sqlite3_column_text(stmt, i);
			size_t len = (size_t)sqlite3_column_bytes(stmt, i);
			if (!s)
				s = "", len = 0;
			if (values[i] == '1')
				csv_out_field(o, s, len, ',', i == 0);
			else
				csv_out_text(o, s, len, ',', i == 0);
		}
		csv_out_end_row(o);
	}
	if (rc != SQLITE_DONE)
		die("lecture");
	sqlite3_finalize(stmt);
}

int main(int argc, char **argv)
{
	struct csv_out *o = malloc(sizeof *o);
	FILE *f;
	int v3, activity;

	if (argc != 3 || !o) {
		fprintf(stderr, "usage: export_bound DB FILE\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK)
		die(argv[1]);
	if (!(f = fopen(argv[2], "w"))) {
		perror(argv[2]);
		return 1;
	}
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		die("BEGIN");
	/* The version, as carnet chooses it. */
	v3 = scalar("SELECT EXISTS (SELECT 1 FROM visit WHERE length(referral_how) > 0"
	            " OR length(referral_place) > 0 OR length(referral_went) > 0"
	            " OR length(referral_answered) > 0)") != 0;
	activity = scalar("SELECT EXISTS (SELECT 1 FROM workshop)"
	                  " OR EXISTS (SELECT 1 FROM worktime)") != 0;
	csv_out_init(o, f);
	if (!v3 && !activity) {
		csv_out_raw(o, V1_HEADER "\r\n", sizeof V1_HEADER + 1);
		rows(o, visit_v1, v1_values);
	} else {
		/* The v3 columns of the rows other than visits: four empty ones. */
		const char *more = v3 ? ", " E4 : "";
		char sql[4096];
		if (v3)
			csv_out_raw(o, V3_HEADER "\r\n", sizeof V3_HEADER + 1);
		else
			csv_out_raw(o, V2_HEADER "\r\n", sizeof V2_HEADER + 1);
		snprintf(sql, sizeof sql, PERSON_ROW "%s" PERSON_FROM, more);
		rows(o, sql, v2_values);
		rows(o, v3 ? visit_v3 : visit_v2, v2_values);
		snprintf(sql, sizeof sql, WORKSHOP_ROW "%s" WORKSHOP_FROM, more);
		rows(o, sql, v2_values);
		snprintf(sql, sizeof sql, TIME_ROW "%s" TIME_FROM, more);
		rows(o, sql, v2_values);
	}
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (csv_out_flush(o) != 0 || fflush(f) != 0 || fsync(fileno(f)) != 0 || fclose(f) != 0) {
		perror(argv[2]);
		return 1;
	}
	sqlite3_close(db);
	free(o);
	return 0;
}
