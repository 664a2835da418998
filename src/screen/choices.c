/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/screen/choices.h"
#include "carnet/screen/hotkeys.h"

static void apply_filter(struct choices *c)
{
	char needle[48], folded[256];

	text_fold(c->filter, needle, sizeof needle);
	c->nshown = 0;
	for (int i = 0; i < c->nent; i++) {
		text_fold(c->vl->e[c->ent[i]].label, folded, sizeof folded);
		if (!needle[0] || strstr(folded, needle))
			c->shown[c->nshown++] = i;
	}
	if (c->hl >= c->nshown)
		c->hl = c->nshown ? c->nshown - 1 : 0;
}

void choices_load(struct choices *c, const struct vlist *vl, bool numbered,
                  choices_held_fn held, void *ctx)
{
	const char *codes[CHOICES_MAX], *labels[CHOICES_MAX];

	memset(c, 0, sizeof *c);
	c->vl = vl;
	for (int i = 0; i < vl->n && c->nent < CHOICES_MAX; i++) {
		if (vl->e[i].retired && !(held && held(vl->e[i].code, ctx)))
			continue;
		codes[c->nent] = vl->e[i].code;
		labels[c->nent] = vl->e[i].label;
		c->ent[c->nent++] = i;
	}
	if (numbered)
		for (int i = 0; i < c->nent; i++)
			c->key[i] = i < 9 ? (char)('1' + i) : 0;
	else
		hotkeys_assign(codes, labels, c->nent, NULL, c->key);
	apply_filter(c);
}

int choices_by_key(const struct choices *c, int key)
{
	for (int i = 0; i < c->nent; i++)
		if (c->key[i] && c->key[i] == key)
			return i;
	return -1;
}

int choices_current(const struct choices *c)
{
	return c->nshown ? c->shown[c->hl] : -1;
}

void choices_move(struct choices *c, int delta)
{
	if (c->hl + delta >= 0 && c->hl + delta < c->nshown)
		c->hl += delta;
}

void choices_filter_start(struct choices *c)
{
	c->filtering = true;
	c->filter[0] = '\0';
	c->hl = 0;
	apply_filter(c);
}

void choices_filter_type(struct choices *c, const char *utf8)
{
	size_t len = strlen(c->filter), n = strlen(utf8);

	if (len + n < sizeof c->filter) {
		memcpy(c->filter + len, utf8, n + 1);
		c->hl = 0;
		apply_filter(c);
	}
}

void choices_filter_erase(struct choices *c)
{
	size_t len = strlen(c->filter);

	while (len > 0 && ((unsigned char)c->filter[len - 1] & 0xc0) == 0x80)
		len--;
	if (len > 0)
		c->filter[len - 1] = '\0';
	apply_filter(c);
}

void choices_filter_stop(struct choices *c)
{
	c->filtering = false;
	c->filter[0] = '\0';
	apply_filter(c);
}

const struct list_entry *choices_entry(const struct choices *c, int ent)
{
	return &c->vl->e[c->ent[ent]];
}
