/* pthread_once: with many threads racing through the same once control the routine runs
 * exactly once, and every caller returns only after it has finished; a second control runs
 * its own routine; a routine that calls pthread_once on another control nests. */
#include <pthread.h>
#include <sched.h>
#include "check.h"

#define THREADS 16

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_once_t inner_once = PTHREAD_ONCE_INIT;
static pthread_barrier_t start;
static int runs, inner_runs, finished, saw_unfinished;

static void inner(void)
{
	inner_runs++;
}

static void init(void)
{
	runs++;
	pthread_once(&inner_once, inner);
	/* Give the others time to arrive and wait. */
	for (int i = 0; i < 1000; i++)
		sched_yield();
	__atomic_store_n(&finished, 1, __ATOMIC_RELEASE);
}

static void *racer(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&start);
	int err = pthread_once(&once, init);
	if (!__atomic_load_n(&finished, __ATOMIC_ACQUIRE))
		__atomic_add_fetch(&saw_unfinished, 1, __ATOMIC_RELAXED);
	return (void *)(long)err;
}

int main(void)
{
	pthread_t threads[THREADS];
	void *result;
	int failed = 0;

	pthread_barrier_init(&start, NULL, THREADS);
	for (int i = 0; i < THREADS; i++)
		pthread_create(&threads[i], NULL, racer, NULL);
	for (int i = 0; i < THREADS; i++) {
		pthread_join(threads[i], &result);
		failed += result != NULL;
	}
	printf("%d threads: init ran %d, inner ran %d, failed %d, returned early %d\n", THREADS,
	       runs, inner_runs, failed, saw_unfinished);
	SHOW(pthread_once(&once, init));
	SHOW(pthread_once(&inner_once, inner));
	printf("again: init ran %d, inner ran %d\n", runs, inner_runs);
	pthread_barrier_destroy(&start);
	return 0;
}
