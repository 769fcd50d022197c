/* Robust mutexes: a thread that ends holding one hands the next locker EOWNERDEAD (lock,
 * trylock, timedlock, and a locker already waiting when the owner ends); made consistent it
 * is an ordinary mutex again; unlocked without pthread_mutex_consistent it becomes
 * ENOTRECOVERABLE for good. */
#include <pthread.h>
#include <time.h>
#include "check.h"

static pthread_mutex_t mutex;
static pthread_mutex_t step_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t step_cond = PTHREAD_COND_INITIALIZER;
static int step;

#define E(expr) printf("%s: %s\n", #expr, errno_name(expr))

static void *lock_and_end(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_mutex_lock(&mutex);
}

static void *lock_and_exit(void *arg)
{
	(void)arg;
	pthread_exit((void *)(long)pthread_mutex_lock(&mutex));
}

/* Takes the mutex, lets main start waiting on it, then ends without unlocking. */
static void *lock_wait_and_end(void *arg)
{
	(void)arg;
	int err = pthread_mutex_lock(&mutex);
	pthread_mutex_lock(&step_lock);
	step = 1;
	pthread_cond_broadcast(&step_cond);
	while (step != 2)
		pthread_cond_wait(&step_cond, &step_lock);
	pthread_mutex_unlock(&step_lock);
	return (void *)(long)err;
}

static void *blocked_locker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&step_lock);
	step = 2;
	pthread_cond_broadcast(&step_cond);
	pthread_mutex_unlock(&step_lock);
	int err = pthread_mutex_lock(&mutex);
	if (err == EOWNERDEAD || err == 0)
		pthread_mutex_consistent(&mutex), pthread_mutex_unlock(&mutex);
	return (void *)(long)err;
}

static void run(const char *what, void *(*fn)(void *))
{
	pthread_t t;
	void *result;

	pthread_create(&t, NULL, fn, NULL);
	pthread_join(t, &result);
	printf("%s: %s\n", what, errno_name((int)(long)result));
}

static const char *owner_dead_name(int err)
{
	return err == EOWNERDEAD	? "EOWNERDEAD"
	       : err == ENOTRECOVERABLE ? "ENOTRECOVERABLE"
					: errno_name(err);
}

#define R(expr) printf("%s: %s\n", #expr, owner_dead_name(expr))

static void init(int type)
{
	pthread_mutexattr_t attr;
	int robust;

	pthread_mutexattr_init(&attr);
	E(pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST));
	E(pthread_mutexattr_getrobust(&attr, &robust));
	printf("robust %d\n", robust == PTHREAD_MUTEX_ROBUST);
	E(pthread_mutexattr_settype(&attr, type));
	E(pthread_mutex_init(&mutex, &attr));
	pthread_mutexattr_destroy(&attr);
}

static void test_type(const char *name, int type)
{
	struct timespec ts;

	printf("--- %s\n", name);
	init(type);
	E(pthread_mutex_consistent(&mutex));
	E(pthread_mutex_lock(&mutex));
	E(pthread_mutex_consistent(&mutex));
	E(pthread_mutex_unlock(&mutex));

	run("owner returns holding it", lock_and_end);
	R(pthread_mutex_lock(&mutex));
	E(pthread_mutex_consistent(&mutex));
	E(pthread_mutex_unlock(&mutex));
	E(pthread_mutex_lock(&mutex));
	E(pthread_mutex_unlock(&mutex));

	run("owner calls pthread_exit holding it", lock_and_exit);
	R(pthread_mutex_trylock(&mutex));
	E(pthread_mutex_consistent(&mutex));
	E(pthread_mutex_unlock(&mutex));

	run("owner returns holding it", lock_and_end);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec++;
	R(pthread_mutex_timedlock(&mutex, &ts));
	E(pthread_mutex_consistent(&mutex));
	E(pthread_mutex_unlock(&mutex));

	/* A locker already asleep on the mutex when its owner ends. */
	pthread_t owner, waiter;
	void *owner_result, *waiter_result;
	step = 0;
	pthread_create(&owner, NULL, lock_wait_and_end, NULL);
	pthread_mutex_lock(&step_lock);
	while (step != 1)
		pthread_cond_wait(&step_cond, &step_lock);
	pthread_mutex_unlock(&step_lock);
	pthread_create(&waiter, NULL, blocked_locker, NULL);
	pthread_join(owner, &owner_result);
	pthread_join(waiter, &waiter_result);
	printf("owner: %s, waiter: %s\n", owner_dead_name((int)(long)owner_result),
	       owner_dead_name((int)(long)waiter_result));
	E(pthread_mutex_lock(&mutex));
	E(pthread_mutex_unlock(&mutex));

	/* Not made consistent: no one can ever have it again. */
	run("owner returns holding it", lock_and_end);
	R(pthread_mutex_lock(&mutex));
	E(pthread_mutex_unlock(&mutex));
	R(pthread_mutex_lock(&mutex));
	R(pthread_mutex_trylock(&mutex));
	/* Not timedlock: glibc answers ETIMEDOUT, 0 or EDEADLK by type, musl ENOTRECOVERABLE. */
	E(pthread_mutex_destroy(&mutex));
}

int main(void)
{
	test_type("normal", PTHREAD_MUTEX_NORMAL);
	test_type("recursive", PTHREAD_MUTEX_RECURSIVE);
	test_type("errorcheck", PTHREAD_MUTEX_ERRORCHECK);
	return 0;
}
