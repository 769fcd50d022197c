/* preadv(2) and pwritev(2): at an offset, leaving the file position alone; ESPIPE on a pipe,
 * EINVAL for a negative offset (before the fd is even looked at). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("preadv-pwritev", 0);
	char path[300], a[8] = { 0 }, b[8] = { 0 };
	int fd, pipe_fds[2];

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "0123456789", 10));
	struct iovec out[2] = { { "AB", 2 }, { "CD", 2 } };
	SHOW(pwritev(fd, out, 2, 3));
	SHOW(lseek(fd, 0, SEEK_CUR));
	struct iovec in[2] = { { a, 4 }, { b, 3 } };
	SHOW(preadv(fd, in, 2, 2));
	printf("a=%.4s b=%.3s\n", a, b);
	SHOW(preadv(fd, in, 2, 8));
	printf("a=%.2s\n", a);
	SHOW(preadv(fd, in, 2, 100));
	SHOW(pwritev(fd, out, 2, 20));
	SHOW(lseek(fd, 0, SEEK_END));
	SHOW(preadv(fd, in, 2, -1));
	SHOW(pwritev(fd, out, 2, -1));
	SHOW(preadv(999, in, 2, -1));
	SHOW(preadv(999, in, 2, 0));
	SHOW(syscall(SYS_preadv, fd, in, -1, 0L, 0L));
	SHOW(preadv(fd, in, 0, 0));
	SHOW(pipe(pipe_fds));
	SHOW(preadv(pipe_fds[0], in, 2, 0));
	SHOW(pwritev(pipe_fds[1], out, 2, 0));
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	SHOW(preadv(dfd, in, 2, 0));
	SHOW(preadv(dfd, in, 0, 0));
	SHOW(close(dfd));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
