/* lseek(2) at the edges: negative results and overflow are EINVAL, past the end is allowed
 * (and a write there leaves zeros), SEEK_DATA and SEEK_HOLE on a file without holes, bad
 * whence values, pipes, /dev/null and directories. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("lseek-edges", 1);
	char path[300], buf[16] = { 0 };
	struct stat st;
	int fd, fds[2], dn, dfd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "0123456789", 10));
	SHOW(lseek(fd, -1, SEEK_SET));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(lseek(fd, -11, SEEK_CUR));
	SHOW(lseek(fd, -10, SEEK_CUR));
	SHOW(lseek(fd, -11, SEEK_END));
	SHOW(lseek(fd, -3, SEEK_END));
	SHOW(lseek(fd, LONG_MAX, SEEK_SET));
	SHOW(lseek(fd, 1, SEEK_CUR));
	SHOW(lseek(fd, LONG_MAX, SEEK_END));
	SHOW(lseek(fd, 20, SEEK_SET));
	SHOW(write(fd, "x", 1));
	SHOW(fstat(fd, &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW(pread(fd, buf, sizeof(buf), 8));
	printf("bytes 8-9 %c%c, then %d %d, then %c\n", buf[0], buf[1], buf[2], buf[11], buf[12]);
	SHOW(lseek(fd, 0, SEEK_DATA));
	SHOW(lseek(fd, 5, SEEK_DATA));
	SHOW(lseek(fd, 21, SEEK_DATA));
	SHOW(lseek(fd, 100, SEEK_DATA));
	SHOW(lseek(fd, -1, SEEK_DATA));
	SHOW(lseek(fd, 21, SEEK_HOLE));
	SHOW(lseek(fd, 100, SEEK_HOLE));
	SHOW(lseek(fd, 0, 5));
	SHOW(lseek(fd, 0, -1));
	SHOW(lseek(999, 0, SEEK_SET));

	SHOW(pipe(fds));
	SHOW(lseek(fds[0], 0, SEEK_CUR));
	SHOW(lseek(fds[1], 0, SEEK_SET));
	SHOW(dn = open("/dev/null", O_RDWR));
	SHOW(lseek(dn, 100, SEEK_SET));
	SHOW(lseek(dn, -100, SEEK_CUR));
	SHOW(lseek(dn, 0, 7));
	SHOW(dfd = open(dir, O_RDONLY | O_DIRECTORY));
	SHOW(lseek(dfd, 0, SEEK_SET));
	SHOW(lseek(dfd, 0, SEEK_END));
	SHOW(lseek(dfd, -1, SEEK_SET));
	SHOW(close(dfd));
	SHOW(close(dn));
	SHOW(close(fds[0]));
	SHOW(close(fds[1]));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
