/* Appends with write() show in a shared mapping that covers them, and stores through the
 * mapping past the old end become the file's once it grows over them. */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mmap-shared-append", 1);
	char path[300], buf[32] = { 0 };
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR | O_APPEND, 0644));
	SHOW(write(fd, "start", 5));
	char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	SHOW(p != MAP_FAILED);
	for (int i = 0; i < 3; i++)
		SHOW(write(fd, "+more", 5));
	printf("mapping: %.20s\n", p);
	SHOW(ftruncate(fd, 4100));
	memcpy(p + 4096, "tail", 4);
	SHOW(pread(fd, buf, 4, 4096));
	printf("tail read back: %.4s\n", buf);
	SHOW(fstat(fd, &st));
	printf("size %ld, blocks > 0: %d\n", (long)st.st_size, st.st_blocks > 0);
	SHOW(munmap(p, 2 * 4096));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
