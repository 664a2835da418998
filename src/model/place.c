/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "carnet/model/fold.h"
#include "carnet/model/place.h"
#include "carnet/model/rules.h"
#include "carnet/model/text.h"

/* The closed lists of schema v1.0.2, spelled as the schema spells them. */
static const char *const itinerance[] = {"Itinérant", "Fixe", NULL};
static const char *const services[] = {
	"Aide aux démarches administratives",
	"Maîtrise des outils numériques du quotidien",
	"Insertion professionnelle via le numérique",
	"Utilisation sécurisée du numérique",
	"Parentalité et éducation avec le numérique",
	"Loisirs et créations numériques",
	"Compréhension du monde numérique",
	"Accès internet et matériel informatique",
	"Acquisition de matériel informatique à prix solidaire",
	NULL,
};
static const char *const publics[] = {"Jeunes", "Étudiants", "Familles et/ou enfants",
                                      "Seniors", "Femmes", NULL};
static const char *const prise_en_charge[] = {
	"Surdité", "Handicaps moteurs", "Handicaps mentaux", "Illettrisme",
	"Langues étrangères (anglais)", "Langues étrangères (autres)", "Déficience visuelle",
	NULL,
};
static const char *const frais[] = {"Gratuit", "Gratuit sous condition", "Payant", NULL};
static const char *const dispositifs[] = {
	"Aidants Connect", "Bibliothèques numérique de référence", "Certification PIX",
	"Conseillers numériques", "Emmaüs Connect", "France Services",
	"Grande école du numérique", "La Croix Rouge", "Point d'accès numérique CAF",
	"Promeneurs du net", "Relais numérique (Emmaüs Connect)", NULL,
};
static const char *const formations[] = {
	"Formé à « Mon Espace Santé »",
	"Formé à « DUPLEX » (illettrisme)",
	"Arnia/MedNum BFC (Bourgogne-Franche-Comté)",
	"Collectif ressources et acteurs réemploi (Normandie)",
	"Étapes numériques(La Poste)",
	"Fabriques de Territoire",
	"Les Éclaireurs du numérique (Drôme)",
	"Mes Papiers (Métropole de Lyon)",
	"ORDI 3.0",
	"SUD LABS (PACA)",
	NULL,
};
static const char *const acces[] = {
	"Se présenter", "Téléphoner", "Contacter par mail", "Prendre un RDV en ligne",
	"Ce lieu n'accueille pas de public", "Envoyer un mail avec une fiche de prescription",
	NULL,
};
static const char *const accompagnement[] = {"En autonomie", "Accompagnement individuel",
                                             "Dans un atelier collectif", "À distance", NULL};

#define COL(name, label, member, max, req, mult, values)                                   \
	{name, label, offsetof(struct place, member), sizeof((struct place *)0)->member, max, \
	 req, mult, values}

static const struct place_column columns[PL_NCOLUMNS] = {
	COL("id", "Identifiant", id, 100, true, false, NULL),
	COL("pivot", "SIRET ou RNA", pivot, 14, true, false, NULL),
	COL("nom", "Nom", nom, 250, true, false, NULL),
	COL("commune", "Commune", commune, 100, true, false, NULL),
	COL("code_postal", "Code postal", code_postal, 5, true, false, NULL),
	COL("code_insee", "Code INSEE", code_insee, 5, false, false, NULL),
	COL("adresse", "Adresse", adresse, 250, true, false, NULL),
	COL("complement_adresse", "Complément d'adresse", complement_adresse, 250, false, false,
	    NULL),
	COL("latitude", "Latitude", latitude, 20, false, false, NULL),
	COL("longitude", "Longitude", longitude, 20, false, false, NULL),
	COL("typologie", "Typologie", typologie, 250, false, true, NULL),
	COL("telephone", "Téléphone", telephone, 16, false, false, NULL),
	COL("courriels", "Courriels", courriels, 500, false, true, NULL),
	COL("site_web", "Site web", site_web, 1000, false, true, NULL),
	COL("horaires", "Horaires", horaires, 500, false, false, NULL),
	COL("presentation_resume", "Présentation résumée", presentation_resume,
	    PLACE_RESUME_MAX, false, false, NULL),
	COL("presentation_detail", "Présentation détaillée", presentation_detail, 2000, false,
	    false, NULL),
	COL("source", "Source", source, 250, false, false, NULL),
	COL("itinerance", "Itinérance", itinerance, 20, false, true, itinerance),
	COL("structure_parente", "Structure parente", structure_parente, 250, false, false,
	    NULL),
	COL("date_maj", "Mise à jour", date_maj, 10, true, false, NULL),
	COL("services", "Services", services, 500, false, true, services),
	COL("publics_specifiquement_adresses", "Publics spécifiquement adressés", publics, 250,
	    false, true, publics),
	COL("prise_en_charge_specifique", "Prise en charge spécifique", prise_en_charge, 500,
	    false, true, prise_en_charge),
	COL("frais_a_charge", "Frais à charge", frais, 60, false, true, frais),
	COL("dispositif_programmes_nationaux", "Dispositifs et programmes nationaux",
	    dispositifs, 500, false, true, dispositifs),
	COL("formations_labels", "Formations et labels", formations_labels, 1000, false, true,
	    formations),
	COL("autres_formations_labels", "Autres formations et labels", autres_formations, 500,
	    false, false, NULL),
	COL("modalites_acces", "Modalités d'accès", modalites_acces, 500, false, true, acces),
	COL("modalites_accompagnement", "Modalités d'accompagnement", modalites_accompagnement,
	    250, false, true, accompagnement),
	COL("fiche_acces_libre", "Fiche Accès libre", fiche_acces_libre, 500, false, false,
	    NULL),
	COL("prise_rdv", "Prise de rendez-vous", prise_rdv, 500, false, false, NULL),
};

