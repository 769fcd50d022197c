/* A bounded queue (mutex and two condition variables): 4 producers put 2*10^5
 * numbers in total through 16 places, 4 consumers take them out; the count,
 * sum and xor of what was taken must be those of what was put. */
#include <pthread.h>
#include "stress.h"

#define PRODUCERS 4
#define CONSUMERS 4
#define CAPACITY 16

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static unsigned long queue[CAPACITY];
static int head, count;
static long per_producer, remaining;
static unsigned long taken_sum, taken_xor, taken_count;

static void *producer(void *arg)
{
	unsigned long first = (unsigned long)(long)arg * per_producer;

	for (long i = 0; i < per_producer; i++) {
		pthread_mutex_lock(&lock);
		while (count == CAPACITY)
			pthread_cond_wait(&not_full, &lock);
		queue[(head + count++) % CAPACITY] = first + (unsigned long)i;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	unsigned long sum = 0, x = 0, n = 0;

	(void)arg;
	pthread_mutex_lock(&lock);
	for (;;) {
		while (!count && remaining)
			pthread_cond_wait(&not_empty, &lock);
		if (!remaining)
			break;
		unsigned long v = queue[head];
		head = (head + 1) % CAPACITY;
		count--;
		/* The last one wakes every consumer still waiting: nothing more is coming. */
		if (!--remaining)
			pthread_cond_broadcast(&not_empty);
		pthread_cond_signal(&not_full);
		pthread_mutex_unlock(&lock);
		sum += v;
		x ^= v * 2654435761UL;
		n++;
		pthread_mutex_lock(&lock);
	}
	taken_sum += sum;
	taken_xor ^= x;
	taken_count += n;
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t producers[PRODUCERS], consumers[CONSUMERS];
	unsigned long want_sum = 0, want_xor = 0;

	per_producer = arg_count(argc, argv, 200000) / PRODUCERS;
	remaining = per_producer * PRODUCERS;
	for (int i = 0; i < CONSUMERS; i++)
		CHECK(pthread_create(&consumers[i], NULL, consumer, NULL));
	for (long i = 0; i < PRODUCERS; i++)
		CHECK(pthread_create(&producers[i], NULL, producer, (void *)i));
	for (int i = 0; i < PRODUCERS; i++)
		CHECK(pthread_join(producers[i], NULL));
	for (int i = 0; i < CONSUMERS; i++)
		CHECK(pthread_join(consumers[i], NULL));
	for (unsigned long v = 0; v < (unsigned long)(per_producer * PRODUCERS); v++) {
		want_sum += v;
		want_xor ^= v * 2654435761UL;
	}
	int ok = taken_count == (unsigned long)(per_producer * PRODUCERS) &&
		 taken_sum == want_sum && taken_xor == want_xor;
	printf("prodcons %dx%d items %lu sum %lu %s\n", PRODUCERS, CONSUMERS, taken_count,
	       taken_sum, ok ? "ok" : "WRONG");
	return !ok;
}
