/* 8 threads contend on one mutex for 10^6 increments in total. */
#include <pthread.h>
#include "stress.h"

#define THREADS 8

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter, per_thread;

static void *worker(void *arg)
{
	(void)arg;
	for (long i = 0; i < per_thread; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t threads[THREADS];

	per_thread = arg_count(argc, argv, 1000000) / THREADS;
	for (int i = 0; i < THREADS; i++)
		CHECK(pthread_create(&threads[i], NULL, worker, NULL));
	for (int i = 0; i < THREADS; i++)
		CHECK(pthread_join(threads[i], NULL));
	printf("mutex %d threads counter %ld\n", THREADS, counter);
	return counter != per_thread * THREADS;
}
