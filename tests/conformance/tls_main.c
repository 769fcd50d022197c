/* __thread variables of the program: every thread starts with the initial values (.tdata)
 * and zeros (.tbss), whatever another thread wrote first; each sees only its own copy, at its
 * own address; the main thread's copy is untouched by the others; alignment is kept. */
#include <pthread.h>
#include <stdint.h>
#include "check.h"

#define THREADS 6

static __thread int counter = 42;
static __thread long zeroed;
static __thread char name[16] = "initial";
static __thread double big_array[64]; /* a larger .tbss */
static __thread _Alignas(64) char aligned = 1;

struct report {
	int start_counter, start_zeroed, start_name_ok, start_array_zero, aligned_ok;
	int end_counter;
	long end_zeroed;
	void *counter_address;
};

static struct report reports[THREADS];
static pthread_barrier_t all_written;

static void *worker(void *arg)
{
	intptr_t id = (intptr_t)arg;
	struct report *r = &reports[id];
	int array_zero = 1;

	r->start_counter = counter;
	r->start_zeroed = (int)zeroed;
	r->start_name_ok = !strcmp(name, "initial");
	for (int i = 0; i < 64; i++)
		array_zero &= big_array[i] == 0;
	r->start_array_zero = array_zero;
	r->aligned_ok = ((uintptr_t)&aligned % 64) == 0 && aligned == 1;
	counter += (int)id;
	zeroed = id * 1000;
	snprintf(name, sizeof(name), "thread %d", (int)id);
	big_array[63] = (double)id;
	r->counter_address = &counter;
	pthread_barrier_wait(&all_written); /* everyone has written before anyone reads back */
	for (int i = 0; i < 1000; i++)
		counter++;
	r->end_counter = counter;
	r->end_zeroed = zeroed + (long)big_array[63];
	return strcmp(name + 7, "") ? (void *)(intptr_t)(name[7] - '0') : NULL;
}

int main(void)
{
	pthread_t threads[THREADS];
	void *result;
	int distinct = 1;

	printf("main: counter %d zeroed %ld name %s aligned %d\n", counter, zeroed, name,
	       ((uintptr_t)&aligned % 64) == 0 && aligned == 1);
	counter = -1;
	strcpy(name, "main");
	pthread_barrier_init(&all_written, NULL, THREADS);
	for (intptr_t i = 0; i < THREADS; i++)
		pthread_create(&threads[i], NULL, worker, (void *)i);
	for (int i = 0; i < THREADS; i++) {
		pthread_join(threads[i], &result);
		struct report *r = &reports[i];
		printf(
		    "thread %d: started with %d %d name %d array %d aligned %d; ended with %d %ld, "
		    "own name %ld\n",
		    i, r->start_counter, r->start_zeroed, r->start_name_ok, r->start_array_zero,
		    r->aligned_ok, r->end_counter, r->end_zeroed, (long)result);
		for (int j = 0; j < i; j++)
			distinct &= reports[j].counter_address != r->counter_address;
		distinct &= r->counter_address != &counter;
	}
	printf("addresses distinct %d\n", distinct);
	printf("main: counter %d zeroed %ld name %s\n", counter, zeroed, name);
	pthread_barrier_destroy(&all_written);
	return 0;
}
