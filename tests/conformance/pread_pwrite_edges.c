/* pread(2) and pwrite(2) at the edges: negative offsets, offsets past the end (a pwrite there
 * leaves zeros before it), pipes, and the position left where it was. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("pread-pwrite-edges", 0);
	char path[300], buf[16] = { 0 };
	struct stat st;
	int fd, fds[2], dn;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "abc", 3));
	SHOW(pread(fd, buf, 4, -1));
	SHOW(pwrite(fd, buf, 4, -1));
	SHOW(pread(fd, buf, 4, 3));
	SHOW(pread(fd, buf, 4, 1000));
	SHOW(pwrite(fd, "z", 1, 10));
	SHOW(fstat(fd, &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW(pread(fd, buf, sizeof(buf), 0));
	for (int i = 0; i < 11; i++)
		printf("%d ", buf[i]);
	printf("\n");
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(pwrite(fd, "", 0, 100));
	SHOW(fstat(fd, &st));
	printf("size after an empty pwrite past the end: %ld\n", (long)st.st_size);
	SHOW(pipe(fds));
	SHOW(pread(fds[0], buf, 1, 0));
	SHOW(pwrite(fds[1], "x", 1, 0));
	SHOW(dn = open("/dev/null", O_RDWR));
	SHOW(pread(dn, buf, 1, 0));
	SHOW(pwrite(dn, "x", 1, 12345));
	SHOW(pread(999, buf, 1, 0));
	SHOW(close(dn));
	SHOW(close(fds[0]));
	SHOW(close(fds[1]));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
