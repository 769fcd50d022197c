/* writev with more iovecs than strace shows (32), and readv into them. */
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	static char bytes[40];
	struct iovec iov[40];
	int fd;

	for (int i = 0; i < 40; i++) {
		bytes[i] = (char)('A' + i % 26);
		iov[i].iov_base = &bytes[i];
		iov[i].iov_len = 1;
	}
	getppid();
	fd = open("/tmp/uni-strace-iov-many", O_CREAT | O_RDWR | O_TRUNC, 0644);
	writev(fd, iov, 40);
	lseek(fd, 0, SEEK_SET);
	readv(fd, iov, 33);
	readv(42, iov, 2);
	close(fd);
	return 0;
}
