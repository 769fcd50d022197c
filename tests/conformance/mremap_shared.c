/* mremap(2) of a shared file mapping: moved or grown, it still shows the file's pages from
 * the same offset. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mremap-shared", 1);
	char path[300], buf[8] = { 0 };
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	for (int i = 0; i < 4; i++) {
		char page[4096];
		memset(page, '1' + i, sizeof(page));
		SHOW(write(fd, page, sizeof(page)));
	}
	/* Two pages: the file's, then a wall, so that it has to move to grow. */
	char *wall = mmap(NULL, 2 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *p = mmap(wall, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 4096);
	SHOW(p == wall);
	wall += 4096;
	char *q = mremap(p, 4096, 3 * 4096, MREMAP_MAYMOVE);
	SHOW(q != MAP_FAILED && q != p);
	printf("pages: %c %c %c\n", q[0], q[4096], q[2 * 4096]);
	q[2 * 4096 + 1] = '!';
	SHOW(pread(fd, buf, 2, 3 * 4096));
	printf("file at 12288: %.2s\n", buf);
	SHOW(pwrite(fd, "?", 1, 2 * 4096));
	printf("mapping at 4096: %c\n", q[4096]);

	/* A second mapping of the same pages: old size 0. */
	char *twin = mremap(q, 0, 4096, MREMAP_MAYMOVE);
	SHOW(twin != MAP_FAILED && twin != q);
	twin[5] = '*';
	printf("q[5] = %c\n", q[5]);

	/* Shrunk, it keeps the start. */
	SHOW(mremap(q, 3 * 4096, 4096, 0) == q);
	printf("q[5] still %c\n", q[5]);
	SHOW(munmap(q, 4096));
	SHOW(munmap(twin, 4096));
	SHOW(munmap(wall, 4096));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
