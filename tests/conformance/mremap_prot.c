/* A mapping mremap moves keeps its protection, even PROT_NONE and write-only, and its
 * contents. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	memset(p, 'n', 2 * 4096);
	SHOW(mprotect(p, 2 * 4096, PROT_NONE));
	SHOW(mprotect(p + 4096, 4096, PROT_READ));
	/* Only the PROT_NONE page moves (an old range must lie in one mapping). */
	char *q = mremap(p, 4096, 3 * 4096, MREMAP_MAYMOVE);
	SHOW(q != MAP_FAILED && q != p);
	SHOW(write(1, q, 1));
	SHOW(mprotect(q, 3 * 4096, PROT_READ));
	printf("moved: %c, grown: %d\n", q[0], q[4096]);
	SHOW(mremap(p, 2 * 4096, 3 * 4096, MREMAP_MAYMOVE) == MAP_FAILED);
	SHOW(errno == EFAULT);
	printf("untouched: %c\n", p[4096]);

	int zero = open("/dev/zero", O_RDONLY);
	SHOW(mprotect(q, 3 * 4096, PROT_WRITE));
	char *target = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *r = mremap(q, 3 * 4096, 3 * 4096, MREMAP_MAYMOVE | MREMAP_FIXED, target);
	SHOW(r == target);
	SHOW(read(zero, r, 1));
	SHOW(mprotect(r, 3 * 4096, PROT_READ));
	printf("after the move: %d %d\n", r[0], r[1]);
	SHOW(close(zero));
	SHOW(munmap(r, 3 * 4096));
	SHOW(munmap(p + 4096, 4096));
	return 0;
}
