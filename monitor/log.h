/* The monitor's messages: all on stderr, never on the app's stdout. */
#ifndef MONITOR_LOG_H
#define MONITOR_LOG_H

extern int log_level; /* 0 normal, 1 with -v, 2 with -vv */

/* --log FILE: every message goes there instead of stderr. 0 or -1. */
int log_to_file(const char *path);
/* Where messages go, for code that may only write(2) (signal handlers). */
int log_fd(void);

void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Printed when log_level >= level. */
void log_detail(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
