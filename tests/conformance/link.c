/* link(2): a second name for the same inode, and the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	umask(022);
	SHOW(chdir(test_dir("link", 0)));
	make_file("f", "shared");
	SHOW(link("f", "g"));
	show_node("f");
	show_node("g");
	printf("same inode: %d\n", same_inode("f", "g"));
	SHOW(mkdir("d", 0755));
	SHOW(link("f", "d/h"));
	show_node("f");
	show_contents("d/h");
	SHOW(link("f", "g"));
	SHOW(link("f", "d"));
	SHOW(link("missing", "x"));
	SHOW(link("f", "missing/x"));
	SHOW(link("f", "f/x"));
	SHOW(link("f/", "x"));
	SHOW(link("f", "x/"));
	SHOW(link("d", "dlink"));
	SHOW(link("d", "g"));
	SHOW(link(".", "x"));
	SHOW(link("", "x"));
	SHOW(link("f", ""));
	SHOW(link("f", "."));
	SHOW(symlink("f", "sym"));
	SHOW(link("sym", "symhard"));
	show_node("symhard");
	show_node("sym");
	SHOW(symlink("nowhere", "dangling"));
	SHOW(link("dangling", "dangling2"));
	show_node("dangling2");
	SHOW(link("/", "root"));
	SHOW(link((const char *)0x1000, "x"));
	SHOW(link("f", (const char *)0x1000));
	SHOW(unlink("f"));
	SHOW(unlink("g"));
	show_node("d/h");
	SHOW(chdir("/"));
	remove_tree(test_dir("link", 0));
	return 0;
}
