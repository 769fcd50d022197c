/* A signal storm against threads blocked in futex waits: one waits in
 * sem_wait (handler with SA_RESTART: the wait restarts), one in
 * pthread_cond_wait, while main sends them 20,000 SIGUSR1s; then both are
 * released and must finish with their exact results. Signals sent to a
 * thread that has one pending already merge, so only "some arrived" is
 * printed for the handlers. */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include "stress.h"

static sem_t sem;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int released;
static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static void *sem_waiter(void *arg)
{
	(void)arg;
	while (sem_wait(&sem))
		; /* EINTR is allowed to come through; the value must not change */
	return (void *)1L;
}

static void *cond_waiter(void *arg)
{
	(void)arg;
	CHECK(pthread_mutex_lock(&lock));
	while (!released)
		CHECK(pthread_cond_wait(&cond, &lock));
	CHECK(pthread_mutex_unlock(&lock));
	return (void *)2L;
}

int main(int argc, char **argv)
{
	long signals = arg_count(argc, argv, 20000);
	struct sigaction sa = { 0 };
	pthread_t a, b;
	void *ra, *rb;
	int value;

	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sem_init(&sem, 0, 0);
	CHECK(pthread_create(&a, NULL, sem_waiter, NULL));
	CHECK(pthread_create(&b, NULL, cond_waiter, NULL));
	for (long i = 0; i < signals; i++) {
		CHECK(pthread_kill(a, SIGUSR1));
		CHECK(pthread_kill(b, SIGUSR1));
	}
	sem_getvalue(&sem, &value);
	sem_post(&sem);
	CHECK(pthread_mutex_lock(&lock));
	released = 1;
	CHECK(pthread_cond_signal(&cond));
	CHECK(pthread_mutex_unlock(&lock));
	CHECK(pthread_join(a, &ra));
	CHECK(pthread_join(b, &rb));
	printf("signal_storm %ld signals, semaphore value %d, results %ld %ld, handled: %s\n",
	       2 * signals, value, (long)ra, (long)rb, handled > 0 ? "some" : "none");
	return 0;
}
