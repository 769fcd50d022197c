/* truncate(2): shrinking, growing with zeros, following symlinks, and the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	unsigned char buf[16];
	int fd;

	umask(022);
	SHOW(chdir(test_dir("truncate", 0)));
	make_file("f", "0123456789");
	SHOW(truncate("f", 4));
	show_node("f");
	show_contents("f");
	SHOW(truncate("f", 8));
	show_node("f");
	SHOW(fd = open("f", O_RDONLY));
	memset(buf, 0xff, sizeof(buf));
	SHOW(read(fd, buf, sizeof(buf)));
	for (int i = 0; i < 8; i++)
		printf("%02x", buf[i]);
	printf("\n");
	SHOW(close(fd));
	SHOW(truncate("f", 0));
	show_node("f");
	SHOW(truncate("f", 8192));
	show_node("f");
	SHOW(truncate("f", -1));
	SHOW(truncate("missing", 0));
	SHOW(truncate("f/x", 0));
	SHOW(truncate("f/", 0));
	SHOW(truncate("", 0));
	SHOW(mkdir("d", 0755));
	SHOW(truncate("d", 0));
	SHOW(truncate("/dev/null", 0));
	SHOW(symlink("f", "link"));
	SHOW(truncate("link", 3));
	show_node("f");
	show_node("link");
	SHOW(symlink("nowhere", "dangling"));
	SHOW(truncate("dangling", 0));
	SHOW(truncate((const char *)0x1000, 0));
	SHOW(chdir("/"));
	remove_tree(test_dir("truncate", 0));
	return 0;
}
