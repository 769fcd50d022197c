/* msync(2): nothing to write back on tmpfs, only its checks: flags, alignment, and ENOMEM
 * when part of the range is not mapped. */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	SHOW(munmap(p + 2 * 4096, 4096));
	SHOW(msync(p, 2 * 4096, MS_SYNC));
	SHOW(msync(p, 2 * 4096, MS_ASYNC));
	SHOW(msync(p, 2 * 4096, MS_INVALIDATE));
	SHOW(msync(p, 2 * 4096, MS_ASYNC | MS_INVALIDATE));
	SHOW(msync(p, 2 * 4096, MS_SYNC | MS_ASYNC));
	SHOW(msync(p, 4096, 0));
	SHOW(msync(p, 4096, 8));
	SHOW(msync(p + 100, 4096, MS_SYNC));
	SHOW(msync(p, 0, MS_SYNC));
	SHOW(msync(p, 1, MS_SYNC));
	SHOW(msync(p, 3 * 4096, MS_SYNC));
	SHOW(msync(p, 3 * 4096, MS_ASYNC));
	SHOW(msync(p + 2 * 4096, 4096, MS_SYNC));
	SHOW(syscall(SYS_msync, p, -1L, MS_SYNC));
	SHOW(syscall(SYS_msync, -8192L, 16384L, MS_SYNC));
	SHOW(msync((void *)0x400000000, 4096, MS_SYNC));
	SHOW(munmap(p, 2 * 4096));
	return 0;
}
