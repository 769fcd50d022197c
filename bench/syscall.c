/* The cheapest system calls: the cost of getting into the (Lib)OS and back. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <unistd.h>
#include "bench.h"

static volatile long sink;

static int op_getppid(void *ctx, long iterations)
{
	(void)ctx;
	for (long i = 0; i < iterations; i++)
		sink = getppid();
	return 0;
}

static int op_gettid(void *ctx, long iterations)
{
	(void)ctx;
	for (long i = 0; i < iterations; i++)
		sink = syscall(SYS_gettid);
	return 0;
}

static int op_clock_gettime(void *ctx, long iterations)
{
	struct timespec ts;

	(void)ctx;
	for (long i = 0; i < iterations; i++) {
		if (clock_gettime(CLOCK_MONOTONIC, &ts))
			return errno;
		sink = ts.tv_nsec;
	}
	return 0;
}

int main(void)
{
	bench_run("getppid", "getppid", op_getppid, NULL);
	bench_run("gettid", "syscall(SYS_gettid)", op_gettid, NULL);
	bench_run("clock_gettime", "clock_gettime", op_clock_gettime, NULL);
	return bench_exit_status();
}
