/* SIGINT sent to the monitor reaches the app: "pause" waits for it in a
 * handler, "busy" spins in app code until the handler runs, "default" has
 * no handler and dies of it (130). Prints "ready" once it waits. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_int(int sig)
{
	(void)sig;
	got = 1;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "default";

	if (strcmp(mode, "default")) {
		struct sigaction sa = { 0 };
		sa.sa_handler = on_int;
		sigaction(SIGINT, &sa, NULL);
	}
	printf("ready\n");
	fflush(stdout);
	if (!strcmp(mode, "busy"))
		while (!got)
			;
	else
		while (!got)
			pause();
	printf("got SIGINT\n");
	return 0;
}
