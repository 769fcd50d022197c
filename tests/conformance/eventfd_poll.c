/* poll and select on an eventfd: readable with a count, writable while one more can be
 * added; no POLLRDNORM or POLLWRNORM. */
#include <poll.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <unistd.h>
#include "check.h"

static void check(int fd)
{
	struct pollfd pfd = { fd, POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM | POLLPRI, 0 };
	struct timeval tv = { 0, 0 };
	fd_set r, w;

	int n = poll(&pfd, 1, 0);
	printf("poll = %d revents %s", n, poll_names(pfd.revents));
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(fd, &r);
	FD_SET(fd, &w);
	n = select(fd + 1, &r, &w, NULL, &tv);
	printf(", select = %d read %d write %d\n", n, FD_ISSET(fd, &r), FD_ISSET(fd, &w));
}

int main(void)
{
	uint64_t value;
	int fd;

	SHOW(fd = eventfd(0, EFD_NONBLOCK));
	check(fd);
	value = 1;
	SHOW(write(fd, &value, 8));
	check(fd);
	value = UINT64_MAX - 3;
	SHOW(write(fd, &value, 8));
	check(fd);
	value = 1;
	SHOW(write(fd, &value, 8));
	check(fd);
	SHOW(write(fd, &value, 8));
	SHOW(read(fd, &value, 8));
	check(fd);
	SHOW(close(fd));
	return 0;
}
