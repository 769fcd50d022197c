/* mremap(2)'s argument errors, in Linux's order: flags first, then the old address, the
 * lengths, what is mapped there, and the new address. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static long remap(void *old, long old_len, long new_len, long flags, void *new_addr)
{
	return syscall(SYS_mremap, old, old_len, new_len, flags, new_addr);
}

int main(void)
{
	char *p = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	SHOW(munmap(p + 2 * 4096, 2 * 4096));
	char *hole = p + 2 * 4096;

	SHOW(remap(p, 4096, 4096, 8, NULL));
	SHOW(remap(p, 4096, 4096, MREMAP_FIXED, hole));
	SHOW(remap(p, 4096, 4096, MREMAP_DONTUNMAP, NULL));
	SHOW(remap(p, 4096, 2 * 4096, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL));
	SHOW(remap(p + 1, 4096, 4096, 0, NULL));
	SHOW(remap(p, 4096, 0, 0, NULL));
	SHOW(remap(p, 4096, -1, MREMAP_MAYMOVE, NULL));
	SHOW(remap(p, 0, 4096, 0, NULL));
	SHOW(remap(p, 0, 4096, MREMAP_MAYMOVE, NULL));
	SHOW(remap(hole, 4096, 4096, 0, NULL));
	SHOW(remap(hole, 4096, 2 * 4096, MREMAP_MAYMOVE, NULL));
	SHOW(remap(p, 3 * 4096, 4 * 4096, 0, NULL));
	SHOW(remap(p, 4096, 2 * 4096, 0, NULL));
	SHOW(remap(p, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, hole + 1));
	SHOW(remap(p, 2 * 4096, 2 * 4096, MREMAP_MAYMOVE | MREMAP_FIXED, p + 4096));
	SHOW(remap(p, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, p));
	SHOW(remap(p, 4096, 4096, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, p + 1));
	SHOW(remap(hole, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, hole + 4096));
	/* The same length, without flags: the address is returned as it is. */
	SHOW(remap(p, 4096, 4096, 0, NULL) == (long)p);
	SHOW(remap(p, 2 * 4096, 2 * 4096, 0, NULL) == (long)p);
	SHOW(munmap(p, 2 * 4096));
	return 0;
}
