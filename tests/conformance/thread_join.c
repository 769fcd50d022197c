/* pthread_create and pthread_join: each thread's return value comes back. */
#include <pthread.h>
#include <stdint.h>
#include "check.h"

static void *square(void *arg)
{
	intptr_t n = (intptr_t)arg;
	return (void *)(n * n);
}

int main(void)
{
	pthread_t threads[5];

	for (intptr_t i = 0; i < 5; i++)
		if (pthread_create(&threads[i], NULL, square, (void *)(i + 1)))
			return 1;
	for (int i = 0; i < 5; i++) {
		void *result;
		SHOW(pthread_join(threads[i], &result));
		printf("thread %d returned %ld\n", i, (long)(intptr_t)result);
	}
	/* Again, after the first ones have ended: their slots are reused. */
	for (int round = 0; round < 20; round++) {
		pthread_t t;
		void *result;
		if (pthread_create(&t, NULL, square, (void *)(intptr_t)round) ||
		    pthread_join(t, &result) || (intptr_t)result != round * round)
			printf("round %d failed\n", round);
	}
	printf("done\n");
	return 0;
}
