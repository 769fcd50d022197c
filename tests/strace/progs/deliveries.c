/* Signal deliveries as strace shows them: raise (SI_TKILL), kill (SI_USER)
 * and a fault (SEGV_MAPERR with its address), each handler returning. */
#include <setjmp.h>
#include <signal.h>
#include <unistd.h>

static sigjmp_buf out;
static volatile int *volatile bad = (int *)8;

static void handler(int sig)
{
	(void)sig;
}

static void on_segv(int sig)
{
	(void)sig;
	siglongjmp(out, 1);
}

int main(void)
{
	getppid();
	signal(SIGUSR1, handler);
	signal(SIGUSR2, handler);
	signal(SIGSEGV, on_segv);
	raise(SIGUSR1);
	kill(getpid(), SIGUSR2);
	if (!sigsetjmp(out, 1))
		*bad = 1;
	return 0;
}
