/* Buffers outside the program's memory for the read and write calls: in the LibOS's region
 * under musl-uni (0x400000000, unmapped natively), just past the app's region (0x480000000),
 * in the kernel's half, and not canonical. EFAULT, and the file is untouched. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

static void *const outside[] = { (void *)0x400000000, (void *)0x480000000,
				 (void *)0xffff800000000000, (void *)0x800000000000 };

int main(void)
{
	const char *dir = test_dir("efault-io", 0);
	char path[300], buf[8];
	int fd, zero;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "contents", 8));
	SHOW(zero = open("/dev/zero", O_RDONLY));
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		void *p = outside[i];
		printf("-- %p\n", p);
		SHOW(syscall(SYS_read, zero, p, 8));
		SHOW(syscall(SYS_pread64, fd, p, 8, 0));
		SHOW(syscall(SYS_write, fd, p, 8));
		SHOW(syscall(SYS_pwrite64, fd, p, 8, 0));
		struct iovec iov = { p, 8 };
		SHOW(syscall(SYS_readv, zero, &iov, 1));
		SHOW(syscall(SYS_writev, fd, &iov, 1));
		SHOW(syscall(SYS_preadv, fd, &iov, 1, 0, 0));
		SHOW(syscall(SYS_pwritev, fd, &iov, 1, 0, 0));
		SHOW(syscall(SYS_readv, zero, p, 1));
		SHOW(syscall(SYS_writev, fd, p, 1));
		SHOW(syscall(SYS_sendfile, fd, fd, p, 8));
		SHOW(syscall(SYS_copy_file_range, fd, p, fd, NULL, 8, 0));
	}
	SHOW(lseek(fd, 0, SEEK_END));
	SHOW(pread(fd, buf, 8, 0));
	printf("still: %.8s\n", buf);
	SHOW(close(zero));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
