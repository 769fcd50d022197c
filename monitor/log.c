#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "log.h"

int log_level;
static FILE *log_file;

int log_to_file(const char *path)
{
	FILE *file = fopen(path, "a");

	if (!file) {
		log_error("--log %s: %s", path, strerror(errno));
		return -1;
	}
	setvbuf(file, NULL, _IOLBF, 0);
	log_file = file;
	return 0;
}

int log_fd(void)
{
	return log_file ? fileno(log_file) : 2;
}

static void emit(const char *fmt, va_list ap)
{
	char line[1024];

	vsnprintf(line, sizeof(line), fmt, ap);
	fprintf(log_file ? log_file : stderr, "intravisor: %s\n", line);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(fmt, ap);
	va_end(ap);
}

void log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(fmt, ap);
	va_end(ap);
}

void log_detail(int level, const char *fmt, ...)
{
	va_list ap;

	if (log_level < level)
		return;
	va_start(ap, fmt);
	emit(fmt, ap);
	va_end(ap);
}
