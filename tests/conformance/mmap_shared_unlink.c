/* A shared mapping keeps its file's pages after the file is closed and unlinked; two mappings
 * of one file, at different offsets, see each other's stores. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mmap-shared-unlink", 1);
	char path[300];
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0600));
	SHOW(ftruncate(fd, 3 * 4096));
	char *whole = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *middle = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 4096);
	SHOW(whole != MAP_FAILED && middle != MAP_FAILED);
	SHOW(close(fd));
	SHOW(unlink(path));
	SHOW(access(path, F_OK));

	strcpy(whole + 4096, "through the first");
	printf("second sees: %s\n", middle);
	strcpy(middle + 100, "through the second");
	printf("first sees: %s\n", whole + 4196);
	SHOW(munmap(whole, 4096));
	SHOW(munmap(whole + 2 * 4096, 4096));
	printf("still: %s\n", whole + 4096);
	SHOW(munmap(middle, 4096));
	printf("and: %s\n", whole + 4196);
	SHOW(munmap(whole + 4096, 4096));
	remove_tree(dir);
	return 0;
}
