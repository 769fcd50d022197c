/* /proc/self/maps follows mremap: the moved mapping is listed where it went with its
 * permissions and size, nothing is left where it was. */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

/* The mapping of /proc/self/maps that holds p: its permissions and size, or "none". */
static void show_mapping(const char *what, const void *p)
{
	char line[512];
	FILE *maps = fopen("/proc/self/maps", "r");
	int found = 0;

	while (maps && fgets(line, sizeof(line), maps)) {
		unsigned long start, end;
		char perms[5];
		if (sscanf(line, "%lx-%lx %4s", &start, &end, perms) == 3 &&
		    start <= (uintptr_t)p && (uintptr_t)p < end) {
			printf("%s: %s, %lu pages from it\n", what, perms,
			       (end - (uintptr_t)p) / 4096);
			found = 1;
		}
	}
	if (!found)
		printf("%s: none\n", what);
	if (maps)
		fclose(maps);
}

int main(void)
{
	/* A PROT_NONE guard on each side keeps neighbours from merging with it. */
	char *area = mmap(NULL, 4 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *p = mmap(area + 4096, 2 * 4096, PROT_READ | PROT_EXEC,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	SHOW(p == area + 4096);
	show_mapping("before", p);
	char *q = mremap(p, 2 * 4096, 2 * 4096, MREMAP_MAYMOVE | MREMAP_FIXED,
			 mmap(NULL, 2 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	SHOW(q != MAP_FAILED);
	show_mapping("moved", q);
	show_mapping("where it was", p);
	show_mapping("guard", area);
	SHOW(munmap(q, 2 * 4096));
	SHOW(munmap(area, 4 * 4096));
	return 0;
}
