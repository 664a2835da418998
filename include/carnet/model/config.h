/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Configuration: value lists and desk defaults from layered INI files.
 *
 * Files are read from the shipped defaults up to the most specific one, so
 * that for every key the first found in this order wins:
 *   --config FILE or $CARNET_CONFIG, $XDG_CONFIG_HOME/carnet/carnet.ini,
 *   /etc/carnet/carnet.ini, then the shipped share/carnet/carnet.ini. */
#ifndef CARNET_CONFIG_H
#define CARNET_CONFIG_H

#include <limits.h>
#include "carnet/model/actions.h"
#include "carnet/model/codes.h"
#include "carnet/model/err.h"
#include "carnet/model/lists.h"

#define CONFIG_MAX_FILES 4
/* A configuration file over this many lines is refused before it is read. */
#define CONFIG_MAX_LINES 10000
/* Characters at most of [desk] name, address and printer. */
#define CONFIG_DESK_CHARS 200
#define CONFIG_DESK_TEXT (CONFIG_DESK_CHARS * 4 + 1)

struct config {
	struct lists lists;
	char site[CODE_MAX];      /* [desk] site, or DEFAULT_SITE_CODE */
	char mediator[CODE_MAX];  /* [desk] mediator, may be empty */
	char canal[CODE_MAX];     /* [desk] canal of a new visit, default "libre" */
	/* What the slip given to a person referred elsewhere shows and where it
	 * is printed: [desk] name (default: the site's label), [desk] address,
	 * [desk] printer (a command, "" when none). */
	char desk_name[CONFIG_DESK_TEXT];
	char desk_address[CONFIG_DESK_TEXT];
	char printer[CONFIG_DESK_TEXT];
	char keys[ACT_COUNT][64]; /* [keys] overrides, "" for the default keys */
	int nfiles;               /* files read, most specific first */
	char files[CONFIG_MAX_FILES][PATH_MAX];
};

/* Receives each warning (unknown section or key), already formatted. */
typedef void (*config_warn_fn)(void *ctx, const char *msg);

/* Loads the whole chain. `explicit_path` (from --config or CARNET_CONFIG)
 * may be NULL; when given, the file must exist. */
int config_load(struct config *cfg, const char *explicit_path,
                config_warn_fn warn, void *ctx, struct cn_err *err);
/* Loads exactly the given files, lowest priority first (for tests). */
int config_load_files(struct config *cfg, const char *const *paths, int n,
                      config_warn_fn warn, void *ctx, struct cn_err *err);
void config_free(struct config *cfg);
/* Directory holding the shipped carnet.ini. */
int config_datadir(char *out, size_t size, struct cn_err *err);

#endif
