/* A thread that only makes the quickest system calls (getpid, sched_yield)
 * or none at all still gets a signal from another thread at once: each loop
 * runs until its handler sets the flag. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include "check.h"

static volatile sig_atomic_t flag;
static volatile int started;

static void on_usr1(int sig)
{
	(void)sig;
	flag = 1;
}

static void *spin_getpid(void *arg)
{
	(void)arg;
	started = 1;
	while (!flag)
		syscall(SYS_getpid);
	return NULL;
}

static void *spin_yield(void *arg)
{
	(void)arg;
	started = 1;
	while (!flag)
		sched_yield();
	return NULL;
}

static void *spin(void *arg)
{
	(void)arg;
	started = 1;
	while (!flag)
		;
	return NULL;
}

static void run(const char *name, void *(*fn)(void *))
{
	pthread_t t;

	flag = 0;
	started = 0;
	pthread_create(&t, NULL, fn, NULL);
	while (!started)
		;
	pthread_kill(t, SIGUSR1);
	pthread_join(t, NULL);
	printf("%s: ended by its handler\n", name);
}

int main(void)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	for (int round = 0; round < 20; round++) {
		run("getpid", spin_getpid);
		run("sched_yield", spin_yield);
		run("no calls", spin);
	}
	return 0;
}
