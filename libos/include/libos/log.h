/* Formatting and the LibOS's log, which goes to the monitor (never to the
 * app's stdout). */
#ifndef LIBOS_LOG_H
#define LIBOS_LOG_H

#include <stdarg.h>
#include <stddef.h>

/* vsnprintf-like: %s %c %d %i %u %x %p %%, with l/ll/z, width and '0' flag.
 * Returns the length the full output would have. */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

extern int log_verbose;

/* One line to the monitor's log; always printed. */
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Printed only with intravisor -v. */
#define log_debug(...)                                                                             \
	do {                                                                                       \
		if (log_verbose)                                                                   \
			log_msg(__VA_ARGS__);                                                      \
	} while (0)

/* Printed the first time this line of code runs. */
#define log_once(...)                                                                              \
	do {                                                                                       \
		static int logged;                                                                 \
		if (!logged) {                                                                     \
			logged = 1;                                                                \
			log_msg(__VA_ARGS__);                                                      \
		}                                                                                  \
	} while (0)

#endif
