/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every user action of the desk screen, declared once. The key bindings, the
 * help screen, the [keys] section of the configuration and the KEY BINDINGS
 * section of carnet(1) all come from this table. No curses here. */
#ifndef CARNET_ACTIONS_H
#define CARNET_ACTIONS_H

#include <stdbool.h>
#include <stdio.h>

enum action {
	ACT_NONE = -1,
	ACT_HELP,
	ACT_QUIT,
	ACT_NEW,
	ACT_WORKSHOP,
	ACT_WORKTIME,
	ACT_EDIT,
	ACT_DELETE,
	ACT_UNDO,
	ACT_UP,
	ACT_DOWN,
	ACT_FIRST,
	ACT_LAST,
	ACT_PREV_DAY,
	ACT_NEXT_DAY,
	ACT_TODAY,
	ACT_SEARCH,
	ACT_TIMER,
	ACT_REPORT,
	ACT_ASIDE,
	ACT_SLIP,
	ACT_SAVE,
	ACT_CANCEL,
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_CHOICE_UP,
	ACT_CHOICE_DOWN,
	ACT_TOGGLE,
	ACT_FILTER,
	ACT_CLEAR,
	ACT_PROFILE,
	ACT_JUMP,
	ACT_REFERRAL_WENT,    /* the follow-through of a returning person's referral */
	ACT_REFERRAL_NOT_WENT,
	ACT_REFERRAL_UNKNOWN,
	ACT_COUNT
};

/* Where an action's keys apply. */
enum action_context {
	CTX_LIST, /* the list of the day: visits, workshops, times */
	CTX_FORM, /* a form: visit, workshop, time, person profile */
	CTX_COUNT
};

struct action_def {
	enum action id;
	const char *name;               /* name in [keys] ("new") */
	const char *hint;               /* one word for the hint line ("nouveau") */
	const char *help;               /* French sentence for the help screen */
	const char *keys[CTX_COUNT];    /* default keys per context, space separated;
	                                   NULL where the action does not apply */
};

extern const struct action_def action_table[ACT_COUNT];

const char *action_context_title(enum action_context ctx);
/* The action named `name`, or ACT_NONE. */
enum action action_by_name(const char *name);
/* A key name: one printable ASCII character, Space, Enter, Esc, Tab, S-Tab,
 * Backspace, Del, Up, Down, Left, Right, Home, End, PgUp, PgDn, F1…F12, or
 * C-a…C-z. */
bool key_name_valid(const char *name);
/* Checks a space-separated list of key names; false names the bad one. */
bool key_list_valid(const char *list, char *bad, size_t size);

/* The KEY BINDINGS section of carnet(1), in roff, from the table. */
void actions_print_roff(FILE *f);

#endif
