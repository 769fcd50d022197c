/* fsync(2) and fdatasync(2): nothing to do on a RAM file system, but the fd is checked. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int fd, dfd, nfd, pfd;

	umask(022);
	SHOW(chdir(test_dir("fsync", 1)));
	SHOW(fd = open("f", O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "data", 4));
	SHOW(fsync(fd));
	SHOW(fdatasync(fd));
	SHOW(close(fd));
	SHOW(fd = open("f", O_RDONLY));
	SHOW(fsync(fd));
	SHOW(fdatasync(fd));
	SHOW(close(fd));
	SHOW(dfd = open(".", O_RDONLY | O_DIRECTORY));
	SHOW(fsync(dfd));
	SHOW(fdatasync(dfd));
	SHOW(close(dfd));
	SHOW(nfd = open("/dev/null", O_WRONLY));
	SHOW(fsync(nfd));
	SHOW(fdatasync(nfd));
	SHOW(close(nfd));
	SHOW(pfd = open("f", O_PATH));
	SHOW(fsync(pfd));
	SHOW(close(pfd));
	SHOW(fsync(99));
	SHOW(fdatasync(-1));
	SHOW(fsync(fd));
	SHOW(unlink("f"));
	SHOW(chdir("/"));
	remove_tree(test_dir("fsync", 1));
	return 0;
}
