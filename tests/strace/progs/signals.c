/* Signal dispositions and the mask, decoded: names, sets, flags. */
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

static void handler(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa = { 0 }, old;
	sigset_t set, oldset;

	getppid();
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR1);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGINT, &sa, &old);
	sigaction(SIGINT, 0, &old);
	signal(SIGTERM, SIG_IGN);
	signal(SIGTERM, SIG_DFL);
	sigaction(SIGKILL, &sa, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, &oldset);
	sigprocmask(SIG_UNBLOCK, &set, 0);
	sigfillset(&set);
	sigprocmask(SIG_SETMASK, &set, &oldset);
	sigprocmask(SIG_SETMASK, &oldset, 0);
	sigprocmask(SIG_BLOCK, 0, &oldset);
	sigpending(&set);
	syscall(SYS_rt_sigpending, &set, 4);
	syscall(SYS_rt_sigpending, &set, 16);
	return 0;
}
