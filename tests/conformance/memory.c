/* Anonymous memory: mmap, munmap, mprotect, brk-backed malloc, and the
 * argument errors. */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	SHOW(((uintptr_t)p & 4095) == 0);
	long sum = 0;
	for (int i = 0; i < (1 << 20); i += 4096)
		sum += p[i];
	printf("fresh pages sum to %ld\n", sum);
	memset(p, 7, 1 << 20);
	SHOW(mprotect(p, 4096, PROT_READ));
	/* musl's mprotect() rounds the address down: ask the kernel directly. */
	SHOW(syscall(SYS_mprotect, p + 1, 4096, PROT_READ));
	SHOW(mprotect(p, 4096, 0x40));
	SHOW(munmap(p + 4096, 4096));
	SHOW(munmap(p + 1, 4096));
	SHOW(munmap(p, 0));
	SHOW(write(1, p + 4096, 1));
	SHOW(munmap(p, 1 << 20));
	SHOW((long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	SHOW((long)mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0));
	SHOW((long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 12345, 0));
	SHOW((long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1));

	char *q = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW((long)mmap(q, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0));
	q[0] = 1;
	SHOW(mmap(q, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == q);
	SHOW(q[0]);

	char *big = malloc(64 << 20);
	SHOW(big != NULL);
	memset(big, 1, 64 << 20);
	free(big);
	/* musl's brk() always fails: use the system call. */
	long cur = syscall(SYS_brk, 0);
	SHOW(cur > 0);
	SHOW(syscall(SYS_brk, cur + 8192) == cur + 8192);
	memset((char *)cur, 3, 8192);
	SHOW(syscall(SYS_brk, cur) == cur);
	SHOW(syscall(SYS_brk, 1) == cur);
	return 0;
}
