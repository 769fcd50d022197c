/* Waits that only this very thread could end: while the app has one thread, no signal handler
 * and no interval timer they fail with EDEADLK (logged once each) instead of hanging, as Linux
 * would (with a handler they wait for it: tests/conformance/signal_eintr.c); with another thread they
 * wait (tests/conformance/thread_pipe_*.c, thread_eventfd.c, thread_poll.c). Console input is the exception: only
 * the host knows when it comes, so a wait without end takes it as readable. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <unistd.h>

static char big[100000];

#define SHOW(expr)                                                                                 \
	do {                                                                                       \
		errno = 0;                                                                         \
		long value_ = (long)(expr);                                                        \
		printf("%s = %ld%s%s\n", #expr, value_, value_ < 0 ? " " : "",                    \
		       value_ < 0 ? strerror(errno) : "");                                        \
	} while (0)

int main(void)
{
	struct pollfd pfd;
	uint64_t count;
	fd_set set;
	int p[2], efd, file;

	SHOW(pipe(p));
	SHOW(read(p[0], big, 10));
	SHOW(read(p[0], big, 10));
	SHOW(write(p[1], big, sizeof(big)));
	SHOW(write(p[1], big, 1));
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(close(p[1]));
	SHOW(read(p[0], big, 10));
	SHOW(close(p[0]));

	SHOW(efd = eventfd(0, 0));
	SHOW(read(efd, &count, sizeof(count)));
	count = UINT64_MAX - 1;
	SHOW(write(efd, &count, sizeof(count)));
	SHOW(write(efd, &count, sizeof(count)));
	SHOW(close(efd));

	SHOW(pipe(p));
	SHOW(poll(NULL, 0, -1));
	pfd.fd = p[0];
	pfd.events = POLLIN;
	SHOW(poll(&pfd, 1, -1));
	FD_ZERO(&set);
	FD_SET(p[0], &set);
	SHOW(select(p[0] + 1, &set, NULL, NULL, NULL));
	file = open("/tmp/would_block", O_CREAT | O_RDWR, 0644);
	SHOW(write(file, big, sizeof(big)));
	SHOW(write(p[1], big, 65536));
	SHOW(sendfile(p[1], file, NULL, 10));
	SHOW(close(file));
	SHOW(close(p[0]));
	SHOW(close(p[1]));

	pfd.fd = 0;
	pfd.events = POLLIN;
	SHOW(poll(&pfd, 1, 0));
	SHOW(poll(&pfd, 1, -1));
	printf("revents %s\n", pfd.revents == POLLIN ? "POLLIN" : "?");
	pfd.fd = 1;
	pfd.events = POLLIN | POLLOUT;
	SHOW(poll(&pfd, 1, 0));
	printf("revents %s\n", pfd.revents == POLLOUT ? "POLLOUT" : "?");
	return 0;
}
