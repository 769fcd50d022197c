/* poll(2) on the two ends of a pipe as it fills, empties and loses an end; only the events
 * asked for are reported, but for POLLERR, POLLHUP and POLLNVAL. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include "check.h"

static char big[65536];

static void check(int r, int w, short events)
{
	struct pollfd fds[2] = { { r, events, 0 }, { w, events, 0 } };

	errno = 0;
	int n = poll(fds, 2, 0);
	printf("poll = %d %s: read end %s", n, n < 0 ? errno_name(errno) : "",
	       poll_names(fds[0].revents));
	printf(", write end %s\n", poll_names(fds[1].revents));
}

int main(void)
{
	short all = POLLIN | POLLOUT | POLLPRI | POLLRDNORM | POLLWRNORM | POLLRDBAND | POLLWRBAND;
	int p[2];

	SHOW(pipe2(p, O_NONBLOCK));
	check(p[0], p[1], all);
	SHOW(write(p[1], "x", 1));
	check(p[0], p[1], all);
	check(p[0], p[1], POLLIN);
	check(p[0], p[1], POLLOUT);
	check(p[0], p[1], 0);
	SHOW(write(p[1], big, sizeof(big)));
	check(p[0], p[1], all);
	SHOW(read(p[0], big, 100));
	check(p[0], p[1], all);
	SHOW(read(p[0], big, 4096));
	check(p[0], p[1], all);
	SHOW(close(p[1]));
	check(p[0], -1, all);
	check(p[0], -1, 0);
	SHOW(read(p[0], big, sizeof(big)));
	check(p[0], -1, all);
	SHOW(close(p[0]));

	SHOW(pipe2(p, O_NONBLOCK));
	SHOW(close(p[0]));
	check(-1, p[1], all);
	check(-1, p[1], 0);
	check(p[0], p[1], POLLIN);
	SHOW(close(p[1]));
	return 0;
}
