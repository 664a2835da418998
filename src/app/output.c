/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "carnet/app/output.h"

/* The first 16 bytes of every SQLite database. */
static bool is_sqlite(const char *path)
{
	char head[16];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	bool yes;

	if (fd < 0)
		return false;
	yes = read(fd, head, sizeof head) == (ssize_t)sizeof head &&
	      memcmp(head, "SQLite format 3", 16) == 0;
	close(fd);
	return yes;
}

static int refuse(struct app *app, const char *path, const char *why)
{
	return app_fail(app, EXIT_INVALID, "-o : « %s » %s ; rien n'a été écrit", path, why);
}

int output_open(struct app *app, struct output *o, const char *path)
{
	struct stat sb;
	int fd;

	memset(o, 0, sizeof *o);
	o->f = app->out;
	if (!path)
		return EXIT_OK;
	if (!*path)
		return refuse(app, path, "n'est pas un nom de fichier");
	if (lstat(path, &sb) == 0) {
		if (S_ISLNK(sb.st_mode))
			return refuse(app, path, "est un lien symbolique : donnez le chemin du fichier "
			                         "lui-même");
		if (S_ISDIR(sb.st_mode))
			return refuse(app, path, "est un dossier");
		if (!S_ISREG(sb.st_mode))
			return refuse(app, path, "n'est pas un fichier ordinaire (périphérique, tube ou "
			                         "socket)");
	}
	if (app->st && store_owns_path(app->st, path))
		return refuse(app, path, "est un fichier de la base de ce poste");
	if (is_sqlite(path))
		return refuse(app, path, "est une base de données (une base carnet, sa copie ou une "
		                         "autre) : -o n'écrit jamais sur une base");
	if (snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", path) >= (int)sizeof o->tmp)
		return refuse(app, path, "a un chemin trop long");
	/* mkstemp makes a new file, readable by its owner only. */
	if ((fd = mkstemp(o->tmp)) < 0 || !(o->f = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		o->f = NULL;
		return app_fail(app, EXIT_INVALID, "-o : impossible d'écrire « %s » : %s", path,
		                strerror(e));
	}
	snprintf(o->path, sizeof o->path, "%s", path);
	return EXIT_OK;
}

const char *output_file(const struct output *o)
{
	return o->path[0] ? o->tmp : NULL;
}

int output_close(struct app *app, struct output *o, bool ok)
{
	int e = 0;

	if (!o->path[0])
		return EXIT_OK;
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0)
		e = errno ? errno : EIO;
	if (fclose(o->f) != 0 && !e)
		e = errno;
	o->f = NULL;
	if (ok && !e && rename(o->tmp, o->path) != 0)
		e = errno;
	if (!ok || e) {
		unlink(o->tmp);
		if (ok)
			return app_fail(app, EXIT_INVALID, "-o : écriture de « %s » incomplète : %s ; "
			                                   "rien n'a été écrit",
			                o->path, strerror(e));
	}
	return EXIT_OK;
}
