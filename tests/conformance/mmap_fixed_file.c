/* MAP_FIXED over part of a file mapping: the replaced pages are the new mapping's, the rest
 * keep the file's; MAP_FIXED_NOREPLACE refuses anything mapped. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mmap-fixed-file", 1);
	char path[300];
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	for (int i = 0; i < 3; i++) {
		char page[4096];
		memset(page, 'a' + i, sizeof(page));
		SHOW(write(fd, page, sizeof(page)));
	}
	char *p = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	SHOW(p != MAP_FAILED);
	char *q = mmap(p + 4096, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	SHOW(q == p + 4096);
	printf("pages: %c %d %c\n", p[0], p[4096], p[2 * 4096]);
	char *r = mmap(p + 4096, 4096, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 2 * 4096);
	SHOW(r == p + 4096);
	printf("pages: %c %c %c\n", p[0], p[4096], p[2 * 4096]);
	SHOW(mmap(p + 2 * 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		  -1, 0) == MAP_FAILED);
	SHOW(errno == EEXIST);
	SHOW(munmap(p, 3 * 4096));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
