/* stat, fstat, lstat and fstatat on files, devices and missing paths. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	struct stat st;
	int fd, dir;

	umask(022);
	getppid();
	fd = open("/tmp/uni-strace-stat", O_CREAT | O_RDWR, 0640);
	write(fd, "twelve bytes", 12);
	fstat(fd, &st);
	stat("/tmp/uni-strace-stat", &st);
	lstat("/tmp/uni-strace-stat", &st);
	stat("/tmp/uni-strace-missing", &st);
	stat("/dev/null", &st);
	dir = open("/tmp", O_RDONLY | O_DIRECTORY);
	fstatat(dir, "uni-strace-stat", &st, AT_SYMLINK_NOFOLLOW);
	fstatat(dir, "uni-strace-stat", &st, 0);
	fstatat(dir, "uni-strace-missing", &st, 0);
	fstatat(AT_FDCWD, "/tmp/uni-strace-stat", &st, 0x10000);
	close(dir);
	close(fd);
	return 0;
}
