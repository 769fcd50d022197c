/* mkdirat(2): relative to a directory fd, to the cwd, and the fd errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char abs[512];
	int dfd, ffd;

	umask(022);
	const char *dir = test_dir("mkdirat", 0);
	SHOW(chdir(dir));
	SHOW(mkdir("base", 0755));
	SHOW(dfd = open("base", O_RDONLY | O_DIRECTORY));
	SHOW(mkdirat(dfd, "a", 0700));
	show_node("base/a");
	SHOW(mkdirat(dfd, "a/b", 0700));
	show_node("base/a/b");
	SHOW(mkdirat(AT_FDCWD, "c", 0755));
	show_node("c");
	snprintf(abs, sizeof(abs), "%s/absolute", dir);
	SHOW(mkdirat(dfd, abs, 0755));
	SHOW(mkdirat(-1, abs, 0755));
	show_node("absolute");
	SHOW(mkdirat(dfd, "a", 0755));
	SHOW(mkdirat(dfd, "", 0755));
	SHOW(mkdirat(99, "x", 0755));
	SHOW(mkdirat(-1, "x", 0755));
	make_file("file", "");
	SHOW(ffd = open("file", O_RDONLY));
	SHOW(mkdirat(ffd, "x", 0755));
	SHOW(mkdirat(ffd, abs, 0755));
	SHOW(close(ffd));
	SHOW(close(dfd));
	SHOW(mkdirat(dfd, "x", 0755));
	show_node("base");
	SHOW(chdir("/"));
	remove_tree(dir);
	return 0;
}
