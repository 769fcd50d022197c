/* O_CLOEXEC sets FD_CLOEXEC on the new descriptor only; F_GETFL never shows it; dup drops
 * it, F_DUPFD_CLOEXEC and dup3 set it. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int fd, copy;

	SHOW(fd = open("/dev/null", O_RDONLY | O_CLOEXEC));
	SHOW(fcntl(fd, F_GETFD));
	SHOW(fcntl(fd, F_GETFL) & O_CLOEXEC);
	SHOW(copy = dup(fd));
	SHOW(fcntl(copy, F_GETFD));
	SHOW(close(copy));
	SHOW(copy = fcntl(fd, F_DUPFD_CLOEXEC, 50));
	SHOW(fcntl(copy, F_GETFD));
	SHOW(dup3(fd, copy, O_CLOEXEC));
	SHOW(fcntl(copy, F_GETFD));
	SHOW(dup3(fd, copy, 0));
	SHOW(fcntl(copy, F_GETFD));
	SHOW(dup3(fd, fd, O_CLOEXEC));
	SHOW(syscall(SYS_dup3, fd, copy, O_NONBLOCK)); /* musl's dup3 would use dup2 */
	SHOW(fcntl(fd, F_SETFD, 0));
	SHOW(fcntl(fd, F_GETFD));
	SHOW(fcntl(fd, F_SETFD, FD_CLOEXEC | 0x100));
	SHOW(fcntl(fd, F_GETFD));
	SHOW(close(copy));
	SHOW(close(fd));
	SHOW(fd = open("/dev/null", O_RDONLY));
	SHOW(fcntl(fd, F_GETFD));
	SHOW(close(fd));
	return 0;
}
