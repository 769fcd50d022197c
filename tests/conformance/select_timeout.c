/* Timeouts with nothing ready: select with 20 ms returns 0 after at least 20 ms and writes
 * nothing; poll, ppoll and pselect likewise. */
#define _GNU_SOURCE
#include <poll.h>
#include <sys/select.h>
#include <time.h>
#include "check.h"

static struct timespec start;

static void begin(void)
{
	clock_gettime(CLOCK_MONOTONIC, &start);
}

static const char *waited(long ms)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	long took = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
	return took < ms ? "too short" : took > ms + 1000 ? "too long" : "ok";
}

int main(void)
{
	struct timeval tv = { 0, 20000 };
	struct timespec ts = { 0, 20000000 };
	struct pollfd pfd;
	fd_set set;
	int p[2];

	SHOW(pipe(p));
	FD_ZERO(&set);
	FD_SET(p[0], &set);
	begin();
	SHOW(select(p[0] + 1, &set, NULL, NULL, &tv));
	/* No time left to print: musl's select passes the kernel a copy of tv. */
	printf("waited %s, set %d\n", waited(20), FD_ISSET(p[0], &set));

	FD_ZERO(&set);
	FD_SET(p[0], &set);
	begin();
	SHOW(pselect(p[0] + 1, &set, NULL, NULL, &ts, NULL));
	printf("waited %s\n", waited(20));

	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	begin();
	SHOW(poll(&pfd, 1, 20));
	printf("waited %s, revents %d\n", waited(20), pfd.revents);

	begin();
	SHOW(ppoll(&pfd, 1, &ts, NULL));
	printf("waited %s, revents %d\n", waited(20), pfd.revents);

	/* Nothing at all to wait for: a sleep. */
	begin();
	SHOW(poll(NULL, 0, 30));
	printf("waited %s\n", waited(30));
	return 0;
}
