/* ELOOP: symlink loops in the middle of a path, and a loop as the last component (which the
 * name calls do not follow). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[16];
	struct stat st;

	umask(022);
	SHOW(chdir(test_dir("eloop", 0)));
	SHOW(symlink("a", "b"));
	SHOW(symlink("b", "a"));
	SHOW(mkdir("a/x", 0755));
	SHOW(mkdir("a", 0755));
	SHOW(rmdir("a/x"));
	SHOW(unlink("a/x"));
	SHOW(rename("a/x", "y"));
	SHOW(rename("b", "a/y"));
	SHOW(link("a/x", "y"));
	SHOW(link("a", "y"));
	show_node("y");
	SHOW(symlink("t", "a/x"));
	SHOW(readlink("a/x", buf, sizeof(buf)));
	SHOW(readlink("a", buf, sizeof(buf)));
	SHOW(truncate("a", 0));
	SHOW(chmod("a", 0644));
	SHOW(stat("a", &st));
	SHOW(lstat("a", &st));
	SHOW(lstat("a/", &st));
	SHOW(utimensat(AT_FDCWD, "a", NULL, 0));
	SHOW(utimensat(AT_FDCWD, "a", NULL, AT_SYMLINK_NOFOLLOW));
	SHOW(unlink("a"));
	SHOW(rename("b", "c"));
	show_node("c");
	SHOW(unlink("c"));
	SHOW(unlink("y"));
	SHOW(chdir("/"));
	remove_tree(test_dir("eloop", 0));
	return 0;
}
