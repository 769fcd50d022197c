/* A writer thread writes far more than a pipe holds, in one blocking write and in many small
 * ones; the reader drains it: every byte arrives, in order, and the writes return their full
 * counts. Then the reader closes its end while a write waits: EPIPE. */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include "check.h"

#define BIG (1 << 20)

static int p[2];
static unsigned char buf[BIG], in[BIG];
static long wrote_big, wrote_small;

static void *writer(void *arg)
{
	(void)arg;
	wrote_big = write(p[1], buf, BIG);
	for (int i = 0; i < 1000; i++)
		wrote_small += write(p[1], buf + i * 100, 100);
	close(p[1]);
	return NULL;
}

static long epipe_result;
static int epipe_errno;

static void *blocked_writer(void *arg)
{
	(void)arg;
	epipe_result = write(p[1], buf, BIG);
	epipe_errno = errno;
	return NULL;
}

int main(void)
{
	pthread_t t;
	long total = 0, n;
	int mismatch = 0;

	for (int i = 0; i < BIG; i++)
		buf[i] = (unsigned char)(i * 7 + i / 251);
	SHOW(pipe(p));
	if (pthread_create(&t, NULL, writer, NULL))
		return 1;
	while ((n = read(p[0], in, 3000)) > 0) {
		for (long i = 0; i < n; i++) {
			long at = total + i;
			unsigned char want = at < BIG ? buf[at] : buf[(at - BIG) % 100 + (at - BIG) / 100 * 100];
			if (in[i] != want)
				mismatch++;
		}
		total += n;
	}
	SHOW(n);
	SHOW(pthread_join(t, NULL));
	printf("big write %ld, small writes %ld, read %ld, mismatched %d\n", wrote_big,
	       wrote_small, total, mismatch);
	SHOW(close(p[0]));

	/* A write waiting for room when the last reader goes: SIGPIPE (ignored here) and the
	 * count so far, or EPIPE. */
	signal(SIGPIPE, SIG_IGN);
	SHOW(pipe(p));
	if (pthread_create(&t, NULL, blocked_writer, NULL))
		return 1;
	n = read(p[0], in, 1); /* the writer has filled the pipe */
	SHOW(n);
	usleep(20000);
	SHOW(close(p[0]));
	SHOW(pthread_join(t, NULL));
	printf("blocked write: %s\n", epipe_result == 65536 ? "the pipe's capacity"
				     : epipe_result == 65536 + 4096 ? "capacity and a page"
				     : epipe_result < 0 ? errno_name(epipe_errno) : "other");
	SHOW(close(p[1]));
	return 0;
}
