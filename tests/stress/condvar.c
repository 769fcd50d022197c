/* Condition-variable ping-pong: two threads take turns 10^5 times each, each
 * turn handed over under one mutex with one condition variable per side. */
#include <pthread.h>
#include "stress.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_changed[2] = { PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER };
static int turn;
static long rounds, played[2];

static void *player(void *arg)
{
	int me = (int)(long)arg;

	pthread_mutex_lock(&lock);
	for (long i = 0; i < rounds; i++) {
		while (turn != me)
			pthread_cond_wait(&turn_changed[me], &lock);
		played[me]++;
		turn = !me;
		pthread_cond_signal(&turn_changed[!me]);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t other;

	rounds = arg_count(argc, argv, 100000);
	CHECK(pthread_create(&other, NULL, player, (void *)1L));
	player((void *)0L);
	CHECK(pthread_join(other, NULL));
	printf("condvar ping-pong rounds %ld %ld turn %d\n", played[0], played[1], turn);
	return played[0] != rounds || played[1] != rounds;
}
