/* Writes lines to stdout until a write fails: run with stdout a pipe whose
 * reader goes away. With an argument SIGPIPE is ignored, so the write fails
 * with EPIPE (exit 3); without one SIGPIPE kills it (141). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		signal(SIGPIPE, SIG_IGN);
	for (;;)
		if (write(1, "line\n", 5) < 0) {
			fprintf(stderr, "write: %s\n", strerror(errno));
			return 3;
		}
}
