/* Signals between threads: pthread_kill interrupts another thread's
 * blocking read (EINTR, or a restart under SA_RESTART) and sem_wait; each
 * thread has its own mask and a process signal goes to a thread that does
 * not block it; sigwait in one thread takes a signal sent to the process;
 * tgkill of a thread that is not there. */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/syscall.h>
#include "check.h"

static int p[2];
static sem_t sem, ready;
static pthread_t worker;
static volatile sig_atomic_t in_worker, in_main;
static volatile int done; /* the worker's blocking call has returned */
static pthread_t main_thread;

static void on_usr(int sig)
{
	(void)sig;
	if (pthread_equal(pthread_self(), worker))
		in_worker++;
	else if (pthread_equal(pthread_self(), main_thread))
		in_main++;
}

static void handle(int sig, int flags)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = on_usr;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void *reader(void *arg)
{
	char c = '?';

	(void)arg;
	sem_post(&ready);
	errno = 0;
	long n = read(p[0], &c, 1);
	done = 1;
	return (void *)(n < 0 ? (long)-errno : (long)c);
}

static void *sem_waiter(void *arg)
{
	(void)arg;
	sem_post(&ready);
	errno = 0;
	long n = sem_wait(&sem);
	done = 1;
	return (void *)(n < 0 ? (long)-errno : 0L);
}

/* Blocks SIGUSR2 itself, then waits until main is done. */
static void *blocker(void *arg)
{
	sigset_t set;

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	sem_post(&ready);
	sem_wait(&sem);
	return NULL;
}

static void *unblocked_sleeper(void *arg)
{
	sigset_t none;

	(void)arg;
	sigemptyset(&none);
	pthread_sigmask(SIG_SETMASK, &none, NULL);
	sem_post(&ready);
	while (!in_worker)
		pause();
	return NULL;
}

static void *waiter(void *arg)
{
	sigset_t set;
	int sig = 0;

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sem_post(&ready);
	sigwait(&set, &sig);
	return (void *)(long)sig;
}

/* Start fn as the worker and let it get to its blocking call. */
static void start(void *(*fn)(void *))
{
	in_worker = in_main = done = 0;
	pthread_create(&worker, NULL, fn, NULL);
	sem_wait(&ready);
	usleep(20000);
}

/* SIGUSR1 to the worker until its blocking call returns: one sent before
 * the worker got into the call (a slow machine) runs the handler but
 * cannot interrupt it. */
static void interrupt_worker(void)
{
	while (!done) {
		pthread_kill(worker, SIGUSR1);
		usleep(10000);
	}
}

static const char *yes(int count)
{
	return count ? "yes" : "no";
}

static long finish(void)
{
	void *ret;

	pthread_join(worker, &ret);
	return (long)ret;
}

int main(void)
{
	sigset_t set, old;
	long ret;

	main_thread = pthread_self();
	sem_init(&sem, 0, 0);
	sem_init(&ready, 0, 0);
	SHOW(pipe(p));

	handle(SIGUSR1, 0);
	start(reader);
	interrupt_worker();
	ret = finish();
	printf("read in the worker: %ld, handled in the worker: %s, in main: %s\n", ret,
	       yes(in_worker), yes(in_main));

	handle(SIGUSR1, SA_RESTART);
	start(reader);
	SHOW(pthread_kill(worker, SIGUSR1));
	usleep(20000);
	SHOW(write(p[1], "r", 1));
	ret = finish();
	printf("read in the worker: %ld, handled in the worker: %s\n", ret, yes(in_worker));

	handle(SIGUSR1, 0);
	start(sem_waiter);
	interrupt_worker();
	ret = finish();
	printf("sem_wait in the worker: %ld, handled in the worker: %s\n", ret, yes(in_worker));

	/* The worker blocks SIGUSR2, main does not: a process signal is main's. */
	handle(SIGUSR2, 0);
	start(blocker);
	SHOW(kill(getpid(), SIGUSR2));
	printf("handled in the worker %d, in main %d\n", (int)in_worker, (int)in_main);
	sem_post(&sem);
	finish();

	/* Now main blocks it and the worker does not: the worker's. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	start(unblocked_sleeper);
	SHOW(kill(getpid(), SIGUSR2));
	finish();
	printf("handled in the worker %d, in main %d\n", (int)in_worker, (int)in_main);
	SHOW(sigpending(&set));
	printf("pending in main: %d\n", sigismember(&set, SIGUSR2));
	pthread_sigmask(SIG_SETMASK, &old, NULL);

	/* sigwait: SIGUSR1 blocked everywhere, taken by the waiting thread. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	start(waiter);
	SHOW(kill(getpid(), SIGUSR1));
	ret = finish();
	printf("sigwait got %ld; handled in the worker %d, in main %d\n", ret, (int)in_worker,
	       (int)in_main);
	SHOW(sigpending(&set));
	printf("still pending: %d\n", sigismember(&set, SIGUSR1));
	pthread_sigmask(SIG_SETMASK, &old, NULL);

	SHOW(syscall(SYS_tgkill, getpid(), 999999, 0));
	SHOW(syscall(SYS_tgkill, getpid(), gettid(), 0));
	SHOW(syscall(SYS_tgkill, getpid(), gettid(), 65));
	return 0;
}
