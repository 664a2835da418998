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
	CN_EDB,       /* database error (open, newer schema, I/O, locked) */
};

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
