/* Threads and the ways they wake each other: create+join, a futex ping-pong
 * and a pipe ping-pong between two threads (one round trip per operation). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "bench.h"

/* <linux/futex.h> is not in uni-cc's sysroot; the values are the ABI's (futex(2)). */
#define FUTEX_WAIT	   0
#define FUTEX_WAKE	   1
#define FUTEX_PRIVATE_FLAG 128

static void *thread_noop(void *arg)
{
	return arg;
}

static int op_create_join(void *ctx, long iterations)
{
	(void)ctx;
	for (long i = 0; i < iterations; i++) {
		pthread_t thread;
		int err = pthread_create(&thread, NULL, thread_noop, NULL);

		if (err)
			return err;
		err = pthread_join(thread, NULL);
		if (err)
			return err;
	}
	return 0;
}

/* turn: whose move it is. The partner echoes every MAIN_TO_PARTNER back. */
enum { TURN_MAIN, TURN_PARTNER, TURN_STOP };

static atomic_int turn;

static long futex(atomic_int *word, int op, int value)
{
	return syscall(SYS_futex, word, op | FUTEX_PRIVATE_FLAG, value, NULL, NULL, 0);
}

static int futex_error;

static void *futex_partner(void *arg)
{
	for (;;) {
		int value;

		while ((value = atomic_load(&turn)) == TURN_MAIN)
			if (futex(&turn, FUTEX_WAIT, TURN_MAIN) && errno != EAGAIN &&
			    errno != EINTR) {
				futex_error = errno;
				atomic_store(&turn, TURN_STOP);
				futex(&turn, FUTEX_WAKE, 1);
				return arg;
			}
		if (value == TURN_STOP)
			return arg;
		atomic_store(&turn, TURN_MAIN);
		futex(&turn, FUTEX_WAKE, 1);
	}
}

static int op_futex_pingpong(void *ctx, long iterations)
{
	(void)ctx;
	for (long i = 0; i < iterations; i++) {
		int value;

		atomic_store(&turn, TURN_PARTNER);
		if (futex(&turn, FUTEX_WAKE, 1) < 0)
			return errno;
		while ((value = atomic_load(&turn)) == TURN_PARTNER)
			if (futex(&turn, FUTEX_WAIT, TURN_PARTNER) && errno != EAGAIN &&
			    errno != EINTR)
				return errno;
		if (value == TURN_STOP)
			return futex_error;
	}
	return 0;
}

static void bench_futex(void)
{
	pthread_t partner;
	int err = pthread_create(&partner, NULL, futex_partner, NULL);

	if (err) {
		bench_unavailable("futex_pingpong", "pthread_create: %s", strerror(err));
		return;
	}
	bench_run("futex_pingpong", "futex", op_futex_pingpong, NULL);
	atomic_store(&turn, TURN_STOP);
	futex(&turn, FUTEX_WAKE, 1);
	pthread_join(partner, NULL);
}

struct pipe_pair {
	int to_partner[2];
	int to_main[2];
};

static void *pipe_partner(void *arg)
{
	struct pipe_pair *p = arg;
	char byte;

	while (read(p->to_partner[0], &byte, 1) == 1)
		if (write(p->to_main[1], &byte, 1) != 1)
			break;
	close(p->to_main[1]);
	return NULL;
}

static int op_pipe_pingpong(void *ctx, long iterations)
{
	struct pipe_pair *p = ctx;
	char byte = 'x';

	for (long i = 0; i < iterations; i++) {
		if (write(p->to_partner[1], &byte, 1) != 1)
			return errno ? errno : EIO;
		if (read(p->to_main[0], &byte, 1) != 1)
			return errno ? errno : EPIPE;
	}
	return 0;
}

static void bench_pipe(void)
{
	struct pipe_pair p;
	pthread_t partner;
	int err;

	if (pipe(p.to_partner)) {
		bench_unavailable("pipe_pingpong", "pipe: %s", strerror(errno));
		return;
	}
	if (pipe(p.to_main)) {
		bench_unavailable("pipe_pingpong", "pipe: %s", strerror(errno));
		goto close_first;
	}
	err = pthread_create(&partner, NULL, pipe_partner, &p);
	if (err) {
		bench_unavailable("pipe_pingpong", "pthread_create: %s", strerror(err));
		goto close_second;
	}
	bench_run("pipe_pingpong", "pipe", op_pipe_pingpong, &p);
	close(p.to_partner[1]);
	pthread_join(partner, NULL);
	close(p.to_partner[0]);
	close(p.to_main[0]);
	return;
close_second:
	close(p.to_main[0]);
	close(p.to_main[1]);
close_first:
	close(p.to_partner[0]);
	close(p.to_partner[1]);
}

int main(void)
{
	bench_run("thread_create_join", "pthread_create", op_create_join, NULL);
	bench_futex();
	bench_pipe();
	return bench_exit_status();
}
