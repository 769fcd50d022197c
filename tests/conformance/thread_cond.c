/* A condition-variable ping-pong: two threads take turns 10000 times. */
#include <pthread.h>
#include "check.h"

#define ROUNDS 10000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int turn; /* 0: ping's, 1: pong's */
static int pings, pongs;

static void *pong(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		while (turn != 1)
			pthread_cond_wait(&changed, &lock);
		pongs++;
		turn = 0;
		pthread_cond_signal(&changed);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, pong, NULL))
		return 1;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		while (turn != 0)
			pthread_cond_wait(&changed, &lock);
		pings++;
		turn = 1;
		pthread_cond_signal(&changed);
		pthread_mutex_unlock(&lock);
	}
	pthread_join(t, NULL);
	printf("pings %d pongs %d\n", pings, pongs);
	/* broadcast wakes every waiter */
	return 0;
}
