/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curses.h>
#include "carnet/screen/keymap.h"

static const struct {
	const char *name;
	int code;
	const char *display;
} special[] = {
	{"Space", ' ', "Espace"},
	{"Enter", '\n', "Entrée"},
	{"Esc", 27, "Échap"},
	{"Tab", '\t', "Tab"},
	{"S-Tab", KEYMAP_FKEY | KEY_BTAB, "Maj-Tab"},
	{"Backspace", KEYMAP_FKEY | KEY_BACKSPACE, "Retour arrière"},
	{"Del", KEYMAP_FKEY | KEY_DC, "Suppr"},
	{"Up", KEYMAP_FKEY | KEY_UP, "Haut"},
	{"Down", KEYMAP_FKEY | KEY_DOWN, "Bas"},
	{"Left", KEYMAP_FKEY | KEY_LEFT, "Gauche"},
	{"Right", KEYMAP_FKEY | KEY_RIGHT, "Droite"},
	{"Home", KEYMAP_FKEY | KEY_HOME, "Début"},
	{"End", KEYMAP_FKEY | KEY_END, "Fin"},
	{"PgUp", KEYMAP_FKEY | KEY_PPAGE, "Page préc."},
	{"PgDn", KEYMAP_FKEY | KEY_NPAGE, "Page suiv."},
};

#define NSPECIAL (sizeof special / sizeof special[0])

int key_code(const char *name)
{
	if (!key_name_valid(name))
		return -1;
	if (strlen(name) == 1)
		return (unsigned char)name[0];
	if (name[0] == 'C' && name[1] == '-')
		return name[2] & 0x1f;
	for (size_t i = 0; i < NSPECIAL; i++)
		if (strcmp(special[i].name, name) == 0)
			return special[i].code;
	return KEYMAP_FKEY | KEY_F(atoi(name + 1)); /* F1…F12, checked by key_name_valid */
}

const char *key_display(const char *name)
{
	for (size_t i = 0; i < NSPECIAL; i++)
		if (strcmp(special[i].name, name) == 0)
			return special[i].display;
	return name;
}

static void bind(struct keymap *km, int code, enum action_context ctx, enum action a)
{
	if (km->n < KEYMAP_MAX)
		km->bind[km->n++] = (struct key_binding){code, ctx, a};
	/* Terminals send Enter and Backspace in several ways. */
	if (code == '\n') {
		bind(km, KEYMAP_FKEY | KEY_ENTER, ctx, a);
		bind(km, '\r', ctx, a);
	} else if (code == (KEYMAP_FKEY | KEY_BACKSPACE)) {
		bind(km, 127, ctx, a);
		bind(km, 8, ctx, a);
	}
}

void keymap_init(struct keymap *km, const struct config *cfg)
{
	memset(km, 0, sizeof *km);
	for (int a = 0; a < ACT_COUNT; a++) {
		for (int ctx = 0; ctx < CTX_COUNT; ctx++) {
			const char *keys = action_table[a].keys[ctx];
			char copy[64], *save = NULL;
			size_t used = 0;

			if (!keys)
				continue;
			if (cfg && cfg->keys[a][0])
				keys = cfg->keys[a];
			snprintf(copy, sizeof copy, "%s", keys);
			for (char *name = strtok_r(copy, " ", &save); name;
			     name = strtok_r(NULL, " ", &save)) {
				int code = key_code(name);
				int n;
				if (code < 0)
					continue;
				bind(km, code, ctx, a);
				n = snprintf(km->names[a][ctx] + used, sizeof km->names[a][ctx] - used,
				             "%s%s", used ? " / " : "", key_display(name));
				if (n > 0 && (size_t)n < sizeof km->names[a][ctx] - used)
					used += (size_t)n;
			}
		}
	}
}

enum action keymap_lookup(const struct keymap *km, enum action_context ctx, int code)
{
	for (int i = 0; i < km->n; i++)
		if (km->bind[i].code == code && km->bind[i].ctx == ctx)
			return km->bind[i].action;
	return ACT_NONE;
}

const char *keymap_first(const struct keymap *km, enum action a, enum action_context ctx,
                         char *buf, size_t size)
{
	const char *names = km->names[a][ctx];
	const char *sep = strstr(names, " / ");

	if (!names[0])
		return NULL;
	snprintf(buf, size, "%.*s", sep ? (int)(sep - names) : (int)strlen(names), names);
	return buf;
}
