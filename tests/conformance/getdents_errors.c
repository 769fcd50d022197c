/* getdents64(2): small buffers, bad fds, non-directories, bad pointers, seeking. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

struct dirent64_raw {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

int main(void)
{
	char buf[512];
	int fd, ffd;

	umask(022);
	SHOW(chdir(test_dir("getdents_errors", 1)));
	SHOW(mkdir("d", 0755));
	make_file("d/file", "");
	SHOW(fd = open("d", O_RDONLY | O_DIRECTORY));
	SHOW(syscall(SYS_getdents64, fd, buf, 0));
	SHOW(syscall(SYS_getdents64, fd, buf, 1));
	SHOW(syscall(SYS_getdents64, fd, buf, 23));
	SHOW(syscall(SYS_getdents64, fd, buf, 24));
	struct dirent64_raw *d = (void *)buf;
	printf("one entry: %s reclen %d\n", d->d_name, d->d_reclen);
	SHOW(syscall(SYS_getdents64, fd, buf, 48));
	printf("next: %s\n", d->d_name);
	SHOW(syscall(SYS_getdents64, fd, buf, 30));
	printf("next: %s\n", d->d_name);
	SHOW(syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	SHOW(lseek(fd, 0, SEEK_SET));
	SHOW(syscall(SYS_getdents64, fd, (void *)0x1000, sizeof(buf)));
	SHOW(syscall(SYS_getdents64, fd, buf, sizeof(buf)) > 0);
	SHOW(lseek(fd, -1, SEEK_SET));
	SHOW(lseek(fd, 0, SEEK_END));
	SHOW(lseek(fd, 1, SEEK_SET));
	SHOW(syscall(SYS_getdents64, fd, buf, 24));
	printf("from 1: %s\n", d->d_name);
	SHOW(lseek(fd, 0, SEEK_CUR) > 1);
	SHOW(syscall(SYS_getdents64, 99, buf, sizeof(buf)));
	SHOW(syscall(SYS_getdents64, -1, buf, sizeof(buf)));
	SHOW(ffd = open("d/file", O_RDONLY));
	SHOW(syscall(SYS_getdents64, ffd, buf, sizeof(buf)));
	SHOW(close(ffd));
	SHOW(ffd = open("/dev/null", O_RDONLY));
	SHOW(syscall(SYS_getdents64, ffd, buf, sizeof(buf)));
	SHOW(close(ffd));
	SHOW(read(fd, buf, sizeof(buf)));
	SHOW(close(fd));
	SHOW(chdir("/"));
	remove_tree(test_dir("getdents_errors", 1));
	return 0;
}
