/* ppoll(2): a timespec timeout (NULL: none) checked before the signal mask, and the mask's
 * size and pointer. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	struct timespec zero = { 0, 0 }, bad_nsec = { 0, 1000000000 }, negative = { -1, 0 };
	struct timespec short_wait = { 0, 5000000 }, before, after;
	struct pollfd pfd;
	sigset_t set;
	int p[2];

	sigemptyset(&set);
	SHOW(pipe(p));
	pfd.fd = p[1];
	pfd.events = POLLOUT;
	SHOW(ppoll(&pfd, 1, NULL, NULL));
	printf("revents %s\n", poll_names(pfd.revents));
	pfd.fd = p[0];
	pfd.events = POLLIN;
	SHOW(ppoll(&pfd, 1, &zero, &set));
	printf("revents %s\n", poll_names(pfd.revents));
	clock_gettime(CLOCK_MONOTONIC, &before);
	SHOW(ppoll(&pfd, 1, &short_wait, NULL));
	clock_gettime(CLOCK_MONOTONIC, &after);
	printf("waited at least 5 ms: %d\n",
	       (after.tv_sec - before.tv_sec) * 1000000000L + after.tv_nsec - before.tv_nsec >=
		       5000000);
	SHOW(write(p[1], "x", 1));
	SHOW(ppoll(&pfd, 1, NULL, &set));
	printf("revents %s\n", poll_names(pfd.revents));

	SHOW(syscall(SYS_ppoll, &pfd, 1, &bad_nsec, NULL, 8));
	SHOW(syscall(SYS_ppoll, &pfd, 1, &negative, NULL, 8));
	SHOW(syscall(SYS_ppoll, &pfd, 1, (void *)0x1000, NULL, 8));
	SHOW(syscall(SYS_ppoll, &pfd, 1, &zero, &set, 4));
	SHOW(syscall(SYS_ppoll, &pfd, 1, &zero, &set, 16));
	SHOW(syscall(SYS_ppoll, &pfd, 1, &zero, NULL, 4));
	SHOW(syscall(SYS_ppoll, &pfd, 1, &zero, (void *)0x1000, 8));
	SHOW(syscall(SYS_ppoll, &pfd, 1, &bad_nsec, &set, 4));
	SHOW(syscall(SYS_ppoll, (void *)0x1000, 1, &zero, &set, 8));
	SHOW(syscall(SYS_ppoll, &pfd, 1, &zero, &set, 8));

	/* The mask is the one in force only while ppoll runs. */
	sigset_t blocked, now;
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGUSR1);
	SHOW(sigprocmask(SIG_BLOCK, &blocked, NULL));
	SHOW(ppoll(&pfd, 1, &zero, &set));
	SHOW(sigprocmask(SIG_BLOCK, NULL, &now));
	printf("SIGUSR1 still blocked: %d\n", sigismember(&now, SIGUSR1));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	return 0;
}
