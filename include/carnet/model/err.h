/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Error reporting: a formatted French message plus the field it is about. */
#ifndef CARNET_ERR_H
#define CARNET_ERR_H

#include <stdarg.h>

/* Status codes returned by model and storage functions (0 is success). */
enum cn_status {
	CN_OK = 0,
	CN_EINVAL,    /* a value was refused; nothing written */
	CN_ENOTFOUND, /* unknown id or person code */
	CN_ECONFIG,   /* configuration file unreadable or malformed */
	CN_EDB,       /* database error (open, newer schema, I/O) */
	CN_EBUSY,     /* the database is held by another program's long write */
	CN_ECONFLICT, /* the record changed elsewhere since it was read; nothing written */
};

/* Exit statuses of the program, documented in carnet(1). */
enum cn_exit {
	EXIT_OK = 0,
	EXIT_INVALID = 1,   /* a value refused; nothing written */
	EXIT_USAGE = 2,     /* unknown command or option, missing argument */
	EXIT_NOTFOUND = 3,  /* unknown visit id or person code */
	EXIT_CONFIG = 4,    /* configuration file missing or malformed */
	EXIT_DB = 5,        /* database cannot be opened or written */
};

/* The exit status for a status code. */
int cn_exit_status(int status);

struct cn_err {
	int field;      /* enum visit_field / person_field, or -1 */
	char msg[1024];
};

/* Sets the message (printf format) and returns status. */
int cn_err_set(struct cn_err *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int cn_err_vset(struct cn_err *err, int status, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
/* Same, naming the field the message is about. */
int cn_err_field(struct cn_err *err, int status, int field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void cn_err_clear(struct cn_err *err);

#endif
