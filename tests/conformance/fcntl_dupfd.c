/* fcntl F_DUPFD and F_DUPFD_CLOEXEC: the lowest free fd at or above the argument. Above 100,
 * clear of fds a test runner may leave open. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int fd;

	SHOW(fd = open("/dev/null", O_RDONLY));
	SHOW(fcntl(fd, F_DUPFD, 0));
	SHOW(fcntl(fd, F_DUPFD, 200));
	SHOW(fcntl(fd, F_DUPFD, 200));
	SHOW(fcntl(201, F_GETFD));
	SHOW(close(200));
	SHOW(fcntl(fd, F_DUPFD, 150));
	SHOW(fcntl(fd, F_DUPFD_CLOEXEC, 220));
	SHOW(fcntl(220, F_GETFD));
	SHOW(fcntl(fd, F_DUPFD_CLOEXEC, 0));
	SHOW(fcntl(fd, F_DUPFD, -1));
	SHOW(fcntl(fd, F_DUPFD, 0x7fffffff));
	SHOW(fcntl(fd, F_DUPFD_CLOEXEC, -5));
	SHOW(fcntl(fd, F_DUPFD_CLOEXEC, 0x7fffffff));
	SHOW(fcntl(99, F_DUPFD, 0));
	SHOW(fcntl(-1, F_DUPFD_CLOEXEC, 0));
	SHOW(fd = open("/dev/null", O_PATH));
	SHOW(fcntl(fd, F_DUPFD, 230));
	SHOW(fcntl(230, F_GETFL) & O_PATH ? 1 : 0);
	return 0;
}
