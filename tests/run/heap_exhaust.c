/* Allocating until malloc fails: the app's region bounds its heap, malloc returns NULL with
 * ENOMEM, and the program, the LibOS and the monitor go on (run with --memory 64M). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	void **chain = NULL;
	size_t big = 0, small = 0;

	/* Large blocks (mmap), then small ones (brk and mmap), each touched. */
	for (size_t size = 1 << 20; size >= 64; size /= 16) {
		for (;;) {
			void **block = malloc(size);
			if (!block)
				break;
			memset(block, 0x5a, size);
			*block = chain;
			chain = block;
			*(size >= 4096 ? &big : &small) += 1;
		}
		if (errno != ENOMEM)
			printf("malloc failed with errno %d\n", errno);
	}
	printf("malloc returned NULL with ENOMEM after %s\n",
	       big > 10 && small > 10 ? "many blocks" : "too few blocks");
	while (chain) {
		void **next = *chain;
		free(chain);
		chain = next;
	}
	void *again = malloc(16 << 20);
	printf("survived: a 16 MiB block after freeing %s\n", again ? "works" : "fails");
	free(again);
	return 0;
}
