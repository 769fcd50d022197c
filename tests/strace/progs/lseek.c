/* lseek with each whence, and its errors. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[8];
	int fd;

	getppid();
	fd = open("/tmp/uni-strace-lseek", O_CREAT | O_RDWR | O_TRUNC, 0644);
	write(fd, "0123456789", 10);
	lseek(fd, 0, SEEK_SET);
	lseek(fd, 3, SEEK_CUR);
	read(fd, buf, 4);
	lseek(fd, -2, SEEK_END);
	read(fd, buf, 8);
	lseek(fd, 100, SEEK_END);
	lseek(fd, -1, SEEK_SET);
	lseek(fd, 0, 42);
	lseek(99, 0, SEEK_SET);
	close(fd);
	return 0;
}
