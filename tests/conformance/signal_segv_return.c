/* A SIGSEGV handler with SA_RESETHAND that returns: the write faults again
 * and the default action ends the program (128 + SIGSEGV). */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static int calls;

static void on_segv(int sig)
{
	(void)sig;
	printf("handler call %d\n", ++calls);
	fflush(stdout);
}

int main(void)
{
	struct sigaction sa;
	volatile int *volatile null = 0;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_segv;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	*null = 1;
	printf("not reached\n");
	return 0;
}
