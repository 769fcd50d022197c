/* fcntl(2)'s errors: closed fds, unknown commands, F_DUPFD past the descriptor limit, and
 * F_SETFD keeping only FD_CLOEXEC. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	struct rlimit limit = { 1024, 1024 };
	int fd;

	/* The usual soft limit, which the LibOS has; natively it may be higher. */
	setrlimit(RLIMIT_NOFILE, &limit);
	SHOW(fd = open("/dev/null", O_RDONLY));
	SHOW(fcntl(999, F_GETFD));
	SHOW(fcntl(999, F_GETFL));
	SHOW(fcntl(-1, F_DUPFD, 0));
	SHOW(syscall(SYS_fcntl, fd, 9999, 0));
	SHOW(syscall(SYS_fcntl, fd, -1, 0));
	SHOW(fcntl(fd, F_DUPFD, 1024));
	SHOW(fcntl(fd, F_DUPFD, -1));
	SHOW(fcntl(fd, F_DUPFD_CLOEXEC, 100000));
	int high = fcntl(fd, F_DUPFD, 1023);
	SHOW(high);
	SHOW(fcntl(fd, F_DUPFD, 1023));
	SHOW(close(high));
	SHOW(fcntl(fd, F_SETFD, -1));
	SHOW(fcntl(fd, F_GETFD));
	SHOW(fcntl(fd, F_SETFD, 2));
	SHOW(fcntl(fd, F_GETFD));
	SHOW(fcntl(fd, F_GETPIPE_SZ));
	SHOW(close(fd));
	SHOW(fcntl(fd, F_GETFD));
	return 0;
}
