/* Process-shared synchronisation objects (their futex calls are not FUTEX_PRIVATE) in a
 * MAP_SHARED mapping, used by threads: a mutex and condition variable handing a counter back
 * and forth, a barrier, a semaphore and a robust process-shared mutex. */
#include <pthread.h>
#include <semaphore.h>
#include <sys/mman.h>
#include "check.h"

#define ROUNDS 2000

struct shared {
	pthread_mutex_t mutex, robust;
	pthread_cond_t cond;
	pthread_barrier_t barrier;
	sem_t sem;
	int turn, count;
};

static struct shared *s;

/* Takes turns with main: odd counts here, even ones there. */
static void *ping(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&s->mutex);
		while (s->turn != 1)
			pthread_cond_wait(&s->cond, &s->mutex);
		s->count++;
		s->turn = 0;
		pthread_cond_signal(&s->cond);
		pthread_mutex_unlock(&s->mutex);
	}
	pthread_barrier_wait(&s->barrier);
	for (int i = 0; i < ROUNDS; i++)
		sem_post(&s->sem);
	return (void *)(long)pthread_mutex_lock(&s->robust); /* and end holding it */
}

#define E(expr) printf("%s: %s\n", #expr, errno_name(expr))

int main(void)
{
	pthread_mutexattr_t mutex_attr;
	pthread_condattr_t cond_attr;
	pthread_barrierattr_t barrier_attr;
	pthread_t t;
	void *result;
	int pshared, waited = 0;

	s = mmap(NULL, sizeof(*s), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (s == MAP_FAILED)
		return 1;
	E(pthread_mutexattr_init(&mutex_attr));
	E(pthread_mutexattr_setpshared(&mutex_attr, PTHREAD_PROCESS_SHARED));
	E(pthread_mutexattr_getpshared(&mutex_attr, &pshared));
	printf("mutex shared %d\n", pshared == PTHREAD_PROCESS_SHARED);
	E(pthread_mutex_init(&s->mutex, &mutex_attr));
	E(pthread_mutexattr_setrobust(&mutex_attr, PTHREAD_MUTEX_ROBUST));
	E(pthread_mutex_init(&s->robust, &mutex_attr));
	E(pthread_condattr_init(&cond_attr));
	E(pthread_condattr_setpshared(&cond_attr, PTHREAD_PROCESS_SHARED));
	E(pthread_condattr_getpshared(&cond_attr, &pshared));
	printf("cond shared %d\n", pshared == PTHREAD_PROCESS_SHARED);
	E(pthread_cond_init(&s->cond, &cond_attr));
	E(pthread_barrierattr_init(&barrier_attr));
	E(pthread_barrierattr_setpshared(&barrier_attr, PTHREAD_PROCESS_SHARED));
	E(pthread_barrier_init(&s->barrier, &barrier_attr, 2));
	SHOW(sem_init(&s->sem, 1, 0));

	pthread_create(&t, NULL, ping, NULL);
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&s->mutex);
		while (s->turn != 0)
			pthread_cond_wait(&s->cond, &s->mutex);
		s->count++;
		s->turn = 1;
		pthread_cond_signal(&s->cond);
		pthread_mutex_unlock(&s->mutex);
	}
	pthread_barrier_wait(&s->barrier);
	for (int i = 0; i < ROUNDS; i++)
		waited += !sem_wait(&s->sem);
	pthread_join(t, &result);
	printf("count %d, turn %d, semaphore waits %d, robust locked by thread: %s\n", s->count,
	       s->turn, waited, errno_name((int)(long)result));
	printf("robust lock after its owner ended: %s\n",
	       pthread_mutex_lock(&s->robust) == EOWNERDEAD ? "EOWNERDEAD" : "other");
	E(pthread_mutex_consistent(&s->robust));
	E(pthread_mutex_unlock(&s->robust));
	E(pthread_mutex_destroy(&s->robust));
	E(pthread_mutex_destroy(&s->mutex));
	E(pthread_cond_destroy(&s->cond));
	E(pthread_barrier_destroy(&s->barrier));
	SHOW(sem_destroy(&s->sem));
	SHOW(munmap(s, sizeof(*s)));
	return 0;
}
