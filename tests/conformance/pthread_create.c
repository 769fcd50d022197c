/* pthread_create and pthread_join: each thread's return value and its pthread_exit value
 * reach the joiner; pthread_self and pthread_equal; detached threads that finish while main
 * goes on; a thread of a chosen stack size uses most of it; sysconf's processor count. */
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include "check.h"

#define THREADS 8
#define DETACHED 6

static pthread_t seen_self[THREADS];

static void *square(void *arg)
{
	intptr_t n = (intptr_t)arg;

	seen_self[n] = pthread_self();
	if (n % 2)
		pthread_exit((void *)(n * n));
	return (void *)(n * n);
}

static pthread_mutex_t detached_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t detached_done = PTHREAD_COND_INITIALIZER;
static int detached_finished;

static void *detached(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&detached_lock);
	detached_finished++;
	pthread_cond_signal(&detached_done);
	pthread_mutex_unlock(&detached_lock);
	return NULL;
}

/* Touch most of a 1 MiB stack: the thread must really have it. */
static void *deep(void *arg)
{
	volatile char big[900 * 1024];

	big[0] = 1;
	big[sizeof(big) - 1] = 2;
	(void)arg;
	return (void *)(intptr_t)(big[0] + big[sizeof(big) - 1]);
}

static void *compare_with_main(void *arg)
{
	pthread_t main_thread = *(pthread_t *)arg;

	return (void *)(intptr_t)pthread_equal(pthread_self(), main_thread);
}

int main(void)
{
	pthread_t threads[THREADS], main_thread = pthread_self();
	pthread_attr_t attr;
	size_t size;
	void *result;

	for (intptr_t i = 0; i < THREADS; i++)
		SHOW(pthread_create(&threads[i], NULL, square, (void *)i));
	for (int i = 0; i < THREADS; i++) {
		SHOW(pthread_join(threads[i], &result));
		printf("thread %d returned %ld, saw itself %d, is main %d\n", i, (long)result,
		       pthread_equal(seen_self[i], threads[i]) != 0,
		       pthread_equal(threads[i], main_thread) != 0);
	}
	printf("self equal self %d\n", pthread_equal(pthread_self(), main_thread) != 0);
	SHOW(pthread_create(&threads[0], NULL, compare_with_main, &main_thread));
	SHOW(pthread_join(threads[0], &result));
	printf("thread equal main %d\n", result != NULL);

	/* Detached by attribute and by pthread_detach. */
	SHOW(pthread_attr_init(&attr));
	SHOW(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED));
	for (int i = 0; i < DETACHED; i++) {
		pthread_t t;
		if (i % 2) {
			SHOW(pthread_create(&t, &attr, detached, NULL));
		} else {
			SHOW(pthread_create(&t, NULL, detached, NULL));
			SHOW(pthread_detach(t));
		}
	}
	SHOW(pthread_attr_destroy(&attr));
	pthread_mutex_lock(&detached_lock);
	while (detached_finished < DETACHED)
		pthread_cond_wait(&detached_done, &detached_lock);
	pthread_mutex_unlock(&detached_lock);
	printf("detached finished %d\n", detached_finished);

	/* Stack size. */
	SHOW(pthread_attr_init(&attr));
	SHOW(pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN - 1) == EINVAL);
	SHOW(pthread_attr_setstacksize(&attr, 1 << 20));
	SHOW(pthread_attr_getstacksize(&attr, &size));
	printf("stack size %zu\n", size);
	SHOW(pthread_create(&threads[0], &attr, deep, NULL));
	SHOW(pthread_join(threads[0], &result));
	printf("deep returned %ld\n", (long)result);
	SHOW(pthread_attr_destroy(&attr));

	/* Many threads created and joined in turn: their ids and stacks are reused. */
	long sum = 0;
	for (intptr_t i = 0; i < 200; i++) {
		pthread_create(&threads[0], NULL, square, (void *)(i % THREADS));
		pthread_join(threads[0], &result);
		sum += (long)result;
	}
	printf("200 threads in turn: sum %ld\n", sum);

	SHOW(sysconf(_SC_NPROCESSORS_ONLN) > 0);
	SHOW(sysconf(_SC_NPROCESSORS_CONF) > 0);
	SHOW(sysconf(_SC_NPROCESSORS_ONLN) <= sysconf(_SC_NPROCESSORS_CONF));
	SHOW(sysconf(_SC_THREAD_KEYS_MAX) >= 128 || sysconf(_SC_THREAD_KEYS_MAX) == -1);
	return 0;
}
