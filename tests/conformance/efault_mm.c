/* The memory calls on addresses outside the program's memory: nothing is mapped there, so
 * munmap has nothing to do, mprotect, madvise and msync find a hole (ENOMEM), mremap finds no
 * mapping (EFAULT); kernel addresses are EINVAL for munmap. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static void *const outside[] = { (void *)0x400000000, (void *)0x480000000 };

int main(void)
{
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		void *p = outside[i];
		printf("-- %p\n", p);
		SHOW(munmap(p, 4096));
		SHOW(mprotect(p, 4096, PROT_READ));
		SHOW(madvise(p, 4096, MADV_DONTNEED));
		SHOW(msync(p, 4096, MS_SYNC));
		SHOW(syscall(SYS_mremap, p, 4096, 8192, MREMAP_MAYMOVE, 0));
	}
	SHOW(munmap((void *)0xffff800000000000, 4096));
	SHOW(munmap((void *)0x7ffffffff000, 8192));
	SHOW(mprotect((void *)0xffff800000000000, 4096, PROT_READ));
	SHOW(madvise((void *)0xffff800000000000, 4096, MADV_NORMAL));
	printf("still running\n");
	return 0;
}
