/* A SIGSEGV handler for a write through NULL: siginfo says where, and
 * siglongjmp leaves the handler (twice: the mask is restored). SIGFPE from
 * a division by zero the same way. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf env;

static void on_fault(int sig, siginfo_t *info, void *context)
{
	(void)context;
	printf("handler: %s si_signo %d si_code %s si_addr %#lx\n",
	       sig == SIGSEGV ? "SIGSEGV" : sig == SIGFPE ? "SIGFPE" : "?", info->si_signo == sig,
	       info->si_code == SEGV_MAPERR && sig == SIGSEGV ? "SEGV_MAPERR"
	       : info->si_code == FPE_INTDIV && sig == SIGFPE ? "FPE_INTDIV"
							  : "other",
	       sig == SIGSEGV ? (unsigned long)(uintptr_t)info->si_addr : 0UL);
	siglongjmp(env, sig);
}

int main(void)
{
	struct sigaction sa;
	volatile int *volatile null = 0;
	volatile int zero = 0;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	for (volatile int round = 0; round < 2; round++) {
		int got = sigsetjmp(env, 1);
		if (!got) {
			*null = 1;
			printf("not reached\n");
		}
		printf("round %d: back from signal %d\n", round, got);
	}
	int got = sigsetjmp(env, 1);
	if (!got)
		printf("not reached %d\n", 10 / zero);
	printf("back from SIGFPE: %d\n", got == SIGFPE);
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	printf("SIGSEGV blocked now: %d\n", sigismember(&now, SIGSEGV));
	return 0;
}
