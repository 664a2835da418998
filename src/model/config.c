/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <iniparser.h>
#include "carnet/model/config.h"
#include "carnet/model/text.h"

#ifndef CARNET_DATADIR
#define CARNET_DATADIR "/usr/local/share/carnet"
#endif
#ifndef CARNET_SYSCONFDIR
#define CARNET_SYSCONFDIR "/etc/carnet"
#endif

#define CONFIG_NAME "carnet.ini"

/* What the files say beyond the lists, most specific file last. */
struct pending {
	char *retired[L_COUNT];              /* [retired] value per list */
	char retired_file[L_COUNT][PATH_MAX];
	char site_file[PATH_MAX], mediator_file[PATH_MAX], canal_file[PATH_MAX];
	config_warn_fn warn;
	void *ctx;
};

/* iniparser reports syntax errors through a callback without a context
 * argument: keep the last message here so that it can be quoted. */
static char ini_error[512];

static int ini_error_cb(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ini_error, sizeof ini_error, fmt, ap);
	va_end(ap);
	return 0;
}

static void warnf(struct pending *pd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warnf(struct pending *pd, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (!pd->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	pd->warn(pd->ctx, msg);
}

static int malformed(const char *path, struct cn_err *err)
{
	const char *paren = strstr(ini_error, " (");
	const char *arrow = strstr(ini_error, "-> ");
	int line = paren ? atoi(paren + 2) : 0;
	char text[80] = "";

	if (arrow) {
		text_copy(text, sizeof text, arrow + 3);
		text[strcspn(text, "\n")] = '\0';
	}
	if (line > 0)
		return cn_err_set(err, CN_ECONFIG,
		                  "%s : fichier de configuration mal formé, ligne %d : « %s » "
		                  "(attendu « [section] » ou « clé = valeur »)",
		                  path, line, text);
	return cn_err_set(err, CN_ECONFIG, "%s : fichier de configuration illisible", path);
}

/* Handles one "section:key = value" line of a file. */
typedef void (*key_fn)(struct config *cfg, struct pending *pd, const char *path,
                       const char *sec, int list, const char *key, const char *value);

static void each_key(struct config *cfg, struct pending *pd, const char *path, dictionary *d,
                     const char *sec, int list, key_fn fn)
{
	int nkeys = iniparser_getsecnkeys(d, sec);
	const char **keys;

	if (nkeys <= 0)
		return;
	keys = calloc((size_t)nkeys, sizeof *keys);
	if (keys && iniparser_getseckeys(d, sec, keys))
		for (int k = 0; k < nkeys; k++) {
			const char *value = iniparser_getstring(d, keys[k], NULL);
			/* iniparser reads a section "[x:y]" as a key of [x] without a
			 * value: it is no entry. */
			if (!value) {
				warnf(pd, "%s : section « [%s] » ignorée", path, keys[k]);
				continue;
			}
			fn(cfg, pd, path, sec, list, keys[k] + strlen(sec) + 1, value);
		}
	free(keys);
}

/* "code = Libellé" in a list section. */
static void list_key(struct config *cfg, struct pending *pd, const char *path, const char *sec,
                     int list, const char *key, const char *label)
{
	char code[CODE_MAX];

	if (!code_normalize(key, code))
		warnf(pd, "%s : code invalide « %s:%s » ignoré (lettres, chiffres, « _ » ou "
		          "« - », 31 caractères au plus)",
		      path, sec, key);
	else if (!label[0] || !utf8_valid(label, strlen(label)) || text_has_control(label))
		warnf(pd, "%s : libellé vide ou invalide pour « %s:%s », entrée ignorée", path, sec,
		      key);
	else
		vlist_set(&cfg->lists.l[list], code, label);
}

/* "action = KEYS" in [keys]: new keys for a desk screen action. */
static void keys_key(struct config *cfg, struct pending *pd, const char *path, const char *sec,
                     int list, const char *key, const char *value)
{
	enum action a = action_by_name(key);
	char bad[32];

	(void)list;
	if (a == ACT_NONE)
		warnf(pd, "%s : clé inconnue « %s:%s » ignorée (action inconnue ; voir carnet keys)",
		      path, sec, key);
	else if (!key_list_valid(value, bad, sizeof bad) || strlen(value) >= sizeof cfg->keys[a])
		warnf(pd, "%s : [keys] %s : touche inconnue « %s » ignorée", path, key, bad);
	else
		text_copy(cfg->keys[a], sizeof cfg->keys[a], value);
}

#define STR_(x) #x
#define STR(x) STR_(x)

/* The buffer of a [desk] text key, or NULL. */
static char *desk_text(struct config *cfg, const char *key)
{
	return strcmp(key, "name") == 0      ? cfg->desk_name
	       : strcmp(key, "address") == 0 ? cfg->desk_address
	       : strcmp(key, "printer") == 0 ? cfg->printer
	                                     : NULL;
}

/* A key of [desk] or [retired]. */
static void setting_key(struct config *cfg, struct pending *pd, const char *path,
                        const char *sec, int list, const char *key, const char *value)
{
	(void)list;
	if (strcmp(sec, "desk") == 0 && strcmp(key, "site") == 0) {
		text_copy(cfg->site, sizeof cfg->site, value);
		text_copy(pd->site_file, sizeof pd->site_file, path);
	} else if (strcmp(sec, "desk") == 0 && strcmp(key, "mediator") == 0) {
		text_copy(cfg->mediator, sizeof cfg->mediator, value);
		text_copy(pd->mediator_file, sizeof pd->mediator_file, path);
	} else if (strcmp(sec, "desk") == 0 && strcmp(key, "canal") == 0) {
		text_copy(cfg->canal, sizeof cfg->canal, value);
		text_copy(pd->canal_file, sizeof pd->canal_file, path);
	} else if (strcmp(sec, "desk") == 0 && desk_text(cfg, key)) {
		char *dst = desk_text(cfg, key);
		if (text_has_control(value) || utf8_length(value) > CONFIG_DESK_CHARS)
			warnf(pd, "%s : [desk] %s : %s ; valeur ignorée", path, key,
			      text_has_control(value) ? "caractère de contrôle"
			                              : "plus de " STR(CONFIG_DESK_CHARS) " caractères");
		else
			text_copy(dst, CONFIG_DESK_TEXT, value);
	} else if (strcmp(sec, "retired") == 0 && (list = list_by_section(key)) >= 0) {
		free(pd->retired[list]);
		pd->retired[list] = strdup(value);
		text_copy(pd->retired_file[list], sizeof pd->retired_file[list], path);
	} else {
		warnf(pd, "%s : clé inconnue « %s:%s » ignorée", path, sec, key);
	}
}

/* A configuration is a few hundred lines: a file far larger is refused
 * before the INI parser reads it (its cost grows with the square of it). */
#define CONFIG_MAX_BYTES (1024 * 1024)

/* The INI parser cannot read a line of 1 024 bytes or more. */
#define CONFIG_LINE_MAX 1000

static int check_size(const char *path, struct cn_err *err)
{
	FILE *f = fopen(path, "r");
	long lines = 0, bytes = 0, width = 0;
	int c;

	if (!f)
		return cn_err_set(err, CN_ECONFIG, "%s : fichier de configuration illisible ou absent",
		                  path);
	while ((c = getc(f)) != EOF && bytes <= CONFIG_MAX_BYTES && lines <= CONFIG_MAX_LINES) {
		bytes++;
		width = c == '\n' ? 0 : width + 1;
		lines += c == '\n';
		if (width > CONFIG_LINE_MAX) {
			fclose(f);
			return cn_err_set(err, CN_ECONFIG,
			                  "%s:%ld : ligne trop longue (plus de %d octets) ; une ligne "
			                  "donne un code et son libellé, quelques dizaines de caractères",
			                  path, lines + 1, CONFIG_LINE_MAX);
		}
	}
	fclose(f);
	if (bytes > CONFIG_MAX_BYTES || lines > CONFIG_MAX_LINES)
		return cn_err_set(err, CN_ECONFIG,
		                  "%s : fichier de configuration trop grand (%d lignes ou %d Kio au "
		                  "plus) ; une liste de valeurs se choisit à l'écran, quelques "
		                  "dizaines de codes suffisent",
		                  path, CONFIG_MAX_LINES, CONFIG_MAX_BYTES / 1024);
	return CN_OK;
}

static int load_file(struct config *cfg, struct pending *pd, const char *path,
                     struct cn_err *err)
{
	dictionary *d;
	int nsec;

	if (access(path, R_OK) != 0)
		return cn_err_set(err, CN_ECONFIG, "%s : fichier de configuration illisible ou absent",
		                  path);
	if (check_size(path, err) != CN_OK)
		return CN_ECONFIG;
	ini_error[0] = '\0';
	iniparser_set_error_callback(ini_error_cb);
	d = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	if (!d)
		return malformed(path, err);
	nsec = iniparser_getnsec(d);
	for (int i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		int id = list_by_section(sec);

		if (id >= 0)
			each_key(cfg, pd, path, d, sec, id, list_key);
		else if (strcmp(sec, "desk") == 0 || strcmp(sec, "retired") == 0)
			each_key(cfg, pd, path, d, sec, -1, setting_key);
		else if (strcmp(sec, "keys") == 0)
			each_key(cfg, pd, path, d, sec, -1, keys_key);
		else
			warnf(pd, "%s : section inconnue « [%s] » ignorée", path, sec);
	}
	iniparser_freedict(d);
	if (cfg->nfiles < CONFIG_MAX_FILES) {
		/* Keep the list most specific first. */
		memmove(cfg->files[1], cfg->files[0], (size_t)cfg->nfiles * sizeof cfg->files[0]);
		text_copy(cfg->files[0], sizeof cfg->files[0], path);
		cfg->nfiles++;
	}
	return CN_OK;
}

static void apply_retired(struct config *cfg, struct pending *pd)
{
	for (int id = 0; id < L_COUNT; id++) {
		struct codeset set;
		struct cn_err err;

		if (!pd->retired[id])
			continue;
		if (codeset_parse(&set, pd->retired[id], &err) != CN_OK) {
			warnf(pd, "%s : [retired] %s : %s", pd->retired_file[id], list_section(id),
			      err.msg);
			continue;
		}
		for (int k = 0; k < set.n; k++) {
			struct list_entry *e = (struct list_entry *)vlist_find(&cfg->lists.l[id], set.v[k]);
			if (e)
				e->retired = true;
			else
				warnf(pd, "%s : [retired] %s : code inconnu « %s » ignoré",
				      pd->retired_file[id], list_section(id), set.v[k]);
		}
	}
}

/* [desk] site and mediator must name active entries of their lists. */
static int check_desk(struct config *cfg, struct pending *pd, struct cn_err *err)
{
	char code[CODE_MAX];
	struct cn_err why;

	if (cfg->lists.l[L_SITE].n == 0)
		vlist_set(&cfg->lists.l[L_SITE], DEFAULT_SITE_CODE, DEFAULT_SITE_LABEL);
	if (cfg->site[0]) {
		if (!code_normalize(cfg->site, code) ||
		    lists_check(&cfg->lists, L_SITE, code, false, &why) != CN_OK)
			return cn_err_set(err, CN_ECONFIG, "%s : [desk] site : %s", pd->site_file,
			                  code_normalize(cfg->site, code) ? why.msg : "code invalide");
		strcpy(cfg->site, code);
	} else if (cfg->lists.l[L_SITE].n == 1) {
		strcpy(cfg->site, cfg->lists.l[L_SITE].e[0].code);
	}
	if (cfg->mediator[0]) {
		if (!code_normalize(cfg->mediator, code) ||
		    lists_check(&cfg->lists, L_MEDIATEUR, code, false, &why) != CN_OK)
			return cn_err_set(err, CN_ECONFIG, "%s : [desk] mediator : %s",
			                  pd->mediator_file,
			                  code_normalize(cfg->mediator, code) ? why.msg : "code invalide");
		strcpy(cfg->mediator, code);
	}
	if (cfg->canal[0]) {
		if (!code_normalize(cfg->canal, code) ||
		    lists_check(&cfg->lists, L_CANAL, code, false, &why) != CN_OK)
			return cn_err_set(err, CN_ECONFIG, "%s : [desk] canal : %s", pd->canal_file,
			                  code_normalize(cfg->canal, code) ? why.msg : "code invalide");
		strcpy(cfg->canal, code);
	} else {
		/* A walk-in, unless the lists have no such canal. */
		const struct vlist *vl = &cfg->lists.l[L_CANAL];
		const struct list_entry *e = vlist_find(vl, "libre");
		for (int i = 0; (!e || e->retired) && i < vl->n; i++)
			e = vl->e[i].retired ? NULL : &vl->e[i];
		if (e && !e->retired)
			strcpy(cfg->canal, e->code);
	}
	return CN_OK;
}

int config_load_files(struct config *cfg, const char *const *paths, int n,
                      config_warn_fn warn, void *ctx, struct cn_err *err)
{
	struct pending pd;
	int rc = CN_OK;

	memset(cfg, 0, sizeof *cfg);
	memset(&pd, 0, sizeof pd);
	lists_init(&cfg->lists);
	pd.warn = warn;
	pd.ctx = ctx;
	for (int i = 0; i < n && rc == CN_OK; i++)
		rc = load_file(cfg, &pd, paths[i], err);
	if (rc == CN_OK) {
		apply_retired(cfg, &pd);
		rc = check_desk(cfg, &pd, err);
	}
	for (int id = 0; id < L_COUNT; id++)
		free(pd.retired[id]);
	if (rc != CN_OK)
		config_free(cfg);
	return rc;
}

static bool readable(const char *path)
{
	return access(path, R_OK) == 0;
}

int config_datadir(char *out, size_t size, struct cn_err *err)
{
	const char *env = getenv("CARNET_DATADIR");
	char exe[PATH_MAX], path[PATH_MAX + 64];
	ssize_t len;

	if (env && *env) {
		snprintf(path, sizeof path, "%s/" CONFIG_NAME, env);
		if (!readable(path))
			return cn_err_set(err, CN_ECONFIG,
			                  "CARNET_DATADIR : %s introuvable ou illisible", path);
		text_copy(out, size, env);
		return CN_OK;
	}
	/* Relocatable: share/carnet beside the binary (build tree), or in ../share. */
	len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len > 0) {
		char *slash;
		exe[len] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			static const char *const rel[] = {"/share/carnet", "/../share/carnet"};
			for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
				snprintf(path, sizeof path, "%s%s/" CONFIG_NAME, exe, rel[i]);
				if (readable(path)) {
					snprintf(out, size, "%s%s", exe, rel[i]);
					return CN_OK;
				}
			}
		}
	}
	if (readable(CARNET_DATADIR "/" CONFIG_NAME)) {
		text_copy(out, size, CARNET_DATADIR);
		return CN_OK;
	}
	return cn_err_set(err, CN_ECONFIG,
	                  "listes par défaut introuvables : %s/" CONFIG_NAME
	                  " (carnet est-il bien installé ? voir CARNET_DATADIR)",
	                  CARNET_DATADIR);
}

