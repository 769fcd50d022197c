/* Thread-specific data: each thread sees only its own values, a new thread starts with NULL;
 * at thread exit the destructor of each key runs once with the thread's non-NULL value (not
 * for NULL values, not for deleted keys), and again while a destructor sets a value anew, up
 * to PTHREAD_DESTRUCTOR_ITERATIONS rounds; a key created after a delete starts NULL
 * everywhere; the main thread's values get no destructor call at exit. */
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include "check.h"

#define THREADS 4

static pthread_key_t plain, twice, forever, nulled, deleted;
static int plain_calls[THREADS], twice_calls[THREADS], forever_calls[THREADS];
static int nulled_calls, deleted_calls, wrong_value;
static pthread_barrier_t all_set;

static void plain_destructor(void *value)
{
	intptr_t id = (intptr_t)value - 100;

	if (id < 0 || id >= THREADS || pthread_getspecific(plain) != NULL)
		wrong_value++;
	else
		__atomic_add_fetch(&plain_calls[id], 1, __ATOMIC_RELAXED);
}

/* Sets its value once more: called in two rounds. */
static void twice_destructor(void *value)
{
	intptr_t id = (intptr_t)value % 1000 - 1, round = (intptr_t)value / 1000;

	__atomic_add_fetch(&twice_calls[id], 1, __ATOMIC_RELAXED);
	if (round == 0)
		pthread_setspecific(twice, (void *)(1000 + id + 1));
}

/* Always sets it again: stopped after PTHREAD_DESTRUCTOR_ITERATIONS rounds or so. */
static void forever_destructor(void *value)
{
	intptr_t id = (intptr_t)value - 1;

	__atomic_add_fetch(&forever_calls[id], 1, __ATOMIC_RELAXED);
	pthread_setspecific(forever, value);
}

static void nulled_destructor(void *value)
{
	(void)value;
	nulled_calls++;
}

static void deleted_destructor(void *value)
{
	(void)value;
	deleted_calls++;
}

static int seen_null_at_start, seen_own_at_end;

static void *worker(void *arg)
{
	intptr_t id = (intptr_t)arg;

	if (!pthread_getspecific(plain) && !pthread_getspecific(twice))
		__atomic_add_fetch(&seen_null_at_start, 1, __ATOMIC_RELAXED);
	pthread_setspecific(plain, (void *)(100 + id));
	pthread_setspecific(twice, (void *)(id + 1));
	pthread_setspecific(forever, (void *)(id + 1));
	pthread_setspecific(nulled, (void *)(id + 1));
	pthread_setspecific(nulled, NULL);
	pthread_setspecific(deleted, (void *)1);
	pthread_barrier_wait(&all_set);
	if (pthread_getspecific(plain) == (void *)(100 + id))
		__atomic_add_fetch(&seen_own_at_end, 1, __ATOMIC_RELAXED);
	pthread_barrier_wait(&all_set); /* main deletes `deleted` meanwhile */
	pthread_barrier_wait(&all_set);
	return NULL;
}

static pthread_key_t again;

static void *read_again(void *arg)
{
	(void)arg;
	return pthread_getspecific(again);
}

int main(void)
{
	pthread_t threads[THREADS];
	void *result;

	SHOW(pthread_key_create(&plain, plain_destructor));
	SHOW(pthread_key_create(&twice, twice_destructor));
	SHOW(pthread_key_create(&forever, forever_destructor));
	SHOW(pthread_key_create(&nulled, nulled_destructor));
	SHOW(pthread_key_create(&deleted, deleted_destructor));
	printf("keys distinct %d\n", plain != twice && twice != forever && forever != nulled &&
					     nulled != deleted && plain != deleted);
	printf("PTHREAD_DESTRUCTOR_ITERATIONS %d\n", PTHREAD_DESTRUCTOR_ITERATIONS);
	printf("main starts with NULL %d\n", pthread_getspecific(plain) == NULL);
	SHOW(pthread_setspecific(plain, (void *)7));
	SHOW(pthread_setspecific(deleted, (void *)8));

	pthread_barrier_init(&all_set, NULL, THREADS + 1);
	for (intptr_t i = 0; i < THREADS; i++)
		pthread_create(&threads[i], NULL, worker, (void *)i);
	pthread_barrier_wait(&all_set);
	pthread_barrier_wait(&all_set);
	SHOW(pthread_key_delete(deleted));
	pthread_barrier_wait(&all_set);
	for (int i = 0; i < THREADS; i++)
		pthread_join(threads[i], NULL);
	printf("main's value kept %d\n", pthread_getspecific(plain) == (void *)7);
	printf("threads saw NULL at start %d, their own value %d\n", seen_null_at_start,
	       seen_own_at_end);
	for (int i = 0; i < THREADS; i++)
		printf("thread %d: plain destructor %d, twice destructor %d, forever destructor "
		       "at least 2 and at most %d: %d\n",
		       i, plain_calls[i], twice_calls[i], PTHREAD_DESTRUCTOR_ITERATIONS,
		       forever_calls[i] >= 2 && forever_calls[i] <= PTHREAD_DESTRUCTOR_ITERATIONS);
	printf("wrong values %d, destructor of NULL values %d, of a deleted key %d\n", wrong_value,
	       nulled_calls, deleted_calls);

	SHOW(pthread_key_create(&again, NULL));
	printf("new key starts NULL in main %d\n", pthread_getspecific(again) == NULL);
	SHOW(pthread_setspecific(again, (void *)9));
	pthread_create(&threads[0], NULL, read_again, NULL);
	pthread_join(threads[0], &result);
	printf("new key starts NULL in a new thread %d\n", result == NULL);
	SHOW(pthread_key_delete(again));
	SHOW(pthread_key_delete(plain));
	SHOW(pthread_key_delete(twice));
	SHOW(pthread_key_delete(forever));
	SHOW(pthread_key_delete(nulled));
	return 0;
}
