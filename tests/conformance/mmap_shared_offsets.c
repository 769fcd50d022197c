/* Shared mappings of one file at several offsets, and one that runs past the end: the page
 * holding the end reads as the file then zeros, and writes there are not the file's. */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mmap-shared-offsets", 1);
	char path[300], page[4096];
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	for (int i = 0; i < 4; i++) {
		memset(page, 'A' + i, sizeof(page));
		SHOW(write(fd, page, i < 3 ? sizeof(page) : 100));
	}
	char *maps[4];
	for (int i = 0; i < 4; i++) {
		maps[i] = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)i * 4096);
		printf("page %d: %c\n", i, maps[i] == MAP_FAILED ? '?' : maps[i][0]);
	}
	printf("last page at 99: %c, at 100: %d\n", maps[3][99], maps[3][100]);
	maps[3][100] = 'x';
	SHOW(fstat(fd, &st));
	printf("size %ld\n", (long)st.st_size);
	maps[1][0] = 'b';
	SHOW(pread(fd, page, 1, 4096));
	printf("page 1 now %c\n", page[0]);
	SHOW(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 4095) == MAP_FAILED);
	for (int i = 0; i < 4; i++)
		SHOW(munmap(maps[i], 4096));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
