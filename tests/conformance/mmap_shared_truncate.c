/* A file shrunk under its shared mapping: the rest of the page holding the new end reads as
 * zeros through the mapping, and stays zeros when the file grows again. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mmap-shared-truncate", 1);
	char path[300], buf[8] = { 0 };
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(ftruncate(fd, 4096));
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	SHOW(p != MAP_FAILED);
	memset(p, 'q', 4096);
	SHOW(ftruncate(fd, 10));
	printf("kept %c, cut %d %d\n", p[9], p[10], p[4095]);
	SHOW(ftruncate(fd, 4096));
	printf("grown back: %d %d\n", p[10], p[4095]);
	SHOW(pread(fd, buf, 4, 8));
	printf("read: %d %d %d %d\n", buf[0], buf[1], buf[2], buf[3]);
	p[100] = 'w';
	SHOW(ftruncate(fd, 0));
	SHOW(ftruncate(fd, 200));
	printf("after 0 and back: %d %d\n", p[0], p[100]);
	SHOW(munmap(p, 4096));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
