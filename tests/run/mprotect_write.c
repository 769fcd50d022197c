/* A store to memory made read-only with mprotect: the host MMU refuses it, the monitor
 * reports the fault at the page's address and the run ends with 139. */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (page == MAP_FAILED)
		return 1;
	page[0] = 1;
	if (mprotect(page, 4096, PROT_READ))
		return 2;
	printf("read %d, writing to %p\n", page[0], (void *)page);
	fflush(stdout);
	*(volatile int *)page = 0x5eed;
	printf("not reached\n");
	return 0;
}
