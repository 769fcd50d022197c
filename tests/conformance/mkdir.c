/* mkdir(2): modes under the umask, link counts, and the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	umask(022);
	SHOW(chdir(test_dir("mkdir", 0)));
	SHOW(mkdir("d", 0777));
	show_node("d");
	show_node(".");
	SHOW(mkdir("d", 0777));
	SHOW(mkdir("d/", 0777));
	SHOW(mkdir("e/", 0700));
	SHOW(mkdir("e//", 0700));
	show_node("e");
	SHOW(mkdir("d/sub", 0750));
	SHOW(mkdir("d/sub/../sub2", 0750));
	show_node("d");
	show_node(".");
	SHOW(mkdir("missing/x", 0777));
	make_file("f", "x");
	SHOW(mkdir("f", 0777));
	SHOW(mkdir("f/", 0777));
	SHOW(mkdir("f/x", 0777));
	SHOW(mkdir(".", 0777));
	SHOW(mkdir("..", 0777));
	SHOW(mkdir("d/.", 0777));
	SHOW(mkdir("/", 0777));
	SHOW(mkdir("", 0777));
	SHOW(symlink("nowhere", "dangling"));
	SHOW(mkdir("dangling", 0777));
	SHOW(mkdir("dangling/", 0777));
	show_node("nowhere");
	SHOW(symlink("d", "dirlink"));
	SHOW(mkdir("dirlink/viasym", 0755));
	show_node("d/viasym");
	SHOW(mkdir("modes", 07777));
	show_node("modes");
	umask(0);
	SHOW(mkdir("open", 0777));
	show_node("open");
	umask(077);
	SHOW(mkdir("private", 0777));
	show_node("private");
	umask(022);
	SHOW(mkdir((const char *)0x1000, 0777));
	SHOW(chdir("/"));
	remove_tree(test_dir("mkdir", 0));
	return 0;
}
