/* __thread variables of a shared library the program needs (libtls_needed.so, DT_NEEDED):
 * every thread starts with the library's initial values and zeros, and has its own copies,
 * whether it reaches them through the library's code or directly. */
#include <pthread.h>
#include <stdint.h>
#include "check.h"

#define THREADS 5

extern __thread int lib_counter;
extern __thread long lib_zeroed;
extern __thread char lib_name[16];
int *lib_counter_address(void);
long lib_bump(int by);

struct report {
	int start_counter, start_zeroed, name_ok, same_address, end_counter;
	long nonzero, end_zeroed;
	int *address;
};

static struct report reports[THREADS];
static pthread_barrier_t all_bumped;

static void *worker(void *arg)
{
	intptr_t id = (intptr_t)arg;
	struct report *r = &reports[id];

	r->start_counter = lib_counter;
	r->start_zeroed = (int)lib_zeroed;
	r->name_ok = !strcmp(lib_name, "lib initial");
	r->same_address = lib_counter_address() == &lib_counter;
	r->address = &lib_counter;
	r->nonzero = lib_bump((int)id + 1);
	pthread_barrier_wait(&all_bumped);
	lib_bump(100);
	r->end_counter = lib_counter;
	r->end_zeroed = lib_zeroed;
	return NULL;
}

int main(void)
{
	pthread_t threads[THREADS];
	int distinct = 1;

	printf("main: counter %d zeroed %ld name %s same address %d\n", lib_counter, lib_zeroed,
	       lib_name, lib_counter_address() == &lib_counter);
	printf("main: nonzero bytes %ld\n", lib_bump(3));
	printf("main: counter %d zeroed %ld\n", lib_counter, lib_zeroed);
	pthread_barrier_init(&all_bumped, NULL, THREADS);
	for (intptr_t i = 0; i < THREADS; i++)
		pthread_create(&threads[i], NULL, worker, (void *)i);
	for (int i = 0; i < THREADS; i++) {
		pthread_join(threads[i], NULL);
		struct report *r = &reports[i];
		printf("thread %d: started with %d %d name %d same address %d nonzero bytes %ld; "
		       "ended with %d %ld\n",
		       i, r->start_counter, r->start_zeroed, r->name_ok, r->same_address,
		       r->nonzero, r->end_counter, r->end_zeroed);
		for (int j = 0; j < i; j++)
			distinct &= reports[j].address != r->address;
		distinct &= r->address != &lib_counter;
	}
	printf("addresses distinct %d\n", distinct);
	printf("main: counter %d zeroed %ld\n", lib_counter, lib_zeroed);
	pthread_barrier_destroy(&all_bumped);
	return 0;
}
