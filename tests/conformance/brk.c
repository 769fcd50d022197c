/* The program break through the system call (musl's brk() always fails): it grows with
 * zeroed pages, shrinks, and a request it cannot meet returns the current break. */
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	/* The C library's buffer for stdout first: glibc's malloc takes it from the break. */
	printf("the break:\n");
	fflush(stdout);
	long start = syscall(SYS_brk, 0);
	SHOW(start > 0);
	SHOW(syscall(SYS_brk, 0) == start);
	long grown = syscall(SYS_brk, start + 3 * 4096 + 5);
	SHOW(grown - start);
	char *heap = (char *)start;
	long sum = 0;
	for (int i = 0; i < 3 * 4096 + 5; i++)
		sum += heap[i];
	printf("fresh break memory sums to %ld\n", sum);
	memset(heap, 'b', 3 * 4096 + 5);
	SHOW(syscall(SYS_brk, start + 4096) - start);
	printf("kept %c\n", heap[4095]);
	SHOW(syscall(SYS_brk, start + 2 * 4096) - start);
	printf("page regrown after a shrink: %d\n", heap[4096]);
	SHOW(syscall(SYS_brk, start - 4096 * 1024L) - start);
	SHOW(syscall(SYS_brk, 1) - start);
	SHOW(syscall(SYS_brk, -4096L) - start);
	SHOW(syscall(SYS_brk, start) - start);
	return 0;
}
