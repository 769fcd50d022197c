/* unlink(2): names go, inodes stay while other names remain, and the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	umask(022);
	SHOW(chdir(test_dir("unlink", 0)));
	make_file("f", "data");
	SHOW(link("f", "g"));
	show_node("f");
	SHOW(unlink("f"));
	show_node("f");
	show_node("g");
	show_contents("g");
	SHOW(unlink("f"));
	SHOW(unlink("g/"));
	SHOW(unlink("g/x"));
	SHOW(unlink("missing/"));
	SHOW(unlink("missing/x"));
	SHOW(mkdir("d", 0755));
	SHOW(unlink("d"));
	SHOW(unlink("d/"));
	SHOW(unlink("d/."));
	SHOW(unlink("."));
	SHOW(unlink(".."));
	SHOW(unlink("/"));
	SHOW(unlink(""));
	SHOW(symlink("g", "link"));
	SHOW(symlink("d", "dirlink"));
	SHOW(unlink("dirlink/"));
	SHOW(unlink("link/"));
	SHOW(unlink("link"));
	show_node("link");
	show_node("g");
	SHOW(unlink("dirlink"));
	show_node("d");
	SHOW(symlink("nowhere", "dangling"));
	SHOW(unlink("dangling"));
	SHOW(unlink((const char *)0x1000));
	SHOW(unlink("g"));
	SHOW(rmdir("d"));
	SHOW(chdir("/"));
	remove_tree(test_dir("unlink", 0));
	return 0;
}
