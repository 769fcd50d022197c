/* Condition variables: pthread_cond_signal wakes one waiter at a time and pthread_cond_broadcast
 * all of them; pthread_cond_timedwait gives up with ETIMEDOUT (holding the mutex again)
 * measured on the clock the condattr chose, CLOCK_MONOTONIC or CLOCK_REALTIME, at once for a
 * time already past; a signal before the time is up wins. */
#include <pthread.h>
#include <time.h>
#include "check.h"

#define WAITERS 5

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int waiting, tickets, woken;

static void *waiter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	waiting++;
	pthread_cond_broadcast(&changed);
	while (!tickets)
		pthread_cond_wait(&cond, &lock);
	tickets--;
	woken++;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
	return NULL;
}

/* With lock held: wait until woken reaches n. */
static void wait_woken(int n)
{
	while (woken < n)
		pthread_cond_wait(&changed, &lock);
}

static pthread_cond_t timed;
static int timed_flag;

static void *signal_timed(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	timed_flag = 1;
	pthread_cond_signal(&timed);
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void test_clock(const char *name, clockid_t clock)
{
	pthread_condattr_t attr;
	struct timespec ts, now;
	clockid_t got;
	pthread_t t;
	int err;

	printf("--- %s\n", name);
	SHOW(pthread_condattr_init(&attr));
	SHOW(pthread_condattr_setclock(&attr, clock));
	SHOW(pthread_condattr_getclock(&attr, &got));
	printf("clock matches %d\n", got == clock);
	SHOW(pthread_cond_init(&timed, &attr));
	SHOW(pthread_condattr_destroy(&attr));

	pthread_mutex_lock(&lock);
	ts = in_ms(clock, 50);
	err = pthread_cond_timedwait(&timed, &lock, &ts);
	clock_gettime(clock, &now);
	printf("timedwait 50 ms: %s, after the deadline %d, mutex held %d\n", errno_name(err),
	       now.tv_sec > ts.tv_sec || (now.tv_sec == ts.tv_sec && now.tv_nsec >= ts.tv_nsec),
	       pthread_mutex_trylock(&lock) == EBUSY);
	ts = in_ms(clock, 0);
	ts.tv_sec--;
	printf("timedwait in the past: %s\n",
	       errno_name(pthread_cond_timedwait(&timed, &lock, &ts)));

	/* Woken well before a 10 s deadline. */
	timed_flag = 0;
	pthread_create(&t, NULL, signal_timed, NULL);
	ts = in_ms(clock, 10000);
	err = 0;
	while (!timed_flag && !err)
		err = pthread_cond_timedwait(&timed, &lock, &ts);
	clock_gettime(clock, &now);
	printf("timedwait signalled: %s, flag %d, long before the deadline %d\n", errno_name(err),
	       timed_flag, now.tv_sec + 5 < ts.tv_sec);
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	SHOW(pthread_cond_destroy(&timed));
}

int main(void)
{
	pthread_t threads[WAITERS];
	pthread_condattr_t attr;
	clockid_t clock;

	SHOW(pthread_condattr_init(&attr));
	SHOW(pthread_condattr_getclock(&attr, &clock));
	printf("default clock realtime %d\n", clock == CLOCK_REALTIME);
	SHOW(pthread_condattr_setclock(&attr, CLOCK_PROCESS_CPUTIME_ID) == EINVAL);
	SHOW(pthread_condattr_destroy(&attr));

	for (int i = 0; i < WAITERS; i++)
		pthread_create(&threads[i], NULL, waiter, NULL);
	pthread_mutex_lock(&lock);
	while (waiting < WAITERS)
		pthread_cond_wait(&changed, &lock);
	/* One ticket and a signal per waiter, twice; then the rest at once. */
	for (int i = 1; i <= 2; i++) {
		tickets++;
		pthread_cond_signal(&cond);
		wait_woken(i);
		printf("after signal %d: woken %d\n", i, woken);
	}
	tickets += WAITERS - 2;
	pthread_cond_broadcast(&cond);
	wait_woken(WAITERS);
	printf("after broadcast: woken %d, tickets left %d\n", woken, tickets);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < WAITERS; i++)
		pthread_join(threads[i], NULL);
	SHOW(pthread_cond_signal(&cond));
	SHOW(pthread_cond_broadcast(&cond));

	test_clock("CLOCK_MONOTONIC", CLOCK_MONOTONIC);
	test_clock("CLOCK_REALTIME", CLOCK_REALTIME);
	return 0;
}
