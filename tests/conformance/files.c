/* Files in /tmp: create, write, read back, seek, stat, and the errors. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[64] = { 0 };
	struct stat st;
	int fd;

	unlink("/tmp/uni-files-test");
	SHOW(fd = open("/tmp/uni-files-test", O_CREAT | O_EXCL | O_RDWR, 0640));
	SHOW(open("/tmp/uni-files-test", O_CREAT | O_EXCL | O_RDWR, 0640));
	SHOW(write(fd, "hello, ", 7));
	struct iovec iov[2] = { { "world", 5 }, { "!\n", 2 } };
	SHOW(writev(fd, iov, 2));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(lseek(fd, 0, SEEK_SET));
	SHOW(read(fd, buf, sizeof(buf)));
	printf("content: %s", buf);
	SHOW(pread(fd, buf, 5, 7));
	printf("pread: %.5s\n", buf);
	SHOW(lseek(fd, -1, SEEK_SET));
	SHOW(lseek(fd, 0, 42));
	SHOW(lseek(fd, 100, SEEK_END));
	SHOW(write(fd, "x", 1));
	SHOW(fstat(fd, &st));
	printf("size %ld mode %o nlink %ld blocks %ld\n", (long)st.st_size, st.st_mode,
	       (long)st.st_nlink, (long)st.st_blocks);
	SHOW(close(fd));
	SHOW(close(fd));
	SHOW(read(fd, buf, 1));

	SHOW(fd = open("/tmp/uni-files-test", O_WRONLY | O_APPEND));
	SHOW(write(fd, "end", 3));
	SHOW(stat("/tmp/uni-files-test", &st));
	printf("size after append %ld\n", (long)st.st_size);
	SHOW(read(fd, buf, 1));
	SHOW(close(fd));
	SHOW(fd = open("/tmp/uni-files-test", O_RDWR | O_TRUNC));
	SHOW(fstat(fd, &st));
	printf("size after O_TRUNC %ld\n", (long)st.st_size);
	SHOW(close(fd));

	SHOW(open("/tmp/no-such-file", O_RDONLY));
	SHOW(open("/tmp/no-such-dir/file", O_RDONLY));
	SHOW(open("/tmp/uni-files-test/x", O_RDONLY));
	SHOW(open("/tmp/uni-files-test/", O_RDONLY));
	SHOW(open("/tmp", O_WRONLY));
	SHOW(open("/tmp/uni-files-test", O_RDONLY | O_DIRECTORY));
	SHOW(open("", O_RDONLY));
	SHOW(stat("/tmp/../tmp/./uni-files-test", &st));
	SHOW(S_ISDIR(st.st_mode));
	SHOW(stat("/..", &st));
	SHOW(S_ISDIR(st.st_mode));
	SHOW(access("/tmp/uni-files-test", R_OK | W_OK));
	SHOW(access("/tmp/uni-files-test", X_OK));
	SHOW(access("/tmp/nothing", F_OK));
	SHOW(unlink("/tmp/uni-files-test"));
	SHOW(unlink("/tmp/uni-files-test"));
	return 0;
}
