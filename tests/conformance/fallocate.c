/* fallocate(2) on a file: mode 0 grows it with zeros, FALLOC_FL_KEEP_SIZE keeps the size,
 * FALLOC_FL_PUNCH_HOLE zeroes a range; the errors, in vfs_fallocate()'s order. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#ifndef FALLOC_FL_ZERO_RANGE
#define FALLOC_FL_ZERO_RANGE 0x10
#endif

/* The file's size and its bytes, a zero shown as '.'. */
static void show_bytes(int fd)
{
	struct stat st;
	char buf[64];

	if (fstat(fd, &st)) {
		printf("fstat: %s\n", errno_name(errno));
		return;
	}
	long n = pread(fd, buf, sizeof(buf), 0);
	printf("size %ld: \"", (long)st.st_size);
	for (long i = 0; i < n; i++)
		putchar(buf[i] ? buf[i] : '.');
	printf("\"\n");
}

int main(void)
{
	int fd, ro, dfd, path_fd, pipe_fds[2];

	umask(022);
	SHOW(chdir(test_dir("fallocate", 0)));
	SHOW(fd = open("f", O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "0123456789", 10));
	SHOW(fallocate(fd, 0, 0, 5));
	show_bytes(fd);
	SHOW(fallocate(fd, 0, 8, 8));
	show_bytes(fd);
	SHOW(fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 40));
	show_bytes(fd);
	SHOW(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 2, 3));
	show_bytes(fd);
	SHOW(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 14, 100));
	show_bytes(fd);
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(fallocate(fd, 0, 20, 4));
	show_bytes(fd);
	SHOW(write(fd, "ab", 2));
	show_bytes(fd);
	SHOW(ftruncate(fd, 3));
	SHOW(fallocate(fd, 0, 0, 6));
	show_bytes(fd);
	SHOW(posix_fallocate(fd, 4, 4));
	show_bytes(fd);

	/* The errors. */
	SHOW(fallocate(fd, 0, -1, 1));
	SHOW(fallocate(fd, 0, 0, 0));
	SHOW(fallocate(fd, 0, 0, -1));
	SHOW(fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, 1));
	int both = FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE;
	SHOW(fallocate(fd, both, 0, 1));
	SHOW(fallocate(fd, 0x80000, 0, 1));
	SHOW(fallocate(fd, 0, 0x7fffffffffffffffL, 2));
	SHOW(fallocate(99, 0, 0, 1));
	SHOW(fallocate(99, 0, -1, 1));
	SHOW(ro = open("f", O_RDONLY));
	SHOW(fallocate(ro, 0, 0, 1));
	SHOW(path_fd = open("f", O_PATH | O_RDWR));
	SHOW(fallocate(path_fd, 0, 0, 1));
	SHOW(dfd = open(".", O_RDONLY | O_DIRECTORY));
	SHOW(fallocate(dfd, 0, 0, 1));
	SHOW(pipe(pipe_fds));
	SHOW(fallocate(pipe_fds[1], 0, 0, 1));
	SHOW(fallocate(pipe_fds[0], 0, 0, 1));
	int null_fd = open("/dev/null", O_WRONLY);
	SHOW(fallocate(null_fd, 0, 0, 1));
	show_bytes(fd);
	close(fd);
	close(ro);
	close(dfd);
	close(path_fd);
	close(null_fd);
	return 0;
}
