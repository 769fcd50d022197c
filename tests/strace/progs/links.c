/* Link, rename and attribute calls of the *at family on files in /tmp. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct timespec times[2] = { { 1, UTIME_NOW }, { 2, UTIME_OMIT } };
	char buf[64];

	getppid();
	close(open("/tmp/uni-strace-a", O_CREAT | O_WRONLY, 0600));
	link("/tmp/uni-strace-a", "/tmp/uni-strace-b");
	linkat(AT_FDCWD, "/tmp/uni-strace-b", AT_FDCWD, "/tmp/uni-strace-c", 0);
	symlink("uni-strace-a", "/tmp/uni-strace-d");
	symlinkat("uni-strace-b", AT_FDCWD, "/tmp/uni-strace-e");
	readlinkat(AT_FDCWD, "/tmp/uni-strace-d", buf, sizeof(buf));
	renameat(AT_FDCWD, "/tmp/uni-strace-c", AT_FDCWD, "/tmp/uni-strace-f");
	syscall(SYS_renameat2, AT_FDCWD, "/tmp/uni-strace-f", AT_FDCWD, "/tmp/uni-strace-b", 1);
	fchmodat(AT_FDCWD, "/tmp/uni-strace-a", 0640, 0);
	utimensat(AT_FDCWD, "/tmp/uni-strace-a", times, 0);
	utimensat(AT_FDCWD, "/tmp/uni-strace-a", 0, AT_SYMLINK_NOFOLLOW);
	unlink("/tmp/uni-strace-e");
	unlink("/tmp/uni-strace-d");
	unlink("/tmp/uni-strace-f");
	unlink("/tmp/uni-strace-b");
	unlink("/tmp/uni-strace-a");
	return 0;
}
