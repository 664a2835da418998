/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "carnet/app/output.h"
#include "carnet/app/printer.h"
#include "carnet/screen/slip_give.h"

/* Creates a folder of its owner only; one that exists is kept as it is. */
static int make_dir(const char *path)
{
	return mkdir(path, 0700) == 0 || errno == EEXIST ? 0 : errno;
}

/* $XDG_DATA_HOME/carnet/fiches (the database's default folder's), made. */
static int slip_dir(char *out, size_t size, char *msg, size_t msize)
{
	struct cn_err err;
	char *slash;
	int e;

	if (store_default_path(out, size, &err) != CN_OK) {
		snprintf(msg, msize, "%s", err.msg);
		return EXIT_CONFIG;
	}
	if ((slash = strrchr(out, '/')))
		*slash = '\0';
	if ((e = make_dir(out)) == 0 && strlen(out) + sizeof "/fiches" <= size) {
		strcat(out, "/fiches");
		e = make_dir(out);
	}
	if (e) {
		snprintf(msg, msize, "impossible de créer le dossier « %s » : %s", out, strerror(e));
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

/* AAAA-MM-JJ-ID.html: the place's id (its uid when it has none), with
 * what is not a letter, a digit, ".", "-" or "_" made "_". */
static void slip_name(const struct place *p, const char *date, char *out, size_t size)
{
	const char *id = p->id[0] ? p->id : p->uid;
	size_t n = (size_t)snprintf(out, size, "%s-", date);

	for (; *id && n + 6 < size && n < 120; id++, n++)
		out[n] = ((*id >= 'a' && *id <= 'z') || (*id >= 'A' && *id <= 'Z') ||
		          (*id >= '0' && *id <= '9') || *id == '-' || *id == '_' || *id == '.')
		                 ? *id
		                 : '_';
	snprintf(out + n, size - n, ".html");
}

/* The messages of output_open and output_close, caught: "carnet: -o : "
 * is left out. */
static void caught(char *buf, size_t len, char *msg, size_t size)
{
	const char *s = buf ? buf : "";
	size_t n;

	if (strncmp(s, "carnet: ", 8) == 0)
		s += 8;
	if (strncmp(s, "-o : ", 5) == 0)
		s += 5;
	n = strcspn(s, "\n");
	(void)len;
	snprintf(msg, size, "%.*s", (int)n, s);
}

/* "Fiche écrite : PATH", the home folder shown "~". */
static void say_written(const char *path, char *msg, size_t size)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/')
		snprintf(msg, size, "Fiche écrite : ~%s", path + n);
	else
		snprintf(msg, size, "Fiche écrite : %s", path);
}

static int write_file(struct app *app, const struct slip *s, char *msg, size_t size)
{
	char dir[PATH_MAX], name[160], path[PATH_MAX + 160], *buf = NULL;
	size_t len = 0;
	FILE *saved = app->err, *mem;
	struct output out;
	int rc;

	if ((rc = slip_dir(dir, sizeof dir, msg, size)) != EXIT_OK)
		return rc;
	slip_name(s->place, s->date, name, sizeof name);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(mem = open_memstream(&buf, &len))) {
		snprintf(msg, size, "mémoire insuffisante");
		return EXIT_DB;
	}
	app->err = mem;
	if ((rc = output_open(app, &out, path)) == EXIT_OK) {
		slip_write_html(out.f, s);
		rc = output_close(app, &out, true);
	}
	app->err = saved;
	fclose(mem);
	if (rc == EXIT_OK)
		say_written(path, msg, size);
	else
		caught(buf, len, msg, size);
	free(buf);
	return rc;
}

int slip_give(struct app *app, const struct place *p, const char *date, const char *code,
                 char *msg, size_t size)
{
	struct slip s = {p, date, app_desk_name(app), app->cfg.desk_address,
	                 code && code[0] ? code : NULL};
	struct printer_opts opts = {SLIP_PRINTER_TIMEOUT, true};
	char *data, why[1024];
	size_t len;
	int rc;

	if (!app->cfg.printer[0])
		return write_file(app, &s, msg, size);
	if (!slip_to_memory(&s, false, &data, &len)) {
		snprintf(msg, size, "mémoire insuffisante");
		return EXIT_DB;
	}
	rc = printer_run(app->cfg.printer, data, len, &opts, why, sizeof why);
	free(data);
	if (rc == EXIT_OK)
		snprintf(msg, size, "Fiche d'orientation envoyée à « %s »", app->cfg.printer);
	else
		snprintf(msg, size, "Imprimante : %s", why);
	return rc;
}
