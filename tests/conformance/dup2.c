/* dup2(2): onto a chosen fd, closing what was there; equal fds; the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[8] = { 0 };
	int a, b;

	umask(022);
	SHOW(chdir(test_dir("dup2", 0)));
	make_file("one", "1");
	make_file("two", "2");
	SHOW(a = open("one", O_RDONLY | O_CLOEXEC));
	SHOW(b = open("two", O_RDONLY));
	SHOW(dup2(a, b));
	SHOW(read(b, buf, sizeof(buf) - 1));
	printf("b now reads %s\n", buf);
	SHOW(fcntl(b, F_GETFD));
	SHOW(dup2(a, a));
	SHOW(fcntl(a, F_GETFD));
	SHOW(dup2(a, 100));
	SHOW(fcntl(100, F_GETFD));
	SHOW(close(100));
	SHOW(dup2(a, 1023));
	SHOW(close(1023));
	SHOW(dup2(a, -1));
	SHOW(dup2(a, 0x7fffffff));
	SHOW(dup2(99, 99));
	SHOW(dup2(99, a));
	SHOW(dup2(-1, a));
	SHOW(close(a));
	SHOW(dup2(a, a));
	SHOW(close(b));
	SHOW(chdir("/"));
	remove_tree(test_dir("dup2", 0));
	return 0;
}
