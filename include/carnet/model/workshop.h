/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workshop (un atelier): a collective session, its participants by
 * pseudonymous code (present or absent) and its anonymous attendees, and
 * its rules. */
#ifndef CARNET_WORKSHOP_H
#define CARNET_WORKSHOP_H

#include <stdbool.h>
#include "carnet/model/clock.h"
#include "carnet/model/codes.h"
#include "carnet/model/err.h"
#include "carnet/model/ids.h"
#include "carnet/model/lists.h"
#include "carnet/model/visit.h"

#define TITLE_MAX_CHARS 120
#define TITLE_BYTES (TITLE_MAX_CHARS * 4 + 1)
#define PARTICIPANTS_MAX 60     /* persons with a code in one workshop */
#define ATTENDEES_MAX 999       /* anonymous attendees, registrations */
#define WORKSHOP_DURATION_MAX DURATION_MAX

enum workshop_field {
	WF_ID,
	WF_DATE,
	WF_TIME,
	WF_DURATION,
	WF_SITE,
	WF_MEDIATORS,
	WF_TITLE,
	WF_THEMES,
	WF_LEVEL,
	WF_PLACE,
	WF_REGISTERED,
	WF_PARTICIPANTS,
	WF_ANONYMOUS,
	WF_ANON_GENDER,
	WF_ANON_AGE,
	WF_ANON_SITUATION,
	WF_EQUIPMENT,
	WF_NOTE,
	WF_COUNT
};

struct participant {
	char code[PCODE_MAX];
	bool present;
};

/* Anonymous attendees counted by the codes of a profile list ("femme=3"). */
struct tally {
	int n;
	struct {
		char code[CODE_MAX];
		int count;
	} e[CODESET_MAX];
};

struct workshop {
	char id[ID_LEN];
	char date[DATE_LEN];
	char time[HHMM_LEN];
	int duration;                    /* minutes, 1 to WORKSHOP_DURATION_MAX */
	char site[CODE_MAX];
	struct codeset mediators;        /* who led it, zero or more (co-led) */
	char title[TITLE_BYTES];         /* may be empty */
	struct codeset themes;           /* theme_atelier, at least one */
	char level[CODE_MAX];            /* niveau_atelier, may be empty */
	char place[CODE_MAX];            /* lieu_atelier, may be empty */
	int registered;                  /* -1: not known */
	int nparticipants;
	struct participant participants[PARTICIPANTS_MAX];
	int anonymous;                   /* anonymous attendees (present) */
	struct tally anon_gender;        /* genre, counts adding up to anonymous at most */
	struct tally anon_age;           /* tranche_age */
	struct tally anon_situation;     /* situation */
	struct codeset equipment;        /* materiel, "aucun" stands alone */
	char note[NOTE_BYTES];
	char created[TS_LEN], updated[TS_LEN], deleted[TS_LEN];
};

/* Empty workshop: registrations not known, everything else unset. */
void workshop_init(struct workshop *w);
/* French name of a field, as shown in messages ("thèmes"). */
const char *workshop_field_label(enum workshop_field f);
/* The list a field's codes come from (-1 for none). */
int workshop_field_list(enum workshop_field f);
/* Participants present (with a code) plus anonymous attendees. */
int workshop_present(const struct workshop *w);
/* The participant of a code, or NULL. */
struct participant *workshop_participant(struct workshop *w, const char *code);
/* Adds a participant (or changes its presence); CN_EINVAL when full or
 * the code is not a person code. */
int workshop_add_participant(struct workshop *w, const char *code, bool present,
                             struct cn_err *err);
void workshop_remove_participant(struct workshop *w, const char *code);

/* "CODE" or "CODE:absent", joined by sep: what the exchange format and
 * --participant write. */
void participants_format(const struct workshop *w, const char *sep, char *out, size_t size);
/* Reads "K7M2QX|AB12CD:absent" (sep '|' or ','); CN_EINVAL with a French
 * reason on a bad code or presence. */
int participants_parse(struct workshop *w, const char *text, struct cn_err *err);
/* "femme=3|homme=2" (sep '|' or ',') into t; counts 1 to ATTENDEES_MAX, codes
 * well-formed and each once. */
int tally_parse(struct tally *t, const char *text, struct cn_err *err);
void tally_format(const struct tally *t, const char *sep, char *out, size_t size);
int tally_sum(const struct tally *t);
int tally_count(const struct tally *t, const char *code);
/* Adds delta (may be negative) to the count of code, which leaves the tally
 * at 0 and stays within ATTENDEES_MAX; the new count (0 when full). */
int tally_add(struct tally *t, const char *code, int delta);

/* Checks every field against the rules and the value lists (see
 * visit_validate). Participants are checked as codes here; that they are
 * persons of the base is the store's business. Nobody present at all (no
 * participant present and no anonymous attendee) is refused; fewer
 * registered than present is fine (people came without registering). */
int workshop_validate(const struct workshop *w, const struct workshop *prev,
                      const struct lists *ls, struct cn_err *err);
int workshop_validate_foreign(const struct workshop *w, const struct lists *ls,
                              struct unknown_codes *unknown, struct cn_err *err);

#endif
