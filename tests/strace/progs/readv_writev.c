/* Scatter and gather: readv and writev with several iovecs. */
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	char a[5], b[16], c[4];
	struct iovec out[3] = { { "hello", 5 }, { ", world", 7 }, { "!\n", 2 } };
	struct iovec in[3] = { { a, sizeof(a) }, { b, sizeof(b) }, { c, sizeof(c) } };
	struct iovec empty[2] = { { 0, 0 }, { a, 0 } };
	int fd;

	getppid();
	fd = open("/tmp/uni-strace-iov", O_CREAT | O_RDWR | O_TRUNC, 0644);
	writev(fd, out, 3);
	writev(fd, empty, 2);
	lseek(fd, 0, SEEK_SET);
	readv(fd, in, 3);
	readv(fd, in, 3);
	readv(fd, (struct iovec *)8, 2);
	readv(fd, in, -1);
	writev(42, out, 3);
	close(fd);
	return 0;
}
