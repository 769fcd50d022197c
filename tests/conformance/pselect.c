/* pselect6(2): a timespec timeout and a signal mask passed as { mask, size }, each checked. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	struct timespec zero = { 0, 0 }, bad = { 0, -1 }, wait = { 0, 10000000 }, before, after;
	sigset_t set;
	fd_set r;
	int p[2];

	sigemptyset(&set);
	SHOW(pipe(p));
	SHOW(write(p[1], "x", 1));
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	SHOW(pselect(p[0] + 1, &r, NULL, NULL, &zero, &set));
	printf("readable %d\n", FD_ISSET(p[0], &r));
	FD_SET(p[0], &r);
	SHOW(pselect(p[0] + 1, &r, NULL, NULL, NULL, NULL));
	SHOW(read(p[0], &r, 1));
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	clock_gettime(CLOCK_MONOTONIC, &before);
	SHOW(pselect(p[0] + 1, &r, NULL, NULL, &wait, &set));
	clock_gettime(CLOCK_MONOTONIC, &after);
	printf("readable %d, waited at least 10 ms: %d\n", FD_ISSET(p[0], &r),
	       (after.tv_sec - before.tv_sec) * 1000000000L + after.tv_nsec - before.tv_nsec >=
		       10000000);

	long pack[2] = { (long)&set, 8 };
	SHOW(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, pack));
	pack[1] = 4;
	SHOW(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, pack));
	pack[0] = 0;
	SHOW(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, pack));
	pack[0] = 0x1000;
	pack[1] = 8;
	SHOW(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, pack));
	SHOW(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &zero, (void *)0x1000));
	SHOW(syscall(SYS_pselect6, 0, NULL, NULL, NULL, &bad, NULL));
	SHOW(syscall(SYS_pselect6, 0, NULL, NULL, NULL, (void *)0x1000, NULL));
	SHOW(syscall(SYS_pselect6, -1, NULL, NULL, NULL, &zero, NULL));
	FD_ZERO(&r);
	FD_SET(p[1] + 1, &r);
	SHOW(syscall(SYS_pselect6, p[1] + 2, &r, NULL, NULL, &zero, NULL));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	return 0;
}
