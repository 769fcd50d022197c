/* madvise(2): MADV_DONTNEED empties private anonymous pages, keeps a shared file mapping's
 * (they are the file's), and the errors for bad advice, addresses and holes. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("madvise", 1);
	char path[300];
	int fd;

	char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	memset(p, 'p', 3 * 4096);
	SHOW(madvise(p + 4096, 4096, MADV_DONTNEED));
	printf("private: %c %d %c\n", p[0], p[4096], p[2 * 4096]);
	SHOW(madvise(p, 3 * 4096, MADV_NORMAL));
	SHOW(madvise(p, 3 * 4096, MADV_RANDOM));
	SHOW(madvise(p, 3 * 4096, MADV_SEQUENTIAL));
	SHOW(madvise(p, 3 * 4096, MADV_WILLNEED));
	SHOW(madvise(p, 0, MADV_DONTNEED));
	SHOW(madvise(p + 1, 4096, MADV_DONTNEED));
	SHOW(madvise(p, 4096, 12345));
	SHOW(munmap(p + 4096, 4096));
	SHOW(madvise(p, 3 * 4096, MADV_DONTNEED));
	SHOW(madvise(p, 3 * 4096, MADV_NORMAL));
	SHOW(madvise((void *)0x400000000, 4096, MADV_WILLNEED));
	printf("first page emptied by the failed call: %d\n", p[0]);

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(ftruncate(fd, 4096));
	char *s = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	SHOW(s != MAP_FAILED);
	strcpy(s, "kept");
	SHOW(madvise(s, 4096, MADV_DONTNEED));
	printf("shared: %s\n", s);
	SHOW(munmap(s, 4096));
	SHOW(munmap(p, 3 * 4096));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
