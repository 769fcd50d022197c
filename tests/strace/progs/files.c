/* Create, write, reopen and read back a file in /tmp. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[4096];
	int fd;

	getppid(); /* the marker: the traces are compared from here on */
	fd = open("/tmp/uni-strace-files", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	write(fd, "127.0.0.1 localhost\n", 20);
	write(fd, "::1 localhost ip6-localhost ip6-loopback\n", 41);
	close(fd);
	fd = open("/tmp/uni-strace-files", O_RDONLY | O_CLOEXEC);
	read(fd, buf, 20);
	read(fd, buf, sizeof(buf));
	read(fd, buf, sizeof(buf));
	close(fd);
	return 0;
}
