/* Resource limits, usage and interval timers: structures and their names. */
#define _GNU_SOURCE
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

int main(void)
{
	struct rlimit limit = { 256, 256 }, old;
	struct itimerval timer = { { 0, 0 }, { 0, 0 } }, old_timer;
	struct rusage usage;

	getppid();
	setrlimit(RLIMIT_NOFILE, &limit);
	getrlimit(RLIMIT_NOFILE, &old);
	prlimit(0, RLIMIT_NOFILE, &limit, &old);
	getrlimit(99, &old);
	getrusage(RUSAGE_SELF, &usage);
	getrusage(RUSAGE_CHILDREN, 0);
	getitimer(ITIMER_REAL, &old_timer);
	setitimer(ITIMER_REAL, &timer, &old_timer);
	timer.it_interval.tv_usec = 500000;
	timer.it_value.tv_sec = 100;
	setitimer(ITIMER_REAL, &timer, 0);
	setitimer(ITIMER_REAL, &(struct itimerval){ { 0, 0 }, { 0, 0 } }, 0);
	alarm(0);
	setitimer(99, &timer, 0);
	return 0;
}
