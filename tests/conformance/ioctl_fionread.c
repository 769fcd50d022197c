/* FIONREAD on a regular file is its size less the position, an int that goes negative past
 * the end; on a pipe the bytes waiting; on a directory or /dev/null no such request. */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("ioctl-fionread", 0);
	char path[300];
	int fd, fds[2], dn, dfd, n = -99;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(ioctl(fd, FIONREAD, &n));
	printf("empty: %d\n", n);
	SHOW(write(fd, "0123456789", 10));
	SHOW(ioctl(fd, FIONREAD, &n));
	printf("at the end: %d\n", n);
	SHOW(lseek(fd, 3, SEEK_SET));
	SHOW(ioctl(fd, FIONREAD, &n));
	printf("at 3: %d\n", n);
	SHOW(lseek(fd, 25, SEEK_SET));
	SHOW(ioctl(fd, FIONREAD, &n));
	printf("at 25: %d\n", n);
	SHOW(pipe(fds));
	SHOW(write(fds[1], "abc", 3));
	SHOW(ioctl(fds[0], FIONREAD, &n));
	printf("pipe: %d\n", n);
	SHOW(ioctl(fds[1], FIONREAD, &n));
	printf("pipe, write end: %d\n", n);
	SHOW(dn = open("/dev/null", O_RDONLY));
	SHOW(ioctl(dn, FIONREAD, &n));
	SHOW(dfd = open(dir, O_RDONLY | O_DIRECTORY));
	SHOW(ioctl(dfd, FIONREAD, &n));
	SHOW(ioctl(999, FIONREAD, &n));
	SHOW(close(dfd));
	SHOW(close(dn));
	SHOW(close(fds[0]));
	SHOW(close(fds[1]));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
