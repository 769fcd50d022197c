/* Lengths that are not whole pages: mmap maps the whole last page, munmap and mprotect round
 * up too; a hint that is free is where the mapping goes. */
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

static int mapped(const char *p)
{
	return msync((void *)p, 1, MS_ASYNC) == 0;
}

int main(void)
{
	char *p = mmap(NULL, 5000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	p[8191] = 'e';
	printf("mapped: %d %d %d\n", mapped(p), mapped(p + 4096), mapped(p + 8192));
	SHOW(mprotect(p, 4097, PROT_READ));
	int zero = -1;
	SHOW(msync(p, 5000, MS_SYNC));
	SHOW(munmap(p + 4096, 1));
	printf("mapped: %d %d\n", mapped(p), mapped(p + 4096));
	SHOW(munmap(p, 1));
	printf("mapped: %d\n", mapped(p));
	(void)zero;

	/* A free hint is taken as it is. */
	char *hole = mmap(NULL, 3 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(munmap(hole, 3 * 4096));
	char *at = mmap(hole + 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(at == hole + 4096);
	char *rounded = mmap(hole + 100, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(rounded == hole);
	SHOW(munmap(hole, 2 * 4096));
	return 0;
}
