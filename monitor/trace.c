#include <errno.h>
#include <string.h>
#include <uni/boot.h>
#include <uni/hostcall.h>
#include "trace.h"

struct trace_settings trace;

static const char *const hostcall_names[HC_COUNT] = {
	[HC_WRITE] = "write",	    [HC_READ] = "read",		    [HC_EXIT] = "exit",
	[HC_MAP] = "map",	    [HC_PROTECT] = "protect",	    [HC_CLOCK_GETTIME] = "clock_gettime",
	[HC_GETRANDOM] = "getrandom", [HC_SET_APP_FS] = "set_app_fs", [HC_TTY_IOCTL] = "tty_ioctl",
	[HC_UNAME] = "uname",	    [HC_LOG] = "log",		    [HC_TRACE] = "trace",
	[HC_KILLED] = "killed",
};

int trace_configure(const char *value, char *err, size_t errlen)
{
	char items[4096];

	trace.flags |= TRACE_SYSCALLS;
	if (!value)
		return 0;
	if (strlen(value) >= sizeof(items)) {
		snprintf(err, errlen, "--strace: argument too long");
		return -1;
	}
	strcpy(items, value);
	for (char *save, *item = strtok_r(items, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		if (!strcmp(item, "host")) {
			trace.flags |= TRACE_HOST;
		} else if (!strcmp(item, "time")) {
			trace.flags |= TRACE_TIMES;
		} else {
			if (trace.out) {
				snprintf(err, errlen, "--strace: more than one output file");
				return -1;
			}
			trace.out = fopen(item, "w");
			if (!trace.out) {
				snprintf(err, errlen, "--strace: %s: %s", item, strerror(errno));
				return -1;
			}
		}
	}
	return 0;
}

void trace_write(const char *line, size_t len)
{
	fprintf(trace.out ? trace.out : stderr, "%.*s\n", (int)len, line);
}

void trace_hostcall(long nr, const long args[5], long result)
{
	if (!(trace.flags & TRACE_HOST) || nr == HC_TRACE)
		return;
	const char *name = nr > 0 && nr < HC_COUNT && hostcall_names[nr] ? hostcall_names[nr] : "?";
	fprintf(trace.out ? trace.out : stderr, "host: %s(%#lx, %#lx, %#lx, %#lx, %#lx) = %ld\n", name,
		args[0], args[1], args[2], args[3], args[4], result);
}

void trace_close(void)
{
	if (trace.out)
		fclose(trace.out);
	trace.out = NULL;
}
