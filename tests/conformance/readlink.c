/* readlink(2) and readlinkat(2): no NUL, truncation, and the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[64];
	int dfd;

	umask(022);
	SHOW(chdir(test_dir("readlink", 0)));
	SHOW(mkdir("d", 0755));
	make_file("d/f", "x");
	SHOW(symlink("d/f", "link"));
	SHOW(symlink("d", "dirlink"));
	memset(buf, '#', sizeof(buf));
	SHOW(readlink("link", buf, sizeof(buf)));
	printf("buf: %.8s\n", buf);
	memset(buf, '#', sizeof(buf));
	SHOW(readlink("link", buf, 2));
	printf("buf: %.8s\n", buf);
	SHOW(syscall(SYS_readlink, "link", buf, 0));
	SHOW(syscall(SYS_readlink, "link", buf, -1));
	SHOW(syscall(SYS_readlink, "missing", buf, 0));
	SHOW(readlink("d/f", buf, sizeof(buf)));
	SHOW(readlink("d", buf, sizeof(buf)));
	SHOW(readlink("missing", buf, sizeof(buf)));
	SHOW(readlink("d/f/x", buf, sizeof(buf)));
	SHOW(readlink("", buf, sizeof(buf)));
	SHOW(readlink("link/", buf, sizeof(buf)));
	SHOW(readlink("dirlink/", buf, sizeof(buf)));
	SHOW(readlink("dirlink", buf, sizeof(buf)));
	SHOW(readlink("link", (char *)0x1000, sizeof(buf)));
	SHOW(readlink((const char *)0x1000, buf, sizeof(buf)));
	SHOW(symlink("self", "self"));
	SHOW(readlink("self", buf, sizeof(buf)));
	SHOW(readlink("self/", buf, sizeof(buf)));
	SHOW(readlink("self/x", buf, sizeof(buf)));
	SHOW(dfd = open("d", O_RDONLY | O_DIRECTORY));
	SHOW(symlink("f", "d/inner"));
	memset(buf, 0, sizeof(buf));
	SHOW(readlinkat(dfd, "inner", buf, sizeof(buf)));
	printf("buf: %s\n", buf);
	SHOW(readlinkat(dfd, "", buf, sizeof(buf)));
	SHOW(readlinkat(dfd, "f", buf, sizeof(buf)));
	SHOW(readlinkat(99, "inner", buf, sizeof(buf)));
	SHOW(readlinkat(AT_FDCWD, "d/inner", buf, sizeof(buf)));
	SHOW(close(dfd));
	SHOW(chdir("/"));
	remove_tree(test_dir("readlink", 0));
	return 0;
}
