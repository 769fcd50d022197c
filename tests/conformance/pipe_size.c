/* F_GETPIPE_SZ and F_SETPIPE_SZ: sizes are powers of two, at least a page; a pipe cannot
 * shrink below what it holds; other files have no pipe size. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

static char big[70000];

int main(void)
{
	int p[2], fd;

	SHOW(pipe2(p, O_NONBLOCK));
	SHOW(fcntl(p[0], F_GETPIPE_SZ));
	SHOW(fcntl(p[1], F_GETPIPE_SZ));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, 0));
	SHOW(fcntl(p[1], F_GETPIPE_SZ));
	SHOW(write(p[1], big, sizeof(big)));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, 5000));
	SHOW(fcntl(p[0], F_GETPIPE_SZ));
	SHOW(write(p[1], big, sizeof(big)));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, 4096));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, 8191));
	SHOW(read(p[0], big, 3000));
	SHOW(write(p[1], big, sizeof(big)));
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, 4097));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, 65536));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, 1 << 20));
	SHOW(fcntl(p[0], F_GETPIPE_SZ));
	SHOW(write(p[1], big, sizeof(big)));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, 4096));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, -1));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, 0x80000001u));
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(fcntl(p[0], F_SETPIPE_SZ, 4096));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	SHOW(fcntl(p[0], F_GETPIPE_SZ));
	SHOW(fd = open("/dev/null", O_RDONLY));
	SHOW(fcntl(fd, F_GETPIPE_SZ));
	SHOW(fcntl(fd, F_SETPIPE_SZ, 4096));
	SHOW(close(fd));
	SHOW(fcntl(0, F_GETPIPE_SZ) > 0 || errno == EBADF);
	return 0;
}
