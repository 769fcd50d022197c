/* __thread variables of a library loaded with dlopen(3) (libtls_dlopen.so): a thread that
 * existed before the dlopen, the main thread and threads created after all get their own
 * copies with the initial values and zeros; dlsym of a TLS symbol answers the calling
 * thread's copy. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include "check.h"

#define THREADS 4

static int *(*counter_address)(void);
static int (*bump)(int);
static int (*counter)(void);
static void *library;

struct report {
	int start, nonzero, end, dlsym_ok;
	int *address;
};

static struct report reports[THREADS + 1];
static pthread_barrier_t loaded, bumped;

static void use_library(struct report *r, int by)
{
	int *exported = dlsym(library, "tls_dlopen_exported");

	r->start = counter();
	r->dlsym_ok = exported && *exported == 5;
	r->address = counter_address();
	r->nonzero = bump(by);
	pthread_barrier_wait(&bumped);
	bump(100);
	r->end = counter();
	r->dlsym_ok &=
	    *exported == 5 + by + 100 && exported == dlsym(library, "tls_dlopen_exported");
}

/* Started before the dlopen: waits for it, then uses the library. */
static void *early(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&loaded);
	use_library(&reports[THREADS], 50);
	return NULL;
}

static void *worker(void *arg)
{
	use_library(&reports[(intptr_t)arg], (int)(intptr_t)arg + 1);
	return NULL;
}

static void print_report(const char *who, int i, const struct report *r)
{
	printf("%s %d: started with %d, nonzero bytes %d, ended with %d, dlsym %d\n", who, i,
	       r->start, r->nonzero, r->end, r->dlsym_ok);
}

int main(void)
{
	pthread_t threads[THREADS], first;
	int distinct = 1;

	pthread_barrier_init(&loaded, NULL, 2);
	pthread_barrier_init(&bumped, NULL, THREADS + 1);
	pthread_create(&first, NULL, early, NULL);

	printf("not loaded yet %d\n", dlopen("libtls_dlopen.so", RTLD_NOW | RTLD_NOLOAD) == NULL);
	library = dlopen("libtls_dlopen.so", RTLD_NOW);
	printf("dlopen ok %d\n", library != NULL);
	if (!library)
		return 1;
	counter_address = (int *(*)(void))dlsym(library, "tls_dlopen_counter_address");
	bump = (int (*)(int))dlsym(library, "tls_dlopen_bump");
	counter = (int (*)(void))dlsym(library, "tls_dlopen_counter");
	printf("symbols found %d\n", counter_address && bump && counter);
	printf("main: counter %d\n", counter());
	printf("main: nonzero bytes %d\n", bump(2));
	printf("main: counter %d\n", counter());
	int *exported = dlsym(library, "tls_dlopen_exported");
	printf("main: exported %d\n", exported ? *exported : -1);

	pthread_barrier_wait(&loaded);
	for (intptr_t i = 0; i < THREADS; i++)
		pthread_create(&threads[i], NULL, worker, (void *)i);
	pthread_join(first, NULL);
	for (int i = 0; i < THREADS; i++)
		pthread_join(threads[i], NULL);
	for (int i = 0; i < THREADS; i++)
		print_report("thread", i, &reports[i]);
	print_report("early thread", 0, &reports[THREADS]);
	for (int i = 0; i <= THREADS; i++) {
		for (int j = 0; j < i; j++)
			distinct &= reports[j].address != reports[i].address;
		distinct &= reports[i].address != counter_address();
	}
	printf("addresses distinct %d\n", distinct);
	printf("main: counter %d\n", counter());
	SHOW(dlclose(library));
	pthread_barrier_destroy(&loaded);
	pthread_barrier_destroy(&bumped);
	return 0;
}
