/* Semaphore ping-pong: two threads hand a token back and forth 10^5 times
 * through two POSIX semaphores. */
#include <pthread.h>
#include <semaphore.h>
#include "stress.h"

static sem_t ping, pong;
static long rounds, pings, pongs;

static void *ponger(void *arg)
{
	(void)arg;
	for (long i = 0; i < rounds; i++) {
		while (sem_wait(&ping))
			;
		pongs++;
		sem_post(&pong);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t other;

	rounds = arg_count(argc, argv, 100000);
	if (sem_init(&ping, 0, 0) || sem_init(&pong, 0, 0)) {
		perror("sem_init");
		return 1;
	}
	CHECK(pthread_create(&other, NULL, ponger, NULL));
	for (long i = 0; i < rounds; i++) {
		pings++;
		sem_post(&ping);
		while (sem_wait(&pong))
			;
	}
	CHECK(pthread_join(other, NULL));
	printf("semaphore ping-pong rounds %ld %ld\n", pings, pongs);
	return pings != rounds || pongs != rounds;
}
