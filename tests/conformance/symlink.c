/* symlink(2) and symlinkat(2): what a link holds, resolving through it, and the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[64];
	int dfd;

	umask(077);
	SHOW(chdir(test_dir("symlink", 0)));
	SHOW(mkdir("d", 0755));
	make_file("d/f", "through");
	SHOW(symlink("d/f", "rel"));
	show_node("rel");
	show_contents("rel");
	SHOW(symlink("f", "d/inner"));
	show_contents("d/inner");
	SHOW(symlink("d", "dirlink"));
	show_contents("dirlink/f");
	show_contents("dirlink/inner");
	SHOW(symlink("../symlink-nowhere/x", "d/dangling"));
	show_contents("d/dangling");
	SHOW(symlink("anything", "rel"));
	SHOW(symlink("anything", "d"));
	SHOW(symlink("anything", "d/f/x"));
	SHOW(symlink("anything", "missing/x"));
	SHOW(symlink("anything", "new/"));
	SHOW(symlink("", "empty"));
	SHOW(symlink("anything", ""));
	SHOW(symlink("anything", "."));
	SHOW(symlink("anything", "rel/"));
	SHOW(symlink("a/b/../../c", "odd"));
	SHOW(readlink("odd", buf, sizeof(buf)));
	SHOW(dfd = open("d", O_RDONLY | O_DIRECTORY));
	SHOW(symlinkat("f", dfd, "at"));
	show_contents("d/at");
	SHOW(symlinkat("f", AT_FDCWD, "cwdat"));
	show_node("cwdat");
	SHOW(symlinkat("f", 99, "x"));
	SHOW(symlinkat("f", dfd, "at"));
	SHOW(close(dfd));
	SHOW(symlink("self", "self"));
	show_contents("self");
	SHOW(symlink("ping", "pong"));
	SHOW(symlink("pong", "ping"));
	show_contents("ping");
	show_contents("ping/x");
	SHOW(symlink((const char *)0x1000, "x"));
	SHOW(symlink("x", (const char *)0x1000));

	char *longest = malloc(4097);
	memset(longest, 'a', 4095);
	longest[4095] = 0;
	SHOW(symlink(longest, "long"));
	SHOW(readlink("long", buf, sizeof(buf)));
	longest[4095] = 'a';
	longest[4096] = 0;
	SHOW(symlink(longest, "toolong"));
	free(longest);
	SHOW(chdir("/"));
	remove_tree(test_dir("symlink", 0));
	return 0;
}
