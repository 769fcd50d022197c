/* A MAP_SHARED mapping of a file is the file: a store through it is what read() returns, a
 * write() is what the mapping shows, and msync has nothing left to do. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mmap-shared-file", 1);
	char path[300], buf[32] = { 0 };
	int fd;

	snprintf(path, sizeof(path), "%s/data", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "hello, world", 12));
	char *map = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	SHOW(map != MAP_FAILED);
	printf("mapped: %.12s\n", map);
	printf("after the end of the file: %d %d\n", map[12], map[4095]);

	memcpy(map, "HELLO", 5);
	SHOW(pread(fd, buf, 12, 0));
	printf("read: %s\n", buf);
	SHOW(pwrite(fd, "planet", 6, 7));
	printf("mapped: %.13s\n", map);
	SHOW(lseek(fd, 0, SEEK_END));
	SHOW(msync(map, 4096, MS_SYNC));
	SHOW(msync(map, 4096, MS_ASYNC | MS_INVALIDATE));

	/* Bytes stored past the end are not the file's. */
	map[20] = 'x';
	struct stat st;
	SHOW(fstat(fd, &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW(read(fd, buf, sizeof(buf)));

	/* The file grows under the mapping: its new bytes are the mapping's (and what was stored
	 * past the old end in its page stays, as tmpfs leaves it). */
	SHOW(pwrite(fd, "!", 1, 30));
	printf("byte 20 now %d, byte 30 %c\n", map[20], map[30]);
	SHOW(ftruncate(fd, 5000));
	map[4999] = 'z';
	SHOW(pread(fd, buf, 1, 4999));
	printf("byte 4999: %c\n", buf[0]);

	SHOW(munmap(map, 8192));
	SHOW(close(fd));
	SHOW(fd = open(path, O_RDONLY));
	SHOW(read(fd, buf, 13));
	printf("contents: %.13s\n", buf);
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
