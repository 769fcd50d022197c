/* sa_mask and the handled signal itself are blocked while the handler runs;
 * a signal raised then stays pending and runs when the handler returns
 * (rt_sigreturn restores the mask). SA_NODEFER leaves the signal unblocked. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static int depth;

static void on_usr2(int sig)
{
	(void)sig;
	printf("usr2 handler (depth %d)\n", depth);
}

static void on_usr1(int sig)
{
	sigset_t now, pend;

	(void)sig;
	depth++;
	sigprocmask(SIG_BLOCK, NULL, &now);
	printf("usr1 handler: USR1 blocked %d, USR2 blocked %d, TERM blocked %d\n",
	       sigismember(&now, SIGUSR1), sigismember(&now, SIGUSR2), sigismember(&now, SIGTERM));
	raise(SIGUSR2);
	sigpending(&pend);
	printf("usr1 handler: USR2 pending %d\n", sigismember(&pend, SIGUSR2));
	depth--;
}

static int nodefer_depth, nodefer_max;

static void on_hup(int sig)
{
	sigset_t now;

	nodefer_depth++;
	if (nodefer_depth > nodefer_max)
		nodefer_max = nodefer_depth;
	sigprocmask(SIG_BLOCK, NULL, &now);
	printf("hup handler depth %d: HUP blocked %d\n", nodefer_depth, sigismember(&now, SIGHUP));
	if (nodefer_depth < 3)
		raise(sig);
	nodefer_depth--;
}

int main(void)
{
	struct sigaction sa;
	sigset_t now;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr2;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR2, &sa, NULL);
	sa.sa_handler = on_usr1;
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	sigprocmask(SIG_BLOCK, NULL, &now);
	printf("after: USR1 blocked %d, USR2 blocked %d\n", sigismember(&now, SIGUSR1),
	       sigismember(&now, SIGUSR2));

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_hup;
	sa.sa_flags = SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	raise(SIGHUP);
	printf("SA_NODEFER nesting depth %d\n", nodefer_max);
	return 0;
}
