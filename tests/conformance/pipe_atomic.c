/* PIPE_BUF atomicity: a non-blocking write of at most PIPE_BUF bytes goes in whole or not at
 * all; a larger one may go in part. writev counts as one write. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

static char big[70000];

/* A non-blocking pipe holding 15 full pages and a last one with room bytes free. */
static void nearly_full(int p[2], int room)
{
	if (pipe2(p, O_NONBLOCK)) {
		printf("pipe2 failed\n");
		exit(1);
	}
	for (int i = 0; i < 15; i++)
		if (write(p[1], big, 4096) != 4096)
			printf("fill %d failed\n", i);
	if (write(p[1], big, (size_t)(4096 - room)) != 4096 - room)
		printf("fill failed\n");
}

int main(void)
{
	struct iovec iov[2] = { { big, 20 }, { big, 30 } };
	int p[2];

	printf("PIPE_BUF %d\n", PIPE_BUF);
	nearly_full(p, 40);
	SHOW(write(p[1], big, 41));
	SHOW(write(p[1], big, 40));
	SHOW(write(p[1], big, 1));
	SHOW(close(p[0]));
	SHOW(close(p[1]));

	nearly_full(p, 40);
	SHOW(writev(p[1], iov, 2));
	iov[1].iov_len = 20;
	SHOW(writev(p[1], iov, 2));
	SHOW(close(p[0]));
	SHOW(close(p[1]));

	nearly_full(p, 40);
	SHOW(read(p[0], big, 4096));
	SHOW(write(p[1], big, PIPE_BUF));
	SHOW(write(p[1], big, 1));
	SHOW(close(p[0]));
	SHOW(close(p[1]));

	nearly_full(p, 100);
	SHOW(read(p[0], big, 4096));
	SHOW(write(p[1], big, 10000));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	return 0;
}
