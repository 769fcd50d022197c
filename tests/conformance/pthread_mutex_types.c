/* Mutex types: normal, recursive and error-checking. Relocking an error-checking mutex is
 * EDEADLK, unlocking one (or a recursive one) held by another thread is EPERM, trylock of a
 * held mutex is EBUSY (but counts up a recursive one its owner holds), and timedlock of a
 * mutex another thread holds gives up with ETIMEDOUT (at once for a time already past, EINVAL
 * for a bad one), and takes a free one whatever the time. */
#include <pthread.h>
#include <time.h>
#include "check.h"

static pthread_mutex_t mutex;
static pthread_mutex_t holder_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t holder_cond = PTHREAD_COND_INITIALIZER;
static int holder_state; /* 1: holds the mutex, 2: told to let go */

static void *holder(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&mutex);
	pthread_mutex_lock(&holder_lock);
	holder_state = 1;
	pthread_cond_broadcast(&holder_cond);
	while (holder_state != 2)
		pthread_cond_wait(&holder_cond, &holder_lock);
	pthread_mutex_unlock(&holder_lock);
	return (void *)(long)pthread_mutex_unlock(&mutex);
}

/* Another thread takes the mutex and keeps it until release_holder. */
static pthread_t start_holder(void)
{
	pthread_t t;

	holder_state = 0;
	pthread_create(&t, NULL, holder, NULL);
	pthread_mutex_lock(&holder_lock);
	while (holder_state != 1)
		pthread_cond_wait(&holder_cond, &holder_lock);
	pthread_mutex_unlock(&holder_lock);
	return t;
}

static void release_holder(pthread_t t)
{
	void *result;

	pthread_mutex_lock(&holder_lock);
	holder_state = 2;
	pthread_cond_broadcast(&holder_cond);
	pthread_mutex_unlock(&holder_lock);
	pthread_join(t, &result);
	printf("holder unlocked: %s\n", errno_name((int)(long)result));
}

static void *unlock_other(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_mutex_unlock(&mutex);
}

static void *trylock_other(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_mutex_trylock(&mutex);
}

#define E(expr) printf("%s: %s\n", #expr, errno_name(expr))

static void test_type(const char *name, int type)
{
	pthread_mutexattr_t attr;
	struct timespec ts;
	pthread_t t;
	int got;

	printf("--- %s\n", name);
	E(pthread_mutexattr_init(&attr));
	E(pthread_mutexattr_settype(&attr, type));
	E(pthread_mutexattr_gettype(&attr, &got));
	printf("type matches %d\n", got == type);
	E(pthread_mutex_init(&mutex, &attr));
	E(pthread_mutexattr_destroy(&attr));

	E(pthread_mutex_lock(&mutex));
	if (type == PTHREAD_MUTEX_ERRORCHECK) {
		E(pthread_mutex_lock(&mutex));
		E(pthread_mutex_trylock(&mutex));
		ts = in_ms(CLOCK_REALTIME, 10);
		E(pthread_mutex_timedlock(&mutex, &ts));
	}
	if (type == PTHREAD_MUTEX_RECURSIVE) {
		E(pthread_mutex_lock(&mutex));
		E(pthread_mutex_trylock(&mutex));
		ts = in_ms(CLOCK_REALTIME, 10);
		E(pthread_mutex_timedlock(&mutex, &ts));
	}
	in_thread("trylock in another thread", trylock_other);
	if (type != PTHREAD_MUTEX_NORMAL)
		in_thread("unlock in another thread", unlock_other);
	if (type == PTHREAD_MUTEX_RECURSIVE) {
		E(pthread_mutex_unlock(&mutex));
		E(pthread_mutex_unlock(&mutex));
		E(pthread_mutex_unlock(&mutex));
		in_thread("trylock in another thread, one level left", trylock_other);
	}
	E(pthread_mutex_unlock(&mutex));
	if (type != PTHREAD_MUTEX_NORMAL)
		E(pthread_mutex_unlock(&mutex));
	E(pthread_mutex_trylock(&mutex));
	E(pthread_mutex_unlock(&mutex));

	t = start_holder();
	E(pthread_mutex_trylock(&mutex));
	ts = in_ms(CLOCK_REALTIME, 30);
	E(pthread_mutex_timedlock(&mutex, &ts));
	ts = in_ms(CLOCK_REALTIME, 0);
	ts.tv_sec--;
	E(pthread_mutex_timedlock(&mutex, &ts));
	ts.tv_nsec = 1000000000;
	E(pthread_mutex_timedlock(&mutex, &ts));
	if (type != PTHREAD_MUTEX_NORMAL)
		E(pthread_mutex_unlock(&mutex));
	release_holder(t);
	ts = in_ms(CLOCK_REALTIME, 0);
	ts.tv_sec--;
	E(pthread_mutex_timedlock(&mutex, &ts));
	E(pthread_mutex_unlock(&mutex));
	E(pthread_mutex_destroy(&mutex));
}

int main(void)
{
	test_type("normal", PTHREAD_MUTEX_NORMAL);
	test_type("recursive", PTHREAD_MUTEX_RECURSIVE);
	test_type("errorcheck", PTHREAD_MUTEX_ERRORCHECK);
	test_type("default", PTHREAD_MUTEX_DEFAULT);
	return 0;
}
