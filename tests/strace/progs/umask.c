/* umask: the old mask comes back in octal, and new files obey it. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	struct stat st;
	int fd;

	umask(022);
	getppid();
	umask(077);
	fd = open("/tmp/uni-strace-umask", O_CREAT | O_WRONLY | O_TRUNC, 0666);
	fstat(fd, &st);
	close(fd);
	umask(0);
	umask(0777);
	umask(022);
	return 0;
}
