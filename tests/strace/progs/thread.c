/* One more thread: clone's decoding and the [pid N] prefixes. The worker
 * makes its calls between two getppid() markers while main waits in
 * pthread_join; tests/strace/run compares main's lines up to the clone, the
 * worker's between its markers, and main's from its last getppid() on. */
#include <pthread.h>
#include <unistd.h>

static void *worker(void *arg)
{
	getppid();
	write(1, "worker\n", 7);
	sched_yield();
	getppid();
	return arg;
}

int main(void)
{
	pthread_t thread;

	getppid();
	pthread_create(&thread, 0, worker, 0);
	pthread_join(thread, 0);
	getppid();
	close(99);
	return 0;
}
