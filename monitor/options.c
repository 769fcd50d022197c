#include <string.h>
#include "options.h"

#define COMMON_OPTIONS                                                                             \
	{ "verbose", 'v', no_argument, NULL,                                                       \
	  "Print the seed's detail: segments and capabilities of each cVM, the LibOS's log. "      \
	  "Twice (-vv) for more." },                                                               \
	{ "strace", OPT_STRACE, optional_argument, "ITEM,...",                                     \
	  "Trace every system call the LibOS serves, one line each in strace's format. ITEM is "   \
	  "'host' (host calls too, marked host:), 'time' (durations, like strace -T), or a file "  \
	  "for the trace (default: standard error)." },                                            \
	{ "log", OPT_LOG, required_argument, "FILE",                                               \
	  "Write the monitor's and the LibOS's messages to FILE instead of standard error." },     \
	{ "help", 'h', no_argument, NULL, "Print the options and exit." }

const struct option_doc main_options[] = {
	{ "yaml", 'y', required_argument, "FILE",
	  "Deploy and run the cVMs described in FILE (Intravisor's YAML format; see README)." },
	COMMON_OPTIONS,
	{ "man", OPT_MAN, no_argument, NULL, "Print this manual page in roff." },
	{ "bash-completion", OPT_COMPLETION, no_argument, NULL,
	  "Print a bash completion script for intravisor." },
	{ NULL, 0, 0, NULL, NULL },
};

const struct option_doc run_options[] = {
	{ "file", OPT_FILE, required_argument, "HOST:GUEST",
	  "Add a host file or directory tree at GUEST in the root file system." },
	{ "mount", OPT_MOUNT, required_argument, "HOST:GUEST[:ro]",
	  "Mount the host directory HOST at GUEST, read-write or with :ro read-only: served by the "
	  "host, confined beneath HOST (see README, Host directories)." },
	{ "rootfs", OPT_ROOTFS, required_argument, "DIR|FILE.cpio",
	  "Start the root file system from a directory tree or a newc cpio archive." },
	{ "lib-path", OPT_LIB_PATH, required_argument, "DIR",
	  "Look for the program's shared libraries in DIR before uni-cc's sysroot." },
	{ "cwd", OPT_CWD, required_argument, "DIR", "The program's working directory (default /)." },
	{ "env", OPT_ENV, required_argument, "K=V",
	  "Set an environment variable; the default environment is PATH and HOME." },
	{ "memory", OPT_MEMORY, required_argument, "SIZE",
	  "Size of the app's region: bytes, or with K, M or G (default 1G)." },
	{ "print-yaml", OPT_PRINT_YAML, required_argument, "DIR",
	  "Write DIR/NAME.yaml and DIR/NAME.cpio for intravisor -y, and stop." },
	COMMON_OPTIONS,
	{ NULL, 0, 0, NULL, NULL },
};

void options_getopt(const struct option_doc *docs, struct option *longs, char *shorts)
{
	int n = 0;

	*shorts++ = '+'; /* options end at the first operand (run's PROG) */
	for (; docs[n].name && n < OPTIONS_MAX; n++) {
		longs[n] = (struct option){ docs[n].name, docs[n].has_arg, NULL, docs[n].key };
		if (docs[n].key < 128) {
			*shorts++ = (char)docs[n].key;
			if (docs[n].has_arg == required_argument)
				*shorts++ = ':';
		}
	}
	*shorts = 0;
	longs[n] = (struct option){ NULL, 0, NULL, 0 };
}

static void option_name(FILE *out, const struct option_doc *d, const char *dash)
{
	if (d->key < 128)
		fprintf(out, "-%c, ", d->key);
	fprintf(out, "%s-%s", dash, d->name);
	if (d->has_arg == required_argument)
		fprintf(out, " %s", d->arg);
	else if (d->has_arg == optional_argument)
		fprintf(out, "[=%s]", d->arg);
}

void options_usage(FILE *out, const char *synopsis, const struct option_doc *docs)
{
	fprintf(out, "%s", synopsis);
	for (; docs->name; docs++) {
		fprintf(out, "  ");
		option_name(out, docs, "-");
		fprintf(out, "\n      %s\n", docs->help);
	}
}

static void man_options(FILE *out, const struct option_doc *docs)
{
	for (; docs->name; docs++) {
		fprintf(out, ".TP\n.B ");
		option_name(out, docs, "\\-");
		fprintf(out, "\n%s\n", docs->help);
	}
}

void options_man(FILE *out)
{
	fprintf(out,
		".TH INTRAVISOR 1 \"\" \"musl-uni\" \"User Commands\"\n"
		".SH NAME\nintravisor \\- deploy and run musl-uni compartments (cVMs)\n"
		".SH SYNOPSIS\n.B intravisor\n[\\fIOPTIONS\\fR] \\fB\\-y\\fR \\fIFILE.yaml\\fR\n.br\n"
		".B intravisor run\n[\\fIOPTIONS\\fR] \\fIPROG\\fR [\\fIARGS\\fR...]\n"
		".SH DESCRIPTION\nThe monitor maps each cVM described in a YAML file into a fixed "
		"region of its address space: a LibOS (libos.so) that serves system calls from its "
		"ramfs, and an app cVM running musl's ld.so, which loads the program. "
		".B intravisor run\nruns one program built with uni-cc without a YAML file, "
		"assembling its root file system in memory.\n"
		".SH OPTIONS\n");
	man_options(out, main_options);
	fprintf(out, ".SH RUN OPTIONS\n");
	man_options(out, run_options);
	fprintf(out, ".SH EXIT STATUS\nThe app's exit status; 128+N when signal N ended it; "
		     "127 when the program or a library is missing and 126 when it cannot run under "
		     "musl-uni (intravisor run); 2 for bad usage; 1 when deployment failed.\n"
		     ".SH SEE ALSO\nThe README of musl-uni.\n");
}

static void completion_words(FILE *out, const struct option_doc *docs)
{
	for (; docs->name; docs++)
		fprintf(out, " --%s", docs->name);
}

void options_bash_completion(FILE *out)
{
	fprintf(out, "# bash completion for intravisor; generated by intravisor --bash-completion\n"
		     "_intravisor()\n{\n\tlocal cur=${COMP_WORDS[COMP_CWORD]} opts\n"
		     "\tif [ \"${COMP_WORDS[1]}\" = run ]; then\n\t\topts=\"");
	completion_words(out, run_options);
	fprintf(out, "\"\n\telse\n\t\topts=\"run");
	completion_words(out, main_options);
	fprintf(out, "\"\n\tfi\n\tcase $cur in\n"
		     "\t-*) COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")) ;;\n"
		     "\t*) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n\tesac\n}\n"
		     "complete -o filenames -F _intravisor intravisor\n");
}
