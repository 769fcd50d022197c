/* The null system call, timed: N getppid() calls (default 2,000,000) through
 * whatever serves them, the LibOS's untraced syscall gate under intravisor
 * or Linux natively. Not part of make check: build it with uni-cc into a
 * root.cpio (tools/pack-rootfs) and run it with a YAML made from
 * tests/cvm-pair.yaml.in, and natively with gcc, in the same session. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 2000000;
	struct timespec start, end;
	volatile long sink = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (long i = 0; i < n; i++)
		sink += getppid();
	clock_gettime(CLOCK_MONOTONIC, &end);
	double ns = (end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec);
	printf("%ld getppid: %.2f ns each\n", n, ns / n);
	return 0;
}
