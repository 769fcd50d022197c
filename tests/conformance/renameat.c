/* renameat(2): both names relative to directory fds. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int d1, d2, ffd;

	umask(022);
	SHOW(chdir(test_dir("renameat", 0)));
	SHOW(mkdir("one", 0755));
	SHOW(mkdir("two", 0755));
	make_file("one/f", "moving");
	SHOW(d1 = open("one", O_RDONLY | O_DIRECTORY));
	SHOW(d2 = open("two", O_RDONLY | O_DIRECTORY));
	SHOW(renameat(d1, "f", d2, "g"));
	show_contents("two/g");
	SHOW(renameat(d2, "g", AT_FDCWD, "top"));
	show_contents("top");
	SHOW(renameat(AT_FDCWD, "top", d1, "back"));
	show_contents("one/back");
	SHOW(renameat(99, "back", d2, "x"));
	SHOW(renameat(d1, "back", 99, "x"));
	SHOW(ffd = open("one/back", O_RDONLY));
	SHOW(renameat(ffd, "x", d2, "x"));
	SHOW(renameat(d1, "back", ffd, "x"));
	SHOW(renameat(d1, "missing", d2, "x"));
	SHOW(renameat(d1, "", d2, "x"));
	SHOW(renameat(d1, "back", d2, ""));
	SHOW(close(ffd));
	SHOW(rename("one", "uno"));
	SHOW(renameat(d1, "back", d2, "after"));
	show_contents("two/after");
	SHOW(close(d1));
	SHOW(close(d2));
	SHOW(chdir("/"));
	remove_tree(test_dir("renameat", 0));
	return 0;
}
