/* MREMAP_DONTUNMAP on private anonymous memory: the pages move, the old range stays mapped
 * and reads as zeros again; a hint that is free is taken. */
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
	char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	memset(p, 'd', 2 * 4096);
	char *q = (char *)syscall(SYS_mremap, p, 2 * 4096, 2 * 4096,
				  MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	SHOW(q != MAP_FAILED && q != p);
	printf("new: %c %c\n", q[0], q[8191]);
	printf("old: mapped %d, %d %d\n", mapped(p), p[0], p[8191]);
	p[0] = 'o';
	printf("separate: %c %c\n", p[0], q[0]);

	/* A free, aligned hint is where it goes. */
	char *spot = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(munmap(spot, 4096));
	char *r = (char *)syscall(SYS_mremap, q, 4096, 4096, MREMAP_MAYMOVE | MREMAP_DONTUNMAP,
				  spot);
	SHOW(r == spot);
	printf("at the hint: %c\n", r[0]);

	/* With MREMAP_FIXED it replaces what was there. */
	char *target = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *s = (char *)syscall(SYS_mremap, q + 4096, 4096, 4096,
				  MREMAP_MAYMOVE | MREMAP_DONTUNMAP | MREMAP_FIXED, target);
	SHOW(s == target);
	printf("fixed: %c, writable: ", s[0]);
	s[1] = 'w';
	printf("%c\n", s[1]);
	SHOW(munmap(p, 2 * 4096));
	SHOW(munmap(q, 2 * 4096));
	SHOW(munmap(r, 4096));
	SHOW(munmap(s, 4096));
	return 0;
}
