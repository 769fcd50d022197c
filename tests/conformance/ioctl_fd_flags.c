/* The ioctls every file takes: FIOCLEX and FIONCLEX set and clear FD_CLOEXEC, FIONBIO sets
 * and clears O_NONBLOCK (and a pipe read then fails with EAGAIN), FIOASYNC needs a fasync
 * method (a pipe has one, a file has not); unknown requests are ENOTTY; O_PATH fds EBADF. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("ioctl-fd-flags", 0);
	char path[300], c;
	int fd, fds[2], path_fd, on;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(ioctl(fd, FIOCLEX));
	SHOW(fcntl(fd, F_GETFD));
	SHOW(ioctl(fd, FIONCLEX));
	SHOW(fcntl(fd, F_GETFD));
	on = 1;
	SHOW(ioctl(fd, FIONBIO, &on));
	SHOW(fcntl(fd, F_GETFL) & O_NONBLOCK);
	on = 0;
	SHOW(ioctl(fd, FIONBIO, &on));
	SHOW(fcntl(fd, F_GETFL) & O_NONBLOCK);
	SHOW(ioctl(fd, FIONBIO, NULL));
	on = 0;
	SHOW(ioctl(fd, FIOASYNC, &on));
	on = 1;
	SHOW(ioctl(fd, FIOASYNC, &on));
	SHOW(fcntl(fd, F_GETFL) & O_ASYNC);
	SHOW(ioctl(fd, TCGETS, &on));
	SHOW(ioctl(fd, TIOCGWINSZ, &on));
	SHOW(ioctl(fd, 0x7fff1234, &on));

	SHOW(pipe(fds));
	on = 1;
	SHOW(ioctl(fds[0], FIONBIO, &on));
	SHOW(read(fds[0], &c, 1));
	SHOW(ioctl(fds[0], FIOASYNC, &on));
	SHOW(fcntl(fds[0], F_GETFL) & O_ASYNC);
	on = 0;
	SHOW(ioctl(fds[0], FIOASYNC, &on));
	SHOW(fcntl(fds[0], F_GETFL) & O_ASYNC);

	SHOW(path_fd = open(path, O_PATH));
	SHOW(ioctl(path_fd, FIOCLEX));
	SHOW(ioctl(path_fd, FIONREAD, &on));
	SHOW(close(path_fd));
	SHOW(close(fds[0]));
	SHOW(close(fds[1]));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
