/* Unnamed semaphores: sem_init's value, sem_post and sem_wait across threads (a
 * producer-consumer pair that loses no item), sem_trywait EAGAIN at 0, sem_timedwait
 * ETIMEDOUT (at once for a time already past, EINVAL for a bad one), sem_getvalue. */
#include <pthread.h>
#include <limits.h>
#include <semaphore.h>
#include <time.h>
#include "check.h"

#define ITEMS 20000
#define SLOTS 8

static sem_t free_slots, full_slots;
static int ring[SLOTS];
static long consumed_sum;

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ITEMS; i++) {
		sem_wait(&free_slots);
		ring[i % SLOTS] = i;
		sem_post(&full_slots);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ITEMS; i++) {
		while (sem_wait(&full_slots))
			;
		consumed_sum += ring[i % SLOTS];
		sem_post(&free_slots);
	}
	return NULL;
}

static sem_t handoff;

static void *poster(void *arg)
{
	(void)arg;
	return (void *)(long)sem_post(&handoff);
}

static void show_value(sem_t *sem)
{
	int value = -1;

	SHOW(sem_getvalue(sem, &value));
	printf("value %d\n", value);
}

int main(void)
{
	struct timespec ts, now;
	pthread_t a, b;
	sem_t sem;

	SHOW(sem_init(&sem, 0, 2));
	show_value(&sem);
	SHOW(sem_trywait(&sem));
	SHOW(sem_wait(&sem));
	show_value(&sem);
	SHOW(sem_trywait(&sem));
	ts = in_ms(CLOCK_REALTIME, 30);
	SHOW(sem_timedwait(&sem, &ts));
	clock_gettime(CLOCK_REALTIME, &now);
	printf("after the deadline %d\n",
	       now.tv_sec > ts.tv_sec || (now.tv_sec == ts.tv_sec && now.tv_nsec >= ts.tv_nsec));
	ts.tv_sec -= 2;
	SHOW(sem_timedwait(&sem, &ts));
	ts.tv_nsec = 1000000000;
	SHOW(sem_timedwait(&sem, &ts));
	/* Not a bad time with the semaphore free: glibc says EINVAL, musl takes it. */
	SHOW(sem_post(&sem));
	SHOW(sem_post(&sem));
	SHOW(sem_post(&sem));
	show_value(&sem);
	SHOW(sem_destroy(&sem));
	SHOW(sem_init(&sem, 0, SEM_VALUE_MAX));
	show_value(&sem);
	SHOW(sem_post(&sem));
	SHOW(sem_destroy(&sem));
	SHOW(sem_init(&sem, 0, (unsigned)SEM_VALUE_MAX + 1));

	/* A waiter blocked in sem_wait is released by another thread's sem_post. */
	SHOW(sem_init(&handoff, 0, 0));
	pthread_create(&a, NULL, poster, NULL);
	SHOW(sem_wait(&handoff));
	pthread_join(a, NULL);
	show_value(&handoff);
	SHOW(sem_destroy(&handoff));

	SHOW(sem_init(&free_slots, 0, SLOTS));
	SHOW(sem_init(&full_slots, 0, 0));
	pthread_create(&a, NULL, producer, NULL);
	pthread_create(&b, NULL, consumer, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("consumed sum %ld (expected %ld)\n", consumed_sum, (long)ITEMS * (ITEMS + 1) / 2);
	show_value(&free_slots);
	show_value(&full_slots);
	return 0;
}
