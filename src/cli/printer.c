/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "carnet/cli/printer.h"

/* The words of command, in buf (a copy), into argv; their count, -1 when
 * there are too many. */
static int split(char *buf, char *argv[PRINTER_MAX_ARGS + 1])
{
	char *save = NULL;
	int n = 0;

	for (char *s = strtok_r(buf, " \t", &save); s; s = strtok_r(NULL, " \t", &save)) {
		if (n == PRINTER_MAX_ARGS)
			return -1;
		argv[n++] = s;
	}
	argv[n] = NULL;
	return n;
}

static int cloexec_pipe(int fds[2])
{
	if (pipe(fds) != 0)
		return -1;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Writes everything, but for a reader that went away (EPIPE). */
static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int printer_send(struct app *app, const char *option, const char *command, const char *data,
                 size_t len)
{
	char *buf = strdup(command), *argv[PRINTER_MAX_ARGS + 1];
	int in[2] = {-1, -1}, report[2] = {-1, -1}, n, status, werr, exec_err = 0;
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
	pid_t pid;
	ssize_t got;

	if (!buf)
		return app_fail(app, EXIT_DB, "mémoire insuffisante");
	if ((n = split(buf, argv)) <= 0) {
		free(buf);
		return app_fail(app, EXIT_CONFIG,
		                n == 0 ? "%s : [desk] printer est vide"
		                       : "%s : [desk] printer a trop de mots (32 au plus)",
		                option);
	}
	/* "report" tells the parent why exec failed: it closes on success. */
	if (cloexec_pipe(in) != 0 || cloexec_pipe(report) != 0) {
		int e = errno;
		for (int i = 0; i < 2; i++) {
			if (in[i] >= 0)
				close(in[i]);
		}
		free(buf);
		return app_fail(app, EXIT_INVALID, "%s : impossible de lancer « %s » : %s", option,
		                command, strerror(e));
	}
	fflush(app->out);
	fflush(app->err);
	if ((pid = fork()) < 0) {
		int e = errno;
		close(in[0]), close(in[1]), close(report[0]), close(report[1]);
		free(buf);
		return app_fail(app, EXIT_INVALID, "%s : impossible de lancer « %s » : %s", option,
		                command, strerror(e));
	}
	if (pid == 0) {
		int e;
		if (dup2(in[0], STDIN_FILENO) < 0)
			_exit(127);
		execvp(argv[0], argv);
		e = errno;
		if (write(report[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	close(in[0]);
	close(report[1]);
	sigaction(SIGPIPE, &ignore, &old);
	werr = write_all(in[1], data, len);
	close(in[1]);
	sigaction(SIGPIPE, &old, NULL);
	do
		got = read(report[0], &exec_err, sizeof exec_err);
	while (got < 0 && errno == EINTR);
	close(report[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (got == (ssize_t)sizeof exec_err) {
		int rc = app_fail(app, EXIT_CONFIG,
		                  "%s : impossible de lancer « %s » ([desk] printer) : %s", option,
		                  argv[0], exec_err == ENOENT ? "commande introuvable"
		                                              : strerror(exec_err));
		free(buf);
		return rc;
	}
	free(buf);
	if (WIFSIGNALED(status))
		return app_fail(app, EXIT_INVALID,
		                "%s : la commande « %s » a été interrompue (signal %d) ; l'impression "
		                "n'est pas sûre",
		                option, command, WTERMSIG(status));
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		return app_fail(app, EXIT_INVALID,
		                "%s : la commande « %s » a échoué (code de retour %d) ; la fiche n'est "
		                "pas imprimée",
		                option, command, WEXITSTATUS(status));
	if (werr)
		return app_fail(app, EXIT_INVALID,
		                "%s : la commande « %s » n'a pas tout lu (%s) ; l'impression n'est pas "
		                "sûre",
		                option, command, strerror(werr));
	return EXIT_OK;
}
