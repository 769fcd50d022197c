/* Two threads pass a byte back and forth through two pipes 10000 times: each blocking read
 * of an empty pipe waits for the other thread's write. */
#include <pthread.h>
#include "check.h"

#define ROUNDS 10000

static int to_child[2], to_parent[2];

static void *echo(void *arg)
{
	char c;

	(void)arg;
	for (int i = 0; i < ROUNDS; i++) {
		if (read(to_child[0], &c, 1) != 1)
			return "read";
		c++;
		if (write(to_parent[1], &c, 1) != 1)
			return "write";
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	void *result;
	char c = 0, expect = 0;
	int bad = 0;

	SHOW(pipe(to_child));
	SHOW(pipe(to_parent));
	if (pthread_create(&t, NULL, echo, NULL))
		return 1;
	for (int i = 0; i < ROUNDS; i++) {
		if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1)
			bad++;
		expect++;
		if (c != expect)
			bad++;
	}
	SHOW(pthread_join(t, &result));
	printf("thread: %s, bad rounds %d, last byte %d\n", result ? (char *)result : "ok", bad,
	       c);
	/* The writer is gone: a read gives end of file, not a wait. */
	SHOW(close(to_child[1]));
	SHOW(read(to_child[0], &c, 1));
	return 0;
}
