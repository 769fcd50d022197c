/* How a pipe packs writes into its 16 pages: a write's bytes past whole pages join the last
 * page when they fit there whole; FIONREAD counts what is waiting. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "check.h"

static char big[200000];

static void waiting(int fd)
{
	int n = -1;

	SHOW(ioctl(fd, FIONREAD, &n));
	printf("FIONREAD %d\n", n);
}

int main(void)
{
	int p[2];

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)('a' + i % 26);
	SHOW(pipe2(p, O_NONBLOCK));
	SHOW(write(p[1], big, 100));
	SHOW(write(p[1], big, 5000));
	waiting(p[0]);
	SHOW(write(p[1], big, 200000));
	waiting(p[0]);
	SHOW(write(p[1], big, 1));
	SHOW(read(p[0], big, 200000));
	waiting(p[0]);
	SHOW(close(p[0]));
	SHOW(close(p[1]));

	/* 4000 bytes then 100: the second fits in the first page, 200 would not. */
	SHOW(pipe2(p, O_NONBLOCK));
	for (int i = 0; i < 15; i++)
		if (write(p[1], big, 4096) != 4096)
			printf("write %d failed\n", i);
	SHOW(write(p[1], big, 4000));
	SHOW(write(p[1], big, 96));
	SHOW(write(p[1], big, 1));
	SHOW(read(p[0], big, 4096));
	SHOW(write(p[1], big, 4097));
	SHOW(write(p[1], big, 4096));
	waiting(p[0]);
	SHOW(ioctl(p[0], FIONREAD, (int *)0x1000));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	return 0;
}
