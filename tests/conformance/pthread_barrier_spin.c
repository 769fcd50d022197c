/* Barriers: in every round exactly one of the threads gets PTHREAD_BARRIER_SERIAL_THREAD and
 * none passes before all have arrived; a count of 0 is EINVAL. Spinlocks: trylock of a held
 * one is EBUSY, and threads counting under one lose no update. */
#include <pthread.h>
#include "check.h"

#define THREADS 6
#define ROUNDS 200
#define SPIN_ROUNDS 50000

static pthread_barrier_t barrier;
static int arrived[ROUNDS];
static int serial[ROUNDS];
static int early; /* passed a barrier before all had arrived */

static void *round_trip(void *arg)
{
	(void)arg;
	for (int r = 0; r < ROUNDS; r++) {
		__atomic_add_fetch(&arrived[r], 1, __ATOMIC_SEQ_CST);
		int ret = pthread_barrier_wait(&barrier);
		if (__atomic_load_n(&arrived[r], __ATOMIC_SEQ_CST) != THREADS)
			__atomic_add_fetch(&early, 1, __ATOMIC_SEQ_CST);
		if (ret == PTHREAD_BARRIER_SERIAL_THREAD)
			__atomic_add_fetch(&serial[r], 1, __ATOMIC_SEQ_CST);
		else if (ret != 0)
			return (void *)(long)ret;
	}
	return NULL;
}

static pthread_spinlock_t spin;
static long counter;

static void *spin_add(void *arg)
{
	(void)arg;
	for (int i = 0; i < SPIN_ROUNDS; i++) {
		pthread_spin_lock(&spin);
		counter++;
		pthread_spin_unlock(&spin);
	}
	return NULL;
}

static void *spin_try(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_spin_trylock(&spin);
}

#define E(expr) printf("%s: %s\n", #expr, errno_name(expr))

int main(void)
{
	pthread_t threads[THREADS];
	void *result;
	int bad = 0, once = 0;

	E(pthread_barrier_init(&barrier, NULL, 0));
	E(pthread_barrier_init(&barrier, NULL, 1));
	printf("barrier of 1 is serial %d\n",
	       pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD);
	E(pthread_barrier_destroy(&barrier));

	E(pthread_barrier_init(&barrier, NULL, THREADS));
	for (int i = 0; i < THREADS; i++)
		pthread_create(&threads[i], NULL, round_trip, NULL);
	for (int i = 0; i < THREADS; i++) {
		pthread_join(threads[i], &result);
		bad += result != NULL;
	}
	for (int r = 0; r < ROUNDS; r++)
		once += serial[r] == 1;
	printf("%d rounds of %d threads: serial exactly once in %d, other results %d, early %d\n",
	       ROUNDS, THREADS, once, bad, early);
	E(pthread_barrier_destroy(&barrier));

	E(pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE));
	E(pthread_spin_trylock(&spin));
	pthread_create(&threads[0], NULL, spin_try, NULL);
	pthread_join(threads[0], &result);
	printf("trylock in another thread: %s\n", errno_name((int)(long)result));
	E(pthread_spin_unlock(&spin));
	pthread_create(&threads[0], NULL, spin_try, NULL);
	pthread_join(threads[0], &result);
	printf("trylock in another thread: %s\n", errno_name((int)(long)result));
	E(pthread_spin_unlock(&spin));
	for (int i = 0; i < THREADS; i++)
		pthread_create(&threads[i], NULL, spin_add, NULL);
	for (int i = 0; i < THREADS; i++)
		pthread_join(threads[i], NULL);
	printf("counter %ld of %d\n", counter, THREADS * SPIN_ROUNDS);
	E(pthread_spin_destroy(&spin));
	return 0;
}
