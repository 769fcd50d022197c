/* munmap(2): a hole in the middle splits a mapping; what is left keeps its pages; unmapping
 * what is not mapped is no error; the argument errors. */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

/* Is the page at p mapped? msync answers ENOMEM for unmapped pages. */
static int mapped(const char *p)
{
	return msync((void *)p, 1, MS_ASYNC) == 0;
}

int main(void)
{
	char *p = mmap(NULL, 5 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	for (int i = 0; i < 5; i++)
		p[i * 4096] = (char)('0' + i);
	SHOW(munmap(p + 2 * 4096, 4096));
	for (int i = 0; i < 5; i++)
		printf("page %d mapped %d\n", i, mapped(p + i * 4096));
	printf("kept: %c %c %c %c\n", p[0], p[4096], p[3 * 4096], p[4 * 4096]);
	SHOW(munmap(p + 2 * 4096, 4096));
	SHOW(munmap(p + 4096, 3 * 4096));
	SHOW(munmap(p + 1, 4096));
	SHOW(munmap(p, 0));
	SHOW(syscall(SYS_munmap, p, -4096L));
	SHOW(munmap(p, 100));
	printf("page 0 mapped %d, page 4 mapped %d\n", mapped(p), mapped(p + 4 * 4096));
	SHOW(munmap(p, 5 * 4096));
	printf("page 4 mapped %d\n", mapped(p + 4 * 4096));
	return 0;
}
