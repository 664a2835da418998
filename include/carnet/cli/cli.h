/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line: the command table and the options commands share. */
#ifndef CARNET_CLI_H
#define CARNET_CLI_H

#include <stddef.h>
#include <stdio.h>
#include "carnet/app/app.h"
#include "carnet/model/clock.h"
#include "carnet/model/codes.h"
#include "carnet/model/err.h"

/* A subcommand ("workshop add"), with its own help. */
struct subcommand {
	const char *name;
	const char *usage;     /* its French help */
	int (*run)(struct app *app, int argc, char **argv);
};

struct command {
	const char *name;
	const char *summary;   /* one French line for "carnet --help" */
	const char *usage;     /* full French help of the command */
	int (*run)(struct app *app, int argc, char **argv);
	const struct subcommand *subs; /* NULL-terminated, or NULL: no help of their own */
};

/* NULL-terminated table of the commands. */
extern const struct command cli_commands[];
const struct command *cli_find(const char *name);

/* getopt_long's unknown option or missing argument, with a pointer to help. */
int cli_usage_error(struct app *app, const char *command);
/* "COMMAND : option inconnue ou sans sa valeur « ARG »" and the pointer to
 * "carnet HELP --help"; returns EXIT_USAGE. */
int cli_bad_option(struct app *app, const char *command, const char *help, const char *arg);
/* Prints the command's help when argv holds --help or -h; returns 1 then.
 * The help of a subcommand is its own when it has one. */
int cli_wants_help(struct app *app, const struct command *cmd, int argc, char **argv);
/* The help of cmd, or of its subcommand sub (NULL: the command's). */
const char *cli_usage(const struct command *cmd, const char *sub);
/* Runs the subcommand argv[1] among subs with argv shifted by one; a
 * missing or unknown one is a usage error naming the choices. */
int cli_run_sub(struct app *app, const char *command, const struct subcommand *subs, int argc,
                char **argv);
/* Commands that take no option but --help: an option is a usage error;
 * optind is set on the first argument. */
int cli_no_options(struct app *app, const char *command, int argc, char **argv);
/* The single argument of "show ID", "delete ID"…, into *arg: missing is
 * "COMMAND : MISSING manquant", more than one is "argument en trop". */
int cli_one_argument(struct app *app, const char *command, const char *missing, int argc,
                     char **argv, const char **arg);
/* The start of "show ID", "delete ID"…: no option but --help, the single
 * id argument (cli_one_argument), the database opened (it must exist). */
int cli_open_with_id(struct app *app, const char *command, const char *missing, int argc,
                     char **argv, const char **id);

/* Shared option values: codes added to a set ("--site a,b"), a date. Each
 * prints its French message and returns an exit status. */
int cli_add_codes(struct app *app, const char *option, const char *arg, struct codeset *set);
int cli_date(struct app *app, const char *option, const char *arg, char out[DATE_LEN]);
/* The values of the options that fill a record's fields ("--time 14h30"):
 * an hour; a duration of 1 to max minutes; a code of list (shape only: the
 * record's rules check the list; "" empties it); codes of list added to set
 * (a bad one names the accepted values); a text that fits dst; a count of
 * 0 to max ("" is none: *out = -1). */
int cli_time(struct app *app, const char *option, const char *arg, char out[HHMM_LEN]);
int cli_duration(struct app *app, const char *option, const char *arg, int max, int *out);
int cli_code(struct app *app, const char *option, int list, const char *arg,
             char out[CODE_MAX]);
int cli_codes(struct app *app, const char *option, int list, const char *arg,
              struct codeset *set);
int cli_text(struct app *app, const char *option, const char *arg, char *dst, size_t size,
             size_t max);
int cli_count(struct app *app, const char *option, const char *arg, int max, int *out);
/* A new record's site: none (no --site, no [desk] site) is refused, naming
 * --site and the accepted values. */
int cli_site_required(struct app *app, const char *site);
/* The selection options of list, report and export, for their getopt_long
 * tables; cli_filter_option() reads one of them into the bounds and code
 * sets given and returns an exit status, or -1 when opt is not one of them. */
#define CLI_FILTER_OPTIONS                                                        \
	{"from", required_argument, NULL, 'f'}, {"to", required_argument, NULL, 't'}, \
	{"site", required_argument, NULL, 's'}, {"mediator", required_argument, NULL, 'm'}
int cli_filter_option(struct app *app, int opt, const char *arg, char from[DATE_LEN],
                      char to[DATE_LEN], struct codeset *sites, struct codeset *mediators);

/* Commands, one module each, with their French help. */
extern const char usage_add[], usage_edit[], usage_delete[], usage_show[], usage_list[],
	usage_person[], usage_workshop[], usage_time[], usage_lists[], usage_keys[],
	usage_report[], usage_export[], usage_place[], usage_slip[], usage_import[], usage_merge[],
	usage_backup[], usage_check[], usage_purge[], usage_forget[], usage_referral[];
extern const struct subcommand workshop_subs[], time_subs[], place_subs[], referral_subs[];
int cmd_add(struct app *app, int argc, char **argv);
int cmd_edit(struct app *app, int argc, char **argv);
int cmd_delete(struct app *app, int argc, char **argv);
int cmd_show(struct app *app, int argc, char **argv);
int cmd_list(struct app *app, int argc, char **argv);
int cmd_person(struct app *app, int argc, char **argv);
int cmd_referral(struct app *app, int argc, char **argv);
int cmd_workshop(struct app *app, int argc, char **argv);
int cmd_time(struct app *app, int argc, char **argv);
int cmd_place(struct app *app, int argc, char **argv);
int cmd_slip(struct app *app, int argc, char **argv);
int cmd_lists(struct app *app, int argc, char **argv);
int cmd_keys(struct app *app, int argc, char **argv);
int cmd_report(struct app *app, int argc, char **argv);
int cmd_export(struct app *app, int argc, char **argv);
int cmd_import(struct app *app, int argc, char **argv);
int cmd_merge(struct app *app, int argc, char **argv);
int cmd_backup(struct app *app, int argc, char **argv);
int cmd_check(struct app *app, int argc, char **argv);
int cmd_purge(struct app *app, int argc, char **argv);
int cmd_forget(struct app *app, int argc, char **argv);
/* What carnet does without a command away from a terminal: today's list. */
int cmd_default(struct app *app);

#endif
