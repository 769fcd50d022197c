/* SEEK_DATA and SEEK_HOLE on tmpfs: a file extended by ftruncate is a hole after its written
 * pages; one never written is all hole. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("lseek-holes", 1);
	char path[300];
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "data", 4));
	SHOW(ftruncate(fd, 5 * 4096));
	SHOW(lseek(fd, 0, SEEK_DATA));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(lseek(fd, 0, SEEK_HOLE));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(lseek(fd, 3, SEEK_HOLE));
	SHOW(lseek(fd, 4096, SEEK_DATA));
	SHOW(lseek(fd, 4096, SEEK_HOLE));
	SHOW(lseek(fd, 5 * 4096, SEEK_HOLE));
	SHOW(close(fd));

	snprintf(path, sizeof(path), "%s/empty", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(lseek(fd, 0, SEEK_DATA));
	SHOW(lseek(fd, 0, SEEK_HOLE));
	SHOW(ftruncate(fd, 100));
	SHOW(lseek(fd, 0, SEEK_DATA));
	SHOW(lseek(fd, 50, SEEK_HOLE));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
