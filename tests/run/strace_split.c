/* A worker blocked in read while main writes: under --strace the worker's
 * read is split as strace -f splits it, "<unfinished ...>" then
 * "<... read resumed>". */
#include <pthread.h>
#include <unistd.h>

static int p[2];

static void *worker(void *arg)
{
	char c;

	(void)arg;
	return (void *)read(p[0], &c, 1);
}

int main(void)
{
	pthread_t t;

	if (pipe(p) || pthread_create(&t, NULL, worker, NULL))
		return 1;
	usleep(100000); /* the worker is in its read by then */
	if (write(p[1], "x", 1) != 1)
		return 1;
	pthread_join(t, NULL);
	return 0;
}
