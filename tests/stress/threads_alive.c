/* 256 threads alive at once (musl-uni's limit besides the main thread): each
 * waits at a barrier until all have started, then returns its index. */
#include <pthread.h>
#include <stdint.h>
#include "stress.h"

#define LIVE 256

static pthread_barrier_t all_started;

static void *worker(void *arg)
{
	int ret = pthread_barrier_wait(&all_started);

	if (ret && ret != PTHREAD_BARRIER_SERIAL_THREAD)
		return NULL;
	return arg;
}

int main(void)
{
	static pthread_t threads[LIVE];
	pthread_attr_t attr;
	unsigned long sum = 0;

	/* Small stacks: 256 default ones are 32 MiB of the app's region for nothing. */
	CHECK(pthread_attr_init(&attr));
	CHECK(pthread_attr_setstacksize(&attr, 64 << 10));
	CHECK(pthread_barrier_init(&all_started, NULL, LIVE + 1));
	for (uintptr_t i = 0; i < LIVE; i++)
		CHECK(pthread_create(&threads[i], &attr, worker, (void *)(i + 1)));
	int ret = pthread_barrier_wait(&all_started);
	if (ret && ret != PTHREAD_BARRIER_SERIAL_THREAD)
		CHECK(ret);
	for (int i = 0; i < LIVE; i++) {
		void *value;
		CHECK(pthread_join(threads[i], &value));
		sum += (uintptr_t)value;
	}
	printf("threads alive %d sum %lu\n", LIVE, sum);
	return sum != (unsigned long)LIVE * (LIVE + 1) / 2;
}
