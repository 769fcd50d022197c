/* An iovec array that runs out of the program's memory: the whole array is read before
 * anything is done, so nothing is written and the call is EFAULT. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("efault-iov-array", 0);
	char path[300];
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	/* The last iovec of a page, then an unmapped page. */
	char *area =
		mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(munmap(area + 4096, 4096));
	struct iovec *last = (struct iovec *)(area + 4096) - 1;
	*last = (struct iovec){ "good", 4 };
	SHOW(writev(fd, last, 1));
	SHOW(writev(fd, last, 2));
	SHOW(syscall(SYS_pwritev, fd, last, 2, 0, 0));
	SHOW(readv(fd, last, 2));
	SHOW(lseek(fd, 0, SEEK_END));
	SHOW(munmap(area, 4096));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