const struct place_column *place_column(enum place_field f)
{
	return f < PL_NCOLUMNS ? &columns[f] : NULL;
}

int place_column_by_name(const char *name)
{
	for (int i = 0; i < PL_NCOLUMNS; i++)
		if (strcmp(columns[i].name, name) == 0)
			return i;
	return -1;
}

const char *place_field_label(enum place_field f)
{
	if (f < PL_NCOLUMNS)
		return columns[f].label;
	switch (f) {
	case PL_CATEGORY: return "Catégorie";
	case PL_BRING: return "À apporter";
	default: return "Identifiant carnet";
	}
}

char *place_field(struct place *p, enum place_field f, size_t *size)
{
	char *s;
	size_t n;

	if (f < PL_NCOLUMNS) {
		s = (char *)p + columns[f].offset;
		n = columns[f].size;
	} else if (f == PL_CATEGORY) {
		s = p->category;
		n = sizeof p->category;
	} else if (f == PL_BRING) {
		s = p->bring;
		n = sizeof p->bring;
	} else {
		s = p->uid;
		n = sizeof p->uid;
	}
	if (size)
		*size = n;
	return s;
}

const char *place_field_c(const struct place *p, enum place_field f)
{
	return place_field((struct place *)p, f, NULL);
}

void place_init(struct place *p)
{
	memset(p, 0, sizeof *p);
}

const char *place_value_of(enum place_field f, const char *text)
{
	const char *const *v = f < PL_NCOLUMNS ? columns[f].values : NULL;
	char want[512], have[512];

	if (!v)
		return NULL;
	fold_text(text, want, sizeof want);
	for (; *v; v++) {
		fold_text(*v, have, sizeof have);
		if (strcmp(want, have) == 0)
			return *v;
	}
	return NULL;
}

void place_accepted(enum place_field f, char *out, size_t size)
{
	const char *const *v = f < PL_NCOLUMNS ? columns[f].values : NULL;
	size_t used = 0;

	out[0] = '\0';
	for (; v && *v; v++) {
		int n = snprintf(out + used, size - used, "%s%s", used ? " | " : "", *v);
		if (n < 0 || (size_t)n >= size - used)
			return;
		used += (size_t)n;
	}
}

bool place_has_value(const char *list, const char *value)
{
	size_t n = strlen(value);

	if (!n)
		return false;
	for (const char *s = list; (s = strstr(s, value)) != NULL; s++)
		if ((s == list || s[-1] == '|') && (s[n] == '|' || s[n] == '\0'))
			return true;
	return false;
}

