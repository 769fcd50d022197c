/* intravisor --strace: where trace lines go and what is traced. The LibOS
 * formats its system calls itself and hands each line over with HC_TRACE;
 * host calls are traced here, in the monitor. */
#ifndef MONITOR_TRACE_H
#define MONITOR_TRACE_H

#include <stdint.h>
#include <stdio.h>

struct trace_settings {
	uint32_t flags; /* TRACE_* of uni/boot.h */
	FILE *out;
};

extern struct trace_settings trace;

/* --strace[=ITEM,...]: ITEM is "host", "time", or the output file. 0, or
 * -1 with the reason in err. */
int trace_configure(const char *value, char *err, size_t errlen);
void trace_write(const char *line, size_t len);
void trace_hostcall(long nr, const long args[5], long result);
void trace_close(void);

#endif
