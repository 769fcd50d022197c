/* Anonymous memory: map, write one byte per page, unmap. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>
#include "bench.h"

static int op_mmap_touch_munmap(void *ctx, long iterations)
{
	size_t size = *(size_t *)ctx;

	for (long i = 0; i < iterations; i++) {
		volatile char *p =
		    mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			return errno;
		for (size_t off = 0; off < size; off += 4096)
			p[off] = 1;
		if (munmap((void *)p, size))
			return errno;
	}
	return 0;
}

int main(void)
{
	size_t small = 4096, large = 1 << 20;

	bench_run("mmap_touch_munmap_4KiB", "mmap", op_mmap_touch_munmap, &small);
	bench_run("mmap_touch_munmap_1MiB", "mmap", op_mmap_touch_munmap, &large);
	return bench_exit_status();
}
