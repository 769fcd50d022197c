/* A bad segment in the middle of a writev or readv: what came before it counts, the rest is
 * not done; a bad first segment is EFAULT. */
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("writev-fault", 0);
	char path[300], buf[16] = { 0 };
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	struct iovec out[3] = { { "good", 4 }, { (void *)0x1000, 4 }, { "never", 5 } };
	SHOW(writev(fd, out, 3));
	SHOW(writev(fd, out + 1, 2));
	SHOW(lseek(fd, 0, SEEK_END));
	SHOW(lseek(fd, 0, SEEK_SET));
	struct iovec in[3] = { { buf, 2 }, { (void *)0x400000000, 2 }, { buf + 2, 2 } };
	SHOW(readv(fd, in, 3));
	SHOW(lseek(fd, 0, SEEK_CUR));
	printf("buf %s\n", buf);
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
