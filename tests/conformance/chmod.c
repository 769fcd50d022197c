/* chmod(2), fchmod(2), fchmodat(2): permission bits change, the type stays, the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int fd, dfd;

	umask(022);
	SHOW(chdir(test_dir("chmod", 0)));
	make_file("f", "");
	SHOW(chmod("f", 0600));
	show_node("f");
	SHOW(chmod("f", 07777));
	show_node("f");
	SHOW(chmod("f", 0170644));
	show_node("f");
	SHOW(chmod("f", 0));
	show_node("f");
	show_contents("f");
	SHOW(mkdir("d", 0755));
	SHOW(chmod("d", 01700));
	show_node("d");
	SHOW(symlink("f", "link"));
	SHOW(chmod("link", 0640));
	show_node("f");
	show_node("link");
	SHOW(chmod("missing", 0644));
	SHOW(chmod("f/x", 0644));
	SHOW(chmod("f/", 0644));
	SHOW(chmod("", 0644));
	SHOW(chmod((const char *)0x1000, 0644));
	SHOW(fd = open("f", O_RDONLY));
	SHOW(fchmod(fd, 0604));
	show_node("f");
	SHOW(close(fd));
	SHOW(fchmod(fd, 0604));
	SHOW(fchmod(-1, 0604));
	SHOW(fd = open("f", O_PATH));
	SHOW(syscall(SYS_fchmod, fd, 0644)); /* musl retries through /proc */
	SHOW(close(fd));
	SHOW(dfd = open("d", O_RDONLY | O_DIRECTORY));
	make_file("d/g", "");
	SHOW(fchmodat(dfd, "g", 0700, 0));
	show_node("d/g");
	SHOW(fchmodat(AT_FDCWD, "f", 0644, 0));
	show_node("f");
	SHOW(fchmodat(dfd, "missing", 0700, 0));
	SHOW(fchmodat(99, "g", 0700, 0));
	SHOW(fchmodat(dfd, "g", 0700, 0x200));
	SHOW(fchmodat(AT_FDCWD, "link", 0700, AT_SYMLINK_NOFOLLOW));
	show_node("f");
	SHOW(close(dfd));
	SHOW(chdir("/"));
	remove_tree(test_dir("chmod", 0));
	return 0;
}
