/* rmdir(2): the link counts, dot and dot-dot, and the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	umask(022);
	SHOW(chdir(test_dir("rmdir", 0)));
	SHOW(mkdir("d", 0755));
	SHOW(mkdir("d/sub", 0755));
	SHOW(mkdir("e", 0755));
	show_node(".");
	show_node("d");
	SHOW(rmdir("d"));
	SHOW(rmdir("d/sub"));
	show_node("d");
	SHOW(rmdir("d/sub"));
	SHOW(rmdir("d/"));
	show_node("d");
	show_node(".");
	SHOW(rmdir("e//"));
	SHOW(rmdir("missing"));
	SHOW(rmdir("missing/x"));
	make_file("f", "x");
	SHOW(rmdir("f"));
	SHOW(rmdir("f/"));
	SHOW(rmdir("f/x"));
	SHOW(mkdir("g", 0755));
	SHOW(rmdir("g/."));
	SHOW(rmdir("g/.."));
	SHOW(rmdir("."));
	SHOW(rmdir(".."));
	SHOW(rmdir("/"));
	SHOW(rmdir(""));
	SHOW(symlink("g", "glink"));
	SHOW(rmdir("glink"));
	SHOW(rmdir("glink/"));
	show_node("g");
	show_node("glink");
	SHOW(rmdir((const char *)0x1000));
	SHOW(rmdir("g"));
	show_node(".");
	SHOW(chdir("/"));
	remove_tree(test_dir("rmdir", 0));
	return 0;
}
