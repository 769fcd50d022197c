/* /proc/self/maps marks shared mappings with 's' and private ones with 'p', and shows a file
 * mapping's offset. */
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

/* The permissions and offset /proc/self/maps shows for the mapping that starts at p. */
static void show_mapping(const char *what, const void *p)
{
	char line[512];
	FILE *maps = fopen("/proc/self/maps", "r");

	while (maps && fgets(line, sizeof(line), maps)) {
		unsigned long start, end, offset;
		char perms[5];
		if (sscanf(line, "%lx-%lx %4s %lx", &start, &end, perms, &offset) == 4 &&
		    start == (uintptr_t)p) {
			printf("%s: %s offset %lx, %lu pages\n", what, perms, offset,
			       (end - start) / 4096);
			break;
		}
	}
	if (maps)
		fclose(maps);
}

int main(void)
{
	const char *dir = test_dir("proc-maps-shared", 1);
	char path[300];
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(ftruncate(fd, 3 * 4096));
	/* A PROT_NONE reservation first, so that no neighbour merges with what is shown. */
	char *area = mmap(NULL, 8 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *shared = mmap(area + 4096, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
			    fd, 4096);
	char *private =
		mmap(area + 4 * 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 2 * 4096);
	char *anon = mmap(area + 6 * 4096, 4096, PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	SHOW(shared == area + 4096 && private == area + 4 * 4096 && anon == area + 6 * 4096);
	show_mapping("shared file", shared);
	show_mapping("private file", private);
	SHOW(mprotect(shared + 4096, 4096, PROT_READ));
	show_mapping("shared, second page", shared + 4096);
	show_mapping("anonymous shared", anon);
	SHOW(munmap(area, 8 * 4096));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
