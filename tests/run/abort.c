/* abort(): SIGABRT's default action ends the cVM with 134, like a shell
 * reports it; raise() of an ignored signal does nothing. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	signal(SIGUSR1, SIG_IGN);
	printf("raise(SIGUSR1) ignored: %d\n", raise(SIGUSR1));
	printf("raise(SIGCHLD) default-ignored: %d\n", raise(SIGCHLD));
	fflush(stdout);
	abort();
}
