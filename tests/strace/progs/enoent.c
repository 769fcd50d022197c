/* Paths that do not exist: ENOENT and ENOTDIR from every path call. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	struct stat st;

	getppid();
	open("/tmp/uni-strace-no-such-file", O_RDONLY);
	open("/no/such/dir/file", O_RDONLY);
	stat("/tmp/uni-strace-no-such-file", &st);
	lstat("/nonexistent", &st);
	access("/tmp/uni-strace-no-such-file", F_OK);
	open("/dev/null/x", O_RDONLY);
	access("/dev/null/", R_OK);
	return 0;
}
