/* mremap(2) with MREMAP_MAYMOVE: a mapping that cannot grow where it is moves with its
 * contents and protection; its old pages are unmapped. */
#define _GNU_SOURCE
#include <fcntl.h>
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
	SHOW(p != MAP_FAILED);
	/* p's last page becomes the wall after its first two. */
	SHOW(mprotect(p + 2 * 4096, 4096, PROT_NONE));
	memset(p, 'a', 4096);
	memset(p + 4096, 'b', 4096);
	SHOW(mprotect(p, 2 * 4096, PROT_READ));
	char *q = mremap(p, 2 * 4096, 5 * 4096, MREMAP_MAYMOVE);
	SHOW(q != MAP_FAILED);
	SHOW(q != p);
	printf("moved: %c %c, grown: %d %d\n", q[0], q[4096], q[2 * 4096], q[5 * 4096 - 1]);
	printf("old mapped: %d %d, wall mapped: %d\n", mapped(p), mapped(p + 4096),
	       mapped(p + 2 * 4096));
	SHOW(write(1, "", 0));
	/* Still read-only where it went. */
	int zero = open("/dev/zero", O_RDONLY);
	SHOW(read(zero, q, 1));
	close(zero);

	/* Shrinking with MREMAP_MAYMOVE stays. */
	SHOW(mremap(q, 5 * 4096, 4096, MREMAP_MAYMOVE) == q);
	printf("mapped: %d %d\n", mapped(q), mapped(q + 4096));
	SHOW(munmap(q, 4096));
	SHOW(munmap(p + 2 * 4096, 4096));
	return 0;
}
