/* exit() in a thread other than the main one ends the whole process with
 * its status, while the main thread waits in pthread_join. */
#include <pthread.h>
#include "check.h"

static void *leave(void *arg)
{
	(void)arg;
	printf("thread: exit(7)\n");
	fflush(stdout);
	exit(7);
}

static void *forever(void *arg)
{
	pthread_mutex_t *m = arg;
	pthread_mutex_lock(m); /* never unlocked */
	return NULL;
}

int main(void)
{
	static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;
	pthread_t t, blocked;

	pthread_mutex_lock(&held);
	if (pthread_create(&blocked, NULL, forever, &held))
		return 1;
	if (pthread_create(&t, NULL, leave, NULL))
		return 1;
	pthread_join(t, NULL);
	printf("not reached\n");
	return 0;
}
