/* The siginfo a handler gets: SI_TKILL from raise, SI_USER from kill (both
 * with the sender's pid and uid), SI_KERNEL with no sender for an interval
 * timer's SIGALRM; and sigtimedwait's. */
#include <signal.h>
#include <sys/time.h>
#include "check.h"

static volatile int got_code, got_pid_is_me, got_uid;

static const char *code_name(int code)
{
	switch (code) {
	case SI_USER:
		return "SI_USER";
	case SI_TKILL:
		return "SI_TKILL";
	case SI_KERNEL:
		return "SI_KERNEL";
	default:
		return "other";
	}
}

static void handler(int sig, siginfo_t *info, void *context)
{
	(void)sig, (void)context;
	got_code = info->si_code;
	got_pid_is_me = info->si_pid == getpid();
	got_uid = (int)info->si_uid;
}

static void report(const char *what)
{
	printf("%s: %s, pid is mine %d, uid %d\n", what, code_name(got_code), got_pid_is_me,
	       got_code == SI_KERNEL ? 0 : got_uid == (int)getuid() ? 0 : -1);
}

int main(void)
{
	struct sigaction sa = { 0 };
	/* Every 10 ms, in case the first comes before pause() (a slow machine). */
	struct itimerval every = { { 0, 10000 }, { 0, 10000 } }, off = { { 0, 0 }, { 0, 0 } };
	struct timespec none = { 0, 0 };
	siginfo_t info;
	sigset_t set;

	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	raise(SIGUSR1);
	report("raise");
	kill(getpid(), SIGUSR2);
	report("kill");
	setitimer(ITIMER_REAL, &every, NULL);
	pause();
	setitimer(ITIMER_REAL, &off, NULL);
	report("setitimer");

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR1);
	SHOW(sigtimedwait(&set, &info, &none));
	printf("sigtimedwait: %s, pid is mine %d\n", code_name(info.si_code), info.si_pid == getpid());
	SHOW(sigtimedwait(&set, &info, &none));
	return 0;
}
