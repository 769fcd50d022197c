/* Corners of the file system calls: O_PATH fds, seeking a directory to the first entry,
 * symlinks to directories as dirfds, and names made through ".." of a moved directory. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#ifndef F_OFD_GETLK
#define F_OFD_GETLK 36
#endif

struct dirent64_raw {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

int main(void)
{
	char buf[256];
	struct stat st;
	int fd, dfd;

	umask(022);
	SHOW(chdir(test_dir("fs_edges", 1)));
	make_file("f", "data");
	SHOW(mkdir("d", 0755));
	SHOW(symlink("d", "dlink"));
	SHOW(symlink("f", "flink"));

	SHOW(open("missing", O_PATH | O_CREAT, 0644));
	SHOW(fd = open("flink", O_PATH | O_NOFOLLOW));
	SHOW(fstat(fd, &st));
	printf("O_PATH|O_NOFOLLOW on a symlink: link %d\n", S_ISLNK(st.st_mode));
	memset(buf, 0, sizeof(buf));
	SHOW(readlinkat(fd, "", buf, sizeof(buf)));
	printf("target %s\n", buf);
	SHOW(read(fd, buf, 1));
	SHOW(lseek(fd, 0, SEEK_SET));
	SHOW(fchdir(fd));
	SHOW(openat(fd, "x", O_RDONLY));
	printf("F_GETFL %o\n", fcntl(fd, F_GETFL));
	SHOW(close(fd));
	SHOW(fd = open("f", O_PATH));
	SHOW(syscall(SYS_utimensat, fd, NULL, NULL, 0));
	SHOW(utimensat(fd, "", NULL, AT_EMPTY_PATH));
	SHOW(linkat(fd, "", AT_FDCWD, "f2", AT_EMPTY_PATH));
	show_node("f");
	printf("F_GETFL %o\n", fcntl(fd, F_GETFL));
	SHOW(close(fd));

	SHOW(dfd = open("dlink", O_RDONLY | O_DIRECTORY));
	SHOW(mkdirat(dfd, "viafd", 0755));
	show_node("d/viafd");
	SHOW(symlinkat("x", dfd, "sym"));
	SHOW(renameat(dfd, "sym", AT_FDCWD, "sym2"));
	show_node("sym2");
	SHOW(close(dfd));
	SHOW(fd = open("f", O_RDONLY));
	SHOW(symlinkat("x", fd, "sym"));
	SHOW(close(fd));

	/* lseek to 2 starts the entries over; ".." of a moved directory follows it. */
	SHOW(mkdir("list", 0755));
	make_file("list/one", "");
	make_file("list/two", "");
	SHOW(dfd = open("list", O_RDONLY | O_DIRECTORY));
	SHOW(lseek(dfd, 2, SEEK_SET));
	long n = syscall(SYS_getdents64, dfd, buf, sizeof(buf));
	int count = 0;
	for (long pos = 0; pos < n; count++)
		pos += ((struct dirent64_raw *)(buf + pos))->d_reclen;
	printf("from 2: %d entries\n", count);
	SHOW(rename("list", "d/list"));
	SHOW(mkdirat(dfd, "../made-through-dotdot", 0755));
	show_node("d/made-through-dotdot");
	SHOW(close(dfd));

	struct flock fl = { .l_type = F_UNLCK, .l_whence = SEEK_SET };
	SHOW(fd = open("f", O_RDWR));
	SHOW(fcntl(fd, F_OFD_GETLK, &fl));
	SHOW(close(fd));
	SHOW(chmod("/dev/null", 0666));
	SHOW(chdir("/"));
	remove_tree(test_dir("fs_edges", 1));
	return 0;
}
