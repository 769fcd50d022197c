/* SA_RESETHAND: the handler runs once, the disposition is SIG_DFL after it,
 * and the second signal takes the default action (killed: 128 + SIGUSR1). */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static void on_usr1(int sig)
{
	struct sigaction now;

	sigaction(sig, NULL, &now);
	printf("handler: disposition now SIG_DFL %d\n", now.sa_handler == SIG_DFL);
}

int main(void)
{
	struct sigaction sa, now;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &now);
	printf("after: SIG_DFL %d\n", now.sa_handler == SIG_DFL);
	fflush(stdout);
	raise(SIGUSR1);
	printf("not reached\n");
	return 0;
}
