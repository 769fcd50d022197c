/* MREMAP_FIXED: the mapping moves to exactly the address given, replacing whatever was
 * mapped there; a shrink on the way unmaps the old tail. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static int mapped(const char *p)
{
	return msync((void *)p, 1, MS_ASYNC) == 0;
}

int main(void)
{
	char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *target = mmap(NULL, 4 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED && target != MAP_FAILED);
	memset(p, 'f', 3 * 4096);
	p[4096] = 'F';
	char *q = mremap(p, 3 * 4096, 2 * 4096, MREMAP_MAYMOVE | MREMAP_FIXED, target + 4096);
	SHOW(q == target + 4096);
	printf("moved: %c %c\n", q[0], q[4096]);
	printf("target pages mapped: %d %d %d %d\n", mapped(target), mapped(target + 4096),
	       mapped(target + 2 * 4096), mapped(target + 3 * 4096));
	printf("old pages mapped: %d %d %d\n", mapped(p), mapped(p + 4096), mapped(p + 2 * 4096));
	q[0] = 'w'; /* writable where it went */

	/* Growing while it moves: the new part is zeros. */
	char *r = mremap(q, 2 * 4096, 3 * 4096, MREMAP_MAYMOVE | MREMAP_FIXED, p);
	SHOW(r == p);
	printf("grown: %c %c %d\n", r[0], r[4096], r[2 * 4096]);
	SHOW(munmap(r, 3 * 4096));
	SHOW(munmap(target, 4 * 4096));
	return 0;
}
