/* mremap(2) without moving: a mapping grows into the free pages after it (the new ones
 * zeros), shrinks by unmapping its tail, and cannot grow into another mapping. */
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
	/* Four pages, the last three given back: room to grow. */
	char *p = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	SHOW(munmap(p + 4096, 3 * 4096));
	memset(p, 'g', 4096);
	SHOW(mremap(p, 4096, 3 * 4096, 0) == p);
	printf("old page %c, new pages %d %d\n", p[0], p[4096], p[3 * 4096 - 1]);
	p[3 * 4096 - 1] = 'e';
	SHOW(mremap(p, 3 * 4096, 3 * 4096, 0) == p);
	SHOW(mremap(p, 3 * 4096, 2 * 4096 + 1, 0) == p);
	printf("mapped: %d %d %d\n", mapped(p), mapped(p + 4096), mapped(p + 2 * 4096));
	SHOW(mremap(p, 3 * 4096, 4096, 0) == p);
	printf("mapped: %d %d\n", mapped(p), mapped(p + 4096));
	printf("kept %c\n", p[0]);

	/* Something in the way: only MREMAP_MAYMOVE could grow it. */
	char *wall =
		mmap(p + 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	SHOW(wall == p + 4096);
	SHOW(mremap(p, 4096, 2 * 4096, 0));
	/* Only the part up to the wall: an old range across mappings is EFAULT. */
	SHOW(mremap(p, 2 * 4096, 3 * 4096, 0));
	SHOW(munmap(p, 2 * 4096));
	return 0;
}
