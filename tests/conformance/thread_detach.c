/* Detached threads run and end by themselves (musl: __unmapself); a
 * joinable thread then still works, and gettid differs between threads. */
#include <pthread.h>
#include <sys/syscall.h>
#include "check.h"

#define DETACHED 6

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t done_cond = PTHREAD_COND_INITIALIZER;
static int done;
static long tids[DETACHED + 1];

static void *worker(void *arg)
{
	int i = (int)(long)arg;
	pthread_mutex_lock(&lock);
	tids[i] = syscall(SYS_gettid);
	done++;
	pthread_cond_broadcast(&done_cond);
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_attr_t attr;
	pthread_t t;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	for (long i = 0; i < DETACHED / 2; i++)
		if (pthread_create(&t, &attr, worker, (void *)i))
			return 1;
	for (long i = DETACHED / 2; i < DETACHED; i++) {
		if (pthread_create(&t, NULL, worker, (void *)i))
			return 1;
		SHOW(pthread_detach(t));
	}
	pthread_mutex_lock(&lock);
	while (done < DETACHED)
		pthread_cond_wait(&done_cond, &lock);
	pthread_mutex_unlock(&lock);
	printf("%d detached threads ran\n", done);

	long main_tid = syscall(SYS_gettid);
	printf("main: gettid == getpid: %d\n", main_tid == getpid());
	int distinct = 1;
	for (int i = 0; i < DETACHED; i++) {
		if (tids[i] <= 0 || tids[i] == main_tid)
			distinct = 0;
		for (int j = 0; j < i; j++)
			if (tids[i] == tids[j])
				distinct = 0;
	}
	printf("thread ids distinct: %d\n", distinct);
	if (pthread_create(&t, NULL, worker, (void *)(long)DETACHED))
		return 1;
	SHOW(pthread_join(t, NULL));
	printf("joinable thread's tid differs: %d\n", tids[DETACHED] != main_tid && tids[DETACHED] > 0);
	return 0;
}
