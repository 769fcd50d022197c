/* abort() with a SIGABRT handler that returns: the handler runs, then abort
 * still ends the program by SIGABRT (134). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static void on_abrt(int sig)
{
	printf("SIGABRT handler: %d\n", sig == SIGABRT);
	fflush(stdout);
}

int main(void)
{
	signal(SIGABRT, on_abrt);
	printf("calling abort\n");
	fflush(stdout);
	abort();
}
