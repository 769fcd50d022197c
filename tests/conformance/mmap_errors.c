/* mmap(2)'s argument errors, in the order Linux checks them. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static long map(long addr, long len, int prot, int flags, int fd, long offset)
{
	return syscall(SYS_mmap, addr, len, prot, flags, fd, offset);
}

int main(void)
{
	const char *dir = test_dir("mmap-errors", 1);
	char path[300];
	int fd, ro, wo, dirfd, path_fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "data", 4));
	SHOW(ro = open(path, O_RDONLY));
	SHOW(wo = open(path, O_WRONLY));
	SHOW(dirfd = open(dir, O_RDONLY | O_DIRECTORY));
	SHOW(path_fd = open(path, O_PATH));

	SHOW(map(0, 4096, PROT_READ, MAP_PRIVATE, fd, 1));
	SHOW(map(0, 4096, PROT_READ, MAP_PRIVATE, 999, 1));
	SHOW(map(0, 4096, PROT_READ, MAP_PRIVATE, 999, 0));
	SHOW(map(0, 0, PROT_READ, MAP_PRIVATE, 999, 0));
	SHOW(map(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_PRIVATE, path_fd, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_SHARED | MAP_GROWSDOWN, fd, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_SHARED_VALIDATE | 0x800000, fd, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_SHARED_VALIDATE | MAP_FIXED_NOREPLACE, fd, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_PRIVATE, wo, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_SHARED, wo, 0));
	SHOW(map(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_PRIVATE, dirfd, 0));
	SHOW(map(0, 4096, PROT_READ, MAP_PRIVATE, fd, -4096));
	SHOW(map(0, 4096, PROT_READ, MAP_SHARED, fd, 0x7ffffffffffff000));
	SHOW(map(0, -1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	SHOW(map(0, 1L << 50, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));

	/* What works: a read-only file mapped private and writable, or shared read-only. */
	long private = map(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	SHOW(private > 0);
	long shared = map(0, 4096, PROT_READ, MAP_SHARED, ro, 0);
	SHOW(shared > 0);
	SHOW(map(shared + 1, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
	SHOW(map(shared, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1,
		 0));
	SHOW(map(shared, 4096, PROT_READ,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_FIXED, -1, 0));
	SHOW(map(shared, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
	     shared);
	remove_tree(dir);
	return 0;
}
