/* The command line of intravisor, as one table per mode: getopt, --help,
 * the man page (docs/intravisor.1) and bash completion are all made from it. */
#ifndef MONITOR_OPTIONS_H
#define MONITOR_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

struct option_doc {
	const char *name; /* long name */
	int key; /* getopt's value; a printable short option when < 128 */
	int has_arg; /* no_argument, required_argument, optional_argument */
	const char *arg; /* the argument's name in the help */
	const char *help;
};

#define OPTIONS_MAX 24

enum {
	OPT_STRACE = 256,
	OPT_LOG,
	OPT_FILE,
	OPT_MOUNT,
	OPT_ROOTFS,
	OPT_LIB_PATH,
	OPT_CWD,
	OPT_ENV,
	OPT_MEMORY,
	OPT_PRINT_YAML,
	OPT_MAN,
	OPT_COMPLETION,
};

extern const struct option_doc main_options[];
extern const struct option_doc run_options[];

/* getopt_long's table and short-option string for docs. */
void options_getopt(const struct option_doc *docs, struct option *longs, char *shorts);
void options_usage(FILE *out, const char *synopsis, const struct option_doc *docs);
void options_man(FILE *out);
void options_bash_completion(FILE *out);

#endif
