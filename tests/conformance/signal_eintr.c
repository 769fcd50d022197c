/* Blocking calls of one thread interrupted by SIGALRM from an interval
 * timer: EINTR without SA_RESTART, a restart with it (read), always EINTR
 * for the calls Linux never restarts (nanosleep, pause, poll, sigsuspend);
 * alarm's and getitimer's values; sigsuspend's and ppoll's masks. */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include "check.h"

static volatile sig_atomic_t alarms, fed;
static int p[2];

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

/* With SA_RESTART: the handler gives the restarted read something to read,
 * once. */
static void on_alarm_feed(int sig)
{
	(void)sig;
	alarms++;
	if (!fed && write(p[1], "x", 1) != 1)
		_exit(1);
	fed = 1;
}

static void handle(void (*handler)(int), int flags)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	alarms = 0;
}

/* SIGALRM every 30 ms until disarm(): one that comes before the blocking
 * call starts (a slow machine) is followed by another. */
static void arm(void)
{
	struct itimerval it = { { 0, 30000 }, { 0, 30000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

/* The timer off, and whether the handler ran. */
static const char *disarm(void)
{
	struct itimerval off = { { 0, 0 }, { 0, 0 } };

	setitimer(ITIMER_REAL, &off, NULL);
	return alarms ? "yes" : "no";
}

int main(void)
{
	struct timespec req = { 5, 0 }, rem = { 0, 0 }, now;
	struct itimerval it, was;
	sigset_t set, old;
	struct pollfd pfd;
	char c;

	SHOW(pipe(p));
	handle(on_alarm, 0);
	arm();
	SHOW(read(p[0], &c, 1));
	printf("handled: %s\n", disarm());

	handle(on_alarm_feed, SA_RESTART);
	arm();
	SHOW(read(p[0], &c, 1));
	printf("handled: %s, read '%c'\n", disarm(), c);

	handle(on_alarm, SA_RESTART); /* SA_RESTART does not restart these */
	arm();
	SHOW(nanosleep(&req, &rem));
	printf("handled: %s, time left: %s\n", disarm(),
	       rem.tv_sec <= 5 && (rem.tv_sec > 0 || rem.tv_nsec > 0) ? "yes" : "no");
	handle(on_alarm, SA_RESTART);
	arm();
	SHOW(pause());
	printf("handled: %s\n", disarm());
	pfd.fd = p[0];
	pfd.events = POLLIN;
	handle(on_alarm, SA_RESTART);
	arm();
	SHOW(poll(&pfd, 1, -1));
	printf("handled: %s\n", disarm());

	/* sigsuspend: SIGALRM blocked, let through only while it waits. */
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, &old);
	handle(on_alarm, SA_RESTART);
	arm();
	sigemptyset(&set);
	SHOW(sigsuspend(&set));
	sigprocmask(SIG_BLOCK, NULL, &set);
	printf("handled: %s, SIGALRM blocked again: %d\n", disarm(), sigismember(&set, SIGALRM));

	/* ppoll: the same with its mask. */
	handle(on_alarm, SA_RESTART);
	arm();
	sigemptyset(&set);
	SHOW(ppoll(&pfd, 1, NULL, &set));
	sigprocmask(SIG_BLOCK, NULL, &set);
	printf("handled: %s, SIGALRM blocked again: %d\n", disarm(), sigismember(&set, SIGALRM));
	sigprocmask(SIG_SETMASK, &old, NULL);

	SHOW(alarm(100));
	SHOW(alarm(0));
	it.it_value.tv_sec = 50;
	it.it_value.tv_usec = 0;
	it.it_interval.tv_sec = 0;
	it.it_interval.tv_usec = 0;
	SHOW(setitimer(ITIMER_REAL, &it, NULL));
	SHOW(getitimer(ITIMER_REAL, &it));
	printf("left: %s\n", it.it_value.tv_sec <= 50 && it.it_value.tv_sec >= 48 ? "about 50 s" : "wrong");
	it.it_value.tv_sec = 0;
	SHOW(setitimer(ITIMER_REAL, &it, &was));
	printf("was: %s\n", was.it_value.tv_sec <= 50 && was.it_value.tv_sec >= 48 ? "about 50 s" : "wrong");
	SHOW(setitimer(99, &it, NULL));
	it.it_value.tv_usec = 1000000;
	SHOW(setitimer(ITIMER_REAL, &it, NULL));

	/* Sleeping: relative, absolute, bad requests. */
	req.tv_sec = 0;
	req.tv_nsec = 1000000;
	SHOW(nanosleep(&req, NULL));
	req.tv_nsec = 1000000000;
	SHOW(nanosleep(&req, NULL));
	req.tv_sec = -1;
	req.tv_nsec = 0;
	SHOW(nanosleep(&req, NULL));
	clock_gettime(CLOCK_MONOTONIC, &now);
	now.tv_nsec += 2000000;
	if (now.tv_nsec >= 1000000000) {
		now.tv_sec++;
		now.tv_nsec -= 1000000000;
	}
	SHOW(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &now, NULL));
	clock_gettime(CLOCK_MONOTONIC, &req);
	printf("woke after the deadline: %d\n",
	       req.tv_sec > now.tv_sec || (req.tv_sec == now.tv_sec && req.tv_nsec >= now.tv_nsec));
	clock_gettime(CLOCK_REALTIME, &now);
	SHOW(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &now, NULL));
	SHOW(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &now, NULL));
	SHOW(usleep(1000));
	return 0;
}
