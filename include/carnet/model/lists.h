/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Value lists: stable lowercase codes (stored) and French labels (shown). */
#ifndef CARNET_LISTS_H
#define CARNET_LISTS_H

#include <stdbool.h>
#include <stddef.h>
#include "carnet/model/codes.h"
#include "carnet/model/err.h"

enum list_id {
	L_POSTURE,
	L_CANAL,
	L_DEMANDE,
	L_ORGANISME,
	L_ISSUE,
	L_ORIENTE_PAR,
	L_ORIENTE_VERS,
	L_TRANCHE_AGE,
	L_GENRE,
	L_QUARTIER,
	L_SITUATION,
	L_EQUIPEMENT,
	L_SITE,
	L_MEDIATEUR,
	L_THEME_ATELIER,   /* workshops */
	L_NIVEAU_ATELIER,
	L_LIEU_ATELIER,
	L_MATERIEL,
	L_TEMPS,           /* time outside accompaniment */
	L_ORIENTATION_MODE,  /* how a person was referred */
	L_ORIENTATION_SUITE, /* whether they got there */
	L_COUNT
};

/* Site code used when the configuration names no site at all. */
#define DEFAULT_SITE_CODE "defaut"
#define DEFAULT_SITE_LABEL "Site par défaut"

struct list_entry {
	char code[CODE_MAX];
	char *label;
	bool retired;
};

struct vlist {
	struct list_entry *e;
	int n, cap;
};

struct lists {
	struct vlist l[L_COUNT];
};

/* INI section name ("oriente_par") and French title ("Orienté par"). */
const char *list_section(enum list_id id);
const char *list_title(enum list_id id);
/* The list whose section name is `name`, or -1. */
int list_by_section(const char *name);

void lists_init(struct lists *ls);
void lists_free(struct lists *ls);
/* Adds code at the end, or relabels it where it exists. */
int vlist_set(struct vlist *vl, const char *code, const char *label);
const struct list_entry *vlist_find(const struct vlist *vl, const char *code);
/* Number of entries not retired. */
int vlist_active_count(const struct vlist *vl);

/* Label of code, or the code itself when the list does not know it
 * (records merged from a desk with other lists). */
const char *lists_label(const struct lists *ls, enum list_id id, const char *code);
/* CN_OK when code is in the list and not retired; otherwise CN_EINVAL with a
 * French message listing the accepted codes. `kept` is a code the record
 * already had: a retired code stays valid on the record that holds it. */
int lists_check(const struct lists *ls, enum list_id id, const char *code,
                bool kept, struct cn_err *err);
/* Codes met in records from another desk that this desk's lists do not
 * know: kept on the records, shown as themselves, told to the user once. */
#define UNKNOWN_MAX 64
struct unknown_codes {
	int n;
	bool more;       /* more than UNKNOWN_MAX were met */
	struct {
		enum list_id list;
		char code[CODE_MAX];
	} e[UNKNOWN_MAX];
};
/* The rule for records from another desk: a code the list knows (retired or
 * not) is fine; a well-formed unknown code is fine too and noted in `u`;
 * anything else is CN_EINVAL ("code invalide"). */
int lists_check_foreign(const struct lists *ls, enum list_id id, const char *code,
                        struct unknown_codes *u, struct cn_err *err);
/* lists_check() when foreign is NULL, lists_check_foreign() otherwise. */
int lists_check_by(const struct lists *ls, enum list_id id, const char *code, bool kept,
                   struct unknown_codes *foreign, struct cn_err *err);
/* "organisme zz_mairie, canal aa_guichet" */
void unknown_codes_format(const struct unknown_codes *u, char *out, size_t size);
/* Active codes of a list, comma separated ("aucune" when empty). */
void lists_accepted(const struct lists *ls, enum list_id id, char *out, size_t size);

#endif
