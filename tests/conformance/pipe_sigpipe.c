/* SIGPIPE's default action ends the process: killed by signal 13, exit status 141. */
#include <signal.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int p[2];

	SHOW(pipe(p));
	SHOW(close(p[0]));
	printf("writing to a pipe without readers\n");
	fflush(stdout);
	SHOW(write(p[1], "x", 1));
	printf("not reached\n");
	return 0;
}
