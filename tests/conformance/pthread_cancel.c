/* pthread_cancel with deferred cancellation: a thread blocked at a
 * cancellation point (condition wait, read, nanosleep, sem_wait) or
 * reaching pthread_testcancel ends with PTHREAD_CANCELED and runs its
 * cleanup handlers; disabled cancellation waits until it is enabled;
 * asynchronous cancellation ends a busy loop. */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include "check.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static sem_t ready, never;
static int p[2];
static volatile int cleanups, spinning = 1;

static void cleanup(void *arg)
{
	(void)arg;
	cleanups++;
}

static void unlock(void *arg)
{
	pthread_mutex_unlock(arg);
	cleanups++;
}

static void *in_cond_wait(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	pthread_cleanup_push(unlock, &lock);
	sem_post(&ready);
	for (;;)
		pthread_cond_wait(&cond, &lock);
	pthread_cleanup_pop(0);
	return NULL;
}

static void *in_read(void *arg)
{
	char c;

	(void)arg;
	pthread_cleanup_push(cleanup, NULL);
	sem_post(&ready);
	if (read(p[0], &c, 1) >= 0)
		printf("read returned\n");
	pthread_cleanup_pop(0);
	return NULL;
}

static void *in_sleep(void *arg)
{
	struct timespec long_time = { 100, 0 };

	(void)arg;
	pthread_cleanup_push(cleanup, NULL);
	sem_post(&ready);
	nanosleep(&long_time, NULL);
	pthread_cleanup_pop(0);
	return NULL;
}

static void *in_sem_wait(void *arg)
{
	(void)arg;
	pthread_cleanup_push(cleanup, NULL);
	sem_post(&ready);
	sem_wait(&never);
	pthread_cleanup_pop(0);
	return NULL;
}

static void *disabled_then_test(void *arg)
{
	int old;

	(void)arg;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	sem_post(&ready);
	sem_wait(&never); /* not a cancellation point now: sem_post below ends it */
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
	pthread_cleanup_push(cleanup, NULL);
	pthread_testcancel();
	pthread_cleanup_pop(0);
	return (void *)1L;
}

static void *busy(void *arg)
{
	int old;

	(void)arg;
	pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
	sem_post(&ready);
	while (spinning)
		;
	return (void *)1L;
}

/* Cancel a thread running fn once it is about to block, and join it. */
static void cancel(const char *name, void *(*fn)(void *), int post)
{
	pthread_t t;
	void *ret;
	struct timespec pause_ = { 0, 20000000 };

	cleanups = 0;
	pthread_create(&t, NULL, fn, NULL);
	sem_wait(&ready);
	nanosleep(&pause_, NULL);
	int err = pthread_cancel(t);
	if (post)
		sem_post(&never);
	pthread_join(t, &ret);
	printf("%s: cancel %d, %s, cleanups %d\n", name, err,
	       ret == PTHREAD_CANCELED ? "canceled" : "returned", cleanups);
}

int main(void)
{
	sem_init(&ready, 0, 0);
	sem_init(&never, 0, 0);
	SHOW(pipe(p));
	cancel("cond_wait", in_cond_wait, 0);
	SHOW(pthread_mutex_trylock(&lock)); /* the cleanup handler unlocked it */
	pthread_mutex_unlock(&lock);
	cancel("read", in_read, 0);
	cancel("nanosleep", in_sleep, 0);
	cancel("sem_wait", in_sem_wait, 0);
	cancel("disabled, then testcancel", disabled_then_test, 1);
	cancel("asynchronous", busy, 0);
	return 0;
}
