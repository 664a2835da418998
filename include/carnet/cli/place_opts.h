/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The options of "place add" and "place edit": one per column of the
 * national standard, and carnet's --category and --bring. */
#ifndef CARNET_PLACE_OPTS_H
#define CARNET_PLACE_OPTS_H

#include <stdbool.h>
#include "carnet/app/app.h"
#include "carnet/model/place.h"

struct place_opts {
	struct place *p;            /* the values given */
	bool set[PL_COUNT];         /* which fields an option gave */
};

/* The help lines of the options, in French. */
#define PLACE_OPTIONS_HELP \
	"  --id ID                identifiant du lieu (colonne id ; défaut : celui de carnet)\n" \
	"  --pivot SIRET|RNA      SIRET (14 chiffres) ou RNA (W et 9 chiffres) ; obligatoire\n" \
	"  --name TEXTE           nom du lieu ; obligatoire\n" \
	"  --address TEXTE        adresse (numéro et voie) ; obligatoire\n" \
	"  --address-extra TEXTE  complément d'adresse (étage, bâtiment…)\n" \
	"  --postcode CODE        code postal, 5 chiffres ; obligatoire\n" \
	"  --commune TEXTE        commune ; obligatoire\n" \
	"  --insee CODE           code INSEE de la commune (35238)\n" \
	"  --latitude, --longitude DEGRÉS  position (48.1113, -1.6800)\n" \
	"  --type CODE|CODE…      typologie data·inclusion (CCAS, CS, EPN, BIB, MUNI…)\n" \
	"  --phone NUMÉRO         téléphone : +33299123456 ou 02 99 12 34 56\n" \
	"  --email ADRESSE|…      courriels\n" \
	"  --website URL|…        sites web\n" \
	"  --hours HORAIRES       horaires au format OpenStreetMap\n" \
	"                         (« Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00 »)\n" \
	"  --summary TEXTE        présentation courte, 280 caractères au plus\n" \
	"  --detail TEXTE         présentation détaillée\n" \
	"  --source TEXTE         structure qui a collecté la donnée\n" \
	"  --mobility VALEUR      itinérance : Itinérant, Fixe\n" \
	"  --parent TEXTE         structure parente\n" \
	"  --updated-on AAAA-MM-JJ  date de mise à jour (défaut : aujourd'hui)\n" \
	"  --services V|V…        services (« carnet place add --help » les liste)\n" \
	"  --publics V|V…         publics spécifiquement adressés\n" \
	"  --support V|V…         prise en charge spécifique\n" \
	"  --fees V|V…            frais à charge : Gratuit, Gratuit sous condition, Payant\n" \
	"  --programmes V|V…      dispositifs et programmes nationaux\n" \
	"  --labels V|V…          formations et labels\n" \
	"  --other-labels TEXTE   autres formations et labels\n" \
	"  --access V|V…          modalités d'accès (Se présenter, Téléphoner…)\n" \
	"  --modes V|V…           modalités d'accompagnement (En autonomie…)\n" \
	"  --acceslibre URL       fiche Accès libre\n" \
	"  --booking URL          prise de rendez-vous en ligne\n" \
	"  --category CODE        catégorie du poste (liste oriente_vers)\n" \
	"  --bring TEXTE          à apporter, 200 caractères au plus\n" \
	"Les valeurs multiples se séparent par « | » ou « , » ; majuscules, accents et\n" \
	"apostrophes des listes fermées sont rétablis (« aide aux demarches\n" \
	"administratives »). Une valeur vide efface un champ facultatif.\n"
/* Parses argv (getopt_long, from optind = 1) into o (o->p allocated; free
 * it with place_opts_free); syntax errors are reported and their exit
 * status returned. */
int place_opts_parse(struct app *app, const char *command, int argc, char **argv,
                     struct place_opts *o);
void place_opts_free(struct place_opts *o);
/* Copies the given fields of o onto p. */
void place_opts_apply(const struct place_opts *o, struct place *p);
/* The option that sets field f ("--postcode"). */
const char *place_opts_name(enum place_field f);
/* Reports a model or store error, naming the option of its field. */
int place_opts_report(struct app *app, int status, const struct cn_err *err);

#endif
