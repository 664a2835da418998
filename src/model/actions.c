/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/model/actions.h"

#define LIST(k) {[CTX_LIST] = (k)}
#define FORM(k) {[CTX_FORM] = (k)}
#define BOTH(l, f) {[CTX_LIST] = (l), [CTX_FORM] = (f)}

const struct action_def action_table[ACT_COUNT] = {
	{ACT_HELP, "help", "aide", "Afficher l'aide : toutes les touches", BOTH("? F1", "F1 ?")},
	{ACT_QUIT, "quit", "quitter", "Quitter carnet", LIST("q F10")},
	{ACT_NEW, "new", "nouveau", "Saisir un nouveau passage", LIST("n")},
	{ACT_WORKSHOP, "workshop", "atelier",
	 "Saisir un atelier collectif : thèmes, durée, niveau, participants", LIST("a")},
	{ACT_WORKTIME, "worktime", "temps",
	 "Saisir un temps hors accompagnement : préparation, réunion, formation", LIST("t")},
	{ACT_EDIT, "edit", "modifier",
	 "Modifier la ligne sélectionnée (passage, atelier ou temps)", LIST("Enter e")},
	{ACT_DELETE, "delete", "supprimer",
	 "Supprimer la ligne sélectionnée (après confirmation)", LIST("d Del")},
	{ACT_UNDO, "undo", "annuler",
	 "Rétablir la dernière ligne supprimée (tant que carnet reste ouvert)", LIST("u")},
	{ACT_UP, "up", NULL, "Ligne précédente de la liste", LIST("k Up")},
	{ACT_DOWN, "down", NULL, "Ligne suivante de la liste", LIST("j Down")},
	{ACT_FIRST, "first", NULL, "Première ligne de la liste", LIST("g Home")},
	{ACT_LAST, "last", NULL, "Dernière ligne de la liste", LIST("G End")},
	{ACT_PREV_DAY, "prev-day", "jour", "Jour précédent", LIST("h Left PgUp")},
	{ACT_NEXT_DAY, "next-day", NULL, "Jour suivant", LIST("l Right PgDn")},
	{ACT_TODAY, "today", NULL, "Revenir à aujourd'hui", LIST(".")},
	{ACT_SEARCH, "search", "chercher",
	 "Filtrer la liste : demande, organisme, posture, usager, note, thème, nature",
	 LIST("/")},
	{ACT_TIMER, "timer", "chrono",
	 "Démarrer ou arrêter le chronomètre : il remplit la durée à l'enregistrement",
	 BOTH("c", "F5 C-t")},
	{ACT_REPORT, "report", "bilan",
	 "Bilan d'activité du mois du jour affiché ([ et ] changent de mois)", LIST("b")},
	{ACT_ASIDE, "drafts", "brouillons",
	 "Reprendre une saisie mise de côté ou abandonnée (les dix dernières)", LIST("r")},
	{ACT_SLIP, "slip", "fiche",
	 "Fiche d'orientation du lieu du passage : imprimée ou en HTML ; code de l'usager "
	 "sur demande",
	 LIST("f")},
	{ACT_SAVE, "save", "enregistrer",
	 "Enregistrer la saisie, de n'importe quel champ, dès que les champs obligatoires "
	 "sont remplis",
	 FORM("Enter C-s")},
	{ACT_CANCEL, "cancel", "abandonner",
	 "Abandonner la saisie (confirmation si des champs sont remplis)", FORM("Esc")},
	{ACT_NEXT_FIELD, "next-field", "suivant", "Champ suivant", FORM("Tab")},
	{ACT_PREV_FIELD, "prev-field", NULL, "Champ précédent", FORM("S-Tab")},
	{ACT_CHOICE_UP, "choice-up", NULL, "Valeur précédente de la liste du champ", FORM("Up")},
	{ACT_CHOICE_DOWN, "choice-down", NULL, "Valeur suivante de la liste du champ",
	 FORM("Down")},
	{ACT_TOGGLE, "toggle", "cocher",
	 "Cocher ou décocher la valeur en surbrillance (choisir, pour un champ à une valeur)",
	 FORM("Space")},
	{ACT_FILTER, "filter", "filtrer",
	 "Filtrer les valeurs du champ en tapant une partie du libellé", FORM("/")},
	{ACT_CLEAR, "clear", "effacer", "Effacer le champ, ou le dernier caractère tapé",
	 FORM("Backspace Del")},
	{ACT_PROFILE, "profile", "profil", "Compléter ou modifier le profil de l'usager rattaché",
	 FORM("F6")},
	{ACT_JUMP, "jump", "champ",
	 "Aller à un champ : cette touche puis la lettre soulignée du champ (ou Alt et la lettre)",
	 FORM("C-g")},
	{ACT_REFERRAL_WENT, "referral-went", NULL,
	 "Dans le champ Usager, suite de la dernière orientation de l'usager : s'y est rendue",
	 FORM("F7")},
	{ACT_REFERRAL_NOT_WENT, "referral-not-went", NULL,
	 "Dans le champ Usager, suite de la dernière orientation : ne s'y est pas rendue",
	 FORM("F8")},
	{ACT_REFERRAL_UNKNOWN, "referral-unknown", NULL,
	 "Dans le champ Usager, suite de la dernière orientation : ne sait pas", FORM("F9")},
};

