#include <libos/host.h>
#include <libos/log.h>

int log_verbose;

void log_msg(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	hostcall(HC_LOG, (long)line, n, 0, 0, 0);
}
