/* dup3(2): O_CLOEXEC, equal fds refused, bad flags refused. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

/* The system call itself: musl's dup3() takes dup2() when O_CLOEXEC is not asked for. */
static long sys_dup3(int oldfd, int newfd, int flags)
{
	return syscall(SYS_dup3, oldfd, newfd, flags);
}

int main(void)
{
	int a, b;

	umask(022);
	SHOW(chdir(test_dir("dup3", 0)));
	make_file("f", "x");
	SHOW(a = open("f", O_RDONLY));
	SHOW(b = open("f", O_RDONLY));
	SHOW(sys_dup3(a, b, O_CLOEXEC));
	SHOW(fcntl(b, F_GETFD));
	SHOW(sys_dup3(a, b, 0));
	SHOW(fcntl(b, F_GETFD));
	SHOW(sys_dup3(a, 50, O_CLOEXEC));
	SHOW(fcntl(50, F_GETFD));
	SHOW(close(50));
	SHOW(sys_dup3(a, a, 0));
	SHOW(sys_dup3(a, a, O_CLOEXEC));
	SHOW(sys_dup3(a, b, O_NONBLOCK));
	SHOW(sys_dup3(a, b, 1));
	SHOW(sys_dup3(a, -1, 0));
	SHOW(sys_dup3(a, 0x7fffffff, 0));
	SHOW(sys_dup3(99, b, 0));
	SHOW(sys_dup3(99, 99, 0));
	SHOW(sys_dup3(99, 99, O_NONBLOCK));
	SHOW(close(a));
	SHOW(close(b));
	SHOW(chdir("/"));
	remove_tree(test_dir("dup3", 0));
	return 0;
}
