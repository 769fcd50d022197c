/* pthread_exit in the main thread: the process goes on until its last
 * thread ends, and then exits with status 0. */
#include <pthread.h>
#include "check.h"

static pthread_t main_thread;

static void *last(void *arg)
{
	(void)arg;
	SHOW(pthread_join(main_thread, NULL));
	printf("last thread returns\n");
	fflush(stdout);
	return NULL;
}

int main(void)
{
	pthread_t t;

	main_thread = pthread_self();
	if (pthread_create(&t, NULL, last, NULL))
		return 1;
	printf("main: pthread_exit\n");
	fflush(stdout);
	pthread_exit(NULL);
}
