/* Prints its SIGHUP disposition, then raises SIGHUP: it dies of it (129)
 * unless it started with SIGHUP ignored (nohup), inherited from the monitor
 * as across exec. Also built natively (run-progs/native-sighup). */
#include <signal.h>
#include <stdio.h>

int main(void)
{
	struct sigaction old;

	sigaction(SIGHUP, NULL, &old);
	printf("SIGHUP %s\n", old.sa_handler == SIG_IGN ? "ignored" : "default");
	fflush(stdout);
	raise(SIGHUP);
	printf("still here\n");
	return 0;
}
