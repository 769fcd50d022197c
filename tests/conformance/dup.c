/* dup(2): the lowest free fd, one open file description (shared offset and flags), no
 * close-on-exec. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int fd, copy, copy2;

	umask(022);
	SHOW(chdir(test_dir("dup", 0)));
	SHOW(fd = open("f", O_CREAT | O_RDWR | O_CLOEXEC, 0644));
	SHOW(copy = dup(fd));
	SHOW(fcntl(fd, F_GETFD));
	SHOW(fcntl(copy, F_GETFD));
	SHOW(write(fd, "abc", 3));
	SHOW(lseek(copy, 0, SEEK_CUR));
	SHOW(lseek(copy, 1, SEEK_SET));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(fcntl(copy, F_SETFL, O_APPEND));
	SHOW(fcntl(fd, F_GETFL) & O_APPEND);
	SHOW(close(fd));
	SHOW(write(copy, "d", 1));
	SHOW(copy2 = dup(copy));
	SHOW(copy2 == fd);
	SHOW(close(copy));
	SHOW(close(copy2));
	show_contents("f");
	SHOW(dup(fd));
	SHOW(dup(-1));
	SHOW(dup(99999));
	SHOW(fd = open(".", O_PATH));
	SHOW(copy = dup(fd));
	SHOW(close(copy));
	SHOW(close(fd));
	SHOW(unlink("f"));
	SHOW(chdir("/"));
	remove_tree(test_dir("dup", 0));
	return 0;
}
