/* O_APPEND: every write goes to the end, wherever the position was set, and moves it there;
 * pwrite on an O_APPEND file appends too (a Linux bug kept for compatibility); reads still
 * read from the position. */
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("open-append", 0);
	char file[300], buf[64] = { 0 };
	int fd, other;

	snprintf(file, sizeof(file), "%s/file", dir);
	make_file(file, "0123456789");
	SHOW(fd = open(file, O_RDWR | O_APPEND));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(read(fd, buf, 3));
	printf("read %s\n", buf);
	SHOW(write(fd, "ab", 2));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(lseek(fd, 2, SEEK_SET));
	SHOW(write(fd, "cd", 2));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(pwrite(fd, "ef", 2, 0));
	SHOW(lseek(fd, 0, SEEK_CUR));
	struct iovec iov[2] = { { "g", 1 }, { "h", 1 } };
	SHOW(writev(fd, iov, 2));
	SHOW(other = open(file, O_WRONLY));
	SHOW(write(other, "XY", 2));
	SHOW(write(fd, "i", 1));
	SHOW(pread(fd, buf, sizeof(buf) - 1, 0));
	printf("file: %s\n", buf);
	SHOW(close(other));
	SHOW(close(fd));
	SHOW(fd = open(file, O_WRONLY | O_APPEND | O_TRUNC));
	SHOW(write(fd, "new", 3));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(close(fd));
	show_contents(file);
	remove_tree(dir);
	return 0;
}