/* Line breaks and tabs as spaces, spaces at either end removed. */
static void flatten(char *s)
{
	for (char *c = s; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	text_trim(s);
}

/* "a ; b| c" into "a|b|c": empty values dropped; closed lists' values
 * respelled as the standard spells them. */
static void normalize_multiple(enum place_field f, char *s, size_t size, bool commas)
{
	char *copy = strdup(s), *save = NULL, *tok;
	size_t used = 0;
	const char *seps = commas ? "|;," : "|;";

	if (!copy)
		return;
	s[0] = '\0';
	for (tok = strtok_r(copy, seps, &save); tok; tok = strtok_r(NULL, seps, &save)) {
		const char *value;
		text_trim(tok);
		if (!*tok)
			continue;
		value = place_value_of(f, tok);
		int n = snprintf(s + used, size - used, "%s%s", used ? "|" : "", value ? value : tok);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	free(copy);
}

/* Removes every character of drop from s. */
static void squeeze(char *s, const char *drop)
{
	char *w = s;

	for (; *s; s++)
		if (!strchr(drop, *s))
			*w++ = *s;
	*w = '\0';
}

static void normalize_phone(char *s, size_t size)
{
	char digits[64];

	squeeze(s, " .-()/\xc2\xa0");
	if (strncmp(s, "0033", 4) == 0) {
		snprintf(digits, sizeof digits, "+%s", s + 2);
		snprintf(s, size, "%s", digits);
	}
	if (strlen(s) == 10 && s[0] == '0' && s[1] != '0' && strspn(s, "0123456789") == 10) {
		snprintf(digits, sizeof digits, "+33%s", s + 1);
		snprintf(s, size, "%s", digits);
	}
	/* "+33 (0)2 99…" leaves a 0 after the country code. */
	if (strncmp(s, "+330", 4) == 0 && strlen(s) == 13)
		memmove(s + 3, s + 4, strlen(s + 4) + 1);
}

int place_set(struct place *p, enum place_field f, const char *text, bool commas,
              struct cn_err *err)
{
	size_t size;
	char *dst = place_field(p, f, &size);

	if (f == PL_UID)
		return cn_err_field(err, CN_EINVAL, f, "identifiant carnet non modifiable");
	if (strlen(text) >= size)
		return cn_err_field(err, CN_EINVAL, f, "%s : texte trop long (%zu caractères au plus)",
		                    place_field_label(f),
		                    f < PL_NCOLUMNS ? columns[f].max
		                    : f == PL_BRING ? (size_t)PLACE_BRING_MAX
		                                    : (size_t)CODE_MAX - 1);
	memcpy(dst, text, strlen(text) + 1);
	flatten(dst);
	if (f == PL_CATEGORY) {
		text_lower_ascii(dst);
		return CN_OK;
	}
	if (f < PL_NCOLUMNS && columns[f].multiple)
		normalize_multiple(f, dst, size, commas);
	else if (f == PL_TELEPHONE)
		normalize_phone(dst, size);
	else if (f == PL_PIVOT)
		squeeze(dst, " ");
	else if (f == PL_LATITUDE || f == PL_LONGITUDE) {
		char *comma = strchr(dst, ',');
		if (comma)
			*comma = '.';
	}
	return CN_OK;
}

static bool all_of(const char *s, size_t min, size_t max, int (*is)(int))
{
	size_t n = strlen(s);

	if (n < min || n > max)
		return false;
	for (; *s; s++)
		if (!is((unsigned char)*s))
			return false;
	return true;
}

static int is_alnum_ascii(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit_ascii(int c)
{
	return c >= '0' && c <= '9';
}

/* The schema's pattern: ^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)\d{6,9}$ */
static bool phone_valid(const char *s)
{
	static const char *const codes[] = {"+33", "+590", "+594", "+262", "+596",
	                                    "+269", "+687", "+689", "+508", "+681"};

	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		size_t n = strlen(codes[i]);
		if (strncmp(s, codes[i], n) == 0 && all_of(s + n, 6, 9, is_digit_ascii))
			return true;
	}
	return false;
}

/* ^([013-9]\d|2[AB1-9])\d{3}$ */
static bool insee_valid(const char *s)
{
	if (strlen(s) != 5 || !all_of(s + 2, 3, 3, is_digit_ascii))
		return false;
	if (s[0] == '2')
		return s[1] == 'A' || s[1] == 'B' || (s[1] >= '1' && s[1] <= '9');
	return is_digit_ascii(s[0]) && is_digit_ascii(s[1]);
}

static bool number_in(const char *s, double lo, double hi)
{
	char *end;
	double v;

	if (!*s || strspn(s, "+-0123456789.") != strlen(s))
		return false;
	v = strtod(s, &end);
	return *end == '\0' && v >= lo && v <= hi;
}

static int check_values(const struct place *p, enum place_field f, struct cn_err *err)
{
	const char *list = place_field_c(p, f);
	char value[1024], accepted[1024];

	for (const char *s = list; *s;) {
		size_t n = strcspn(s, "|");
		snprintf(value, sizeof value, "%.*s", (int)n, s);
		if (!place_value_of(f, value)) {
			place_accepted(f, accepted, sizeof accepted);
			return cn_err_field(err, CN_EINVAL, f,
			                    "valeur inconnue « %s » (%s). Valeurs acceptées : %s", value,
			                    columns[f].label, accepted);
		}
		s += n;
		if (*s == '|')
			s++;
	}
	return CN_OK;
}

static int check_column(const struct place *p, enum place_field f, struct cn_err *err)
{
	const struct place_column *c = &columns[f];
	const char *v = place_field_c(p, f);
	int rc;

	if (!v[0])
		return c->required ? cn_err_field(err, CN_EINVAL, f, "%s obligatoire", c->label)
		                   : CN_OK;
	if ((rc = rule_text(v, c->max, f, err)) != CN_OK)
		return rc;
	switch (f) {
	case PL_PIVOT:
		if (!all_of(v, 9, 14, is_alnum_ascii))
			return cn_err_field(err, CN_EINVAL, f,
			                    "SIRET ou RNA invalide « %s » (9 à 14 lettres ou chiffres : "
			                    "SIRET 12345678900012, RNA W351234567)",
			                    v);
		break;
	case PL_CODE_POSTAL:
		if (!all_of(v, 5, 5, is_digit_ascii))
			return cn_err_field(err, CN_EINVAL, f,
			                    "code postal invalide « %s » (5 chiffres attendus : 35000)", v);
		break;
	case PL_CODE_INSEE:
		if (!insee_valid(v))
			return cn_err_field(err, CN_EINVAL, f,
			                    "code INSEE invalide « %s » (5 caractères : 35238, 2A004)", v);
		break;
	case PL_LATITUDE:
	case PL_LONGITUDE:
		if (!number_in(v, f == PL_LATITUDE ? -90 : -180, f == PL_LATITUDE ? 90 : 180))
			return cn_err_field(err, CN_EINVAL, f,
			                    "%s invalide « %s » (nombre en degrés, point décimal : %s)",
			                    c->label, v, f == PL_LATITUDE ? "48.1113" : "-1.6800");
		break;
	case PL_TELEPHONE:
		if (!phone_valid(v))
			return cn_err_field(err, CN_EINVAL, f,
			                    "téléphone invalide « %s » (+33 suivi du numéro sans son 0, "
			                    "+33299123456, ou 02 99 12 34 56)",
			                    v);
		break;
	case PL_DATE_MAJ:
		return rule_date(v, f, err);
	default:
		if (c->values)
			return check_values(p, f, err);
	}
	return CN_OK;
}

int place_validate(const struct place *p, const char *prev_category, const struct lists *ls,
                   struct cn_err *err)
{
	int rc;

	for (int f = 0; f < PL_NCOLUMNS; f++)
		if ((rc = check_column(p, f, err)) != CN_OK)
			return rc;
	if ((rc = rule_code(ls, L_ORIENTE_VERS, PL_CATEGORY, "catégorie", p->category,
	                    prev_category, false, NULL, err)) != CN_OK)
		return rc;
	return rule_text(p->bring, PLACE_BRING_MAX, PL_BRING, err);
}

bool place_same_columns(const struct place *a, const struct place *b)
{
	for (int f = 0; f < PL_NCOLUMNS; f++)
		if (strcmp(place_field_c(a, f), place_field_c(b, f)) != 0)
			return false;
	return true;
}

void place_phone_display(const char *tel, char *out, size_t size)
{
	/* The overseas departments, in the French numbering plan: their
	 * national number is 0 followed by 9 digits, as in metropolitan France;
	 * the other territories of the standard keep their country code. */
	static const char *const national[] = {"+590", "+594", "+262", "+596"};
	static const char *const others[] = {"+269", "+687", "+689", "+508", "+681"};
	const char *rest = NULL, *prefix = NULL;
	size_t len = strlen(tel), used = 0;
	char digits[32];

	if (len < 8 || len > 16 || tel[0] != '+' || strspn(tel + 1, "0123456789") != len - 1) {
		snprintf(out, size, "%s", tel);
		return;
	}
	if (strncmp(tel, "+33", 3) == 0 && len == 12)
		rest = tel + 3;
	for (size_t i = 0; !rest && i < sizeof national / sizeof national[0]; i++)
		if (strncmp(tel, national[i], 4) == 0 && len == 13)
			rest = tel + 4;
	if (rest) {
		snprintf(digits, sizeof digits, "0%s", rest);
	} else {
		for (size_t i = 0; !prefix && i < sizeof others / sizeof others[0]; i++)
			if (strncmp(tel, others[i], 4) == 0 && (len - 4) % 2 == 0)
				prefix = others[i];
		if (!prefix) {
			snprintf(out, size, "%s", tel);
			return;
		}
		snprintf(digits, sizeof digits, "%s", tel + 4);
	}
	out[0] = '\0';
	if (prefix)
		used = (size_t)snprintf(out, size, "%s", prefix);
	for (size_t i = 0; digits[i] && used + 4 < size; i += 2) {
		if (used > 0)
			out[used++] = ' ';
		out[used++] = digits[i];
		if (digits[i + 1])
			out[used++] = digits[i + 1];
		out[used] = '\0';
	}
}
