/* MAP_SHARED | MAP_ANONYMOUS memory keeps its pages through mremap: a second mapping made with
 * an old size of 0 still sees the first after it moved, and MREMAP_DONTUNMAP leaves the old
 * range showing the same pages. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	strcpy(p, "first");
	char *twin = mremap(p, 0, 2 * 4096, MREMAP_MAYMOVE);
	SHOW(twin != MAP_FAILED && twin != p);
	char *target = mmap(NULL, 2 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *moved = mremap(p, 2 * 4096, 2 * 4096, MREMAP_MAYMOVE | MREMAP_FIXED, target);
	SHOW(moved == target);
	printf("moved: %s\n", moved);
	strcpy(moved + 4096, "through the moved one");
	printf("twin: %s\n", twin + 4096);
	char *kept = (char *)syscall(SYS_mremap, moved, 4096, 4096,
				     MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	SHOW(kept != MAP_FAILED && kept != moved);
	strcpy(kept, "after MREMAP_DONTUNMAP");
	printf("old range: %s, twin: %s\n", moved, twin);
	SHOW(munmap(kept, 4096));
	SHOW(munmap(moved, 2 * 4096));
	SHOW(munmap(twin, 2 * 4096));
	return 0;
}
