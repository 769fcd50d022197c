/* Many short threads: 1000 created and joined in batches of at most 200 live
 * at once, each returning a value derived from its index; the joined values'
 * sum must be exact. */
#include <pthread.h>
#include <stdint.h>
#include "stress.h"

#define BATCH 200

static void *worker(void *arg)
{
	uintptr_t i = (uintptr_t)arg;

	return (void *)(i * i % 1009 + 1);
}

int main(int argc, char **argv)
{
	long total = arg_count(argc, argv, 1000);
	pthread_t threads[BATCH];
	unsigned long sum = 0, want = 0;

	for (long base = 0; base < total; base += BATCH) {
		long n = total - base < BATCH ? total - base : BATCH;
		for (long k = 0; k < n; k++)
			CHECK(pthread_create(&threads[k], NULL, worker,
					     (void *)(uintptr_t)(base + k)));
		for (long k = 0; k < n; k++) {
			void *ret;
			CHECK(pthread_join(threads[k], &ret));
			sum += (uintptr_t)ret;
		}
	}
	for (long i = 0; i < total; i++)
		want += (unsigned long)(i * i % 1009 + 1);
	printf("threads %ld sum %lu %s\n", total, sum, sum == want ? "ok" : "WRONG");
	return sum != want;
}
