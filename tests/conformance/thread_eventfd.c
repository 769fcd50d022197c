/* An eventfd counter between threads: reads of a zero count wait for the other thread's
 * writes (semaphore mode: one each), and a write past the maximum waits for a read. */
#include <pthread.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include "check.h"

#define ROUNDS 5000

static int efd, sem, back;

static void *producer(void *arg)
{
	uint64_t one = 1, v;

	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		if (write(sem, &one, 8) != 8)
			return "write";
		if (read(back, &v, 8) != 8 || v != 1) /* wait until the consumer took it */
			return "read back";
	}
	return NULL;
}

static void *fill(void *arg)
{
	uint64_t v = 5;

	(void)arg;
	/* The count is UINT64_MAX - 3: adding 5 waits until a read empties it. */
	if (write(efd, &v, 8) != 8)
		return "write";
	return NULL;
}

int main(void)
{
	pthread_t t;
	uint64_t v, one = 1, sum = 0;
	void *result;

	SHOW(sem = eventfd(0, EFD_SEMAPHORE));
	SHOW(back = eventfd(0, 0));
	if (pthread_create(&t, NULL, producer, NULL))
		return 1;
	for (int i = 0; i < ROUNDS; i++) {
		if (read(sem, &v, 8) == 8)
			sum += v;
		write(back, &one, 8);
	}
	SHOW(pthread_join(t, &result));
	printf("producer: %s, sum %llu\n", result ? (char *)result : "ok",
	       (unsigned long long)sum);

	SHOW(efd = eventfd(0, 0));
	v = UINT64_MAX - 3;
	SHOW(write(efd, &v, 8));
	if (pthread_create(&t, NULL, fill, NULL))
		return 1;
	usleep(20000);
	SHOW(read(efd, &v, 8));
	printf("read %s\n", v == UINT64_MAX - 3 ? "UINT64_MAX - 3" : "?");
	SHOW(pthread_join(t, &result));
	printf("fill: %s\n", result ? (char *)result : "ok");
	SHOW(read(efd, &v, 8));
	printf("read %llu\n", (unsigned long long)v);
	return 0;
}
