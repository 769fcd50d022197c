/* rename(2) of files and symlinks: replacing, no-ops, and the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[16] = { 0 };
	struct stat st;
	int fd;

	umask(022);
	SHOW(chdir(test_dir("rename", 0)));
	make_file("a", "first");
	make_file("c", "victim");
	SHOW(rename("a", "b"));
	show_node("a");
	show_contents("b");
	SHOW(fd = open("c", O_RDONLY));
	SHOW(rename("b", "c"));
	show_node("b");
	show_contents("c");
	SHOW(fstat(fd, &st));
	printf("replaced file: nlink %ld\n", (long)st.st_nlink);
	SHOW(read(fd, buf, sizeof(buf) - 1));
	printf("replaced file still reads: %s\n", buf);
	SHOW(close(fd));
	SHOW(rename("c", "c"));
	show_contents("c");
	SHOW(link("c", "hard"));
	SHOW(rename("c", "hard"));
	show_node("c");
	show_node("hard");
	SHOW(rename("hard", "./c"));
	show_node("c");
	SHOW(rename("missing", "x"));
	SHOW(rename("c", "missing/x"));
	SHOW(rename("missing/x", "y"));
	SHOW(rename("c", "c/x"));
	SHOW(rename("c/", "x"));
	SHOW(rename("c", "x/"));
	SHOW(rename("", "x"));
	SHOW(rename("c", ""));
	SHOW(rename(".", "x"));
	SHOW(rename("..", "x"));
	SHOW(rename("c", "."));
	SHOW(rename("c", ".."));
	SHOW(rename("/", "x"));
	SHOW(rename("c", "/"));
	SHOW(symlink("c", "link"));
	SHOW(rename("link", "link2"));
	show_node("link2");
	show_contents("link2");
	SHOW(symlink("nowhere", "dangling"));
	SHOW(rename("dangling", "c2"));
	show_node("c2");
	SHOW(rename("c", "link2"));
	show_node("link2");
	SHOW(rename((const char *)0x1000, "x"));
	SHOW(rename("link2", (const char *)0x1000));
	show_node("link2");
	SHOW(chdir("/"));
	remove_tree(test_dir("rename", 0));
	return 0;
}
