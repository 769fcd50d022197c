/* Positioned reads and writes. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[32];
	int fd;

	getppid();
	fd = open("/tmp/uni-strace-pread", O_CREAT | O_RDWR | O_TRUNC, 0644);
	pwrite(fd, "abcdefghij", 10, 0);
	pwrite(fd, "XY", 2, 4);
	pread(fd, buf, 5, 3);
	pread(fd, buf, sizeof(buf), 20);
	pread(fd, buf, 4, -1);
	close(fd);
	fd = open("/dev/null", O_RDONLY);
	close(fd);
	return 0;
}
