/* openat and its flags, and the errors of open. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd, dir;

	getppid();
	fd = openat(AT_FDCWD, "/tmp/uni-strace-openat", O_CREAT | O_EXCL | O_RDWR, 0600);
	close(fd);
	openat(AT_FDCWD, "/tmp/uni-strace-openat", O_CREAT | O_EXCL | O_RDWR, 0600);
	fd = openat(AT_FDCWD, "/tmp/uni-strace-openat", O_WRONLY | O_APPEND | O_NONBLOCK);
	close(fd);
	openat(AT_FDCWD, "/tmp/uni-strace-openat", O_RDONLY | O_DIRECTORY);
	openat(AT_FDCWD, "/tmp/uni-strace-openat/x", O_RDONLY);
	dir = open("/tmp", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	fd = openat(dir, "uni-strace-openat", O_RDONLY | O_NOFOLLOW);
	close(fd);
	close(dir);
	open("/tmp", O_WRONLY);
	open("", O_RDONLY);
	return 0;
}
