/* select(2): readiness by set (a pipe's ends, files), EBADF for an fd that is not open,
 * the argument checks, and a timeout waited out. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static void check(const char *what, int fd, int in, int out, int ex)
{
	fd_set r, w, x;
	struct timeval tv = { 0, 0 };

	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_ZERO(&x);
	if (in)
		FD_SET(fd, &r);
	if (out)
		FD_SET(fd, &w);
	if (ex)
		FD_SET(fd, &x);
	errno = 0;
	int n = select(fd + 1, &r, &w, &x, &tv);
	printf("%s: select = %d %s read %d write %d except %d\n", what, n,
	       n < 0 ? errno_name(errno) : "", FD_ISSET(fd, &r), FD_ISSET(fd, &w),
	       FD_ISSET(fd, &x));
}

int main(void)
{
	static char big[65536];
	struct timeval tv = { 0, 0 };
	struct timespec before, after;
	fd_set r, w;
	int p[2], fd, closed;

	SHOW(chdir(test_dir("select", 0)));
	SHOW(pipe2(p, O_NONBLOCK));
	check("empty read end", p[0], 1, 1, 1);
	check("empty write end", p[1], 1, 1, 1);
	SHOW(write(p[1], big, sizeof(big)));
	check("full read end", p[0], 1, 1, 1);
	check("full write end", p[1], 1, 1, 1);
	SHOW(close(p[0]));
	check("write end, no reader", p[1], 1, 1, 1);
	SHOW(close(p[1]));
	SHOW(pipe(p));
	SHOW(close(p[1]));
	check("read end, no writer", p[0], 1, 1, 1);
	SHOW(close(p[0]));

	SHOW(fd = open("f", O_CREAT | O_RDWR, 0644));
	check("file", fd, 1, 1, 1);
	SHOW(close(fd));
	SHOW(fd = open("f", O_PATH));
	check("O_PATH", fd, 1, 1, 1);
	SHOW(close(fd));
	check("closed", fd, 1, 0, 0);
	check("closed, no set", fd, 0, 0, 0);

	/* Two fds in one set each, counted per set. */
	SHOW(pipe2(p, O_NONBLOCK));
	SHOW(write(p[1], "x", 1));
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(p[0], &r);
	FD_SET(p[1], &r);
	FD_SET(p[0], &w);
	FD_SET(p[1], &w);
	SHOW(select(p[1] + 1, &r, &w, NULL, &tv));
	printf("read %d %d write %d %d\n", FD_ISSET(p[0], &r), FD_ISSET(p[1], &r),
	       FD_ISSET(p[0], &w), FD_ISSET(p[1], &w));
	/* fds at or past nfds are not looked at. */
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	SHOW(select(p[0], &r, NULL, NULL, &tv));
	printf("read %d\n", FD_ISSET(p[0], &r));

	SHOW(select(-1, NULL, NULL, NULL, &tv));
	SHOW(syscall(SYS_select, p[0] + 1, (void *)0x1000, NULL, NULL, &tv));
	SHOW(syscall(SYS_select, 0, (void *)0x1000, NULL, NULL, &tv));
	SHOW(syscall(SYS_select, 0, NULL, NULL, NULL, (void *)0x1000));
	tv.tv_sec = -1;
	SHOW(select(0, NULL, NULL, NULL, &tv));
	tv.tv_sec = 0;
	tv.tv_usec = -1;
	SHOW(select(0, NULL, NULL, NULL, &tv));
	tv.tv_usec = 0;
	/* A closed fd inside the fd table: Linux ignores set bits beyond the
	 * table's size, which depends on what the parent had open. */
	closed = dup(p[0]);
	close(closed);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	FD_SET(closed, &r);
	SHOW(select(closed + 1, &r, NULL, NULL, &tv));
	printf("set untouched: %d\n", FD_ISSET(p[0], &r) && FD_ISSET(closed, &r));

	clock_gettime(CLOCK_MONOTONIC, &before);
	tv.tv_sec = 0;
	tv.tv_usec = 20000;
	SHOW(select(0, NULL, NULL, NULL, &tv));
	clock_gettime(CLOCK_MONOTONIC, &after);
	printf("waited at least 20 ms: %d\n",
	       (after.tv_sec - before.tv_sec) * 1000000000L + after.tv_nsec - before.tv_nsec >=
		       20000000);
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	SHOW(unlink("f"));
	SHOW(chdir("/"));
	remove_tree(test_dir("select", 0));
	return 0;
}
