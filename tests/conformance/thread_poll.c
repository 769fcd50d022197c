/* poll, ppoll, select and pselect without a timeout (and poll with a long one) wake when
 * another thread writes to a pipe or an eventfd. */
#define _GNU_SOURCE
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include "check.h"

static int p[2], efd;

static void *later_write(void *arg)
{
	usleep(20000);
	if ((intptr_t)arg) {
		uint64_t v = 3;
		write(efd, &v, 8);
	} else {
		write(p[1], "x", 1);
	}
	return NULL;
}

static void *later_close(void *arg)
{
	(void)arg;
	usleep(20000);
	close(p[1]);
	return NULL;
}

static void after(pthread_t *t, int which)
{
	pthread_create(t, NULL, later_write, (void *)(intptr_t)which);
}

int main(void)
{
	struct pollfd pfd[2];
	struct timespec ts = { 10, 0 };
	pthread_t t;
	fd_set set;
	char c;
	uint64_t v;

	SHOW(pipe(p));
	SHOW(efd = eventfd(0, 0));
	pfd[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = efd, .events = POLLIN };

	after(&t, 0);
	SHOW(poll(pfd, 2, -1));
	printf("revents %#x %#x\n", pfd[0].revents, pfd[1].revents);
	pthread_join(t, NULL);
	SHOW(read(p[0], &c, 1));

	after(&t, 1);
	SHOW(poll(pfd, 2, 10000));
	printf("revents %#x %#x\n", pfd[0].revents, pfd[1].revents);
	pthread_join(t, NULL);
	SHOW(read(efd, &v, 8));

	after(&t, 0);
	SHOW(ppoll(pfd, 2, &ts, NULL));
	printf("revents %#x %#x\n", pfd[0].revents, pfd[1].revents);
	pthread_join(t, NULL);
	SHOW(read(p[0], &c, 1));

	after(&t, 1);
	FD_ZERO(&set);
	FD_SET(p[0], &set);
	FD_SET(efd, &set);
	SHOW(select(efd + 1, &set, NULL, NULL, NULL));
	printf("pipe %d eventfd %d\n", FD_ISSET(p[0], &set), FD_ISSET(efd, &set));
	pthread_join(t, NULL);
	SHOW(read(efd, &v, 8));

	after(&t, 0);
	FD_ZERO(&set);
	FD_SET(p[0], &set);
	FD_SET(efd, &set);
	SHOW(pselect(efd + 1, &set, NULL, NULL, NULL, NULL));
	printf("pipe %d eventfd %d\n", FD_ISSET(p[0], &set), FD_ISSET(efd, &set));
	pthread_join(t, NULL);
	SHOW(read(p[0], &c, 1));

	/* The write end closes: POLLHUP. */
	pthread_create(&t, NULL, later_close, NULL);
	SHOW(poll(pfd, 1, -1));
	printf("revents %#x\n", pfd[0].revents);
	pthread_join(t, NULL);
	return 0;
}
