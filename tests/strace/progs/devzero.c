/* /dev/zero: zero bytes, printed as strace escapes them. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[100];
	int fd;

	getppid();
	fd = open("/dev/zero", O_RDONLY);
	read(fd, buf, 8);
	read(fd, buf, sizeof(buf));
	write(fd, "x", 1);
	close(fd);
	fd = open("/dev/full", O_WRONLY);
	write(fd, "full", 4);
	close(fd);
	return 0;
}
