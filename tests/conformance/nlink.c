/* Link counts as Linux keeps them: a file has one per name, a directory two plus one per
 * subdirectory. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE 2
#endif

int main(void)
{
	umask(022);
	SHOW(chdir(test_dir("nlink", 0)));
	SHOW(mkdir("top", 0755));
	make_file("top/f", "");
	show_node("top");
	show_node("top/f");
	for (int i = 0; i < 3; i++) {
		char name[32];
		snprintf(name, sizeof(name), "top/f%d", i);
		SHOW(link("top/f", name));
		snprintf(name, sizeof(name), "top/d%d", i);
		SHOW(mkdir(name, 0755));
	}
	show_node("top");
	show_node("top/f");
	SHOW(unlink("top/f1"));
	SHOW(rmdir("top/d1"));
	show_node("top");
	show_node("top/f");
	SHOW(rename("top/f0", "top/f"));
	show_node("top/f");
	SHOW(rename("top/d0", "top/d2"));
	show_node("top");
	SHOW(mkdir("other", 0755));
	SHOW(mkdir("other/x", 0755));
	SHOW(rename("top/d2", "other/x"));
	show_node("top");
	show_node("other");
	SHOW(mkdir("top/back", 0755));
	SHOW(syscall(SYS_renameat2, AT_FDCWD, "top/back", AT_FDCWD, "other/x", RENAME_EXCHANGE));
	show_node("top");
	show_node("other");
	SHOW(syscall(SYS_renameat2, AT_FDCWD, "top/f", AT_FDCWD, "other/x", RENAME_EXCHANGE));
	show_node("top");
	show_node("other");
	show_node("top/f");
	show_node("other/x");
	SHOW(chdir("/"));
	remove_tree(test_dir("nlink", 0));
	return 0;
}
