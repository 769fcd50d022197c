/* stat buffers and paths outside the program's memory: EFAULT from every stat call. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static void *const outside[] = { (void *)0x400000000, (void *)0x480000000,
				 (void *)0xffff800000000000 };

int main(void)
{
	struct stat st;
	int fd;

	SHOW(fd = open("/dev/null", O_RDONLY));
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		void *p = outside[i];
		printf("-- %p\n", p);
		SHOW(syscall(SYS_stat, "/", p));
		SHOW(syscall(SYS_lstat, "/", p));
		SHOW(syscall(SYS_fstat, fd, p));
		SHOW(syscall(SYS_newfstatat, AT_FDCWD, "/", p, 0));
		SHOW(syscall(SYS_newfstatat, fd, "", p, AT_EMPTY_PATH));
		SHOW(syscall(SYS_statx, AT_FDCWD, "/", 0, 0x7ff, p));
		SHOW(syscall(SYS_statfs, "/", p));
		SHOW(syscall(SYS_fstatfs, fd, p));
		SHOW(syscall(SYS_stat, p, &st));
		SHOW(syscall(SYS_lstat, p, &st));
		SHOW(syscall(SYS_newfstatat, AT_FDCWD, p, &st, 0));
		SHOW(syscall(SYS_statx, AT_FDCWD, p, 0, 0x7ff, &st));
		SHOW(syscall(SYS_statfs, p, &st));
	}
	SHOW(syscall(SYS_fstat, 999, (void *)0x400000000));
	SHOW(close(fd));
	return 0;
}
