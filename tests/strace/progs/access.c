/* access and faccessat with each mode. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd;

	getppid();
	fd = open("/tmp/uni-strace-access", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	close(fd);
	access("/tmp/uni-strace-access", F_OK);
	access("/tmp/uni-strace-access", R_OK | W_OK);
	access("/tmp/uni-strace-access", X_OK);
	access("/tmp", R_OK | X_OK);
	faccessat(AT_FDCWD, "/tmp/uni-strace-access", R_OK, 0);
	return 0;
}
