/* MAP_SHARED | MAP_ANONYMOUS: zeros at first, its pages survive MADV_DONTNEED (shmem keeps
 * them), and mremap with an old size of 0 maps the same pages a second time. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	printf("fresh: %d %d\n", p[0], p[8191]);
	memset(p, 'a', 2 * 4096);
	SHOW(madvise(p, 2 * 4096, MADV_DONTNEED));
	printf("after MADV_DONTNEED: %c %c\n", p[0], p[8191]);

	char *twin = (char *)syscall(SYS_mremap, p, 0, 4096, MREMAP_MAYMOVE, 0);
	SHOW(twin != MAP_FAILED && twin != p);
	twin[1] = 'b';
	printf("p[1] = %c\n", p[1]);
	p[2] = 'c';
	printf("twin[2] = %c\n", twin[2]);
	SHOW(munmap(p, 2 * 4096));
	printf("twin after the original is gone: %c%c%c\n", twin[0], twin[1], twin[2]);
	SHOW(munmap(twin, 4096));

	/* A private mapping's pages do go. */
	char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	q[0] = 'q';
	SHOW(madvise(q, 4096, MADV_DONTNEED));
	printf("private after MADV_DONTNEED: %d\n", q[0]);
	SHOW(syscall(SYS_mremap, q, 0, 4096, MREMAP_MAYMOVE, 0));
	return 0;
}
