/* /dev/null: reads end at once, writes vanish. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	char buf[64];
	struct stat st;
	int fd;

	getppid();
	fd = open("/dev/null", O_RDWR);
	write(fd, "discarded\n", 10);
	read(fd, buf, sizeof(buf));
	fstat(fd, &st);
	close(fd);
	return 0;
}
