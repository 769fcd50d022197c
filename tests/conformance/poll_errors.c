/* poll(2)'s argument checks: too many fds, arrays it cannot read or write back; and its
 * timeouts: 0 returns at once, a finite one is waited out. */
#include <limits.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

int main(void)
{
	struct pollfd pfd = { 1, POLLOUT, 0 };
	struct timespec start;

	SHOW(syscall(SYS_poll, &pfd, UINT_MAX, 0));
	SHOW(syscall(SYS_poll, &pfd, 0x7fffffff, 0));
	SHOW(syscall(SYS_poll, &pfd, 0x100000000UL + 1, 0));
	SHOW(syscall(SYS_poll, 0x1000, 1, 0));
	SHOW(syscall(SYS_poll, 0x1000, 0, 0));
	SHOW(poll(NULL, 0, 0));
	struct pollfd *ro = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				 -1, 0);
	ro[0] = pfd;
	SHOW(mprotect(ro, 4096, PROT_READ));
	SHOW(poll(ro, 1, 0));
	SHOW(munmap(ro, 4096));
	/* The last entry runs off the end of the mapping. */
	struct pollfd *edge = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(munmap((char *)edge + 4096, 4096));
	edge[4096 / sizeof(*edge) - 1] = pfd;
	SHOW(poll(&edge[4096 / sizeof(*edge) - 1], 1, 0));
	SHOW(syscall(SYS_poll, &edge[4096 / sizeof(*edge) - 1], 2, 0));
	SHOW(munmap(edge, 4096));

	clock_gettime(CLOCK_MONOTONIC, &start);
	SHOW(poll(NULL, 0, 30));
	printf("waited at least 30 ms: %d\n", elapsed_ms(&start) >= 30);
	pfd.fd = -1;
	clock_gettime(CLOCK_MONOTONIC, &start);
	SHOW(poll(&pfd, 1, 20));
	printf("waited at least 20 ms: %d, revents %s\n", elapsed_ms(&start) >= 20,
	       poll_names(pfd.revents));
	pfd.fd = 1;
	clock_gettime(CLOCK_MONOTONIC, &start);
	SHOW(poll(&pfd, 1, 10000));
	printf("returned at once: %d\n", elapsed_ms(&start) < 5000);
	return 0;
}
