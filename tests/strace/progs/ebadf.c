/* File descriptors that are not open: EBADF everywhere. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	char buf[8];
	struct stat st;

	getppid();
	read(42, buf, sizeof(buf));
	write(42, "x", 1);
	close(42);
	close(-1);
	fstat(42, &st);
	lseek(42, 0, SEEK_CUR);
	fcntl(42, F_GETFD);
	pread(-5, buf, 1, 0);
	return 0;
}
