/* stat of a file written through a shared mapping: its size is what ftruncate and write made
 * it, its blocks are whole pages, and fsync, fdatasync and msync all succeed. */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("stat-mapped", 1);
	char path[300];
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(ftruncate(fd, 3 * 4096));
	char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	SHOW(p != MAP_FAILED);
	memset(p, 1, 3 * 4096);
	SHOW(fstat(fd, &st));
	printf("size %ld blocks %ld\n", (long)st.st_size, (long)st.st_blocks);
	SHOW(msync(p, 3 * 4096, MS_SYNC));
	SHOW(fsync(fd));
	SHOW(fdatasync(fd));
	SHOW(write(fd, "appended", 8));
	SHOW(fstat(fd, &st));
	printf("size %ld blocks %ld\n", (long)st.st_size, (long)st.st_blocks);
	SHOW(munmap(p, 3 * 4096));
	SHOW(stat(path, &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
