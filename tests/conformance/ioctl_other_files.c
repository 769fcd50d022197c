/* The common ioctls on what is not a regular file: FIONBIO and FIOCLEX on /dev/null, an
 * eventfd and a directory; FIONREAD where only regular files and pipes answer. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int dn, efd, dfd, on = 1, n;
	uint64_t count;

	SHOW(dn = open("/dev/null", O_RDWR));
	SHOW(efd = eventfd(0, 0));
	SHOW(dfd = open("/", O_RDONLY | O_DIRECTORY));
	int fds[] = { dn, efd, dfd };
	const char *names[] = { "/dev/null", "eventfd", "directory" };
	for (int i = 0; i < 3; i++) {
		printf("-- %s\n", names[i]);
		on = 1;
		SHOW(ioctl(fds[i], FIONBIO, &on));
		SHOW(fcntl(fds[i], F_GETFL) & O_NONBLOCK);
		SHOW(ioctl(fds[i], FIOCLEX));
		SHOW(fcntl(fds[i], F_GETFD));
		SHOW(ioctl(fds[i], FIONREAD, &n));
		SHOW(ioctl(fds[i], FIOASYNC, &on));
	}
	SHOW(read(efd, &count, sizeof(count)));
	SHOW(close(dfd));
	SHOW(close(efd));
	SHOW(close(dn));
	return 0;
}