int config_load(struct config *cfg, const char *explicit_path, config_warn_fn warn, void *ctx,
                struct cn_err *err)
{
	char paths[CONFIG_MAX_FILES][PATH_MAX + 64];
	const char *ordered[CONFIG_MAX_FILES];
	const char *env;
	char dir[PATH_MAX];
	int n = 0, rc;

	/* Lowest priority first. */
	rc = config_datadir(dir, sizeof dir, err);
	if (rc != CN_OK)
		return rc;
	snprintf(paths[n++], sizeof paths[0], "%s/" CONFIG_NAME, dir);

	env = getenv("CARNET_SYSCONFDIR");
	snprintf(paths[n], sizeof paths[0], "%s/" CONFIG_NAME,
	         env && *env ? env : CARNET_SYSCONFDIR);
	if (readable(paths[n]))
		n++;

	env = getenv("XDG_CONFIG_HOME");
	if (env && *env)
		snprintf(paths[n], sizeof paths[0], "%s/carnet/" CONFIG_NAME, env);
	else
		snprintf(paths[n], sizeof paths[0], "%s/.config/carnet/" CONFIG_NAME,
		         getenv("HOME") ? getenv("HOME") : "");
	if (readable(paths[n]))
		n++;

	if (explicit_path && *explicit_path)
		text_copy(paths[n++], sizeof paths[0], explicit_path);

	for (int i = 0; i < n; i++)
		ordered[i] = paths[i];
	return config_load_files(cfg, ordered, n, warn, ctx, err);
}

void config_free(struct config *cfg)
{
	lists_free(&cfg->lists);
}
