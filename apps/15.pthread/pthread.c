/* A thread that ends with pthread_exit(value): its creator must get that value
 * back from pthread_join, as in the seed's hello_pthreads. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define THREAD_STATUS ((void *)0xbc)

static void *thread_main(void *arg)
{
	(void)arg;
	printf("thread function\n");
	pthread_exit(THREAD_STATUS);
}

int main(void)
{
	pthread_t thread;
	void *status = NULL;
	int err = pthread_create(&thread, NULL, thread_main, NULL);

	if (err) {
		fprintf(stderr, "pthread_create: %s\n", strerror(err));
		return 1;
	}
	err = pthread_join(thread, &status);
	printf("thread ret = %lx, jret = %d\n", (unsigned long)status, err);
	if (err || status != THREAD_STATUS) {
		printf("pthread_join is broken: wrong return value\n");
		return 1;
	}
	printf("pthread_join works\n");
	return 0;
}
