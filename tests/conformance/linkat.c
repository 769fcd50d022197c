/* linkat(2): AT_SYMLINK_FOLLOW, AT_EMPTY_PATH, directory fds and bad flags. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int dfd, fd;

	umask(022);
	SHOW(chdir(test_dir("linkat", 0)));
	make_file("f", "target");
	SHOW(symlink("f", "sym"));
	SHOW(mkdir("d", 0755));
	SHOW(dfd = open("d", O_RDONLY | O_DIRECTORY));
	SHOW(linkat(AT_FDCWD, "sym", dfd, "nofollow", 0));
	show_node("d/nofollow");
	SHOW(linkat(AT_FDCWD, "sym", dfd, "follow", AT_SYMLINK_FOLLOW));
	show_node("d/follow");
	show_node("f");
	SHOW(linkat(dfd, "follow", AT_FDCWD, "back", 0));
	show_node("back");
	SHOW(fd = open("f", O_RDONLY));
	SHOW(linkat(fd, "", dfd, "empty", AT_EMPTY_PATH));
	show_node("d/empty");
	SHOW(linkat(fd, "", dfd, "empty2", 0));
	SHOW(linkat(fd, "x", dfd, "empty2", AT_EMPTY_PATH));
	SHOW(linkat(dfd, "", AT_FDCWD, "dirlink", AT_EMPTY_PATH));
	SHOW(linkat(AT_FDCWD, "", AT_FDCWD, "cwdlink", AT_EMPTY_PATH));
	SHOW(linkat(AT_FDCWD, "f", AT_FDCWD, "x", 0x200));
	SHOW(linkat(AT_FDCWD, "f", AT_FDCWD, "x", AT_SYMLINK_NOFOLLOW));
	SHOW(linkat(AT_FDCWD, "f", AT_FDCWD, "x", -1));
	SHOW(linkat(99, "f", AT_FDCWD, "x", 0));
	SHOW(linkat(AT_FDCWD, "f", 99, "x", 0));
	SHOW(linkat(fd, "f", AT_FDCWD, "x", 0));
	SHOW(linkat(AT_FDCWD, "f", fd, "x", 0));
	SHOW(linkat(99, "", AT_FDCWD, "x", AT_EMPTY_PATH));
	SHOW(linkat(AT_FDCWD, "f", dfd, "follow", 0));
	SHOW(symlink("loop", "loop"));
	SHOW(linkat(AT_FDCWD, "loop", AT_FDCWD, "x", AT_SYMLINK_FOLLOW));
	SHOW(linkat(AT_FDCWD, "loop", AT_FDCWD, "x", 0));
	show_node("x");
	SHOW(close(fd));
	SHOW(close(dfd));
	SHOW(chdir("/"));
	remove_tree(test_dir("linkat", 0));
	return 0;
}
