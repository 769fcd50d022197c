/* unlinkat(2) with and without AT_REMOVEDIR, relative to directory fds. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int dfd, ffd;

	umask(022);
	SHOW(chdir(test_dir("unlinkat", 0)));
	SHOW(mkdir("base", 0755));
	SHOW(mkdir("base/d", 0755));
	make_file("base/f", "x");
	SHOW(dfd = open("base", O_RDONLY | O_DIRECTORY));
	SHOW(unlinkat(dfd, "d", 0));
	SHOW(unlinkat(dfd, "f", AT_REMOVEDIR));
	SHOW(unlinkat(dfd, "f", 1));
	SHOW(unlinkat(dfd, "f", AT_REMOVEDIR | AT_SYMLINK_NOFOLLOW));
	SHOW(unlinkat(dfd, (const char *)0x1000, 0x4000));
	SHOW(unlinkat(dfd, (const char *)0x1000, 0));
	SHOW(unlinkat(dfd, "f", 0));
	SHOW(unlinkat(dfd, "d", AT_REMOVEDIR));
	show_node("base/f");
	show_node("base/d");
	show_node("base");
	SHOW(unlinkat(dfd, "f", 0));
	SHOW(unlinkat(dfd, "d", AT_REMOVEDIR));
	SHOW(unlinkat(dfd, ".", AT_REMOVEDIR));
	SHOW(unlinkat(dfd, "..", AT_REMOVEDIR));
	SHOW(unlinkat(dfd, "", AT_REMOVEDIR));
	SHOW(unlinkat(99, "f", 0));
	SHOW(unlinkat(99, "f", AT_REMOVEDIR));
	make_file("top", "");
	SHOW(ffd = open("top", O_RDONLY));
	SHOW(unlinkat(ffd, "x", 0));
	SHOW(unlinkat(ffd, "x", AT_REMOVEDIR));
	SHOW(mkdir("sub", 0755));
	SHOW(unlinkat(AT_FDCWD, "sub", AT_REMOVEDIR));
	SHOW(unlinkat(AT_FDCWD, "top", 0));
	SHOW(close(ffd));
	SHOW(close(dfd));
	SHOW(rmdir("base"));
	SHOW(chdir("/"));
	remove_tree(test_dir("unlinkat", 0));
	return 0;
}
