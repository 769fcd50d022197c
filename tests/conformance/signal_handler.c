/* Handlers for signals the program sends itself run, and the program goes on
 * where it was: raise() (tkill: SI_TKILL) and kill() (SI_USER), plain and
 * SA_SIGINFO handlers, registers and errno intact across the delivery. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t usr1_count;

static void on_usr1(int sig)
{
	usr1_count++;
	printf("handler: signal %d (SIGUSR1: %d)\n", sig, sig == SIGUSR1);
}

static void on_usr2(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	printf("siginfo handler: sig=%d si_signo=%d si_code=%s context=%d\n", sig == SIGUSR2,
	       info->si_signo == SIGUSR2,
	       info->si_code == SI_TKILL ? "SI_TKILL" : info->si_code == SI_USER ? "SI_USER" : "?",
	       uc != NULL);
	if (info->si_code == SI_USER)
		printf("si_pid is getpid(): %d\n", info->si_pid == getpid());
}

int main(void)
{
	struct sigaction sa;
	volatile long a = 1234567, b = 7654321;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	printf("sigaction: %d\n", sigaction(SIGUSR1, &sa, NULL));
	printf("raise: %d\n", raise(SIGUSR1));
	printf("after raise: count %d\n", (int)usr1_count);
	printf("kill: %d\n", kill(getpid(), SIGUSR1));
	printf("after kill: count %d\n", (int)usr1_count);

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr2;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	printf("sigaction SA_SIGINFO: %d\n", sigaction(SIGUSR2, &sa, NULL));
	printf("raise: %d\n", raise(SIGUSR2));
	printf("kill: %d\n", kill(getpid(), SIGUSR2));

	/* A call that fails: errno survives a handler run on the way out. */
	errno = 0;
	long r = 0;
	for (int i = 0; i < 1000; i++)
		r += a * i - b;
	printf("arithmetic across the handlers: %ld\n", r);
	printf("close(-1): %d errno EBADF: %d\n", close(-1), errno == EBADF);

	/* Blocked: stays pending until unblocked, then runs. */
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR1);
	sigset_t pend;
	sigpending(&pend);
	printf("blocked: pending %d, count %d\n", sigismember(&pend, SIGUSR1), (int)usr1_count);
	sigprocmask(SIG_SETMASK, &old, NULL);
	printf("unblocked: count %d\n", (int)usr1_count);
	return 0;
}
