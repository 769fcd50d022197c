/* mprotect(2): splitting a mapping by protection, PROT_NONE and back with the contents kept,
 * and the errors. */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char *p = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	SHOW(munmap(p + 3 * 4096, 4096)); /* nothing of ours after it */
	memset(p, 'm', 3 * 4096);
	SHOW(mprotect(p + 4096, 4096, PROT_NONE));
	SHOW(write(1, p + 4096, 1));
	SHOW(write(1, p, 0));
	SHOW(mprotect(p + 4096, 4096, PROT_READ));
	printf("kept: %c\n", p[4096]);
	int zero = open("/dev/zero", O_RDONLY);
	SHOW(read(zero, p + 4096, 1));
	SHOW(read(zero, p, 1));
	close(zero);
	SHOW(mprotect(p, 3 * 4096, PROT_READ | PROT_WRITE | PROT_EXEC));
	SHOW(mprotect(p, 3 * 4096, PROT_READ | PROT_WRITE));

	SHOW(syscall(SYS_mprotect, p + 1, 4096, PROT_READ));
	SHOW(mprotect(p, 4096, 0x10));
	SHOW(mprotect(p, 4096, PROT_READ | 0x1000));
	SHOW(mprotect(p, 0, PROT_READ));
	SHOW(mprotect(p, 4 * 4096, PROT_READ));
	SHOW(munmap(p + 4096, 4096));
	SHOW(mprotect(p, 3 * 4096, PROT_READ));
	SHOW(mprotect(p + 4096, 4096, PROT_READ));
	SHOW(mprotect(p + 2 * 4096, 1, PROT_READ));
	SHOW(mprotect((void *)0x1000, 4096, PROT_READ));
	SHOW(mprotect((void *)0x400000000, 4096, PROT_READ));
	SHOW(munmap(p, 3 * 4096));
	return 0;
}
