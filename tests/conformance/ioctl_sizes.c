/* FIOQSIZE (the bytes a file or directory takes: tmpfs counts whole pages) and FIGETBSZ (the
 * file system's block size) on tmpfs, and what is not a file or directory. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "check.h"

#ifndef FIGETBSZ
#define FIGETBSZ 2 /* <linux/fs.h>: _IO(0x00, 2) */
#endif

int main(void)
{
	const char *dir = test_dir("ioctl-sizes", 1);
	char path[300], page[5000] = { 0 };
	long long bytes = -1;
	int fd, dfd, dn, size = -1;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(ioctl(fd, FIOQSIZE, &bytes));
	printf("empty: %lld\n", bytes);
	SHOW(write(fd, "x", 1));
	SHOW(ioctl(fd, FIOQSIZE, &bytes));
	printf("one byte: %lld\n", bytes);
	SHOW(write(fd, page, sizeof(page)));
	SHOW(ioctl(fd, FIOQSIZE, &bytes));
	printf("5001 bytes: %lld\n", bytes);
	SHOW(ioctl(fd, FIGETBSZ, &size));
	printf("block size %d\n", size);
	SHOW(dfd = open(dir, O_RDONLY | O_DIRECTORY));
	SHOW(ioctl(dfd, FIOQSIZE, &bytes));
	printf("directory: %lld\n", bytes);
	SHOW(dn = open("/dev/null", O_RDONLY));
	SHOW(ioctl(dn, FIOQSIZE, &bytes));
	SHOW(ioctl(fd, FIOQSIZE, (void *)0x1000));
	SHOW(ioctl(fd, FIGETBSZ, (void *)0x1000));
	SHOW(close(dn));
	SHOW(close(dfd));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
