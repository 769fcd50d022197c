/* Read-write locks: several readers hold one at the same time; a writer holds it alone, so
 * tryrdlock and trywrlock are EBUSY then (and trywrlock while readers hold it); timed locks
 * give up with ETIMEDOUT; readers and writers counting under it never see a torn update. */
#include <pthread.h>
#include <time.h>
#include "check.h"

#define READERS 4
#define WORKERS 6
#define ROUNDS 20000

static pthread_rwlock_t rwlock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_barrier_t all_reading;

#define E(expr) printf("%s: %s\n", #expr, errno_name(expr))

/* Every reader holds the lock while the others reach the barrier: they hold it together. */
static void *reader(void *arg)
{
	(void)arg;
	int err = pthread_rwlock_rdlock(&rwlock);
	pthread_barrier_wait(&all_reading);
	pthread_barrier_wait(&all_reading); /* main tried to write meanwhile */
	pthread_rwlock_unlock(&rwlock);
	return (void *)(long)err;
}

/* glibc's unlock tells a write lock by its owner: each thread unlocks what it took. */
static void *unlock_if_locked(int err)
{
	if (!err)
		pthread_rwlock_unlock(&rwlock);
	return (void *)(long)err;
}

static void *try_read(void *arg)
{
	(void)arg;
	return unlock_if_locked(pthread_rwlock_tryrdlock(&rwlock));
}

static void *try_write(void *arg)
{
	(void)arg;
	return unlock_if_locked(pthread_rwlock_trywrlock(&rwlock));
}

static void *timed_write(void *arg)
{
	struct timespec ts = in_ms(CLOCK_REALTIME, 20);

	(void)arg;
	return unlock_if_locked(pthread_rwlock_timedwrlock(&rwlock, &ts));
}

static void *timed_read(void *arg)
{
	struct timespec ts = in_ms(CLOCK_REALTIME, 20);

	(void)arg;
	return unlock_if_locked(pthread_rwlock_timedrdlock(&rwlock, &ts));
}

/* Two counters a writer keeps equal: a reader that sees them differ saw a writer at work. */
static long first, second, torn, reads;

static void *worker(void *arg)
{
	long id = (long)arg;

	for (int i = 0; i < ROUNDS; i++) {
		if (id % 2 == 0) {
			pthread_rwlock_wrlock(&rwlock);
			first++;
			second++;
			pthread_rwlock_unlock(&rwlock);
		} else {
			pthread_rwlock_rdlock(&rwlock);
			if (first != second)
				__atomic_add_fetch(&torn, 1, __ATOMIC_RELAXED);
			__atomic_add_fetch(&reads, 1, __ATOMIC_RELAXED);
			pthread_rwlock_unlock(&rwlock);
		}
	}
	return NULL;
}

int main(void)
{
	pthread_t threads[WORKERS];
	void *result;

	pthread_barrier_init(&all_reading, NULL, READERS + 1);
	for (int i = 0; i < READERS; i++)
		pthread_create(&threads[i], NULL, reader, NULL);
	pthread_barrier_wait(&all_reading);
	printf("%d readers hold it together\n", READERS);
	E(pthread_rwlock_trywrlock(&rwlock));
	in_thread("timedwrlock while read-locked", timed_write);
	in_thread("tryrdlock while read-locked", try_read);
	pthread_barrier_wait(&all_reading);
	for (int i = 0; i < READERS; i++) {
		pthread_join(threads[i], &result);
		printf("reader %d: %s\n", i, errno_name((int)(long)result));
	}
	pthread_barrier_destroy(&all_reading);

	E(pthread_rwlock_wrlock(&rwlock));
	in_thread("tryrdlock while write-locked", try_read);
	in_thread("trywrlock while write-locked", try_write);
	in_thread("timedrdlock while write-locked", timed_read);
	in_thread("timedwrlock while write-locked", timed_write);
	E(pthread_rwlock_unlock(&rwlock));
	in_thread("trywrlock when free", try_write);
	in_thread("tryrdlock when free", try_read);
	E(pthread_rwlock_rdlock(&rwlock));
	E(pthread_rwlock_tryrdlock(&rwlock));
	E(pthread_rwlock_unlock(&rwlock));
	E(pthread_rwlock_unlock(&rwlock));

	for (long i = 0; i < WORKERS; i++)
		pthread_create(&threads[i], NULL, worker, (void *)i);
	for (int i = 0; i < WORKERS; i++)
		pthread_join(threads[i], NULL);
	printf("first %ld second %ld torn %ld reads %ld\n", first, second, torn, reads);
	E(pthread_rwlock_destroy(&rwlock));
	return 0;
}
