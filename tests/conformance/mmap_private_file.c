/* A MAP_PRIVATE file mapping: the file's bytes from the offset, zeros after its end up to the
 * page's, and stores that stay in the mapping. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mmap-private-file", 1);
	char path[300], buf[16] = { 0 };
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	for (int i = 0; i < 3; i++) {
		char page[4096];
		memset(page, 'A' + i, sizeof(page));
		SHOW(write(fd, page, sizeof(page)));
	}
	SHOW(write(fd, "tail", 4));

	char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 2 * 4096);
	SHOW(p != MAP_FAILED);
	printf("at 0: %c, at 4095: %c, at 4096: %.4s, at 4100: %d, at 8191: %d\n", p[0], p[4095],
	       p + 4096, p[4100], p[8191]);
	p[0] = 'x';
	SHOW(pread(fd, buf, 1, 2 * 4096));
	printf("file still has %c\n", buf[0]);
	SHOW(pwrite(fd, "TAIL", 4, 3 * 4096));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(munmap(p, 2 * 4096));

	char *q = mmap(NULL, 100, PROT_READ, MAP_PRIVATE, fd, 0);
	SHOW(q != MAP_FAILED);
	printf("q: %c %c\n", q[0], q[4095]);
	SHOW(munmap(q, 100));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
