/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <time.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "carnet/app/printer.h"

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

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cloexec_pipe(int fds[2])
{
	if (pipe(fds) != 0)
		return -1;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Writes everything to fd within the deadline (a monotonic time, 0 for
 * none): 0, an errno (EPIPE: the reader went away), or ETIMEDOUT. */
static int send_data(int fd, const char *data, size_t len, double deadline)
{
	if (deadline > 0)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	while (len > 0) {
		ssize_t n;

		if (deadline > 0) {
			struct pollfd pfd = {.fd = fd, .events = POLLOUT};
			double left = deadline - now_s();
			if (left <= 0)
				return ETIMEDOUT;
			if (poll(&pfd, 1, (int)(left * 1000) + 1) < 0 && errno != EINTR)
				return errno;
		}
		n = write(fd, data, len);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0)
			return errno;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Waits for pid until the deadline (0: for ever); false when it is still
 * running then. */
static bool wait_child(pid_t pid, int *status, double deadline)
{
	for (;;) {
		pid_t r = waitpid(pid, status, deadline > 0 ? WNOHANG : 0);
		if (r == pid)
			return true;
		if (r < 0 && errno != EINTR)
			return true;
		if (r == 0) {
			if (now_s() >= deadline)
				return false;
			nanosleep(&(struct timespec){0, 20 * 1000 * 1000}, NULL);
		}
	}
}

static int failed(char *msg, size_t size, int rc, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int failed(char *msg, size_t size, int rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, size, fmt, ap);
	va_end(ap);
	return rc;
}

int printer_run(const char *command, const char *data, size_t len,
                const struct printer_opts *opts, char *msg, size_t size)
{
	char *buf = strdup(command), *argv[PRINTER_MAX_ARGS + 1];
	int in[2] = {-1, -1}, report[2] = {-1, -1}, n, status = 0, werr, exec_err = 0, rc;
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
	double deadline = opts->timeout_s > 0 ? now_s() + opts->timeout_s : 0;
	pid_t pid;
	ssize_t got;

	msg[0] = '\0';
	if (!buf)
		return failed(msg, size, EXIT_DB, "mémoire insuffisante");
	if ((n = split(buf, argv)) <= 0) {
		free(buf);
		return failed(msg, size, EXIT_CONFIG,
		              n == 0 ? "[desk] printer est vide"
		                     : "[desk] printer a trop de mots (32 au plus)");
	}
	/* "report" tells the parent why exec failed: it closes on success. */
	if (cloexec_pipe(in) != 0 || cloexec_pipe(report) != 0) {
		int e = errno;
		for (int i = 0; i < 2; i++) {
			if (in[i] >= 0)
				close(in[i]);
		}
		free(buf);
		return failed(msg, size, EXIT_INVALID, "impossible de lancer « %s » : %s", command,
		              strerror(e));
	}
	if ((pid = fork()) < 0) {
		int e = errno;
		close(in[0]), close(in[1]), close(report[0]), close(report[1]);
		free(buf);
		return failed(msg, size, EXIT_INVALID, "impossible de lancer « %s » : %s", command,
		              strerror(e));
	}
	if (pid == 0) {
		int e;
		if (dup2(in[0], STDIN_FILENO) < 0)
			_exit(127);
		if (opts->quiet) {
			int null = open("/dev/null", O_WRONLY);
			if (null < 0 || dup2(null, STDOUT_FILENO) < 0 || dup2(null, STDERR_FILENO) < 0)
				_exit(127);
			if (null > STDERR_FILENO)
				close(null);
			/* Its own process group: killed with all it started. */
			setpgid(0, 0);
		}
		execvp(argv[0], argv);
		e = errno;
		if (write(report[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	if (opts->quiet)
		setpgid(pid, pid);
	close(in[0]);
	close(report[1]);
	sigaction(SIGPIPE, &ignore, &old);
	werr = send_data(in[1], data, len, deadline);
	close(in[1]);
	sigaction(SIGPIPE, &old, NULL);
	do
		got = read(report[0], &exec_err, sizeof exec_err);
	while (got < 0 && errno == EINTR);
	close(report[0]);
	if (werr == ETIMEDOUT || !wait_child(pid, &status, deadline)) {
		kill(opts->quiet ? -pid : pid, SIGKILL);
		wait_child(pid, &status, 0);
		rc = failed(msg, size, EXIT_INVALID,
		            "la commande « %s » ne s'est pas terminée en %d s : elle a été arrêtée ; "
		            "l'impression n'est pas sûre",
		            command, opts->timeout_s);
		free(buf);
		return rc;
	}
	if (got == (ssize_t)sizeof exec_err) {
		rc = failed(msg, size, EXIT_CONFIG, "impossible de lancer « %s » ([desk] printer) : %s",
		            argv[0], exec_err == ENOENT ? "commande introuvable" : strerror(exec_err));
		free(buf);
		return rc;
	}
	free(buf);
	if (WIFSIGNALED(status))
		return failed(msg, size, EXIT_INVALID,
		              "la commande « %s » a été interrompue (signal %d) ; l'impression "
		              "n'est pas sûre",
		              command, WTERMSIG(status));
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		return failed(msg, size, EXIT_INVALID,
		              "la commande « %s » a échoué (code de retour %d) ; la fiche n'est "
		              "pas imprimée",
		              command, WEXITSTATUS(status));
	if (werr)
		return failed(msg, size, EXIT_INVALID,
		              "la commande « %s » n'a pas tout lu (%s) ; l'impression n'est pas "
		              "sûre",
		              command, strerror(werr));
	return EXIT_OK;
}

int printer_send(struct app *app, const char *option, const char *command, const char *data,
                 size_t len)
{
	struct printer_opts opts = {0, false};
	char msg[1024];
	int rc;

	fflush(app->out);
	fflush(app->err);
	if ((rc = printer_run(command, data, len, &opts, msg, sizeof msg)) != EXIT_OK)
		return app_fail(app, rc, "%s : %s", option, msg);
	return EXIT_OK;
}