const char *action_context_title(enum action_context ctx)
{
	return ctx == CTX_LIST ? "Liste du jour" : "Formulaire";
}

enum action action_by_name(const char *name)
{
	for (int i = 0; i < ACT_COUNT; i++)
		if (strcmp(action_table[i].name, name) == 0)
			return action_table[i].id;
	return ACT_NONE;
}

static const char *const named_keys[] = {
	"Space", "Enter", "Esc",  "Tab", "S-Tab", "Backspace", "Del",  "Up",
	"Down",  "Left",  "Right", "Home", "End",  "PgUp",      "PgDn",
};

bool key_name_valid(const char *name)
{
	size_t len = strlen(name);

	if (len == 1)
		return name[0] > ' ' && name[0] < 0x7f;
	if (len == 3 && name[0] == 'C' && name[1] == '-')
		return name[2] >= 'a' && name[2] <= 'z';
	if ((len == 2 || len == 3) && name[0] == 'F') {
		int n = name[1] - '0';
		if (name[1] < '1' || name[1] > '9')
			return false;
		if (len == 3) {
			if (name[2] < '0' || name[2] > '9')
				return false;
			n = n * 10 + name[2] - '0';
		}
		return n >= 1 && n <= 12;
	}
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (strcmp(named_keys[i], name) == 0)
			return true;
	return false;
}

bool key_list_valid(const char *list, char *bad, size_t size)
{
	const char *p = list;
	int count = 0;

	while (*p) {
		char name[16];
		size_t len;

		p += strspn(p, " ");
		len = strcspn(p, " ");
		if (len == 0)
			break;
		if (len >= sizeof name) {
			snprintf(bad, size, "%.*s", (int)len, p);
			return false;
		}
		memcpy(name, p, len);
		name[len] = '\0';
		if (!key_name_valid(name)) {
			snprintf(bad, size, "%s", name);
			return false;
		}
		count++;
		p += len;
	}
	if (count == 0)
		snprintf(bad, size, "(aucune touche)");
	return count > 0;
}

/* Roff needs a backslash before a leading period or apostrophe and hyphens. */
static void roff_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

void actions_print_roff(FILE *f)
{
	for (int ctx = 0; ctx < CTX_COUNT; ctx++) {
		fprintf(f, ".SS %s\n", action_context_title(ctx));
		for (int i = 0; i < ACT_COUNT; i++) {
			const struct action_def *a = &action_table[i];
			if (!a->keys[ctx])
				continue;
			fputs(".TP\n.B \"", f);
			roff_text(f, a->keys[ctx]);
			fputs("\"\n", f);
			roff_text(f, a->help);
			fputs(" (", f);
			roff_text(f, a->name);
			fputs(").\n", f);
		}
	}
}
