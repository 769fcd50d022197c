/* Calls a signal interrupts: strace's ERESTART* results, the time left,
 * and rt_sigreturn's mask and result; the alternate stack. */
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static void handler(int sig)
{
	(void)sig;
}

static void alarm_soon(void)
{
	struct itimerval timer = { { 0, 0 }, { 0, 100000 } }; /* late enough for a slow machine */

	setitimer(ITIMER_REAL, &timer, 0);
}

int main(void)
{
	struct sigaction action = { 0 };
	struct timespec ts = { 5, 0 }, left;
	static char altstack[65536];
	stack_t stack = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, old;
	sigset_t set;

	getppid();
	sigaltstack(&stack, &old);
	sigaltstack(0, &old);
	action.sa_handler = handler;
	sigaction(SIGALRM, &action, 0);
	alarm_soon();
	pause();
	alarm_soon();
	nanosleep(&ts, &left);
	alarm_soon();
	clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &left);
	sigemptyset(&set);
	alarm_soon();
	sigsuspend(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, 0);
	sigtimedwait(&set, 0, &(struct timespec){ 0, 0 });
	return 0;
}
