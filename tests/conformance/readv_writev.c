/* readv(2) and writev(2) on a file: segments in order, empty ones skipped, a read that stops
 * at the end of the file, and the argument errors. */
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("readv-writev", 0);
	char path[300], a[4] = { 0 }, b[8] = { 0 }, c[8] = { 0 };
	int fd, wo;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	struct iovec out[4] = { { "one ", 4 }, { NULL, 0 }, { "two ", 4 }, { "three", 5 } };
	SHOW(writev(fd, out, 4));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(lseek(fd, 0, SEEK_SET));
	struct iovec in[3] = { { a, 3 }, { b, 0 }, { c, 7 } };
	SHOW(readv(fd, in, 3));
	printf("a=%.3s c=%.7s\n", a, c);
	struct iovec rest[2] = { { a, 4 }, { b, 8 } };
	SHOW(readv(fd, rest, 2));
	printf("a=%.3s\n", a);
	SHOW(readv(fd, rest, 2));
	SHOW(readv(fd, rest, 0));
	SHOW(writev(fd, out, 0));

	SHOW(syscall(SYS_readv, fd, rest, -1));
	SHOW(syscall(SYS_readv, fd, rest, 1025)); /* IOV_MAX + 1 */
	struct iovec negative[2] = { { a, 1 }, { b, (size_t)-1 } };
	SHOW(readv(fd, negative, 2));
	SHOW(writev(fd, negative, 2));
	SHOW(readv(fd, (struct iovec *)0x1000, 1));
	SHOW(readv(fd, (struct iovec *)0x1000, 0));
	SHOW(readv(999, rest, 1));
	SHOW(wo = open(path, O_WRONLY));
	SHOW(readv(wo, rest, 0));
	SHOW(writev(wo, rest, 0));
	SHOW(close(wo));
	SHOW(lseek(fd, 0, SEEK_SET));
	SHOW(readv(fd, (struct iovec[]){ { (void *)0x1000, 4 } }, 1));
	SHOW(readv(fd, (struct iovec[]){ { a, 2 }, { (void *)0x1000, 4 } }, 2));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
