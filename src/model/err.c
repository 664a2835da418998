/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include "carnet/model/err.h"

int cn_err_vset(struct cn_err *err, int status, const char *fmt, va_list ap)
{
	if (err) {
		err->field = -1;
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	}
	return status;
}

int cn_err_set(struct cn_err *err, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cn_err_vset(err, status, fmt, ap);
	va_end(ap);
	return status;
}

int cn_err_field(struct cn_err *err, int status, int field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cn_err_vset(err, status, fmt, ap);
	va_end(ap);
	if (err)
		err->field = field;
	return status;
}

void cn_err_clear(struct cn_err *err)
{
	err->field = -1;
	err->msg[0] = '\0';
}

int cn_exit_status(int status)
{
	switch (status) {
	case CN_OK:
		return EXIT_OK;
	case CN_ENOTFOUND:
		return EXIT_NOTFOUND;
	case CN_ECONFIG:
		return EXIT_CONFIG;
	case CN_EDB:
	case CN_EBUSY:
		return EXIT_DB;
	default:
		return EXIT_INVALID;
	}
}
