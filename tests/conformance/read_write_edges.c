/* read(2) and write(2) at the edges: zero bytes, the wrong access mode, a directory, a
 * count larger than the file, and a count that does not fit ssize_t. */
#include <fcntl.h>
#include <limits.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("read-write-edges", 0);
	char path[300], buf[64] = { 0 };
	int fd, ro, wo, dfd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, buf, 0));
	SHOW(write(fd, "abc", 3));
	SHOW(read(fd, buf, 0));
	SHOW(read(fd, buf, sizeof(buf)));
	SHOW(lseek(fd, 0, SEEK_SET));
	SHOW(read(fd, buf, sizeof(buf)));
	SHOW(read(fd, buf, sizeof(buf)));
	SHOW(ro = open(path, O_RDONLY));
	SHOW(write(ro, "x", 1));
	SHOW(write(ro, "x", 0));
	SHOW(wo = open(path, O_WRONLY));
	SHOW(read(wo, buf, 1));
	SHOW(read(wo, buf, 0));
	SHOW(dfd = open(dir, O_RDONLY | O_DIRECTORY));
	SHOW(read(dfd, buf, 1));
	SHOW(read(dfd, buf, 0));
	SHOW(write(dfd, "x", 1));
	SHOW(syscall(SYS_read, ro, buf, -1L));
	SHOW(syscall(SYS_write, wo, "x", -1L));
	SHOW(read(999, buf, 1));
	SHOW(write(-1, buf, 1));
	SHOW(close(dfd));
	SHOW(close(wo));
	SHOW(close(ro));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
