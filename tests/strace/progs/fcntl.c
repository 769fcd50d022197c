/* fcntl: descriptor flags and file status flags, decoded. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd;

	getppid();
	fd = open("/tmp/uni-strace-fcntl", O_CREAT | O_RDWR | O_TRUNC, 0644);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, O_NONBLOCK | O_APPEND);
	fcntl(fd, F_GETFL);
	close(fd);
	fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_GETFL);
	close(fd);
	return 0;
}
