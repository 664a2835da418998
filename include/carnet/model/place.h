/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A place of the directory (un lieu): a partner the mediator refers people
 * to, with the columns of the national standard of places of digital
 * mediation (LaMednum « standard-mediation-num », schema v1.0.2), plus
 * what only this desk knows: a category of the list oriente_vers and what
 * to bring. The table of the columns, in the standard's order, is the one
 * the store, the CSV import and export and the command line all read. */
#ifndef CARNET_PLACE_H
#define CARNET_PLACE_H

#include <stdbool.h>
#include <stddef.h>
#include "carnet/model/clock.h"
#include "carnet/model/codes.h"
#include "carnet/model/err.h"
#include "carnet/model/ids.h"
#include "carnet/model/lists.h"

#define PLACE_SCHEMA_VERSION "v1.0.2"
#define PLACE_RESUME_MAX 280
#define PLACE_BRING_MAX 200

/* The standard's columns, in its order, then carnet's own fields. */
enum place_field {
	PL_ID, PL_PIVOT, PL_NOM, PL_COMMUNE, PL_CODE_POSTAL, PL_CODE_INSEE, PL_ADRESSE,
	PL_COMPLEMENT_ADRESSE, PL_LATITUDE, PL_LONGITUDE, PL_TYPOLOGIE, PL_TELEPHONE,
	PL_COURRIELS, PL_SITE_WEB, PL_HORAIRES, PL_PRESENTATION_RESUME, PL_PRESENTATION_DETAIL,
	PL_SOURCE, PL_ITINERANCE, PL_STRUCTURE_PARENTE, PL_DATE_MAJ, PL_SERVICES,
	PL_PUBLICS, PL_PRISE_EN_CHARGE, PL_FRAIS, PL_DISPOSITIFS, PL_FORMATIONS_LABELS,
	PL_AUTRES_FORMATIONS, PL_MODALITES_ACCES, PL_MODALITES_ACCOMPAGNEMENT,
	PL_FICHE_ACCES_LIBRE, PL_PRISE_RDV,
	PL_NCOLUMNS,                 /* the standard's 32 columns end here */
	PL_CATEGORY = PL_NCOLUMNS,   /* carnet's: oriente_vers code, may be empty */
	PL_BRING,                    /* carnet's: « à apporter » */
	PL_UID,                      /* carnet's record id */
	PL_COUNT
};

struct place {
	char uid[ID_LEN];
	char id[404], pivot[64], nom[1004], commune[404], code_postal[24], code_insee[24];
	char adresse[1004], complement_adresse[1004], latitude[32], longitude[32];
	char typologie[1004], telephone[64], courriels[2004], site_web[4004];
	char horaires[2004], presentation_resume[PLACE_RESUME_MAX * 4 + 1];
	char presentation_detail[8004], source[1004], itinerance[64];
	char structure_parente[1004], date_maj[24], services[2004], publics[1004];
	char prise_en_charge[2004], frais[256], dispositifs[2004], formations_labels[4004];
	char autres_formations[2004], modalites_acces[2004], modalites_accompagnement[1004];
	char fiche_acces_libre[2004], prise_rdv[2004];
	char category[CODE_MAX];
	char bring[PLACE_BRING_MAX * 4 + 1];
	char created[TS_LEN], updated[TS_LEN], deleted[TS_LEN];
};

/* One column of the standard. */
struct place_column {
	const char *name;        /* as in the schema and the CSV header: "code_postal" */
	const char *label;       /* French, for sheets and messages: "Code postal" */
	size_t offset, size;     /* the field in struct place */
	size_t max;              /* characters at most */
	bool required;
	bool multiple;           /* values joined by '|' */
	const char *const *values; /* a closed list (NULL-terminated), or NULL */
};

/* The column f of the standard (f < PL_NCOLUMNS). */
const struct place_column *place_column(enum place_field f);
/* The column named name, or -1. */
int place_column_by_name(const char *name);
/* French label of any field, carnet's included ("Catégorie"). */
const char *place_field_label(enum place_field f);
/* The text of field f of p (any field but PL_CATEGORY's codes are texts);
 * its buffer's size in *size when size is not NULL. */
char *place_field(struct place *p, enum place_field f, size_t *size);
const char *place_field_c(const struct place *p, enum place_field f);

/* A phone number of the standard as French people write it: "+33299123456"
 * is "02 99 12 34 56" (and so for the overseas departments: "+262262…" is
 * "02 62…"), "+687281234" is "+687 28 12 34"; anything else as it is. */
void place_phone_display(const char *phone, char *out, size_t size);
void place_init(struct place *p);
/* Sets field f from text as a file or a user writes it, normalized: line
 * breaks and tabs become spaces, spaces at either end go; multiple values
 * are split at '|' or ';' (and ',' when commas), trimmed, joined by '|';
 * a value of a closed list takes the standard's spelling when it is one of
 * them but for case, accents, apostrophe (’ for ') or spaces; a French
 * phone number (02 99 12 34 56, 0299123456, +33 2 99…) becomes the
 * standard's +33299123456; spaces leave the pivot (SIRET by groups); a
 * decimal comma of latitude and longitude becomes a point. CN_EINVAL when
 * the text does not fit the field. */
int place_set(struct place *p, enum place_field f, const char *text, bool commas,
              struct cn_err *err);
/* Checks every field: the standard's required columns, its patterns
 * (pivot, code_postal, code_insee, telephone), numbers, date_maj
 * (AAAA-MM-JJ), its closed lists, lengths (presentation_resume 280
 * characters), texts without control characters; carnet's category a code
 * of oriente_vers (prev_category: the one the place had, which stays valid
 * though retired), bring 200 characters at most. err->field is the field;
 * the message names it in French. */
int place_validate(const struct place *p, const char *prev_category, const struct lists *ls,
                   struct cn_err *err);
/* Whether the standard's columns of a and b are all equal. */
bool place_same_columns(const struct place *a, const struct place *b);
/* Whether the multiple value list ("a|b|c") holds value (exactly). */
bool place_has_value(const char *list, const char *value);
/* The value of a closed list that text names (folded equality), or NULL. */
const char *place_value_of(enum place_field f, const char *text);
/* The accepted values of a closed list, joined by " | " into out. */
void place_accepted(enum place_field f, char *out, size_t size);

#endif
