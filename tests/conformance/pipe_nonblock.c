/* A non-blocking pipe: EAGAIN on an empty one, 64 KiB of room, partial writes when a write
 * does not fit whole, and read sizes. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

static char big[200000];

int main(void)
{
	char buf[100];
	int p[2];

	SHOW(pipe2(p, O_NONBLOCK));
	SHOW(fcntl(p[0], F_GETPIPE_SZ));
	SHOW(read(p[0], buf, sizeof(buf)));
	SHOW(write(p[1], big, 65536));
	SHOW(write(p[1], big, 1));
	SHOW(read(p[0], buf, 100));
	/* The first page is not free before it is read whole. */
	SHOW(write(p[1], big, 1));
	SHOW(read(p[0], big, 4096 - 100));
	SHOW(write(p[1], big, 1));
	SHOW(write(p[1], big, 4096));
	SHOW(write(p[1], big, 4095));
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(close(p[0]));
	SHOW(close(p[1]));

	SHOW(pipe2(p, O_NONBLOCK));
	SHOW(write(p[1], big, 10));
	SHOW(write(p[1], big, 65536));
	SHOW(write(p[1], big, 10));
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	return 0;
}
