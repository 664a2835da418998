/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Key bindings of the desk screen: the action table's default keys, changed
 * by the [keys] section of the configuration, as curses key codes. */
#ifndef CARNET_KEYMAP_H
#define CARNET_KEYMAP_H

#include "carnet/model/actions.h"
#include "carnet/model/config.h"

#define KEYMAP_MAX 128
/* Marks curses key codes (KEY_UP…) apart from typed characters of the same
 * value: 'œ' is 339, and so is KEY_PPAGE. */
#define KEYMAP_FKEY 0x1000000

struct key_binding {
	int code;               /* curses key code or character */
	enum action_context ctx;
	enum action action;
};

struct keymap {
	int n;
	struct key_binding bind[KEYMAP_MAX];
	/* Keys of each action in each context, as shown on screen, " / " between. */
	char names[ACT_COUNT][CTX_COUNT][64];
};

void keymap_init(struct keymap *km, const struct config *cfg);
enum action keymap_lookup(const struct keymap *km, enum action_context ctx, int code);
/* The first key of an action in a context ("Entrée"), or NULL. */
const char *keymap_first(const struct keymap *km, enum action a, enum action_context ctx,
                         char *buf, size_t size);
/* A key name as the French user reads it ("Entrée", "Échap", "Espace"). */
const char *key_display(const char *name);
/* The key map code of a key name (curses key codes carry KEYMAP_FKEY), or -1. */
int key_code(const char *name);

#endif
